"""Who said what: direct and reported speech with its speaker.

A quote starts at a speech verb (قال، أكد، أوضح، أضاف، أعلن، نفى، صرح، ذكر،
أشار … in its common forms) followed, within a few words, by a
complementizer (إن/أن/بأن, also with a pronoun: إنه، أنها), a colon or an
opening quotation mark. What lies between the verb and that marker is the
subject, read by :func:`models.story.speakers.speaker_in`. With no subject
after the verb the speaker is the one named before the verb in the same
clause (``المتحدث … الزيدي أكد أن``), else the previous quote's speaker
(``وأضاف أن``); a participle (مضيفا، مشيرا، مؤكدا …) continues the quote
before it. The quote runs to the next speech verb or the end of the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from models.arabic import normalize
from models.article import Article, Sentence
from models.ner.grouping import TITLES
from models.story.speaker_groups import speaker_key
from models.story.speaker_references import by_title, relayed_source
from models.story.speaker_words import CONNECTIVES, OFFICES, TITLE_KEYS
from models.story.speakers import Speaker, opening_subject, speaker_in
from models.story.tokens import Token, forms, opens_quote, tokens

_PAST = ("قال", "أكد", "أوضح", "أضاف", "أعلن", "نفى", "صرح", "ذكر", "أشار", "أفاد", "تابع", "شدد", "لفت",
         "اعتبر", "كشف", "حذر", "اعترف", "زعم", "رأى", "نوه", "أقر", "كتب", "أبرز", "أبلغ")
_PAST_FORMS = forms(*_PAST)
SPEECH_VERBS = forms(
    *_PAST, *(v + "ت" for v in _PAST if not v.endswith("ى")), "نفت", "رأت", *(v + "وا" for v in _PAST),
    "يقول", "تقول", "يؤكد", "تؤكد", "يضيف", "يوضح", "يرى", "ترى",
)
"""Finite speech verbs (past masculine/feminine/plural, common present forms), normalised."""

PARTICIPLES = forms("مضيفا", "مؤكدا", "مشيرا", "موضحا", "مشددا", "لافتا", "معتبرا", "قائلا", "مبينا",
                    "معلنا", "نافيا", "مضيفة", "مؤكدة", "مشيرة", "موضحة", "محذرا", "منوها", "متابعا")
"""Participles that continue the previous speaker's words (``…، مضيفا أن``)."""

_CLAUSE_BREAKS = forms("لكن", "فيما", "بينما", "غير")
"""After a comma these end a reported statement (``…، لكن …``)."""
_WITH_AN = forms("كشف", "كشفت", "أعلن", "أعلنت", "أعرب", "أعربت")
"""Verbs whose object follows عن (``كشفت دراسة عن علاقة …``)."""
_TITLED = forms("عنوان", "بعنوان", "شعار", "برنامج", "كتاب", "فيلم", "مسرحية", "حملة", "أغنية", "رواية")
"""A quotation after these is a title, not speech (``ندوة تحت عنوان "…"``)."""
_NOT_SPEECH = forms("الانتباه", "النظر", "الأنظار")
"""``لفت الانتباه``: drawing attention, not speaking."""
_TELLING = forms("أبلغ", "أبلغت")
"""Told: its subject is followed by whom it was told to."""
_BAYYANA = forms("وبين", "وبينت", "فبين")
"""بيّن (explained) is also بين (between): a verb only as ``وبيّن`` opening a clause."""
_VERBAL_NOUN = forms("عدم", "دون", "بدون")
"""A speech verb after these is a verbal noun (``طلب عدم كشف هويته``، ``دون ذكر الدول``)."""
_RELATIVES = forms("ما", "لما", "مما", "الذي", "التي", "الذين", "عما") | _VERBAL_NOUN
"""A speech verb after these is inside a relative clause (``لما قال إنه``) or a verbal noun, not a
new quote."""
_ELATIVE = forms("أبرز")
"""Also "the most prominent" (``ومن أبرز ما …``): without و a verb only at the start of a clause."""
_QUOTED_WORDS = 5
"""Fewest words for a quotation after a subject to be speech rather than a quoted name (right after
the verb, two are enough)."""
_QUOTE_OPEN = "«“\"„"
_QUOTE_CLOSE = {"«": "»", "“": "”", '"': '"', "„": "“"}
_SAME = forms("نفس", "ذات", "ذاته", "نفسه", "ذاتها", "نفسها")
_LEADING = forms("قد", "وقد", "كما", "ثم", "وكان", "وكانت", "كان", "كانت", "يشار", "يذكر", "ويذكر")
"""Words before a verb that are not its subject."""
_ADVERBIAL_OPENERS = forms("في", "من", "عن", "إلى", "على", "مع", "خلال", "لدى", "حول", "بين", "بخصوص", "بشأن",
                           "إثر", "اثر", "عقب", "أثناء", "قبيل", "عند", "حين", "بعد", "قبل", "أمام", "منذ",
                           "كذلك", "أيضا", "اليوم", "أمس", "بدوره", "بدورها", "جهته", "جهتها")
