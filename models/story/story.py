"""One story told by several sources: :class:`Story` holds who said what, the figures and unique content."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.article import Article
from models.story.events import FigureGroup, group_figures
from models.story.figures import Figure, find_figures
from models.story.quotes import Quote, find_quotes
from models.story.speaker_groups import SpeakerGroup, group_speakers
from models.story.unique import UniqueSentence, unique_sentences


def source_name(article: Article) -> str:
    """How a source is named in tables: its stated source line, else the file name."""
    return article.metadata.source or article.name


def sentence_english(article: Article, index: int) -> str:
    """The English of sentence ``index`` (``""`` when it has not been translated)."""
    translation = article.translations.get(index)
    return translation.target if translation else ""


@dataclass(frozen=True)
class Story:
    """The comparison of analysed articles on one story; indices in the parts refer to ``articles``."""

    articles: tuple[Article, ...]
    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]
    groups: tuple[FigureGroup, ...]
    unique: tuple[UniqueSentence, ...]
    speakers: tuple[SpeakerGroup, ...] = ()
    """The quotes grouped by speaker across sources, the most widely quoted first."""

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(source_name(a) for a in self.articles)

    @property
    def disagreements(self) -> tuple[FigureGroup, ...]:
        return tuple(g for g in self.groups if g.disagree)

    def english(self, article: int, sentence: int) -> str:
        """The English of a sentence of one of the articles (``""`` when untranslated)."""
        return sentence_english(self.articles[article], sentence)


def build_story(articles: Sequence[Article]) -> Story:
    """Compare ``articles``, already analysed (``models.pipeline.analyse``: entities found).

    Raises:
        ValueError: when ``articles`` is empty.
    """
    if not articles:
        raise ValueError("a story needs at least one article")
    figures = find_figures(articles)
    quotes = find_quotes(articles)
    return Story(
        articles=tuple(articles),
        quotes=tuple(quotes),
        figures=tuple(figures),
        groups=tuple(group_figures(figures, articles)),
        unique=tuple(unique_sentences(articles)),
        speakers=tuple(group_speakers(quotes)),
    )
