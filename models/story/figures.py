"""Figures by source: how many of what, and where several sources disagree.

A figure is a number (:func:`models.story.numbers.read_number`) that counts
something: the noun after it (``سبعة قتلى``، ``20 مدنياً``، ``21 من الأقباط``),
a casualty word before it (``مقتل 20``، ``وجرح 17``), or a dual noun alone
(``امرأتان``، ``غارتان``). Dates, years, clock times, durations, ages, law
numbers and percentages of nothing are not figures. The counted noun falls in
a category of general news vocabulary (killed, injured, children, civilians,
strikes, aircraft …) or, when unknown, is kept as the noun itself.

:func:`group_figures` groups figures of all sources by what they count
(casualty figures by the casualty: ``مقتل 20 مدنياً`` and ``سبعة قتلى`` are
both *killed*); a group where sources give different values is a disagreement.
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
                             "درهم", "ريال", "د")),
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
_LINKS = forms("من", "آخرين", "أخرى", "أخريان", "آخرون", "على", "الأقل")
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

    @property
    def key(self) -> str:
        """What the figure is grouped by across sources: the casualty, else the category."""
        return self.event if self.event in _CASUALTIES else self.category

    @property
    def shown(self) -> str:
        """The value as written in tables (no ``.0``)."""
        return f"{self.value:g}" if self.value < 1e15 else str(self.value)


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """Figures of one kind from every source; ``by_article[i]`` holds article ``i``'s figures."""

    key: str
    label: str
    by_article: tuple[tuple[Figure, ...], ...]

    @property
    def sources(self) -> int:
        return sum(1 for figures in self.by_article if figures)

    @property
    def disagree(self) -> bool:
        """Whether two sources give different sets of values for it."""
        values = {frozenset(f.value for f in figures) for figures in self.by_article if figures}
        return len(values) > 1


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
    if token.is_number and len(token.norm) == 4 and digits_value(token.norm) >= 1900:
        return after is None or _lookup(after.norm) is None
    if after is not None and (after.norm in _MONTHS or after.bare() in _TIME_UNITS
                              or after.norm in _TIME_UNITS):
        return True
    if before is not None and (before.norm in _MONTHS or before.bare() in _IDENTIFIERS
                               or before.norm in _IDENTIFIERS):
        return True
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
            figures.append(Figure(number, index, token.start, token.end, text[token.start:token.end], 2.0,
                                  dual, text[token.start:token.end], "", date))
            at += 1
            continue
        read = read_number(toks, at)
        if read is None:
            at += 1
            continue
        value, used = read
        if _is_date(toks, at, used, text):
            at += used
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
            "%" if category == "percent" else text[toks[at - 1].start:toks[at - 1].end] if at else "")
        figures.append(Figure(number, index, start, end, text[start:end], value, category, counted, event,
                              date))
        at += used
    return figures


def article_figures(article: Article, number: int = 0) -> list[Figure]:
    """The figures of one article, in text order (``number``: its position in a story)."""
    return [f for sentence in article.sentences for f in sentence_figures(article, number, sentence.index)]


def find_figures(articles: Sequence[Article]) -> list[Figure]:
    return [f for number, article in enumerate(articles) for f in article_figures(article, number)]


def figure_cell(group: FigureGroup, article: int) -> str:
    """What a table shows for one source of a group: its values, each with its noun when that differs
    from the group's (``7; 40 (شخصا)``)."""
    return "; ".join(f.shown if f.category == group.key or not f.counted else f"{f.shown} ({f.counted})"
                     for f in group.by_article[article])


def _label(key: str, figures: Sequence[Figure]) -> str:
    """The English label of a category, or the counted noun as first written (``other:…``)."""
    if key in CATEGORIES:
        return CATEGORIES[key][0]
    return next((f.counted for f in figures if f.counted), key.split(":", 1)[-1])


def group_figures(figures: Sequence[Figure], articles: int) -> list[FigureGroup]:
    """Figures grouped by :attr:`Figure.key`; groups several sources give first, disagreements first."""
    keys = list(dict.fromkeys(f.key for f in figures))
    groups = []
    for key in keys:
        members = [f for f in figures if f.key == key]
        groups.append(FigureGroup(key, _label(key, members), tuple(
            tuple(f for f in members if f.article == n) for n in range(articles))))
    groups.sort(key=lambda g: (-g.sources, not g.disagree, keys.index(g.key)))
    return groups
