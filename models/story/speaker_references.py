"""Whom a speaker phrase refers to: a title used alone (``الوزيرة``، ``المدير العام``) is the person the
article introduced earlier with that title, a programme's guest the person it interviews; a source a
sentence relays (``وفق ما أكده مصدر أمني``) is who a following ``وأضاف`` or ``ذات المصدر`` continues."""

from __future__ import annotations

from dataclasses import replace

from models.arabic import normalize
from models.article import Article, Sentence
from models.story.speaker_names import is_office, trailing_name
from models.story.speaker_words import DOCUMENTS, GUESTS, OFFICES, TITLE_KEYS
from models.story.speakers import Speaker, entity_name, speaker_in, to_outlet
from models.story.tokens import Token, forms, tokens

_TITLE_WINDOW = 6
"""Tokens around a person's mention searched for the title that introduced them."""
_GENERIC = forms("مسؤول", "مسؤولة")
"""Titles that stand for any office (``وأكد المسؤول``)."""
_RELAYS = forms("وفق", "وفقا", "حسب", "بحسب", "حسبما", "وحسب")
"""``وفق ما أكده X``، ``حسب X``: X is the source of what the sentence says."""
_RELAY_OBJECTS = forms("به", "بها")
_ADDRESSEE = 6
"""Most tokens of an addressee before the comma that sets the source after it."""


_REFERRING = (TITLE_KEYS | OFFICES) - {"احد"}
"""Title and office words (``الوزير``، ``المعتمد``) a later subject may use alone for a person."""


def _title_word(text: str) -> str:
    """The first word of ``text`` without the article, when it is a title or office (else ``""``)."""
    words = [w.removeprefix("ال") for w in normalize(text).split()]
    return words[0] if words and words[0] in _REFERRING else ""


def _is_title(token: Token, title: str) -> bool:
    """Whether ``token`` is ``title``, with or without the article (``وزير`` is no و + زير)."""
    return title in (token.norm.removeprefix("ال"), token.bare().removeprefix("ال"))


def _named(article: Article, before: int, known: list[Speaker]) -> list[tuple[int, int, Speaker]]:
    """``(start, words, person)`` for each person named before offset ``before``: the recogniser's
    mentions, and the last name of each ``known`` speaker wherever it stands (a name the recogniser
    typed as a place there, ``رياض الصيداوي``)."""
    found = [(m.start, len(m.text.split()), Speaker(entity_name(article, m), "PER", m.entity))
             for m in article.mentions if m.type == "PER" and m.end <= before]
    toks = tokens(article.text[:before])
    for speaker in known:
        words = normalize(speaker.name).split()
        if speaker.type == "PER" and words and len(words[-1]) >= 4:
            found += [(toks[max(k - 1, 0)].start, 2, speaker) for k, t in enumerate(toks)
                      if t.norm == words[-1]]  # from the word before: a first name may precede it
    return sorted(found, key=lambda f: -f[0])


def by_title(
    article: Article, speaker: Speaker, before: int, known: list[Speaker], previous: Speaker | None = None
) -> Speaker:
    """The person introduced with ``speaker``'s title before offset ``before`` (``الوزيرة`` after
    ``وزيرة المرأة، نزيهة العبيدي``): a ``known`` earlier speaker given that title, else a person
    named near that title in the text, else an earlier speaker's phrase of that title and a name
    (``وزيرة السياحة سلمى اللومي``), else the ``previous`` speaker when a person introduced with no
    other title (``وأضاف رئيس الحكومة`` after ``قال يوسف الشاهد``; ``المسؤول`` after any title); else
    ``speaker`` unchanged (``وقال رئيس الجامعة`` after ``المندوبة الجهوية … سلوى بن عمر``)."""
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
    for start, words, person in _named(article, before, known):
        at = next((k for k, t in enumerate(toks) if t.start >= start), len(toks))
        near = toks[max(0, at - _TITLE_WINDOW):at] + toks[at:at + _TITLE_WINDOW + words]
        within = _sentence_span(article, start)
        if any(_is_title(t, title) and within[0] <= t.start < within[1] for t in near):
            return replace(speaker, name=person.name, type="PER", entity=person.entity)
    phrase = next((s for s in reversed(known) if not s.unattributed and s.type != "PER"
                   and _title_word(s.name) == title and len(s.name.split()) > 3), None)
    if phrase is not None:
        return phrase
    if previous is not None and previous.type == "PER" and (
            not _title_word(previous.role) or title in (_title_word(previous.role), *_GENERIC)):
        return previous
    return speaker


def _sentence_span(article: Article, at: int) -> tuple[int, int]:
    """The sentence holding offset ``at`` (the headline before the first sentence): a title is looked
    for there only, not in the next sentence."""
    first = article.sentences[0].start if article.sentences else len(article.text)
    return next(((s.start, s.end) for s in article.sentences if s.start <= at < s.end), (0, first))


def _first_person(article: Article, before: int, speaker: Speaker) -> Speaker:
    """The first person the article names before offset ``before`` (else ``speaker`` unchanged)."""
    mention = next((m for m in article.mentions if m.type == "PER" and m.end <= before), None)
    if mention is None:
        return speaker
    return replace(speaker, name=entity_name(article, mention), type="PER", entity=mention.entity)


def _document(token: Token) -> bool:
    """Whether ``token`` names a statement's document (``بلاغ``، ``البيان``)."""
    return token.norm.removeprefix("ال") in DOCUMENTS


def relayed_source(article: Article, sentence: Sentence) -> Speaker | None:
    """The source ``sentence`` relays last (``… وفق ما أكده مدير المستشفى عماد العبعاب``، ``حسب ما أفاد
    به مصدر أمني``): after ``ما`` and its verb any speaker, without them (``وفق المدير الجهوي …``) only
    a recognised name or an unnamed source."""
    toks = tokens(sentence.text, sentence.start)
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].norm not in _RELAYS:
            continue
        verbal = toks[k].norm == "حسبما" or k + 1 < len(toks) and toks[k + 1].norm == "ما"
        begin = k + (1 if toks[k].norm == "حسبما" else 2 if verbal else 1) + (1 if verbal else 0)
        if begin < len(toks) and toks[begin].norm in _RELAY_OBJECTS:
            begin += 1
        if begin + 1 < len(toks) and toks[begin].norm == "في" and _document(toks[begin + 1]):
            begin += 1  # وفق ما جاء في بلاغ لوزارة الدفاع: the document's issuer
        if begin < len(toks) and to_outlet(toks[begin]):  # صرح به للجوهرة أف أم، الصحفي …: the addressee
            begin = next((j for j in range(begin + 1, min(begin + _ADDRESSEE, len(toks)))
                          if "،" in article.text[toks[j - 1].end:toks[j].start]), len(toks))
        if begin >= len(toks):
            return None
        source = speaker_in(article, toks[begin].start, sentence.end, named_only=not verbal)
        if source is not None and source.type == "" and not source.unattributed and is_office(toks[begin]):
            name = trailing_name(article, toks[begin:], frames=False)
            return replace(source, name=name, type="PER", role=source.name) if name else source
        return source
    return None
