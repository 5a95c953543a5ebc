"""The main window's menus and keyboard shortcuts, built in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QFontDatabase, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from gui.settings import ARABIC_FONTS
from gui.views.story_view import show_story

Keys = QKeySequence.StandardKey


@dataclass
class Menus:
    """The menu parts the window updates later."""

    recent: QMenu
    fonts: list[QAction]


def _action(owner: QMainWindow, menu: QMenu, text: str, slot: Callable, shortcut=None,
            name: str = "") -> QAction:
    action = QAction(text, owner, objectName=name or text)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(w) -> Menus:
    """File, Edit, View and Tools menus of the main window ``w``; actions are named for tests."""
    bar = w.menuBar()
    file = bar.addMenu("&File")
    _action(w, file, "&Open…", w.choose_files, Keys.Open, "openAction")
    recent = file.addMenu("Open &Recent")
    _action(w, file, "&Save briefing…", w.save_briefing, Keys.Save, "saveBriefAction")
    file.addSeparator()
    _action(w, file, "&Close tab", lambda: w.close_tab(w.tabs.currentWidget()), Keys.Close, "closeTabAction")
    _action(w, file, "&Quit", w.close, Keys.Quit, "quitAction")

    edit = bar.addMenu("&Edit")
    _action(w, edit, "Copy &translated summary", w.copy_translated, "Ctrl+Shift+C", "copyTranslatedAction")
    _action(w, edit, "Copy &bilingual summary", w.copy_bilingual, "Ctrl+Shift+B", "copyBilingualAction")

    view = bar.addMenu("&View")
    _action(w, view, "&Whole-article translation", w.toggle_scope, "Ctrl+T", "toggleScopeAction")
    _action(w, view, "S&tory across tabs…", lambda: show_story(w), "Ctrl+Shift+Y", "storyAction")
    view.addSeparator()
    _action(w, view, "&Larger text", lambda: w.change_font_size(+1), Keys.ZoomIn, "largerTextAction")
    _action(w, view, "&Smaller text", lambda: w.change_font_size(-1), Keys.ZoomOut, "smallerTextAction")
    fonts = view.addMenu("&Arabic font")
    installed = set(QFontDatabase.families())
    for family in (f for f in ARABIC_FONTS if f in installed):
        action = _action(w, fonts, family, lambda _=False, f=family: w.set_arabic_font(f))
        action.setCheckable(True)
        action.setChecked(family == w.fonts.arabic.family())

    tools = bar.addMenu("&Tools")
    _action(w, tools, "&Translate now", w.translate_current, "Ctrl+R", "translateAction")
    _action(w, tools, "&Model manager…", w.open_model_manager, "Ctrl+M", "modelManagerAction")
    _action(w, tools, "Open &log folder", w.open_log_folder, None, "logFolderAction")
    return Menus(recent=recent, fonts=fonts.actions())


def fill_recent(menu: QMenu, paths: list[str], open_path: Callable[[str], None]) -> None:
    """Refill File ▸ Open Recent."""
    menu.clear()
    for path in paths:
        action = menu.addAction(path)
        action.triggered.connect(lambda _=False, p=path: open_path(p))
    menu.setEnabled(bool(paths))