"""First words of an adverbial before a verb (not its subject)."""
_INNER_SUBJECT = 3
"""Most words between a complementizer and a speech verb that reports inside the statement."""
_MAX_SUBJECT = 30
"""Most tokens between a verb and its complementizer."""
_NAMED_SUBJECT = 20
"""The speaker is named in this many tokens after the verb; further ones are the frame (``خلال
إشرافه … بمعرض الكرم``)."""
_PARTICIPLE_LEAD = forms("إلى", "الى", "على", "في", "أيضا", "ايضا", "كذلك", "بدوره", "بدورها", "قوله",
                         "بالقول")
"""Words a participle's statement may follow (``مشيرا إلى أن``، ``مضيفا في هذا السياق أن``); a noun
there is its object (``مؤكدا وعي الحكومة بأن …``: no quote)."""


def _is_complementizer(norm: str) -> bool:
    """إن/أن/بأن, alone or with a pronoun (إنه، أنها، بأنهم)."""
    word = norm[1:] if norm.startswith("ب") else norm
    return word.startswith("ان") and (word == "ان" or word[2:] in {"ه", "ها", "هم", "هما", "هن", "نا", "ني"})


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
            while begin < end and text[begin].isspace():
                begin += 1  # أن" هذا …
    while True:
        while end > begin and not (text[end - 1].isalnum() or text[end - 1] in "»”\"!؟?"):
            end -= 1
        tail = tokens(text[begin:end], begin)
        if not tail or tail[-1].norm not in CONNECTIVES:
            return begin, end, kind
        end = tail[-1].start


def _before(toks: list[Token], at: int) -> Token:
    """The last token ending before character ``at``."""
    return [t for t in toks if t.end <= at][-1]


def _cut_short(text: str, end: int) -> bool:
    """Whether the sentence ending at ``end`` was cut at an ellipsis (``..``), maybe inside a quotation."""
    return text[max(end - 2, 0):end] == ".."


def _quoted_words(text: str, at: int, limit: int) -> int:
    """Words inside the quotation opened at ``text[at]`` (0 when it is not closed before ``limit``),
    up to ``limit`` when the sentence was cut at an ellipsis inside it (``وكشف بلاتر "بعد الغذاء …..``)."""
    close = text.find(_QUOTE_CLOSE[text[at]], at + 1, limit)
    if close < 0 and _cut_short(text, limit):
        close = limit
    return len(text[at + 1:close].split()) if close > at else 0


def _titled_name(text: str, at: int, words: int) -> bool:
    """Whether the short quotation opened at ``text[at]`` is a name followed by its holder's title, a
    definite noun or a relative clause (``وأعلن "لي كيو تشول" المتحدث باسم …``، ``وأكدت "جين بارك" الفائزة``،
    ``أكد "الوطني الحر" الذي …``), not speech."""
    close = text.find(_QUOTE_CLOSE[text[at]], at + 1)
    after = tokens(text[close + 1:close + 40], close + 1)[:1] if close > at else []
    word = after[0].norm if after else ""
    return words < _QUOTED_WORDS and bool(word) and (
        word in TITLES | _RELATIVES or word.startswith("ال") or word[2:] in TITLE_KEYS | OFFICES)


