"""Reading, summarising and entities of many items in a pool of worker processes.

Each worker loads the entity recogniser once (the pool's initializer) and
ignores Ctrl+C, which the parent handles; items go out in chunks and outcomes
come back as they finish (``imap_unordered``).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterator, Sequence

from models.batch.inputs import Item
from models.batch.rows import BatchOptions, Outcome, process
from models.ner import default_recognizer

_options: BatchOptions | None = None


def _start_worker(options: BatchOptions) -> None:
    global _options
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _options = options
    default_recognizer()


def _work(item: Item) -> Outcome:
    assert _options is not None
    return process(item, _options)


def chunk_size(items: int, workers: int) -> int:
    """Chunks small enough that progress moves and the last chunks spread, large enough to cut overhead."""
    return max(1, min(16, items // (workers * 8)))


class ProcessPool:
    """``workers`` processes; :meth:`run` yields one :class:`Outcome` per item, in finishing order.

    The pool starts when created, before the caller loads a translation model,
    so that forked workers inherit no model or CTranslate2 threads.
    """

    def __init__(self, options: BatchOptions, workers: int) -> None:
        self.workers = workers
        self._pool = multiprocessing.get_context().Pool(workers, initializer=_start_worker,
                                                        initargs=(options,))

    def run(self, items: Sequence[Item]) -> Iterator[Outcome]:
        yield from self._pool.imap_unordered(_work, items, chunk_size(len(items), self.workers))

    def close(self, *, cancel: bool = False) -> None:
        """Stop the workers: at once when ``cancel``, else after their work is done."""
        if cancel:
            self._pool.terminate()
        else:
            self._pool.close()
        self._pool.join()
