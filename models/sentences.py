"""Arabic sentence segmentation into character spans.

Sentences end at ``. ؟ ? ! …`` and at hard line breaks. Closing quotes and
brackets stay with the sentence they close; decimals, times, initials,
abbreviations and agency codes (``د.ب.أ``), list numbers and dots inside short
brackets do not end a sentence. A missing space after the full stop
(``نوح.و تعني``) is handled. Text hard-wrapped at a fixed width is unwrapped:
a wrapped line break is not a sentence boundary.

Sentences longer than :data:`MAX_WORDS` words are cut at ``؛`` (preferred) or
``،`` into balanced pieces, only as often as needed, so that translation
models get inputs of a reasonable length. A run of text with no punctuation at
all is cut between words as a last resort.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

__all__ = ["MAX_WORDS", "paragraph_spans", "split_paragraphs", "split_sentences"]

MAX_WORDS = 60
"""Sentences longer than this are cut at ``؛`` or ``،``."""

_MIN_PIECE = 6  # never cut off a piece shorter than this many words
_TERMINAL_RE = re.compile(r"[.…؟?!۔]+")
_CLOSERS = "»”’›)]}"
_AMBIGUOUS_QUOTES = "\"'"
_BRACKETS = {"(": ")", "[": "]", "{": "}", "«": "»", "“": "”"}
_BRACKET_SPAN = 250  # dots inside brackets/quotes closed within this many characters do not split
_STRONG_CUTS = "؛;"
_WEAK_CUTS = "،,"
_LIST_MARKERS = "*-–—•●▪ـ"
_LATIN_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "vs", "no", "jr", "sr", "inc", "ltd", "co",
})
_YEAR_LETTERS = frozenset({"م", "ه", "هـ"})  # 1952 م. / 1400 هـ. end a sentence
# Latin letters as Arabic spells them, for initials («جون إف. كينيدي»); letter names that are
# also common words («في», «أو», «أن», «أم», «أي», «ال») are left out.
_LATIN_LETTERS_IN_ARABIC = frozenset(
    "إيه بي سي دي إي إف اف جي إتش اتش آي جيه جاي كيه كاي إل إم آر إس اس تي يو دبليو إكس اكس واي زد كيو"
    .split())
_NEXT_WORD_RE = re.compile(r"[ \t]*([^\W\d_]+)")
_MARKS_RE = re.compile(r"[\u064b-\u065f\u0670\u0640]")
_WORD_CHAR_RE = re.compile(r"[^\W_]")
_SPACE_RE = re.compile(r"\S+")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``.

    Returns ``(start, end)`` offsets into ``text`` (absolute), in order, with
    surrounding whitespace excluded; spans without any letter or digit are
    dropped.
    """
    return [span for _, spans in split_paragraphs(text, start, end) for span in spans]


