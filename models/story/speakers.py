"""Who is speaking: the speaker named in the words around a speech verb, resolved to an entity group.

:func:`speaker_in` reads a subject span (the words between a speech verb and
its complementizer, or a clause before the verb): the recogniser's person
there (else the organisation or place that starts it), ``المتحدث باسم X`` as
the spokesperson and X, a subject headed by مصدر، مصادر، شهود … as an
unattributed source, and otherwise the first words as a phrase (resolved
to a person by :mod:`models.story.speaker_references`).
"""

from __future__ import annotations

from dataclasses import dataclass

from models.arabic import STOP_WORD_FORMS, normalize
from models.article import Article, Mention
from models.ner.grouping import TITLES
from models.story.tokens import Token, forms, opens_quote, tokens

UNATTRIBUTED = forms("مصدر", "مصادر", "شاهد", "شهود", "مسؤول", "مسؤولون", "مسؤولين", "تقارير", "مراقبون",
                     "ناشطون", "سكان", "مصدرا", "أوساط", "جهات", "متابعون", "خبراء", "محللون")
"""Heads of a subject that names no one (``مصدر مسؤول``, ``مصادر محلية``)."""

_DEFINITE_SOURCES = forms("مصدر", "مصادر")
_SAME = forms("نفس", "ذات")
SPOKESPERSON = forms("باسم", "بإسم")
_FRAME_START = forms("في", "خلال", "عبر", "ضمن", "إثر", "اثر", "عقب", "أثناء", "لدى", "قبيل", "عند", "حين",
                     "ردا", "رداً", "قبل")
"""Prepositions opening an adverbial right after the verb (``قال في بيان له``): it runs to the next comma."""
_QUANTIFIERS = forms("من", "أكثر", "عدد", "بعض", "عديد", "العديد")
"""Words before a subject that is still to come (``أكثر من مصدر``, ``من جهته``)."""
_FRAME = forms("له", "لها", "لهم", "بيان", "تصريح", "تصريحات", "كلمة", "حديث", "مداخلة", "مؤتمر", "صحفي",
               "صحافي", "جهته", "جهتها", "من", "وقت", "لاحق", "سابق", "هاتفية", "ذلك", "برنامج", "حصة",
               "حوار", "لقاء", "ندوة", "اجتماع", "إجتماع", "جلسة", "تدوينة", "رسالة", "تغريدة", "مقابلة",
               "بلاغ", "صادر", "أصدره", "أصدرته", "نشره", "نشرته", "الصحفي", "الصحافي", "جهة", "جانب",
               "جانبه", "جانبها", "ناحية", "أخرى", "آخر")
"""Words that continue such an adverbial."""
_ALONE = forms("أمس", "اليوم", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
               "الأحد", "بدوره", "بدورها", "كذلك", "أيضا", "فيه", "فيها", "مساء", "صباح", "له", "لها", "يوم",
               "الشهر", "الأسبوع", "العام", "الماضي", "الفارط", "المنقضي", "الجاري", "الحالي", "مؤخرا")
"""Adverbials of one word between a verb and its subject."""
_SUBJECT_TOKENS = 8
"""A participle's speaker, when no quote precedes it in the sentence, is named in this many first tokens."""
_GOVERNING = forms("على", "إلى", "الى", "عن")
"""A preposition right after the verb belongs to it (``أكد على``, ``أشار إلى``), not to a subject."""
_OUTLETS = forms("وكالة", "جريدة", "صحيفة", "موقع", "قناة", "إذاعة", "مراسل", "مبعوث", "برنامج", "تلفزيون")
"""``ل`` + these is whom a speaker spoke to (``لوكالة الأناضول``), the end of the speaker's name."""
_QUOTING = forms("نقلا", "نقلاً", "حسب", "بحسب", "وفق", "وفقا")
"""``القناة نقلا عن …``: the words after these name a source the speaker relays, not the speaker."""
CONNECTIVES = forms("فيما", "و", "كما", "بينما", "لكن", "حيث", "ثم", "إذ", "أما", "بعد")
_PREPOSITIONS = forms("في", "من", "عن", "إلى", "الى", "على", "مع", "خلال", "لدى", "ل", "ب", "حول", "بين")
_SPEAKER_WORDS = 5
"""Most words of a speaker named by a phrase (no entity)."""
_RANKS = TITLES | forms("أركان", "حرب", "الركن", "الرسمي")
"""Titles and ranks between an affiliation and the spokesperson's name."""
_OUTLET_REACH = 3
"""A mention this many tokens after ``لمراسل``/``لوكالة``/``لـ`` names the outlet spoken to."""
_TYPE_RANK = {"PER": 0, "ORG": 1, "LOC": 2}
TITLE_KEYS = frozenset(t.removeprefix("ال") for t in TITLES | forms(
    "الوزيرة", "المديرة", "الرئيسة", "الكاتب", "الكاتبة", "العضو", "الممثل", "المندوب", "المندوبة", "النائبة",
    "الأمينة", "الناطقة", "المتحدثة", "المسؤول", "ضيف", "ضيفة"))
