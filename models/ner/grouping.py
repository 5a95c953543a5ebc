"""Mentions of an article grouped into entities (``annotate``).

«حفتر», «خليفة حفتر», «اللواء المتقاعد خليفة حفتر» and «بحفتر» become one
person: leading titles and attached clitics are left out of the matching key,
and a shorter name joins the longest compatible name of the same type (its
words appear in that name, in order).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from models.arabic import normalize, proclitic_length, strip_clitics
from models.article import Article, Entity, Mention
from models.ner.features import tokenize
from models.ner.recognizer import Recognizer, default_recognizer

# Titles and ranks that precede a person's name but are not part of it (normalised).
TITLES = frozenset(normalize(w) for w in (
    "الرئيس", "رئيس", "الزعيم", "الوزير", "وزير", "وزيرة", "اللواء", "العميد", "العقيد", "الفريق", "المشير",
    "المتقاعد", "الركن", "الجنرال", "الشيخ", "السيد", "السيدة", "الملك", "الأمير", "الأميرة", "الدكتور", "د",
    "المبعوث", "المتحدث", "الناطق", "القائد", "النائب", "المستشار", "السفير", "الأمين", "العام", "المدير",
    "الحاج", "الإمام", "المفتي", "القاضي", "المحامي", "الرائد", "النقيب", "الأستاذ", "البروفيسور",
))


def _keys(words: list[str], known: Collection[str]) -> list[str]:
    """Matching keys of a name's words: normalised, clitics and the article removed."""
    out = []
    for word in words:
        key = strip_clitics(word, lexicon=known)
        if key.startswith("ال") and len(key) > 4:
            key = key[2:]
        out.append(key)
    return out


def _is_part(short: list[str], long: list[str]) -> bool:
    """Whether the words of ``short`` occur in ``long`` in the same order."""
    it = iter(long)
    return all(word in it for word in short)


def _trim(text: str, mention: Mention, known: Collection[str], *, titles: bool) -> tuple[int, int]:
    """The span of ``mention`` without a separable proclitic (and leading titles when ``titles``)."""
    spans = [(mention.start + s, mention.start + e) for s, e in tokenize(mention.text)]
    words = [text[s:e] for s, e in spans]
    first = 0
    if titles:
        while first < len(words) - 1 and normalize(words[first]) in TITLES:
            first += 1
    cut = proclitic_length(words[first], lexicon=known)
    if cut and words[first][cut - 1] == "ل" and words[first][cut:].startswith("ل"):
        cut -= 1  # ل + الـ is written لل: keep the preposition rather than show a broken article
    return spans[first][0] + cut, mention.end


def annotate(article: Article, *, recognizer: Recognizer | None = None) -> None:
    """Find the mentions of ``article.text`` (headline and body) and group them into entities.

    Fills ``article.mentions`` (display spans: a separable proclitic such as
    و/ب/ل is left out when the rest is a known or repeated name), each
    ``Mention.entity``, and ``article.entities`` sorted by importance (mention
    count, then presence in the summary, then first appearance); ``in_summary``
    comes from ``article.summary``.
    """
    recognizer = recognizer or default_recognizer()
    group_mentions(article, recognizer.find(article.text))


def group_mentions(article: Article, found: list[Mention]) -> None:
    """:func:`annotate` with the recogniser's mentions ``found`` in ``article.text`` given."""
    text = article.text
    known = {normalize(w) for m in found for w in m.text.split()}

    mentions = []
    for m in found:
        start, end = _trim(text, m, known, titles=False)
        mentions.append(Mention(start, end, m.type, text[start:end]))

    names: list[tuple[Mention, list[str], tuple[int, int]]] = []
    for m in mentions:
        start, end = _trim(text, m, known, titles=m.type == "PER")
        names.append((m, _keys(text[start:end].split(), known), (start, end)))

    groups: list[tuple[str, list[str], list[int]]] = []  # (type, longest keys, mention indices)
    order = sorted(range(len(names)), key=lambda i: (-len(names[i][1]), names[i][0].start))
    for i in order:
        mention, keys, _ = names[i]
        candidates = [g for g in groups if g[0] == mention.type and _is_part(keys, g[1])]
        if candidates:
            best = max(candidates, key=lambda g: (len(g[2]), len(g[1])))
            best[2].append(i)
        else:
            groups.append((mention.type, keys, [i]))

    summary = [(s.start, s.end) for s in article.summary_sentences]
    entities = []
    for kind, keys, members in groups:
        members.sort(key=lambda i: names[i][0].start)
        longest = [i for i in members if len(names[i][1]) == len(keys)]
        forms = Counter(text[slice(*names[i][2])] for i in longest)
        canonical = max(forms, key=lambda f: (forms[f], -len(f)))
        spans = [(names[i][0].start, names[i][0].end) for i in members]
        in_summary = any(a <= s < b for s, _ in spans for a, b in summary)
        entities.append((Entity(kind, canonical, spans, in_summary=in_summary), members))

    entities.sort(key=lambda e: (-e[0].count, not e[0].in_summary, e[0].mentions[0][0]))
    for index, (_, members) in enumerate(entities):
        for i in members:
            names[i][0].entity = index
    article.mentions = mentions
    article.entities = [e for e, _ in entities]