def _closes_name(text: str, verb_end: int, token: Token) -> bool:
    """Whether the complementizer-like ``token`` ends a quoted name opened after the verb (``"بارك غيون هيي
    ان"``), not ``أن"…`` opening a quotation."""
    closing = text[token.end:token.end + 1]
    between = text[verb_end:token.start]
    return closing == '"' and between.count('"') % 2 == 1 or closing in "»”" and closing != "" and (
        between.count("«") + between.count("“") > between.count("»") + between.count("”"))


def _marker(article: Article, toks: list[Token], at: int, sentence: Sentence) -> tuple[int, int] | None:
    """``(subject end, content start)`` for the verb token at ``at``: complementizer, colon or quotation."""
    text = article.text
    previous_end, previous = toks[at].end, toks[at]
    for token in toks[at + 1: at + 1 + _MAX_SUBJECT]:
        for cut in range(previous_end, token.start):
            mark = text[cut]
            if mark == ":":
                return cut, cut + 1
            at_verb = token is toks[at + 1]  # وأضاف "…": the quotation follows the verb itself
            if not (opens_quote(text, cut) or at_verb and mark == '"'):
                continue
            words = _quoted_words(text, cut, sentence.end)
            named = _titled_name(text, cut, words)
            if (at_verb and words >= 2 and not named
                    or words >= _QUOTED_WORDS and _before(toks, cut).bare() not in _TITLED):
                return cut, cut
        previous_end = token.end
        if (token.bare() in SPEECH_VERBS or token.norm in PARTICIPLES) and previous.norm not in _VERBAL_NOUN:
            return None  # another verb (also ``الذي قال``) owns the complementizer after it
        previous = token
        if (_is_complementizer(token.norm) and text[token.start - 1] != "."  # (سي.إن.إن) is a name
                and not _closes_name(text, toks[at].end, token)):
            return token.start, token.end if token.norm in ("ان", "بان") else token.start
    return None


def _relative(token: Token) -> bool:
    """Whether ``token`` opens a relative clause (``التي``، ``والتي``, see :data:`_RELATIVES`)."""
    return token.norm in _RELATIVES or token.bare() in _RELATIVES


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


def _quoted(text: str, sentence: Sentence, at: int) -> bool:
    """Whether offset ``at`` lies inside a quotation opened earlier in ``sentence``: closed after it, or
    running past a sentence cut at an ellipsis (``"قبل أسابيع قال لي إننا …..``)."""
    before, after = text[sentence.start:at], text[at:sentence.end]
    cut = _cut_short(text, sentence.end)
    for opening, closing in (("«", "»"), ("“", "”")):
        if before.count(opening) > before.count(closing) and (closing in after or cut):
            return True
    opened = any(text[k] == '"' and opens_quote(text, k) for k in range(sentence.start, at))
    return opened and before.count('"') % 2 == 1 and ('"' in after or cut)


def _triggers(article: Article, toks: list[Token], sentence: Sentence) -> list[tuple[int, int, int]]:
    """``(verb token, subject end, content start)`` of each speech verb with its marker."""
    found = []
    for at in range(len(toks)):
        if not _is_verb(article, toks, at):
            continue
        if at and _relative(toks[at - 1]) or at + 1 < len(toks) and toks[at + 1].norm in _NOT_SPEECH:
            continue
        if toks[at].norm in _ELATIVE and (at + 1 < len(toks) and toks[at + 1].norm == "ما" or at and not any(
                mark in article.text[toks[at - 1].end:toks[at].start] for mark in ".،,:;؛")):
            continue  # ومن أبرز المشاريع / ستكون أبرز النقاط / أبرز ما جاء: the elative, not وأبرز / ، أبرز
        if at and _is_complementizer(toks[at - 1].norm.removeprefix("ف")):
            continue  # فإنها ترى أن …: a verb of the statement itself, its subject the pronoun
        if _quoted(article.text, sentence, toks[at].start):
            continue  # "… قال لي إننا …": speech reported inside a quotation belongs to it
        marker = _marker(article, toks, at, sentence)
        if marker is not None:
            found.append((at, *marker))
    return found


def _is_inner(article: Article, toks: list[Token], begin: int, verb: int) -> bool:
    """Whether speech verb ``toks[verb]`` is inside the statement starting at ``begin``: only its
    subject (a few words, no punctuation) stands between, and no conjunction joins it."""
    between = [t for t in toks[:verb] if t.start >= begin]
    text = article.text[begin:toks[verb].start]
    return (len(between) <= _INNER_SUBJECT and toks[verb].bare() == toks[verb].norm not in PARTICIPLES
            and not any(mark in text for mark in ".،,:;؛\"«»"))