"""Title words without the article: a phrase speaker headed by one may be a person named earlier."""
OFFICES = frozenset(t.removeprefix("ال") for t in forms(
    "الوالي", "المنسق", "المدرب", "المعتمد", "المندوب", "المدعي", "الخبير", "الطبيب", "القيادي", "الناشط",
    "الباحث", "الأستاذة", "الممثلة", "المكلف", "المكلفة", "العميد", "الرئيس", "رئيسة", "الكاتب", "احد",
    "المساعد", "المساعدة", "النائب", "النائبة"))
"""Heads of a subject that name an office or one of a group (``والي نابل``، ``أحد المشاركين``)."""
_ANONYMOUS = forms("هويته", "هويتها", "هويتهم", "اسمه", "اسمها", "اسمهم")
"""``طلب عدم كشف هويته``، ``رفض ذكر اسمه``: a source who asked not to be named is unattributed."""
_RELATIVE = forms("الذي", "التي", "الذين", "ما", "اللذين", "اللتين")
"""A relative pronoun ends a speaker's phrase (``اتحاد الحريات … الذي رفع دعوى``)."""
GUESTS = forms("ضيف", "ضيفة")
"""``ضيف بوليتيكا``: the guest of a programme is the person the article interviews."""
_PRONOUNS = forms("هو", "هي", "هم", "هما", "هن")
"""An independent pronoun as subject (``كتب هو وزملاؤه``): the previous speaker."""
_QUOTED_NAME = 3
"""Most words of a name in quotation marks inside a speaker's phrase (``منظمة "أنا يقظ"``)."""
_NAME_LINKS = forms("بن", "ابن", "بنت")
"""Words inside a name that look like an attached preposition."""
_NAME_ENDS = forms("الله", "الدين")
"""Definite second halves of compound names (``غرس الله``، ``نور الدين``)."""
_NAME_REACH = 2
"""In a clause before the verb, a name is its subject when it starts in its first tokens after this
many or ends this many tokens before the verb."""


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to; ``entity`` indexes the article's entities (``None``: a phrase)."""

    name: str
    type: str = ""
    entity: int | None = None
    role: str = ""
    """The title given with the name (``المتحدث باسم``, ``وزير الخارجية``)."""
    affiliation: str = ""
    """X in ``المتحدث باسم X``."""
    affiliation_entity: int | None = None
    unattributed: bool = False



def _mentions_in(article: Article, start: int, end: int) -> list[Mention]:
    return [m for m in article.mentions if m.start >= start and m.end <= end and m.type in _TYPE_RANK]


def _governed(article: Article, mention: Mention, toks: list[Token]) -> bool:
    """Whether a preposition governs ``mention`` (attached ل/ب, or the word before it)."""
    if mention.start > 0 and article.text[mention.start - 1].isalpha():
        return True
    first = normalize(mention.text.split()[0]) if mention.text.split() else ""
    if first[:1] in "وف":
        first = first[1:]
    if first[:1] in "لبك" and (first[1:3] == "ال" or first[1:2] == "ل"):
        return True
    if first[:1] in "لب" and mention.entity is not None and mention.entity < len(article.entities):
        canonical = normalize(article.entities[mention.entity].canonical)
        if not canonical.startswith(first[:1]):
            return True  # بمجلس نواب الشعب: the group's name has no ب
    before = [t for t in toks if t.end <= mention.start]
    if any(_to_outlet(t) for t in before[-_OUTLET_REACH:]):
        return True  # لمراسل الجوهرة أف أم: the outlet spoken to
    return bool(before) and before[-1].norm in _PREPOSITIONS


def entity_name(article: Article, mention: Mention) -> str:
    """The group's name, without a role the recogniser ran into it (``الجلاصي ضيف بولتيكا``)."""
    name = mention.text
    if mention.entity is not None and mention.entity < len(article.entities):
        name = article.entities[mention.entity].canonical
    words = name.split()
    cut = next((k for k, word in enumerate(words) if k and normalize(word) in GUESTS), len(words))
    return " ".join(words[:cut])


