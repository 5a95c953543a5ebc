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
