"""The main window with the real engine: open, summary, linking, entities, copy, errors."""

from __future__ import annotations

import threading

import pytest
from gui_helpers import sentence_point
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication

from gui.settings import Settings
from gui.workers import Job


def _open(qtbot, window, path):
    opened = []
    window.article_opened.connect(opened.append)
    window.open_paths([path])
    qtbot.waitUntil(lambda: bool(opened or window.messages.text()), timeout=20000)
    assert opened, window.messages.text()  # an engine error shows up here rather than as a timeout
    window.article_opened.disconnect()
    return opened[0]


def test_open_seed_shows_summary_marks_and_entities(qtbot, window, seed_paths):
    view = _open(qtbot, window, seed_paths[0])
    article = view.article
    assert article.summary, "the seed gets a summary"
    assert set(view.summary.rendered.sentences) == set(article.summary)
    assert view.summary.toPlainText().startswith(article.sentences[article.summary[0]].text[:20])
    assert set(article.summary) <= set(view.original.rendered.sentences)
    assert view.entities.tree.topLevelItemCount() == len(article.entities) > 0
    assert "Summary:" in window.status.text.text()


def test_no_model_offers_the_model_manager(qtbot, window, seed_paths, monkeypatch):
    view = _open(qtbot, window, seed_paths[0])
    qtbot.waitUntil(lambda: window.models_known, timeout=20000)
    assert view.translation_stack.currentWidget() is view.model_offer
    opened = []
    view.model_offer.manage.disconnect()
    view.model_offer.manage.connect(lambda: opened.append(True))
    qtbot.mouseClick(view.model_offer.manager_button, Qt.MouseButton.LeftButton)
    assert opened == [True]


def test_clicking_a_summary_sentence_highlights_its_counterparts(qtbot, window, seed_paths):
    view = _open(qtbot, window, seed_paths[0])
    index = view.article.summary[-1]
    point = sentence_point(view.summary, index)
    qtbot.mouseClick(view.summary.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.pinned == index
    start, end = view.original.rendered.sentences[index]
    selections = view.original.extraSelections()
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections] == [(start, end)]
    assert view.summary.extraSelections()[0].cursor.selectedText() == view.article.sentences[index].text


def test_clicking_an_entity_highlights_every_mention(qtbot, window, seed_paths):
    view = _open(qtbot, window, seed_paths[0])
    item = view.entities.tree.topLevelItem(0)  # the most mentioned entity
    qtbot.mouseClick(view.entities.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.entities.tree.visualItemRect(item).center())
    index = view.entity
    entity = view.article.entities[index]
    painted = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.original.extraSelections()}
    expected = {(a, b) for a, b, e, _ in view.original.rendered.mentions if e == index}
    assert painted == expected and len(expected) >= min(entity.count, 2)


def test_length_change_updates_the_summary_at_once(qtbot, window, seed_paths):
    view = _open(qtbot, window, seed_paths[0])
    window.controls.unit.setCurrentIndex(window.controls.unit.findData("sentences"))
    window.controls.length.setValue(2)
    assert len(view.article.summary) == 2  # at once, on the UI thread
    assert set(view.summary.rendered.sentences) == set(view.article.summary)
    qtbot.waitUntil(lambda: not window.busy(), timeout=20000)  # entities follow from the worker
    spans = [(s.start, s.end) for s in view.article.summary_sentences]
    for entity in view.article.entities:
        assert entity.in_summary == any(a <= start < b for start, _ in entity.mentions for a, b in spans)
    window.controls.length.setValue(4)
    assert len(view.article.summary) == 4
    assert Settings().get("length_sentences") == 4


def test_corrupt_file_gives_a_message_and_the_app_stays_usable(qtbot, window, tmp_path, seed_paths):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 this is not really a docx")
    window.open_paths([bad])
    qtbot.waitUntil(lambda: window.messages.isVisible(), timeout=10000)
    assert "broken.docx" in window.messages.text()
    assert "Traceback" not in window.messages.text()
    window.open_paths([seed_paths[1]])  # the error bar still shows
    qtbot.waitUntil(lambda: window.tabs.count() == 1, timeout=20000)
    assert window.current_view().article.summary
    assert not window.messages.isVisible()  # the older file's error is not left behind


