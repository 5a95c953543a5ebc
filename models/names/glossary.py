"""The user's glossary: corrections to entities that apply to every article.

An entry, keyed by the matching form of an Arabic name, can set the English
form, change the type, mark the name as not an entity, or merge it into another
name's group. The glossary is a JSON file in the user data folder
(``models.paths.data_dir()``, so ``KHULASA_HOME`` is honoured); CSV import and
export use the columns of :data:`CSV_COLUMNS`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from models.article import ENTITY_TYPES
from models.errors import KhulasaError
from models.names.dictionary import match_key
from models.paths import data_dir

GLOSSARY_FILE = "glossary.json"
CSV_COLUMNS = ("arabic", "english", "type", "not_entity", "merge_into")
_TRUE, _FALSE = ("yes", "true", "1"), ("", "no", "false", "0")


class GlossaryError(KhulasaError):
    """An unreadable glossary file or a bad entry; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Correction:
    """One glossary entry; empty fields leave that part of the entity as the engine found it."""

    arabic: str
    english: str = ""
    type: str = ""
    not_entity: bool = False
    merge_into: str = ""

    def __post_init__(self) -> None:
        if not match_key(self.arabic):
            raise ValueError("the Arabic name is empty")
        if self.type and self.type not in ENTITY_TYPES:
            raise ValueError(f"unknown type {self.type!r} (use {', '.join(ENTITY_TYPES)})")
        if self.merge_into and match_key(self.merge_into) == self.key:
            raise ValueError("a name cannot be merged into itself")
        if not (self.english.strip() or self.type or self.not_entity or self.merge_into):
            raise ValueError("nothing to change: give an English form, a type, not-entity or a merge")

    @property
    def key(self) -> str:
        return match_key(self.arabic)


def _correction(fields: dict[str, str]) -> Correction:
    flag = (fields.get("not_entity") or "").strip().lower()
    if flag not in _TRUE + _FALSE:
        raise ValueError(f"not_entity must be yes or no, not {flag!r}")
    def field(name: str) -> str:
        return (fields.get(name) or "").strip()

    return Correction(arabic=field("arabic"), english=field("english"), type=field("type").upper(),
                      not_entity=flag in _TRUE, merge_into=field("merge_into"))


class Glossary:
    """The corrections, by matching key, with load/save and CSV import/export."""

    def __init__(self, corrections: list[Correction] | None = None, path: Path | None = None) -> None:
        self.path = path
        self.entries: dict[str, Correction] = {c.key: c for c in corrections or []}

    @classmethod
    def load(cls, path: Path | None = None) -> Glossary:
        """The glossary at ``path`` (default: the user data folder); empty when the file is missing."""
        path = path or data_dir() / GLOSSARY_FILE
        if not path.is_file():
            return cls([], path)
        try:
            items = json.loads(path.read_text(encoding="utf-8"))["entries"]
            return cls([Correction(**item) for item in items], path)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise GlossaryError(f"{path}: unreadable glossary ({exc})") from exc

    def save(self) -> None:
        """Write atomically (a temporary file renamed over the old one)."""
        if self.path is None:
            raise GlossaryError("this glossary has no file to save to")
        document = {"version": 1, "entries": [asdict(c) for c in self.entries.values()]}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".glossary-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=False, indent=1)
        os.replace(tmp, self.path)

    def get(self, arabic: str) -> Correction | None:
        return self.entries.get(match_key(arabic))

    def set(self, correction: Correction) -> None:
        """Add ``correction``, or merge it into the entry for the same name (its non-empty fields win)."""
        old = self.entries.get(correction.key)
        if old is not None:
            correction = replace(old, english=correction.english or old.english,
                                 type=correction.type or old.type,
                                 not_entity=correction.not_entity or old.not_entity,
                                 merge_into=correction.merge_into or old.merge_into)
        self.entries[correction.key] = correction

    def remove(self, arabic: str) -> bool:
        """Drop the entry for ``arabic``; whether there was one."""
        return self.entries.pop(match_key(arabic), None) is not None

    def english(self, arabic: str) -> str:
        """The glossary's English form for ``arabic`` (following merges), or ""."""
        seen: set[str] = set()
        entry = self.get(arabic)
        while entry is not None and entry.key not in seen:
            if entry.english:
                return entry.english
            seen.add(entry.key)
            entry = self.get(entry.merge_into) if entry.merge_into else None
        return ""

    def import_csv(self, path: Path) -> int:
        """Add every row of the CSV file ``path``; all or nothing. Returns the number of rows.

        Raises:
            GlossaryError: unreadable file, missing ``arabic`` column, or a bad row (with its line number).
        """
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise GlossaryError(f"{path}: cannot read ({exc})") from exc
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or "arabic" not in reader.fieldnames:
            raise GlossaryError(f"{path}: line 1: the header must name the columns {', '.join(CSV_COLUMNS)}")
        unknown = set(reader.fieldnames) - set(CSV_COLUMNS)
        if unknown:
            raise GlossaryError(f"{path}: line 1: unknown column {sorted(unknown)[0]!r}")
        rows = []
        for fields in reader:
            try:
                rows.append(_correction(fields))
            except ValueError as exc:
                raise GlossaryError(f"{path}: line {reader.line_num}: {exc}") from None
        for row in rows:
            self.set(row)
        return len(rows)

    def export_csv(self, path: Path) -> int:
        """Write every entry to ``path`` as CSV; returns the number of rows."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for c in self.entries.values():
            writer.writerow([c.arabic, c.english, c.type, "yes" if c.not_entity else "", c.merge_into])
        try:
            path.write_text(out.getvalue(), encoding="utf-8")
        except OSError as exc:
            raise GlossaryError(f"{path}: cannot write ({exc})") from exc
        return len(self.entries)
