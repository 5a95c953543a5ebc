"""Translating many analysed articles through one :class:`Translator` in shared batches.

Sentences of several articles go to ``Translator.translate`` together, so its
length-sorted, token-budgeted batches keep every CTranslate2 worker busy; an
article's row is emitted as soon as its last sentence is back.
"""

from __future__ import annotations

from collections.abc import Callable

from models.article import Article, Translation
from models.batch.rows import BatchOptions, Outcome, article_row, error_row, to_translate
from models.errors import ModelError
from models.ner import project
from models.translation import Translator

Emit = Callable[[dict], None]


def translate_outcomes(outcomes: list[Outcome], translator: Translator, options: BatchOptions,
                       emit: Emit) -> None:
    """Translate the articles of ``outcomes`` in one call; emit each article's row when it is complete.

    A failed model call turns the rows not yet emitted into error rows.
    """
    texts: list[str] = []
    owners: list[tuple[int, int | None]] = []  # (outcome, sentence index or None for the headline)
    left = [0] * len(outcomes)
    for n, outcome in enumerate(outcomes):
        article = outcome.article
        assert article is not None
        article.translations.clear()
        article.model_id = translator.model_id
        before = len(owners)
        for i in to_translate(article, options):
            texts.append(article.sentences[i].text)
            owners.append((n, i))
        if article.title.strip():
            texts.append(article.title)
            owners.append((n, None))
        left[n] = len(owners) - before
        if not left[n]:
            _finish(outcome, emit)

    def on_result(result: Translation) -> None:
        n, index = owners[result.index]
        article = outcomes[n].article
        if index is None:
            article.title_translation = result.target
        else:
            article.translations[index] = Translation(index, result.source, result.target, result.alignment)
        left[n] -= 1
        if not left[n]:
            _finish(outcomes[n], emit)

    try:
        translator.translate(texts, on_result=on_result)
    except ModelError as error:
        for n, outcome in enumerate(outcomes):
            if left[n]:
                emit(error_row(outcome.id, str(error)))


def _finish(outcome: Outcome, emit: Emit) -> None:
    article: Article = outcome.article
    project(article)
    emit(article_row(outcome.id, article))


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
