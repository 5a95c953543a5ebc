"""Extractive summaries: pick the sentences of an Article that best summarise it.

``summarize(article, length, algorithm)`` ranks every sentence with the chosen
algorithm, takes sentences in rank order until ``length`` is met, and returns
their indices in article order (also stored in ``article.summary``).

Algorithms: ``auto`` (default, news-oriented: position + centrality + headline,
with redundancy removal and word-budget fitting), ``lead`` (first sentences, a baseline), and sumy's
``lexrank``, ``textrank``, ``lsa``, ``luhn``, ``kl``, ``sumbasic``,
``reduction`` and ``edmundson``, all fed with our sentences, tokens, stemmer and
stop words.
"""

from __future__ import annotations

from models.arabic import normalize, words
from models.article import Article
from models.summarize import auto, sumy_rank
from models.summarize.length import Length, SummaryError, distinct, select

__all__ = ["ALGORITHMS", "Length", "SummaryError", "check_algorithm", "rank", "summarize"]

ALGORITHMS: tuple[str, ...] = ("auto", "lead", *sumy_rank.SUMY_ALGORITHMS)


def check_algorithm(algorithm: str) -> None:
    """Raise ``SummaryError`` unless ``algorithm`` is one of :data:`ALGORITHMS`."""
    if algorithm not in ALGORITHMS:
        raise SummaryError(f"unknown summary algorithm '{algorithm}'; choose one of: {', '.join(ALGORITHMS)}")


def rank(article: Article, algorithm: str = "auto", length: Length | None = None) -> list[int]:
    """Every sentence index of ``article``, best first. Raises ``SummaryError`` for an unknown algorithm.

    ``auto`` fits its first sentences to a word budget (``length.words``) when one is given.
    """
    check_algorithm(algorithm)
    if algorithm == "auto":
        return auto.rank(article, budget=length.words if length else None)
    if algorithm == "lead":
        return list(range(len(article.sentences)))
    return sumy_rank.rank(article, algorithm)


def summarize(article: Article, length: Length | None = None, algorithm: str = "auto") -> list[int]:
    """Pick summary sentences of ``article``.

    Args:
        article: the article; its ``sentences`` are ranked.
        length: how long the summary is (default: a quarter of the sentences, 3 to 7).
        algorithm: one of :data:`ALGORITHMS`.

    A sentence that repeats one already picked (the same words, or nearly) is
    passed over, so a summary never holds the same sentence twice.

    Returns:
        The picked sentence indices in article order; also set as ``article.summary``,
        with ``article.algorithm`` set to ``algorithm``.

    Raises:
        SummaryError: unknown algorithm.
    """
    length = length or Length()
    ranking = rank(article, algorithm, length)
    ranking = distinct(ranking, lambda i: frozenset(words(normalize(article.sentences[i].text))))
    picked = select(ranking, [len(s.text.split()) for s in article.sentences], length)
    article.summary = picked
    article.algorithm = algorithm
    return picked
