"""The main window's menus and keyboard shortcuts, built in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QFontDatabase, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from gui.copying import copy_bilingual, copy_translated, open_log_folder
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
    """A menu action; ``shortcut`` is one key sequence or a tuple of them (the first is shown)."""
    action = QAction(text, owner, objectName=name or text)
    if shortcut is not None:
        keys = shortcut if isinstance(shortcut, tuple) else (shortcut,)
        sequences = {QKeySequence(k).toString(): QKeySequence(k) for k in keys}  # a platform's may repeat one
        action.setShortcuts(list(sequences.values()))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(w) -> Menus:
    """File, Edit, View, Tools and Help menus of the main window ``w``; actions are named for tests."""
    bar = w.menuBar()
    file = bar.addMenu("&File")
    _action(w, file, "&Open…", w.choose_files, Keys.Open, "openAction")
    recent = file.addMenu("Open &Recent")
    _action(w, file, "&Save briefing…", w.save_briefing, Keys.Save, "saveBriefAction")
    file.addSeparator()
    _action(w, file, "&Close tab", lambda: w.close_tab(w.tabs.currentWidget()), Keys.Close, "closeTabAction")
    _action(w, file, "&Quit", w.close, Keys.Quit, "quitAction")

    edit = bar.addMenu("&Edit")
    _action(w, edit, "Copy &translated summary", lambda: copy_translated(w), "Ctrl+Shift+C",
            "copyTranslatedAction")
    _action(w, edit, "Copy &bilingual summary", lambda: copy_bilingual(w), "Ctrl+Shift+B",
            "copyBilingualAction")
    attributed = _action(w, edit, "Copy &with source, date and model",
                         lambda on: w.settings.set("copy_attribution", on), None, "copyAttributionAction")
    attributed.setCheckable(True)
    attributed.setChecked(bool(w.settings.get("copy_attribution")))

    view = bar.addMenu("&View")
    _action(w, view, "&Whole-article translation", w.toggle_scope, "Ctrl+T", "toggleScopeAction")
    _action(w, view, "S&tory across tabs…", lambda: show_story(w), "Ctrl+Shift+Y", "storyAction")
    view.addSeparator()
    _action(w, view, "&Larger text", lambda: w.change_font_size(+1), ("Ctrl+=", "Ctrl++", Keys.ZoomIn),
            "largerTextAction")
    _action(w, view, "&Smaller text", lambda: w.change_font_size(-1), ("Ctrl+-", Keys.ZoomOut),
            "smallerTextAction")
    _action(w, view, "&Reset text size", lambda: w.change_font_size(None), "Ctrl+0", "resetTextAction")
    view.addSeparator()
    _action(w, view, "&Next tab", lambda: w.switch_tab(+1), ("Ctrl+PgDown", "Ctrl+Tab"), "nextTabAction")
    _action(w, view, "&Previous tab", lambda: w.switch_tab(-1), ("Ctrl+PgUp", "Ctrl+Shift+Tab"),
            "previousTabAction")
    fonts = view.addMenu("&Arabic font")
    installed = set(QFontDatabase.families())
    for family in (f for f in ARABIC_FONTS if f in installed):
        action = _action(w, fonts, family, lambda _=False, f=family: w.set_arabic_font(f))
        action.setCheckable(True)
        action.setChecked(family == w.fonts.arabic.family())

    tools = bar.addMenu("&Tools")
    _action(w, tools, "&Translate now", w.translate_current, "Ctrl+R", "translateAction")
    _action(w, tools, "&Model manager…", w.open_model_manager, "Ctrl+M", "modelManagerAction")
    _action(w, tools, "Open &log folder", open_log_folder, None, "logFolderAction")

    from gui.dialogs.help import show_about, show_shortcuts

    help_menu = bar.addMenu("&Help")
    _action(w, help_menu, "&Keyboard shortcuts", lambda: show_shortcuts(w), Keys.HelpContents,
            "shortcutsAction")
    _action(w, help_menu, "&About Khulasa", lambda: show_about(w), None, "aboutAction")
    return Menus(recent=recent, fonts=fonts.actions())


def fill_recent(menu: QMenu, paths: list[str], open_path: Callable[[str], None]) -> None:
    """Refill File ▸ Open Recent."""
    menu.clear()
    for path in paths:
        action = menu.addAction(path)
        action.triggered.connect(lambda _=False, p=path: open_path(p))
    menu.setEnabled(bool(paths))
