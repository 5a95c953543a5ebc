"""Who said what: direct and reported speech with its speaker.

A quote starts at a speech verb (قال، أكد، أوضح، أضاف، أعلن، نفى، صرح، ذكر،
أشار … in its common forms) followed, within a few words, by a
complementizer (إن/أن/بأن, also with a pronoun: إنه، أنها), a colon or an
opening quotation mark. What lies between the verb and that marker is the
subject: the speaker is the recogniser's person (else organisation, else
place) named there, resolved to its entity group. ``المتحدث باسم X`` gives
the spokesperson and, as the affiliation, X. A subject headed by مصدر،
مصادر، شهود … is kept as an unattributed source. With no subject after the
verb the speaker is the one named before the verb in the same clause
(``المتحدث … المسماري أكد أن``), else the previous quote's speaker (``وأضاف
أن``); a participle (مضيفا، مشيرا، مؤكدا …) continues the quote before it.
The quote runs to the next participle or the end of the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.arabic import STOP_WORD_FORMS, normalize
from models.article import Article, Mention, Sentence
from models.ner.grouping import TITLES
from models.story.tokens import Token, forms, tokens

_PAST = ("قال", "أكد", "أوضح", "أضاف", "أعلن", "نفى", "صرح", "ذكر", "أشار", "أفاد", "تابع", "شدد", "لفت",
         "اعتبر", "كشف", "حذر", "اعترف", "زعم", "رأى", "نوه", "أقر", "كتب")
SPEECH_VERBS = forms(
    *_PAST, *(v + "ت" for v in _PAST if not v.endswith("ى")), "نفت", "رأت", *(v + "وا" for v in _PAST),
    "يقول", "تقول", "يؤكد", "تؤكد", "يضيف", "يوضح", "يرى", "ترى",
)
"""Finite speech verbs (past masculine/feminine/plural, common present forms), normalised."""

PARTICIPLES = forms("مضيفا", "مؤكدا", "مشيرا", "موضحا", "مشددا", "لافتا", "معتبرا", "قائلا", "مبينا",
                    "معلنا", "نافيا", "مضيفة", "مؤكدة", "مشيرة", "موضحة", "محذرا", "منوها", "متابعا")
"""Participles that continue the previous speaker's words (``…، مضيفا أن``)."""

UNATTRIBUTED = forms("مصدر", "مصادر", "شاهد", "شهود", "مسؤول", "مسؤولون", "مسؤولين", "تقارير", "مراقبون",
                     "ناشطون", "سكان", "مصدرا", "أوساط", "جهات", "متابعون", "خبراء", "محللون")
"""Heads of a subject that names no one (``مصدر مسؤول``, ``مصادر محلية``)."""

_DEFINITE_SOURCES = forms("مصدر", "مصادر")
_SAME = forms("نفس", "ذات")
SPOKESPERSON = forms("باسم", "بإسم")
_FRAME_START = forms("في", "خلال", "عبر", "ضمن", "إثر", "اثر", "عقب", "أثناء", "لدى", "قبيل", "عند", "حين")
"""Prepositions opening an adverbial right after the verb (``قال في بيان له``): it runs to the next comma."""
_QUANTIFIERS = forms("من", "أكثر", "عدد", "بعض")
"""Words before a subject that is still to come (``أكثر من مصدر``, ``من جهته``)."""
_FRAME = forms("له", "لها", "لهم", "بيان", "تصريح", "تصريحات", "كلمة", "حديث", "مداخلة", "مؤتمر", "صحفي",
               "صحافي", "جهته", "جهتها", "من", "وقت", "لاحق", "سابق", "هاتفية", "ذلك", "برنامج", "حصة",
               "حوار", "لقاء", "ندوة", "اجتماع", "إجتماع", "جلسة", "تدوينة", "رسالة", "تغريدة", "مقابلة",
               "بلاغ", "صادر", "أصدره", "أصدرته", "نشره", "نشرته", "الصحفي", "الصحافي")
"""Words that continue such an adverbial."""
_ALONE = forms("أمس", "اليوم", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
               "الأحد", "بدوره", "بدورها", "كذلك", "أيضا", "فيه", "فيها", "مساء", "صباح", "له", "لها")