def test_copy_bilingual_and_translated_summary(qtbot, model_window, seed_paths):
    window = model_window
    view = _open(qtbot, window, seed_paths[0])
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    article = view.article
    assert all(i in article.translations for i in article.summary)
    assert view.translation.toPlainText().strip()
    window.findChild(QAction, "copyTranslatedAction").trigger()
    mime = QGuiApplication.clipboard().mimeData()
    first = article.translations[article.summary[0]].target
    assert first in mime.text()
    assert 'dir="ltr"' in mime.html()
    window.findChild(QAction, "copyBilingualAction").trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert article.sentences[article.summary[0]].text in mime.text()
    assert "\u2067" in mime.text() and 'dir="rtl"' in mime.html()
    assert "by the model tiny-test-model" in mime.text()  # attribution on by default
    window.findChild(QAction, "copyAttributionAction").trigger()  # off
    window.findChild(QAction, "copyTranslatedAction").trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert "tiny-test-model" not in mime.text() and "tiny-test-model" not in mime.html()
    assert window.settings.get("copy_attribution") is False


def test_translation_fills_the_pane_and_can_be_cancelled(qtbot, model_window, seed_paths):
    window = model_window
    view = _open(qtbot, window, seed_paths[2])
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    assert all(i in view.article.translations for i in view.article.summary)
    assert view.translation.rendered.sentences.keys() == set(view.article.summary)
    gate = threading.Event()
    window.runner.start(Job(lambda ctx: gate.wait(10), name="hold the serial worker"), serial=True)
    view.set_scope("article")  # the rest of the article is queued for translation
    assert window.status.cancel_button.isVisible()
    window.status.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    missing = [s.index for s in view.article.sentences if s.index not in view.article.translations]
    assert missing, "cancelling left sentences untranslated"
    assert "…" in view.translation.toPlainText()
    window.tabs.currentChanged.emit(0)  # switching tabs does not restart a cancelled translation
    assert not window.busy()
    window.translate_current()  # Translate now does
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    assert all(s.index in view.article.translations for s in view.article.sentences)


def test_hovering_an_original_sentence_highlights_it_in_the_summary(qtbot, window, seed_paths):
    view = _open(qtbot, window, seed_paths[0])
    index = view.article.summary[0]
    with qtbot.waitSignal(view.original.hovered, timeout=2000, check_params_cb=lambda i: i == index):
        qtbot.mouseMove(view.original.viewport(), sentence_point(view.original, index))
    assert view.hovered == index
    (painted,) = view.summary.extraSelections()
    assert painted.cursor.selectedText() == view.article.sentences[index].text


def test_dropped_files_open_and_the_brief_is_saved(qtbot, model_window, seed_paths, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from gui.briefing import save_briefing

    window = model_window
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seed_paths[3])), QUrl.fromLocalFile(str(seed_paths[4]))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.tabs.count() == 2 and not window.busy(), timeout=60000)
    articles = [view.article for view in window.views()]
    out = tmp_path / "brief.md"
    save_briefing(articles, out, full_translation=False)
    text = out.read_text(encoding="utf-8")
    first = articles[0]
    assert first.sentences[first.summary[0]].text in text
    assert first.translations[first.summary[0]].target in text


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_save_briefing_dialog_writes_in_a_worker(qtbot, model_window, seed_paths, tmp_path, monkeypatch,
                                                 suffix):
    from PySide6.QtWidgets import QDialog, QFileDialog

    from gui import briefing

    window = model_window
    _open(qtbot, window, seed_paths[1])
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    out = tmp_path / f"brief.{suffix}"
    monkeypatch.setattr(briefing.BriefOptions, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), ""))
    briefing.save_briefing_dialog(window)
    qtbot.waitUntil(lambda: "Briefing saved" in window.statusBar().currentMessage(), timeout=60000)
    assert out.stat().st_size > 1000
    assert window.settings.get("brief_dir") == str(tmp_path)
