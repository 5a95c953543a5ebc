"""Arabic entity mentions projected onto the English translation (``project``).

For each translated sentence, the target spans aligned (by the model's
attention) to an Arabic mention are united, snapped to whole words, trimmed
of lower-case edge words, extended over adjacent capitalised words, and kept
only when they contain a capitalised word: English names are capitalised, and
attention alignments are noisy. Each entity's English form is its most
frequent projected form, or a rough transliteration of its Arabic canonical
form when nothing projects (see docs/NER.md).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from models.article import Article, Mention, Translation

_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
_EDGE_WORDS = frozenset("a an the of in on at to for from by with and or its his her their".split())
_MAX_EXTRA_WORDS = 3

_LETTERS = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "aa", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h",
    "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "ة": "a", "ى": "a", "ء": "", "ؤ": "u", "ئ": "i",
}


def transliterate(arabic: str) -> str:
    """A rough Latin spelling of an Arabic name («خليفة حفتر» → «Khlifa Hftr», «القاهرة» → «al-Qahra»)."""
    words = []
    for word in arabic.split():
        out = []
        for i, ch in enumerate(word):
            if ch in "وي":
                vowel = 0 < i and word[i - 1] not in "اوي"
                out.append(("u" if ch == "و" else "i") if vowel else ("w" if ch == "و" else "y"))
            else:
                out.append(_LETTERS.get(ch, ch if ch.isascii() else ""))
        latin = "".join(out)
        if latin.startswith("al") and word.startswith("ال") and len(latin) > 3:
            words.append("al-" + latin[2:].capitalize())
        elif latin:
            words.append(latin[0].upper() + latin[1:])
    return " ".join(words)


def _words(target: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(target)]


def _capitalised(target: str, span: tuple[int, int]) -> bool:
    return target[span[0]].isupper() or target[span[0]].isdigit()


def english_span(translation: Translation, start: int, end: int) -> tuple[int, int] | None:
    """The English span for the source characters ``start:end`` (relative to the sentence), if any."""
    target = translation.target
    aligned = [(ts, te) for ss, se, ts, te in translation.alignment if ss < end and se > start and te > ts]
    if not aligned:
        return None
    words = _words(target)
    lo, hi = min(s for s, _ in aligned), max(e for _, e in aligned)
    chosen = [i for i, (ws, we) in enumerate(words) if ws < hi and we > lo]
    if not chosen:
        return None
    first, last = chosen[0], chosen[-1]
    if last - first > len(aligned) + _MAX_EXTRA_WORDS:
        return None

    def name_word(i: int) -> bool:
        return _capitalised(target, words[i]) and target[slice(*words[i])].lower() not in _EDGE_WORDS

    while first <= last and not name_word(first):
        first += 1
    while last >= first and not name_word(last):
        last -= 1
    if first > last:
        return None
    while first > 0 and name_word(first - 1):
        first -= 1
    while last + 1 < len(words) and name_word(last + 1):
        last += 1
    s, e = words[first][0], words[last][1]
    if target.endswith(("'s", "’s"), s, e):
        e -= 2
    return s, e


def _sentence_mentions(article: Article) -> dict[int, list[Mention]]:
    out: dict[int, list[Mention]] = defaultdict(list)
    for mention in article.mentions:
        sentence = article.sentence_at(mention.start)
        if sentence is not None and mention.entity is not None and mention.end <= sentence.end:
            out[sentence.index].append(mention)
    return out


def project(article: Article) -> None:
    """Fill ``Translation.entity_spans`` of every translation and ``Entity.english`` of every entity.

    Needs :func:`models.ner.annotate` first; translations without alignment
    get no spans. Overlapping projections keep the longer Arabic mention's.
    """
    by_sentence = _sentence_mentions(article)
    forms: dict[int, Counter] = defaultdict(Counter)
    for index, translation in article.translations.items():
        sentence = article.sentences[index]
        spans: list[tuple[int, int, int]] = []
        mentions = sorted(by_sentence.get(index, []), key=lambda m: m.start - m.end)
        for mention in mentions:
            span = english_span(translation, mention.start - sentence.start, mention.end - sentence.start)
            if span is None or any(s < span[1] and span[0] < e for s, e, _ in spans):
                continue
            spans.append((span[0], span[1], mention.entity))
            forms[mention.entity][translation.target[span[0]:span[1]]] += 1
        translation.entity_spans = sorted(spans)
    for i, entity in enumerate(article.entities):
        if forms[i]:
            entity.english = max(forms[i], key=lambda f: (forms[i][f], len(f)))
        else:
            entity.english = transliterate(entity.canonical)
