"""The order and shape of a brief on the page, shared by every writer.

:func:`layout` turns a :class:`Brief` into a flat list of blocks (headings,
paragraphs, label/value fields, tables) that each carry their language, so
the DOCX, HTML, Markdown and PDF writers only map blocks to their format and
all put the same things in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from models.briefing.content import AlignedSentence, ArticleSection, Brief, EntityRow, FigureRow, QuoteRow

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile(r"[A-Za-z]")

T = TypeVar("T")


def has_arabic(text: str) -> bool:
    return _ARABIC.search(text) is not None


def lang_of(text: str) -> str:
    """``"ar"`` when ``text`` has more Arabic than Latin letters, else ``"en"``."""
    return "ar" if len(_ARABIC.findall(text)) > len(_LATIN.findall(text)) else "en"


def direction(lang: str) -> str:
    return "rtl" if lang == "ar" else "ltr"


@dataclass(frozen=True, slots=True)
class Heading:
    """``level`` 0 is the document title, 1 a section, 2 a subsection."""

    text: str
    level: int
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """``role``: ``body``, ``headline`` (an article's headline), ``note`` (reader notice) or ``footer``."""

    text: str
    lang: str = "en"
    role: str = "body"


@dataclass(frozen=True, slots=True)
class Field:
    """An English label with a value in its own language, on one line."""

    label: str
    value: str
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class Column:
    """A table column; ``numeric`` cells align right, ``short`` ones (and numbers) get a narrow width."""

    title: str
    lang: str = "en"
    numeric: bool = False
    short: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of cells; a cell's language (and so its direction) is its column's."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Paragraph | Field | Table


def _table(items: Iterable[T], columns: Sequence[tuple[Column, Callable[[T], str]] | None]) -> Table:
    """One row per item; each column comes with the function giving its cell (``None`` leaves it out)."""
    chosen = [c for c in columns if c is not None]
    return Table(
        tuple(column for column, _ in chosen),
        tuple(tuple(cell(item) for _, cell in chosen) for item in items),
    )


def _sentence_table(sentences: tuple[AlignedSentence, ...], *, english: bool, numbered: bool) -> Table:
    return _table(sentences, [
        (Column("Arabic", "ar"), lambda s: s.arabic),
        (Column("English"), lambda s: s.english) if english else None,
        (Column("Article", numeric=True), lambda s: str(s.article)) if numbered else None,
    ])


def _entity_table(entities: tuple[EntityRow, ...], *, index: bool) -> Table:
    """The English column when some entity has an English form (names have one without a translation)."""
    return _table(entities, [
        (Column("Arabic", "ar"), lambda e: e.arabic),
        (Column("English"), lambda e: e.english) if any(e.english for e in entities) else None,
        (Column("Type", short=True), lambda e: e.type_name),
        (Column("Mentions", numeric=True), lambda e: str(e.mentions)),
        (Column("Articles"), lambda e: ", ".join(str(n) for n in e.articles)) if index else None,
    ])


def _quote_table(quotes: tuple[QuoteRow, ...], *, english: bool) -> Table:
    return _table(quotes, [
        (Column("Speaker", "ar"), lambda q: f"{q.speaker} ({q.affiliation})" if q.affiliation else q.speaker),
        (Column("Article", numeric=True), lambda q: str(q.article)),
        (Column("Arabic", "ar"), lambda q: q.arabic),
        (Column("English"), lambda q: q.english) if english else None,
    ])


def _figure_table(figures: tuple[FigureRow, ...], articles: int) -> Table:
    return _table(figures, [
        (Column("Figure"), lambda f: f.label),
        *((Column(f"Article {n + 1}", short=True), lambda f, n=n: f.values[n]) for n in range(articles)),
        (Column("Sources differ", short=True), lambda f: "yes" if f.disagree else ""),
    ])


def story_blocks(brief: Brief, *, english: bool) -> list[Block]:
    """The "Who said what" and "Figures by source" sections of a several-article brief."""
    blocks: list[Block] = [Heading("Who said what", 1)]
    if brief.quotes:
        blocks.append(Paragraph(
            "Statements attributed to a speaker (reported speech or quotation), speaker by speaker, "
            "those quoted by most articles first. Unnamed sources (مصدر، مصادر …) are kept as given."))
        blocks.append(_quote_table(brief.quotes, english=english))
    else:
        blocks.append(Paragraph("No attributed statements were found."))
    blocks.append(Heading("Figures by source", 1))
    if brief.figures:
        blocks.append(Paragraph(
            "What each article counts (casualties, strikes, aircraft …), side by side; \"yes\" marks a "
            "figure the articles give different values for."))
        blocks.append(_figure_table(brief.figures, len(brief.sections)))
    else:
        blocks.append(Paragraph("No figures were found."))
    return blocks


def _section(section: ArticleSection, *, several: bool, english: bool) -> list[Block]:
    level = 1 if several else 0
    blocks: list[Block] = []
    if several:
        blocks.append(Heading(f"Article {section.number}: {section.file}", level))
    if section.headline:
        blocks.append(Paragraph(section.headline, lang_of(section.headline), "headline"))
    if section.headline_english:
        blocks.append(Paragraph(section.headline_english, "en", "headline"))
    blocks.append(Field("Source file", section.file, lang_of(section.file)))
    if section.dateline:
        blocks.append(Field("Date", section.dateline, lang_of(section.dateline)))
    if section.source:
        blocks.append(Field("Source", section.source, lang_of(section.source)))
    blocks.append(Heading("Summary", level + 1))
    if section.summary:
        blocks.append(_sentence_table(section.summary, english=english, numbered=False))
    else:
        blocks.append(Paragraph("The article is too short to summarise."))
    blocks.append(Heading("Key entities", level + 1))
    if section.entities:
        blocks.append(_entity_table(section.entities, index=False))
    else:
        blocks.append(Paragraph("No people, places or organisations were found."))
    return blocks


def layout(brief: Brief) -> list[Block]:
    """The blocks of ``brief`` in reading order."""
    english = brief.translated
    blocks: list[Block] = [Heading(brief.title, 0)]
    blocks += [Paragraph(note, lang_of(note), "note") for note in brief.notes]
    if brief.combined:
        blocks.append(Heading("Combined summary", 1))
        blocks.append(Paragraph(
            f"The story across all {len(brief.sections)} articles: the summary sentences the other "
            "articles support most, without repeats, in article order."
        ))
        blocks.append(_sentence_table(brief.combined_summary, english=english, numbered=True))
        blocks.append(Heading("Entity index", 1))
        blocks.append(_entity_table(brief.entity_index, index=True))
        blocks += story_blocks(brief, english=english)
    for section in brief.sections:
        blocks += _section(section, several=brief.combined, english=english)
    if brief.has_appendix:
        blocks.append(Heading("Appendix: full translation", 1))
        for section in brief.sections:
            if section.translation:
                if brief.combined:
                    blocks.append(Heading(f"Article {section.number}: {section.file}", 2))
                blocks += [Paragraph(text) for text in section.translation]
    blocks.append(Paragraph(brief.footer, "en", "footer"))
    return blocks
