"""Arabic matching forms: normalisation, word tokens with spans, clitics, light stemming.

Everything here produces *matching* forms used to compare words (summariser,
entity recogniser); the text shown to the user is never altered. Offsets
returned by :func:`word_spans` index the original text.

The stemmer is a light (affix-stripping) stemmer in the spirit of Larkey's
Light10: it removes the conjunction و, the article and preposition+article
prefixes, and common plural/dual/feminine/pronoun suffixes. It does not try to
find roots, which is both faster and more robust for news text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from models.paths import bundled_data_dir

__all__ = [
    "STOP_WORDS",
    "STOP_WORD_FORMS",
    "is_stop_word",
    "normalize",
    "proclitic_length",
    "stem",
    "strip_clitics",
    "word_spans",
    "words",
]

# Harakat, Quranic marks, superscript alef and tatweel: dropped for matching.
_DIACRITICS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_DIACRITICS_RE = re.compile(f"[{_DIACRITICS}]")
_TRANSLATE = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    # Arabic-Indic and Persian digits match ASCII digits.
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
})
# A word: letters or digits, with any diacritics/tatweel inside it.
_WORD_RE = re.compile(f"(?:[^\\W_]|[{_DIACRITICS}])+")

_CONJUNCTIONS = ("و", "ف")
_ARTICLE_PREFIXES = ("بال", "كال", "فال", "وال", "ال")
_PREPOSITIONS = ("ب", "ك", "ل")
# Light10 suffixes (normalised: ية -> يه), tried in this order, each at most once.
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


def normalize(text: str) -> str:
    """The matching form of ``text``.

    Removes diacritics and tatweel, folds hamza/alef forms to ا, ى to ي, ة to ه,
    ؤ to و, ئ to ي, Persian letter variants to Arabic, Arabic-Indic digits to
    ASCII, and lower-cases Latin letters. The result may be shorter than the
    input; use :func:`word_spans` for offsets into the original text.
    """
    return _DIACRITICS_RE.sub("", text).translate(_TRANSLATE).lower()


def word_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every word (Arabic, Latin or number) in ``text``."""
    return [m.span() for m in _WORD_RE.finditer(text)]


def words(text: str) -> list[str]:
    """The normalised words of ``text``, in order."""
    return [normalize(m.group()) for m in _WORD_RE.finditer(text)]


def _letters(word: str) -> list[int]:
    """Positions in ``word`` of the characters that survive normalisation."""
    return [i for i, ch in enumerate(word) if not _DIACRITICS_RE.match(ch)]


def _proclitic_count(norm: str, lexicon: frozenset[str] | set[str] | None) -> int:
    """How many leading letters of normalised ``norm`` are و/ف/ب/ك/ل clitics (not the article)."""
    count = 0
    rest = norm
    if rest[:1] in _CONJUNCTIONS and len(rest) > 3 and (
        rest[1:3] == "ال" or rest[1:3] == "لل" or rest[1:4] in ("بال", "كال")
        or (lexicon is not None and rest[1:] in lexicon)
    ):
        count, rest = 1, rest[1:]
    if rest[:1] in _PREPOSITIONS and len(rest) > 3 and (
        rest[1:3] == "ال" or (rest[0] == "ل" and rest[1] == "ل")
        or (lexicon is not None and rest[1:] in lexicon)
    ):
        count += 1
    return count


def proclitic_length(word: str, *, lexicon: frozenset[str] | set[str] | None = None) -> int:
    """Characters at the start of ``word`` (as displayed) that are attached clitics.

    Counts the conjunctions و/ف and the prepositions ب/ك/ل when they stand
    before the article (``والقاهرة``, ``بالقاهرة``, ``للجيش``) or, when a
    ``lexicon`` of normalised forms is given, before a known word
    (``ولبنان`` with ``لبنان`` in the lexicon). The article itself is kept.
    """
    norm = normalize(word)
    count = _proclitic_count(norm, lexicon)
    if not count:
        return 0
    return _letters(word)[count]


def strip_clitics(word: str, *, lexicon: frozenset[str] | set[str] | None = None) -> str:
    """The normalised form of ``word`` without attached conjunction/preposition clitics.

    ``وبالقاهرة`` -> ``القاهره``; ``للجيش`` -> ``الجيش`` (ل + الجيش);
    ``ولبنان`` -> ``لبنان`` only when ``لبنان`` is in ``lexicon``.
    """
    norm = normalize(word)
    count = _proclitic_count(norm, lexicon)
    rest = norm[count:]
    if count and rest.startswith("ل") and norm[count - 1] == "ل":
        return "ا" + rest  # ل + لـ (the article after ل loses its alef)
    return rest


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem of ``word`` (normalised first), for matching word variants."""
    w = normalize(word)
    if len(w) >= 4 and w[0] == "و":
        w = w[1:]
    for prefix in _ARTICLE_PREFIXES:
        if w.startswith(prefix) and len(w) - len(prefix) >= 2:
            w = w[len(prefix):]
            break
    else:
        if w.startswith("لل") and len(w) >= 5:
            w = w[2:]
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            w = w[: -len(suffix)]
    return w


def _load_stop_words() -> frozenset[str]:
    path = bundled_data_dir() / "stopwords-ar.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(normalize(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


STOP_WORDS: frozenset[str] = _load_stop_words()
"""Arabic function words (particles, pronouns, prepositions, …) in normalised form."""

STOP_WORD_FORMS: frozenset[str] = STOP_WORDS | frozenset(
    clitic + word for word in STOP_WORDS if len(word) > 1 for clitic in _CONJUNCTIONS + _PREPOSITIONS
)
""":data:`STOP_WORDS` also with one و/ف/ب/ك/ل clitic attached (``وهو``, ``فإن``), for whole-token checks."""


def is_stop_word(word: str) -> bool:
    """Whether ``word`` is a function word, also with a و/ف/ب/ك/ل clitic attached."""
    return normalize(word) in STOP_WORD_FORMS
