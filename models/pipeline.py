"""The steps every front end runs on an article, in one place.

The GUI workers and the ``brief`` command call these instead of chaining the
engine parts themselves; the single-purpose commands (``summarize``,
``translate``, ``entities``) call only the step whose result they print.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from models.article import Article, Translation
from models.language import not_arabic_reason
from models.names import settle
from models.ner import annotate, project
from models.reading import read_article
from models.summarize import Length, summarize
from models.translation import Translator, translate_article


def analyse(article: Article, *, length: Length | None = None, algorithm: str = "auto") -> Article:
    """Summarise ``article``, find its entities and name them in English (no translation).

    A text that is not Arabic is left without summary and entities; front ends show
    ``models.language.not_arabic_reason(article)`` as the reason.
    """
    if not_arabic_reason(article):
        article.summary, article.mentions, article.entities = [], [], []
        return article
    summarize(article, length, algorithm)
    annotate(article)
    return settle(article)


def reannotate(article: Article) -> Article:
    """Entities again after the summary or the glossary changed, with their English forms."""
    if not_arabic_reason(article):
        return article
    annotate(article)
    if article.translations:
        project(article)
    else:
        settle(article)
    return article


def open_article(path: str | Path, *, length: Length | None = None, algorithm: str = "auto") -> Article:
    """Read, summarise and annotate one file. Raises ``ArticleError`` for unreadable input."""
    return analyse(read_article(path), length=length, algorithm=algorithm)


def translate(
    article: Article,
    translator: Translator,
    *,
    indices: Sequence[int] | None = None,
    on_sentence: Callable[[Translation], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Article:
    """Translate the given sentences (all by default), then project entities onto the English.

    A text that is not Arabic is left untranslated (see :func:`analyse`).
    """
    if not_arabic_reason(article):
        return article
    translate_article(article, translator, indices, on_sentence=on_sentence, cancel=cancel)
    project(article)
    return article
