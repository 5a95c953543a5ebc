"""File ▸ Save briefing…: choose articles, options and a file; the engine writes the brief."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

FILTERS = {
    "docx": "Word document (*.docx)",
    "pdf": "PDF (*.pdf)",
    "html": "Web page (*.html)",
    "md": "Markdown (*.md)",
}


class BriefOptions(QDialog):
    """Which articles go into the brief, and whether to append the full translation."""

    def __init__(self, open_tabs: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Save briefing")
        self.current = QRadioButton("This article", checked=True)
        self.all_tabs = QRadioButton(f"All open articles ({open_tabs}), combined")
        self.all_tabs.setEnabled(open_tabs > 1)
        self.full = QCheckBox("Append the whole article's translation")
        kinds = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(kinds.Save | kinds.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.current, self.all_tabs, self.full, buttons):
            layout.addWidget(widget)


def brief_path(name: str, chosen_filter: str) -> Path:
    """The file picked in the dialog; without a brief suffix it gets the chosen filter's (Word if none)."""
    from models.briefing.output import FORMATS

    path = Path(name)
    if path.suffix.lower() in FORMATS:
        return path
    suffix = next((k for k, v in FILTERS.items() if v == chosen_filter), "docx")
    return path.with_name(f"{path.name}.{suffix}")


def save_briefing(articles, path: Path, *, full_translation: bool) -> None:
    """Write the brief (format by suffix). Raises ``KhulasaError``/``OSError``."""
    from models.briefing import save_brief

    save_brief(articles, path, full_translation=full_translation)


def save_briefing_dialog(window) -> None:
    """Ask for options and a file; translate what the brief needs first (with progress and Cancel),
    then save in a worker. The status bar and message bar say what happened."""
    session = window.session
    views = window.views()
    current = window.current_view()
    if current is None:
        window.show_error("Open an article first.", kind="info")
        return
    options = BriefOptions(len(views), window)
    if options.exec() != QDialog.DialogCode.Accepted:
        return
    docs = [v.doc for v in views] if options.all_tabs.isChecked() else [current.doc]
    full = options.full.isChecked()
    if session.model_dir is None and any(d.arabic for d in docs) and not window.confirm(
            "No translation model is selected, so the brief has no English. Save it with the Arabic only?"):
        return
    folder = Path(str(window.settings.get("brief_dir")) or Path.home())
    start = folder / f"{Path(current.article.name).stem}-brief.docx"
    name, chosen_filter = QFileDialog.getSaveFileName(window, "Save briefing", str(start),
                                                      ";;".join(FILTERS.values()))
    if not name:
        return
    path = brief_path(name, chosen_filter)
    job = session.prepare_brief(docs, full=full)
    if job is None:
        _write(window, docs, path, full=full)
        return
    window.statusBar().showMessage("Translating what the briefing needs first…")
    job.signals.result.connect(lambda _: _write(window, docs, path, full=full, translated=True))
    job.signals.cancelled.connect(lambda: _not_saved(window, "the translation was cancelled"))
    job.signals.error.connect(lambda message: _not_saved(window, f"translation failed: {message}",
                                                         error=True))


def brief_articles(docs, *, english: bool) -> list:
    """Snapshots of the articles (a running translation keeps adding to the live ones);
    without ``english`` (no model chosen) an old model's English is left out."""
    articles = [deepcopy(d.article) for d in docs]
    if not english:
        for article in articles:
            article.translations, article.title_translation = {}, ""
    return articles


def _write(window, docs, path: Path, *, full: bool, translated: bool = False) -> None:
    from gui.workers import Job

    articles = brief_articles(docs, english=window.session.model_dir is not None)
    notes = []
    if translated:
        notes.append("translated what it needed first")
    if window.session.model_dir is None:
        notes.append("Arabic only: no translation model")
    others = [d.article.name for d in docs if not d.arabic]
    if others:
        notes.append(f"not translated (not Arabic): {', '.join(others)}")
    job = Job(lambda ctx: save_briefing(articles, path, full_translation=full), name="save briefing")
    job.signals.result.connect(lambda _: _saved(window, path, notes))
    job.signals.error.connect(lambda message: _not_saved(window, message, error=True))
    window.statusBar().showMessage(f"Saving the briefing to {path}…")
    window.runner.start(job)


def _not_saved(window, why: str, *, error: bool = False) -> None:
    window.statusBar().showMessage(f"Briefing not saved: {why}.", 8000)
    if error:
        window.show_error(f"Could not save the briefing: {why}", topic="brief")


def _saved(window, path: Path, notes: list[str]) -> None:
    window.settings.set("brief_dir", str(path.parent))
    window.statusBar().showMessage(f"Briefing saved to {path}" + (f" ({'; '.join(notes)})" if notes else ""),
                                   8000)
