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

import io
import re
import statistics
import unicodedata
from dataclasses import dataclass

from models.reading.decoding import ContentError

MAX_PAGES = 300
_PRESENTATION = re.compile(r"[\ufb50-\ufdff\ufe70-\ufefe]+")
_LTR_CHARS = r"A-Za-z0-9\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9"
_LTR_UNIT = re.compile(rf"[{_LTR_CHARS}]+")
_LTR_JOINERS = frozenset(".,:/%-")
_LAM_ALEF_GUESS = "لا"
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
_PAGE_FURNITURE = re.compile(
    r"^(?:(?:page|p\.|صفحة|الصفحة)\s*)?[-–]?\s*\d+\s*(?:(?:/|of|من)\s*\d+)?\s*[-–]?$"
    r"|^(?:https?://|www\.)\S+(?:\s+\d+\s*/\s*\d+)?$", re.IGNORECASE)
_PARAGRAPH_END = tuple(".!?؟…:»”\")")
_NO_MIRROR = str.maketrans("", "")
_GOOD_PAIRS = re.compile(r"(?:^|\s)[«(\[]\w|\w[»)\]](?=$|[\s.,،:؛!?؟])")
_BAD_PAIRS = re.compile(r"(?:^|\s)[»)\]]\w|\w[«(\[](?=$|[\s.,،:؛!?؟])")


@dataclass(slots=True)
class _Glyph:
    text: str
    x0: float
    x1: float
    y: float
    size: float


def base_letters(text: str) -> str:
    """Arabic presentation forms mapped back to base letters; everything else untouched."""
    return _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _is_rtl(ch: str) -> bool:
    return "\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufefc"


def _glyphs(layout) -> list[_Glyph]:
    """Glyphs of a page in stream order, combining marks attached to their base."""
    from pdfminer.layout import LTChar

    out: list[_Glyph] = []

    def walk(item) -> None:
        if isinstance(item, LTChar):
            text = item.get_text()
            if text.startswith("(cid:"):
                # A glyph without Unicode: inside Arabic it is almost always the
                # mandatory lam-alef ligature, which some producers (Qt) leave unmapped.
                if not (out and out[-1].text == _LAM_ALEF_GUESS and out[-1].x1 >= item.x0 - 0.5):
                    out.append(_Glyph(_LAM_ALEF_GUESS, item.x0, item.x1, (item.y0 + item.y1) / 2,
                                      item.size or item.height))
                else:
                    out[-1].x0, out[-1].x1 = min(out[-1].x0, item.x0), max(out[-1].x1, item.x1)
                return
            text = base_letters(text).replace("\ufeff", "")
            if not text:
                return
            if out and all(unicodedata.combining(c) for c in text):
                out[-1].text += text
                return
            out.append(_Glyph(text, item.x0, item.x1, (item.y0 + item.y1) / 2, item.size or item.height))
            return
        for child in getattr(item, "_objs", ()):
            walk(child)

    walk(layout)
    return [g for i, g in enumerate(out) if g.text != _LAM_ALEF_GUESS or _arabic_neighbour(out, i)]


def _arabic_neighbour(glyphs: list[_Glyph], i: int) -> bool:
    return any(0 <= j < len(glyphs) and glyphs[j].text != _LAM_ALEF_GUESS and _is_rtl(glyphs[j].text[0])
               for j in (i - 1, i + 1))


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
    usual distance between neighbouring glyphs instead.
    """
    glyphs = sorted(line, key=lambda g: (g.x0 + g.x1) / 2)
    size = statistics.median(g.size for g in glyphs)
    zero_width = statistics.median(g.x1 - g.x0 for g in glyphs) < 0.1 * size
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


def logical_order(units: list[str], *, mirror: bool = True) -> str:
    """Glyph texts in visual (left-to-right) order, joined in reading order.

    A mostly right-to-left line is reversed glyph by glyph, except its digit
    and Latin runs, which keep their order. ``mirror`` swaps brackets and
    guillemets in the reversed runs: right for producers that map mirrored
    glyphs to the mirrored character, wrong for those that keep the logical one
    (:func:`_mirrors_brackets` tells which, per document).
    """
    text = "".join(units)
    rtl = sum(map(_is_rtl, text))
    ltr_letters = sum(ch.isalpha() and not _is_rtl(ch) for ch in text)
    if rtl == 0 or ltr_letters > rtl:
        return text
    ltr = [bool(_LTR_UNIT.fullmatch(u)) for u in units]
    for i in range(1, len(units) - 1):
        if units[i] in _LTR_JOINERS and ltr[i - 1] and ltr[i + 1]:
            ltr[i] = True
    runs: list[tuple[bool, list[str]]] = []
    for unit, is_ltr in zip(units, ltr, strict=True):
        if runs and runs[-1][0] == is_ltr:
            runs[-1][1].append(unit)
        else:
            runs.append((is_ltr, [unit]))
    table = _MIRROR if mirror else _NO_MIRROR
    return "".join("".join(run) if is_ltr else "".join(u.translate(table) for u in reversed(run))
                   for is_ltr, run in reversed(runs))


def _mirrors_brackets(lines: list[list[str]]) -> bool:
    """Whether mirroring gives brackets that open before a word and close after one."""
    def score(text: str) -> int:
        return len(_GOOD_PAIRS.findall(text)) - len(_BAD_PAIRS.findall(text))

    mirrored = sum(score(logical_order(units)) for units in lines)
    kept = sum(score(logical_order(units, mirror=False)) for units in lines)
    return mirrored >= kept


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


def _page_lines(layout) -> list[_VisualLine]:
    """A page's lines top to bottom, glyphs left to right (text outside the page is ignored)."""
    x0, y0, x1, y1 = layout.bbox
    visible = [g for g in _glyphs(layout) if x0 - 1 <= g.x0 and g.x1 <= x1 + 1 and y0 <= g.y <= y1]
    lines = []
    for glyphs in _lines(visible):
        units = _visual_units(glyphs)
        if units:
            lines.append(_VisualLine(units, glyphs[0].y, statistics.median(g.size for g in glyphs)))
    return lines


def _in_reading_order(pages: list[list[_VisualLine]]) -> list[list[_Line]]:
    mirror = _mirrors_brackets([line.units for page in pages for line in page])
    return [[_Line(logical_order(line.units, mirror=mirror), line.y, line.size) for line in page]
            for page in pages]


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
    return "\n\n".join(paragraphs)