def _adverbial(text: str, token: Token) -> bool:
    """Whether ``token`` opens an adverbial before a verb (``وفي سياق متصل``، ``وبخصوص``، ``وتعليقا``);
    ``والي`` written with ي is the governor, not ``وإلى``/``والى``."""
    governor = text[token.start:token.end] == "والي"
    word = token.norm[1:] if token.norm[:1] in "وف" and len(token.norm) > 1 and not governor else token.norm
    return (word in _ADVERBIAL_OPENERS or token.norm in _ADVERBIAL_OPENERS and not governor
            or word.startswith(("بال", "لل")) or word.endswith("ا"))


def _unnamed_subject(text: str, toks: list[Token], clause: int, at: int) -> bool:
    """Whether the verb ``toks[at]`` has a subject before it in its clause that names no one known
    (``يشار أن لاعبة الجيدو … صرحت``، ``كل المؤشرات … تؤكد``): then it is not the previous speaker."""
    before = [t for t in toks[:at] if t.start >= clause]
    opened = max((k + 1 for k, t in enumerate(before) if _is_complementizer(t.norm)), default=0)
    before = [t for t in before[opened:] if t.norm not in CONNECTIVES | _LEADING]
    return bool(before) and not _adverbial(text, before[0])


def _participle_speaks(article: Article, toks: list[Token], at: int, subject_end: int) -> bool:
    """Whether participle ``toks[at]`` reports a statement: its marker follows at once or after
    ``إلى``/``على``/an adverbial, not after a noun it governs."""
    lead = next((t for t in toks[at + 1:] if t.start < subject_end), None)
    return lead is None or lead.norm in _PARTICIPLE_LEAD or lead.norm in _ADVERBIAL_OPENERS


def _purpose_clause(article: Article, toks: list[Token], clause: int) -> bool:
    """Whether the clause starting at ``clause`` opens with ل + a verb (``لتصبح``، ``ليكون``): a purpose
    clause, whose subject is no speaker."""
    first = next((t for t in toks if t.start >= clause), None)
    named = any(m.start == first.start for m in article.mentions) if first else False
    return first is not None and first.norm[:2] in ("لي", "لت", "لن") and len(first.norm) > 4 and not named


def _teller(verb: Token, speaker: Speaker) -> Speaker:
    """After ``أبلغ`` (told) a definite phrase's first word is the subject, the rest whom it was told to
    (``وأبلغت السفيرة مجموعة من الصحفيين "…"``: ``السفيرة``)."""
    words = speaker.name.split()
    if verb.bare() not in _TELLING or speaker.type or speaker.unattributed or len(words) < 2:
        return speaker
    return replace(speaker, name=words[0]) if normalize(words[0]).startswith("ال") else speaker


def _group_verb(verb: Token, previous: Speaker | None) -> bool:
    """Whether ``verb`` is a plural past form (``صرحوا``، ``اعترفوا``) after a named speaker: with no
    subject its speakers are a group, not the one person or body quoted before."""
    plural = verb.bare().endswith("وا") and verb.bare()[:-2] in _PAST_FORMS
    return plural and previous is not None and not previous.unattributed


def _same_source(speaker: Speaker) -> bool:
    """``نفس المصدر``, ``المصدر ذاته``: the source of the statement before."""
    return speaker.unattributed and bool(_SAME & set(normalize(speaker.name).split()))


