"""Reading, summarising and entities of many items in a pool of worker processes.

Each worker loads the entity recogniser once (the pool's initializer) and
ignores Ctrl+C, which the parent handles; items go out in chunks and outcomes
come back as they finish (``imap_unordered``).
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
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

    Workers start from a fresh interpreter (``spawn``, the same on every platform), never
    forked from the caller: a CTranslate2 model the caller has loaded (the translator, the
    name transliterator) would hang in a forked child.
    """

    def __init__(self, options: BatchOptions, workers: int) -> None:
        self.workers = workers
        self._pool = multiprocessing.get_context("spawn").Pool(workers, initializer=_start_worker,
                                                               initargs=(options,))
        self._stopping = threading.Event()

    def run(self, items: Sequence[Item], *, ahead: int | None = None) -> Iterator[Outcome]:
        """Outcomes as they finish; with ``ahead``, at most that many items (at least 4 chunks) are
        handed out beyond those whose outcome the caller has taken, so that a slow consumer (the
        translator) does not make finished articles pile up in memory."""
        size = chunk_size(len(items), self.workers)
        if ahead is None:
            yield from self._pool.imap_unordered(_work, items, size)
            return
        gate = threading.Semaphore(max(ahead, 4 * size))

        def gated() -> Iterator[Item]:  # runs in the pool's task-handler thread
            for item in items:
                while not gate.acquire(timeout=0.1):
                    if self._stopping.is_set():
                        return
                yield item

        for outcome in self._pool.imap_unordered(_work, gated(), size):
            gate.release()
            yield outcome

    def close(self, *, cancel: bool = False) -> None:
        """Stop the workers: at once when ``cancel``, else after their work is done."""
        self._stopping.set()
        if cancel:
            self._pool.terminate()
        else:
            self._pool.close()
        self._pool.join()
