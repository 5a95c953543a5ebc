"""Where a brief goes: format by file suffix, never over an input, atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from models.errors import KhulasaError

FORMATS = {".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}
"""Output suffixes (lower case) and the format each selects."""


class BriefError(KhulasaError):
    """A brief cannot be written to the requested place."""


def output_format(path: str | Path) -> str:
    """``"docx"``, ``"pdf"``, ``"html"`` or ``"md"`` for ``path``; raises :class:`BriefError` otherwise."""
    suffix = Path(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        raise BriefError(
            f"{path}: unknown brief format {suffix or '(no extension)'!r}; use .docx, .pdf, .html or .md"
        ) from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def check_output(path: str | Path, inputs: Iterable[str | Path | None]) -> None:
    """Raise :class:`BriefError` when ``path`` is (or resolves to) one of the ``inputs``."""
    out = Path(path)
    for source in inputs:
        if source is not None and _same_file(out, Path(source)):
            raise BriefError(f"{path}: this is an input file; choose another output name")


def atomic_write(path: str | Path, write: Callable[[Path], None]) -> None:
    """Call ``write(temp_path)`` for a temporary file beside ``path``, then rename it over ``path``.

    An existing ``path`` is replaced only once ``write`` has returned; if it
    raises, the temporary file is removed and ``path`` is untouched.
    """
    target = Path(path)
    if target.is_dir():
        raise BriefError(f"{target}: is a folder")
    if not target.parent.is_dir():
        raise BriefError(f"{target}: the folder {target.parent} does not exist")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as error:
        raise BriefError(f"{target}: cannot write here ({error.strerror or error})") from error
    os.close(fd)
    temp = Path(name)
    try:
        write(temp)
        # mkstemp makes the file private; give it the mode of the file it replaces (or rw-r--r--).
        os.chmod(temp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
