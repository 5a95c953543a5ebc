"""The analyst's day in the window (issue 13): briefs of every open article, cancel that cancels,
stale state cleared, the way to a first model, inputs that are not Arabic, keyboard shortcuts."""

from __future__ import annotations

import threading

import pytest
from gui_helpers import make_window, sentence_point
from model_fixtures import tiny_argos_package  # noqa: F401 - fixture
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from gui.settings import Settings
from gui.workers import TRANSLATE_GROUP, Job


def _open(qtbot, window, *paths):
    opened = []
    window.article_opened.connect(opened.append)
    window.open_paths(list(paths))
    qtbot.waitUntil(lambda: len(opened) == len(paths) or window.messages.topic == "open", timeout=30000)
    assert len(opened) == len(paths), window.messages.text()
    window.article_opened.disconnect()
    return opened


def _status_messages(window) -> list[str]:
    seen: list[str] = []
    window.statusBar().messageChanged.connect(seen.append)
    return seen


def _hold_serial_worker(window) -> threading.Event:
    """Keep the translation thread busy until the returned gate is set (so a test can act first)."""
    gate = threading.Event()
    window.runner.start(Job(lambda ctx: gate.wait(20), name="hold the serial worker"), serial=True)
    return gate


def _save_brief(window, monkeypatch, out, *, all_tabs=True, full=False):
    from PySide6.QtWidgets import QDialog, QFileDialog

    from gui import briefing

    def accept(dialog):
        dialog.all_tabs.setChecked(all_tabs)
        dialog.full.setChecked(full)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(briefing.BriefOptions, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), ""))
    briefing.save_briefing_dialog(window)


# --- item 1: a brief of every open article translates them first ---------------------------------
def test_brief_of_all_open_articles_translates_the_unvisited_ones_first(
        qtbot, window, seed_paths, tiny_model_dir, tmp_path, monkeypatch):
    views = _open(qtbot, window, *seed_paths[:3])
    qtbot.waitUntil(lambda: window.models_known and not window.busy(), timeout=30000)
    assert not any(v.article.translations for v in views)  # no model yet
    window.session.select_model(tiny_model_dir, window.current_view().doc)  # e.g. just imported
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    untranslated = [v for v in views if not v.article.translations]
    assert len(untranslated) == 2, "only the current tab is translated on its own"
    messages = _status_messages(window)
    out = tmp_path / "all.md"
    _save_brief(window, monkeypatch, out)
    assert window.status.cancel_button.isVisible()  # progress across the articles, with Cancel
    labels = []
    window.session.progress.connect(lambda done, total, text: labels.append(text))
    qtbot.waitUntil(lambda: "Briefing saved" in window.statusBar().currentMessage(), timeout=60000)
    assert any("Translating what the briefing needs first" in m for m in messages)
    assert any("(article 1 of 2)" in label for label in labels) and any("(article 2 of 2)" in label
                                                                         for label in labels)
    assert "translated what it needed first" in window.statusBar().currentMessage()
    text = out.read_text(encoding="utf-8")
    for view in views:
        article = view.article
        assert all(i in article.translations for i in article.summary)
        assert article.translations[article.summary[0]].target in text
    assert "left empty" not in text


def test_cancelling_the_brief_translation_saves_nothing(qtbot, model_window, seed_paths, tmp_path,
                                                        monkeypatch):
    window = model_window
    views = _open(qtbot, window, *seed_paths[:2])
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    assert all(len(v.article.translations) < len(v.article.sentences) for v in views)
    gate = _hold_serial_worker(window)
    out = tmp_path / "cancelled.md"
    _save_brief(window, monkeypatch, out, full=True)  # the whole articles' English: to translate first
    assert window.status.cancel_button.isVisible()
    window.status.cancel_button.click()
    gate.set()
    # the job counts as stopped at once; its "cancelled" arrives when the worker reaches the check
    qtbot.waitUntil(lambda: "Briefing not saved: the translation was cancelled"
                    in window.statusBar().currentMessage(), timeout=60000)
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    assert not out.exists()


