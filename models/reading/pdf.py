"""Text out of PDF files with a text layer (pdfminer.six).

PDF text is a set of positioned glyphs, and producers disagree on the order in
which they write Arabic: some in reading order, many in visual (left-to-right)
order, which naive extraction returns reversed. So lines are rebuilt from
glyph positions — grouped by baseline, sorted left to right — and turned into
logical order with a small bidi step: the runs of a right-to-left line are
reversed, while digit and Latin runs keep their order. Arabic presentation
forms (U+FB50–U+FDFF, U+FE70–U+FEFF) that many producers put in the text layer
are mapped back to base letters with NFKC, applied to those characters only.
"""

from __future__ import annotations

import bisect
import io
import re
import statistics
import unicodedata
from dataclasses import dataclass

from models.arabic import is_stop_word
from models.reading.bidi import bidi_class, is_rtl, paragraph_is_rtl, to_logical
from models.reading.decoding import ContentError

MAX_PAGES = 300
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")
_DOUBLED = re.compile(r"([\u0621-\u064a\u0671-\u06d3])\1")
_GARBLED_MIN_WORDS = 50
_PRESENTATION = re.compile(r"[\ufb50-\ufdff\ufe70-\ufefe]+")
_LAM_ALEF_GUESS = "لا"
_PAGE_FURNITURE = re.compile(
    r"^(?:(?:page|p\.|صفحة|الصفحة)\s*)?[-–]?\s*\d+\s*(?:(?:/|of|من)\s*\d+)?\s*[-–]?$"
    r"|^(?:https?://|www\.)\S+(?:\s+\d+\s*/\s*\d+)?$", re.IGNORECASE)
_PARAGRAPH_END = tuple(".!?؟…:»”\")")
_GOOD_PAIRS = re.compile(r"(?:^|\s)[«(\[]\w|\w[»)\]](?=$|[\s.,،:؛!?؟])")
_BAD_PAIRS = re.compile(r"(?:^|\s)[»)\]]\w|\w[«(\[](?=$|[\s.,،:؛!?؟])")


@dataclass(slots=True)
class _Glyph:
    text: str
    x0: float
    x1: float
    y: float
    size: float
    guessed: bool = False  # a «لا» put in for a glyph without Unicode
    mark: bool = False  # combining marks only


def base_letters(text: str) -> str:
    """Arabic presentation forms mapped back to base letters; everything else untouched."""
    return _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _glyphs(layout) -> list[_Glyph]:
    """Glyphs of a page in stream order, combining marks attached to the letter they sit on."""
    from pdfminer.layout import LTChar

    out: list[_Glyph] = []

    def walk(item) -> None:
        if isinstance(item, LTChar):
            text = item.get_text()
            glyph = _Glyph(text, item.x0, item.x1, (item.y0 + item.y1) / 2, item.size or item.height)
            if text.startswith("(cid:"):
                # A glyph without Unicode: inside Arabic it is almost always the
                # mandatory lam-alef ligature, which some producers (Qt) leave unmapped.
                if out and out[-1].guessed and out[-1].x1 >= item.x0 - 0.5:
                    out[-1].x0, out[-1].x1 = min(out[-1].x0, item.x0), max(out[-1].x1, item.x1)
                else:
                    glyph.text, glyph.guessed = _LAM_ALEF_GUESS, True
                    out.append(glyph)
                return
            glyph.text = base_letters(text).replace("\ufeff", "")
            if not glyph.text:
                return
            glyph.mark = all(unicodedata.combining(c) for c in glyph.text)
            out.append(glyph)
            return
        for child in getattr(item, "_objs", ()):
            walk(child)

    walk(layout)
    letters = _attach_marks(out)
    return [g for i, g in enumerate(letters) if not g.guessed or _arabic_neighbour(letters, i)]


