"""The main window: tabs of articles, menus, toolbar controls, progress and messages."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gui import clipboard, engine
from gui.highlight import theme_for
from gui.menus import build_menus, fill_recent
from gui.partials.controls import Controls
from gui.partials.message_bar import MessageBar
from gui.partials.status_line import StatusLine
from gui.settings import Settings
from gui.views.article_view import ArticleView
from gui.views.render import Fonts
from gui.workers import Job, Runner, TranslatorCache, describe_error, translation_job

log = logging.getLogger(__name__)

SETTLE_MS = 150  # after a summary change, wait this long for more changes before the worker steps


class MainWindow(QMainWindow):
    """Several articles as tabs; every long step runs in a worker."""

    article_opened = Signal(object)  # ArticleView

    def __init__(self, settings: Settings, *, model_dir: Path | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.setWindowTitle("Khulasa")
        self.setAcceptDrops(True)
        self.runner = Runner(self)
        self.runner.changed.connect(self._jobs_changed)
        self.translators = TranslatorCache()
        self.model_dir = model_dir
        self.models_known = False  # until the store has been listed
        self._opening: dict[Path, Job] = {}
        self._translating: dict[ArticleView, Job] = {}
        self._settling: set[ArticleView] = set()  # summaries changed; entities and translation to follow
        self._settle_timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle_timer.timeout.connect(self._settle)
        self.theme = theme_for(self.palette())
        self.fonts = self._fonts()

        self.controls = Controls(engine.algorithms())
        self.controls.set_summary_options(
            algorithm=str(settings.get("algorithm")), unit=str(settings.get("length_unit")),
            sentences=int(settings.get("length_sentences")), percent=int(settings.get("length_percent")))
        self.controls.summary_changed.connect(self._summary_options_changed)
        self.controls.model_changed.connect(self._model_selected)
        self.controls.manage_models.connect(self.open_model_manager)
        toolbar = QToolBar("Summary and model", objectName="controlsToolbar", movable=False)
        toolbar.addWidget(self.controls)
        self.addToolBar(toolbar)

        self.messages = MessageBar()
        self.tabs = QTabWidget(objectName="tabs", documentMode=True, tabsClosable=True, movable=True)
        self.tabs.tabCloseRequested.connect(lambda i: self.close_tab(self.tabs.widget(i)))
        self.tabs.currentChanged.connect(self._tab_changed)
        welcome = QLabel("Open an Arabic article (Ctrl+O) or drop files here.",
                         alignment=Qt.AlignmentFlag.AlignCenter, objectName="welcome")
        self.stack = QStackedWidget()
        self.stack.addWidget(welcome)
        self.stack.addWidget(self.tabs)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.messages)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.status = StatusLine()
        self.status.cancel.connect(self.cancel_work)
        self.setStatusBar(self.status)

        self.menus = build_menus(self)
        self._fill_recent()
        self.refresh_models()
        geometry = settings.get("window_geometry")
        if geometry and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1500, 900)

    def _fill_recent(self) -> None:
        recent = [p for p in self.settings.get("recent_files") if Path(p).exists()]
        fill_recent(self.menus.recent, recent, lambda path: self.open_paths([Path(path)]))

    # --- opening --------------------------------------------------------------------------------
    def choose_files(self) -> None:
        patterns = " ".join(f"*{s}" for s in engine.supported_suffixes())
        names, _ = QFileDialog.getOpenFileNames(self, "Open articles", "",
                                                f"Articles ({patterns});;All files (*)")
        self.open_paths([Path(n) for n in names])

    def open_paths(self, paths: list[Path]) -> None:
        """Open each file in its own tab (reading and analysis run in a worker)."""
        for path in paths:
            path = Path(path).resolve()
            existing = self.view_for(path)
            if existing is not None:
                self.tabs.setCurrentWidget(existing)
                continue
            if path in self._opening:
                continue
            length, algorithm = self.summary_options()
            job = Job(lambda ctx, p=path, n=length, a=algorithm: engine.open_article(
                p, length=n, algorithm=a), name=f"open {path.name}")
            job.signals.result.connect(lambda article, p=path: self._opened(p, article))
            job.signals.error.connect(lambda message, p=path: self._open_failed(p, message))
            job.signals.finished.connect(lambda p=path: self._opening.pop(p, None))
            self._opening[path] = job
            self.runner.start(job)

    def _opened(self, path: Path, article) -> None:
        scope = str(self.settings.get("translation_scope"))
        view = ArticleView(article, theme=self.theme, fonts=self.fonts, scope=scope)
        view.summary_key = self.summary_key()
        view.scope_changed.connect(lambda scope, v=view: self._scope_changed(v, scope))
        view.manage_models.connect(self.open_model_manager)
        view.entities.correction_made.connect(self._corrected)
        for name in ("pane_splitter", "main_splitter"):
            splitter = getattr(view, name)
            state = self.settings.get(name)
            if state and not state.isEmpty():
                splitter.restoreState(state)
            splitter.splitterMoved.connect(lambda *_, n=name, s=splitter: self.settings.set(n, s.saveState()))
        index = self.tabs.addTab(view, article.name)
        self.tabs.setTabToolTip(index, str(path))
        self.tabs.setCurrentIndex(index)
        self.stack.setCurrentWidget(self.tabs)
        self.settings.add_recent(path)
        self._fill_recent()
        self._update_status()
        self.article_opened.emit(view)
        self.translate(view)

    def _open_failed(self, path: Path, message: str) -> None:
        self.show_error(f"Could not open {path.name}: {message}" if str(path) not in message else message)

    def view_for(self, path: Path) -> ArticleView | None:
        for view in self.views():
            if view.article.path is not None and Path(view.article.path).resolve() == path:
                return view
        return None

    def views(self) -> list[ArticleView]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def current_view(self) -> ArticleView | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, ArticleView) else None

    # --- summary --------------------------------------------------------------------------------
    def summary_options(self):
        unit, value = self.controls.length_value()
        return engine.length(unit, value), str(self.controls.algorithm.currentData())

    def summary_key(self) -> tuple:
        return (str(self.controls.algorithm.currentData()), *self.controls.length_value())

    def _summary_options_changed(self) -> None:
        lengths = self.controls.lengths()
        self.settings.set("algorithm", str(self.controls.algorithm.currentData()))
        self.settings.set("length_unit", self.controls.unit_key())
        self.settings.set("length_sentences", lengths["sentences"])
        self.settings.set("length_percent", lengths["percent"])
        view = self.current_view()
        if view is not None:
            self.resummarise(view)

    def resummarise(self, view: ArticleView) -> None:
        """Summarise again on the UI thread (fast) and show it; then, on the serial worker,
        refresh the entities and translate only the sentences that are new."""
        length, algorithm = self.summary_options()
        try:
            engine.summarise(view.article, length=length, algorithm=algorithm)
        except Exception as exc:  # noqa: BLE001 - shown as a message, details logged
            log.exception("summary failed")
            self.show_error(f"Could not summarise {view.article.name}: {describe_error(exc)}")
            return
        view.summary_key = self.summary_key()
        view.refresh()
        self._update_status()
        self._settling.add(view)
        self._settle_timer.start()  # debounced: a spin box held down settles once

    def _corrected(self, correction) -> None:
        """A glossary correction from an entity panel: save it, then refresh every open article."""
        try:
            engine.record_correction(correction)
        except Exception as exc:  # noqa: BLE001 - shown as a message, details logged
            log.exception("glossary not saved")
            self.show_error(f"Correction not saved: {describe_error(exc)}")
            return
        self._settling.update(self.views())
        self._settle_timer.start()

    def _settle(self) -> None:
        """After summary changes: refresh entities on the serial worker, then translate what is new."""
        views, self._settling = [v for v in self._settling if v in self.views()], set()
        for view in views:
            job = Job(lambda ctx, a=view.article: engine.reannotate(a), name=f"entities {view.article.name}")
            job.signals.result.connect(lambda _a, v=view: v.refresh() if v in self.views() else None)
            job.signals.error.connect(lambda message: self.show_error(f"Entities not updated: {message}"))
            self.runner.start(job, serial=True)
            self.translate(view)

    def _tab_changed(self) -> None:
        view = self.current_view()
        if view is not None and view.summary_key != self.summary_key():
            self.resummarise(view)
        elif view is not None and not view.translation_paused:
            self.translate(view)
        self._update_status()

    # --- translation ----------------------------------------------------------------------------
    def translate_current(self) -> None:
        view = self.current_view()
        if view is not None:
            self.translate(view)

    def translate(self, view: ArticleView) -> None:
        """Translate the sentences the view shows and has not translated yet, streaming each one.

        Every call is a user's request (open, length, scope, model, Translate now), so it also
        resumes a translation that was cancelled or failed; switching tabs does not.
        """
        view.translation_paused = False
        if self.model_dir is None:
            view.set_has_model(not self.models_known)
            return
        view.set_has_model(True)
        article = view.article
        complete = not view.untranslated() and (article.title_translation or not article.title.strip())
        if complete and view.translated_with == self.model_dir:
            return
        running = self._translating.get(view)
        if running is not None:
            running.cancel()
        model_dir, indices = self.model_dir, view.translation_indices()

        job = translation_job(article, indices, model_dir=model_dir, translators=self.translators)
        job.signals.item.connect(lambda _t: self._translated_sentence(view))
        job.signals.result.connect(lambda _a: self._translated(view, model_dir))
        job.signals.error.connect(lambda message: self._translation_failed(view, message))
        job.signals.cancelled.connect(lambda: self._translated(view))
        job.signals.progress.connect(self.status.show_progress)
        job.signals.finished.connect(lambda: self._translating.pop(view, None)
                                     if self._translating.get(view) is job else None)
        self._translating[view] = job
        self.runner.start(job, serial=True)

    def _translation_failed(self, view: ArticleView, message: str) -> None:
        view.translation_paused = True
        self.show_error(f"Translation failed: {message}", action="Model manager…",
                        callback=self.open_model_manager)

    def is_translating(self, view: ArticleView) -> bool:
        return view in self._translating

    def _translated_sentence(self, view: ArticleView) -> None:
        if view in self.views():
            view.translation_arrived()
            self._update_status()

    def _translated(self, view: ArticleView, model_dir: Path | None = None) -> None:
        if model_dir is not None:
            view.translated_with = model_dir
        if view in self.views():
            view.refresh()
            self._update_status()

    def _scope_changed(self, view: ArticleView, scope: str) -> None:
        self.settings.set("translation_scope", scope)
        self.translate(view)

    def toggle_scope(self) -> None:
        view = self.current_view()
        if view is not None:
            view.set_scope("summary" if view.scope == "article" else "article")

    # --- models ---------------------------------------------------------------------------------
    def refresh_models(self) -> None:
        """List the installed models in a worker (the engine import is heavy), then fill the toolbar."""
        job = Job(_list_models, name="list models")
        job.signals.result.connect(self._models_listed)
        job.signals.error.connect(lambda message: self.show_error(f"Could not list the models: {message}"))
        self.runner.start(job)

    def _models_listed(self, listing: tuple[list[tuple[str, Path]], Path | None]) -> None:
        models, default = listing
        if self.model_dir is None or not self.model_dir.exists():
            self.model_dir = default
        labels = list(models)
        if self.model_dir is not None and all(path != self.model_dir for _, path in labels):
            labels.append((self.model_dir.name, self.model_dir))
        self.controls.set_models(labels, self.model_dir)
        self.models_known = True
        for view in self.views():
            view.set_has_model(self.model_dir is not None)
        self._update_status()
        self.translate_current()

    def _model_selected(self, path: str) -> None:
        self.model_dir = Path(path) if path else None
        engine.remember_default(self.model_dir)
        self._update_status()
        view = self.current_view()
        if view is not None:
            self.translate(view)
        for other in self.views():
            other.set_has_model(self.model_dir is not None)

    def open_model_manager(self) -> None:
        from gui.dialogs.model_manager import ModelManagerDialog

        dialog = ModelManagerDialog(self.runner, parent=self)
        dialog.exec()
        self.model_dir = None  # pick up a new default or removal
        self.refresh_models()

    # --- copy and save --------------------------------------------------------------------------
    def copy_translated(self) -> None:
        view = self.current_view()
        if view is None:
            return
        if not any(i in view.article.translations for i in view.article.summary):
            self.show_error("The summary has no translation yet.", kind="info")
            return
        clipboard.put(*clipboard.translated_summary(view.article))
        self.statusBar().showMessage("Translated summary copied.", 3000)

    def copy_bilingual(self) -> None:
        view = self.current_view()
        if view is not None:
            clipboard.put(*clipboard.bilingual_summary(view.article))
            self.statusBar().showMessage("Bilingual summary copied.", 3000)

    def save_briefing(self) -> None:
        from gui.briefing import save_briefing_dialog

        save_briefing_dialog(self)

    # --- fonts and palette ----------------------------------------------------------------------
    def _fonts(self) -> Fonts:
        size = int(self.settings.get("font_size"))
        english = QFont(QApplication.font())
        english.setPointSize(size)
        return Fonts(arabic=QFont(self.settings.arabic_font(), size + 1), english=english)

    def _restyle(self) -> None:
        self.theme = theme_for(self.palette())
        self.fonts = self._fonts()
        for view in self.views():
            view.set_style(self.theme, self.fonts)
        for action in self.menus.fonts:
            action.setChecked(action.text() == self.fonts.arabic.family())

    def change_font_size(self, step: int) -> None:
        self.settings.set("font_size", max(8, min(32, int(self.settings.get("font_size")) + step)))
        self._restyle()

    def set_arabic_font(self, family: str) -> None:
        self.settings.set("arabic_font", family)
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "tabs"):
            self._restyle()

    # --- progress, status, errors ---------------------------------------------------------------
    def busy(self) -> bool:
        return bool(self.runner.active() or self._opening or self._settle_timer.isActive())

    def _jobs_changed(self) -> None:
        """Progress and Cancel for what the user started (opening, translating), not background steps."""
        if self._translating:
            self.status.set_busy(True)
        else:
            self.status.set_busy(bool(self._opening), message="Opening…")

    def cancel_work(self) -> None:
        """Cancel every running open or translation (model installs have their own Cancel)."""
        for view, job in self._translating.items():
            view.translation_paused = True
            job.cancel()
        for job in self._opening.values():
            job.cancel()
        self.statusBar().showMessage("Cancelled.", 3000)

    def _update_status(self) -> None:
        view = self.current_view()
        self.status.show_counts(view.article if view else None, view.translation_indices() if view else [],
                                self.model_dir)

    def show_error(self, text: str, *, kind: str = "error", action: str = "", callback=None) -> None:
        if kind == "error":
            log.warning("%s", text)
        self.messages.show_message(text, kind=kind, action=action, callback=callback)

    def open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from models.paths import log_dir

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))

    # --- closing --------------------------------------------------------------------------------
    def confirm(self, question: str) -> bool:
        """Ask before throwing away running work (tests replace this)."""
        answer = QMessageBox.question(self, "Khulasa", question)
        return answer == QMessageBox.StandardButton.Yes

    def close_tab(self, view: QWidget | None) -> bool:
        if not isinstance(view, ArticleView):
            return False
        job = self._translating.get(view)
        if job is not None and not self.confirm(f"{view.article.name} is still being translated. "
                                                "Stop and close it?"):
            return False
        if job is not None:
            job.cancel()
        self.tabs.removeTab(self.tabs.indexOf(view))
        view.deleteLater()
        if not self.tabs.count():
            self.stack.setCurrentIndex(0)
        self._update_status()
        return True

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        question = "A translation is still running. Quit anyway? (Sentences already translated are kept.)"
        if self._translating and not self.confirm(question):
            event.ignore()
            return
        self.runner.cancel_all()
        self.settings.set("session_files", [str(v.article.path) for v in self.views() if v.article.path])
        self.settings.set("window_geometry", self.saveGeometry())
        self.settings.sync()
        self.runner.wait(3000)
        event.accept()

    # --- drag and drop --------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.open_paths([p for p in paths if p.is_file()])
        event.acceptProposedAction()


def _list_models(ctx) -> tuple[list[tuple[str, Path]], Path | None]:
    """Installed models and the default one; the first time, also warms the engine up."""
    engine.warm_up()
    return engine.installed_models(), engine.default_model_dir()
