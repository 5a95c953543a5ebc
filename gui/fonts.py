"""Register the shipped fonts (``models.fonts``) with Qt, once per process."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from models.fonts import FONT_FILES

_loaded: tuple[str, ...] | None = None


def load_app_fonts() -> tuple[str, ...]:
    """Add the shipped Arabic and Latin fonts to Qt's font database; returns their family names.

    Needs a QGuiApplication. Call it at start-up, before any font is chosen;
    later calls return the first result. A file Qt cannot load is left out.
    """
    global _loaded
    if _loaded is None:
        families: list[str] = []
        for path in FONT_FILES.values():
            font_id = QFontDatabase.addApplicationFont(str(path))
            families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
        _loaded = tuple(families)
    return _loaded