def _attach_marks(glyphs: list[_Glyph]) -> list[_Glyph]:
    """Glyphs with each combining mark added to the letter it is drawn on.

    Producers write a mark after its letter, or before it, or after the letter
    next to it in visual order; so the letter is, among the stream neighbours,
    the one whose box holds the mark's centre (else the previous letter).
    """
    letters: list[_Glyph] = []
    where: list[int] = []  # for each glyph, its letter's index in ``letters`` (-1 for marks)
    for glyph in glyphs:
        where.append(-1 if glyph.mark else len(letters))
        if not glyph.mark:
            letters.append(glyph)
    for i, mark in enumerate(glyphs):
        if not mark.mark:
            continue
        centre = (mark.x0 + mark.x1) / 2
        near = [where[j] for j in range(max(0, i - 3), min(len(glyphs), i + 4)) if where[j] >= 0]
        holding = [k for k in near if letters[k].x0 - 0.5 <= centre <= letters[k].x1 + 0.5
                   and not letters[k].text.isspace() and abs(letters[k].y - mark.y) <= letters[k].size]
        previous = next((where[j] for j in range(i - 1, -1, -1) if where[j] >= 0), None)
        target = min(holding, key=lambda k: abs((letters[k].x0 + letters[k].x1) / 2 - centre),
                     default=previous)
        if target is not None:
            letters[target].text += mark.text
    return letters