def test_without_a_model_the_brief_asks_and_says_it_is_arabic_only(qtbot, window, seed_paths, tmp_path,
                                                                    monkeypatch):
    _open(qtbot, window, seed_paths[0])
    qtbot.waitUntil(lambda: window.models_known and not window.busy(), timeout=30000)
    questions = []
    window.confirm = lambda question: questions.append(question) or False
    out = tmp_path / "refused.md"
    _save_brief(window, monkeypatch, out, all_tabs=False)
    assert questions and "no English" in questions[0] and not out.exists()
    window.confirm = lambda question: True
    _save_brief(window, monkeypatch, out, all_tabs=False)
    qtbot.waitUntil(lambda: "Briefing saved" in window.statusBar().currentMessage(), timeout=30000)
    assert "Arabic only: no translation model" in window.statusBar().currentMessage()


# --- item 2: cancel stops a whole-article translation -------------------------------------------
def test_cancel_stops_a_whole_article_translation_and_says_so_once(qtbot, model_window, seed_paths, tmp_path,
                                                                  monkeypatch):
    from gui import engine

    window = model_window
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in seed_paths * 3), encoding="utf-8")
    (view,) = _open(qtbot, window, long)
    view.set_scope("article")  # once through: every sentence lands in the translation cache
    qtbot.waitUntil(lambda: not window.busy(), timeout=120000)
    total = len(view.article.sentences)
    assert len(view.article.translations) == total > 200
    window.close_tab(view)

    real, calls, reached, cancelled = engine.translate, [], threading.Event(), threading.Event()

    def translate(*args, **kwargs):  # the worker waits inside its 16th group until the test has cancelled
        calls.append(1)
        if len(calls) == 16:
            reached.set()
            cancelled.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "translate", translate)
    messages = _status_messages(window)
    (view,) = _open(qtbot, window, long)  # the same file again: now every sentence is a cache hit
    qtbot.waitUntil(reached.is_set, timeout=60000)
    window.status.cancel_button.click()
    at_cancel = len(view.article.translations)
    assert not window.status.cancel_button.isVisible()  # the count stops at once
    cancelled.set()
    qtbot.waitUntil(lambda: not window.runner.active(), timeout=60000)
    qtbot.wait(300)
    assert len(view.article.translations) <= at_cancel + TRANSLATE_GROUP < total  # the group under way ends
    assert messages.count("Cancelled.") == 1
    assert f"/{total}" in window.status.text.text()
    window.tabs.currentChanged.emit(0)  # switching tabs does not resume it
    assert not window.session.waiting()


# --- item 6: stale state (the error bar cleared by a later good file: test_window.py) -----------
def test_a_failed_save_replaces_the_saving_message(qtbot, model_window, seed_paths, tmp_path, monkeypatch):
    window = model_window
    _open(qtbot, window, seed_paths[0])
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    _save_brief(window, monkeypatch, blocker / "brief.md", all_tabs=False)  # its folder is a file
    qtbot.waitUntil(lambda: window.messages.isVisible(), timeout=30000)
    assert "Could not save the briefing" in window.messages.text()
    assert "Saving the briefing" not in window.statusBar().currentMessage()
    assert window.statusBar().currentMessage().startswith("Briefing not saved")


def test_clicking_an_entity_lets_go_of_the_clicked_sentence(qtbot, window, seed_paths):
    (view,) = _open(qtbot, window, seed_paths[0])
    index = view.article.summary[0]
    qtbot.mouseClick(view.summary.viewport(), Qt.MouseButton.LeftButton,
                     pos=sentence_point(view.summary, index))
    assert view.pinned == index
    item = view.entities.tree.topLevelItem(0)
    qtbot.mouseClick(view.entities.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.entities.tree.visualItemRect(item).center())
    assert view.pinned is None and view.entity is not None
    sentence = view.original.rendered.sentences[index]
    painted = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.original.extraSelections()}
    assert sentence not in painted