def _phrase(article: Article, toks: list[Token]) -> str:
    """The first words of a subject, up to a governed word, up to :data:`_SPEAKER_WORDS`."""
    chosen: list[Token] = []
    for token in toks:
        adverb = token.norm in _ALONE and not (token.norm in TITLES and chosen and _is_office(chosen[-1]))
        preposition = token.norm in _PREPOSITIONS and article.text[token.start:token.end] != "علي"
        if len(chosen) >= 2 and not _is_office(chosen[0]) and _is_office(token):
            break  # فرج علي مدير عام النقل: a name, then the office set beside it
        if chosen and _opens_statement(article.text, chosen[-1].end, token.start):
            break  # الهمامي "إذا كنا …: a quotation begins
        if chosen and (preposition or adverb or _circumstantial(token)
                       or token.norm in _QUOTING | _FRAME_START | GUESTS | _RELATIVE
                       or _to_outlet(token) or token.norm.startswith(("بال", "فال", "كال"))):
            break
        chosen.append(token)
        if len(chosen) == _SPEAKER_WORDS or "،" in article.text[token.end:token.end + 2]:
            break
    phrase = article.text[chosen[0].start:chosen[-1].end] if chosen else ""
    return phrase.replace('"', "") if phrase.count('"') % 2 else phrase.strip("«»“”")


def _opens_statement(text: str, start: int, end: int) -> bool:
    """Whether a quotation opening in ``text[start:end]`` is a statement, not a quoted name
    (``صحيفة "ماركا"``): unclosed within the sentence or longer than :data:`_QUOTED_NAME` words."""
    opening = [k for k in range(start, end) if opens_quote(text, k)]
    at = opening[0] if opening else None
    if at is None:
        return False
    close = text.find({"«": "»", "“": "”"}.get(text[at], '"'), at + 1)
    stop = min((k for k in (text.find(".", at), text.find("\n", at)) if k >= 0), default=len(text))
    return close < 0 or close > stop or len(text[at + 1:close].split()) > _QUOTED_NAME


def _subject(text: str, toks: list[Token]) -> list[Token]:
    """``toks`` without the adverbials before a subject (``في بيان له``, ``الاثنين``, ``من جهته``).

    An adverbial opened by a preposition (:data:`_FRAME_START`) runs to the next comma, or to the
    end: ``وأضاف في تصريح لمراسلنا أن`` has no subject after the verb.
    """
    rest = list(toks)
    while rest:
        if rest[0].norm in _FRAME_START:
            comma = next((k for k in range(1, len(rest)) if "،" in text[rest[k - 1].end:rest[k].start]
                          or "," in text[rest[k - 1].end:rest[k].start]), len(rest))
            rest = rest[comma:]
        elif rest[0].norm in _QUANTIFIERS:
            rest.pop(0)
            while rest and rest[0].norm in _FRAME:
                rest.pop(0)
        elif rest[0].norm in _ALONE:
            rest.pop(0)
        else:
            break
    if rest and _to_outlet(rest[0]):
        return []  # في تصريح لمراسل …: whom it was said to, no subject after it
    return rest


def _prepositional(article: Article, token: Token) -> bool:
    """``بالقول``, ``للصحفيين``, ``لزملائه``, ``بتواجده``: a preposition is attached, so it is no subject
    (after ب a pronoun ه as written, not the ة of a name: ``بسمة``)."""
    bare = token.bare()
    pronoun = article.text[token.start:token.end].endswith(("ه", "ها", "هم"))
    return (bare.startswith(("بال", "لل")) or bare[:1] == "ل" and bare.endswith(("ه", "ها", "هم"))
            or bare[:1] == "ب" and pronoun)


def _to_outlet(token: Token) -> bool:
    """``لـ``, ``لل…`` or ``ل`` + an outlet word (``لوكالة``): the addressee of a statement."""
    norm = token.norm
    return norm == "ل" or norm.startswith("لل") or norm[:1] == "ل" and norm[1:] in _OUTLETS


