"""The window on the screen it opens on: a size that fits the available area, a compact header."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

PREFERRED_SIZE = QSize(1500, 900)
FRAME = QSize(16, 48)  # room for the window manager's frame and title bar
COMPACT_HEIGHT = 900  # on screens less tall than this the article header starts collapsed


def fit_window(window: QWidget, geometry) -> None:
    """The saved ``geometry`` when it fits the screen's available area, else the preferred size, fitted."""
    available = window.screen().availableGeometry()
    if geometry and not geometry.isEmpty() and window.restoreGeometry(geometry) \
            and available.contains(window.frameGeometry()):
        return
    window.resize(PREFERRED_SIZE.boundedTo(available.size() - FRAME))
    window.move(available.center() - window.rect().center())


def header_collapsed(window: QWidget, chosen: str) -> bool:
    """Whether a new tab's header starts collapsed: as chosen ("shown"/"hidden"), else by screen height."""
    if chosen:
        return chosen == "hidden"
    return window.screen().availableGeometry().height() < COMPACT_HEIGHT
