"""Quotes of one speaker across sources: names matched on their words, the most widely quoted first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.arabic import normalize
from models.story.speakers import Speaker


def speaker_key(speaker: Speaker) -> str:
    """The matching form quotes are grouped by across sources."""
    return " ".join(normalize(speaker.name).split())


@dataclass(frozen=True, slots=True)
class SpeakerGroup:
    """One speaker's quotes across the sources (``name``: the fullest form used)."""

    name: str
    quotes: tuple
    """The :class:`~models.story.quotes.Quote` s, in article then text order."""

    @property
    def sources(self) -> tuple[int, ...]:
        return tuple(sorted({q.article for q in self.quotes}))


def group_speakers(quotes: Sequence) -> list[SpeakerGroup]:
    """Quotes grouped by speaker across sources, the speakers most sources quote first.

    Names match on their words (``الزيدي`` joins ``أحمد الزيدي``, ``احمد`` and ``أحمد`` match);
    an unnamed source (``مصادر محلية``) is only itself in its own article.
    """
    groups: dict[str, list] = {}
    for quote in quotes:
        key = speaker_key(quote.speaker)
        if quote.speaker.unattributed:
            key = f"{quote.article}:{key}"
        groups.setdefault(key, []).append(quote)
    for short in sorted(groups, key=lambda k: len(k.split())):
        words = short.split()
        longer = next((k for k in groups if ":" not in k + short and len(k.split()) > len(words)
                       and all(w in k.split() for w in words)), None)
        if longer is not None:
            groups[longer] += groups.pop(short)
    ordered = [sorted(members, key=lambda q: (q.article, q.start)) for members in groups.values()]
    ordered.sort(key=lambda ms: (-len({q.article for q in ms}), ms[0].article, ms[0].start))
    return [SpeakerGroup(max((q.speaker.name for q in ms), key=len), tuple(ms)) for ms in ordered]
