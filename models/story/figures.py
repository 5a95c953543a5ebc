"""Figures by source: how many of what, and where several sources disagree.

A figure is a number (:func:`models.story.numbers.read_number`) that counts
something: the noun after it (``سبعة قتلى``، ``20 مدنياً``، ``21 من الأقباط``),
a casualty word before it (``مقتل 20``، ``وجرح 17``), or a dual noun alone
(``امرأتان``، ``غارتان``). Dates, years, clock times, durations, ages, law
numbers and percentages of nothing are not figures. The counted noun falls in
a category of general news vocabulary (killed, injured, children, civilians,
strikes, aircraft …) or, when unknown, is kept as the noun itself.

A casualty figure also records which side the victims are on (``fighters``
for ``64 من مقاتلي``، ``40 شخصا من تنظيم …``) and the cause named nearest to it
in its sentence (air strikes, an attack, an execution …), which
:mod:`models.story.events` uses to keep different events apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from models.arabic import STOP_WORD_FORMS
from models.article import Article
from models.story.numbers import digits_value, read_number
from models.story.tokens import Token, forms, tokens

CATEGORIES: dict[str, tuple[str, frozenset[str]]] = {
    "killed": ("killed", forms("قتيل", "قتلى", "ضحية", "ضحايا", "شهيد", "شهداء", "جثة", "جثث", "متوفى",
                               "وفيات", "قتيلان", "قتيلين", "موتى")),
    "injured": ("injured", forms("جريح", "جرحى", "مصاب", "مصابين", "مصابون", "إصابة", "إصابات", "جريحان",
                                 "جريحين")),
    "children": ("children", forms("طفل", "أطفال", "طفلة", "طفلان", "طفلين", "قاصر", "قصر", "رضيع")),
    "women": ("women", forms("امرأة", "نساء", "امرأتان", "امرأتين", "سيدة", "سيدات", "نسوة")),
    "civilians": ("civilians", forms("مدني", "مدنيين", "مدنيون")),
    "fighters": ("fighters / militants", forms("مقاتل", "مقاتلين", "مقاتلي", "مقاتلو", "مسلح", "مسلحين",
                                              "مسلحون", "إرهابي", "إرهابيين", "إرهابيون", "عنصر", "عناصر",
                                              "جهادي", "جهاديين", "متشدد", "متشددين")),
    "security": ("soldiers / security", forms("جندي", "جنود", "عسكري", "عسكريين", "ضابط", "ضباط", "شرطي",
                                              "عون", "أعوان", "أمني", "أمنيين", "عسكريا")),
    "people": ("people", forms("شخص", "أشخاص", "شخصين", "شخصان", "مواطن", "مواطنين", "فرد", "أفراد",
                               "نسمة", "مهاجر", "مهاجرين", "لاجئ", "لاجئين", "عامل", "عمال", "تلميذ",
                               "تلاميذ", "رجل", "رجال")),
    "strikes": ("strikes", forms("غارة", "غارات", "غارتان", "غارتين", "ضربة", "ضربات", "طلعة", "طلعات")),
    "attacks": ("attacks", forms("هجوم", "هجمات", "عملية", "عمليات", "تفجير", "تفجيرات")),
    "aircraft": ("aircraft", forms("طائرة", "طائرات", "طائرتان", "طائرتين", "مقاتلة", "مقاتلات",
                                   "مروحية", "مروحيات")),
    "arrested": ("arrested", forms("موقوف", "موقوفين", "معتقل", "معتقلين", "سجين", "سجناء", "محتجز",
                                   "محتجزين")),
    "hostages": ("hostages", forms("رهينة", "رهائن", "مختطف", "مختطفين")),
    "money": ("money", forms("دينار", "دنانير", "دولار", "دولارات", "يورو", "أورو", "جنيه", "مليم",
                             "درهم", "ريال", "د", "فرنك", "فرانك")),
    "percent": ("per cent", forms("%", "بالمائة", "بالمئة", "المائة", "المئة", "بالمائه")),
}
"""Category key -> (English label, matching forms of the counted nouns)."""

_NOUNS = {form: key for key, (_, words) in CATEGORIES.items() for form in words}
_DUAL_FORMS = forms("قتيلان", "قتيلين", "جريحان", "جريحين", "طفلان", "طفلين", "امرأتان", "امرأتين",
                    "شخصان", "شخصين", "غارتان", "غارتين", "طائرتان", "طائرتين")
_DUALS = {form: _NOUNS[form] for form in _DUAL_FORMS}
_EVENTS_BEFORE = {
    "killed": forms("مقتل", "قتل", "مصرع", "وفاة", "استشهاد", "قتلت", "إعدام", "وفاة"),
    "injured": forms("إصابة", "جرح", "إصابات", "أصيب", "جرح"),
    "arrested": forms("إيقاف", "اعتقال", "احتجاز", "توقيف", "إلقاء"),
}
_EVENTS_AFTER = {
    "killed": forms("قتلوا", "لقوا", "قتلو", "حتفهم", "توفوا"), "injured": forms("أصيبوا", "جرحوا"),
}
_CASUALTIES = ("killed", "injured")
CAUSES: dict[str, tuple[str, frozenset[str]]] = {
    "strikes": ("air strikes", forms("غارة", "غارات", "قصف", "ضربة", "ضربات", "طلعة", "طلعات", "غارتين",
                                     "غارتان", "الطيران", "قذائف", "صواريخ", "صاروخ", "برميل", "براميل")),
    "attack": ("attack", forms("هجوم", "هجمات", "تفجير", "تفجيرات", "انفجار", "النار", "دهس", "اعتداء",
                               "عملية", "كمين", "عبوة", "الرصاص")),
    "execution": ("execution or killing", forms("إعدام", "أعدم", "ذبح", "أعدموا", "إعدامهم", "يد")),
    "clashes": ("clashes", forms("اشتباكات", "اشتباك", "معارك", "مواجهات", "قتال")),
    "accident": ("accident", forms("حادث", "حادثة", "اصطدام", "انقلاب", "غرق", "حوادث")),
    "disaster": ("disaster", forms("فيضانات", "فيضان", "زلزال", "حريق", "سيول", "عاصفة", "انهيار")),
}
"""Cause key -> (English label, forms): what a casualty figure's sentence says killed or injured them
(``يد`` only in ``على يد``, at the hands of; an attack word before ``جوية`` is an air strike)."""
_AERIAL = forms("جوية", "الجوية", "جوي", "الجوي")
_PEOPLE = frozenset({"killed", "injured", "children", "women", "civilians", "fighters", "security", "people",
                     "arrested", "hostages"})
"""Categories of people: their figures get a cause and a side like casualties."""
_CAUSE_WORDS = {form: key for key, (_, words) in CAUSES.items() for form in words}
_SIDES = {"fighters": CATEGORIES["fighters"][1] | forms("تنظيم", "داعش", "التنظيم", "مسلحي", "مقاتلي",
                                                         "عناصر"),
          "security": CATEGORIES["security"][1]}
"""Words after a casualty figure (``40 شخصا من تنظيم …``) naming the victims' side."""
_SIDE_REACH = 3
_MONTHS = forms("جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر",
                "نوفمبر", "ديسمبر", "يناير", "فبراير", "أبريل", "إبريل", "مايو", "يونيو", "يوليو",
                "يوليوز", "أغسطس", "غشت", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
                "أيلول", "تشرين", "ديسمبر")