def test_no_translation_copies_no_old_english_and_the_status_says_off(qtbot, model_window, seed_paths):
    window = model_window
    (view,) = _open(qtbot, window, seed_paths[0])
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    english = view.article.translations[view.article.summary[0]].target
    window.controls.model.setCurrentIndex(window.controls.model.findData(""))  # "No translation"
    assert "Translation: off" in window.status.text.text()
    assert "Model: No translation" in window.status.text.text()
    assert "Translated" not in window.status.text.text()
    assert view.translation_stack.currentWidget() is view.model_offer
    QGuiApplication.clipboard().setText("before")
    window.findChild(QAction, "copyTranslatedAction").trigger()
    assert QGuiApplication.clipboard().text() == "before"
    assert "No translation model is selected" in window.messages.text()
    window.findChild(QAction, "copyBilingualAction").trigger()
    copied = QGuiApplication.clipboard().text()
    assert view.article.sentences[view.article.summary[0]].text in copied and english not in copied


# --- item 8: the way to a first model -----------------------------------------------------------
def test_first_launch_offers_the_recommended_model_and_imports_one(qtbot, window, seed_paths, monkeypatch,
                                                                    tiny_argos_package):  # noqa: F811
    from PySide6.QtWidgets import QFileDialog

    from gui.partials.model_offer import RECOMMENDED_MODEL
    from models.translation.catalogue import find_entry

    (view,) = _open(qtbot, window, seed_paths[0])
    qtbot.waitUntil(lambda: window.models_known, timeout=30000)
    offer = view.model_offer
    assert view.translation_stack.currentWidget() is offer
    entry = find_entry(RECOMMENDED_MODEL)
    assert entry.name in offer.recommended.text() and entry.licence in offer.recommended.text()
    assert "MB" in offer.recommended.text() or "size not published" in offer.recommended.text()
    assert offer.download_button.isVisibleTo(view) and offer.import_button.isVisibleTo(view)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tiny_argos_package), ""))
    qtbot.mouseClick(offer.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model_dir is not None and not window.busy(), timeout=120000)
    assert "Model installed" in window.statusBar().currentMessage() or window.model_dir is not None
    assert view.translation_stack.currentWidget() is view.translation
    assert all(i in view.article.translations for i in view.article.summary)
    from gui.partials.entity_panel import INDEX_ROLE

    item = view.entities.tree.topLevelItem(0)  # the English names reach the entity panel
    assert item.text(1) == view.article.entities[item.data(0, INDEX_ROLE)].english != ""


def test_a_failed_download_from_the_pane_is_one_line(qtbot, window, seed_paths, monkeypatch):
    from models.errors import ModelError
    from models.translation import ModelStore

    asked = []

    def offline(self, model, **kwargs):
        asked.append(model)
        raise ModelError("no internet connection")

    monkeypatch.setattr(ModelStore, "download", offline)
    (view,) = _open(qtbot, window, seed_paths[0])
    qtbot.waitUntil(lambda: window.models_known, timeout=30000)
    qtbot.mouseClick(view.model_offer.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.messages.isVisible(), timeout=30000)
    assert asked == ["opus-mt-ara-eng"]
    assert window.messages.text() == "Model not installed: no internet connection"
    assert window.messages.action.text() == "Import a file…"  # the way on without a network


# --- item 9: inputs that are not Arabic ---------------------------------------------------------
@pytest.mark.parametrize(("language", "name"), [("en", "English"), ("fa", "Persian"), ("ur", "Urdu")])
def test_an_article_not_in_arabic_says_so_and_skips_translation(qtbot, model_window, seed_paths, tmp_path,
                                                                monkeypatch, language, name):
    import models.pipeline

    read = models.pipeline.read_article

    def read_as(path):  # language detection is the reader's (issue 12); here it is given
        article = read(path)
        article.language = language
        return article

    monkeypatch.setattr(models.pipeline, "read_article", read_as)
    window = model_window
    (view,) = _open(qtbot, window, seed_paths[0])
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    assert f"the text is {name}: summaries, entities and translation are for Arabic" in window.messages.text()
    assert window.messages.topic == "language"
    assert not view.article.summary and not view.article.translations and not view.article.entities
    assert view.translation_stack.currentWidget() is view.not_arabic
    assert "Translation: off" in window.status.text.text()
    window.translate_current()
    assert not window.session.waiting()


