"""The model store: installed models under ``models_dir()``, one folder per model id.

Layout::

    <models_dir>/
        <id>/                  a CTranslate2 model folder + khulasa-model.json (manifest)
        store.json             {"default": id, "sha256": {url: sha256 recorded on first download}}
        .downloads/            <file>.part while downloading (kept for resume)
        .staging-*/            temporary install folders (removed afterwards)

Installing is atomic: a package is unpacked, converted, described and test
translated in a staging folder, which is renamed to ``<id>`` only when all of
that succeeded.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from models import paths
from models.errors import CancelledError, ModelError, NoModelError
from models.translation.catalogue import CATALOGUE, CatalogueEntry, entry_for_file, find_entry
from models.translation.download import CancelCallback, Progress, ProgressCallback, fetch
from models.translation.packages import convert_marian, find_package, package_licence, safe_extract
from models.translation.tokenization import MANIFEST, find_model_files

log = logging.getLogger(__name__)

TEST_SENTENCE = "قال وزير الخارجية إن المحادثات ستستأنف في القاهرة يوم الاثنين."
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_NON_COMMERCIAL = re.compile(r"\bNC\b|non-?commercial", re.IGNORECASE)
NO_MODEL_HELP = ("No translation model is installed. Download one with "
                 "'python main.py models download opus-mt-ara-eng', or import a model you already have "
                 "with 'python main.py models import PATH' (a folder, .argosmodel or OPUS-MT zip).")


@dataclass(frozen=True, slots=True)
class InstalledModel:
    """A model in the store, described by its manifest."""

    id: str
    name: str
    path: Path
    licence: str = ""
    source: str = ""
    layout: str = ""
    sha256: str = ""
    non_commercial: bool = False
    installed: str = ""


def _slug(name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")[:64]
    return slug or "model"


class ModelStore:
    """Installed translation models. ``root`` defaults to ``models.paths.models_dir()``."""

    def __init__(self, root: str | Path | None = None) -> None:
        self.root = Path(root) if root is not None else paths.models_dir()
        self.root.mkdir(parents=True, exist_ok=True)

    # -- settings ---------------------------------------------------------
    def _settings(self) -> dict:
        try:
            data = json.loads((self.root / "store.json").read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _save_settings(self, data: dict) -> None:
        tmp = self.root / "store.json.tmp"
        tmp.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
        tmp.replace(self.root / "store.json")

    # -- queries ----------------------------------------------------------
    def installed(self) -> list[InstalledModel]:
        """Installed models, catalogue order first, then by id."""
        models = []
        for folder in sorted(self.root.iterdir()):
            if folder.name.startswith(".") or not (folder / MANIFEST).is_file():
                continue
            try:
                data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
                models.append(InstalledModel(**{**data, "id": folder.name, "path": folder}))
            except (OSError, ValueError, TypeError) as exc:
                log.warning("ignoring model folder %s: unreadable manifest (%s)", folder, exc)
        order = {e.id: n for n, e in enumerate(CATALOGUE)}
        return sorted(models, key=lambda m: (order.get(m.id, len(order)), m.id))

    def get(self, model_id: str) -> InstalledModel | None:
        return next((m for m in self.installed() if m.id == model_id), None)

    def default(self) -> InstalledModel | None:
        """The chosen default model, else the first installed one, else None."""
        models = self.installed()
        chosen = self._settings().get("default")
        return next((m for m in models if m.id == chosen), models[0] if models else None)

    def set_default(self, model_id: str) -> None:
        if self.get(model_id) is None:
            raise ModelError(f"model {model_id!r} is not installed")
        self._save_settings({**self._settings(), "default": model_id})

    def remove(self, model_id: str) -> None:
        """Delete an installed model (and forget it as the default)."""
        model = self.get(model_id)
        if model is None:
            raise ModelError(f"model {model_id!r} is not installed")
        shutil.rmtree(model.path)
        settings = self._settings()
        if settings.get("default") == model_id:
            settings.pop("default")
            self._save_settings(settings)

    def resolve(self, spec: str | None = None) -> Path:
        """The model folder for ``spec`` (a folder path or an installed id; None: the default).

        Raises:
            NoModelError: nothing installed, or ``spec`` names no model.
            ModelError: ``spec`` is a folder but not a usable model.
        """
        if spec is None:
            model = self.default()
            if model is None:
                raise NoModelError(NO_MODEL_HELP)
            return model.path
        model = self.get(spec) if _ID.match(spec) else None
        if model is not None:
            return model.path
        path = Path(spec).expanduser()
        if path.is_dir():
            return find_model_files(path).root
        if path.is_file():
            raise NoModelError(f"{path}: a package file must be installed first: "
                               f"python main.py models import {path}")
        if find_entry(spec) is not None:
            raise NoModelError(f"model {spec!r} is not installed; "
                               f"get it with: python main.py models download {spec}")
        installed = ", ".join(m.id for m in self.installed()) or "none"
        raise NoModelError(f"{spec}: no such model folder or installed model id (installed: {installed})")

    # -- installing -------------------------------------------------------
    def download(self, model: str | CatalogueEntry, *, progress: ProgressCallback | None = None,
                 cancel: CancelCallback | None = None) -> InstalledModel:
        """Download a catalogue model (by id, or an entry), verify it and install it.

        Raises:
            ModelError: unknown, import-only or already installed model; network, disk,
                checksum, conversion or test-translation failure (nothing is installed).
            CancelledError: cancelled (the partial or complete download is kept for next time).
        """
        entry = find_entry(model) if isinstance(model, str) else model
        if entry is None:
            known = ", ".join(e.id for e in CATALOGUE if not e.import_only)
            raise ModelError(f"{model}: not in the catalogue (downloadable: {known})")
        if entry.import_only:
            raise ModelError(f"{entry.id} cannot be downloaded here: {entry.notes}")
        self._check_free_id(entry.id)
        settings = self._settings()
        recorded = settings.get("sha256", {}).get(entry.url)
        downloads = self.root / ".downloads"
        archive = downloads / _slug(entry.file_name)
        digest = fetch(entry.url, archive, size=entry.size, sha256=entry.sha256 or recorded,
                       progress=progress, cancel=cancel)
        try:
            installed = self._install(archive, entry.id, entry, digest, progress, cancel)
        except CancelledError:
            archive.replace(archive.with_name(archive.name + ".part"))  # verified: next time no re-download
            raise
        finally:
            archive.unlink(missing_ok=True)
        if entry.sha256 is None and recorded is None:
            settings = self._settings()
            settings.setdefault("sha256", {})[entry.url] = digest
            self._save_settings(settings)
        return installed

    def import_path(self, path: str | Path, *, progress: ProgressCallback | None = None,
                    cancel: CancelCallback | None = None, model_id: str | None = None) -> InstalledModel:
        """Install a local model folder, ``.argosmodel`` file or OPUS-MT/Marian zip.

        The id is ``model_id``, the catalogue id when the file is a catalogue
        download, else the file or folder name.

        Raises:
            ModelError: missing or unrecognised package, unsafe archive, id taken,
                conversion or test-translation failure (nothing is installed).
            CancelledError: cancelled.
        """
        source = Path(path).expanduser()
        if not source.exists():
            raise ModelError(f"{source}: no such file or folder")
        entry = entry_for_file(source.name)
        stem = source.name if source.is_dir() else source.stem
        new_id = model_id or (entry.id if entry else _slug(stem))
        self._check_free_id(new_id)
        return self._install(source, new_id, entry, "", progress, cancel)

    def _check_free_id(self, model_id: str) -> None:
        if not _ID.match(model_id):
            raise ModelError(f"{model_id!r} is not a valid model id (letters, digits, '.', '_', '-')")
        if (self.root / model_id).exists():
            raise ModelError(f"model {model_id!r} is already installed; remove it first "
                             f"(python main.py models remove {model_id})")

    def _install(self, source: Path, model_id: str, entry: CatalogueEntry | None, sha256: str,
                 progress: ProgressCallback | None, cancel: CancelCallback | None) -> InstalledModel:
        def report(stage: str) -> None:
            if progress is not None:
                progress(Progress(stage))

        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.root))
        try:
            unpacked = source
            if source.is_file():
                report("extract")
                unpacked = staging / "unpacked"
                safe_extract(source, unpacked, cancel=cancel)
            package = find_package(unpacked)
            licence = entry.licence if entry else package_licence(package.root, unpacked)
            model_dir = staging / "model"
            if package.kind == "marian":
                report("convert")
                convert_marian(package.root, model_dir)
            elif source.is_file():
                package.root.rename(model_dir)
            else:
                shutil.copytree(package.root, model_dir)
            files = find_model_files(model_dir)
            manifest = {
                "name": entry.name if entry else model_id,
                "licence": licence,
                "source": entry.url if entry else str(source),
                "layout": files.layout,
                "sha256": sha256,
                "non_commercial": entry.non_commercial if entry else bool(_NON_COMMERCIAL.search(licence)),
                "installed": datetime.now(UTC).isoformat(timespec="seconds"),
            }
            (model_dir / MANIFEST).write_text(json.dumps({"id": model_id, **manifest}, indent=2,
                                                         ensure_ascii=False), encoding="utf-8")
            report("test")
            _test_translation(model_dir, cancel)
            report("install")
            final = self.root / model_id
            if final.exists():
                raise ModelError(f"model {model_id!r} is already installed")
            model_dir.rename(final)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        if self._settings().get("default") is None:
            self.set_default(model_id)
        installed = self.get(model_id)
        assert installed is not None
        return installed


def _test_translation(model_dir: Path, cancel: CancelCallback | None) -> None:
    """Load the model and translate one sentence; a model that cannot is not installed."""
    from models.translation.translator import Translator

    try:
        result = Translator(model_dir, cache=False, device="cpu").translate([TEST_SENTENCE], cancel=cancel)
    except ModelError:
        raise
    except Exception as exc:  # a broken model can make CTranslate2 raise anything
        raise ModelError(f"the model failed its test translation ({exc}); nothing was installed") from exc
    if not result or not result[0].target.strip():
        raise ModelError("the model produced no English for a test sentence; nothing was installed")
