"""The Story view: quotes and figures tables from a Story, disagreements marked, clicks jump to sentences."""

from __future__ import annotations

from pathlib import Path

from model_fixtures import tiny_model_dir  # noqa: F401 - fixture
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont

from gui.views.render import Fonts
from gui.views.story_view import StoryView
from models.arabic import normalize
from models.story import build_story
from tests.story_samples import story_article

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _story():
    one = story_article(["وقال المتحدث باسم الجيش أحمد المسماري إن الغارات أدت إلى سقوط سبعة قتلى."],
                        {"أحمد المسماري": "PER"}, source="المصدر الأول",
                        english=["Army spokesman Ahmed al-Mismari said the strikes killed seven."])
    two = story_article(["وذكر مصدر طبي أن القصف أسفر عن مقتل 20 مدنياً.", "وشنت الطائرات غارتين."],
                        source="المصدر الثاني")
    return build_story([one, two])


def _cell_texts(table, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_tables_show_speakers_english_and_marked_disagreement(qtbot):
    view = StoryView(Fonts(QFont(), QFont()))
    qtbot.addWidget(view)
    view.set_story(_story())
    assert _cell_texts(view.quotes, 0) == ["أحمد المسماري (الجيش)", "مصدر طبي"]
    assert _cell_texts(view.quotes, 1) == ["المصدر الأول", "المصدر الثاني"]
    assert view.quotes.item(0, 3).text().startswith("Army spokesman")
    assert view.quotes.item(1, 3).text() == "—"
    headers = [view.figures.horizontalHeaderItem(c).text() for c in range(view.figures.columnCount())]
    assert headers == ["Figure", "المصدر الأول", "المصدر الثاني", "Sources differ"]
    killed = _cell_texts(view.figures, 0).index("killed (air strikes)")
    cells = [view.figures.item(killed, c).text() for c in (1, 2, 3)]
    assert cells == ["\u200f\u20667\u2069 قتلى", "\u200f\u206620\u2069 مدنياً", "yes"]
    assert view.figures.item(killed, 0).background().color().name() == "#fbe3e4"
    assert view.figures.item(killed, 2).toolTip() == "20 مدنياً"


def test_clicking_a_row_asks_for_its_sentence(qtbot):
    view = StoryView(Fonts(QFont(), QFont()))
    qtbot.addWidget(view)
    view.set_story(_story())
    with qtbot.waitSignal(view.sentence_chosen) as signal:
        view.quotes.cellClicked.emit(1, 2)
    assert signal.args == [1, 0]
    strikes = _cell_texts(view.figures, 0).index("strikes")
    with qtbot.waitSignal(view.sentence_chosen) as signal:
        view.figures.cellClicked.emit(strikes, 0)  # the label: the first source that gives it
    assert signal.args == [1, 1]


def _story_panel(qtbot, win, paths) -> StoryView:
    """Open ``paths`` in ``win`` and the Story view from its menu."""
    opened = []
    win.article_opened.connect(opened.append)
    win.open_paths(paths)
    qtbot.waitUntil(lambda: len(opened) == len(paths) or bool(win.messages.text()), timeout=30000)
    assert len(opened) == len(paths), win.messages.text()
    win.findChild(QAction, "storyAction").trigger()
    qtbot.waitUntil(lambda: win.findChild(StoryView, "storyView") is not None, timeout=10000)
    return win.findChild(StoryView, "storyView")


def test_five_seeds_story_view_from_the_menu_and_jump(qtbot, window, seed_paths):  # noqa: F811
    panel = _story_panel(qtbot, window, seed_paths)
    speakers = [normalize(text) for text in _cell_texts(panel.quotes, 0)]
    assert any("المسماري" in name for name in speakers)
    killed = _cell_texts(panel.figures, 0).index("killed (air strikes)")
    assert panel.figures.item(killed, panel.figures.columnCount() - 1).text() == "yes"
    row = next(r for r, name in enumerate(speakers) if "الرفاعي" in name)
    article, sentence = panel.quotes.item(row, 0).data(Qt.ItemDataRole.UserRole)
    panel.quotes.cellClicked.emit(row, 2)
    assert window.tabs.currentWidget() is panel.tabs[article]
    assert panel.tabs[article].pinned == sentence
    panel.resize(1300, 700)
    ARTIFACTS.mkdir(exist_ok=True)
    assert panel.grab().save(str(ARTIFACTS / "story-view.png"))
    panel.parts.setCurrentIndex(1)
    assert panel.grab().save(str(ARTIFACTS / "story-view-figures.png"))


def test_with_a_model_the_quotes_get_english(qtbot, model_window, seed_paths):  # noqa: F811
    panel = _story_panel(qtbot, model_window, seed_paths[1:2])
    rows = range(panel.quotes.rowCount())
    qtbot.waitUntil(lambda: all(panel.quotes.item(r, 3).text() != "—" for r in rows), timeout=30000)
    article = panel.tabs[0].article
    quote = panel.story.quotes[0]
    assert panel.quotes.item(0, 3).text() == article.translations[quote.sentence].target
