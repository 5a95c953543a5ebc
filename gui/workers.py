"""Background jobs: reading, analysing, translating and model installs off the UI thread.

A :class:`Job` wraps a function ``fn(ctx)``; the function reports through its
:class:`JobContext` (progress, streamed items, cancellation) and never touches a
widget. Results come back to the UI thread as queued Qt signals. The
:class:`Runner` starts jobs on the global pool, or on one serial thread for work
that shares the translator (so translations never overlap).
"""

from __future__ import annotations

import errno
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from gui import engine
from models.article import Article
from models.errors import CancelledError, KhulasaError

log = logging.getLogger(__name__)

TRANSLATE_GROUP = 4  # sentences per engine call: the pane fills sooner and the UI thread gets the GIL often


class JobSignals(QObject):
    """Signals of one job; they live on the UI thread, so emits from the worker are queued."""

    progress = Signal(int, int, str)  # done, total, message
    item = Signal(object)  # one streamed result, e.g. a Translation
    result = Signal(object)
    error = Signal(str)  # a plain, user-facing message
    cancelled = Signal()
    finished = Signal()


class JobContext:
    """What a job function sees: cancellation flag, progress and streaming."""

    def __init__(self, job: Job) -> None:
        self._job = job

    def cancelled(self) -> bool:
        return self._job.is_cancelled()

    def progress(self, done: int, total: int, message: str = "") -> None:
        self._job.signals.progress.emit(int(done), int(total), message)

    def emit(self, item: object) -> None:
        self._job.signals.item.emit(item)


class Job(QRunnable):
    """One unit of background work with progress/item/result/error signals and a cancel flag."""

    def __init__(self, fn: Callable[[JobContext], object], *, name: str) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.name = name
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            if self.is_cancelled():
                raise CancelledError()
            value = self.fn(JobContext(self))
        except CancelledError:
            self.signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message, details to the log
            message = describe_error(exc)
            if isinstance(exc, KhulasaError):
                log.warning("%s failed: %s", self.name, message)
            else:
                log.exception("%s failed", self.name)
            self.signals.error.emit(message)
        else:
            self.signals.result.emit(value)
        finally:
            self.done.set()
            self.signals.finished.emit()


def describe_error(exc: BaseException) -> str:
    """A one-line cause a user can act on; never a traceback."""
    if isinstance(exc, KhulasaError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "Not enough memory to finish this."
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        if exc.errno == errno.ENOSPC:
            return f"{where}the disk is full."
        if isinstance(exc, PermissionError):
            return f"{where}permission denied."
        if isinstance(exc, FileNotFoundError):
            return f"{where}file not found."
        return f"{where}{exc.strerror or exc}"
    return f"Unexpected error ({type(exc).__name__}); details are in the log file."


class Runner(QObject):
    """Starts jobs and keeps them alive until they finish."""

    changed = Signal()  # a job started or finished

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool.globalInstance()
        self._serial = QThreadPool(self)
        self._serial.setMaxThreadCount(1)
        self._jobs: list[Job] = []

    def start(self, job: Job, *, serial: bool = False) -> Job:
        """Run ``job`` on the shared pool, or on the serial thread when ``serial``."""
        self._jobs.append(job)
        job.signals.finished.connect(lambda: self._forget(job))
        (self._serial if serial else self._pool).start(job)
        self.changed.emit()
        return job

    def active(self) -> list[Job]:
        return [job for job in self._jobs if not job.done.is_set()]

    def cancel_all(self) -> None:
        for job in self.active():
            job.cancel()

    def wait(self, msecs: int = 5000) -> bool:
        """Block until every job is done (shutdown and tests)."""
        return self._serial.waitForDone(msecs) and self._pool.waitForDone(msecs)

    def _forget(self, job: Job) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
        self.changed.emit()


class TranslatorCache:
    """Loads each model once, on the worker thread that first needs it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded: dict[Path, object] = {}

    def get(self, model_dir: Path) -> object:
        from models.translation import Translator

        with self._lock:
            if model_dir not in self._loaded:
                self._loaded.clear()  # one model in memory at a time
                self._loaded[model_dir] = Translator(model_dir)
            return self._loaded[model_dir]


def translation_job(plan: list[tuple[Article, list[int]]], *, model_dir: Path,
                    translators: TranslatorCache, name: str) -> Job:
    """Translate, for each ``(article, indices)`` of ``plan``, those sentences, streaming each one.

    The caller decides what is left to translate. Small groups in reading order: the
    pane fills from the top and the English entities colour as it goes; the cancel flag
    is checked between groups (and by the translator between its batches); an empty
    group still translates a missing headline. Items are ``(article, Translation)``;
    progress runs across the plan.
    """
    total = sum(len(indices) for _, indices in plan)

    def work(ctx: JobContext) -> None:
        ctx.progress(0, 0, "Loading the translation model…")
        translator = translators.get(model_dir)
        done = 0
        for number, (article, indices) in enumerate(plan, 1):
            label = f"Translating {article.name}"
            if len(plan) > 1:
                label += f" (article {number} of {len(plan)})"
            ctx.progress(done, total, label)

            def on_sentence(translation, article=article, label=label) -> None:
                nonlocal done
                done += 1
                ctx.emit((article, translation))
                ctx.progress(done, total, label)

            groups = [indices[i:i + TRANSLATE_GROUP] for i in range(0, len(indices), TRANSLATE_GROUP)] or [[]]
            for group in groups:
                if ctx.cancelled():
                    raise CancelledError()
                engine.translate(article, translator, indices=group, on_sentence=on_sentence,
                                 cancel=ctx.cancelled)

    return Job(work, name=name)