def _spokesperson(
    article: Article, toks: list[Token], split: Token, named: list[Mention], end: int
) -> Speaker:
    """``[name] المتحدث باسم X [name]``: the spokesperson (when named) and X."""
    after = [m for m in named if m.start >= split.end]
    person = next((m for m in reversed(named) if m.type == "PER" and m.end <= split.start), None)
    if person is None:
        person = next((m for m in after if m.type == "PER"), None)
    role_from = person.end if person and person.end <= split.start else toks[0].start
    role = article.text[role_from:split.end].strip(" ،,-–")
    group = next((m for m in after if person is not None and person.start < split.start
                  or m.type != "PER" and (person is None or m.end <= person.start)), None)
    stop = person.start if person and person.start > split.start else end
    between = [t for t in toks if split.end <= t.start < stop]
    while between and between[-1].norm in _RANKS:
        between.pop()
    affiliation = entity_name(article, group) if group else _phrase(article, between)
    named = _apposition(article, [t for t in toks if t.start >= split.end]) if person is None else ""
    name = entity_name(article, person) if person else named or f"{role} {affiliation}".strip()
    return Speaker(name, "PER" if person else "", person.entity if person else None, role,
                   affiliation, group.entity if group else None)


def speaker_in(article: Article, start: int, end: int, *, named_only: bool = False) -> Speaker | None:
    """The speaker named in ``article.text[start:end]``, or ``None`` when it names no one.

    ``named_only``: accept only a recognised entity or an unattributed source, not a bare phrase.
    A quotation of more than :data:`_QUOTED_NAME` words ends the span (``تحت عنوان "من نائب إلى
    محمد …"``: names in a quoted title are not the speaker).
    """
    end = next((k for k in range(start, end) if opens_quote(article.text, k)
                and _opens_statement(article.text, k, k + 1)), end)
    toks = tokens(article.text[start:end], start)
    content = _subject(article.text, toks)
    if not content or content[0].norm in _GOVERNING | _PRONOUNS or _prepositional(article, content[0]):
        return None  # أكد على ضرورة أن / شدد بالقول إن / قال لزملائه إن / كتب هو: no new subject here
    named = [m for m in _mentions_in(article, content[0].start, end) if not _governed(article, m, toks)]
    if named_only:
        opening = content[min(_NAME_REACH, len(content) - 1)].end
        named = [m for m in named
                 if m.start < opening or len([t for t in content if t.start >= m.end]) <= _NAME_REACH]
    split = next((t for t in content if t.norm in SPOKESPERSON), None)
    if split is not None:
        return _spokesperson(article, content, split, named, end)
    head = content[0].bare()
    if head in _SAME and len(content) > 1:
        head = content[1].norm  # نفس المصدر, ذات المصدر
    head = head.removesuffix("نا")  # مصدرنا
    if head.startswith("ال") and head[2:] in _DEFINITE_SOURCES:
        head = head[2:]  # المصدر ذاته, المصادر نفسها (but الشاهد may be a name)
    if head in UNATTRIBUTED or head.rstrip("ا") in UNATTRIBUTED or any(t.norm in _ANONYMOUS for t in content):
        return Speaker(_phrase(article, content), unattributed=True)
    person = next((m for m in named if m.type == "PER"), None)
    first = next((m for m in named if m.start <= content[0].start < m.end), None)
    if person or first or named_only:
        best = person or first or min(named, key=lambda m: (_TYPE_RANK[m.type], m.start), default=None)
        if best is None:
            return None
        role = article.text[content[0].start:best.start].strip(" ،,") if content[0].norm in TITLES else ""
        return Speaker(entity_name(article, best), best.type, best.entity, role)
    if _is_office(content[0]) and (name := _apposition(article, content)):
        role = article.text[content[0].start:article.text.find(name, content[0].start)].strip(" ،,")
        return Speaker(name, "PER", role=role)
    if (known := _known_person(article, content)) is not None:
        return known
    if _is_office(content[0]) and (name := _trailing_name(article, content)):
        role = article.text[content[0].start:article.text.find(name, content[0].start)].strip(" ،,")
        return Speaker(name, "PER", role=role)
    phrase = _phrase(article, content)
    if not (content[0].is_number or content[0].norm in CONNECTIVES or any(c.isdigit() for c in phrase)):
        return Speaker(phrase)
    return None  # a phrase with a figure in it (``إطلاق سراح 3 تونسيين``) is an object, not a speaker


def _is_office(token: Token) -> bool:
    """Whether ``token`` heads a subject naming an office (``المدير``، ``والي``، ``أحد``)."""
    keys = TITLE_KEYS | OFFICES
    return token.norm in TITLES or any(w.removeprefix("ال") in keys for w in (token.norm, token.bare()))


