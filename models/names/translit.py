"""Learned transliteration of Arabic names (a character transformer run by CTranslate2).

The model (``models/data/translit``, made by ``training/train_translit.py``)
proposes spellings of one Arabic word at a time in lower-case English letters
and :mod:`models.names.ranking` picks one, preferring real Latin-script words
and re-scoring with the English→Arabic model (``models/data/translit-reverse``).
Around it,
:func:`spell_name` applies the conventions the model cannot see in one word:
the article («الـ» → "al-"), «عبد» compounds ("Abdel Fattah", "Abdullah"), «بن»
("bin"), «أبو» ("Abu"); ta marbuta is in the training pairs. Words listed in the
name dictionary are spelt as listed (:func:`spell_name`'s ``known``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from models.errors import KhulasaError
from models.names.letters import letter_spelling
from models.names.ranking import RANKING, rank
from models.names.script import source_chars, title_case
from models.names.spellings import default_spellings
from models.paths import bundled_data_dir

MODEL_DIR = bundled_data_dir() / "translit"
REVERSE_DIR = bundled_data_dir() / "translit-reverse"  # English→Arabic, re-scores candidate spellings
_MAX_WORD = 40

# Name particles spelt by convention rather than letter by letter.
_PARTICLES = {"بن": "bin", "ابن": "ibn", "بنت": "bint", "أبو": "abu", "ابو": "abu", "أبي": "abi",
              "أبا": "aba", "آل": "al", "عبد": "abd"}
# «عبد الله» is one word in English ("Abdullah"); other «عبد» compounds keep the article form
# ("Abdel Fattah", "Abdel Rahman"); without the article it is "Abd" («عبد ربه» → "Abd Rabbo").
_ABD_ALLAH = {"الله": "abdullah", "لله": "abdullah"}


class _Models:
    """The CTranslate2 translators, built on first use (one pair per process)."""

    _lock = threading.Lock()
    _forward = None
    _reverse: object | None = None
    _reverse_tried = False

    @staticmethod
    def _open(path):
        import ctranslate2

        try:
            return ctranslate2.Translator(str(path), device="cpu", inter_threads=1, intra_threads=1)
        except (RuntimeError, ValueError, OSError) as exc:
            raise KhulasaError(f"{path}: unreadable transliteration model ({exc})") from exc

    @classmethod
    def forward(cls):
        with cls._lock:
            if cls._forward is None:
                if not (MODEL_DIR / "model.bin").is_file():
                    raise KhulasaError(f"{MODEL_DIR}: the transliteration model is missing "
                                       "(python -m training.train_translit)")
                cls._forward = cls._open(MODEL_DIR)
            return cls._forward

    @classmethod
    def reverse(cls):
        """The re-scoring model, or None when it is missing or unreadable (ranking then goes without it)."""
        with cls._lock:
            if not cls._reverse_tried:
                cls._reverse_tried = True
                try:
                    cls._reverse = cls._open(REVERSE_DIR) if (REVERSE_DIR / "model.bin").is_file() else None
                except KhulasaError:
                    cls._reverse = None
            return cls._reverse


_cache: dict[str, str] = {}  # Arabic word → the chosen spelling (names repeat across articles)


def spell_words(words: list[str]) -> list[str]:
    """The chosen lower-case spelling of each Arabic word (no conventions applied).

    Raises:
        KhulasaError: the model is missing or unreadable.
    """
    todo = [w for w in dict.fromkeys(words) if w not in _cache]
    if todo:
        results = _Models.forward().translate_batch(
            [list(w[:_MAX_WORD]) for w in todo], beam_size=RANKING.candidates,
            num_hypotheses=RANKING.candidates, return_scores=True, max_decoding_length=_MAX_WORD + 10)
        spellings, reverse = default_spellings(), _Models.reverse()
        for word, result in zip(todo, results, strict=True):
            hypotheses = [("".join(h), s) for h, s in zip(result.hypotheses, result.scores, strict=True)]
            _cache[word] = rank(word[:_MAX_WORD], hypotheses, spellings, reverse)
    return [_cache[w] for w in words]


def _split_article(word: str) -> tuple[str, str]:
    """``("al-", rest)`` for «الـ» + a word of three letters or more, else ``("", word)``."""
    for prefix in ("ال", "أل"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            return "al-", word[len(prefix):]
    return "", word


def _plan(words: list[str]) -> list[tuple[str, str]]:
    """``(fixed Latin, Arabic word left to spell)`` per name word, after the conventions."""
    plan: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        word, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
        if word.isascii():
            plan.append((word, ""))
        elif word == "عبد" and nxt in _ABD_ALLAH:
            plan.append((_ABD_ALLAH[nxt], ""))
            i += 1
        elif word == "عبد" and nxt.startswith("ال") and len(nxt) > 3:
            plan.append(("abdel ", nxt[2:]))
            i += 1
        elif word in _PARTICLES and nxt:
            plan.append((_PARTICLES[word], ""))
        elif word[:1] in "وف" and word[1:] in _PARTICLES and nxt:  # «وبن», the recogniser kept the و
            plan.append((_PARTICLES[word[1:]], ""))
        elif word.startswith("عبد") and len(word) > 5 and word[3:5] == "ال":
            rest = word[5:]
            plan.append(("abdullah", "") if rest in ("له", "لة") else ("abdel ", rest))
        else:
            plan.append(_split_article(word))
        i += 1
    return plan


def spell_name(arabic: str, known: Callable[[str], str | None] | None = None) -> tuple[str, bool]:
    """An English spelling of an Arabic name and whether every word came from ``known``.

    ``known(word)`` gives a listed lower-case spelling of one word (or None);
    the other words are spelt by the model, or letter by letter when the model
    is missing. Latin words are kept. «جمال عبد الناصر» → ("Jamal Abdel Nasser", False).
    """
    plan = _plan(source_chars(arabic).split())
    listed = {w: known(w) for _, w in plan if w and known is not None}
    rest = [w for _, w in plan if w and not listed.get(w)]
    try:
        spelt = dict(zip(rest, spell_words(rest), strict=True))
    except KhulasaError:
        spelt = {w: letter_spelling(w).lower() for w in rest}
    latin = [prefix + (listed.get(w) or spelt[w] if w else "") for prefix, w in plan]
    return title_case(" ".join(p for p in latin if p.strip())), not rest
