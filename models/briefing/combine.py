"""Several articles on one story: a combined summary without repeats, and an entity index.

Sentences are compared on matching forms: each becomes a bag of light stems
of its content words (``models.arabic`` normalisation, stop words dropped).

The combined summary starts from every article's summary sentences. A
sentence whose cosine similarity to an earlier one reaches
:data:`DUPLICATE_COSINE` is dropped as a near-duplicate: agencies on one
story reuse sentences with small edits (a clitic, a figure, an added clause),
while sentences that merely share the story's names stay below it. From the
rest, maximal marginal relevance picks the sentences the other articles
support most (summed similarity to them) and penalises closeness to those
already picked, up to the longest single summary plus :data:`COMBINED_EXTRA`
sentences; they are shown in article order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from models.arabic import STOP_WORDS, stem, words
from models.article import Article
from models.briefing.content import AlignedSentence, ArticleSection, EntityRow, FigureRow, QuoteRow

if TYPE_CHECKING:
    from models.story import Story

DUPLICATE_COSINE = 0.5
"""Sentences at least this similar (cosine of content-word stem counts) count as one."""

COMBINED_EXTRA = 2
"""The combined summary is at most this many sentences longer than the longest single summary."""

MMR_LAMBDA = 0.5
"""Weight of cross-article support against redundancy with sentences already picked."""

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


def _distinct(
    sentences: Iterable[AlignedSentence], threshold: float
) -> list[tuple[AlignedSentence, Counter[str]]]:
    """``sentences`` in order with their stem bags, without those too close to an earlier kept one."""
    kept: list[tuple[AlignedSentence, Counter[str]]] = []
    for sentence in sentences:
        bag = content_stems(sentence.arabic)
        if all(cosine(bag, other) < threshold for _, other in kept):
            kept.append((sentence, bag))
    return kept


def drop_near_duplicates(
    sentences: Iterable[AlignedSentence], threshold: float = DUPLICATE_COSINE
) -> tuple[AlignedSentence, ...]:
    """``sentences`` in order, without those too close to an earlier kept one."""
    return tuple(sentence for sentence, _ in _distinct(sentences, threshold))


def combined_summary(sections: Sequence[ArticleSection]) -> tuple[AlignedSentence, ...]:
    """The story across ``sections``: their best-supported summary sentences, without repeats."""
    kept = _distinct((s for section in sections for s in section.summary), DUPLICATE_COSINE)
    pool = [sentence for sentence, _ in kept]
    bags = [bag for _, bag in kept]
    size = min(len(pool), max(len(section.summary) for section in sections) + COMBINED_EXTRA)
    similar = [[cosine(a, b) for b in bags] for a in bags]
    support = [
        sum(similar[i][j] for j, other in enumerate(pool) if other.article != sentence.article)
        for i, sentence in enumerate(pool)
    ]
    top = max(support, default=0.0) or 1.0
    chosen: list[int] = []
    remaining = list(range(len(pool)))
    while len(chosen) < size:
        best = max(remaining, key=lambda i: MMR_LAMBDA * support[i] / top
                   - (1 - MMR_LAMBDA) * max((similar[i][j] for j in chosen), default=0.0))
        chosen.append(best)
        remaining.remove(best)
    return tuple(pool[i] for i in sorted(chosen))


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


def quote_rows(story: Story) -> tuple[QuoteRow, ...]:
    """Who said what: every quote with its speaker and article number (1-based), speaker by speaker
    (those quoted by most articles first)."""
    return tuple(
        QuoteRow(
            speaker=group.name,
            article=q.article + 1,
            arabic=q.text,
            english=story.english(q.article, q.sentence),
            affiliation=q.speaker.affiliation,
            unattributed=q.speaker.unattributed,
        )
        for group in story.speakers for q in group.quotes
    )


def figure_rows(story: Story) -> tuple[FigureRow, ...]:
    """Figures by source: one row per kind of figure, the values of each article side by side."""
    from models.story.events import figure_cell  # models.story imports this module

    return tuple(
        FigureRow(group.label, tuple(figure_cell(group, n) for n in range(len(group.by_article))),
                  group.disagree)
        for group in story.groups
    )