# --- item 11: keyboard --------------------------------------------------------------------------
def test_zoom_and_tab_shortcuts(qtbot, window, seed_paths):
    _open(qtbot, window, *seed_paths[:3])
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=5000)
    size = int(window.settings.get("font_size"))
    steps = (("Ctrl+=", size + 1), ("Ctrl++", size + 2), ("Ctrl+-", size + 1), ("Ctrl+0", size))
    for keys, expected in steps:
        qtbot.keyClick(window, *_key(keys))
        assert int(window.settings.get("font_size")) == expected, keys
    assert window.fonts.english.pointSize() == size
    window.tabs.setCurrentIndex(0)
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 2  # wraps round


def _key(text: str):
    combo = QKeySequence(text)[0]
    return combo.key(), combo.keyboardModifiers()


def test_help_lists_the_shortcuts_and_the_licences(qtbot, window):
    from gui.dialogs.help import about_html, shortcuts_html

    table = shortcuts_html(window)
    for name in ("Larger text", "Reset text size", "Next tab", "Previous tab", "Save briefing"):
        assert name in table
    assert "Ctrl+0" in table and "Ctrl+PgDown" in table
    about = about_html(window)
    from models import __version__

    assert __version__ in about and "MIT" in about and "CC-BY-4.0" in about and "Arabic font" in about


def test_length_offers_words(qtbot, window, seed_paths):
    (view,) = _open(qtbot, window, seed_paths[0])
    controls = window.controls
    controls.unit.setCurrentIndex(controls.unit.findData("words"))
    controls.length.setValue(60)
    assert view.article.word_count(view.article.summary) >= 60
    shorter = len(view.article.summary)
    controls.length.setValue(200)
    assert len(view.article.summary) > shorter
    assert Settings().get("length_unit") == "words" and Settings().get("length_words") == 200


def test_session_restore_keeps_tab_order_and_the_selected_tab(qtbot, seed_paths):
    first = make_window(qtbot)
    _open(qtbot, first, *seed_paths[:3])
    first.tabs.tabBar().moveTab(2, 0)  # the user reorders the tabs and picks one
    first.tabs.setCurrentIndex(1)
    order = [v.path() for v in first.views()]
    first.close()
    qtbot.waitUntil(lambda: not first.runner.active(), timeout=10000)
    from argparse import Namespace

    from gui.app import _initial_files

    files, current = _initial_files(Namespace(files=[], screenshot=None), Settings())
    assert files == order and current == order[1]
    second = make_window(qtbot)
    second.open_paths(files, current=current)
    qtbot.waitUntil(lambda: second.tabs.count() == 3 and not second.busy(), timeout=30000)
    assert [v.path() for v in second.views()] == order
    assert second.current_view().path() == order[1]
    second.runner.cancel_all()
    second.runner.wait(5000)


def test_a_model_switch_cancelled_before_it_starts_leaves_the_old_english_marked_old(
        qtbot, model_window, seed_paths, tiny_model_dir, tmp_path):  # noqa: F811
    import shutil

    window = model_window
    (view,) = _open(qtbot, window, seed_paths[0])
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    doc, summary = view.doc, view.doc.indices()
    assert doc.model_dir == tiny_model_dir and doc.complete(summary, tiny_model_dir)
    other = shutil.copytree(tiny_model_dir, tmp_path / "other-model")
    gate = _hold_serial_worker(window)
    window.session.select_model(other, doc)  # queued behind the held worker
    window.status.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    assert doc.model_dir == tiny_model_dir  # the English there is still the first model's
    assert doc.left(summary, other) == summary
    window.translate_current()
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    assert doc.model_dir == other and doc.complete(summary, other)