"""Adverbials of one word between a verb and its subject."""
_CLAUSE_BREAKS = forms("لكن", "فيما", "بينما", "غير")
"""After a comma these end a reported statement (``…، لكن …``)."""
_SUBJECT_TOKENS = 8
"""A participle's speaker, when no quote precedes it in the sentence, is named in this many first tokens."""
_GOVERNING = forms("على", "إلى", "الى", "عن")
"""A preposition right after the verb belongs to it (``أكد على``, ``أشار إلى``), not to a subject."""
_WITH_AN = forms("كشف", "كشفت", "أعلن", "أعلنت", "أعرب", "أعربت")
"""Verbs whose object follows عن (``كشفت دراسة عن علاقة …``)."""
_OUTLETS = forms("وكالة", "جريدة", "صحيفة", "موقع", "قناة", "إذاعة", "مراسل", "مبعوث", "برنامج", "تلفزيون")
"""``ل`` + these is whom a speaker spoke to (``لوكالة الأناضول``), the end of the speaker's name."""
_TITLED = forms("عنوان", "بعنوان", "شعار", "برنامج", "كتاب", "فيلم", "مسرحية", "حملة", "أغنية", "رواية")
"""A quotation after these is a title, not speech (``ندوة تحت عنوان "…"``)."""
_NOT_SPEECH = forms("الانتباه", "النظر", "الأنظار")
"""``لفت الانتباه``: drawing attention, not speaking."""
_QUOTING = forms("نقلا", "نقلاً", "حسب", "بحسب", "وفق", "وفقا")
"""``القناة نقلا عن …``: the words after these name a source the speaker relays, not the speaker."""
_BAYYANA = forms("وبين", "وبينت", "فبين")
"""بيّن (explained) is also بين (between): a verb only as ``وبيّن`` opening a clause."""
_CONNECTIVES = forms("فيما", "و", "كما", "بينما", "لكن", "حيث", "ثم", "إذ", "أما", "بعد")
_RELATIVES = forms("ما", "لما", "مما", "الذي", "التي", "الذين", "عما")
"""A speech verb after these is inside a relative clause (``لما قال إنه``), not a new quote."""
_QUOTED_WORDS = 5
"""Fewest words for a quotation to be speech rather than a quoted name."""
_PREPOSITIONS = forms("في", "من", "عن", "إلى", "الى", "على", "مع", "خلال", "لدى", "ل", "ب", "حول", "بين")
_QUOTE_OPEN = "«“\"„"
_QUOTE_CLOSE = {"«": "»", "“": "”", '"': '"', "„": "“"}
_MAX_SUBJECT = 20
"""Most tokens between a verb and its complementizer."""
_SPEAKER_WORDS = 5
"""Most words of a speaker named by a phrase (no entity)."""
_RANKS = TITLES | forms("أركان", "حرب", "الركن", "الرسمي")
"""Titles and ranks between an affiliation and the spokesperson's name."""
_TYPE_RANK = {"PER": 0, "ORG": 1, "LOC": 2}


