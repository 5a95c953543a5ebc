"""Which language an article is in: Arabic, or Persian, Urdu, English (or unknown).

Summaries, entities and translation are built for Arabic. Persian and Urdu
share its script, so they are told apart by what only they write: Urdu by its
own letters (ٹ ڈ ڑ ں ے ہ) and function words, Persian by پ چ ژ گ and its
function words (not by its keheh and yeh, ک ی, which Arabic typed on a Persian
keyboard has too). A text mostly in Latin letters with
English function words is English.
"""

from __future__ import annotations

import re

from models.article import Article
from models.errors import LanguageError

NAMES = {"ar": "Arabic", "fa": "Persian", "ur": "Urdu", "en": "English", "und": "not Arabic"}

_ARABIC_SCRIPT_WORD = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]+")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_URDU_LETTERS = re.compile("[\u0679\u0688\u0691\u06ba\u06d2\u06c1\u06be\u06d3]")  # ٹ ڈ ڑ ں ے ہ ھ ۓ
_PERSIAN_LETTERS = re.compile("[\u067e\u0686\u0698\u06af]")  # پ چ ژ گ
_URDU_WORDS = frozenset("کے کی ہے ہیں اور میں سے کو نے یہ وہ تھا تھی گیا کیا".split())
_PERSIAN_WORDS = frozenset(
    "است این آن که را می از با برای های شده کرد کند شود بود یک هم نیز اين كه براي".split())
_ENGLISH_WORDS = frozenset("the of and to in is was for on that with by as are from at it".split())
_URDU_SHARE = 0.05  # of Arabic-script words with an Urdu letter or function word
_PERSIAN_SHARE = 0.08
_LATIN_MAJORITY = 0.5  # share of letters in Latin words from which a text is not Arabic
_MIN_WORDS = 3


def detect_language(text: str) -> str:
    """ISO 639-1 code of the main language of ``text``: "ar", "fa", "ur", "en", or "und"."""
    script = _ARABIC_SCRIPT_WORD.findall(text)
    latin = _LATIN_WORD.findall(text)
    script_letters, latin_letters = sum(map(len, script)), sum(map(len, latin))
    if script_letters + latin_letters == 0:
        return "und"
    if latin_letters > _LATIN_MAJORITY * (script_letters + latin_letters):
        english = sum(w.lower() in _ENGLISH_WORDS for w in latin)
        return "en" if len(latin) >= _MIN_WORDS and english >= 0.05 * len(latin) else "und"
    if len(script) < _MIN_WORDS:
        return "ar"
    urdu = sum(bool(_URDU_LETTERS.search(w)) or w in _URDU_WORDS for w in script)
    if urdu > _URDU_SHARE * len(script):
        return "ur"
    persian = sum(bool(_PERSIAN_LETTERS.search(w)) or w in _PERSIAN_WORDS for w in script)
    return "fa" if persian > _PERSIAN_SHARE * len(script) else "ar"


def not_arabic_reason(article: Article) -> str | None:
    """Why summaries, entities and translation do not apply to ``article``; None for Arabic."""
    if article.language == "ar":
        return None
    name = NAMES.get(article.language, "not Arabic")
    what = f"the text is {name}" if article.language != "und" else "the text is not Arabic"
    return f"{what}: summaries, entities and translation are for Arabic text"


def check_arabic(article: Article) -> None:
    """Raise :class:`LanguageError` («FILE: the text is Persian: …») unless ``article`` is Arabic."""
    reason = not_arabic_reason(article)
    if reason:
        raise LanguageError(f"{article.path or article.name}: {reason}")
