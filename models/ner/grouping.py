"""Mentions of an article grouped into entities (``annotate``).

«زغلول», «سعد زغلول», «الزعيم سعد زغلول» and «بزغلول» become one
person: leading titles and attached clitics are left out of the matching key,
and a shorter name joins the longest compatible name of the same type (its
words appear in that name, in order).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from models.arabic import normalize, proclitic_length, strip_clitics
from models.article import Article, Entity, Mention
from models.ner.lexicon import TRIGGERS
from models.ner.recognizer import Recognizer, default_recognizer
from models.ner.span_rules import PARTICLES

# Titles and ranks that precede a person's name but are not part of it (normalised).
TITLES = frozenset(normalize(w) for w in (
    "الرئيس", "رئيس", "الزعيم", "الوزير", "وزير", "وزيرة", "اللواء", "العميد", "العقيد", "الفريق", "المشير",
    "المتقاعد", "الركن", "الجنرال", "الشيخ", "السيد", "السيدة", "الملك", "الأمير", "الأميرة", "الدكتور", "د",
    "المبعوث", "المتحدث", "الناطق", "القائد", "النائب", "المستشار", "السفير", "الأمين", "العام", "المدير",
    "الحاج", "الإمام", "المفتي", "القاضي", "المحامي", "الرائد", "النقيب", "الأستاذ", "البروفيسور",
))


_HEADS = frozenset(normalize(w) for words in TRIGGERS.values() for w in words)  # «لوكالة» → «وكالة»
_TIE_ORDER = ("PER", "ORG", "LOC", "MISC")
_COMPOUND_HEADS = frozenset(normalize(w) for w in ("عبد", "أبو", "أبي", "أبا"))


def _joined(words: list[str]) -> list[str]:
    """``عبد الفتاح`` as one word, like ``عبدالفتاح``: compound names are written both ways."""
    out: list[str] = []
    for word in words:
        if out and normalize(out[-1]) in _COMPOUND_HEADS:
            out[-1] += word
        else:
            out.append(word)
    return out


def _conjoined_particle(word: str) -> bool:
    """``وبن``, ``فأبو``: a conjunction on a name particle (too short for the general clitic rule)."""
    norm = normalize(word)
    return len(norm) > 2 and norm[0] in "وف" and norm[1:] in PARTICLES


def _keys(words: list[str], known: Collection[str]) -> list[str]:
    """Matching keys of a name's words: normalised, compounds joined, clitics and the article removed."""
    out = []
    if words and _conjoined_particle(words[0]):
        words = [words[0][1:], *words[1:]]
    for word in _joined(words):
        key = strip_clitics(word, lexicon=known)
        if key.startswith("ال") and len(key) > 4:
            key = key[2:]
        out.append(key)
    return out


def _is_part(short: list[str], long: list[str]) -> bool:
    """Whether the words of ``short`` occur in ``long`` in the same order."""
    it = iter(long)
    return all(word in it for word in short)


def _trim_clitic(text: str, mention: Mention, known: Collection[str]) -> Mention:
    """``mention`` without a separable proclitic on its first word."""
    first = text[mention.start:mention.start + len(mention.text.split()[0])]
    cut = 1 if _conjoined_particle(first) else proclitic_length(first, lexicon=known)
    if cut and first[cut - 1] == "ل" and first[cut:].startswith("ل"):
        cut -= 1  # ل + الـ is written لل: keep the preposition rather than show a broken article
    start = mention.start + cut
    return Mention(start, mention.end, mention.type, text[start:mention.end])


def _without_preposition(form: str, known: Collection[str], names: Collection[str]) -> str:
    """A displayed form that kept ل on ل + الـ (``للجيش الليبي``) as a name is written alone:
    ``الجيش الليبي``; ل + a name that starts with ل (``للبنان``: ``لبنان`` in ``names`` and
    ``بنان`` not a known word) → ``لبنان``."""
    first = form.split()[0]
    cut = proclitic_length(first, lexicon=known)
    if not (cut and first[cut - 1] == "ل" and first[cut:].startswith("ل")):
        return form
    rest = form[cut:]
    if normalize(first[cut:]) in names and normalize(first[cut + 1:]) not in known:
        return rest
    return "ا" + rest