def _sentence_quotes(
    article: Article, number: int, sentence: Sentence, previous: Speaker | None, known: list[Speaker]
) -> list[Quote]:
    """The quotes of one sentence; ``previous`` continues a pronoun subject; ``known``: earlier speakers."""
    toks = tokens(sentence.text, sentence.start)
    triggers = _triggers(article, toks, sentence)
    found: list[Quote] = []
    for k, (at, subject_end, begin) in enumerate(triggers):
        verb = toks[at]
        clause = _clause_start(article.text, sentence, verb.start)
        # a verb inside what someone said (X أكد أن Y أعلن أن …): its subject is after that أن
        if at and toks[at - 1].norm == "قد" and clause > sentence.start:
            clause = sentence.start  # وكانت الوزارة، قد أفادت: the subject stands before the comma
        inner = [t.end for t in toks[:at] if t.start >= clause and _is_complementizer(t.norm)]
        clause = max([clause, *inner])
        if verb.norm in PARTICIPLES:
            if not _participle_speaks(article, toks, at, subject_end):
                continue
            speaker = found[-1].speaker if found else (opening_subject(article, toks[:at]) or previous)
        elif verb.bare() in _WITH_AN and any(t.norm == "عن" for t in toks[at + 1:]
                                              if t.start < subject_end):
            continue  # كشف عن … / أعلن عن …: what follows is an object, not speech
        else:
            purpose = _purpose_clause(article, toks, clause)  # ، لتصبح تونس … وأضاف: no subject
            named_end = min(subject_end, toks[min(at + _NAMED_SUBJECT, len(toks) - 1)].end)
            speaker = (speaker_in(article, verb.end, named_end)
                       or (None if purpose else speaker_in(article, clause, verb.start, named_only=True))
                       or (None if _unnamed_subject(article.text, toks, clause, at)
                           or _group_verb(verb, previous) else previous))
            if speaker is not None and previous is not None and _same_source(speaker):
                speaker = previous
            elif speaker is not None:
                speaker = _teller(verb, speaker)
                speaker = by_title(article, speaker, verb.start, known + [q.speaker for q in found], previous)
        if speaker is None:
            continue
        following = k + 1
        while following < len(triggers) and _is_inner(article, toks, begin, triggers[following][0]):
            following += 1  # X قال إن Y أعلن أن …: X's words run on through Y's statement
        limit = toks[triggers[following][0]].start if following < len(triggers) else sentence.end
        limit = next((t.start for t in toks if begin < t.start < limit and t.norm in _CLAUSE_BREAKS
                      and "،" in article.text[t.start - 3:t.start]), limit)
        start, end, kind = _content(article, begin, limit)
        if len(article.text[start:end].split()) < 2:
            continue
        found.append(Quote(number, sentence.index, start, end, article.text[start:end], speaker, kind,
                           article.text[verb.start:verb.end]))
        previous = speaker
    return found


def _announcer(article: Article, sentence: Sentence) -> Speaker | None:
    """Who opens ``sentence`` with a speech verb and an object in عن (``أبلغت مواطنة … عن اختفاء``،
    ``كشف وزير التجارة عمر الباهي عن …``): no quote, but the speaker a following ``وأكدت أن`` continues;
    only a recognised name or an unnamed source (not ``كل من السعودية والبحرين``)."""
    toks = tokens(sentence.text, sentence.start)
    if not toks or toks[0].bare() not in _WITH_AN | _TELLING:
        return None
    about = next((t for t in toks[1:_NAMED_SUBJECT] if t.norm == "عن"), None)
    return speaker_in(article, toks[0].end, about.start, named_only=True) if about is not None else None


def _other_actor(article: Article, sentence: Sentence, speaker: Speaker) -> bool:
    """Whether ``sentence`` (with no quote) opens with someone other than ``speaker`` as its subject."""
    subject = opening_subject(article, tokens(sentence.text, sentence.start)[:4])
    return subject is not None and subject.type == "PER" and speaker_key(subject) != speaker_key(speaker)


def article_quotes(article: Article, number: int = 0) -> list[Quote]:
    """The quotes of one annotated article (``number``: its position in a story)."""
    quotes: list[Quote] = []
    recent, said = None, 0
    for sentence in article.sentences:
        if sentence.index - said > 2:
            recent = None
        found = _sentence_quotes(article, number, sentence, recent, [q.speaker for q in quotes])
        relayed = None if found else relayed_source(article, sentence) or _announcer(article, sentence)
        if found or relayed is not None:
            recent, said = found[-1].speaker if found else relayed, sentence.index
        elif recent is not None and _other_actor(article, sentence, recent):
            recent = None  # ودعا Y إلى …: a later وأضاف may be Y's, not the speaker before
        quotes += found
    return quotes


def find_quotes(articles: Sequence[Article]) -> list[Quote]:
    """The quotes of every article, in article then text order."""
    return [q for number, article in enumerate(articles) for q in article_quotes(article, number)]
