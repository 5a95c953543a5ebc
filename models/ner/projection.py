"""Arabic entity mentions projected onto the English translation (``project``).

For each translated sentence, the target spans aligned (by the model's
attention) to an Arabic mention are united, snapped to whole words, trimmed
of lower-case edge words, extended over adjacent capitalised words, and kept
only when they contain a capitalised word: English names are capitalised, and
attention alignments are noisy. Each entity's most frequent projected form is
its English form when neither the user's glossary nor the name dictionary has
one; without either, the learned transliteration (``models.names``, see
docs/NAMES.md). A glossary name's aligned span in the English is replaced by
the glossary form.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from models.article import Article, Mention, Translation
from models.names import Glossary, current_glossary, glossary_spans, settle

_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
_EDGE_WORDS = frozenset("a an the of in on at to for from by with and or its his her their".split())
_MAX_EXTRA_WORDS = 3

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


def project(article: Article, *, glossary: Glossary | None = None) -> None:
    """Fill ``Translation.entity_spans`` of every translation and ``english``/``english_source`` of
    every entity, after applying the glossary (default: the user's) to the entity groups.

    Needs :func:`models.ner.annotate` first; translations without alignment
    get no spans. Overlapping projections keep the longer Arabic mention's.
    """
    glossary = current_glossary() if glossary is None else glossary
    settle(article, glossary=glossary)  # the glossary's removals and merges change the groups
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
    projected = {i: max(c, key=lambda f: (c[f], len(f))) for i, c in forms.items() if c}
    settle(article, projected, glossary=glossary)
    for translation in article.translations.values():
        glossary_spans(translation, article.entities)
