"""The format-neutral content of a briefing, built from analysed Articles.

:func:`models.briefing.build.build_brief` reads what the engine already put on each
:class:`~models.article.Article` (summary picks, translations, entities,
metadata) into small frozen dataclasses. Writers render a :class:`Brief`
and never look at an Article or run NLP themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.article import ENTITY_LABELS, Article, Entity

MAX_KEY_ENTITIES = 12
"""Entities listed per article (most mentioned first, those in the summary before ties)."""

@dataclass(frozen=True, slots=True)
class AlignedSentence:
    """One Arabic sentence beside its English (``""`` when untranslated)."""

    arabic: str
    english: str = ""
    article: int = 0
    """The 1-based number of the article section it came from (combined summary)."""


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One entity: Arabic canonical form, English form, type code and mention count."""

    arabic: str
    english: str
    type: str
    mentions: int
    articles: tuple[int, ...] = ()
    """Article section numbers that mention it (entity index only)."""

    @property
    def type_name(self) -> str:
        return ENTITY_LABELS.get(self.type, self.type)


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One attributed statement: who (and for whom), in which article, the Arabic and its English."""

    speaker: str
    article: int
    arabic: str
    english: str = ""
    affiliation: str = ""
    unattributed: bool = False


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One kind of figure (``killed``, ``children`` …) and the values each article gives, in order."""

    label: str
    values: tuple[str, ...]
    disagree: bool


@dataclass(frozen=True, slots=True)
class ArticleSection:
    """What the brief says about one article."""

    number: int
    file: str
    headline: str
    headline_english: str
    dateline: str
    source: str
    summary: tuple[AlignedSentence, ...]
    entities: tuple[EntityRow, ...]
    translation: tuple[str, ...] = ()
    """English paragraphs of the whole article (the appendix), when asked for and translated."""
    model_id: str = ""


@dataclass(frozen=True, slots=True)
class Brief:
    """A whole briefing: one section per article, plus cross-article parts when there are several."""

    title: str
    sections: tuple[ArticleSection, ...]
    combined_summary: tuple[AlignedSentence, ...] = ()
    entity_index: tuple[EntityRow, ...] = ()
    notes: tuple[str, ...] = ()
    footer: str = ""
    quotes: tuple[QuoteRow, ...] = ()
    """Who said what across the articles (several articles only)."""
    figures: tuple[FigureRow, ...] = ()
    """Figures by source (several articles only)."""

    @property
    def translated(self) -> bool:
        """Whether any English from a model is in the brief."""
        return any(section.model_id for section in self.sections)

    @property
    def combined(self) -> bool:
        return len(self.sections) > 1

    @property
    def has_appendix(self) -> bool:
        return any(section.translation for section in self.sections)


def key_entities(entities: Sequence[Entity], limit: int = MAX_KEY_ENTITIES) -> list[Entity]:
    """The ``limit`` most mentioned entities; those in the summary win ties."""
    ranked = sorted(entities, key=lambda e: (-e.count, not e.in_summary, e.canonical))
    return ranked[:limit]


def _translation_paragraphs(article: Article) -> tuple[str, ...]:
    paragraphs: dict[int, list[str]] = {}
    for sentence in article.sentences:
        translation = article.translations.get(sentence.index)
        text = translation.target if translation else "[…]"
        paragraphs.setdefault(sentence.paragraph, []).append(text)
    return tuple(" ".join(parts) for parts in paragraphs.values())


def article_section(article: Article, number: int = 1, *, full_translation: bool = False) -> ArticleSection:
    """The section of the brief for one analysed (and possibly translated) article."""
    summary = tuple(
        AlignedSentence(
            arabic=article.sentences[i].text,
            english=t.target if (t := article.translations.get(i)) else "",
            article=number,
        )
        for i in article.summary
    )
    entities = tuple(
        EntityRow(arabic=e.canonical, english=e.english, type=e.type, mentions=e.count, articles=(number,))
        for e in key_entities(article.entities)
    )
    translated = bool(article.model_id and article.translations)
    return ArticleSection(
        number=number,
        file=article.name,
        headline=article.title,
        headline_english=article.title_translation,
        dateline=article.metadata.dateline,
        source=article.metadata.source,
        summary=summary,
        entities=entities,
        translation=_translation_paragraphs(article) if full_translation and translated else (),
        model_id=article.model_id if translated else "",
    )
