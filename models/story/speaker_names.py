"""Names the recogniser missed inside a speaker's phrase: set off by commas after an office
(``المدير الجهوي …، حمادي عقير``), closing an office's description, or a known person's surname."""

from __future__ import annotations

from models.arabic import STOP_WORD_FORMS, normalize
from models.article import Article
from models.ner.grouping import TITLES
from models.story.speaker_words import (
    ADVERBS,
    FRAME_START,
    FRAME_WORDS,
    GUESTS,
    NAME_ENDS,
    NAME_LINKS,
    OFFICES,
    OUTLETS,
    RELATIVE_PRONOUNS,
    SAYING,
    TITLE_KEYS,
)
from models.story.tokens import Token, forms


def is_office(token: Token) -> bool:
    """Whether ``token`` heads a subject naming an office (``المدير``، ``والي``، ``أحد``)."""
    keys = TITLE_KEYS | OFFICES
    return token.norm in TITLES or any(w.removeprefix("ال") in keys for w in (token.norm, token.bare()))


def apposition(article: Article, toks: list[Token]) -> str:
    """The name set off by a comma after a title (``المدير الجهوي …، حمادي عقير``), if any: two
    words, or three when a comma or the end of the subject follows them or the second is ``بن``."""
    for k, token in enumerate(toks[:-2]):
        if "،" not in article.text[token.end:toks[k + 1].start]:
            continue
        words = toks[k + 1:k + 4]
        if len(words) == 3 and (k + 4 == len(toks) or "،" in article.text[words[2].end:toks[k + 4].start]
                                or words[1].norm in NAME_LINKS):
            words = words if name_like(article, words[2], set_off=True) else words[:2]
        else:
            words = words[:2]
        if all(name_like(article, t, set_off=True) for t in words):
            return article.text[words[0].start:words[-1].end]
        return ""
    return ""


def name_like(article: Article, token: Token, *, set_off: bool = False) -> bool:
    """Whether ``token`` may be part of a person's name (``علي`` is, ``على`` is not). A word in ل or
    ب is a preposition's object, except in a name set off by commas (``، شكري بيوض،``) where only
    ``بال``/``لل`` are."""
    stop = token.norm in STOP_WORD_FORMS and article.text[token.start:token.end] != "علي"
    attached = token.norm.startswith(("بال", "لل", "ل")) if set_off else token.norm[:1] in "لب"
    return (not stop and token.norm not in FRAME_WORDS and token.norm not in ADVERBS
            and token.norm not in TITLES and not token.is_number and not circumstantial(token)
            and (not attached or token.norm in NAME_LINKS))


def circumstantial(token: Token) -> bool:
    """A participle in the accusative (``متطرقا``، ``مضيفا``، ``قائلة``): how one spoke, not a name."""
    return (token.norm.startswith("م") and token.norm.endswith("ا") and len(token.norm) >= 5
            or token.norm in SAYING)


def trailing_name(article: Article, toks: list[Token], *, frames: bool = True) -> str:
    """The name closing an office's description before any adverbial (``الكاتب العام للنادي الإفريقي
    منوبي الطرودي في تصريح``; ``frames=False``: also after one, ``المكلفة بالاتصال لدى الديوانة سلمى
    قلمون`` ending a relayed source): two words, the first not definite nor a preposition's object,
    the second definite only as a family name in ي or ``الله``/``الدين``; ``X بن Y`` as three."""
    def stop(token: Token) -> bool:
        stops = (FRAME_START if frames else frozenset()) | GUESTS | RELATIVE_PRONOUNS | _BEFORE_VERB
        return (token.norm in stops or token.norm == "ل" or token.norm[1:] in OUTLETS
                or token.norm in ADVERBS and token.norm not in TITLES)

    end = next((k for k, t in enumerate(toks) if k and stop(t) and not _place_frame(toks, k)), len(toks))
    if "،" in article.text[toks[0].start:toks[end - 1].end]:
        return ""  # commas: the apposition's business
    words = toks[max(end - 2, 0):end]
    if end >= 4 and words[0].norm in NAME_LINKS:
        words = toks[end - 3:end]
    first, last = words[0], words[-1]
    if (end - len(words) < 2 or not all(name_like(article, t) and not is_office(t) for t in words)
            or first.norm.startswith("ال") or first.norm[:1] in "لب" and first.norm not in NAME_LINKS
            or last.norm.startswith("ال") and not last.norm.endswith("ي") and last.norm not in NAME_ENDS):
        return ""
    return article.text[first.start:last.end]


def _place_frame(toks: list[Token], at: int) -> bool:
    """Whether ``toks[at]`` opens where an office sits (``النائب العام في مدينة مانيسا عاكف …``), part
    of the office's description rather than an adverbial."""
    return toks[at].norm == "في" and at + 1 < len(toks) and toks[at + 1].norm in _PLACE_WORDS


_PLACE_WORDS = forms("مدينة", "ولاية", "محافظة", "إقليم", "اقليم", "مقاطعة", "بلدية", "منطقة")
_BEFORE_VERB = forms("قد", "وقد")
"""``والي الجهة سامي الغابي قد أوضح``: the name ends before the verb's particle."""


def known_person(article: Article, toks: list[Token]) -> tuple[int, str] | None:
    """A person of the article named in ``toks`` after their first word where the recogniser missed
    it (``المندوب الجهوي للسياحة أحمد الكلبوسي`` when ``الكلبوسي`` is recognised elsewhere): its entity
    number and the role before it."""
    surnames = {}
    for number, entity in enumerate(article.entities):
        words = normalize(entity.canonical).split()
        clean = all(start == 0 or not article.text[start - 1].isalpha() for start, _ in entity.mentions)
        if entity.type == "PER" and clean and words and len(words[-1]) >= 4 and words[-1] not in TITLES:
            surnames.setdefault(words[-1], number)
    for k, token in enumerate(toks[1:], 1):
        addressed = any(t.norm[:1] == "ل" and t.norm[1:] in OUTLETS for t in toks[:k])
        if token.norm in surnames and not addressed:  # لمراسلة الجوهرة أف أم نسرين علوش: the reporter
            number = surnames[token.norm]
            role = article.text[toks[0].start:token.start].strip(" ،,")
            return number, role
    return None
