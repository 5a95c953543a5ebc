"""Helpers for the GUI tests."""

from __future__ import annotations


def sentence_point(pane, index: int):
    """A viewport point inside sentence ``index`` of ``pane`` (for clicks and hovers)."""
    from PySide6.QtGui import QTextCursor

    start, end = pane.rendered.sentences[index]
    pane.reveal(start, end)
    cursor = QTextCursor(pane.document())
    cursor.setPosition((start + end) // 2)
    return pane.cursorRect(cursor).center()


def make_window(qtbot, model_dir=None):
    """A shown main window that answers every question with yes (tests replace ``confirm``)."""
    from gui.fonts import load_app_fonts
    from gui.main_window import MainWindow
    from gui.settings import Settings

    load_app_fonts()
    window = MainWindow(Settings(), model_dir=model_dir)
    window.confirm = lambda question: True
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    return window
