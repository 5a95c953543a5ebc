"""The batch output: an append-only JSONL file of rows that a rerun resumes.

Each row is one line written with a single ``write`` on an unbuffered
``O_APPEND`` descriptor, so a killed run leaves whole lines only, except at
worst a last line cut by a full disk or a crash of the machine; reopening
drops such a trailing partial line and reads the ids already done.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from models.errors import KhulasaError

try:
    import fcntl
except ImportError:  # Windows: no advisory lock; one run per output file is up to the user
    fcntl = None


class RowFile:
    """Rows appended to ``path``; ``done`` holds the ids of the rows already there.

    Raises:
        KhulasaError: the file is being written by another run, or is not a JSONL file of rows.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        self.dropped_partial = False
        try:
            if fcntl is not None:
                try:
                    fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    raise KhulasaError(f"{self.path}: another batch run is writing this file") from None
            self.done: set[str] = self._recover()
        except BaseException:
            os.close(self._fd)
            raise

    def _recover(self) -> set[str]:
        done: set[str] = set()
        end = 0
        with open(self.path, "rb") as rows:
            for line in rows:
                if not line.endswith(b"\n"):
                    break
                end += len(line)
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError:
                    raise KhulasaError(f"{self.path}: line {len(done) + 1} is not a JSON row; "
                                       "is this a batch output file?") from None
                if isinstance(row, dict) and "id" in row:
                    done.add(str(row["id"]))
        if end < os.fstat(self._fd).st_size:
            os.truncate(self.path, end)  # a partial last line from an interrupted write
            self.dropped_partial = True
        return done

    def write(self, row: dict) -> None:
        """Append one row as one whole line."""
        data = (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")
        while data:  # one write in practice; a short write (full disk) continues where it stopped
            written = os.write(self._fd, data)
            data = data[written:]
        self.done.add(str(row["id"]))

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> RowFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
