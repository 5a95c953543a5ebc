"""The main window: tabs, menus, toolbar, progress and messages; :mod:`gui.session` runs the jobs."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
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

from gui import engine, model_setup
from gui.highlight import theme_for
from gui.menus import build_menus, fill_recent
from gui.partials.controls import Controls
from gui.partials.message_bar import MessageBar
from gui.partials.status_line import StatusLine
from gui.screen_fit import fit_window, header_collapsed
from gui.session import Document, Session, language_notice
from gui.settings import DEFAULTS, Settings
from gui.views.article_view import ArticleView

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Several articles as tabs; every long step runs in the session's workers."""

    article_opened = Signal(object)  # ArticleView

    def __init__(self, settings: Settings, *, model_dir: Path | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.setWindowTitle("Khulasa")
        self.setAcceptDrops(True)
        self.session = Session(model_dir=model_dir, parent=self)
        self.session.opened.connect(self._opened)
        self.session.failed.connect(self._failed)
        self.session.busy_changed.connect(self._jobs_changed)
        self.session.models_listed.connect(self._models_listed)
        self.session.notice.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.session.progress.connect(lambda *progress: self.status.show_progress(*progress))
        self.session.article_changed.connect(lambda *_: self._update_status())
        self._order: dict[Path, int] = {}  # when each file was asked for: tabs keep that order
        self._requests = 0
        self._failed_at = -1  # the last request before an open failed
        self._focus: Path | None = None  # the tab to select when it opens (session restore)
        self.theme = theme_for(self.palette())
        self.fonts = settings.fonts()

        self.controls = Controls(engine.algorithms())
        self.controls.set_summary_options(
            algorithm=str(settings.get("algorithm")), unit=str(settings.get("length_unit")),
            lengths={unit: int(settings.get(f"length_{unit}")) for unit in Controls.units()})
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
        self.session.refresh_models()
        fit_window(self, settings.get("window_geometry"))

    # the session's state, for the app, the benches and the tests
    runner = property(lambda self: self.session.runner)
    model_dir = property(lambda self: self.session.model_dir)
    models_known = property(lambda self: self.session.models_known)

    def _fill_recent(self) -> None:
        recent = [p for p in self.settings.get("recent_files") if Path(p).exists()]
        fill_recent(self.menus.recent, recent, lambda path: self.open_paths([Path(path)]))

    # --- opening --------------------------------------------------------------------------------
    def choose_files(self) -> None:
        patterns = " ".join(f"*{s}" for s in engine.supported_suffixes())
        names, _ = QFileDialog.getOpenFileNames(self, "Open articles", "",
                                                f"Articles ({patterns});;All files (*)")
        self.open_paths([Path(n) for n in names])

    def open_paths(self, paths: list[Path], *, current: Path | None = None) -> None:
        """Open each file in its own tab, in this order (reading and analysis run in a worker).

        With ``current``, that file's tab is selected when it opens (session restore);
        otherwise each new tab is.
        """
        self._focus = Path(current).resolve() if current else None
        for path in paths:
            path = Path(path).resolve()
            existing = self.view_for(path)
            if existing is not None:
                self.tabs.setCurrentWidget(existing)
                continue
            self._requests += 1
            self._order[path] = self._requests
            length, algorithm = self.summary_options()
            self.session.open(path, length=length, algorithm=algorithm,
                              scope=str(self.settings.get("translation_scope")),
                              summary_key=self.summary_key())

    def _opened(self, doc: Document, path: Path) -> None:
        collapsed = header_collapsed(self, str(self.settings.get("header_details")))
        view = ArticleView(doc, theme=self.theme, fonts=self.fonts, collapsed=collapsed)
        self.session.article_changed.connect(view.changed)
        view.scope_changed.connect(self._scope_changed)
        view.details.toggled.connect(lambda shown: self.settings.set("header_details", "shown" if shown
                                                                     else "hidden"))
        model_setup.connect_offer(self, view.model_offer)
        view.entities.correction_made.connect(self.session.correct)
        for name in ("pane_splitter", "main_splitter"):
            splitter = getattr(view, name)
            state = self.settings.get(name)
            if state and not state.isEmpty():
                splitter.restoreState(state)
            splitter.splitterMoved.connect(lambda *_, n=name, s=splitter: self.settings.set(n, s.saveState()))
        order = self._order.get(path, 0)
        index = next((i for i, v in enumerate(self.views()) if self._order.get(v.path(), 0) > order),
                     self.tabs.count())
        index = self.tabs.insertTab(index, view, doc.article.name)
        self.tabs.setTabToolTip(index, str(path))
        if self._focus in (None, path):
            self.tabs.setCurrentIndex(index)
        self.stack.setCurrentWidget(self.tabs)
        self.settings.add_recent(path)
        self._fill_recent()
        if self.messages.topic == "open" and self._failed_at < order:
            self.messages.dismiss()  # an older file's error; this one opened fine
        notice = language_notice(doc.article)
        if notice:
            self.show_error(notice, kind="info", topic="language")
        self._update_status()
        self.article_opened.emit(view)

    def view_for(self, path: Path) -> ArticleView | None:
        return next((view for view in self.views() if view.path() == path), None)

    def views(self) -> list[ArticleView]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def current_view(self) -> ArticleView | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, ArticleView) else None

    # --- summary and translation ----------------------------------------------------------------
    def summary_options(self):
        unit, value = self.controls.length_value()
        return engine.length(unit, value), str(self.controls.algorithm.currentData())

    def summary_key(self) -> tuple:
        return (str(self.controls.algorithm.currentData()), *self.controls.length_value())

    def _summary_options_changed(self) -> None:
        self.settings.set("algorithm", str(self.controls.algorithm.currentData()))
        self.settings.set("length_unit", self.controls.unit_key())
        for unit, value in self.controls.lengths().items():
            self.settings.set(f"length_{unit}", value)
        view = self.current_view()
        if view is not None:
            self._resummarise(view)

    def _resummarise(self, view: ArticleView) -> None:
        length, algorithm = self.summary_options()
        self.session.resummarise(view.doc, length=length, algorithm=algorithm, summary_key=self.summary_key())

    def _tab_changed(self) -> None:
        view = self.current_view()
        if view is not None and view.doc.summary_key != self.summary_key():
            self._resummarise(view)
        elif view is not None:
            self.session.resume(view.doc)
        self._update_status()

    def translate_current(self) -> None:
        view = self.current_view()
        if view is not None:
            self.session.translate(view.doc)

    def _scope_changed(self, scope: str) -> None:
        self.settings.set("translation_scope", scope)
        self.translate_current()

    def toggle_scope(self) -> None:
        view = self.current_view()
        if view is not None:
            view.set_scope("summary" if view.scope == "article" else "article")

    # --- models ---------------------------------------------------------------------------------
    def _models_listed(self, labels: list[tuple[str, Path]]) -> None:
        self.controls.set_models(labels, self.session.model_dir)
        self._update_status()
        self.translate_current()

    def _model_selected(self, path: str) -> None:
        view = self.current_view()
        self.session.select_model(Path(path) if path else None, view.doc if view else None)
        self._update_status()

    def open_model_manager(self) -> None:
        from gui.dialogs.model_manager import ModelManagerDialog

        ModelManagerDialog(self.runner, parent=self).exec()
        self.session.model_dir = None  # pick up a new default or removal
        self.session.refresh_models()

    # --- copy and save --------------------------------------------------------------------------
    def save_briefing(self) -> None:
        from gui.briefing import save_briefing_dialog

        save_briefing_dialog(self)

    # --- fonts and palette ----------------------------------------------------------------------
    def _restyle(self) -> None:
        self.theme = theme_for(self.palette())
        self.fonts = self.settings.fonts()
        for view in self.views():
            view.set_style(self.theme, self.fonts)
        for action in self.menus.fonts:
            action.setChecked(action.text() == self.fonts.arabic.family())

    def change_font_size(self, step: int | None) -> None:
        """Text size up or down by ``step`` points; ``None`` resets it."""
        size = int(DEFAULTS["font_size"]) if step is None else int(self.settings.get("font_size")) + step
        self.settings.set("font_size", max(8, min(32, size)))
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
        return self.session.busy()

    def _jobs_changed(self) -> None:
        """Progress and Cancel for what the user waits for (opening, translating), not background steps."""
        if self.session.waiting():
            self.status.set_busy(True)
        else:
            self.status.set_busy(self.session.opening(), message="Opening…")
        self._update_status()

    def cancel_work(self) -> None:
        """Cancel every running open, translation and model install; say so once."""
        if self.session.cancel():
            self.statusBar().showMessage("Cancelled.", 3000)

    def _update_status(self) -> None:
        view = self.current_view()
        self.status.show_counts(view.article if view else None, view.doc.indices() if view else [],
                                self.session.model_dir)

    def _failed(self, topic: str, message: str) -> None:
        if topic == "open":
            self._failed_at = self._requests
        actions = {"translation": ("Model manager…", self.open_model_manager),
                   "install": ("Import a file…", lambda: model_setup.choose_import(self))}
        action, callback = actions.get(topic, ("", None))
        self.show_error(message, topic=topic, action=action, callback=callback)

    def show_error(self, text: str, *, kind: str = "error", topic: str = "", action: str = "",
                   callback=None) -> None:
        if kind == "error":
            log.warning("%s", text)
        self.messages.show_message(text, kind=kind, topic=topic, action=action, callback=callback)

    # --- tabs and closing -----------------------------------------------------------------------
    def switch_tab(self, step: int) -> None:
        if self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def confirm(self, question: str) -> bool:
        """Ask before throwing away running work (tests replace this)."""
        answer = QMessageBox.question(self, "Khulasa", question)
        return answer == QMessageBox.StandardButton.Yes

    def close_tab(self, view: QWidget | None) -> bool:
        if not isinstance(view, ArticleView):
            return False
        if self.session.is_translating(view.doc) and not self.confirm(
                f"{view.article.name} is still being translated. Stop and close it?"):
            return False
        self.session.close(view.doc)
        self.tabs.removeTab(self.tabs.indexOf(view))
        view.deleteLater()
        if not self.tabs.count():
            self.stack.setCurrentIndex(0)
        self._update_status()
        return True

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        question = "A translation is still running. Quit anyway? (Sentences already translated are kept.)"
        if self.session.translating() and not self.confirm(question):
            event.ignore()
            return
        self.runner.cancel_all()
        self.settings.set("session_files", [str(v.path()) for v in self.views() if v.path()])
        self.settings.set("session_current", max(0, self.tabs.currentIndex()))
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
