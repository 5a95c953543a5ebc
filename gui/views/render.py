"""Turn an Article into the three panes' documents.

Each render records where every sentence and entity mention landed in the
document, so the panes can map a cursor position back to a sentence index and
highlight counterparts without re-deriving anything from the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from gui.highlight import Theme, entity_format, placeholder_format, summary_format
from models.article import Article

PENDING = "…"


@dataclass
class Rendered:
    """A pane's document and where each sentence and mention sits in it."""

    document: QTextDocument
    sentences: dict[int, tuple[int, int]] = field(default_factory=dict)
    mentions: list[tuple[int, int, int, str]] = field(default_factory=list)  # start, end, entity, type

    def sentence_at(self, position: int) -> int | None:
        for index, (start, end) in self.sentences.items():
            if start <= position < end:
                return index
        return None


@dataclass(frozen=True)
class Fonts:
    arabic: QFont
    english: QFont


def _block_format(*, rtl: bool, spacing: float) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    if rtl:
        fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        fmt.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    else:
        fmt.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        fmt.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
    fmt.setBottomMargin(spacing)
    fmt.setLineHeight(135 if rtl else 120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    return fmt


class _Builder:
    """Appends blocks to a document and remembers sentence and mention positions."""

    def __init__(self, font: QFont, *, rtl: bool) -> None:
        self.doc = QTextDocument()
        self.doc.setDefaultFont(font)
        self.doc.setDocumentMargin(10)
        self.cursor = QTextCursor(self.doc)
        self.block = _block_format(rtl=rtl, spacing=font.pointSizeF() * 0.7)
        self.first = True
        self.out = Rendered(self.doc)
        self.formats: list[tuple[int, int, QTextCharFormat]] = []

    def new_block(self) -> None:
        if self.first:
            self.cursor.setBlockFormat(self.block)
            self.first = False
        else:
            self.cursor.insertBlock(self.block)

    def text(self, text: str, fmt: QTextCharFormat | None = None) -> tuple[int, int]:
        start = self.cursor.position()
        self.cursor.insertText(text.replace("\n", " "), fmt or QTextCharFormat())
        return start, self.cursor.position()

    def finish(self) -> Rendered:
        for start, end, fmt in self.formats:
            self.cursor.setPosition(start)
            self.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            self.cursor.mergeCharFormat(fmt)
        self.doc.clearUndoRedoStacks()
        self.doc.setUndoRedoEnabled(False)
        return self.out


def _mention_formats(article: Article, theme: Theme, offset_of, builder: _Builder) -> None:
    """Colour every mention whose start maps into the document via ``offset_of``."""
    for mention in article.mentions:
        if mention.entity is None:
            continue
        start = offset_of(mention.start)
        if start is None:
            continue
        end = start + (mention.end - mention.start)
        builder.formats.append((start, end, entity_format(theme, mention.type)))
        builder.out.mentions.append((start, end, mention.entity, mention.type))


def _document_offset(placed: list[tuple[int, int, int]], position: int) -> int | None:
    """Where article offset ``position`` landed, from ``(article start, end, document start)`` runs."""
    for start, end, doc_start in placed:
        if start <= position < end:
            return doc_start + position - start
    return None


def _paragraphs(article: Article) -> Sequence[tuple[int, int]]:
    if article.paragraphs:
        return article.paragraphs
    if article.sentences:
        return [(article.sentences[0].start, article.sentences[-1].end)]
    return []


def render_original(article: Article, theme: Theme, font: QFont) -> Rendered:
    """The body, paragraph by paragraph, summary sentences marked."""
    builder = _Builder(font, rtl=True)
    placed: list[tuple[int, int, int]] = []  # article start, article end, document start
    for start, end in _paragraphs(article):
        builder.new_block()
        doc_start, _ = builder.text(article.text[start:end])
        placed.append((start, end, doc_start))

    offset_of = partial(_document_offset, placed)
    marked = set(article.summary)
    for sentence in article.sentences:
        doc_start = offset_of(sentence.start)
        if doc_start is None:
            continue
        span = (doc_start, doc_start + sentence.end - sentence.start)
        builder.out.sentences[sentence.index] = span
        if sentence.index in marked:
            builder.formats.append((*span, summary_format(theme)))
    _mention_formats(article, theme, offset_of, builder)
    return builder.finish()


def render_summary(article: Article, theme: Theme, font: QFont) -> Rendered:
    """The summary sentences in article order, one paragraph each."""
    builder = _Builder(font, rtl=True)
    placed: list[tuple[int, int, int]] = []
    for sentence in article.summary_sentences:
        builder.new_block()
        span = builder.text(sentence.text)
        builder.out.sentences[sentence.index] = span
        placed.append((sentence.start, sentence.end, span[0]))

    offset_of = partial(_document_offset, placed)
    _mention_formats(article, theme, offset_of, builder)
    return builder.finish()


def render_translation(article: Article, indices: Sequence[int], theme: Theme, font: QFont,
                       *, by_paragraph: bool) -> Rendered:
    """English for ``indices``; sentences still being translated show as a muted placeholder.

    With ``by_paragraph`` the sentences run on in the article's paragraphs
    (whole-article view); otherwise each sentence is its own paragraph.
    """
    builder = _Builder(font, rtl=False)
    pending = placeholder_format(theme)
    paragraph = None
    for index in indices:
        sentence = article.sentences[index]
        if not by_paragraph or sentence.paragraph != paragraph:
            builder.new_block()
            paragraph = sentence.paragraph
        elif builder.cursor.position() > builder.cursor.block().position():
            builder.text(" ")
        translation = article.translations.get(index)
        if translation is None:
            builder.out.sentences[index] = builder.text(PENDING, pending)
            continue
        span = builder.text(translation.target)
        builder.out.sentences[index] = span
        for start, end, entity in translation.entity_spans:
            if 0 <= entity < len(article.entities) and 0 <= start < end <= len(translation.target):
                kind = article.entities[entity].type
                where = (span[0] + start, span[0] + end)
                fmt = entity_format(theme, kind)
                if article.entities[entity].english_source == "glossary":  # shown as the user's form
                    fmt.setFontUnderline(True)
                    fmt.setToolTip("English form from your glossary")
                builder.formats.append((*where, fmt))
                builder.out.mentions.append((*where, entity, kind))
    return builder.finish()
