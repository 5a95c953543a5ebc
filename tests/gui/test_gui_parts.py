"""GUI building blocks on hand-built Articles: rendering maps, clipboard, settings, jobs."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QPalette

from gui import clipboard
from gui.briefing import FILTERS, brief_path
from gui.highlight import theme_for
from gui.session import Document
from gui.settings import Settings
from gui.views.article_view import STREAM_REFRESH_MS, ArticleView
from gui.views.render import PENDING, Fonts, render_original, render_summary, render_translation
from gui.workers import Job, Runner, describe_error
from models.article import Article, Entity, Mention, Metadata, Sentence, Translation
from models.errors import ArticleError

TEXT = "قصفت طائرات مصرية مدينة درنة. قال حفتر إن الغارات مستمرة.\nوصل حفتر إلى القاهرة."


def _article() -> Article:
    texts = ["قصفت طائرات مصرية مدينة درنة.", "قال حفتر إن الغارات مستمرة.", "وصل حفتر إلى القاهرة."]
    starts = [TEXT.index(t) for t in texts]
    sentences = tuple(Sentence(i, a, a + len(t), t, 0 if i < 2 else 1)
                      for i, (a, t) in enumerate(zip(starts, texts, strict=True)))
    paragraphs = ((0, sentences[1].end), (sentences[2].start, len(TEXT)))
    article = Article(TEXT, sentences, paragraphs=paragraphs, title="غارات على درنة")
    article.summary = [0, 2]
    for word, kind in (("درنة", "LOC"), ("حفتر", "PER")):
        start = -1
        entity = Entity(kind, word, [], english={"LOC": "Derna", "PER": "Haftar"}[kind])
        while (start := TEXT.find(word, start + 1)) >= 0:
            article.mentions.append(Mention(start, start + len(word), kind, word, len(article.entities)))
            entity.mentions.append((start, start + len(word)))
        article.entities.append(entity)
    article.translations[0] = Translation(0, sentences[0].text, "Egyptian planes struck the city of Derna.",
                                          entity_spans=[(35, 40, 0)])
    return article


@pytest.fixture
def theme(qapp):
    return theme_for(QPalette())


def test_original_maps_sentences_mentions_and_marks_the_summary(theme):
    article = _article()
    rendered = render_original(article, theme, QFont())
    text = rendered.document.toPlainText()
    for sentence in article.sentences:
        start, end = rendered.sentences[sentence.index]
        assert text[start:end] == sentence.text
        assert rendered.sentence_at(start) == sentence.index
    for start, end, entity, kind in rendered.mentions:
        assert text[start:end] == article.entities[entity].canonical
        assert kind == article.entities[entity].type
    assert len(rendered.mentions) == len(article.mentions) == 3
    block = rendered.document.firstBlock()
    assert block.blockFormat().layoutDirection().name == "RightToLeft"
    marked = rendered.document.findBlockByNumber(1).begin().fragment().charFormat().background().color()
    assert marked == theme.summary  # sentence 2 is in the summary


def test_summary_and_translation_show_only_their_sentences(theme):
    article = _article()
    summary = render_summary(article, theme, QFont())
    assert sorted(summary.sentences) == [0, 2]
    assert summary.document.blockCount() == 2
    english = render_translation(article, article.summary, theme, QFont(), by_paragraph=False)
    text = english.document.toPlainText()
    assert text.splitlines() == ["Egyptian planes struck the city of Derna.", PENDING]
    (start, end, entity, kind), = english.mentions
    assert text[start:end] == "Derna" and entity == 0 and kind == "LOC"
    whole = render_translation(article, [0, 1, 2], theme, QFont(), by_paragraph=True)
    assert whole.document.blockCount() == 2  # one block per article paragraph


def test_streamed_translations_are_shown_in_batches(qtbot, theme):
    article = _article()
    view = ArticleView(Document(article), theme=theme, fonts=Fonts(QFont(), QFont()))
    qtbot.addWidget(view)
    before = view.translation.rendered
    article.translations[2] = Translation(2, article.sentences[2].text, "Haftar arrived in Cairo.")
    for _ in range(20):  # a burst of streamed sentences
        view.translation_arrived()
    assert view.translation.rendered is before  # nothing re-rendered per sentence
    qtbot.waitUntil(lambda: view.translation.rendered is not before, timeout=2000)
    shown = view.translation.rendered
    assert "Haftar arrived in Cairo." in shown.document.toPlainText()
    qtbot.wait(3 * STREAM_REFRESH_MS)
    assert view.translation.rendered is shown  # the whole burst took one re-render


def test_copy_formats_carry_direction():
    article = _article()
    plain, html = clipboard.translated_summary(article)
    assert plain == "Egyptian planes struck the city of Derna."
    assert html.startswith('<div dir="ltr" lang="en">')
    plain, html = clipboard.bilingual_summary(article)
    first, second = plain.split("\n\n")
    english = "Egyptian planes struck the city of Derna."
    assert first == f"\u2067{article.sentences[0].text}\u2069\n{english}"  # no isolate for plain English
    assert second == f"\u2067{article.sentences[2].text}\u2069"
    assert html.count('dir="rtl"') == 3 and html.count('dir="ltr"') == 3


def test_an_english_line_holding_arabic_is_isolated():
    article = _article()
    article.translations[0] = Translation(0, article.sentences[0].text, "Planes struck درنة city.")
    assert clipboard.translated_summary(article)[0] == "\u2066Planes struck درنة city.\u2069"


def test_copies_can_carry_source_date_and_model(tmp_path):
    article = _article()
    article.path = tmp_path / "derna.txt"
    article.metadata = Metadata(dateline="الاثنين 16/2/2015", source="الجزيرة نت")
    article.model_id = "tiny-test-model"
    english = "Egyptian planes struck the city of Derna."
    plain, html = clipboard.translated_summary(article, attributed=True)
    body, notes = plain.split("\n\n")
    assert body == english
    lines = notes.split("\n")
    assert lines[:3] == ["Source: الجزيرة نت", "File: derna.txt",
                         "Date: \u2067الاثنين 16/2/2015\u2069"]
    assert "machine translation by the model tiny-test-model" in lines[3] and "\u2066" not in plain
    assert '<bdi dir="rtl">الجزيرة نت</bdi>' in html and "tiny-test-model" in html
    assert html.index(english) < html.index("الجزيرة نت")
    plain, html = clipboard.bilingual_summary(article, attributed=True)
    assert plain.endswith(lines[3]) and "Date: <bdi" in html
    article.model_id = ""
    assert "Arabic only: no translation model" in clipboard.bilingual_summary(article, attributed=True)[0]


def test_settings_defaults_round_trip_and_recent_files(qapp, tmp_path):
    settings = Settings()
    assert settings.path.parent.parent.name.startswith("khulasa-home")
    assert settings.get("length_sentences") == 5 and settings.get("first_launch_done") is False
    settings.set("length_sentences", 7)
    settings.set("first_launch_done", True)
    settings.sync()
    again = Settings()
    assert again.get("length_sentences") == 7 and again.get("first_launch_done") is True
    for name in ("a.txt", "b.txt", "a.txt"):
        again.add_recent(tmp_path / name)
    assert Settings().get("recent_files") == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    with pytest.raises(KeyError):
        again.set("no_such_key", 1)


def test_errors_become_plain_messages():
    assert describe_error(ArticleError("x.pdf", "not a PDF file")) == "x.pdf: not a PDF file"
    full = OSError(errno.ENOSPC, "No space left", "/tmp/out.docx")
    assert describe_error(full) == "/tmp/out.docx: the disk is full."
    assert "log file" in describe_error(ValueError("boom"))


def test_jobs_report_results_errors_and_cancellation(qtbot):
    runner = Runner()
    job = Job(lambda ctx: (ctx.progress(1, 2, "half"), ctx.emit("item"), 42)[-1], name="ok")
    items = []
    job.signals.item.connect(items.append)
    with qtbot.waitSignal(job.signals.result, timeout=5000) as blocker:
        runner.start(job)
    assert blocker.args == [42] and items == ["item"]
    failing = Job(lambda ctx: (_ for _ in ()).throw(ArticleError("a.txt", "empty file")), name="fail")
    with qtbot.waitSignal(failing.signals.error, timeout=5000) as blocker:
        runner.start(failing)
    assert blocker.args == ["a.txt: empty file"]
    cancelled = Job(lambda ctx: 1, name="cancelled")
    cancelled.cancel()
    with qtbot.waitSignal(cancelled.signals.cancelled, timeout=5000):
        runner.start(cancelled)
    runner.wait()
    assert runner.active() == []


def test_first_launch_opens_a_seed_then_the_last_session(qapp, tmp_path, seed_paths):
    from argparse import Namespace

    from gui.app import _initial_files

    settings = Settings()
    none = Namespace(files=[], screenshot=None)
    assert _initial_files(none, settings) == (seed_paths[:1], None)
    settings.set("first_launch_done", True)
    assert _initial_files(none, settings) == ([], None)
    kept, second = tmp_path / "kept.txt", tmp_path / "second.txt"
    for path in (kept, second):
        path.write_text("نص", encoding="utf-8")
    settings.set("session_files", [str(second), str(tmp_path / "deleted-since.txt"), str(kept)])
    settings.set("session_current", 2)
    assert _initial_files(none, settings) == ([second, kept], kept)  # tab order and the selected tab
    settings.set("session_current", 1)  # the selected file is gone: no selection
    assert _initial_files(none, settings) == ([second, kept], None)
    given = Namespace(files=["a.txt"], screenshot=None)
    assert _initial_files(given, settings) == ([Path("a.txt")], None)


def test_brief_path_keeps_every_brief_suffix_and_adds_the_chosen_one_otherwise():
    assert brief_path("/t/a.htm", FILTERS["docx"]) == Path("/t/a.htm")
    assert brief_path("/t/a.MARKDOWN", "") == Path("/t/a.MARKDOWN")
    assert brief_path("/t/a.pdf", FILTERS["md"]) == Path("/t/a.pdf")
    assert brief_path("/t/a", FILTERS["pdf"]) == Path("/t/a.pdf")
    assert brief_path("/t/a.txt", FILTERS["html"]) == Path("/t/a.txt.html")
    assert brief_path("/t/a", "Some other filter (*)") == Path("/t/a.docx")
