"""Helpers for the GUI tests: a window with an isolated store, and article builders."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def make_tiny_model(folder: Path) -> Path:
    """A random-weight ct2 model from bench/make_test_model.py (fast; nonsense English)."""
    subprocess.run([sys.executable, str(REPO / "bench" / "make_test_model.py"), str(folder)],
                   check=True, capture_output=True)
    return folder


def sentence_point(pane, index: int):
    """A viewport point inside sentence ``index`` of ``pane`` (for clicks and hovers)."""
    from PySide6.QtGui import QTextCursor

    start, end = pane.rendered.sentences[index]
    pane.reveal(start, end)
    cursor = QTextCursor(pane.document())
    cursor.setPosition((start + end) // 2)
    return pane.cursorRect(cursor).center()
