"""The colour legend shown above the panes."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from gui.highlight import Theme
from models.article import ENTITY_LABELS


class Legend(QWidget):
    """Entity colours and the summary mark, as small labelled chips."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)

    def set_theme(self, theme: Theme) -> None:
        while self._layout.count():
            widget = self._layout.takeAt(0).widget()
            if widget:
                widget.deleteLater()
        for kind, label in ENTITY_LABELS.items():
            colour = theme.entity_colour(kind).name()
            self._layout.addWidget(QLabel(f'<span style="color:{colour}; font-weight:600">■ {label}</span>'))
        summary = theme.summary.name()
        self._layout.addWidget(QLabel(f'<span style="background:{summary}">&nbsp;in summary&nbsp;</span>'))
        self._layout.addStretch(1)
