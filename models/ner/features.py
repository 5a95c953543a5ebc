"""Tokens and CRF features for the entity recogniser.

Text is cut into words and single punctuation marks (the ANERcorp convention),
each word is folded to a matching form (:func:`fold`) and split into a
separable proclitic and a stem (:func:`split_proclitic`). Features combine the
word, its affixes, lexicon and trigger lookups and word clusters with the same
lookups of the neighbouring words. Training and inference share this module,
so the shipped model and the running app always see the same features.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.arabic import normalize
from models.ner.lexicon import Lexicon

TOKEN_RE = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]+|[^\w\s]")
SENTENCE_END = frozenset(".!?؟")

_CONJ = "وف"
_PREP = "بلك"
_ARABIC = re.compile("[\u0621-\u064A]")
_LATIN = re.compile("[A-Za-z]")
_DIGIT = re.compile(r"\d")
_HAMZA = re.compile("[أإآ]")
_MAX_PHRASE = 6


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character spans of words and single punctuation marks in ``text``."""
    return [m.span() for m in TOKEN_RE.finditer(text)]


def sequences(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Token spans grouped into tagging sequences: lines, cut after sentence-final marks."""
    out: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    last_end = 0
    for start, end in spans:
        if current and "\n" in text[last_end:start]:
            out.append(current)
            current = []
        current.append((start, end))
        last_end = end
        if end - start == 1 and text[start] in SENTENCE_END:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def styles(text: str, seqs: list[list[tuple[int, int]]], *, window: int = 3) -> list[str]:
    """Annotation style per sequence: ``h`` when hamza on alef is written nearby, else ``n``."""
    marked = [bool(_HAMZA.search(text, seq[0][0], seq[-1][1])) for seq in seqs]
    return ["h" if any(marked[max(0, i - window):i + window + 1]) else "n" for i in range(len(seqs))]


def fold(word: str) -> str:
    """The matching form of a word (:func:`models.arabic.normalize`).

    ANERcorp keeps hamza on alef while NewsFANE drops it, so both are folded
    to one form before any lookup.
    """
    return normalize(word)


def split_proclitic(word: str) -> tuple[str, str]:
    """``(proclitic, stem)`` of a folded word: و/ف, then ب/ل/ك, then ال; the stem keeps ≥ 3 letters."""
    pre, rest = "", word
    if len(rest) > 3 and rest[0] in _CONJ:
        pre, rest = rest[0], rest[1:]
    if len(rest) > 3 and rest[0] in _PREP:
        if rest.startswith("لل") and len(rest) > 4:
            return pre + "لل", rest[2:]
        pre, rest = pre + rest[0], rest[1:]
    if len(rest) > 3 and rest.startswith("ال"):
        pre, rest = pre + "ال", rest[2:]
    return pre, rest


def stem_of(word: str) -> str:
    """The folded stem used for lexicon lookups and grouping."""
    return split_proclitic(fold(word))[1]


_STYLES = ("h", "n")
_OFFSETS = ("-2", "-1", "+1", "+2")


class _Word:
    """Precomputed feature strings of one token (in every position and style)."""

    __slots__ = ("base", "styled", "near", "stem")

    def __init__(self, own: list[str], shared: list[str], stem: str, keep: frozenset[str]) -> None:
        def kept(feats: list[str]) -> list[str]:
            return [f for f in feats if f in keep] if keep else feats

        self.base = kept(["b", *own, *shared])
        self.styled = {s: kept([s, s + own[0]] + [s + f for f in shared]) for s in _STYLES}
        self.near = {o: kept([o + f for f in shared]) for o in _OFFSETS}
        self.stem = stem


class FeatureExtractor:
    """Builds CRF feature lists for token sequences with one :class:`Lexicon`."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._cache: dict[str, _Word] = {}

    def _word(self, token: str) -> _Word:
        """Features of one token, cached."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        lex = self.lexicon
        w = fold(token)
        pre, stem = split_proclitic(w)
        own = ["w=" + w, "p=" + pre, "s2=" + stem[:2], "s3=" + stem[:3],
               "x1=" + w[-1:], "x2=" + w[-2:], "x3=" + w[-3:], "n=" + str(min(len(stem), 9))]
        if not _ARABIC.search(w):
            own.append("lat" if _LATIN.search(w) else "dig" if _DIGIT.search(w) else "pun")
        shared = ["s=" + stem]
        for key in {w, stem}:
            for tag in lex.gazetteer.get(key, ()):
                shared.append("g=" + tag)
            known = lex.known.get(key)
            if known:
                shared.append("k=" + known)
            trigger = lex.triggers.get(key)
            if trigger:
                shared.append("t=" + trigger)
        frequency = lex.frequency.get(stem, "0")
        own.append("f=" + frequency)
        person = lex.person.get(stem)
        if person:
            shared.append("pn=" + person)
            shared.append(f"pn={person}|f={frequency}")
        cluster = lex.clusters.get(stem) or lex.clusters.get(w)
        if cluster:
            own.extend(f"c{level}={c}" for level, c in enumerate(cluster[:-1]))
            shared.append("c=" + cluster[-1])
        result = _Word(own, sorted(set(shared)), stem, lex.attributes)
        if len(self._cache) < 200_000:
            self._cache[token] = result
        return result

    def _phrases(self, stems: list[str]) -> list[list[str]]:
        """B-/I- marks of multi-word lexicon phrases (gazetteer and known entities)."""
        marks: list[list[str]] = [[] for _ in stems]
        phrases = self.lexicon.phrases
        firsts = self.lexicon.phrase_firsts
        n = len(stems)
        for i, stem in enumerate(stems):
            if stem not in firsts:
                continue
            for length in range(min(_MAX_PHRASE, n - i), 1, -1):
                tag = phrases.get(" ".join(stems[i:i + length]))
                if tag:
                    marks[i].append("m=B-" + tag)
                    for j in range(i + 1, i + length):
                        marks[j].append("m=I-" + tag)
                    break
        return marks

    def sequence(self, tokens: Sequence[str], style: str = "") -> list[list[str]]:
        """Feature lists for one token sequence.

        ``style`` names the annotation convention to follow (``h``: ANERcorp,
        hamza written; ``n``: NewsFANE, normalised); the current token's word,
        stem, lexicon and cluster features are repeated with that prefix so
        the two conventions can differ where they disagree (feature augmentation).
        """
        words = [self._word(t) for t in tokens]
        stems = [w.stem for w in words]
        marks = self._phrases(stems)
        n = len(words)
        keep = self.lexicon.attributes
        out = []
        for i, word in enumerate(words):
            feats = word.base + marks[i]
            if style:
                feats += word.styled[style]
            if i == 0:
                feats.append("BOS")
            else:
                feats += words[i - 1].near["-1"]
                feats.extend("-1" + f for f in marks[i - 1])
                bigram = "bg=" + stems[i - 1] + "|" + word.stem
                if not keep or bigram in keep:
                    feats.append(bigram)
                if i > 1:
                    feats += words[i - 2].near["-2"]
            if i == n - 1:
                feats.append("EOS")
            else:
                feats += words[i + 1].near["+1"]
                if i < n - 2:
                    feats += words[i + 2].near["+2"]
            out.append(feats)
        return out
