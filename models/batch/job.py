"""A batch job: list the items not yet in the output, run them through an engine, append the rows."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from models.batch.inputs import Item, check_inputs, scan
from models.batch.output import RowFile
from models.batch.pool import ProcessPool
from models.batch.rows import BatchOptions
from models.batch.translating import TranslationQueue
from models.translation import Translator

AHEAD_OF_TRANSLATION = 1024
"""Articles analysed ahead of the translator at most (analysis is ~100x faster; they wait in memory)."""


@dataclass(frozen=True, slots=True)
class Counts:
    written: int = 0
    failed: int = 0


class PoolEngine:
    """Analysis in a local process pool, translation through one :class:`Translator` in this process."""

    def __init__(self, options: BatchOptions, *, workers: int, model_dir: Path | None) -> None:
        self.options = options
        self.pool = ProcessPool(options, workers)  # before the model: workers fork without it
        self.translator = None
        if options.translate != "none":
            try:
                self.translator = Translator(model_dir, cache=False)
            except BaseException:
                self.pool.close(cancel=True)
                raise

    def rows(self, items: Sequence[Item]) -> Iterator[dict]:
        ready: deque[dict] = deque()
        queue = TranslationQueue(self.translator, self.options, ready.append) if self.translator else None
        ahead = AHEAD_OF_TRANSLATION if queue is not None else None
        for outcome in self.pool.run(items, ahead=ahead):
            if outcome.row is not None:
                yield outcome.row
            else:
                queue.add(outcome)
            while ready:
                yield ready.popleft()
        if queue is not None:
            queue.flush()
            yield from ready

    def close(self, *, cancel: bool = False) -> None:
        self.pool.close(cancel=cancel)


def open_engine(options: BatchOptions, *, engine: str = "pool", workers: int = 0, address: str | None = None,
                model_dir: Path | None = None):
    """The engine that runs ``options``: ``pool`` (this machine) or ``dask`` (a cluster at ``address``)."""
    if engine == "dask":
        from models.batch.cluster import DaskEngine

        return DaskEngine(options, address=address, model_dir=model_dir, workers=workers)
    return PoolEngine(options, workers=workers or os.cpu_count() or 1, model_dir=model_dir)


class Batch:
    """The items of ``inputs`` whose ids are not yet rows of ``out`` (first occurrence of an id only).

    Raises:
        KhulasaError: an input does not exist, or ``out`` is locked by another run or not a row file.
    """

    def __init__(self, inputs: Sequence[str | Path], out: str | Path) -> None:
        check_inputs(inputs)
        self.out = RowFile(out)
        self.skipped = self.duplicates = 0
        seen: set[str] = set()
        self.todo: list[Item] = []
        itself = self.out.path.resolve()
        for item in scan(inputs):
            if item.offset is not None and Path(item.path).resolve() == itself:
                continue  # OUT inside an input folder is not an export
            if item.id in self.out.done:
                self.skipped += 1
            elif item.id in seen:
                self.duplicates += 1
            else:
                seen.add(item.id)
                self.todo.append(item)

    def run(self, engine, *, on_row: Callable[[dict], None] | None = None) -> Counts:
        """Append every row ``engine`` makes as it comes; the engine is closed (cancelled on an exception)."""
        written = failed = 0
        try:
            for row in engine.rows(self.todo):
                self.out.write(row)
                written += 1
                failed += "error" in row
                if on_row is not None:
                    on_row(row)
        except BaseException:
            engine.close(cancel=True)
            raise
        finally:
            self.out.close()
        engine.close()
        return Counts(written, failed)
