"""``auto``: the default ranking, designed for news.

News puts the essentials first, repeats the story's key terms and echoes the
headline. A sentence's score is a position prior scaled by its content:

* position: ``1 / sqrt(1 + index)`` - the lead matters most, later sentences
  still count;
* content (0..1): cosine between the sentence and the whole article (TF-IDF
  over light stems of content words), averaged with its cosine to the headline
  when there is one;
* ``score = position * (1 - CONTENT + CONTENT * content)``; sentences with
  fewer than :data:`SHORT` content words (headings, captions, fragments) are
  discounted.

With a word budget the picks are the set that best fits it: among sets that
reach the budget, the one with the highest score-weighted word mass per word
of summary plus budget (an F1-style trade-off between covering the budget and
overshooting it), found by dynamic programming over lengths. The set comes
first in the ranking, in article order, so adding ranked sentences until the
budget is reached yields exactly that set. Otherwise (and after the set)
sentences follow by maximal marginal relevance (MMR), so a sentence repeating
one already chosen falls behind.
"""

from __future__ import annotations

import math
from collections import Counter

from models.arabic import is_stop_word, stem, words
from models.article import Article

CONTENT = 0.3
MMR_LAMBDA = 0.7
SHORT = 5
MMR_POOL = 300
_DP_LIMIT = 400_000  # sentences x budget words above which the budget fit is greedy

Vector = dict[str, float]


def _terms(text: str) -> Counter[str]:
    return Counter(stem(w) for w in words(text) if not is_stop_word(w) and len(w) > 1)


def _weigh(bag: Counter[str], idf: dict[str, float], default: float) -> Vector:
    return {t: (1 + math.log(c)) * idf.get(t, default) for t, c in bag.items()}


def _norm(v: Vector) -> float:
    return math.sqrt(sum(x * x for x in v.values()))


def _cosine(a: Vector, b: Vector, b_norm: float | None = None) -> float:
    """Cosine of two vectors; ``b_norm`` given for a long ``b`` compared with many (the whole article)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(v * large.get(t, 0.0) for t, v in small.items())
    if not dot:
        return 0.0
    return dot / (_norm(a) * (_norm(b) if b_norm is None else b_norm))


def _scaled(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0] * len(values)


def _scores(article: Article) -> tuple[list[float], list[Vector]]:
    bags = [_terms(s.text) for s in article.sentences]
    n = len(bags)
    df = Counter(t for bag in bags for t in bag)
    idf = {t: math.log(1 + n / d) for t, d in df.items()}
    vectors = [_weigh(bag, idf, 0.0) for bag in bags]
    total: Counter[str] = Counter()
    for bag in bags:
        total.update(bag)  # in place: sum(bags, Counter()) copies the growing total per sentence
    document = _weigh(total, idf, 0.0)
    document_norm = _norm(document)
    content = _scaled([_cosine(v, document, document_norm) for v in vectors])
    headline_bag = _terms(article.title)
    if headline_bag:
        title = _weigh(headline_bag, idf, math.log(1 + n))
        title_norm = _norm(title)
        overlap = _scaled([_cosine(v, title, title_norm) for v in vectors])
        content = [(c + h) / 2 for c, h in zip(content, overlap, strict=True)]
    scores = [
        (1 - CONTENT + CONTENT * c) / math.sqrt(1 + i) * min(1.0, sum(bag.values()) / SHORT)
        for i, (c, bag) in enumerate(zip(content, bags, strict=True))
    ]
    return scores, vectors


def rank(article: Article, *, budget: int | None = None) -> list[int]:
    """All sentence indices of ``article``, best first; ``budget`` (words) fits the first ones to it."""
    if not article.sentences:
        return []
    scores, vectors = _scores(article)
    first: list[int] = []
    if budget is not None:
        counts = [len(s.text.split()) for s in article.sentences]
        first = _fit(scores, counts, budget)
    rest = _mmr(scores, vectors, chosen=first)
    return first + rest


def _fit(scores: list[float], counts: list[int], budget: int) -> list[int]:
    """Indices (article order) of the set with ``sum(counts) >= budget`` maximising
    ``sum(score * count) / (sum(counts) + budget)``."""
    if sum(counts) <= budget:
        return list(range(len(counts)))
    if len(counts) * budget > _DP_LIMIT:
        return []  # too large to fit exactly: plain ranked order
    # best[length] = (score mass, indices) over sets still short of the budget, built in article order
    best: dict[int, tuple[float, tuple[int, ...]]] = {0: (0.0, ())}
    done: dict[int, tuple[float, tuple[int, ...]]] = {}
    for i, (score, count) in enumerate(zip(scores, counts, strict=True)):
        if not count:
            continue
        for length, (mass, picked) in list(best.items()):
            grown = (mass + score * count, (*picked, i))
            target = done if length + count >= budget else best
            if length + count not in target or target[length + count][0] < grown[0]:
                target[length + count] = grown
    length, (_, picked) = max(done.items(), key=lambda item: (item[1][0] / (item[0] + budget), -item[0]))
    return list(picked)


def _mmr(scores: list[float], vectors: list[Vector], *, chosen: list[int]) -> list[int]:
    """Greedy maximal marginal relevance order over the sentences not yet ``chosen``.

    The greedy step compares every remaining sentence with each one placed, so
    it runs over the :data:`MMR_POOL` best-scored sentences only (a summary never
    reaches further); the others follow them by score. That keeps long texts linear.
    """
    taken = set(chosen)
    by_score = sorted((i for i in range(len(scores)) if i not in taken), key=lambda i: (-scores[i], i))
    remaining, tail = by_score[:MMR_POOL], by_score[MMR_POOL:]
    redundancy = {i: max((_cosine(vectors[i], vectors[c]) for c in chosen), default=0.0) for i in remaining}
    order: list[int] = []
    while remaining:
        best = max(remaining, key=lambda i: (MMR_LAMBDA * scores[i] - (1 - MMR_LAMBDA) * redundancy[i], -i))
        order.append(best)
        remaining.remove(best)
        for i in remaining:
            redundancy[i] = max(redundancy[i], _cosine(vectors[i], vectors[best]))
    return order + tail
