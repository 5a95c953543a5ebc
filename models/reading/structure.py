"""Article structure: headline, dateline, source credit, byline and keyword list.

News files open with a headline, often a date line and a source credit, and
saved pages may end with a source line and a keyword list. These lines stay in
``Article.text`` (so every offset still points into the file's text) but are
kept out of the body paragraphs and sentences that the summariser reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from models.article import Article, Metadata, Sentence
from models.sentences import paragraph_spans, split_paragraphs

# Headlines are short and do not end like a sentence (a question or exclamation is fine).
# News headlines run to ~16 words; a longer first line counts only when a blank line follows it.
HEADLINE_MAX_WORDS = 16
HEADLINE_MAX_WORDS_SET_OFF = 22
HEADLINE_MAX_CHARS = 180
_FULL_STOP = re.compile(r"(?<!\.)\.(?:\s|$)|[:،,؛;]$")

_SPACE = " \t\f\v\u00a0\u200b\u200c\u200d\u200e\u200f\ufeff"

_WEEKDAYS = "الأحد الاحد الإثنين الاثنين الأثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت"
_MONTHS = (
    # Egyptian / Gulf transliterated months
    "يناير فبراير مارس أبريل إبريل ابريل مايو يونيو يونية يوليو يولية أغسطس اغسطس سبتمبر "
    "أكتوبر اكتوبر نوفمبر ديسمبر "
    # Maghrebi (Algeria, Tunisia, Morocco)
    "جانفي فيفري أفريل افريل ماي جوان جويلية أوت اوت يوليوز غشت شتنبر نونبر دجنبر "
    # Levantine / Iraqi
    "كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول تشرين "
    # Hijri
    "محرم ربيع جمادى جمادي رجب شعبان رمضان شوال ذو ذي القعدة الحجة"
)
# Words that may sit on a date line without making it prose.
_DATE_FILLER = (
    "الأول الاول الثاني الآخر الاخر الأولى الاولى الآخرة الاخرة "
    "ص م مساء مساءً صباحا صباحاً ظهرا ظهراً هـ ه الموافق الساعة بتوقيت غرينتش جرينتش مكة المكرمة "
    "نشر في نشرت بتاريخ تاريخ آخر اخر تحديث تحديثه تم النشر منذ عام سنة يوم "
    "am pm gmt utc"
)
_WEEKDAY_SET = frozenset(_WEEKDAYS.split())
_MONTH_SET = frozenset(_MONTHS.split())
_FILLER_SET = frozenset(_DATE_FILLER.split())

_BLANK_AFTER = re.compile(rf"[{_SPACE}]*\n[{_SPACE}]*\n")
_TOKEN = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+")  # words with their marks; not the Arabic comma
_NUMERIC_DATE = re.compile(r"\b\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,4}\b")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_SOURCE_LINE = re.compile(r"^(?:ال)?مصدر\s*[|:：\-–—/]\s*(?P<name>\S.*)$")
_CREDIT_LINE = re.compile(r"^(?P<name>[^.!?؟:،,]{2,40}?)\s*[-–—|]$")
_KEYWORD_LABEL = re.compile(
    r"^(?:ال)?(?:كلمات\s+(?:ال)?(?:مفتاحية|دلالية|البحث)|وسوم|تاغات|tags|keywords)(?=$|[\s:：|\-–—])\s*[:：|\-–—]?\s*",
    re.IGNORECASE,
)
# News agencies, for credits written into the first or last line of the body.
_AGENCY = (r"(?:رويترز|[أا]\.?\s?ف\.?\s?ب|فرانس\s?برس|د\.?\s?ب\.?\s?[أا]|ال[أا]ناضول|واس|وام|قنا|كونا|سانا"
           r"|بترا|وفا|شينخوا|يونهاب|سبوتنيك|[أا]سوشيتد\s?برس|(?:ال)?وكالات)")
_AGENCIES = rf"{_AGENCY}(?:\s*[،,+و]\s*{_AGENCY})*"
_PLACE = r"[^\s\d.،,:()«»\-–—]+(?:\s[^\s\d.،,:()«»\-–—]+)?"
_AGENCY_OPENER = re.compile(
    rf"(?:(?:{_PLACE}\s*)?[(«]\s*(?P<a1>{_AGENCIES})\s*[)»]\s*[-–—:]?"
    rf"|(?:{_PLACE}\s*[-–—،,]\s*)?(?P<a2>{_AGENCIES})\s*[-–—])\s*")
_AGENCY_CLOSER = re.compile(rf"\s*[(«]\s*(?P<a>{_AGENCIES})\s*[)»]\s*$")
_KEYWORD_SPLIT = re.compile(r"\s*[،,;؛|•·#\n]\s*")
# A byline: «حوار: آسيا العتروس», «بقلم: …», «كتب - …», "By …" (a name of at most four words).
_BYLINE = re.compile(
    r"^(?:حوار|بقلم|كتب|كتبت|كتبه|إعداد|اعداد|تقرير|تحقيق|متابعة|ترجمة|by|written by|interview by)"
    r"\s*[:：\-–—]?\s*(?P<name>[^\d.!?؟:،,()]{2,50})$", re.IGNORECASE)
# "Label: value" fields of a trailing credit line («Source: BNA | Published: 20/04/2024»).
_FIELD = re.compile(r"^(?P<label>[^:：|]{1,40}?)\s*[:：]\s*(?P<value>\S.*)$")
_SOURCE_LABEL = re.compile(r"^(?:source|(?:ال)?مصدر)$", re.IGNORECASE)
_DATE_LABEL = re.compile(r"^(?:(?:date|published|updated|posted)\b.*|(?:ال)?تاريخ.*|نشر(?:ت)?(?:\s+في)?)$",
                         re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def _lines(text: str) -> list[_Line]:
    """Non-blank lines as spans with surrounding whitespace (incl. NBSP) trimmed."""
    lines = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip(_SPACE)
        if stripped:
            start = pos + raw.index(stripped)
            lines.append(_Line(start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return lines


def is_dateline(line: str) -> bool:
    """True for a line that only gives a date and/or time (and maybe a place)."""
    text = line.translate(_DIGITS)
    tokens = _TOKEN.findall(text)
    if not tokens or len(tokens) > 14:
        return False
    numbers = [t for t in tokens if t.isdigit()]
    months = [t for t in tokens if t in _MONTH_SET]
    weekdays = [t for t in tokens if t in _WEEKDAY_SET]
    has_date = bool(_NUMERIC_DATE.search(text) or _TIME.search(text) or (months and numbers)
                    or (weekdays and (months or numbers)))
    if not has_date:
        return False
    other = [t for t in tokens
             if not t.isdigit() and t not in _MONTH_SET and t not in _WEEKDAY_SET
             and t.lower() not in _FILLER_SET]
    return len(other) <= 1


def source_of(line: str, *, at_top: bool) -> str | None:
    """The source named by a credit line («المصدر | …», «نور نيوز –» at the top), else None."""
    match = _SOURCE_LINE.match(line)
    if match:
        return match["name"].strip(_SPACE + "|-–—")
    if at_top:
        match = _CREDIT_LINE.match(line)
        if match and len(match["name"].split()) <= 4:
            return match["name"].strip(_SPACE)
    return None


def is_headline(line: _Line, *, set_off: bool = False) -> bool:
    """A short line without a full stop (``..`` and a final ``!`` or ``؟`` are fine).

    ``set_off``: a blank line follows, which allows a somewhat longer headline.
    """
    text = line.text
    limit = HEADLINE_MAX_WORDS_SET_OFF if set_off else HEADLINE_MAX_WORDS
    if line.words > limit or len(text) > HEADLINE_MAX_CHARS:
        return False
    if _FULL_STOP.search(text):
        return False
    return not is_dateline(text)


def split_keywords(text: str, body: str) -> tuple[str, ...]:
    """Keywords from a list; space-separated lists keep names found in the body together."""
    parts = [p.strip(_SPACE + "#") for p in _KEYWORD_SPLIT.split(text)]
    parts = [p for p in parts if p]
    if len(parts) > 1:
        return tuple(parts)
    words = text.split()
    keywords: list[str] = []
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            phrase = " ".join(words[i:i + size])
            if size == 1 or (i + size <= len(words) and phrase in body):
                keywords.append(phrase)
                i += size
                break
    return tuple(keywords)


@dataclass
class _Structure:
    title: _Line | None = None
    dateline: str = ""
    source: str = ""
    byline: str = ""
    keywords: tuple[str, ...] = ()
    body: tuple[int, int] | None = None


def _detect(text: str, lines: list[_Line], *, headline: bool | None, subtitles: int = 0) -> _Structure:
    found = _Structure()
    first, last = 0, len(lines)

    # Trailing keyword list: a label line (keywords inline or on the lines below).
    for i in range(max(1, last - 4), last):
        match = _KEYWORD_LABEL.match(lines[i].text)
        if match:
            rest = lines[i].text[match.end():]
            following = "\n".join(line.text for line in lines[i + 1:last])
            listed = "\n".join(part for part in (rest, following) if part)
            if listed and len(listed.split()) <= 40:
                found.keywords = split_keywords(listed, text[:lines[i].start])
                last = i
                break

    # Trailing field lines naming the source or the date.
    last = _trailing_fields(lines, last, found)

    # Trailing source credit.
    for i in range(last - 1, max(1, last - 3) - 1, -1):
        name = source_of(lines[i].text, at_top=False)
        if name:
            found.source = name
            last = i
            break

    # Headline, then date and credit lines near the top.
    if last - first > 1 and (headline or (headline is None and _is_headline_line(text, lines[first]))):
        found.title = lines[first]
        first += 1
        first += max(0, min(subtitles, last - first - 1))
    while first < last - 1 and first < 4:
        line = lines[first].text
        if not found.dateline and is_dateline(line):
            found.dateline = line
        elif not found.source and (name := source_of(line, at_top=True)):
            found.source = name
        elif not found.byline and (byline := _BYLINE.match(line)) and len(byline["name"].split()) <= 4:
            found.byline = line
        else:
            break
        first += 1
    if first < last:
        found.body = _strip_agency_credits(text, lines[first].start, lines[last - 1].end, found)
    return found


def _fields(line: str) -> list[tuple[str, str]] | None:
    """The ``label: value`` parts of a line split at ``|``, or None unless the first part is one."""
    parts = [part.strip(_SPACE) for part in line.split("|")]
    found = []
    for part in parts:
        match = _FIELD.match(part)
        if match and len(match["label"].split()) <= 4:
            found.append((match["label"].strip(), match["value"].strip()))
        elif not found:
            return None
    return found


def _trailing_fields(lines: list[_Line], last: int, found: _Structure) -> int:
    """Move the body's end above trailing ``label: value`` lines when one names the source or date.

    Word files end with lines such as «Source: Bahrain News Agency | Published:
    20/04/2024» or «Date: 15/03/2024 | Ministry of Health»: they are metadata, not
    sentences. Returns the new end (``last`` when there are none).
    """
    block: list[list[tuple[str, str]]] = []
    i = last
    while i - 1 > 1 and last - i < 4 and (fields := _fields(lines[i - 1].text)) is not None:
        block.append(fields)
        i -= 1
    labelled = [(label, value) for fields in block for label, value in fields]
    sources = [value for label, value in labelled if _SOURCE_LABEL.match(label)]
    dates = [value for label, value in labelled if _DATE_LABEL.match(label)]
    if not sources and not dates:
        return last
    found.source = found.source or (sources[0] if sources else "")
    found.dateline = found.dateline or (dates[0] if dates else "")
    return i


def _strip_agency_credits(text: str, start: int, end: int, found: _Structure) -> tuple[int, int]:
    """Move the body bounds past an agency opener («طوكيو - رويترز -») and a final «(الأناضول)»."""
    opener = _AGENCY_OPENER.match(text, start, min(end, start + 80))
    if opener and opener.end() < end:
        found.source = found.source or " ".join((opener["a1"] or opener["a2"]).split())
        start = opener.end()
    closer = _AGENCY_CLOSER.search(text, max(start, end - 60), end)
    if closer and closer.start() > start:
        found.source = found.source or " ".join(closer["a"].split())
        end = closer.start()
    return start, end


def _is_headline_line(text: str, line: _Line) -> bool:
    """``is_headline`` for the first line, unless it is a hard-wrapped piece of a paragraph."""
    set_off = bool(_BLANK_AFTER.match(text, line.end))
    if not is_headline(line, set_off=set_off):
        return False
    paragraphs = paragraph_spans(text, line.start, min(len(text), line.end + 2000))
    if not paragraphs or paragraphs[0][1] != line.end:
        return False
    return set_off or not _hard_wrapped(text, line)


def _hard_wrapped(text: str, line: _Line) -> bool:
    """The first line and the lines right below it look like text wrapped at a fixed width."""
    below = text[line.end + 1:line.end + 1200].split("\n")[:6]
    if len(below) < 3 or not all(b.strip() for b in below[:3]):
        return False
    width = max(len(b) for b in below)
    return width <= 150 and len(line.text) >= 0.75 * width


def article_from_text(text: str, path: str | Path | None = None, *, headline: bool | None = None,
                      dateline: str = "", subtitles: int = 0) -> Article:
    """Build an :class:`Article` from decoded text (``\\n`` line endings).

    Recognises the headline, dateline, source credit and trailing keyword list,
    keeps them out of the body, and splits the body paragraphs into sentences
    whose spans index ``text``. ``headline=True`` says the first line is the
    title (a reader that knows it, e.g. from HTML); ``None`` detects it.
    ``dateline`` is the date the file's metadata gives, used when no date line is found;
    ``subtitles`` lines after the title are display lines (a Word subtitle), kept out of the body.
    """
    found = _detect(text, _lines(text), headline=headline, subtitles=subtitles)
    sentences: list[Sentence] = []
    paragraphs: list[tuple[int, int]] = []
    if found.body:
        # one pass over the whole body, so hard-wrapped lines are judged against the whole body's width
        for number, (paragraph, spans) in enumerate(split_paragraphs(text, *found.body)):
            paragraphs.append(paragraph)
            sentences.extend(Sentence(i, start, end, text[start:end], number)
                             for i, (start, end) in enumerate(spans, start=len(sentences)))
    title = found.title
    return Article(
        text=text,
        sentences=tuple(sentences),
        paragraphs=tuple(paragraphs),
        title=title.text if title else "",
        title_span=(title.start, title.end) if title else None,
        metadata=Metadata(dateline=found.dateline or dateline, source=found.source, keywords=found.keywords,
                          byline=found.byline),
        path=Path(path) if path is not None else None,
    )
