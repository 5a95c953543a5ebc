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
    """Ask for options and a file, then save in a worker; errors go to the window's message bar."""
    from gui.workers import Job

    views = window.views()
    current = window.current_view()
    if current is None:
        window.show_error("Open an article first.", kind="info")
        return
    options = BriefOptions(len(views), window)
    if options.exec() != QDialog.DialogCode.Accepted:
        return
    chosen = views if options.all_tabs.isChecked() else [current]
    if any(window.is_translating(view) for view in chosen) and not window.confirm(
            "Translation is still running; save the brief with the sentences translated so far?"):
        return
    folder = Path(str(window.settings.get("brief_dir")) or Path.home())
    start = folder / f"{Path(current.article.name).stem}-brief.docx"
    name, chosen_filter = QFileDialog.getSaveFileName(window, "Save briefing", str(start),
                                                      ";;".join(FILTERS.values()))
    if not name:
        return
    path = brief_path(name, chosen_filter)
    # a snapshot: a running translation keeps adding sentences and English names to the live articles
    articles = [deepcopy(v.article) for v in chosen]
    full = options.full.isChecked()
    job = Job(lambda ctx: save_briefing(articles, path, full_translation=full), name="save briefing")
    job.signals.result.connect(lambda _: _saved(window, path))
    job.signals.error.connect(lambda message: window.show_error(f"Could not save the briefing: {message}"))
    window.statusBar().showMessage(f"Saving the briefing to {path}…")
    window.runner.start(job)


def _saved(window, path: Path) -> None:
    window.settings.set("brief_dir", str(path.parent))
    window.statusBar().showMessage(f"Briefing saved to {path}", 5000)