def _is_complementizer(norm: str) -> bool:
    """إن/أن/بأن, alone or with a pronoun (إنه، أنها، بأنهم)."""
    word = norm[1:] if norm.startswith("ب") else norm
    return word.startswith("ان") and (word == "ان" or word[2:] in {"ه", "ها", "هم", "هما", "هن", "نا", "ني"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to; ``entity`` indexes the article's entities (``None``: a phrase)."""

    name: str
    type: str = ""
    entity: int | None = None
    role: str = ""
    """The spokesperson's title (``المتحدث باسم``) when the speaker speaks for someone."""
    affiliation: str = ""
    """X in ``المتحدث باسم X``."""
    affiliation_entity: int | None = None
    unattributed: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed statement: ``article.text[start:end]`` is what was said."""

    article: int
    """Position of the article in the list given to :func:`find_quotes`."""
    sentence: int
    start: int
    end: int
    text: str
    speaker: Speaker
    kind: str
    """``direct`` (quotation marks) or ``reported``."""
    verb: str


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
    return bool(before) and before[-1].norm in _PREPOSITIONS


def _entity_name(article: Article, mention: Mention) -> str:
    if mention.entity is not None and mention.entity < len(article.entities):
        return article.entities[mention.entity].canonical
    return mention.text


def _phrase(article: Article, toks: list[Token]) -> str:
    """The first words of a subject, up to a governed word, up to :data:`_SPEAKER_WORDS`."""
    chosen: list[Token] = []
    for token in toks:
        if chosen and (token.norm in _PREPOSITIONS or token.norm in _ALONE or token.norm in _QUOTING
                       or _to_outlet(token) or token.norm.startswith(("بال", "فال", "كال"))):
            break
        chosen.append(token)
        if len(chosen) == _SPEAKER_WORDS or "،" in article.text[token.end:token.end + 2]:
            break
    return article.text[chosen[0].start:chosen[-1].end] if chosen else ""


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
    affiliation = _entity_name(article, group) if group else _phrase(article, between)
    name = _entity_name(article, person) if person else f"{role} {affiliation}".strip()
    return Speaker(name, "PER" if person else "", person.entity if person else None, role,
                   affiliation, group.entity if group else None)


def _speaker(article: Article, start: int, end: int, *, named_only: bool = False) -> Speaker | None:
    """The speaker named in ``article.text[start:end]``, or ``None`` when it names no one.

    ``named_only``: accept only a recognised entity or an unattributed source, not a bare phrase.
    """
    toks = tokens(article.text[start:end], start)
    content = _subject(article.text, toks)
    if not content or content[0].norm in _GOVERNING:
        return None  # أكد على ضرورة أن / أشار إلى أن: no subject here
    named = [m for m in _mentions_in(article, content[0].start, end) if not _governed(article, m, toks)]
    split = next((t for t in content if t.norm in SPOKESPERSON), None)
    if split is not None:
        return _spokesperson(article, content, split, named, end)
    head = content[0].bare()
    if head in _SAME and len(content) > 1:
        head = content[1].norm  # نفس المصدر, ذات المصدر
    head = head.removesuffix("نا")  # مصدرنا
    if head.startswith("ال") and head[2:] in _DEFINITE_SOURCES:
        head = head[2:]  # المصدر ذاته, المصادر نفسها (but الشاهد may be a name)
    if head in UNATTRIBUTED or head.rstrip("ا") in UNATTRIBUTED:
        return Speaker(_phrase(article, content), unattributed=True)
    person = next((m for m in named if m.type == "PER"), None)
    first = next((m for m in named if m.start <= content[0].start < m.end), None)
    if person or first or named_only:
        best = person or first or min(named, key=lambda m: (_TYPE_RANK[m.type], m.start), default=None)
        return Speaker(_entity_name(article, best), best.type, best.entity) if best else None
    if content[0].norm in TITLES and (name := _apposition(article, content)):
        return Speaker(name)
    if not content[0].is_number and content[0].norm not in _CONNECTIVES:
        return Speaker(_phrase(article, content))
    return None


def _apposition(article: Article, toks: list[Token]) -> str:
    """The two words set off by a comma after a title (``المدير الجهوي …، حمادي عقير``), if any."""
    for k, token in enumerate(toks[:-2]):
        if "،" not in article.text[token.end:toks[k + 1].start]:
            continue
        pair = toks[k + 1:k + 3]
        if all(t.norm not in STOP_WORD_FORMS and t.norm not in _FRAME and t.norm not in _ALONE
               and t.norm not in TITLES and t.norm[:1] not in "لب" and not t.is_number for t in pair):
            return article.text[pair[0].start:pair[1].end]
        return ""
    return ""


def _opening_subject(article: Article, toks: list[Token]) -> Speaker | None:
    """A person or organisation named in the first tokens of a sentence (the main verb's subject)."""
    if not toks:
        return None
    near = toks[: _SUBJECT_TOKENS][-1].end
    named = [m for m in _mentions_in(article, toks[0].start, near)
             if m.type in ("PER", "ORG") and not _governed(article, m, toks)]
    best = min(named, key=lambda m: (_TYPE_RANK[m.type], m.start), default=None)
    return Speaker(_entity_name(article, best), best.type, best.entity) if best else None


def _clause_start(text: str, sentence: Sentence, at: int) -> int:
    """Where the clause holding ``at`` begins (after the last comma/colon/semicolon before it)."""
    cut = max(text.rfind(mark, sentence.start, at) for mark in "،,:;؛")
    return cut + 1 if cut >= 0 else sentence.start


def _content(article: Article, begin: int, end: int) -> tuple[int, int, str]:
    """Span and kind of what was said between ``begin`` and ``end``, trimmed."""
    text = article.text
    while begin < end and not (text[begin].isalnum() or text[begin] in _QUOTE_OPEN):
        begin += 1
    kind = "reported"
    if begin < end and text[begin] in _QUOTE_OPEN:
        close = text.find(_QUOTE_CLOSE[text[begin]], begin + 1, end + 1)
        if close > begin:
            kind, begin, end = "direct", begin + 1, close
    while True:
        while end > begin and not (text[end - 1].isalnum() or text[end - 1] in "»”\"!؟?"):
            end -= 1
        tail = tokens(text[begin:end], begin)
        if not tail or tail[-1].norm not in _CONNECTIVES:
            return begin, end, kind
        end = tail[-1].start


def _before(toks: list[Token], at: int) -> Token:
    """The last token ending before character ``at``."""
    return [t for t in toks if t.end <= at][-1]


def _opens(text: str, at: int) -> bool:
    """Whether ``text[at]`` opens a quotation (a straight ``"`` only when a word follows it directly)."""
    if text[at] not in _QUOTE_OPEN:
        return False
    return text[at] != '"' or at + 1 < len(text) and not text[at + 1].isspace()


def _quoted_words(text: str, at: int, limit: int) -> int:
    """Words inside the quotation opened at ``text[at]`` (0 when it is not closed before ``limit``)."""
    close = text.find(_QUOTE_CLOSE[text[at]], at + 1, limit)
    return len(text[at + 1:close].split()) if close > at else 0


def _marker(article: Article, toks: list[Token], at: int, sentence: Sentence) -> tuple[int, int] | None:
    """``(subject end, content start)`` for the verb token at ``at``: complementizer, colon or quotation."""
    text = article.text
    previous_end = toks[at].end
    for token in toks[at + 1: at + 1 + _MAX_SUBJECT]:
        for cut in range(previous_end, token.start):
            mark = text[cut]
            if mark == ":" or _opens(text, cut) and _quoted_words(text, cut, sentence.end) >= _QUOTED_WORDS \
                    and not (token is not toks[at + 1] and _before(toks, cut).bare() in _TITLED):
                return cut, cut + (mark == ":")
        previous_end = token.end
        if token.bare() in SPEECH_VERBS or token.norm in PARTICIPLES:
            return None
        if _is_complementizer(token.norm):
            return token.start, token.end if token.norm in ("ان", "بان") else token.start
    return None


def _is_verb(article: Article, toks: list[Token], at: int) -> bool:
    """Whether ``toks[at]`` is a speech verb or participle; ``وبيّن``/``وبيّنت`` (also "and between")
    only with its conjunction at the start of a clause."""
    token = toks[at]
    if token.norm in PARTICIPLES or token.bare() in SPEECH_VERBS:
        return True
    if token.norm not in _BAYYANA:
        return False
    before = article.text[toks[at - 1].end:token.start] if at else ""
    return not at or any(mark in before for mark in ".،,:;؛")


def _triggers(article: Article, toks: list[Token], sentence: Sentence) -> list[tuple[int, int, int]]:
    """``(verb token, subject end, content start)`` of each speech verb with its marker."""
    found = []
    for at in range(len(toks)):
        if not _is_verb(article, toks, at):
            continue
        if at and toks[at - 1].norm in _RELATIVES or at + 1 < len(toks) and toks[at + 1].norm in _NOT_SPEECH:
            continue
        marker = _marker(article, toks, at, sentence)
        if marker is not None:
            found.append((at, *marker))
    return found


def _sentence_quotes(
    article: Article, number: int, sentence: Sentence, previous: Speaker | None
) -> list[Quote]:
    toks = tokens(sentence.text, sentence.start)
    triggers = _triggers(article, toks, sentence)
    found: list[Quote] = []
    for k, (at, subject_end, begin) in enumerate(triggers):
        verb = toks[at]
        clause = _clause_start(article.text, sentence, verb.start)
        if verb.norm in PARTICIPLES:
            speaker = found[-1].speaker if found else (_opening_subject(article, toks[:at]) or previous)
        elif verb.bare() in _WITH_AN and any(t.norm == "عن" for t in toks[at + 1:]
                                              if t.start < subject_end):
            continue  # كشف عن … / أعلن عن …: what follows is an object, not speech
        else:
            speaker = (_speaker(article, verb.end, subject_end)
                       or _speaker(article, clause, verb.start, named_only=True)
                       or previous)
        if speaker is None:
            continue
        limit = toks[triggers[k + 1][0]].start if k + 1 < len(triggers) else sentence.end
        limit = next((t.start for t in toks if begin < t.start < limit and t.norm in _CLAUSE_BREAKS
                      and "،" in article.text[t.start - 3:t.start]), limit)
        start, end, kind = _content(article, begin, limit)
        if len(article.text[start:end].split()) < 2:
            continue
        found.append(Quote(number, sentence.index, start, end, article.text[start:end], speaker, kind,
                           article.text[verb.start:verb.end]))
        previous = speaker
    return found


def article_quotes(article: Article, number: int = 0) -> list[Quote]:
    """The quotes of one annotated article (``number``: its position in a story)."""
    quotes: list[Quote] = []
    for sentence in article.sentences:
        recent = quotes[-1].speaker if quotes and sentence.index - quotes[-1].sentence <= 2 else None
        quotes += _sentence_quotes(article, number, sentence, recent)
    return quotes


def find_quotes(articles: Sequence[Article]) -> list[Quote]:
    """The quotes of every article, in article then text order."""
    return [q for number, article in enumerate(articles) for q in article_quotes(article, number)]


def speaker_key(speaker: Speaker) -> str:
    """The matching form quotes are grouped by across sources."""
    return " ".join(normalize(speaker.name).split())
