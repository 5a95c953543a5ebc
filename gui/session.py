"""The open articles and their jobs: opening, summary changes, translation, model listing.

A :class:`Session` holds one :class:`Document` per open article: the Article and
its job state (scope, the model its English comes from, paused after a cancel or
a failure, the running translation). Every job for them starts here, through one
:class:`~gui.workers.Runner`; views listen to the one ``article_changed`` signal
and never start work themselves.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from gui import engine
from gui.workers import Job, Runner, TranslatorCache, describe_error, translation_job
from models.article import Article

log = logging.getLogger(__name__)

SCOPES = ("summary", "article")
SETTLE_MS = 150  # after a summary change, wait this long for more changes before the worker steps


@dataclass(eq=False)
class Document:
    """One open article and the state of its jobs."""

    article: Article
    scope: str = "summary"  # what the translation pane shows: the summary or the whole article
    summary_key: tuple = ()  # the (algorithm, unit, value) the summary was made with
    model_dir: Path | None = None  # the model its translations come from (another model's are replaced)
    paused: bool = False  # cancelled or failed: only an explicit request resumes it
    no_model: bool = False  # no model to translate with: the pane shows the way to one
    job: Job | None = None  # the running translation

    def indices(self, scope: str | None = None) -> list[int]:
        """The sentences ``scope`` (default: the pane's) covers."""
        if (scope or self.scope) == "article":
            return [s.index for s in self.article.sentences]
        return list(self.article.summary)

    @property
    def arabic(self) -> bool:
        return self.article.language == "ar"

    def left(self, indices: list[int], model_dir: Path | None) -> list[int]:
        """Of ``indices``, those ``model_dir`` still has to translate (all, after another model)."""
        if not self.arabic:
            return []
        if self.model_dir != model_dir:
            return list(indices)
        return [i for i in indices if i not in self.article.translations]

    def complete(self, indices: list[int], model_dir: Path | None) -> bool:
        """Every sentence of ``indices`` and the headline are in ``model_dir``'s English (or need none)."""
        title_done = bool(self.article.title_translation) or not self.article.title.strip()
        return not self.arabic or (not self.left(indices, model_dir) and title_done
                                   and self.model_dir == model_dir)


def language_notice(article: Article) -> str:
    """What the window skips for an article that is not in Arabic ('' for Arabic)."""
    from models.language import not_arabic_reason

    reason = not_arabic_reason(article)
    return f"{article.name}: {reason}; they are skipped." if reason else ""


class Session(QObject):
    """Open articles and every job run for them; the window and views only listen and ask."""

    article_changed = Signal(object, str)  # Document, what: summary, entities, sentence, translation, state
    opened = Signal(object, object)  # Document, path
    failed = Signal(str, str)  # topic (open, summary, entities, translation, models, install), one line
    progress = Signal(int, int, str)  # of the translation the user waits for
    busy_changed = Signal()
    models_listed = Signal(list)  # [(label, folder)]
    notice = Signal(str)  # a short status-bar message

    def __init__(self, *, model_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = Runner(self)
        self.runner.changed.connect(self.busy_changed)
        self.translators = TranslatorCache()
        self.model_dir = model_dir
        self.models_known = False  # until the store has been listed
        self.documents: list[Document] = []
        self.brief_job: Job | None = None  # translating several articles for a brief
        self.install_job: Job | None = None  # a model download or import started from a pane
        self._opening: dict[Path, Job] = {}
        self._settling: set[Document] = set()  # summaries changed; entities and translation to follow
        self._settle_timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle_timer.timeout.connect(self._settle)

    # --- opening and closing --------------------------------------------------------------------
    def open(self, path: Path, *, length, algorithm: str, scope: str, summary_key: tuple) -> None:
        """Read and analyse ``path`` in a worker; ``opened`` or ``failed('open', …)`` follows."""
        if path in self._opening:
            return
        job = Job(lambda ctx: engine.open_article(path, length=length, algorithm=algorithm),
                  name=f"open {path.name}")
        job.signals.result.connect(lambda article: self._opened(path, article, scope, summary_key))
        job.signals.error.connect(lambda message: self.failed.emit(
            "open", message if str(path) in message else f"Could not open {path.name}: {message}"))
        job.signals.finished.connect(lambda: self._opening.pop(path, None))
        self._opening[path] = job
        self.runner.start(job)

    def is_opening(self, path: Path) -> bool:
        return path in self._opening

    def _opened(self, path: Path, article: Article, scope: str, summary_key: tuple) -> None:
        doc = Document(article, scope=scope if scope in SCOPES else "summary", summary_key=summary_key)
        self.documents.append(doc)
        self._update_model_state(doc)
        self.opened.emit(doc, path)
        self.translate(doc)

    def close(self, doc: Document) -> None:
        if doc.job is not None:
            doc.job.cancel()
        if doc in self.documents:
            self.documents.remove(doc)
        self._settling.discard(doc)

    # --- summary --------------------------------------------------------------------------------
    def resummarise(self, doc: Document, *, length, algorithm: str, summary_key: tuple) -> None:
        """Summarise again on the UI thread (fast); then, on the serial worker, refresh the
        entities and translate only the sentences that are new."""
        try:
            engine.summarise(doc.article, length=length, algorithm=algorithm)
        except Exception as exc:  # noqa: BLE001 - shown as a message, details logged
            log.exception("summary failed")
            self.failed.emit("summary", f"Could not summarise {doc.article.name}: {describe_error(exc)}")
            return
        doc.summary_key = summary_key
        self.article_changed.emit(doc, "summary")
        self._settling.add(doc)
        self._settle_timer.start()  # debounced: a spin box held down settles once

    def correct(self, correction) -> None:
        """An entity panel's glossary correction: save it, then refresh every open article's entities."""
        try:
            engine.record_correction(correction)
        except Exception as exc:  # noqa: BLE001 - shown as a message, details logged
            log.exception("glossary not saved")
            self.failed.emit("entities", f"Correction not saved: {describe_error(exc)}")
            return
        self._settling.update(self.documents)
        self._settle_timer.start()

    def _settle(self) -> None:
        docs, self._settling = [d for d in self._settling if d in self.documents], set()
        for doc in docs:
            if doc.arabic:
                job = Job(lambda ctx, a=doc.article: engine.reannotate(a),
                          name=f"entities {doc.article.name}")
                job.signals.result.connect(lambda _a, d=doc: self.article_changed.emit(d, "entities"))
                job.signals.error.connect(lambda message: self.failed.emit(
                    "entities", f"Entities not updated: {message}"))
                self.runner.start(job, serial=True)
            self.translate(doc)

    # --- translation ----------------------------------------------------------------------------
    def translate(self, doc: Document) -> None:
        """Translate what the pane shows and is not translated yet, streaming each sentence.

        Every call is a user's request (open, length, scope, model, Translate now), so it also
        resumes a translation that was cancelled or failed; :meth:`resume` (tab switch) does not.
        """
        doc.paused = False
        self._update_model_state(doc)
        model_dir = self.model_dir
        if model_dir is None or doc.complete(doc.indices(), model_dir):
            return
        if doc.job is not None:
            doc.job.cancel()
        job = self._translation([doc], model_dir, f"translate {doc.article.name}", [doc.indices()])
        job.signals.result.connect(lambda _r: self._finished(doc, job))
        job.signals.cancelled.connect(lambda: self._finished(doc, job))
        job.signals.error.connect(lambda message: self._translation_failed(doc, job, message))
        doc.job = job
        self.runner.start(job, serial=True)
        self.busy_changed.emit()

    def resume(self, doc: Document) -> None:
        """Translate ``doc`` again unless the user paused it (cancel, failure)."""
        if not doc.paused:
            self.translate(doc)

    def _translation(self, docs: list[Document], model_dir: Path, name: str, wanted: list[list[int]]) -> Job:
        """A job translating ``wanted[i]`` of ``docs[i]`` with ``model_dir``; streams to the views."""
        plan = [(d.article, d.left(indices, model_dir)) for d, indices in zip(docs, wanted, strict=True)]
        job = translation_job(plan, model_dir=model_dir, translators=self.translators, name=name)
        by_article = {id(doc.article): doc for doc in docs}
        job.signals.item.connect(lambda item: self._arrived(by_article[id(item[0])], model_dir))
        job.signals.result.connect(lambda _r: self._translated_with(docs, model_dir))
        job.signals.progress.connect(lambda done, total, text: None if job.is_cancelled()
                                     else self.progress.emit(done, total, text))
        return job

    @staticmethod
    def _translated_with(docs: list[Document], model_dir: Path) -> None:
        for doc in docs:
            doc.model_dir = model_dir

    def _arrived(self, doc: Document, model_dir: Path) -> None:
        doc.model_dir = model_dir  # the engine dropped another model's English before this sentence
        if doc in self.documents:
            self.article_changed.emit(doc, "sentence")

    def _finished(self, doc: Document, job: Job) -> None:
        if doc.job is job:
            doc.job = None
        if doc in self.documents:
            self.article_changed.emit(doc, "translation")
        self.busy_changed.emit()

    def _translation_failed(self, doc: Document, job: Job, message: str) -> None:
        doc.paused = True
        self._finished(doc, job)
        self.failed.emit("translation", f"Translation failed: {message}")

    def prepare_brief(self, docs: list[Document], *, full: bool) -> Job | None:
        """Start translating what a brief of ``docs`` needs (summary, or all with ``full``).

        Returns the job (result, cancelled and error tell the caller), or ``None`` when
        nothing is missing or there is no model. Progress runs across the articles.
        """
        wanted = [d.indices("article" if full else "summary") for d in docs]
        todo = [(d, w) for d, w in zip(docs, wanted, strict=True) if not d.complete(w, self.model_dir)]
        if self.model_dir is None or not todo:
            return None
        docs = [d for d, _ in todo]
        job = self._translation(docs, self.model_dir, "translate for the brief", [w for _, w in todo])
        job.signals.finished.connect(lambda: self._brief_done(job, docs))
        self.brief_job = job
        self.runner.start(job, serial=True)
        self.busy_changed.emit()
        return job

    def translate_sentences(self, docs: list[Document], wanted: list[list[int]], *, name: str) -> Job | None:
        """Translate ``wanted[i]`` of ``docs[i]`` (sentences another view lists, e.g. the Story view's)
        with the chosen model; the views hear of each sentence. ``None`` when there is no model."""
        if self.model_dir is None:
            return None
        job = self._translation(docs, self.model_dir, name, wanted)
        self.runner.start(job, serial=True)
        return job

    def _brief_done(self, job: Job, docs: list[Document]) -> None:
        if self.brief_job is job:
            self.brief_job = None
        for doc in docs:
            if doc in self.documents:
                self.article_changed.emit(doc, "translation")
        self.busy_changed.emit()

    def is_translating(self, doc: Document) -> bool:
        return doc.job is not None

    def translating(self) -> bool:
        return self.brief_job is not None or any(d.job is not None for d in self.documents)

    def waiting(self) -> bool:
        """A translation or model install the user waits for (progress and Cancel shown)."""
        return self.translating() or self.install_job is not None

    def opening(self) -> bool:
        return bool(self._opening)

    def busy(self) -> bool:
        """Any job running or queued, or a summary change still to settle (screenshots, tests)."""
        return bool(self.runner.active() or self._opening or self._settle_timer.isActive())

    def cancel(self) -> bool:
        """Cancel every translation and opening the user waits for; ``True`` when there was one.

        Each stops at the next batch; it counts as stopped at once (no more progress shown).
        """
        jobs = [job for job in (*self._opening.values(), self.brief_job, self.install_job) if job is not None]
        self.brief_job = self.install_job = None
        for doc in self.documents:
            if doc.job is not None:
                jobs.append(doc.job)
                doc.paused, doc.job = True, None
                self.article_changed.emit(doc, "state")
        for job in jobs:
            job.cancel()
        self.busy_changed.emit()
        return bool(jobs)

    # --- models ---------------------------------------------------------------------------------
    def refresh_models(self) -> None:
        """List the installed models in a worker (the engine import is heavy); ``models_listed`` follows."""
        self.models_known = False
        job = Job(_list_models, name="list models")
        job.signals.result.connect(self._models_arrived)
        job.signals.error.connect(lambda message: self.failed.emit(
            "models", f"Could not list the models: {message}"))
        self.runner.start(job)

    def _models_arrived(self, listing: tuple[list[tuple[str, Path]], Path | None]) -> None:
        models, default = listing
        if self.model_dir is None or not self.model_dir.exists():
            self.model_dir = default
        labels = list(models)
        if self.model_dir is not None and all(path != self.model_dir for _, path in labels):
            labels.append((self.model_dir.name, self.model_dir))
        self.models_known = True
        self.models_listed.emit(labels)
        for doc in self.documents:
            self._update_model_state(doc)

    def install(self, fn, *, name: str) -> Job:
        """Run ``fn(store, ctx)`` (a model download or import) in a worker, then list the models again."""
        store = engine.model_store()
        job = Job(lambda ctx: fn(store, ctx), name=name)
        job.signals.progress.connect(lambda done, total, text: None if job.is_cancelled()
                                     else self.progress.emit(done, total, text))
        job.signals.result.connect(lambda info: self._installed(str(getattr(info, "id", ""))))
        job.signals.error.connect(lambda message: self.failed.emit(
            "install", f"Model not installed: {message}"))
        job.signals.finished.connect(lambda: self._install_done(job))
        self.install_job = job
        self.runner.start(job)
        self.busy_changed.emit()
        return job

    def _installed(self, model_id: str) -> None:
        self.notice.emit(f"Model installed: {model_id}")
        self.model_dir = None  # the store's default, which a first install becomes
        self.refresh_models()

    def _install_done(self, job: Job) -> None:
        if self.install_job is job:
            self.install_job = None
        self.busy_changed.emit()

    def select_model(self, model_dir: Path | None, current: Document | None) -> None:
        """Translate with ``model_dir`` from now on (``None``: no translation); ``current`` first."""
        self.model_dir = model_dir
        engine.remember_default(model_dir)
        for doc in self.documents:
            if model_dir is None and doc.job is not None:  # no translation wanted: stop, without pausing
                doc.job.cancel()
                doc.job = None
            self._update_model_state(doc)
        self.busy_changed.emit()
        if current is not None:
            self.translate(current)

    def _update_model_state(self, doc: Document) -> None:
        no_model = self.model_dir is None and self.models_known
        if no_model != doc.no_model:
            doc.no_model = no_model
            self.article_changed.emit(doc, "state")


def _list_models(ctx) -> tuple[list[tuple[str, Path]], Path | None]:
    """Installed models and the default one; the first time, also warms the engine up."""
    engine.warm_up()
    return engine.installed_models(), engine.default_model_dir()