def _arabic_neighbour(glyphs: list[_Glyph], i: int) -> bool:
    """Whether the nearest non-space glyph before or after a guessed «لا» is Arabic."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(glyphs) and glyphs[j].text.isspace():
            j += step
        if 0 <= j < len(glyphs) and not glyphs[j].guessed and is_rtl(glyphs[j].text[0]):
            return True
    return False


def _lines(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Glyphs grouped into lines by vertical position, top of the page first."""
    lines: list[list[_Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: -g.y):
        if lines and abs(lines[-1][0].y - glyph.y) <= 0.4 * max(glyph.size, lines[-1][0].size):
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return lines


def _visual_units(line: list[_Glyph]) -> list[str]:
    """The line's glyph texts left to right, with spaces where glyphs are far apart.

    The gap that means a space is a fifth of the font size; for fonts whose
    glyph widths are missing (every glyph zero-wide), it is measured against the
    usual distance between neighbouring glyphs instead. A space glyph drawn
    where the letters around it touch (over a number, say) is misplaced and left out.
    """
    glyphs = sorted(line, key=lambda g: (g.x0 + g.x1) / 2)
    size = statistics.median(g.size for g in glyphs)
    zero_width = statistics.median(g.x1 - g.x0 for g in glyphs) < 0.1 * size
    if not zero_width:
        glyphs = _without_misplaced_spaces(glyphs, size)
    steps = [b.x0 - a.x0 for a, b in zip(glyphs, glyphs[1:], strict=False)]
    step = statistics.median(steps) if steps else size
    units: list[str] = []
    previous: _Glyph | None = None
    for glyph in glyphs:
        text = " " if glyph.text.isspace() else glyph.text
        if previous is not None and text != " " and units and units[-1] != " ":
            gap = glyph.x0 - previous.x0 - 1.6 * step if zero_width else glyph.x0 - previous.x1 - 0.2 * size
            if gap > 0:
                units.append(" ")
        if text != " " or (units and units[-1] != " "):
            units.append(text)
        previous = glyph
    while units and units[-1] == " ":
        units.pop()
    return units


def _without_misplaced_spaces(glyphs: list[_Glyph], size: float) -> list[_Glyph]:
    """Glyphs (sorted by centre) without the space glyphs drawn where there is no gap:
    between letters that touch, or with their centre inside a neighbouring letter."""
    inked = [i for i, g in enumerate(glyphs) if not g.text.isspace()]
    kept = []
    for i, glyph in enumerate(glyphs):
        if glyph.text.isspace():
            at = bisect.bisect_left(inked, i)
            before = glyphs[inked[at - 1]] if at > 0 else None
            after = glyphs[inked[at]] if at < len(inked) else None
            centre = (glyph.x0 + glyph.x1) / 2
            if before is not None and after is not None and after.x0 - before.x1 < 0.1 * size:
                continue
            if any(g is not None and g.x0 < centre < g.x1 for g in (before, after)):
                continue
        kept.append(glyph)
    return kept


def logical_order(units: list[str], *, mirror: bool = True, rtl: bool | None = None) -> str:
    """Glyph texts in visual (left-to-right) order, joined in reading order.

    The line is reordered with the bidirectional algorithm (:mod:`models.reading.bidi`)
    from the paragraph direction ``rtl`` (by default, the direction of most of its
    letters). ``mirror`` swaps brackets and guillemets in right-to-left runs:
    right for producers that map mirrored glyphs to the mirrored character, wrong
    for those that keep the logical one (:func:`_mirrors_brackets` tells which,
    per document).
    """
    if rtl is None:
        rtl = paragraph_is_rtl("".join(units))
    if rtl is None:
        return "".join(units)
    return to_logical(units, rtl, mirror=mirror)


def _mirrors_brackets(lines: list[tuple[list[str], bool]]) -> bool:
    """Whether mirroring gives brackets that open before a word and close after one."""
    def score(text: str) -> int:
        return len(_GOOD_PAIRS.findall(text)) - len(_BAD_PAIRS.findall(text))

    mirrored = sum(score(logical_order(units, rtl=rtl)) for units, rtl in lines)
    kept = sum(score(logical_order(units, mirror=False, rtl=rtl)) for units, rtl in lines)
    return mirrored >= kept


def _directions(pages: list[list[_VisualLine]]) -> list[list[bool]]:
    """The paragraph direction of every line (True: right to left).

    A short line (under 80% of the page's text width) flush with one margin and not
    the other, whose letter nearest that margin is of that direction, is aligned that
    way (a left-aligned «Arabic: مرحبا» in an English list reads left to right); other
    lines take the direction of most of the document's letters.
    """
    document = paragraph_is_rtl(" ".join("".join(line.units) for page in pages for line in page))
    default = document is not False
    directions = []
    for page in pages:
        if not page:
            directions.append([])
            continue
        left, right = min(line.x0 for line in page), max(line.x1 for line in page)
        page_directions = []
        for line in page:
            flush_left, flush_right = line.x0 - left < line.size, right - line.x1 < line.size
            short = line.x1 - line.x0 < 0.8 * (right - left)
            if short and flush_left != flush_right and _starts_with(line.units, rtl=flush_right):
                page_directions.append(flush_right)
            else:
                page_directions.append(default)
        directions.append(page_directions)
    return directions


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    y: float
    size: float


@dataclass(frozen=True, slots=True)
class _VisualLine:
    units: list[str]
    y: float
    size: float
    x0: float
    x1: float


def _page_lines(layout) -> list[_VisualLine]:
    """A page's lines top to bottom, glyphs left to right (text outside the page is ignored)."""
    x0, y0, x1, y1 = layout.bbox
    visible = [g for g in _glyphs(layout) if x0 - 1 <= g.x0 and g.x1 <= x1 + 1 and y0 <= g.y <= y1]
    lines = []
    for glyphs in _lines(visible):
        units = _visual_units(glyphs)
        if units:
            lines.append(_VisualLine(units, glyphs[0].y, statistics.median(g.size for g in glyphs),
                                     min(g.x0 for g in glyphs), max(g.x1 for g in glyphs)))
    return lines


def _starts_with(units: list[str], *, rtl: bool) -> bool:
    """Whether the letter nearest the line's right (``rtl``) or left end is of that direction."""
    for unit in reversed(units) if rtl else units:
        kind = bidi_class(unit)
        if kind in ("L", "R"):
            return (kind == "R") == rtl
    return False


def _in_reading_order(pages: list[list[_VisualLine]]) -> list[list[_Line]]:
    directions = _directions(pages)
    mirror = _mirrors_brackets([(line.units, rtl) for page, page_rtl in zip(pages, directions, strict=True)
                                for line, rtl in zip(page, page_rtl, strict=True)])
    return [[_Line(logical_order(line.units, mirror=mirror, rtl=rtl), line.y, line.size)
             for line, rtl in zip(page, page_rtl, strict=True)]
            for page, page_rtl in zip(pages, directions, strict=True)]


def _drop_page_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Remove page numbers, URLs and running headers/footers.

    A running header or footer is a line set apart at the top or bottom of a
    page whose text (digits aside) recurs at the edge of another page.
    """
    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text)

    def edges(page: list[_Line]) -> list[_Line]:
        near_edge = sorted({i for i in (0, 1, len(page) - 2, len(page) - 1) if 0 <= i < len(page)})
        return [page[i] for i in near_edge if _apart(page[i], page[max(0, i - 1):i] + page[i + 1:i + 2])]

    counts: dict[str, int] = {}
    for page in pages:
        for k in {key(line) for line in edges(page)}:
            counts[k] = counts.get(k, 0) + 1
    kept = []
    for page in pages:
        furniture = {id(line) for line in edges(page) if counts[key(line)] > 1}
        furniture |= {id(line) for line in page[:2] + page[-2:] if _PAGE_FURNITURE.match(line.text)}
        kept.append([line for line in page if id(line) not in furniture])
    return kept


def _apart(line: _Line, neighbours: list[_Line]) -> bool:
    return all(abs(line.y - other.y) > 1.8 * line.size for other in neighbours)


def _paragraphs(pages: list[list[_Line]]) -> list[str]:
    """Consecutive lines with normal spacing join into one paragraph, also across a page break."""
    paragraphs: list[list[str]] = []
    for page in pages:
        previous: _Line | None = None
        for line in page:
            if previous is None:
                joins = bool(paragraphs) and not paragraphs[-1][-1].endswith(_PARAGRAPH_END)
            else:
                joins = (previous.y - line.y <= 1.8 * line.size
                         and abs(line.size - previous.size) < 0.15 * line.size)
            if joins:
                paragraphs[-1].append(line.text)
            else:
                paragraphs.append([line.text])
            previous = line
    return [" ".join(p) for p in paragraphs]


def read_pdf(data: bytes) -> str:
    """Paragraphs of a PDF's text layer in reading order, separated by blank lines.

    Raises:
        ContentError: the PDF is damaged, encrypted, or has no text layer.
    """
    from pdfminer.high_level import extract_pages
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    pages: list[list[_VisualLine]] = []
    try:
        for page in extract_pages(io.BytesIO(data), laparams=None, maxpages=MAX_PAGES):
            pages.append(_page_lines(page))
    except PDFPasswordIncorrect:
        raise ContentError("the PDF is password-protected") from None
    except PDFSyntaxError as error:
        raise ContentError(f"the PDF is damaged ({error})") from None
    except Exception as error:  # pdfminer raises many types on damaged files
        if "encrypt" in str(error).lower():
            raise ContentError("the PDF is encrypted") from None
        raise ContentError(f"the PDF is damaged or unreadable ({type(error).__name__})") from None
    if not pages:
        raise ContentError("the PDF is damaged or has no pages")
    paragraphs = _paragraphs(_drop_page_furniture(_in_reading_order(pages)))
    if not paragraphs:
        raise ContentError("the PDF has no text layer (a scanned image?); run OCR on it first")
    text = "\n\n".join(paragraphs)
    if garbled(text):
        raise ContentError("the PDF's text layer is garbled (its fonts map glyphs to the wrong letters); "
                           "run OCR on the page images first")
    return text


def garbled(text: str) -> bool:
    """Whether the Arabic words of a text layer are implausible as Arabic.

    Arabic spelling writes a doubled consonant once, with a shadda, so few words
    hold the same letter twice in a row (at most 19% of the words in any of 2,729
    ANT news articles, the first 3,000 rows of ``ant-all.jsonl``), while fonts
    whose glyphs map to the wrong letters give runs like «صوو عييهاوخ». Such a layer also
    lacks the common function words. Needs :data:`_GARBLED_MIN_WORDS` Arabic words.
    """
    arabic = _ARABIC_WORD.findall(text)
    if len(arabic) < _GARBLED_MIN_WORDS:
        return False
    doubled = sum(bool(_DOUBLED.search(w)) for w in arabic) / len(arabic)
    function_words = sum(map(is_stop_word, arabic)) / len(arabic)
    return doubled > 0.3 and function_words < 0.15
