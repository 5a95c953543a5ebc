"""The status bar: word counts and model on the left; progress with Cancel on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QSizePolicy, QStatusBar, QWidget

from models.article import Article


class StatusLine(QStatusBar):
    """Counts for the current article; a progress bar and Cancel while work runs."""

    cancel = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel(objectName="statusText")
        # the counts never widen the window past a small screen (the full line is the tooltip)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar(objectName="progress", maximumWidth=220, textVisible=True)
        self.progress_label = QLabel(objectName="progressLabel")
        self.cancel_button = QPushButton("Cancel", objectName="cancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.addWidget(self.text, 1)
        for widget in (self.progress_label, self.progress, self.cancel_button):
            self.addPermanentWidget(widget)
            widget.hide()

    def set_busy(self, busy: bool, *, message: str = "") -> None:
        """Show or hide the progress part; a busy bar with ``message`` until real progress arrives."""
        for widget in (self.progress, self.progress_label, self.cancel_button):
            widget.setVisible(busy)
        if busy and message:
            self.progress.setRange(0, 0)
            self.progress_label.setText(message)

    def show_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done}/{total}")
        self.progress_label.setText(message)

    def show_counts(self, article: Article | None, shown: list[int], model_dir: Path | None) -> None:
        """Words and sentences of original and summary, translated sentences shown, model in use."""
        model = f"Model: {model_dir.name}" if model_dir else "Model: No translation"
        parts = [model]
        if article is not None:
            translated = sum(1 for i in shown if i in article.translations)
            english = (f"Translated: {translated}/{len(shown)}" if model_dir and article.language == "ar"
                       else "Translation: off")
            summary = article.summary
            parts = [f"Original: {article.word_count()} words, {len(article.sentences)} sentences",
                     f"Summary: {len(summary)} sentences, {article.word_count(summary)} words",
                     english, model]
        self.text.setText("  ·  ".join(parts))
        self.text.setToolTip(self.text.text())
