"""What a batch reads: article files, folders (recursively) and JSONL exports, as work items.

A JSONL export has one article per line, ``{"id"|"docno", "title", "text"}``
(other keys are ignored). Items are small (an id, a path, a byte offset) so
that millions of them can be listed and shipped to workers cheaply; the
article itself is read where it is processed (:func:`load`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from models.article import Article
from models.errors import ArticleError, KhulasaError
from models.reading import SUPPORTED_SUFFIXES, article_from_text, read_article

EXPORT_SUFFIXES = (".jsonl",)


@dataclass(frozen=True, slots=True)
class Item:
    """One article: a file (``offset is None``) or line ``number`` of a JSONL export at byte ``offset``.

    ``line`` carries the JSONL line itself when the item goes to a machine that
    may not see ``path``.
    """

    id: str
    path: str
    offset: int | None = None
    number: int = 0
    line: str | None = None

    @property
    def where(self) -> str:
        """The file, or ``file:line`` for an export line, for messages."""
        return self.path if self.offset is None else f"{self.path}:{self.number}"

    def with_line(self) -> Item:
        """This item carrying its JSONL line (files stay paths)."""
        if self.offset is None or self.line is not None:
            return self
        return replace(self, line=_read_line(self.path, self.offset))


def check_inputs(inputs: Sequence[str | Path]) -> None:
    """Raise ``KhulasaError`` naming the first input that is neither a file nor a folder."""
    for raw in inputs:
        if not Path(raw).exists():
            raise KhulasaError(f"{raw}: no such file or folder")


def scan(inputs: Sequence[str | Path]) -> Iterator[Item]:
    """Every article of ``inputs``: folders recursively (supported types, sorted), exports by line."""
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                if found.suffix.lower() in EXPORT_SUFFIXES:
                    yield from _export_items(found)
                elif found.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield Item(str(found), str(found))
        elif path.suffix.lower() in EXPORT_SUFFIXES:
            yield from _export_items(path)
        else:
            yield Item(str(path), str(path))  # an unsupported type becomes an error row


def _export_items(path: Path) -> Iterator[Item]:
    offset = 0
    with path.open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            yield Item(_record_id(line) or f"{path}:{number}", str(path), start, number)


def _record_id(line: bytes) -> str:
    try:
        record = json.loads(line)
    except ValueError:
        return ""
    if not isinstance(record, dict):
        return ""
    value = record.get("id", record.get("docno"))
    return "" if value is None or value == "" else str(value)


def _read_line(path: str, offset: int) -> str:
    with open(path, "rb") as export:
        export.seek(offset)
        return export.readline().decode("utf-8", errors="replace")


def load(item: Item) -> Article:
    """The item's article, structure recognised. Raises ``ArticleError`` naming the file (and line)."""
    if item.offset is None:
        return read_article(item.path)
    line = item.line if item.line is not None else _read_line(item.path, item.offset)
    try:
        record = json.loads(line)
    except ValueError:
        raise ArticleError(item.where, "not a JSON object (one article per line is expected)") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise ArticleError(item.where, "no \"text\" string in this line")
    title = record.get("title")
    text = record["text"].replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise ArticleError(item.where, "the article has no text")
    if isinstance(title, str) and title.strip():
        return article_from_text(f"{' '.join(title.split())}\n\n{text}", headline=True)
    return article_from_text(text)