def _name_span(text: str, mention: Mention) -> tuple[int, int]:
    """The span of a person's name without leading titles (``اللواء المتقاعد``)."""
    words = list(re.finditer(r"\S+", mention.text))
    first = 0
    while first < len(words) - 1 and normalize(words[first].group()) in TITLES:
        first += 1
    return mention.start + words[first].start(), mention.end


def _one_type_per_name(mentions: list[Mention], known: Collection[str]) -> list[Mention]:
    """Within one article a name keeps one type: the one most of its mentions carry, ties
    going to the more reliable type (PER, ORG, LOC, then MISC), so «عبدالفتاح السيسي»
    tagged once as PER and once as MISC is one person."""
    keys = [tuple(_keys(m.text.split(), known)) for m in mentions]
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for m, key in zip(mentions, keys, strict=True):
        votes.setdefault(key, Counter())[m.type] += 1
    for m, key in zip(mentions, keys, strict=True):
        counts = votes[key]
        m.type = max(counts, key=lambda kind: (counts[kind], -_TIE_ORDER.index(kind)))
    return mentions


def annotate(article: Article, *, recognizer: Recognizer | None = None) -> None:
    """Find the mentions of ``article.text`` (headline and body) and group them into entities.

    Fills ``article.mentions`` (display spans: a separable proclitic such as
    و/ب/ل is left out when the rest is a known or repeated name), each
    ``Mention.entity``, and ``article.entities`` sorted by importance (mention
    count, then presence in the summary, then first appearance); ``in_summary``
    comes from ``article.summary``.
    """
    recognizer = recognizer or default_recognizer()
    found = recognizer.complete(article.text, recognizer.find(article.text))
    group_mentions(article, found, recognizer.lexicon.names)


def group_mentions(article: Article, found: list[Mention], names: Collection[str] = frozenset()) -> None:
    """:func:`annotate` given the recogniser's mentions ``found`` in ``article.text``.

    ``names``: normalised words known as names (``Lexicon.names``), for clitic trimming.
    """
    text = article.text
    known = {normalize(w) for m in found for w in m.text.split()} | set(names) | _HEADS

    mentions = _one_type_per_name([_trim_clitic(text, m, known) for m in found], known)
    named: list[tuple[Mention, list[str], tuple[int, int]]] = []
    for m in mentions:
        start, end = _name_span(text, m) if m.type == "PER" else (m.start, m.end)
        named.append((m, _keys(text[start:end].split(), known), (start, end)))

    groups: list[tuple[str, list[str], list[int]]] = []  # (type, longest keys, mention indices)
    by_word: dict[tuple[str, str], list[int]] = {}  # (type, key word) -> groups holding it
    order = sorted(range(len(named)), key=lambda i: (-len(named[i][1]), named[i][0].start))
    for i in order:
        mention, keys, _ = named[i]
        near = by_word.get((mention.type, keys[-1]), []) if keys else []
        candidates = [groups[g] for g in near if _is_part(keys, groups[g][1])]
        if candidates:
            best = max(candidates, key=lambda g: (len(g[2]), len(g[1])))
            best[2].append(i)
        else:
            for word in set(keys):
                by_word.setdefault((mention.type, word), []).append(len(groups))
            groups.append((mention.type, keys, [i]))

    summary = [(s.start, s.end) for s in article.summary_sentences]
    entities = []
    for kind, keys, members in groups:
        members.sort(key=lambda i: named[i][0].start)
        # people and organisations are named by their full form; places by their usual one
        # («مصر», not the «مصر العربية» of one «جمهورية مصر العربية»)
        usual = members if kind == "LOC" else [i for i in members if len(named[i][1]) == len(keys)]
        forms = Counter(_without_preposition(text[slice(*named[i][2])], known, names) for i in usual)
        canonical = max(forms, key=lambda f: (forms[f], -len(f)))
        spans = [(named[i][0].start, named[i][0].end) for i in members]
        in_summary = any(a <= s < b for s, _ in spans for a, b in summary)
        entities.append((Entity(kind, canonical, spans, in_summary=in_summary), members))

    entities.sort(key=lambda e: (-e[0].count, not e[0].in_summary, e[0].mentions[0][0]))
    for index, (_, members) in enumerate(entities):
        for i in members:
            named[i][0].entity = index
    article.mentions = mentions
    article.entities = [e for e, _ in entities]
