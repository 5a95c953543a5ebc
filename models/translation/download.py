"""HTTP(S) download with progress, resume, cancel and size/sha256 verification.

Bytes go to ``DEST.part``; an interrupted or cancelled download keeps it and
the next attempt asks the server for the rest (HTTP Range), or only verifies it
when it already has the published size. Only a complete, verified file is
renamed to ``DEST``; a file of the wrong size or checksum is deleted.
"""

from __future__ import annotations

import errno
import hashlib
import http.client
import shutil
import socket
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models import __version__
from models.errors import CancelledError, ModelError, OfflineError

CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a download or install is: ``stage`` is download, verify, extract, convert, test or install."""

    stage: str
    done: int = 0
    total: int | None = None


ProgressCallback = Callable[[Progress], None]
CancelCallback = Callable[[], bool]


def check_free_space(folder: Path, needed: int) -> None:
    """Raise ``ModelError`` when ``folder``'s disk has less than ``needed`` bytes free."""
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise ModelError(f"{folder}: not enough free disk space ({free / 1e6:.0f} MB free, "
                         f"{needed / 1e6:.0f} MB needed)")


def sha256_of(path: Path, *, cancel: CancelCallback | None = None) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            if cancel is not None and cancel():
                raise CancelledError()
            digest.update(block)
    return digest.hexdigest()


_NO_ROUTE = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN}


def _elsewhere(url: str) -> str:
    """How to get the file without this download."""
    name = url.rstrip("/").rsplit("/", 1)[-1]
    return (f"download the file elsewhere and use Import (python main.py models import FILE). "
            f"File to get: {name}, from {url}")


def _offline(reason: object) -> bool:
    """The network or the name server cannot be reached at all (as opposed to a server's refusal)."""
    return isinstance(reason, socket.gaierror) or (isinstance(reason, OSError) and reason.errno in _NO_ROUTE)


def _open(url: str, offset: int, timeout: float) -> http.client.HTTPResponse | None:
    """The response for ``url`` from ``offset``; None when the server says nothing is left (416).

    Raises:
        OfflineError: no connection at all; ModelError: any other failure. Both name the file to get.
    """
    headers = {"User-Agent": f"khulasa/{__version__}"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
    try:
        return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=timeout)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and offset:
            return None
        raise ModelError(f"download failed (HTTP {exc.code} {exc.reason}); {_elsewhere(url)}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        if _offline(reason):
            raise OfflineError(f"No internet connection: {_elsewhere(url)}") from exc
        cause = getattr(reason, "strerror", None) or reason
        raise ModelError(f"download failed ({cause}); {_elsewhere(url)}") from exc


def fetch(
    url: str,
    dest: Path,
    *,
    size: int | None = None,
    sha256: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCallback | None = None,
    reserve: float = 1.5,
    timeout: float = 30.0,
) -> str:
    """Download ``url`` to ``dest`` and return the file's sha256.

    Args:
        size, sha256: expected values, checked when given.
        reserve: extra free space asked for beyond the download, as a multiple
            of its size (room to unpack and convert).

    Raises:
        OfflineError: no internet connection (the message names the file to get instead).
        ModelError: network failure (the partial file is kept for resuming),
            too little disk space, or a wrong size or checksum (the file is deleted).
        CancelledError: ``cancel()`` turned true (the partial file is kept).
    """
    part = dest.with_name(dest.name + ".part")
    dest.parent.mkdir(parents=True, exist_ok=True)
    have = part.stat().st_size if part.exists() else 0
    if size is not None and have > size:
        part.unlink()
        have = 0
    response = None if size is not None and have == size else _open(url, have, timeout)
    if response is not None:
        with response:
            if have and response.status != 206:
                have = 0  # the server ignored the Range header: start again
            length = response.headers.get("Content-Length")
            end = have + int(length) if length and length.isdigit() else None
            total = size if size is not None else end
            if total is not None:
                check_free_space(dest.parent, int((total - have) + reserve * total))
            try:
                with part.open("ab" if have else "wb") as out:
                    while True:
                        if cancel is not None and cancel():
                            raise CancelledError()
                        block = response.read(CHUNK)
                        if not block:
                            break
                        out.write(block)
                        have += len(block)
                        if progress is not None:
                            progress(Progress("download", have, total))
            except (OSError, http.client.HTTPException) as exc:
                raise _interrupted(url, exc.__class__.__name__) from exc
            if end is not None and have < end:
                raise _interrupted(url, "connection closed early")
    return _verify(part, dest, url=url, size=size, sha256=sha256, progress=progress, cancel=cancel)


def _interrupted(url: str, cause: str) -> ModelError:
    return ModelError(f"{url}: download interrupted ({cause}); run the download again to resume")


def _verify(part: Path, dest: Path, *, url: str, size: int | None, sha256: str | None,
            progress: ProgressCallback | None, cancel: CancelCallback | None) -> str:
    actual_size = part.stat().st_size
    if progress is not None:
        progress(Progress("verify", 0, actual_size))
    if size is not None and actual_size != size:
        part.unlink()
        raise ModelError(f"{url}: the download is incomplete or damaged "
                         f"({actual_size:,} bytes instead of {size:,}); nothing was installed")
    digest = sha256_of(part, cancel=cancel)
    if sha256 is not None and digest != sha256.lower():
        part.unlink()
        raise ModelError(f"{url}: checksum mismatch (sha256 {digest[:12]}… instead of {sha256[:12]}…); "
                         "the file was deleted and nothing was installed")
    if progress is not None:
        progress(Progress("verify", actual_size, actual_size))
    part.replace(dest)
    return digest
