"""Letter-level forms of Arabic names: what the transliteration model reads, and Latin casing."""

from __future__ import annotations

import re

# Harakat, Quranic marks, superscript alef and tatweel carry no letters of their own.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_VARIANTS = str.maketrans({"ی": "ي", "ک": "ك", "ٱ": "ا"})


def source_chars(arabic: str) -> str:
    """``arabic`` without diacritics and tatweel, Persian letter variants folded, trimmed.

    Unlike :func:`models.arabic.normalize` it keeps hamza seats, ة and ى, which
    tell the transliteration how a word sounds.
    """
    return _MARKS.sub("", arabic).translate(_VARIANTS).strip()


_LOWER_PARTICLES = frozenset(("bin", "ibn", "bint"))


def title_case(latin: str) -> str:
    """``al-sarraj`` → ``al-Sarraj``, ``abdel fattah`` → ``Abdel Fattah``, ``osama bin laden`` →
    ``Osama bin Laden``."""
    words = []
    for n, word in enumerate(latin.split()):
        if n and word in _LOWER_PARTICLES:
            words.append(word)
            continue
        parts = word.split("-")
        words.append("-".join(p if i == 0 and p in ("al", "el") and len(parts) > 1 else p[:1].upper() + p[1:]
                              for i, p in enumerate(parts)))
    return " ".join(words)
