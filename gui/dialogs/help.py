"""Help ▸ Keyboard shortcuts and Help ▸ About: version, and the licences of the app, fonts and models."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

APP_LICENCE = "MIT"
# licences of the Arabic font families the app looks for (gui.settings.ARABIC_FONTS)
FONT_LICENCES = {
    "Noto Naskh Arabic": "SIL Open Font License 1.1",
    "Noto Sans Arabic": "SIL Open Font License 1.1",
    "Noto Kufi Arabic": "SIL Open Font License 1.1",
    "Amiri": "SIL Open Font License 1.1",
    "DejaVu Sans": "DejaVu fonts licence (Bitstream Vera, free)",
}


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """``(action, keys)`` for every menu action of ``window`` that has a shortcut, in menu order."""
    rows = []
    for menu in window.menuBar().actions():
        if menu.menu() is None:
            continue
        for action in menu.menu().actions():
            keys = " or ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            if keys:
                rows.append((action.text().replace("&", ""), keys))
    return rows


def shortcuts_html(window: QWidget) -> str:
    rows = "".join(f"<tr><td>{escape(name)}</td><td>&nbsp;&nbsp;<b>{escape(keys)}</b></td></tr>"
                   for name, keys in shortcut_rows(window))
    return f"<table>{rows}</table>"


def about_html(window) -> str:
    """Version; licences of the app, the Arabic font in use and the translation models."""
    from models import __version__
    from models.translation.catalogue import CATALOGUE

    family = window.fonts.arabic.family() or "the system's default"
    font_licence = FONT_LICENCES.get(family, "see the font files")
    installed = "".join(f"<li>{escape(m.id)}: {escape(m.licence or 'licence not recorded')}</li>"
                        for m in _installed())
    catalogue = "".join(f"<li>{escape(e.name)}: {escape(e.licence)}</li>" for e in CATALOGUE)
    return (f"<h3>Khulasa {escape(__version__)}</h3>"
            "<p>Arabic news: extractive summaries, people, places and organisations, and offline "
            "English translation.</p>"
            f"<p><b>Licence:</b> {APP_LICENCE}.</p>"
            f"<p><b>Arabic font:</b> {escape(family)} ({escape(font_licence)}).</p>"
            f"<p><b>Installed translation models:</b></p><ul>{installed or '<li>none</li>'}</ul>"
            f"<p><b>Models in the catalogue:</b></p><ul>{catalogue}</ul>")


def _installed() -> list:
    from gui import engine

    try:
        return engine.model_store().installed()
    except OSError:
        return []


def show_shortcuts(window: QWidget) -> None:
    QMessageBox.information(window, "Keyboard shortcuts", shortcuts_html(window))


def show_about(window: QWidget) -> None:
    QMessageBox.about(window, "About Khulasa", about_html(window))
