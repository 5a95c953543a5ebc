"""The Story view: the open tabs as one story — who said what, the figures of each source, unique content.

:class:`StoryView` only shows a :class:`models.story.Story` built by the engine
(:func:`show_story` builds it on the serial worker); clicking a row asks the
window to show that sentence in its tab (:attr:`StoryView.sentence_chosen`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.views.render import Fonts
from models.briefing.layout import lang_of

_DIFFER = QColor("#fbe3e4")
"""Background of a figure row whose sources disagree."""
_SPOT = Qt.ItemDataRole.UserRole
"""Item data: ``(article position, sentence index)`` to jump to."""
_NO_ENGLISH = "—"
_RLM, _LRI, _PDI = "\u200f", "\u2066", "\u2069"
"""Right-to-left mark (the cell is an RTL paragraph), left-to-right isolate and its end (a number
inside Arabic keeps its own order: ``7 قتلى؛ 40 شخصا``)."""


def figures_text(figures) -> str:
    """A source's figures for one row as an RTL paragraph: each value isolated, then its counted noun."""
    parts = [f"{_LRI}{f.shown}{_PDI} {f.counted}".rstrip() for f in figures]
    return _RLM + "؛ ".join(parts) if parts else ""


def _item(text: str, spot: tuple[int, int] | None, *, font: QFont | None = None, rtl: bool = False,
          tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if spot is not None:
        item.setData(_SPOT, spot)
    if font is not None:
        item.setFont(font)
    if rtl:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setToolTip(tip or text)
    return item


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class StoryView(QWidget):
    """Quotes, figures by source (disagreements marked) and sentences only one source has."""

    sentence_chosen = Signal(int, int)  # article position in the story, sentence index

    def __init__(self, fonts: Fonts, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window, objectName="storyView")
        self.setWindowTitle("Story across tabs")
        self.fonts = fonts
        self.story = None
        self.tabs: list = []
        """The window's article views, in story order (what a click jumps into)."""
        self.heading = QLabel(objectName="storyHeading", wordWrap=True)
        self.quotes = _table("storyQuotes", ["Speaker", "Source", "Arabic", "English"])
        self.figures = _table("storyFigures", ["Figure"])
        self.unique = _table("storyUnique", ["Source", "Arabic", "English"])
        self.parts = QTabWidget(objectName="storyParts")
        self.parts.addTab(self.quotes, "Who said what")
        self.parts.addTab(self.figures, "Figures by source")
        self.parts.addTab(self.unique, "Only in one source")
        for table in (self.quotes, self.figures, self.unique):
            table.cellClicked.connect(lambda row, column, t=table: self._clicked(t, row, column))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.parts, 1)
        self.resize(1100, 650)

    def set_story(self, story) -> None:
        """Show ``story`` (a :class:`models.story.Story`)."""
        self.story = story
        sources = story.sources
        differ = len(story.disagreements)
        named = "  ·  ".join(f"{n}. \u2068{name}\u2069" for n, name in enumerate(sources, start=1))
        self.heading.setText(
            f"{len(sources)} sources: {named}\n{len(story.quotes)} attributed statements; "
            f"{len(story.groups)} figure rows (one per thing counted and event), {differ} with different "
            "values across sources (marked). Click a row to show its sentence.")
        self._fill_quotes(story)
        self._fill_figures(story)
        self._fill_unique(story)

    def _source(self, story, article: int, spot: tuple[int, int]) -> QTableWidgetItem:
        name = story.sources[article]
        arabic = lang_of(name) == "ar"
        return _item(name, spot, font=self.fonts.arabic if arabic else None, rtl=arabic)

    def _english(self, article: int, sentence: int) -> str:
        return self.story.english(article, sentence) or _NO_ENGLISH

    def _fill_quotes(self, story) -> None:
        arabic = self.fonts.arabic
        rows = [(group, quote) for group in story.speakers for quote in group.quotes]
        self.quotes.setRowCount(len(rows))
        for row, (group, quote) in enumerate(rows):
            spot = (quote.article, quote.sentence)
            speaker = group.name
            if quote.speaker.affiliation:
                speaker += f" ({quote.speaker.affiliation})"
            quoted_by = ", ".join(story.sources[n] for n in group.sources)
            tip = "unnamed source" if quote.speaker.unattributed else f"{speaker}: quoted by {quoted_by}"
            self.quotes.setItem(row, 0, _item(speaker, spot, font=arabic, rtl=True, tip=tip))
            self.quotes.setItem(row, 1, self._source(story, quote.article, spot))
            self.quotes.setItem(row, 2, _item(quote.text, spot, font=arabic, rtl=True))
            self.quotes.setItem(row, 3, _item(self._english(*spot), spot, font=self.fonts.english))
        self._fit(self.quotes, (220, 140, 420))

    def _fill_figures(self, story) -> None:
        sources = story.sources
        self.figures.setColumnCount(len(sources) + 2)
        self.figures.setHorizontalHeaderLabels(["Figure", *sources, "Sources differ"])
        self.figures.setRowCount(len(story.groups))
        for row, group in enumerate(story.groups):
            self.figures.setItem(row, 0, _item(group.label, None))
            for column, figures in enumerate(group.by_article, start=1):
                spot = (figures[0].article, figures[0].sentence) if figures else None
                tip = "\n".join(f.text + (f" — {f.date}" if f.date else "") for f in figures)
                self.figures.setItem(row, column, _item(figures_text(figures), spot, font=self.fonts.arabic,
                                                        rtl=True, tip=tip))
            self.figures.setItem(row, len(sources) + 1, _item("yes" if group.disagree else "", None))
            if group.disagree:
                for column in range(self.figures.columnCount()):
                    cell = self.figures.item(row, column)
                    cell.setBackground(QBrush(_DIFFER))
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
        self.figures.resizeColumnsToContents()
        for column in range(1, len(sources) + 1):
            self.figures.setColumnWidth(column, min(max(self.figures.columnWidth(column), 90), 240))
        self.figures.resizeRowsToContents()

    def _fill_unique(self, story) -> None:
        self.unique.setRowCount(len(story.unique))
        for row, only in enumerate(story.unique):
            spot = (only.article, only.sentence)
            self.unique.setItem(row, 0, self._source(story, only.article, spot))
            self.unique.setItem(row, 1, _item(only.text, spot, font=self.fonts.arabic, rtl=True))
            self.unique.setItem(row, 2, _item(self._english(*spot), spot, font=self.fonts.english))
        self._fit(self.unique, (140, 520))

    @staticmethod
    def _fit(table: QTableWidget, widths: tuple[int, ...]) -> None:
        for column, width in enumerate(widths):
            table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, width)
        table.resizeRowsToContents()

    def _clicked(self, table: QTableWidget, row: int, column: int) -> None:
        cells = [table.item(row, c) for c in [column, *range(table.columnCount())]]
        # a figure row's label or an empty cell: the first source that gives the figure
        spot = next((cell.data(_SPOT) for cell in cells if cell is not None and cell.data(_SPOT)), None)
        if spot is not None:
            self.sentence_chosen.emit(*spot)