def split_paragraphs(
    text: str, start: int = 0, end: int | None = None,
) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """Each paragraph span of ``text[start:end]`` (see :func:`paragraph_spans`) with its sentence spans.

    Paragraphs without a sentence (no letter or digit) are left out.
    """
    found = []
    for para_start, para_end in paragraph_spans(text, start, end):
        spans: list[tuple[int, int]] = []
        for s, e in _split_block(text, para_start, para_end):
            s, e = _strip(text, s, e)
            if s < e and _WORD_CHAR_RE.search(text, s, e):
                spans.extend(_split_long(text, s, e))
        if spans:
            found.append(((para_start, para_end), spans))
    return found


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the paragraphs (lines, or unwrapped blocks of hard-wrapped lines) in ``text[start:end]``.

    Text wrapped at a fixed width (most lines about as long as the longest,
    short of ~150 characters) is joined back: a line break after a full-width
    line that does not end a sentence is a wrapped one. Spans are stripped;
    blank lines are skipped.
    """
    end = len(text) if end is None else end
    lines = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        s, e = _strip(text, pos, stop)
        lines.append((s, e))
        pos = stop + 1
    filled = [(s, e) for s, e in lines if s < e]
    width = max((e - s for s, e in filled), default=0)
    full = sum(e - s >= 0.75 * width for s, e in filled)
    wrapped = len(filled) >= 3 and width <= 150 and full * 2 >= len(filled)
    paragraphs: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for i, (s, e) in enumerate(lines):
        if s >= e:
            if current:
                paragraphs.append(current)
            current = None
            continue
        current = (current[0], e) if current else (s, e)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        soft = (
            wrapped and nxt is not None and nxt[0] < nxt[1]
            and e - s >= 0.75 * width
            and text[e - 1] not in ".؟?!…:" + _CLOSERS + _AMBIGUOUS_QUOTES
            and text[nxt[0]] not in _LIST_MARKERS and not text[nxt[0]].isdigit()
        )
        if not soft:
            paragraphs.append(current)
            current = None
    if current:
        paragraphs.append(current)
    return paragraphs


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _bracketed(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Short, closed bracket pairs in one paragraph: starts and ends of the outermost ones, in order."""
    spans = []
    stack: list[tuple[str, int]] = []
    for i in range(start, end):
        ch = text[i]
        if ch in _BRACKETS:
            stack.append((_BRACKETS[ch], i))
        elif stack and ch == stack[-1][0]:
            _, opened = stack.pop()
            if i - opened <= _BRACKET_SPAN:
                spans.append((opened, i))
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):  # pairs from a stack nest or are disjoint: keep the outer ones
        if not ends or s > ends[-1]:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _inside(brackets: tuple[list[int], list[int]], pos: int) -> bool:
    """Whether ``pos`` lies strictly between a pair from :func:`_bracketed`."""
    starts, ends = brackets
    i = bisect.bisect_left(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def _token_before(text: str, pos: int, start: int) -> tuple[str, int]:
    """The letters/digits just before ``pos`` (and where they start), without their vowel marks.

    Marks and tatweel are part of the word (the scan goes past them: «فُقِدَت» is one
    word, not «ت») but are left out of the returned token.
    """
    i = pos
    while i > start and (text[i - 1].isalnum() or text[i - 1] == "\u0640"
                         or unicodedata.combining(text[i - 1])):
        i -= 1
    return _MARKS_RE.sub("", text[i:pos]), i


def _is_boundary(text: str, ps: int, pe: int, start: int, end: int) -> bool:
    """Whether the terminal punctuation ``text[ps:pe]`` ends a sentence."""
    if text[ps:pe] != ".":
        return True
    prev = text[ps - 1] if ps > start else " "
    nxt = text[pe] if pe < end else " "
    if prev.isdigit() and nxt.isdigit():
        return False  # 3.5, 2.11.2017
    token, token_start = _token_before(text, ps, start)
    if token.isdigit():
        line_start = text.rfind("\n", start, token_start) + 1
        lead = text[max(line_start, start):token_start]
        if not lead.strip(" \t" + _LIST_MARKERS):
            return False  # "1. " list number at the start of a line
    if len(token.rstrip("\u0640")) == 1 and token.isalpha():
        before, _ = _token_before(text, _strip(text, start, token_start)[1], start)
        return token in _YEAR_LETTERS and before.isdigit()  # 1952 م. ends; د. / أ.ف.ب do not
    if token.lower() in _LATIN_ABBREVIATIONS:
        return False
    if token in _LATIN_LETTERS_IN_ARABIC and nxt.isspace() and _next_is_name(text, pe, end):
        before, _ = _token_before(text, _strip(text, start, token_start)[1], start)
        if before and not before.isdigit():
            return False  # «جون إف. كينيدي»: a Latin initial spelt in Arabic, inside a name
    if nxt.isalpha() and prev.isascii() and nxt.isascii():
        return False  # aljazeera.net, e.g
    return True


def _next_is_name(text: str, pos: int, end: int) -> bool:
    """Whether the word after ``pos`` (same line) can go on a name: a word, neither a function
    word nor one opening with the conjunction «و» (which opens most Arabic sentences), nor «ف»
    before a function word («فمن»)."""
    from models.arabic import is_stop_word

    match = _NEXT_WORD_RE.match(text, pos, end)
    if not match:
        return False
    word = match[1]
    return not (is_stop_word(word) or word[0] == "و" or (word[0] == "ف" and is_stop_word(word[1:])))


def _after_closers(text: str, pos: int, end: int) -> int:
    """Extend a boundary over closing quotes and brackets."""
    while pos < end:
        ch = text[pos]
        if ch in _CLOSERS:
            pos += 1
        elif ch in _AMBIGUOUS_QUOTES and (pos + 1 >= end or not text[pos + 1].isalnum()):
            pos += 1
        else:
            break
    return pos


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    brackets = _bracketed(text, start, end)
    spans = []
    cur = start
    for m in _TERMINAL_RE.finditer(text, start, end):
        ps, pe = m.span()
        if ps < cur or not _is_boundary(text, ps, pe, start, end):
            continue
        if _inside(brackets, ps) and text[pe:pe + 1] not in _CLOSERS:
            continue  # inside short brackets or quotes, unless it ends them: «لن نتراجع.»
        stop = _after_closers(text, pe, end)
        spans.append((cur, stop))
        cur = stop
    if cur < end:
        spans.append((cur, end))
    return spans


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a too-long sentence into balanced pieces of at most MAX_WORDS words."""
    starts = [m.start() for m in _SPACE_RE.finditer(text, start, end)]
    if len(starts) <= MAX_WORDS:
        return [(start, end)]
    brackets = _bracketed(text, start, end)
    cuts = []  # (position after the mark, strong?)
    for i in range(start, end - 1):
        ch = text[i]
        if ch in _STRONG_CUTS or (ch in _WEAK_CUTS and not (text[i - 1].isdigit() and text[i + 1].isdigit())):
            pos = _after_closers(text, i + 1, end)
            if not _inside(brackets, i):
                cuts.append((pos, ch in _STRONG_CUTS))
    return _bisect(text, start, end, starts, cuts)


def _bisect(
    text: str, start: int, end: int, starts: list[int], cuts: list[tuple[int, bool]],
) -> list[tuple[int, int]]:
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    total = hi - lo
    if total <= MAX_WORDS:
        return [(start, end)]
    best, best_cost = None, None
    for pos, strong in cuts:
        if not start < pos < end:
            continue
        left = bisect.bisect_left(starts, pos) - lo
        right = total - left
        if min(left, right) < _MIN_PIECE:
            continue
        cost = max(left, right) + (0 if strong else MAX_WORDS // 6)
        if best_cost is None or cost < best_cost:
            best, best_cost = pos, cost
    if best is None:
        best = starts[lo + total // 2]  # no usable punctuation: cut between words
    left_span = _strip(text, start, best)
    right_span = _strip(text, best, end)
    return _bisect(text, *left_span, starts, cuts) + _bisect(text, *right_span, starts, cuts)
