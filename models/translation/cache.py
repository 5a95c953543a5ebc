"""SQLite cache of finished translations, keyed by (model key, source sentence).

The cache only ever saves time: when the database is corrupt it is rebuilt,
and when it is locked or unwritable the lookup or write is skipped with a
logged warning. No cache error reaches the user.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from models import paths

log = logging.getLogger(__name__)

FILE_NAME = "translations.sqlite3"
_checked: set[Path] = set()  # caches whose integrity was checked in this process (once is enough)
_checked_lock = threading.Lock()
_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    alignment TEXT NOT NULL,
    PRIMARY KEY (model, source)
) WITHOUT ROWID
"""


@dataclass(frozen=True, slots=True)
class CachedTranslation:
    target: str
    alignment: list[tuple[int, int, int, int]]


class TranslationCache:
    """A thread-safe translation cache in one SQLite file (``cache_dir()/translations.sqlite3``)."""

    def __init__(self, path: str | Path | None = None, *, timeout: float = 1.0) -> None:
        self.path = Path(path) if path is not None else paths.cache_dir() / FILE_NAME
        self._timeout = timeout
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._open()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=self._timeout, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            with _checked_lock:
                if self.path not in _checked:
                    if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                        raise sqlite3.DatabaseError("integrity check failed")
                    _checked.add(self.path)
            conn.execute(_SCHEMA)
            conn.commit()
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = self._connect()
            return
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                log.warning("translation cache %s is locked (%s); continuing without it", self.path, exc)
                return
            error: Exception = exc
        except (sqlite3.Error, OSError) as exc:
            error = exc
        log.warning("translation cache %s is unusable (%s); rebuilding it", self.path, error)
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._conn = self._connect()
        except (sqlite3.Error, OSError) as exc:
            log.warning("translation cache %s could not be rebuilt (%s); continuing without it",
                        self.path, exc)
            self._conn = None

    def get_many(self, model: str, sources: Iterable[str]) -> dict[str, CachedTranslation]:
        """Cached translations of ``sources`` by ``model``; misses are simply absent."""
        wanted = list(dict.fromkeys(sources))
        found: dict[str, CachedTranslation] = {}
        if self._conn is None or not wanted:
            return found
        try:
            with self._lock:
                for start in range(0, len(wanted), 500):
                    chunk = wanted[start:start + 500]
                    marks = ",".join("?" * len(chunk))
                    rows = self._conn.execute(
                        f"SELECT source, target, alignment FROM translations "
                        f"WHERE model = ? AND source IN ({marks})", [model, *chunk]).fetchall()
                    for source, target, alignment in rows:
                        found[source] = CachedTranslation(target, [tuple(a) for a in json.loads(alignment)])
        except (sqlite3.Error, ValueError, TypeError) as exc:
            log.warning("translation cache lookup failed (%s); translating instead", exc)
            return {}
        return found

    def put_many(self, model: str, items: Iterable[tuple[str, str, list[tuple[int, int, int, int]]]]) -> None:
        """Store ``(source, target, alignment)`` triples for ``model``; failures are logged and ignored."""
        rows = [(model, source, target, json.dumps(alignment)) for source, target, alignment in items]
        if self._conn is None or not rows:
            return
        try:
            with self._lock, self._conn:
                self._conn.executemany(
                    "INSERT OR REPLACE INTO translations (model, source, target, alignment) "
                    "VALUES (?, ?, ?, ?)", rows)
        except sqlite3.Error as exc:
            log.warning("translation cache write failed (%s); results are not cached", exc)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
