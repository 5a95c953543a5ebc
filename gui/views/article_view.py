"""One tab: headline and metadata, the three panes side by side, the entity panel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.highlight import Theme
from gui.partials.entity_panel import EntityPanel
from gui.partials.legend import Legend
from gui.partials.model_offer import ModelOffer
from gui.session import SCOPES, Document, language_notice
from gui.views.pane import SentencePane
from gui.views.render import Fonts, render_original, render_summary, render_translation
from models.article import Article

STREAM_REFRESH_MS = 100  # streamed translations are re-rendered at most this often


def _column(title: str, body: QWidget, extra: QWidget | None = None) -> QWidget:
    column = QWidget()
    header = QHBoxLayout()
    header.setContentsMargins(6, 2, 6, 2)
    header.addWidget(QLabel(f"<b>{title}</b>"))
    header.addStretch(1)
    if extra is not None:
        header.addWidget(extra)
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addLayout(header)
    layout.addWidget(body, 1)
    return column


class ArticleView(QWidget):
    """Shows one Document; hover/click links sentences across panes; entity clicks show mentions.

    It only renders: the session starts every job and tells it what changed (:meth:`changed`).
    """

    scope_changed = Signal(str)

    def __init__(self, doc: Document, *, theme: Theme, fonts: Fonts, collapsed: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.theme = theme
        self.fonts = fonts
        self.pinned: int | None = None  # clicked sentence
        self.hovered: int | None = None
        self.entity: int | None = None
        # Streamed sentences are shown in batches: each re-render costs the whole pane.
        self._streamed = QTimer(self, singleShot=True, interval=STREAM_REFRESH_MS)
        self._streamed.timeout.connect(self.refresh_translation)

        self.headline = QLabel(objectName="headline", wordWrap=True)
        self.headline.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.headline.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.headline_en = QLabel(objectName="headlineEnglish", wordWrap=True)
        self.metadata = QLabel(objectName="metadata", wordWrap=True)
        self.details = QToolButton(objectName="headerToggle", checkable=True, autoRaise=True)
        self.details.setToolTip("Show or hide the translated headline, details and colour legend")
        self.details.toggled.connect(self._show_details)
        self.legend = Legend()
        self.legend.set_theme(theme)

        self.original = SentencePane(rtl=True, name="originalPane")
        self.summary = SentencePane(rtl=True, name="summaryPane")
        self.translation = SentencePane(rtl=False, name="translationPane")
        self.panes = (self.original, self.summary, self.translation)
        for pane in self.panes:
            pane.hovered.connect(self._on_hover)
            pane.clicked.connect(self._on_click)

        self.scope_buttons = QButtonGroup(self)
        scope_row = QWidget()
        row = QHBoxLayout(scope_row)
        row.setContentsMargins(0, 0, 0, 0)
        for scope_name, label in zip(SCOPES, ("Summary", "Whole article"), strict=True):
            button = QRadioButton(label, objectName=f"scope_{scope_name}")
            button.setChecked(scope_name == doc.scope)
            self.scope_buttons.addButton(button)
            button.toggled.connect(lambda on, s=scope_name: on and self.set_scope(s))
            row.addWidget(button)

        self.model_offer = ModelOffer()
        self.not_arabic = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter,
                                 objectName="notArabic")
        self.not_arabic.setMargin(12)
        self.translation_stack = QStackedWidget()
        for page in (self.translation, self.model_offer, self.not_arabic):
            self.translation_stack.addWidget(page)

        self.pane_splitter = QSplitter(Qt.Orientation.Horizontal, objectName="paneSplitter")
        self.pane_splitter.addWidget(_column("Original", self.original))
        self.pane_splitter.addWidget(_column("Summary", self.summary))
        self.pane_splitter.addWidget(_column("Translation", self.translation_stack, scope_row))
        self.pane_splitter.setChildrenCollapsible(False)

        self.entities = EntityPanel()
        self.entities.entity_clicked.connect(self.select_entity)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.main_splitter.addWidget(self.pane_splitter)
        self.main_splitter.addWidget(self.entities)
        self.main_splitter.setStretchFactor(0, 5)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([1160, 330])

        top = QHBoxLayout()
        top.addWidget(self.details, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.addWidget(self.headline)
        titles.addWidget(self.headline_en)
        titles.addWidget(self.metadata)
        top.addLayout(titles, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(self.main_splitter, 1)
        self.details.setChecked(not collapsed)
        self._show_details(not collapsed)
        self.refresh()

    @property
    def article(self) -> Article:
        return self.doc.article

    def path(self) -> Path | None:
        """The article's file, resolved (``None`` for an article made in memory)."""
        return Path(self.article.path).resolve() if self.article.path else None

    @property
    def scope(self) -> str:
        return self.doc.scope

    def changed(self, doc: Document, what: str) -> None:
        """The session's ``article_changed``: re-render what ``what`` touched (other tabs: ignored)."""
        if doc is not self.doc:
            return
        if what == "sentence":
            self.translation_arrived()
        elif what == "state":
            self._show_translation_page()
        else:  # summary, entities, translation done (its English names reach the entity panel too)
            self.refresh()

    def _show_details(self, shown: bool) -> None:
        """Collapse the header to the headline alone (small screens), or show it all."""
        self.details.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.metadata.setVisible(shown and bool(self.metadata.text()))
        self.legend.setVisible(shown)
        self.headline_en.setVisible(shown and bool(self.article.title_translation))

    # --- content --------------------------------------------------------------------------------
    def set_style(self, theme: Theme, fonts: Fonts) -> None:
        self.theme, self.fonts = theme, fonts
        self.legend.set_theme(theme)
        self.refresh()

    def refresh(self) -> None:
        """Re-render everything from the Article (after analysis or a summary change)."""
        article = self.article
        self.headline.setFont(QFont(self.fonts.arabic.family(), round(self.fonts.arabic.pointSizeF() * 1.35),
                                    QFont.Weight.Bold))
        self.headline.setText(article.title or article.name)
        meta = article.metadata
        name = article.path.name if article.path and article.title else ""  # else it is the headline
        parts = [name, meta.source, meta.dateline, " · ".join(meta.keywords)]
        self.metadata.setText("  ·  ".join(p for p in parts if p))
        self.metadata.setVisible(self.details.isChecked() and bool(self.metadata.text()))
        self.original.show_rendered(render_original(article, self.theme, self.fonts.arabic))
        self.summary.show_rendered(render_summary(article, self.theme, self.fonts.arabic))
        self.entities.set_entities(article.entities, self.theme, self.fonts.arabic)
        self.refresh_translation()

    def translation_arrived(self) -> None:
        """A streamed sentence was translated: show it within :data:`STREAM_REFRESH_MS`."""
        if not self._streamed.isActive():
            self._streamed.start()

    def refresh_translation(self) -> None:
        """Re-render the English pane."""
        self._streamed.stop()
        self.headline_en.setText(self.article.title_translation)
        self.headline_en.setVisible(self.details.isChecked() and bool(self.article.title_translation))
        self.translation.show_rendered(render_translation(
            self.article, self.doc.indices(), self.theme, self.fonts.english,
            by_paragraph=self.scope == "article"))
        self._show_translation_page()
        self._paint()

    def _show_translation_page(self) -> None:
        """The English pane; or the way to a model; or why an article not in Arabic has none."""
        self.not_arabic.setText(language_notice(self.article))
        page = (self.not_arabic if not self.doc.arabic else self.model_offer if self.doc.no_model
                else self.translation)
        self.translation_stack.setCurrentWidget(page)

    def set_scope(self, scope: str) -> None:
        if scope == self.scope or scope not in SCOPES:
            return
        self.doc.scope = scope
        for button in self.scope_buttons.buttons():
            button.setChecked(button.objectName() == f"scope_{scope}")
        self.refresh_translation()
        self.scope_changed.emit(scope)

    # --- linking --------------------------------------------------------------------------------
    def focused(self) -> int | None:
        return self.hovered if self.hovered is not None else self.pinned

    def _on_hover(self, index: int) -> None:
        self.hovered = None if index < 0 else index
        self._paint(reveal_from=self.sender())

    def _on_click(self, index: int) -> None:
        self.pinned = None if index < 0 or index == self.pinned else index
        self.hovered = None
        self._paint(reveal_from=self.sender())

    def focus_sentence(self, index: int) -> None:
        """Pin sentence ``index`` in every pane and scroll it into view (the Story view's jumps)."""
        self.pinned, self.hovered, self.entity = index, None, None
        self._paint(reveal_from=None)

    def select_entity(self, index: int) -> None:
        """Highlight every mention of entity ``index`` (-1 clears); a pinned sentence is let go."""
        self.entity = None if index < 0 else index
        self.pinned = self.hovered = None
        self._paint()
        if self.entity is not None:
            for pane in self.panes:
                pane.reveal_entity(self.entity)

    def _paint(self, reveal_from: object = False) -> None:
        sentence = self.focused()
        for pane in self.panes:
            pane.highlight(self.theme, sentence=sentence, entity=self.entity)
            if sentence is not None and reveal_from is not False and pane is not reveal_from:
                pane.reveal_sentence(sentence)