def _apposition(article: Article, toks: list[Token]) -> str:
    """The name set off by a comma after a title (``المدير الجهوي …، حمادي عقير``), if any: two
    words, or three when a comma or the end of the subject follows them or the second is ``بن``."""
    for k, token in enumerate(toks[:-2]):
        if "،" not in article.text[token.end:toks[k + 1].start]:
            continue
        words = toks[k + 1:k + 4]
        if len(words) == 3 and (k + 4 == len(toks) or "،" in article.text[words[2].end:toks[k + 4].start]
                                or words[1].norm in _NAME_LINKS):
            words = words if _name_like(article, words[2], set_off=True) else words[:2]
        else:
            words = words[:2]
        if all(_name_like(article, t, set_off=True) for t in words):
            return article.text[words[0].start:words[-1].end]
        return ""
    return ""


def _name_like(article: Article, token: Token, *, set_off: bool = False) -> bool:
    """Whether ``token`` may be part of a person's name (``علي`` is, ``على`` is not). A word in ل or
    ب is a preposition's object, except in a name set off by commas (``، شكري بيوض،``) where only
    ``بال``/``لل`` are."""
    stop = token.norm in STOP_WORD_FORMS and article.text[token.start:token.end] != "علي"
    attached = token.norm.startswith(("بال", "لل", "ل")) if set_off else token.norm[:1] in "لب"
    return (not stop and token.norm not in _FRAME and token.norm not in _ALONE
            and token.norm not in TITLES and not token.is_number and not _circumstantial(token)
            and (not attached or token.norm in _NAME_LINKS))


def _circumstantial(token: Token) -> bool:
    """A participle in the accusative (``متطرقا``، ``مضيفا``): how the speaker spoke, not a name."""
    return token.norm.startswith("م") and token.norm.endswith("ا") and len(token.norm) >= 5


def _trailing_name(article: Article, toks: list[Token]) -> str:
    """The name closing an office's description before any adverbial (``الكاتب العام للنادي الإفريقي
    منوبي الطرودي في تصريح``): two words, the first not definite nor a preposition's object, the
    second definite only as a family name in ي or ``الله``/``الدين``; ``X بن Y`` as three."""
    def stop(token: Token) -> bool:
        return (token.norm in _FRAME_START | GUESTS | _RELATIVE or token.norm == "ل"
                or token.norm[1:] in _OUTLETS or token.norm in _ALONE and token.norm not in TITLES)

    end = next((k for k, t in enumerate(toks) if k and stop(t)), len(toks))
    if "،" in article.text[toks[0].start:toks[end - 1].end]:
        return ""  # commas: the apposition's business
    words = toks[max(end - 2, 0):end]
    if end >= 4 and words[0].norm in _NAME_LINKS:
        words = toks[end - 3:end]
    first, last = words[0], words[-1]
    if (end - len(words) < 2 or not all(_name_like(article, t) and not _is_office(t) for t in words)
            or first.norm.startswith("ال") or first.norm[:1] in "لب" and first.norm not in _NAME_LINKS
            or last.norm.startswith("ال") and not last.norm.endswith("ي") and last.norm not in _NAME_ENDS):
        return ""
    return article.text[first.start:last.end]


def _known_person(article: Article, toks: list[Token]) -> Speaker | None:
    """A person of the article named in ``toks`` after their first word where the recogniser missed
    it (``المندوب الجهوي للسياحة أحمد الكلبوسي`` when ``الكلبوسي`` is recognised elsewhere)."""
    surnames = {}
    for number, entity in enumerate(article.entities):
        words = normalize(entity.canonical).split()
        clean = all(start == 0 or not article.text[start - 1].isalpha() for start, _ in entity.mentions)
        if entity.type == "PER" and clean and words and len(words[-1]) >= 4 and words[-1] not in TITLES:
            surnames.setdefault(words[-1], number)
    for token in toks[1:]:
        if token.norm in surnames:
            number = surnames[token.norm]
            role = article.text[toks[0].start:token.start].strip(" ،,")
            return Speaker(article.entities[number].canonical, "PER", number, role)
    return None


def opening_subject(article: Article, toks: list[Token]) -> Speaker | None:
    """A person or organisation named in the first tokens of a sentence (the main verb's subject)."""
    if not toks:
        return None
    near = toks[: _SUBJECT_TOKENS][-1].end
    named = [m for m in _mentions_in(article, toks[0].start, near)
             if m.type in ("PER", "ORG") and not _governed(article, m, toks)]
    best = min(named, key=lambda m: (_TYPE_RANK[m.type], m.start), default=None)
    return Speaker(entity_name(article, best), best.type, best.entity) if best else None
