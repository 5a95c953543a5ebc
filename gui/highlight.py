"""Colours and text formats: entity types, summary marks and focus highlights.

Only presentation lives here: spans come from the Article, this module turns
them into ``QTextCharFormat``s and extra selections, with one palette for light
and one for dark themes so every colour stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from models.article import ENTITY_LABELS

_LIGHT = {
    "PER": "#1456b8",
    "LOC": "#17751f",
    "ORG": "#9c2b8f",
    "MISC": "#a65100",
    "summary": "#fff2bf",
    "focus": "#bcd7ff",
}
_DARK = {
    "PER": "#86b6ff",
    "LOC": "#7fd98a",
    "ORG": "#f291e6",
    "MISC": "#ffb866",
    "summary": "#4d4318",
    "focus": "#27497a",
}


@dataclass(frozen=True)
class Theme:
    """The colours for one palette."""

    dark: bool
    entity: dict[str, QColor]
    summary: QColor
    focus: QColor
    base: QColor
    muted: QColor

    def entity_colour(self, kind: str) -> QColor:
        return self.entity.get(kind, self.entity["MISC"])

    def mention_background(self, kind: str) -> QColor:
        """The entity colour blended into the page, for "show every mention"."""
        return _blend(self.entity_colour(kind), self.base, 0.35)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def theme_for(palette: QPalette) -> Theme:
    """The colour set that fits ``palette`` (light or dark)."""
    dark = is_dark(palette)
    colours = _DARK if dark else _LIGHT
    return Theme(
        dark=dark,
        entity={kind: QColor(colours[kind]) for kind in ENTITY_LABELS},
        summary=QColor(colours["summary"]),
        focus=QColor(colours["focus"]),
        base=palette.color(QPalette.ColorRole.Base),
        muted=palette.color(QPalette.ColorRole.PlaceholderText),
    )


def _blend(colour: QColor, base: QColor, amount: float) -> QColor:
    mix = [round(a * amount + b * (1 - amount)) for a, b in
           zip(colour.getRgb()[:3], base.getRgb()[:3], strict=True)]
    return QColor(*mix)


def entity_format(theme: Theme, kind: str) -> QTextCharFormat:
    """Entity mentions: the type's colour, semi-bold."""
    fmt = QTextCharFormat()
    fmt.setForeground(theme.entity_colour(kind))
    fmt.setFontWeight(600)
    return fmt


def summary_format(theme: Theme) -> QTextCharFormat:
    """Sentences of the summary, marked in the original like a highlighter pen."""
    fmt = QTextCharFormat()
    fmt.setBackground(theme.summary)
    return fmt


def placeholder_format(theme: Theme) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(theme.muted)
    fmt.setFontItalic(True)
    return fmt


def selection(document: QTextDocument, start: int, end: int, background: QColor) -> QTextEdit.ExtraSelection:
    """An extra selection painting ``background`` over ``[start, end)``."""
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    sel = QTextEdit.ExtraSelection()
    sel.cursor = cursor
    fmt = QTextCharFormat()
    fmt.setBackground(background)
    sel.format = fmt
    return sel
