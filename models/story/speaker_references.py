"""Whom a speaker phrase refers to: a title used alone (``الوزيرة``، ``المدير العام``) is the person the
article introduced earlier with that title, a programme's guest the person it interviews."""

from __future__ import annotations

from dataclasses import replace

from models.arabic import normalize
from models.article import Article
from models.story.speakers import GUESTS, TITLE_KEYS, Speaker, entity_name
from models.story.tokens import tokens

_TITLE_WINDOW = 6
"""Tokens around a person's mention searched for the title that introduced them."""


def _title_word(text: str) -> str:
    """The first word of ``text`` without the article, when it is a title (else ``""``)."""
    words = [w.removeprefix("ال") for w in normalize(text).split()]
    return words[0] if words and words[0] in TITLE_KEYS else ""


def by_title(article: Article, speaker: Speaker, before: int, known: list[Speaker]) -> Speaker:
    """The person introduced with ``speaker``'s title before offset ``before`` (``الوزيرة`` after
    ``وزيرة المرأة، نزيهة العبيدي``): a ``known`` earlier speaker given that title, else a person
    named near that title in the text; else ``speaker`` unchanged."""
    title = _title_word(speaker.name)
    if speaker.type == "PER" or speaker.unattributed or not title:
        return speaker
    if title in GUESTS:
        guest = next((s for s in reversed(known) if s.type == "PER"), None)
        return guest or _first_person(article, before, speaker)
    earlier = next((s for s in reversed(known) if s.type == "PER" and _title_word(s.role) == title), None)
    if earlier is not None:
        return earlier
    toks = tokens(article.text[:before])
    people = [m for m in article.mentions if m.type == "PER" and m.end <= before]
    for mention in reversed(people):
        at = next((k for k, t in enumerate(toks) if t.start >= mention.start), len(toks))
        near = toks[max(0, at - _TITLE_WINDOW):at] + toks[at:at + _TITLE_WINDOW + len(mention.text.split())]
        if any(t.bare().removeprefix("ال") == title for t in near):
            return replace(speaker, name=entity_name(article, mention), type="PER", entity=mention.entity)
    return speaker


def _first_person(article: Article, before: int, speaker: Speaker) -> Speaker:
    """The first person the article names before offset ``before`` (else ``speaker`` unchanged)."""
    mention = next((m for m in article.mentions if m.type == "PER" and m.end <= before), None)
    if mention is None:
        return speaker
    return replace(speaker, name=entity_name(article, mention), type="PER", entity=mention.entity)
