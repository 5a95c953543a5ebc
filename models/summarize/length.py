"""How long a summary should be, and picking ranked sentences to fit."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from models.errors import KhulasaError

DEFAULT_RATIO = 0.25
"""Share of sentences in a summary when no length is given (then kept within 3..7)."""
DEFAULT_MIN, DEFAULT_MAX = 3, 7


class SummaryError(KhulasaError, ValueError):
    """Bad summary options: unknown algorithm or an impossible length."""


@dataclass(frozen=True, slots=True)
class Length:
    """Summary length: at most one of ``sentences``, ``ratio`` (0-1] or ``words``.

    With none given, a news-sized default applies: a quarter of the sentences,
    at least 3 and at most 7. ``words`` adds sentences in rank order until the
    summary has at least that many words.
    """

    sentences: int | None = None
    ratio: float | None = None
    words: int | None = None

    def __post_init__(self) -> None:
        given = [v for v in (self.sentences, self.ratio, self.words) if v is not None]
        if len(given) > 1:
            raise SummaryError("give only one of sentences, ratio or words for the summary length")
        if self.sentences is not None and self.sentences < 1:
            raise SummaryError(f"summary length must be at least 1 sentence, not {self.sentences}")
        if self.words is not None and self.words < 1:
            raise SummaryError(f"summary length must be at least 1 word, not {self.words}")
        if self.ratio is not None and not 0 < self.ratio <= 1:
            raise SummaryError(f"summary ratio must be above 0 and at most 1, not {self.ratio}")

    def count(self, total: int) -> int | None:
        """Sentences to pick out of ``total``; ``None`` for a word budget."""
        if self.words is not None:
            return None
        if self.sentences is not None:
            wanted = self.sentences
        elif self.ratio is not None:
            wanted = max(1, round(self.ratio * total))
        else:
            wanted = min(DEFAULT_MAX, max(DEFAULT_MIN, round(DEFAULT_RATIO * total)))
        return min(wanted, total)


NEAR_DUPLICATE = 0.8
"""Word-set overlap (Jaccard) from which two sentences count as the same sentence."""


def distinct(ranking: Iterable[int], word_set: Callable[[int], frozenset[str]]) -> Iterator[int]:
    """``ranking`` without the sentences that repeat (or nearly repeat) one ranked before them.

    Lazy: a summary takes the first few, and each (``word_set(index)``, its words)
    is compared only with those.
    """
    kept: list[frozenset[str]] = []
    for index in ranking:
        words = word_set(index)
        if any(len(words & other) >= NEAR_DUPLICATE * len(words | other) for other in kept if words):
            continue
        kept.append(words)
        yield index


def select(ranking: Iterable[int], word_counts: Sequence[int], length: Length) -> list[int]:
    """The first sentences of ``ranking`` that fill ``length``, in article order."""
    count = length.count(len(word_counts))
    if count is not None:
        return sorted(islice(ranking, count))
    picked, words = [], 0
    for index in ranking:
        if words >= length.words:
            break
        picked.append(index)
        words += word_counts[index]
    return sorted(picked)
