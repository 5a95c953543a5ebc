"""User preferences: every default declared here, stored with QSettings.

The INI file lives in the user data directory (``models.paths.data_dir()``), so
``KHULASA_HOME`` isolates tests and portable installs like every other file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from gui.views.render import Fonts
from models.paths import data_dir

ARABIC_FONTS = ("Noto Naskh Arabic", "Amiri", "Noto Sans Arabic", "Noto Kufi Arabic", "DejaVu Sans")
MAX_RECENT = 10

DEFAULTS: dict[str, object] = {
    "font_size": 13,
    "arabic_font": "",  # empty: the first installed of ARABIC_FONTS
    "algorithm": "auto",
    "length_unit": "sentences",  # or "percent", "words"
    "length_sentences": 5,
    "length_percent": 25,
    "length_words": 120,
    "translation_scope": "summary",  # or "article"
    "recent_files": [],
    "brief_dir": "",
    "copy_attribution": True,  # copies end with source, date and model
    "session_files": [],  # the open tabs, in tab order
    "session_current": 0,  # the selected tab
    "header_details": "",  # "shown", "hidden"; empty: hidden on screens less than 900 px tall
    "first_launch_done": False,
    "window_geometry": QByteArray(),
    "pane_splitter": QByteArray(),
    "main_splitter": QByteArray(),
}


def _coerce(value: object, default: object) -> object:
    """INI storage loses types; bring a stored value back to its default's type."""
    if value is None:
        return default
    if isinstance(default, bool):
        return value if isinstance(value, bool) else str(value).lower() in {"1", "true", "yes"}
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            return default
    if isinstance(default, list):
        if isinstance(value, str):
            return [value] if value else []
        return list(value) if isinstance(value, (list, tuple)) else default
    if isinstance(default, QByteArray):
        return value if isinstance(value, QByteArray) else default
    return str(value)


class Settings:
    """Typed access to the preferences in ``DEFAULTS``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "khulasa.ini"
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, key: str) -> object:
        default = DEFAULTS[key]
        return _coerce(self._qs.value(key, default), default)

    def set(self, key: str, value: object) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()

    def fonts(self) -> Fonts:
        """The panes' fonts at the chosen size: the Arabic font one point larger."""
        size = int(self.get("font_size"))
        english = QFont(QApplication.font())
        english.setPointSize(size)
        return Fonts(arabic=QFont(self.arabic_font(), size + 1), english=english)

    def arabic_font(self) -> str:
        """The chosen Arabic font, or the first installed of ``ARABIC_FONTS``."""
        chosen = str(self.get("arabic_font"))
        families = set(QFontDatabase.families())
        if chosen and chosen in families:
            return chosen
        return next((f for f in ARABIC_FONTS if f in families), "")

    def add_recent(self, path: Path) -> list[str]:
        """Put ``path`` first in the recent-file list and return the list."""
        entry = str(Path(path).resolve())
        recent = [p for p in self.get("recent_files") if p != entry]  # type: ignore[union-attr]
        recent.insert(0, entry)
        recent = recent[:MAX_RECENT]
        self.set("recent_files", recent)
        return recent