def show_story(window) -> None:
    """Build the story of ``window``'s open tabs on its serial worker and show it in the Story view."""
    from gui import engine
    from gui.workers import Job

    views = window.views()
    if not views:
        window.show_error("Open articles first: the Story view compares the open tabs.", kind="info")
        return
    articles = [view.article for view in views]
    job = Job(lambda ctx: engine.story(articles), name="story")

    def shown(story) -> None:
        panel = window.findChild(StoryView, "storyView")
        if panel is None:
            panel = StoryView(window.fonts, window)
            panel.sentence_chosen.connect(lambda article, index: _jump(window, panel.tabs[article], index))
        panel.tabs = views
        panel.set_story(story)
        panel.show()
        panel.raise_()
        _translate_quotes(window, panel, story)

    job.signals.result.connect(shown)
    job.signals.error.connect(lambda message: window.show_error(f"Story not built: {message}"))
    window.runner.start(job, serial=True)


def _translate_quotes(window, panel: StoryView, story) -> None:
    """With a model chosen, translate the sentences the view lists that have no English yet."""
    wanted = [sorted({q.sentence for q in story.quotes if q.article == number}
                     | {u.sentence for u in story.unique if u.article == number})
              for number in range(len(panel.tabs))]
    job = window.session.translate_sentences([view.doc for view in panel.tabs], wanted, name="story English")
    if job is not None:
        job.signals.result.connect(lambda _r: panel.set_story(panel.story))
        job.signals.error.connect(lambda message: window.show_error(f"Story English not added: {message}"))


def _jump(window, view, sentence: int) -> None:
    """Show ``sentence`` of ``view``'s article in its tab (if the tab is still open)."""
    if view in window.views():
        window.tabs.setCurrentWidget(view)
        view.focus_sentence(sentence)
        window.activateWindow()
