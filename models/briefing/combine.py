"""Several articles on one story: a combined summary without repeats, and an entity index.

Near-duplicates are found on matching forms: each sentence becomes a bag of
light stems of its content words (``models.arabic`` normalisation, stop words
dropped), and a sentence whose cosine similarity to one already kept reaches
:data:`DUPLICATE_COSINE` is left out. News agencies on one story reuse whole
sentences with small edits (a clitic, a changed figure, an added clause),
which this catches while sentences that merely share the story's names stay.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from models.arabic import STOP_WORDS, stem, words
from models.article import Article
from models.briefing.content import AlignedSentence, ArticleSection, EntityRow

DUPLICATE_COSINE = 0.5
"""Sentences at least this similar (cosine of content-word stem counts) count as one."""

MAX_INDEX_ENTRIES = 30
"""Entities listed in the cross-article index (mentioned by most articles first)."""


def content_stems(text: str) -> Counter[str]:
    """Counts of the light stems of the content words of ``text``."""
    return Counter(stem(w) for w in words(text) if w not in STOP_WORDS and not w.isdigit())


def cosine(a: Counter[str], b: Counter[str]) -> float:
    """Cosine similarity of two bags of words (0 when either is empty)."""
    if not a or not b:
        return 0.0
    dot = sum(count * b[word] for word, count in a.items() if word in b)
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def drop_near_duplicates(
    sentences: Iterable[AlignedSentence], threshold: float = DUPLICATE_COSINE
) -> tuple[AlignedSentence, ...]:
    """``sentences`` in order, without those too close to an earlier kept one."""
    kept: list[tuple[AlignedSentence, Counter[str]]] = []
    for sentence in sentences:
        bag = content_stems(sentence.arabic)
        if all(cosine(bag, other) < threshold for _, other in kept):
            kept.append((sentence, bag))
    return tuple(sentence for sentence, _ in kept)


def combined_summary(sections: Sequence[ArticleSection]) -> tuple[AlignedSentence, ...]:
    """All articles' summary sentences in article order, near-duplicates dropped."""
    return drop_near_duplicates(s for section in sections for s in section.summary)


def entity_key(canonical: str) -> str:
    """The matching form entities are grouped by across articles."""
    return " ".join(words(canonical))


def _most_common(values: Iterable[tuple[str, int]]) -> str:
    totals: Counter[str] = Counter()
    for value, weight in values:
        if value:
            totals[value] += weight
    return totals.most_common(1)[0][0] if totals else ""


def entity_index(articles: Sequence[Article], limit: int = MAX_INDEX_ENTRIES) -> tuple[EntityRow, ...]:
    """Entities across ``articles`` grouped by normalised canonical form, with the articles naming each.

    Article numbers are 1-based positions in ``articles``. The form, English and
    type shown are the ones most mentions agree on.
    """
    groups: dict[str, list[tuple[int, str, str, str, int]]] = {}
    for number, article in enumerate(articles, start=1):
        for e in article.entities:
            key = entity_key(e.canonical)
            if key:
                groups.setdefault(key, []).append((number, e.canonical, e.english, e.type, e.count))
    rows = [
        EntityRow(
            arabic=_most_common((canonical, n) for _, canonical, _, _, n in members),
            english=_most_common((english, n) for _, _, english, _, n in members),
            type=_most_common((kind, n) for _, _, _, kind, n in members),
            mentions=sum(n for *_, n in members),
            articles=tuple(sorted({number for number, *_ in members})),
        )
        for members in groups.values()
    ]
    rows.sort(key=lambda r: (-len(r.articles), -r.mentions, r.arabic))
    return tuple(rows[:limit])
