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

from models.arabic import normalize
from models.article import Article, Mention
from models.ner.grouping import TITLES
from models.story.speaker_names import (
    apposition,
    circumstantial,
    is_office,
    known_person,
    name_like,
    trailing_name,
)
from models.story.speaker_words import (
    ADVERBS,
    ANONYMOUS,
    CITIZENS,
    COMPOUND_STARTS,
    CONNECTIVES,
    DEFINITE_SOURCES,
    DOCUMENTS,
    FRAME_START,
    FRAME_WORDS,
    GOVERNING,
    GROUPS,
    GUESTS,
    ISSUED,
    KIN,
    NAME_ENDS,
    ONE_OF,
    OUTLETS,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    QUOTING,
    RANKS,
    RELATIVE_PRONOUNS,
    SAME_WORDS,
    SAYING,
    SPOKESPERSON,
    UNATTRIBUTED,
)
from models.story.tokens import Token, forms, opens_quote, tokens

_SUBJECT_TOKENS = 8
"""A participle's speaker, when no quote precedes it in the sentence, is named in this many first tokens."""
_SPEAKER_WORDS = 5
"""Most words of a speaker named by a phrase (no entity)."""
_OUTLET_REACH = 3
"""A mention this many tokens after ``لمراسل``/``لوكالة``/``لـ`` names the outlet spoken to."""
_TYPE_RANK = {"PER": 0, "ORG": 1, "LOC": 2}
_QUOTED_NAME = 3
"""Most words of a name in quotation marks inside a speaker's phrase (``منظمة "أنا يقظ"``)."""
_AUXILIARIES = forms("كان", "وكان", "كانت", "وكانت")
"""``وكان والي الجهة … قد أوضح``: not part of the subject."""
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
    if any(to_outlet(t) for t in before[-_OUTLET_REACH:]):
        return True  # لمراسل الجوهرة أف أم: the outlet spoken to
    return bool(before) and before[-1].norm in PREPOSITIONS


def entity_name(article: Article, mention: Mention) -> str:
    """The group's name, without a role the recogniser ran into it (``الجلاصي ضيف بولتيكا``)."""
    name = mention.text
    if mention.entity is not None and mention.entity < len(article.entities):
        name = article.entities[mention.entity].canonical
    words = name.split()
    cut = next((k for k, word in enumerate(words) if k and normalize(word) in GUESTS), len(words))
    return " ".join(words[:cut] + _family_name(article, mention, words[:cut]))


def _family_name(article: Article, mention: Mention, words: list[str]) -> list[str]:
    """The family name after a compound given name the recogniser stopped at (``نور الدين`` in
    ``نور الدين البحيري``، ``عبد الله`` in ``عبد الله الثني``): the next word when it is definite."""
    norms = [normalize(w) for w in words]
    compound = len(norms) == 2 and (norms[0] in COMPOUND_STARTS or norms[1] in NAME_ENDS)
    after = tokens(article.text[mention.end:mention.end + 30], mention.end)[:1]
    if not compound or not after or article.text[mention.end:after[0].start].strip():
        return []
    word = after[0]
    if word.norm.startswith("ال") and name_like(article, word) and not is_office(word):
        return [article.text[word.start:word.end]]
    return []


