"""Briefs as PDF: the brief's HTML laid out by QTextDocument, printed by QPdfWriter.

Qt shapes Arabic (joining forms, lam-alef ligatures) and orders it with the
Unicode bidi algorithm, which plain PDF libraries do not. Only QtGui is used:
no widget and no window, so it works from the CLI with
``QT_QPA_PLATFORM=offscreen``; a QGuiApplication is created if none exists.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from models.briefing import Brief
from models.briefing.html_writer import ARABIC_FONTS, render_html
from models.briefing.output import atomic_write

RESOLUTION = 300
_app: QGuiApplication | None = None


def _ensure_app() -> None:
    """Fonts need a QGuiApplication; make one if the caller (the CLI, a test) has none.

    Nothing is shown, so on Linux it runs offscreen: a missing or broken X
    display must not abort a headless ``main.py brief``.
    """
    global _app
    if QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication([sys.argv[0] if sys.argv else "khulasa"])


def arabic_fonts() -> tuple[str, ...]:
    """The Arabic font stack with the installed ones first (the rest stay as fallbacks)."""
    installed = set(QFontDatabase.families())
    return tuple(sorted(ARABIC_FONTS, key=lambda name: name not in installed))


def build_document(brief: Brief) -> QTextDocument:
    """The laid-out document for ``brief`` (A4 page size set by the printer)."""
    _ensure_app()
    document = QTextDocument()
    document.setDocumentMargin(0)
    arabic = arabic_fonts()
    font = QFont()
    font.setFamilies(["Noto Sans", "DejaVu Sans", "Arial", *arabic])
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    document.setHtml(render_html(brief, arabic_fonts=arabic))
    return document


def _print(document: QTextDocument, path: Path, title: str) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Khulasa")
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter,
    ))
    document.print_(writer)


def write_pdf(brief: Brief, path: str | Path) -> None:
    """Write ``brief`` as PDF to ``path`` atomically (an existing file is replaced only when done).

    Raises:
        BriefError: the folder does not exist or is not writable.
    """
    document = build_document(brief)
    atomic_write(path, lambda temp: _print(document, temp, brief.title))
