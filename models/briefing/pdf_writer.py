"""A brief as PDF: fpdf2 lays it out, HarfBuzz (uharfbuzz) shapes the Arabic, the shipped Amiri is embedded.

fpdf2 orders every paragraph with the Unicode bidi algorithm and maps each
shaped glyph back to the letters it stands for, so the text layer extracts
(pdftotext, pypdf, copy from a viewer) as base letters in logical order, which
Qt's QPdfWriter did not (the measurement is in docs/DEPENDENCIES.md). Tables
keep every row on one page and repeat their header row; Arabic cells align
right. One font for both languages (Amiri covers Latin too): an Arabic line
with a bracket from another font would extract out of order in pypdf.
Pure Python: the CLI writes PDF briefs without Qt.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF, FontFace
from fpdf.enums import XPos, YPos

from models.briefing.content import Brief
from models.briefing.layout import Block, Field, Heading, Paragraph, Table, has_arabic, layout
from models.briefing.output import BriefError
from models.fonts import FONT_FILES, PDF_FAMILY

_BODY_PT = {"ar": 13.0, "en": 10.5}
_CELL_PT = {"ar": 12.0, "en": 10.0}
_HEADING_PT = (18.0, 14.0, 12.0)
_LINE = {"ar": 1.5, "en": 1.3}
"""Line height as a multiple of the font size; Arabic needs room above and below for its marks."""
_FEATURES = {"kern": False}
"""Amiri's kerning moves glyphs so far that pdftotext splits words (96.0% → 99.8% of a seed's words found)."""
_MARGIN_MM = 18.0
_NARROW_MM = 18.0
_CELL_PADDING_MM = 1.5
_KEEP_WITH_NEXT_MM = 30.0
_GREY = (85, 85, 85)


class _Document(FPDF):
    """A4 with the shipped fonts, page numbers in the footer."""

    def __init__(self, title: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        for style in ("", "B"):
            self.add_font(PDF_FAMILY, style, str(FONT_FILES[PDF_FAMILY, style]))
        self.set_margins(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM)
        self.set_auto_page_break(True, margin=_MARGIN_MM)
        self.set_title(title)
        self.set_author("Khulasa")
        self.set_creator("Khulasa")
        self.set_lang("en")

    def footer(self) -> None:
        self.set_y(-_MARGIN_MM + 6)
        self.use_font("en", 8)
        self.set_text_color(*_GREY)
        self.cell(0, 4, f"{self.page_no()} / {{nb}}", align="C")
        self.set_text_color(0)

    def use_font(self, lang: str, size: float, *, bold: bool = False, text: str = "") -> None:
        """Size for ``lang``; the paragraph's base direction follows it (an Arabic one may start in Latin).

        Text without right-to-left letters skips shaping: fpdf2 reshapes a line at
        every character while breaking it, which made long English appendices slow.
        """
        self.set_font(PDF_FAMILY, "B" if bold else "", size)
        if lang == "en" and text and not has_arabic(text):
            self.set_text_shaping(False)
        else:
            self.set_text_shaping(True, features=_FEATURES, direction="rtl" if lang == "ar" else "ltr")

    def text_block(self, text: str, lang: str, size: float, *, bold: bool = False, **cell) -> None:
        self.use_font(lang, size, bold=bold, text=text)
        self.multi_cell(0, self.font_size * _LINE[lang], text, align="R" if lang == "ar" else "L",
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT, **cell)

    def keep_with_next(self) -> None:
        """Start a new page rather than leave a heading alone at the bottom of this one."""
        if self.y > self.page_break_trigger - _KEEP_WITH_NEXT_MM:
            self.add_page()


def _narrow_width(pdf: _Document, title: str, cells: list[str]) -> float:
    """At least ``_NARROW_MM``, and wide enough for the longest word (bold title or cell) not to break."""
    pdf.set_font(PDF_FAMILY, "B", _CELL_PT["en"])
    longest = max(pdf.get_string_width(word) for word in title.split())
    pdf.set_font(PDF_FAMILY, "", _CELL_PT["en"])
    longest = max([longest, *(pdf.get_string_width(word) for text in cells for word in text.split())])
    return max(_NARROW_MM, longest + 2 * _CELL_PADDING_MM + 1)


def _table(pdf: _Document, table: Table) -> None:
    pdf.set_text_shaping(True, features=_FEATURES, direction=None)  # each cell's direction from its text
    widths = [_narrow_width(pdf, c.title, [row[i] for row in table.rows]) if c.numeric or c.short else 0.0
              for i, c in enumerate(table.columns)]
    wide = (pdf.epw - sum(widths)) / max(1, widths.count(0.0))
    widths = [width or wide for width in widths]
    aligns = tuple("RIGHT" if c.lang == "ar" or c.numeric else "LEFT" for c in table.columns)
    pdf.set_font(PDF_FAMILY, "", _CELL_PT["en"])
    heading = FontFace(family=PDF_FAMILY, emphasis="BOLD", size_pt=_CELL_PT["en"], fill_color=(232, 237, 242))
    cell_style = {lang: FontFace(family=PDF_FAMILY, size_pt=size) for lang, size in _CELL_PT.items()}
    try:
        with pdf.table(col_widths=widths, text_align=aligns, headings_style=heading, repeat_headings=1,
                       line_height=_CELL_PT["ar"] * _LINE["ar"] / pdf.k, padding=(0.8, _CELL_PADDING_MM),
                       v_align="TOP") as out:
            header = out.row()
            for column in table.columns:
                header.cell(column.title)
            for row in table.rows:
                cells = out.row()
                for column, text in zip(table.columns, row, strict=True):
                    cells.cell(text, style=cell_style[column.lang])
    except ValueError as error:  # fpdf2: a row taller than a page
        raise BriefError(f"a table row does not fit on one page ({error})") from error
    pdf.ln(3)


def _block(pdf: _Document, block: Block) -> None:
    match block:
        case Heading(text, level, lang):
            pdf.ln(2 if level else 0)
            pdf.keep_with_next()
            pdf.set_text_color(17, 34, 51)
            pdf.text_block(text, lang, _HEADING_PT[level] + (2 if lang == "ar" else 0), bold=True)
            pdf.set_text_color(0)
            pdf.ln(1)
        case Paragraph(text, lang, "headline"):
            pdf.text_block(text, lang, 16.0 if lang == "ar" else 12.5, bold=True)
        case Paragraph(text, lang, "note"):
            pdf.set_fill_color(255, 244, 214)
            pdf.set_draw_color(224, 184, 76)
            pdf.text_block(text, lang, _BODY_PT[lang], fill=True, border=1, padding=2)
            pdf.set_draw_color(0)
            pdf.set_fill_color(255)  # fpdf2 tables fill their cells with the current colour
            pdf.ln(2)
        case Paragraph(text, lang, "footer"):
            pdf.ln(4)
            pdf.set_draw_color(187, 187, 187)
            pdf.line(pdf.l_margin, pdf.y, pdf.l_margin + pdf.epw, pdf.y)
            pdf.ln(1.5)
            pdf.set_text_color(*_GREY)
            pdf.text_block(text, lang, 8.5)
            pdf.set_text_color(0)
        case Paragraph(text, lang, _):
            pdf.text_block(text, lang, _BODY_PT[lang])
            pdf.ln(1)
        case Field(label, value, lang):
            pdf.use_font("en", _BODY_PT["en"], bold=True)
            height = pdf.font_size * _LINE["en"]
            pdf.write(height, f"{label}: ")
            pdf.use_font(lang, _BODY_PT["en"] + (1.5 if lang == "ar" else 0))
            pdf.write(height, value)
            pdf.ln(height)
        case Table():
            _table(pdf, block)
        case _:
            raise TypeError(f"not a brief block: {block!r}")


def render_pdf(brief: Brief) -> bytes:
    """The PDF file's bytes for ``brief``."""
    pdf = _Document(brief.title)
    pdf.add_page()
    for block in layout(brief):
        _block(pdf, block)
    return bytes(pdf.output())


def write_pdf(brief: Brief, path: Path) -> None:
    """Write ``brief`` as PDF to ``path`` (no atomicity: see ``write_brief``)."""
    path.write_bytes(render_pdf(brief))