def _phrase(article: Article, toks: list[Token]) -> str:
    """The first words of a subject, up to a governed word, up to :data:`_SPEAKER_WORDS`."""
    chosen: list[Token] = []
    for token in toks:
        adverb = token.norm in ADVERBS and not (token.norm in TITLES and chosen and is_office(chosen[-1]))
        preposition = token.norm in PREPOSITIONS and article.text[token.start:token.end] != "علي"
        if len(chosen) >= 2 and not is_office(chosen[0]) and is_office(token):
            break  # فرج علي مدير عام النقل: a name, then the office set beside it
        if chosen and _opens_statement(article.text, chosen[-1].end, token.start):
            break  # الهمامي "إذا كنا …: a quotation begins
        if chosen and (preposition or adverb or circumstantial(token)
                       or token.norm in QUOTING | FRAME_START | GUESTS | RELATIVE_PRONOUNS
                       or to_outlet(token) or token.norm.startswith(("بال", "فال", "كال"))):
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

    An adverbial opened by a preposition (:data:`FRAME_START`) runs to the next comma, or to the
    end: ``وأضاف في تصريح لمراسلنا أن`` has no subject after the verb.
    """
    rest = list(toks)
    while rest:
        if rest[0].norm in FRAME_START:
            comma = next((k for k in range(1, len(rest)) if "،" in text[rest[k - 1].end:rest[k].start]
                          or "," in text[rest[k - 1].end:rest[k].start]), len(rest))
            rest = rest[comma:]
        elif rest[0].norm in QUANTIFIERS:
            rest.pop(0)
            while rest and rest[0].norm in FRAME_WORDS:
                rest.pop(0)
        elif rest[0].norm in ADVERBS:
            rest.pop(0)
        else:
            break
    if rest and to_outlet(rest[0]):
        return []  # في تصريح لمراسل …: whom it was said to, no subject after it
    return rest


def _kin(token: Token) -> bool:
    """Whether ``token`` names a relative (``زوج``، ``والدة``، ``شقيقه``, see :data:`KIN`)."""
    return any(word.removeprefix("ال") in KIN for word in (token.norm, token.bare()))


def _prepositional(article: Article, token: Token) -> bool:
    """``بالقول``, ``للصحفيين``, ``لزملائه``, ``بتواجده``: a preposition is attached, so it is no subject
    (after ب a pronoun ه as written, not the ة of a name: ``بسمة``)."""
    bare = token.bare()
    pronoun = article.text[token.start:token.end].endswith(("ه", "ها", "هم"))
    return (bare.startswith(("بال", "لل")) or bare[:1] == "ل" and bare.endswith(("ه", "ها", "هم"))
            or bare[:1] == "ب" and pronoun)


def to_outlet(token: Token) -> bool:
    """``لـ``, ``لل…`` or ``ل`` + an outlet word (``لوكالة``): the addressee of a statement."""
    norm = token.norm
    return norm == "ل" or norm.startswith("لل") or norm[:1] == "ل" and norm[1:] in OUTLETS


def _spokesperson(
    article: Article, toks: list[Token], split: Token, named: list[Mention], end: int
) -> Speaker:
    """``[name] المتحدث باسم X [name]``: the spokesperson (when named) and X."""
    after = [m for m in named if m.start >= split.end]
    person = next((m for m in reversed(named) if m.type == "PER" and m.end <= split.start), None)
    if person is None:
        person = next((m for m in after if m.type == "PER"), None)
    leading = _name_before_comma(article, [t for t in toks if t.end <= split.start]) if person is None else []
    if person and person.end <= split.start:
        role_from = person.end
    else:
        role_from = leading[-1].end if leading else toks[0].start
    role = article.text[role_from:split.end].strip(" ،,-–")
    group = next((m for m in after if person is not None and person.start < split.start
                  or m.type != "PER" and (person is None or m.end <= person.start)), None)
    stop = person.start if person and person.start > split.start else end
    between = [t for t in toks if split.end <= t.start < stop]
    while between and between[-1].norm in RANKS:
        between.pop()
    affiliation = entity_name(article, group) if group else _phrase(article, between)
    named = "" if person else apposition(article, [t for t in toks if t.start >= split.end])
    named = article.text[leading[0].start:leading[-1].end] if leading else named
    name = entity_name(article, person) if person else named or f"{role} {affiliation}".strip()
    return Speaker(name, "PER" if person else "", person.entity if person else None, role,
                   affiliation, group.entity if group else None)


def _name_before_comma(article: Article, toks: list[Token]) -> list[Token]:
    """A name of two or three words set before a comma and an office, after any rank (``سفيان السليطي،
    الناطق باسم``، ``العقيد بلحسن الوسلاتي، الناطق …``)."""
    comma = next((k for k in range(1, len(toks)) if "،" in article.text[toks[k - 1].end:toks[k].start]), 0)
    words = toks[:comma]
    while words and words[0].norm in RANKS:
        words = words[1:]
    if 2 <= len(words) <= 3 and not is_office(words[0]) and all(name_like(article, t, set_off=True)
                                                                 for t in words):
        return words
    return []


def _office_holder(article: Article, toks: list[Token]) -> Speaker | None:
    """An office and the name closing it before the verb (``وكان والي الجهة سامي الغابي قد``)."""
    toks = [t for t in toks if t.norm not in _AUXILIARIES] or toks
    name = trailing_name(article, toks) if is_office(toks[0]) else ""
    if not name:
        return None
    role = article.text[toks[0].start:article.text.find(name, toks[0].start)].strip()
    return Speaker(name, "PER", role=role)


def _family_after_place(article: Article, mention: Mention) -> str:
    """A definite family name in ي right after a one-word place (``رياض الشعيبي``), if any."""
    after = tokens(article.text[mention.end:mention.end + 30], mention.end)[:1]
    if len(mention.text.split()) != 1 or not after or article.text[mention.end:after[0].start].strip():
        return ""
    word = after[0]
    definite = word.norm.startswith("ال") and word.norm.endswith("ي") and len(word.norm) > 4
    return article.text[word.start:word.end] if definite and name_like(article, word) else ""


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
    if (not content or content[0].norm in GOVERNING | PRONOUNS or _prepositional(article, content[0])
            or content[0].norm in SAYING):
        return None  # أكد على ضرورة أن / شدد بالقول إن / قال لزملائه إن / كتب هو: no new subject here
    relative = next((k for k, t in enumerate(content) if k and t.norm in RELATIVE_PRONOUNS
                     and "،" in article.text[t.start - 3:t.start]), len(content))
    content, end = content[:relative], min(end, content[relative].start) if relative < len(content) else end
    named = [m for m in _mentions_in(article, content[0].start, end) if not _governed(article, m, toks)]
    if named_only:
        opening = content[min(_NAME_REACH, len(content) - 1)].end
        named = [m for m in named
                 if m.start < opening or len([t for t in content if t.start >= m.end]) <= _NAME_REACH]
    framed = next((k for k, t in enumerate(content) if k and t.norm in FRAME_START), len(content))
    split = next((t for t in content[:framed] if t.norm in SPOKESPERSON), None)  # not في تعليقه على …
    if split is not None:
        return _spokesperson(article, content, split, named, end)
    head = content[0].bare()
    if head in SAME_WORDS and len(content) > 1:
        head = content[1].norm  # نفس المصدر, ذات المصدر
    head = head.removesuffix("نا")  # مصدرنا
    if head.startswith("ال") and head[2:] in DEFINITE_SOURCES | GROUPS:
        head = head[2:]  # المصدر ذاته, المصادر نفسها, الأطباء (but الشاهد may be a name)
    if head.removeprefix("ال") in DOCUMENTS:
        issuer = _issuer(article, content, end)
        return None if named_only and issuer is not None and issuer.entity is None else issuer
    if head in UNATTRIBUTED or head.rstrip("ا") in UNATTRIBUTED or any(t.norm in ANONYMOUS for t in content):
        return Speaker(_phrase(article, content), unattributed=True)
    person = next((m for m in named if m.type == "PER"), None)
    first = next((m for m in named if m.start <= content[0].start < m.end), None)
    kin = (_kin(content[0]) or content[0].bare().removeprefix("ال") in CITIZENS) and "(" not in article.text[
        content[0].start:end]  # الأم (نعيمة): named
    if person is None and (content[0].norm in ONE_OF and not named_only or kin):
        return Speaker(_phrase(article, content), unattributed=True)
    if person or first or named_only:
        best = person or first or min(named, key=lambda m: (_TYPE_RANK[m.type], m.start), default=None)
        if best is None:
            return _office_holder(article, content)
        role = article.text[content[0].start:best.start].strip(" ،,") if content[0].norm in TITLES else ""
        if best.type == "LOC" and (family := _family_after_place(article, best)):
            return Speaker(f"{best.text} {family}", "PER", None, role)  # رياض الشعيبي: not Riyadh
        return Speaker(entity_name(article, best), best.type, best.entity, role)
    if is_office(content[0]) and (name := apposition(article, content)):
        role = article.text[content[0].start:article.text.find(name, content[0].start)].strip(" ،,")
        return Speaker(name, "PER", role=role)
    if (known := known_person(article, content)) is not None:
        number, role = known
        return Speaker(article.entities[number].canonical, "PER", number, role)
    if is_office(content[0]) and (name := trailing_name(article, content)):
        role = article.text[content[0].start:article.text.find(name, content[0].start)].strip(" ،,")
        return Speaker(name, "PER", role=role)
    phrase = _phrase(article, content)
    if not (content[0].is_number or content[0].norm in CONNECTIVES or any(c.isdigit() for c in phrase)):
        return Speaker(phrase)
    return None  # a phrase with a figure in it (``إطلاق سراح 3 تونسيين``) is an object, not a speaker








def opening_subject(article: Article, toks: list[Token]) -> Speaker | None:
    """A person or organisation named in the first tokens of a sentence (the main verb's subject)."""
    if not toks:
        return None
    near = toks[: _SUBJECT_TOKENS][-1].end
    named = [m for m in _mentions_in(article, toks[0].start, near)
             if m.type in ("PER", "ORG") and not _governed(article, m, toks)]
    best = min(named, key=lambda m: (_TYPE_RANK[m.type], m.start), default=None)
    return Speaker(entity_name(article, best), best.type, best.entity) if best else None


def _issuer(article: Article, content: list[Token], end: int) -> Speaker | None:
    """Who issued the document heading ``content``: ``بيان لوزارة الدفاع``، ``بلاغ وزارة الداخلية`` (a
    recognised name), ``بيان صادر عن الحزب``; ``None`` for the document alone (``وأضاف البلاغ``: the
    speaker before); the document itself when no issuer is named (``بيان عسكري``)."""
    if content[0].bare() in SAME_WORDS:
        return None  # ذات البلاغ: the document quoted before, so its issuer
    rest, issued = content[1:], False
    if len(rest) > 1 and rest[0].norm in ISSUED and rest[1].norm == "عن":
        rest, issued = rest[2:], True
    if not rest or rest[0].norm in SAME_WORDS | FRAME_WORDS | ADVERBS | PREPOSITIONS | FRAME_START:
        return None
    named = [m for m in _mentions_in(article, rest[0].start, end) if m.start < rest[0].end]
    if named:
        best = min(named, key=lambda m: _TYPE_RANK[m.type])
        return Speaker(entity_name(article, best), best.type, best.entity)
    if not issued and rest[0].norm[:1] != "ل":
        return Speaker(_phrase(article, content))  # بيان عسكري: a document, its issuer not named
    first = article.text[rest[0].start:rest[0].end]
    if rest[0].norm.startswith("لل"):
        first = "ال" + first[2:]  # للمحافظ: ل + المحافظ
    elif rest[0].norm[:1] == "ل":
        first = first[1:]
    following = _phrase(article, rest[1:]) if len(rest) > 1 and name_like(article, rest[1]) else ""
    name = f"{first} {following}".strip() if len(first) > 2 else ""
    return Speaker(name) if name and not any(c.isdigit() for c in name) else None