_WEEKDAYS = forms("الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
_TIME_UNITS = forms("ساعة", "ساعات", "دقيقة", "دقائق", "ثانية", "ثوان", "يوم", "يوما", "أيام", "أسبوع",
                    "أسابيع", "شهر", "أشهر", "شهرا", "شهور", "سنة", "سنوات", "سنين", "عام", "عاما", "أعوام",
                    "سنوات", "سنه", "قرن", "عقود", "عقد", "ليلة", "ليال", "أسبوعا", "عامًا")
_IDENTIFIERS = forms("رقم", "الفصل", "الفصول", "المادة", "الفقرة", "القانون", "المرسوم", "الأمر", "الساعة",
                     "عدد", "سنة", "عام", "لسنة", "العدد", "بتاريخ", "منذ", "سن", "عمر", "العمر")
"""A number after these is a label, a date or an age, not a figure."""
_DAY = forms("يوم")
"""``يوم 21``: a day of the month (``يومين``، ``أيام`` count days)."""
_LINKS = forms("من", "آخرين", "أخرى", "أخريان", "آخرون", "على", "الأقل")
_NOT_COUNTED = forms("مقابل", "ضد", "جراء", "بسبب")
"""Prepositions after a number (``92 مقابل 71``، ``134 ألفا جراء الحصبة``): no counted noun."""
_APPROXIMATE = forms("نحو", "حوالي", "قرابة", "زهاء", "أكثر", "أقل", "ما", "يقارب", "يناهز", "من", "عن")
_TEENS = forms("عشر", "عشرة")
_PRONOUN_ENDINGS = ("هم", "هن", "ها", "هما")
"""An unknown word after a number ending in a pronoun (``جميعهم``، ``منها``) is not what it counts."""
_DATE_RE = re.compile(r"\d{1,4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,4}")


@dataclass(frozen=True, slots=True)
class Figure:
    """A number and what it counts: ``article.text[start:end]`` spans the number and the counted noun."""

    article: int
    sentence: int
    start: int
    end: int
    text: str
    value: float
    category: str
    """A key of :data:`CATEGORIES`, or ``other:<stem>`` for another counted noun."""
    counted: str
    """The counted noun (or casualty word) as written."""
    event: str = ""
    """``killed``/``injured``/``arrested`` when a casualty word governs the number."""
    date: str = ""
    """The date stated in the sentence (a weekday or a written date), if any."""
    cause: str = ""
    """For a casualty: a key of :data:`CAUSES` named nearest to it in the sentence (``""``: none)."""
    victims: str = ""
    """For a casualty: ``fighters`` or ``security`` when the victims are named as such."""

    @property
    def key(self) -> str:
        """What the figure counts: the casualty (with the victims' side when named), else the category."""
        if self.event in _CASUALTIES:
            return f"{self.event}:{self.victims}" if self.victims else self.event
        return self.category

    @property
    def shown(self) -> str:
        """The value as written in tables (no ``.0``)."""
        return f"{self.value:g}" if self.value < 1e15 else str(self.value)


def _lookup(norm: str) -> str | None:
    """The category of a counted noun (tanween alef, article or و attached allowed)."""
    for word in (norm, norm[1:] if norm[:1] in "وب" else norm):
        for form in (word, word[:-1] if word.endswith("ا") else word,
                     word[2:] if word.startswith("ال") else word):
            if form in _NOUNS:
                return _NOUNS[form]
    return None


def _is_date(toks: list[Token], at: int, used: int, text: str) -> bool:
    """Whether the number at ``toks[at]`` is part of a date, a time, a duration, an age or a label."""
    token = toks[at]
    after = toks[at + used] if at + used < len(toks) else None
    before = toks[at - 1] if at else None
    if _DATE_RE.match(text, token.start):
        return True
    year = toks[at + used + 1] if at + used + 1 < len(toks) else None
    if (used == 1 and len(token.norm) <= 2 and after is not None and _lookup(after.norm) is None
            and year is not None and year.is_number and len(year.norm) == 4
            and 1900 <= digits_value(year.norm) <= 2100):
        return True  # 26 فيري 2017: a day, a misspelt month and a year
    if token.is_number and len(token.norm) == 4 and digits_value(token.norm) >= 1900:
        return after is None or _lookup(after.norm) is None
    if after is not None and (after.norm in _MONTHS or after.bare() in _TIME_UNITS
                              or after.norm in _TIME_UNITS):
        return True
    if before is not None and (before.norm in _MONTHS or before.bare() in _IDENTIFIERS
                               or before.norm in _IDENTIFIERS or before.bare() in _DAY):
        return True  # … يوم 21 من الشهر الجاري: a day of the month
    if before is not None and token.norm in _TEENS and before.norm.startswith("ال"):
        return True  # السادس عشر: an ordinal
    glued = text[token.end:token.end + 1]
    return glued in ":/" or glued.isalpha() or text[token.start - 1:token.start] in ":/"


def _sentence_date(toks: list[Token], text: str) -> str:
    """The first weekday or written date of a sentence, as written."""
    for at, token in enumerate(toks):
        if token.norm in _WEEKDAYS:
            return text[token.start:token.end]
        if token.norm in _MONTHS and at + 1 < len(toks):
            first = toks[at - 1] if at and toks[at - 1].is_number else token
            last = toks[at + 1] if toks[at + 1].is_number else token
            return text[first.start:last.end]
    match = _DATE_RE.search(text, toks[0].start if toks else 0, toks[-1].end if toks else 0)
    return match.group() if match else ""


def _event_before(toks: list[Token], at: int) -> str:
    """``killed``/``injured``/… when a casualty word stands just before the number (``مقتل نحو 20``)."""
    back = at - 1
    while back >= 0 and at - back <= 3 and toks[back].norm in _APPROXIMATE:
        back -= 1
    if back < 0:
        return ""
    return next((event for event, words in _EVENTS_BEFORE.items()
                 if toks[back].norm in words or toks[back].bare() in words), "")


def _word(text: str, token: Token) -> str:
    """``token`` as written, without a و/ف conjunction (``وجرح 17`` counts ``جرح``)."""
    cut = 1 if token.bare() != token.norm else 0
    return text[token.start + cut:token.end]


def _cause(toks: list[Token], at: int) -> str:
    """The cause word of the sentence nearest to token ``at`` (``""`` when it names none)."""
    found = []
    for k, token in enumerate(toks):
        key = _cause_of(token.norm)
        if token.norm == "يد" and not (k and toks[k - 1].norm == "علي"):
            continue
        if key == "attack" and k + 1 < len(toks) and toks[k + 1].norm in _AERIAL:
            key = "strikes"
        if key:
            found.append((abs(k - at), key))
    return min(found)[1] if found else ""


def _cause_of(norm: str) -> str:
    for word in (norm, norm[1:] if norm[:1] in "وبلف" else norm):
        for form in (word, word.removeprefix("ال"), word[1:] if word[:1] == "ل" else word):
            if form in _CAUSE_WORDS:
                return _CAUSE_WORDS[form]
    return ""


def _victims(category: str, toks: list[Token], after: int) -> str:
    """``fighters``/``security`` when the counted noun or the words after it name that side."""
    if category in _SIDES:
        return category
    near = [t for t in toks[after:after + _SIDE_REACH + 2] if t.norm not in _LINKS][:_SIDE_REACH]
    return next((side for side, words in _SIDES.items()
                 if any(t.norm in words or t.bare() in words or _lookup(t.norm) == side for t in near)), "")


def _counted(toks: list[Token], at: int, text: str) -> tuple[Token | None, str | None]:
    """The counted noun after a number (past ``من``/``آخرين``) and its category."""
    nxt = at
    while nxt < len(toks) and nxt - at < 3 and toks[nxt].norm in _LINKS:
        nxt += 1
    if nxt >= len(toks):
        return None, None
    token = toks[nxt]
    if text[toks[nxt - 1].end:token.start].strip():
        return None, None  # punctuation between: not what the number counts
    category = _lookup(token.norm)
    if token.norm in _NOT_COUNTED:
        return None, None  # 92 مقابل 71: a score
    if category or token.is_number or token.bare() in STOP_WORD_FORMS or token.norm in STOP_WORD_FORMS \
            or token.norm.endswith(_PRONOUN_ENDINGS):
        return (token, category) if category else (None, None)
    bare = token.bare()
    definite = bare.startswith("ال") and nxt == at or bare.startswith(("لل", "بال"))
    if definite or not any("\u0600" <= ch <= "\u06ff" for ch in token.norm):
        return None, None  # الجولة 30 والأخيرة; للخضر; 716 TU: not a counted noun
    return token, f"other:{bare.removeprefix('ال').removesuffix('ا')}"


def sentence_figures(article: Article, number: int, index: int) -> list[Figure]:
    """The figures in sentence ``index`` of ``article``."""
    sentence = article.sentences[index]
    text = article.text
    toks = tokens(sentence.text, sentence.start)
    date = _sentence_date(toks, text)
    figures: list[Figure] = []
    at = 0
    while at < len(toks):
        token = toks[at]
        dual = _DUALS.get(token.bare())
        if dual and not (at and toks[at - 1].is_number):
            cause = _cause(toks, at) if dual in _PEOPLE else ""
            figures.append(Figure(number, index, token.start, token.end, text[token.start:token.end], 2.0,
                                  dual, _word(text, token), "", date, cause))
            at += 1
            continue
        read = read_number(toks, at)
        if read is None:
            at += 1
            continue
        value, used = read
        scored = (at > 1 and toks[at - 1].norm in _NOT_COUNTED and toks[at - 2].is_number
                  and len(toks[at - 2].norm) < 4)  # not خلال جانفي 2017 مقابل 92 عملية
        if _is_date(toks, at, used, text) or scored:
            at += used  # a date, or the other side of a score (85 مقابل 64)
            continue
        noun, category = _counted(toks, at + used, text)
        if text[toks[at + used - 1].end:toks[at + used - 1].end + 2].strip()[:1] == "%":
            noun, category = None, "percent"
        event = _event_before(toks, at)
        after = toks[at + used] if at + used < len(toks) else None
        if not event and after is not None:
            event = next((e for e, words in _EVENTS_AFTER.items()
                          if any(t.norm in words for t in toks[at + used: at + used + 6])), "")
        if category is None and not event:
            at += used
            continue
        if category is None:
            category = event
        if category in _CASUALTIES and not event:
            event = category
        end = noun.end if noun else toks[at + used - 1].end
        start = toks[at].start
        counted = text[noun.start:noun.end] if noun else (
            "%" if category == "percent" else _word(text, toks[at - 1]) if at else "")
        cause = victims = ""
        if event in _CASUALTIES or category in _PEOPLE:
            after_noun = next((k + 1 for k, t in enumerate(toks) if t.end >= end), len(toks))
            cause, victims = _cause(toks, at), _victims(category, toks, after_noun)
        figures.append(Figure(number, index, start, end, text[start:end], value, category, counted, event,
                              date, cause, victims))
        at += used
    return figures


def article_figures(article: Article, number: int = 0) -> list[Figure]:
    """The figures of one article, in text order (``number``: its position in a story)."""
    return [f for sentence in article.sentences for f in sentence_figures(article, number, sentence.index)]


def find_figures(articles: Sequence[Article]) -> list[Figure]:
    return [f for number, article in enumerate(articles) for f in article_figures(article, number)]
