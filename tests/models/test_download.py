"""Downloads from a local HTTP server: full, interrupted and resumed, cancelled, bad checksum, truncated."""

from __future__ import annotations

import errno
import hashlib
import json
import socket
import urllib.error
import urllib.request
from dataclasses import replace

import pytest
from model_fixtures import file_server, tiny_argos_package, tiny_marian_zip  # noqa: F401

from models.errors import CancelledError, ModelError, OfflineError
from models.translation import ModelStore, Progress
from models.translation.catalogue import find_entry
from models.translation.download import fetch

NAME = "translate-ar_en-1_0.argosmodel"


def _entry(server, data: bytes, *, sha256: str | None = "", size: int | None = -1):
    """The Argos catalogue entry pointed at the local server (published size/sha256 of ``data``)."""
    server.files[NAME] = data
    return replace(find_entry("argos-ar-en"), url=server.url(NAME),
                   size=len(data) if size == -1 else size,
                   sha256=hashlib.sha256(data).hexdigest() if sha256 == "" else sha256)


def _nothing_installed(store: ModelStore) -> bool:
    return store.installed() == [] and not any(p.name.startswith(".staging") for p in store.root.iterdir())


def test_full_download_installs_with_progress(file_server, tiny_argos_package):  # noqa: F811
    data = tiny_argos_package.read_bytes()
    events: list[Progress] = []
    store = ModelStore()
    model = store.download(_entry(file_server, data), progress=events.append)
    assert model.id == "argos-ar-en" and model.sha256 == hashlib.sha256(data).hexdigest()
    assert store.default() == model and model.licence
    downloads = [e for e in events if e.stage == "download"]
    assert downloads[-1].done == downloads[-1].total == len(data)
    assert [e.stage for e in events if e.stage != "download"][-3:] == ["extract", "test", "install"]
    assert list((store.root / ".downloads").iterdir()) == []  # the archive is not kept


def test_interrupted_download_resumes_with_range(file_server, tiny_argos_package):  # noqa: F811
    data = tiny_argos_package.read_bytes()
    entry = _entry(file_server, data)
    file_server.drop_after[NAME] = 200_000
    store = ModelStore()
    with pytest.raises(ModelError, match="run the download again to resume"):
        store.download(entry)
    part = store.root / ".downloads" / f"{NAME}.part"
    assert part.stat().st_size == 200_000 and _nothing_installed(store)
    store.download(entry)
    assert file_server.requests[-1][1] == "bytes=200000-"
    assert store.get("argos-ar-en") is not None and not part.exists()


def test_cancelled_download_keeps_part_and_resumes(file_server, tiny_argos_package):  # noqa: F811
    data = tiny_argos_package.read_bytes()
    entry = _entry(file_server, data)
    store = ModelStore()
    events: list[Progress] = []
    with pytest.raises(CancelledError):
        store.download(entry, progress=events.append, cancel=lambda: len(events) >= 3)
    assert _nothing_installed(store)
    store.download(entry)
    assert file_server.requests[-1][1] is not None and store.get("argos-ar-en")


def test_install_cancelled_after_download_keeps_the_verified_file(file_server, tiny_argos_package):  # noqa: F811
    data = tiny_argos_package.read_bytes()
    entry = _entry(file_server, data)
    store = ModelStore()
    events: list[Progress] = []

    def extracting() -> bool:
        return bool(events) and events[-1].stage == "extract"

    with pytest.raises(CancelledError):
        store.download(entry, progress=events.append, cancel=extracting)
    assert _nothing_installed(store)
    assert (store.root / ".downloads" / f"{NAME}.part").read_bytes() == data
    asked = len(file_server.requests)
    store.download(entry)
    assert len(file_server.requests) == asked  # verified again locally, not fetched again
    assert store.get("argos-ar-en") is not None


def test_wrong_checksum_is_rejected_leaving_nothing(file_server, tiny_argos_package):  # noqa: F811
    store = ModelStore()
    entry = _entry(file_server, tiny_argos_package.read_bytes(), sha256="0" * 64)
    with pytest.raises(ModelError, match="checksum mismatch"):
        store.download(entry)
    assert _nothing_installed(store)
    assert list((store.root / ".downloads").iterdir()) == []


def test_truncated_file_is_rejected(file_server, tiny_argos_package):  # noqa: F811
    data = tiny_argos_package.read_bytes()
    store = ModelStore()
    entry = _entry(file_server, data[:-1000], sha256=None, size=len(data))
    with pytest.raises(ModelError, match="incomplete or damaged"):
        store.download(entry)
    assert _nothing_installed(store)


def test_sha256_recorded_on_first_download_and_checked_later(file_server, tiny_marian_zip):  # noqa: F811
    data = tiny_marian_zip.read_bytes()
    server_name = "opus+bt-2021-04-30.zip"
    file_server.files[server_name] = data
    entry = replace(find_entry("opus-mt-ara-eng"), url=file_server.url(server_name))
    assert entry.sha256 is None and entry.size is None
    store = ModelStore()
    model = store.download(entry)
    assert model.layout == "opus-mt"
    settings = json.loads((store.root / "store.json").read_text())
    assert settings["sha256"][entry.url] == hashlib.sha256(data).hexdigest()
    store.remove(model.id)
    file_server.files[server_name] = data[:-10] + b"0123456789"
    with pytest.raises(ModelError, match="checksum mismatch"):
        store.download(entry)
    assert _nothing_installed(store)


def test_http_errors_and_unknown_ids(file_server, tmp_path):  # noqa: F811
    with pytest.raises(ModelError, match="HTTP 404"):
        fetch(file_server.url("missing.zip"), tmp_path / "x.zip")
    with pytest.raises(ModelError, match="download failed"):
        fetch("http://127.0.0.1:9/nothing.zip", tmp_path / "y.zip", timeout=2)
    with pytest.raises(ModelError, match="not in the catalogue"):
        ModelStore().download("no-such-model")
    with pytest.raises(ModelError, match="Non-commercial"):
        ModelStore().download("nllb-200-distilled-600m")


def test_not_enough_disk_space(file_server, tiny_argos_package, monkeypatch):  # noqa: F811
    import shutil
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(10**9, 10**9, 1000))
    store = ModelStore()
    with pytest.raises(ModelError, match="not enough free disk space"):
        store.download(_entry(file_server, tiny_argos_package.read_bytes()))
    assert _nothing_installed(store)


@pytest.mark.parametrize("cause", [socket.gaierror(-2, "Name or service not known"),
                                   OSError(errno.ENETUNREACH, "Network is unreachable")])
def test_offline_download_says_so_and_names_the_file_to_get(monkeypatch, cause):
    def offline(*args, **kwargs):
        raise urllib.error.URLError(cause)

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    with pytest.raises(OfflineError) as raised:
        ModelStore().download("opus-mt-ara-eng")
    message = str(raised.value)
    assert message.startswith("No internet connection: download the file elsewhere and use Import")
    assert "File to get: opus+bt-2021-04-30.zip" in message
    assert "Errno" not in message and "Name or service" not in message
