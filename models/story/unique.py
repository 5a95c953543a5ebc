"""Sentences only one source has: no near-duplicate among the other sources' sentences.

Sentences are compared as in :mod:`models.briefing.combine` (cosine of
content-word stem counts); one at least :data:`~models.briefing.combine.DUPLICATE_COSINE`
similar to a sentence of another article has a near-duplicate there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from models.article import Article
from models.briefing.combine import DUPLICATE_COSINE, content_stems, cosine

MIN_CONTENT_WORDS = 4
"""Shorter sentences (datelines, captions) are not reported as unique content."""


@dataclass(frozen=True, slots=True)
class UniqueSentence:
    """Sentence ``sentence`` of article ``article`` has no near-duplicate in the other articles."""

    article: int
    sentence: int
    text: str


def unique_sentences(
    articles: Sequence[Article], threshold: float = DUPLICATE_COSINE
) -> list[UniqueSentence]:
    """Each article's sentences with no near-duplicate in another article (none for a single article)."""
    if len(articles) < 2:
        return []
    bags: list[list[Counter[str]]] = [[content_stems(s.text) for s in a.sentences] for a in articles]
    found = []
    for number, article in enumerate(articles):
        others = [bag for n, article_bags in enumerate(bags) if n != number for bag in article_bags]
        for sentence, bag in zip(article.sentences, bags[number], strict=True):
            if sum(bag.values()) < MIN_CONTENT_WORDS:
                continue
            if all(cosine(bag, other) < threshold for other in others):
                found.append(UniqueSentence(number, sentence.index, sentence.text))
    return found
