"""``auto``: the default ranking, designed for news.

News puts the essentials first, repeats the story's key terms, and echoes the
headline. A sentence's score blends three signals, each scaled to 0..1:

* position: ``1 / sqrt(1 + index)`` - the lead matters most, later sentences
  still count;
* centrality: cosine between the sentence and the whole article (TF-IDF over
  light stems of content words);
* headline overlap: cosine between the sentence and the headline (when there
  is one; its weight then goes to the other two).

Sentences are then taken greedily by maximal marginal relevance (MMR), so a
sentence that repeats one already chosen falls behind. Very short sentences
(fewer than :data:`SHORT` content words) are discounted: they are usually
headings, captions or fragments.
"""

from __future__ import annotations

import math
from collections import Counter

from models.arabic import is_stop_word, stem, words
from models.article import Article

POSITION, CENTRALITY, HEADLINE = 0.4, 0.4, 0.2
MMR_LAMBDA = 0.7
SHORT = 5

Vector = dict[str, float]


def _terms(text: str) -> Counter[str]:
    return Counter(stem(w) for w in words(text) if not is_stop_word(w) and len(w) > 1)


def _weigh(bag: Counter[str], idf: dict[str, float], default: float) -> Vector:
    return {t: (1 + math.log(c)) * idf.get(t, default) for t, c in bag.items()}


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def _scaled(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0] * len(values)


def rank(article: Article) -> list[int]:
    """All sentence indices of ``article``, best first."""
    bags = [_terms(s.text) for s in article.sentences]
    n = len(bags)
    if n == 0:
        return []
    df = Counter(t for bag in bags for t in bag)
    idf = {t: math.log(1 + n / d) for t, d in df.items()}
    vectors = [_weigh(bag, idf, 0.0) for bag in bags]
    document = _weigh(sum(bags, Counter()), idf, 0.0)
    centrality = _scaled([_cosine(v, document) for v in vectors])
    position = [1 / math.sqrt(1 + i) for i in range(n)]
    headline_bag = _terms(article.title)
    if headline_bag:
        title = _weigh(headline_bag, idf, math.log(1 + n))
        overlap = _scaled([_cosine(v, title) for v in vectors])
        weights = (POSITION, CENTRALITY, HEADLINE)
    else:
        overlap = [0.0] * n
        weights = (POSITION / (POSITION + CENTRALITY), CENTRALITY / (POSITION + CENTRALITY), 0.0)
    scores = [
        (weights[0] * p + weights[1] * c + weights[2] * h) * min(1.0, sum(bag.values()) / SHORT)
        for p, c, h, bag in zip(position, centrality, overlap, bags, strict=True)
    ]
    return _mmr(scores, vectors)


def _mmr(scores: list[float], vectors: list[Vector]) -> list[int]:
    """Greedy maximal marginal relevance order over all sentences."""
    remaining = list(range(len(scores)))
    redundancy = [0.0] * len(scores)
    order: list[int] = []
    while remaining:
        best = max(remaining, key=lambda i: (MMR_LAMBDA * scores[i] - (1 - MMR_LAMBDA) * redundancy[i], -i))
        order.append(best)
        remaining.remove(best)
        for i in remaining:
            redundancy[i] = max(redundancy[i], _cosine(vectors[i], vectors[best]))
    return order
