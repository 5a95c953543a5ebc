"""A letter-by-letter Latin spelling of Arabic: the fallback when the learned model is missing.

It is also the baseline ``bench/names_eval.py`` measures the learned model against.
"""

from __future__ import annotations

_LETTERS = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "aa", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h",
    "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "ة": "a", "ى": "a", "ء": "", "ؤ": "u", "ئ": "i",
}


def letter_spelling(arabic: str) -> str:
    """A rough Latin spelling of an Arabic name («طه حسين» → «Th Hsin», «القاهرة» → «al-Qahra»)."""
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


