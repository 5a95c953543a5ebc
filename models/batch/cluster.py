"""The batch on a Dask cluster (``pip install .[cluster]``): the same rows as the local pool.

Chunks of items are analysed as tasks on the cluster's workers (each worker
process loads the recogniser once, on its first task); analysed articles
are translated by one long-lived translator actor per node, several
articles per call so that its CTranslate2 workers stay busy. At most a few
chunks per worker are in flight, so the driver never holds the whole input.
Workers must see the model folder (and article files, when INPUT is files)
at the same paths; JSONL lines are sent with the task.
"""

from __future__ import annotations

import itertools
import logging
import os
import signal
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path

from models.batch.inputs import Item
from models.batch.pool import chunk_size
from models.batch.rows import BatchOptions, Outcome, process, to_translate
from models.batch.translating import translate_outcomes
from models.errors import KhulasaError

log = logging.getLogger(__name__)

IN_FLIGHT_PER_WORKER = 4
SENTENCES_PER_CALL = 256
# Dask's nanny gives workers MALLOC_TRIM_THRESHOLD_=65536 to hand memory back sooner; with it glibc
# trims after almost every CTranslate2 step and translation runs ~3.5x slower (measured), so unset it.
# The local cluster's workers share the terminal: only their errors are shown.
LOCAL_CONFIG = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                "distributed.nanny.pre-spawn-environ.DASK_LOGGING__DISTRIBUTED": "error"}


def analyse_chunk(items: list[Item], options: BatchOptions) -> list[Outcome]:
    """A task: every item of the chunk read, summarised and annotated."""
    return [process(item, options) for item in items]


class TranslatorActor:
    """One :class:`Translator` kept loaded on a node; ``translate`` returns finished rows."""

    def __init__(self, model_dir: str, options: BatchOptions) -> None:
        from models.translation import Translator

        self.translator = Translator(model_dir, cache=False)
        self.options = options

    def translate(self, outcomes: list[Outcome]) -> list[dict]:
        rows: list[dict] = []
        translate_outcomes(outcomes, self.translator, self.options, rows.append)
        return rows


def _trims_memory() -> bool:
    return "MALLOC_TRIM_THRESHOLD_" in os.environ


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise KhulasaError("--engine dask needs Dask: pip install 'khulasa[cluster]' "
                           "(or pip install distributed)") from None
    return distributed


def local_cluster(workers: int):
    """A Dask cluster of ``workers`` single-threaded worker processes on 127.0.0.1."""
    import dask
    import distributed

    # Ctrl+C is the driver's to handle: worker processes started now inherit an ignored SIGINT
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        with dask.config.set(LOCAL_CONFIG):
            return distributed.LocalCluster(n_workers=workers, threads_per_worker=1, host="127.0.0.1",
                                            dashboard_address=None, processes=True)
    finally:
        if main:
            signal.signal(signal.SIGINT, previous)


class DaskEngine:
    """The cluster at ``address`` (a scheduler ``host:port``), or a local one on 127.0.0.1 without it."""

    def __init__(self, options: BatchOptions, *, address: str | None, model_dir: Path | None,
                 workers: int = 0) -> None:
        distributed = _import_distributed()
        self.options = options
        self._cluster = None
        try:
            if address:
                self.client = distributed.Client(address, timeout="20s")
                self.client.wait_for_workers(1, timeout=60)
            else:
                self._cluster = local_cluster(workers or os.cpu_count() or 1)
                self.client = distributed.Client(self._cluster)
        except (OSError, TimeoutError) as error:
            self._close_cluster()
            raise KhulasaError(f"dask: no cluster at {address or 'a local address'} ({error})") from None
        self.threads = sum(w["nthreads"] for w in self.client.scheduler_info()["workers"].values())
        if options.translate != "none" and any(self.client.run(_trims_memory).values()):
            log.warning("dask: workers run with MALLOC_TRIM_THRESHOLD_ set, which slows translation about "
                        "3.5x; see docs/SCALE.md to start them without it")
        self.actors = self._actors(model_dir) if options.translate != "none" else []

    def _actors(self, model_dir: Path | None) -> list:
        """One translator actor on one worker of every node (host)."""
        by_host: dict[str, str] = {}
        for address, worker in sorted(self.client.scheduler_info()["workers"].items()):
            by_host.setdefault(worker["host"], address)
        futures = [self.client.submit(TranslatorActor, str(model_dir), self.options, actor=True,
                                      workers=[address]) for address in by_host.values()]
        return [future.result() for future in futures]

    def rows(self, items: Sequence[Item]) -> Iterator[dict]:
        distributed = _import_distributed()
        size = chunk_size(len(items), self.threads)
        chunks = iter([list(items[i:i + size]) for i in range(0, len(items), size)])
        running = distributed.as_completed()
        translating: deque = deque()
        waiting: list[Outcome] = []
        count = 0
        actors = itertools.cycle(self.actors)

        def submit() -> None:
            chunk = next(chunks, None)
            if chunk is not None:
                future = self.client.submit(analyse_chunk, [item.with_line() for item in chunk], self.options,
                                            pure=False)
                running.add(future)

        for _ in range(IN_FLIGHT_PER_WORKER * self.threads):
            submit()
        for future in running:
            outcomes = _result(future)
            submit()
            for outcome in outcomes:
                if outcome.row is not None:
                    yield outcome.row
                    continue
                waiting.append(outcome)
                count += len(to_translate(outcome.article, self.options)) + 1
            if count >= SENTENCES_PER_CALL:
                translating.append(next(actors).translate(waiting))
                waiting, count = [], 0
            while translating and (translating[0].done() or len(translating) > 2 * len(self.actors)):
                yield from _result(translating.popleft())
        if waiting:
            translating.append(next(actors).translate(waiting))
        while translating:
            yield from _result(translating.popleft())

    def _close_cluster(self) -> None:
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def close(self, *, cancel: bool = False) -> None:
        """Disconnect (the scheduler then drops this job's tasks) and stop a local cluster."""
        self.client.close()
        self._close_cluster()


def _result(future):
    try:
        return future.result()
    except KhulasaError:
        raise
    except Exception as error:  # a lost worker or a broken connection: the rows written so far are kept
        raise KhulasaError(f"dask: the cluster failed ({type(error).__name__}: {error})") from None
