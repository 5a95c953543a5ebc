"""Choosing among the transliteration model's candidate spellings of one Arabic word.

A listed Latin-script spelling (:mod:`models.names.spellings`) beats any
unlisted one; among listed ones the score is the forward model's
(length-normalised log-probability) + ``band_weight`` × the spelling's
frequency band + ``reverse_weight`` × the mean log-probability with which the
English→Arabic model spells the candidate back into the Arabic word. With no
listed candidate the forward model's best guess stands. The defaults were
chosen on the names-validation slice (``training/choose_ranking.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from models.names.spellings import Spellings


class Scorer(Protocol):
    """What the ranking needs of a CTranslate2 translator: ``score_batch``."""

    def score_batch(self, source: list[list[str]], target: list[list[str]]) -> list: ...


@dataclass(frozen=True)
class Ranking:
    candidates: int = 64  # spellings the forward model proposes (its beam width)
    band_weight: float = 0.15
    reverse_weight: float = 1.0

    def __post_init__(self) -> None:
        if self.candidates < 1:
            raise ValueError(f"candidates must be at least 1, not {self.candidates}")
        if self.band_weight < 0 or self.reverse_weight < 0:
            raise ValueError("ranking weights cannot be negative")


RANKING = Ranking()


def rank(word: str, hypotheses: list[tuple[str, float]], spellings: Spellings | None,
         reverse: Scorer | None, ranking: Ranking = RANKING) -> str:
    """The chosen spelling of ``word`` among ``hypotheses`` (``(spelling, score)``, best first)."""
    hypotheses = hypotheses[: ranking.candidates]
    if spellings is None:
        return hypotheses[0][0]
    bands = spellings.bands([h for h, _ in hypotheses])
    listed = [(h, score + ranking.band_weight * band)
              for (h, score), band in zip(hypotheses, bands, strict=True) if band]
    if not listed:
        return hypotheses[0][0]
    if reverse is not None and ranking.reverse_weight:
        back = reverse.score_batch([list(h) for h, _ in listed], [list(word)] * len(listed))
        listed = [(h, score + ranking.reverse_weight * sum(r.log_probs) / len(r.log_probs))
                  for (h, score), r in zip(listed, back, strict=True)]
    return max(listed, key=lambda c: c[1])[0]
