"""Model packages: safe unpacking, recognising what a package holds, Marian conversion.

A package is a Marian/OPUS-MT zip or folder (``decoder.yml`` + ``.npz`` +
``.spm``), an Argos ``.argosmodel`` zip, or a CTranslate2 model folder. Archives
are unpacked member by member; an entry that would land outside the target
folder (absolute path, ``..``, link) rejects the whole archive. Nothing is
unpickled: numpy loads Marian weights with ``allow_pickle=False``.
"""

from __future__ import annotations

import json
import re
import shutil
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from models.errors import CancelledError, ModelError
from models.translation.download import CancelCallback, check_free_space
from models.translation.tokenization import find_model_files

_KEEP_WITH_CONVERTED = ("source.spm", "target.spm", "README.md", "LICENSE", "LICENSE.txt")


@dataclass(frozen=True, slots=True)
class Package:
    """A recognised package folder: ``kind`` is ``marian`` (needs conversion) or ``ct2``."""

    root: Path
    kind: str


def safe_extract(archive: Path, dest: Path, *, cancel: CancelCallback | None = None) -> None:
    """Unpack a zip archive into ``dest``.

    Raises:
        ModelError: not a zip archive, an entry escaping ``dest``, or too little disk space.
        CancelledError: ``cancel()`` turned true.
    """
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ModelError(f"{archive}: not a model package (not a readable zip archive: {exc})") from exc
    with zf:
        members = zf.infolist()
        for info in members:
            name = info.filename.replace("\\", "/")
            parts = PurePosixPath(name).parts
            if (not parts or PurePosixPath(name).is_absolute() or ".." in parts or ":" in parts[0]
                    or stat.S_ISLNK(info.external_attr >> 16)):
                raise ModelError(f"{archive}: unsafe archive entry {info.filename!r} "
                                 "(points outside the package); nothing was installed")
        dest.mkdir(parents=True, exist_ok=True)
        check_free_space(dest, sum(i.file_size for i in members))
        root = dest.resolve()
        try:
            for info in members:
                if cancel is not None and cancel():
                    raise CancelledError()
                target = (root / info.filename.replace("\\", "/")).resolve()
                if not target.is_relative_to(root):
                    raise ModelError(f"{archive}: unsafe archive entry {info.filename!r}; "
                                     "nothing was installed")
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, target.open("wb") as out:
                    shutil.copyfileobj(src, out, 1 << 20)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise ModelError(f"{archive}: damaged archive ({exc})") from exc


def _candidates(folder: Path) -> list[Path]:
    """The folder itself and its subfolders up to two levels down, shallowest first."""
    found = [folder]
    for depth in ("*", "*/*"):
        found += sorted(p for p in folder.glob(depth) if p.is_dir() and not p.name.startswith("."))
    return found


def find_package(folder: Path) -> Package:
    """Recognise the model inside an unpacked package or a folder.

    Raises:
        ModelError: no Marian model and no CTranslate2 model with SentencePiece files.
    """
    for candidate in _candidates(folder):
        if (candidate / "decoder.yml").is_file():
            return Package(candidate, "marian")
        try:
            find_model_files(candidate)
        except ModelError:
            continue
        return Package(candidate, "ct2")
    raise ModelError(f"{folder}: no translation model found (expected an OPUS-MT/Marian model, "
                     "an Argos package or a CTranslate2 folder with SentencePiece models)")


_README = ("README.md", "README.txt", "README")
_LICENCE_FILES = ("LICENSE", "LICENSE.txt", "LICENSE.md", "LICENCE", "LICENCE.txt", "COPYING")
_LICENCE_LINE = re.compile(r"^[ \t]*[*-]?[ \t]*\**licen[cs]e\**[ \t]*[:=][ \t]*(\S.*?)[ \t]*$",
                           re.IGNORECASE | re.MULTILINE)
_CC = re.compile(r"\bAttribution((?:-NonCommercial)?(?:-ShareAlike|-NoDerivatives|-NoDerivs)?) (\d\.\d)\b")
_CC_PARTS = {"NonCommercial": "NC", "ShareAlike": "SA", "NoDerivatives": "ND", "NoDerivs": "ND"}


def _read(path: Path, limit: int = 20_000) -> str:
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            return f.read(limit)
    except OSError:
        return ""


def _licence_heading(text: str) -> str:
    """A licence file's name for itself: a Creative Commons id, or its first line of words."""
    if match := _CC.search(text):
        parts = [_CC_PARTS[p] for p in match.group(1).split("-") if p]
        return "-".join(["CC-BY", *parts, match.group(2)])
    line = next((ln.strip(" #=*-\t") for ln in text.splitlines() if re.search(r"\w", ln)), "")
    return line[:80]


def package_licence(root: Path, top: Path) -> str:
    """The licence a model package states for itself, or ``""``.

    Looked for in the package folder ``root``, then in each folder above it up to
    ``top`` (where the archive was unpacked): ``metadata.json``'s
    ``license``/``licence``, a ``license:`` line in the README (YAML front
    matter or a Markdown list), then the heading of a LICENSE file, which is
    named as the source.
    """
    for folder in [root, *(p for p in root.parents if p.is_relative_to(top))]:
        try:
            metadata = json.loads(_read(folder / "metadata.json") or "{}")
        except ValueError:
            metadata = {}
        value = (metadata.get("license") or metadata.get("licence")) if isinstance(metadata, dict) else None
        if isinstance(value, str) and value.strip():
            return value.strip()
        for name in _README:
            if match := _LICENCE_LINE.search(_read(folder / name)):
                return re.sub(r"\[([^]]*)\]\([^)]*\)", r"\1", match.group(1)).strip("`'\" ")
        for name in _LICENCE_FILES:
            if heading := _licence_heading(_read(folder / name)):
                return f"{heading} (from {name})"
    return ""


def _inside(folder: Path, name: object) -> Path:
    """``folder/name`` for a plain file name from decoder.yml; anything else is refused."""
    if not isinstance(name, str) or not name or PurePosixPath(name).name != name or name in (".", ".."):
        raise ModelError(f"{folder}/decoder.yml: unexpected file reference {name!r}")
    path = folder / name
    if not path.is_file():
        raise ModelError(f"{folder}: {name} is missing from the package")
    return path


def convert_marian(package: Path, out: Path) -> None:
    """Convert an OPUS-MT/Marian folder to a CTranslate2 int8 folder at ``out`` (which must not exist).

    Raises:
        ModelError: the package is incomplete or the converter rejects it.
    """
    try:
        decoder = yaml.safe_load((package / "decoder.yml").read_text(encoding="utf-8"))
        weights = [_inside(package, n) for n in decoder["models"]][:1]
        vocabs = [_inside(package, n) for n in decoder["vocabs"]]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise ModelError(f"{package}/decoder.yml: unreadable Marian configuration ({exc})") from exc
    for name in ("source.spm", "target.spm"):
        _inside(package, name)
    from ctranslate2.converters import MarianConverter

    try:
        MarianConverter(str(weights[0]), [str(v) for v in vocabs]).convert(str(out), quantization="int8")
    except Exception as exc:  # the converter raises many kinds of errors for bad input
        shutil.rmtree(out, ignore_errors=True)
        raise ModelError(f"{package}: the Marian model could not be converted ({exc})") from exc
    for name in _KEEP_WITH_CONVERTED:
        if (package / name).is_file():
            shutil.copy2(package / name, out / name)
