"""Translating many analysed articles through one :class:`Translator` in shared batches.

Sentences of several articles go to ``Translator.translate`` together, so its
length-sorted, token-budgeted batches keep every CTranslate2 worker busy; an
article's row is emitted as soon as its last sentence is back.
"""

from __future__ import annotations

from collections.abc import Callable

from models.article import Article
from models.batch.rows import BatchOptions, Outcome, article_row, error_row, to_translate
from models.errors import ModelError
from models.ner import project
from models.translation import Translator, translate_articles

Emit = Callable[[dict], None]


def translate_outcomes(outcomes: list[Outcome], translator: Translator, options: BatchOptions,
                       emit: Emit) -> None:
    """Translate the articles of ``outcomes`` in one call; emit each article's row when it is complete.

    A failed model call turns the rows not yet emitted into error rows.
    """
    ids = {id(outcome.article): outcome.id for outcome in outcomes}
    done: set[int] = set()  # id() of the articles whose row is out

    def finished(article: Article) -> None:
        project(article)
        done.add(id(article))
        emit(article_row(ids[id(article)], article))

    for outcome in outcomes:  # a batch translates what it asks for afresh
        outcome.article.translations.clear()
        outcome.article.title_translation = ""
    plan = [(outcome.article, to_translate(outcome.article, options)) for outcome in outcomes]
    try:
        translate_articles(plan, translator, on_done=finished)
    except ModelError as error:
        for outcome in outcomes:
            if id(outcome.article) not in done:
                emit(error_row(outcome.id, str(error)))


class TranslationQueue:
    """Collects analysed articles and translates them ``sentences`` at a time (about) in shared batches."""

    def __init__(self, translator: Translator, options: BatchOptions, emit: Emit, *, sentences: int = 256):
        self.translator = translator
        self.options = options
        self.emit = emit
        self.sentences = sentences
        self._waiting: list[Outcome] = []
        self._count = 0

    def add(self, outcome: Outcome) -> None:
        self._waiting.append(outcome)
        self._count += len(to_translate(outcome.article, self.options)) + 1
        if self._count >= self.sentences:
            self.flush()

    def flush(self) -> None:
        """Translate what is waiting now."""
        waiting, self._waiting, self._count = self._waiting, [], 0
        if waiting:
            translate_outcomes(waiting, self.translator, self.options, self.emit)
