"""A brief as a Word document (python-docx) with proper right-to-left Arabic.

Arabic paragraphs get ``w:bidi`` (right-to-left paragraph, aligned at its
start, i.e. the right); Arabic runs get ``w:rtl``, a complex-script font
(``w:rFonts w:cs``), ``w:szCs``/``w:bCs`` to match size and weight, and
``w:lang w:bidi="ar-SA"``. Word and LibreOffice then lay them out right to
left; English paragraphs stay left to right with ``w:lang w:val="en-GB"``.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from models.briefing.content import Brief
from models.briefing.layout import Block, Field, Heading, Paragraph, Table, layout

ARABIC_FONT = "Arial"
"""Complex-script font for Arabic runs: present wherever Word runs, and substituted well by LibreOffice."""
ARABIC_LANG = "ar-SA"
ENGLISH_LANG = "en-GB"

# Elements that follow w:bidi in w:pPr, and w:lang in w:rPr (schema order).
_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_TABLE_PT = 11
_CHAR_EM = 0.62
"""A generous average letter width (bold capitals included) in em, as Word and LibreOffice set table text."""
_CELL_PADDING_PT = 14
_PAGE_WIDTH = Cm(21.0)
_MARGIN = Cm(2.0)


def set_paragraph_rtl(paragraph: DocxParagraph) -> None:
    """Make ``paragraph`` a right-to-left paragraph (``w:bidi``)."""
    p_pr = paragraph._p.get_or_add_pPr()
    if p_pr.find(qn("w:bidi")) is None:
        p_pr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def set_run_language(run: Run, lang: str) -> None:
    """Mark ``run`` as Arabic (right-to-left, complex-script font) or English."""
    r_pr = run._r.get_or_add_rPr()
    lang_el = r_pr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        r_pr.insert_element_before(lang_el, *_AFTER_LANG)
    if lang != "ar":
        lang_el.set(qn("w:val"), ENGLISH_LANG)
        return
    lang_el.set(qn("w:bidi"), ARABIC_LANG)
    run.font.rtl = True
    run.font.cs_bold = run.font.bold
    r_fonts = r_pr.get_or_add_rFonts()
    r_fonts.set(qn("w:cs"), ARABIC_FONT)
    if run.font.size is not None:
        size = r_pr.find(qn("w:szCs"))
        if size is None:
            size = OxmlElement("w:szCs")
            r_pr.find(qn("w:sz")).addnext(size)
        size.set(qn("w:val"), str(int(run.font.size.pt * 2)))


def _add_text(paragraph: DocxParagraph, text: str, lang: str, *, bold: bool = False,
              italic: bool = False, size: float | None = None) -> Run:
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    if size is not None:
        run.font.size = Pt(size)
    set_run_language(run, lang)
    return run


def _paragraph(container, text: str, lang: str, *, style: str | None = None, **run_format) -> DocxParagraph:
    paragraph = container.add_paragraph(style=style)
    if lang == "ar":
        set_paragraph_rtl(paragraph)
    _add_text(paragraph, text, lang, **run_format)
    return paragraph


def _row_property(row, name: str) -> None:
    """``w:tblHeader`` (repeat on every page) or ``w:cantSplit`` (keep the row on one page)."""
    row._tr.get_or_add_trPr().append(OxmlElement(name))


def _narrow_width(title: str, cells: list[str]) -> int:
    """Wide enough for the column's longest word (bold title or cell), so none breaks ("Organisat/ion")."""
    longest = max(len(word) for text in (title, *cells) for word in text.split())
    return max(Cm(1.8), Pt(longest * _CHAR_EM * _TABLE_PT + _CELL_PADDING_PT))


def _table(document: DocumentObject, table: Table) -> DocxTable:
    out = document.add_table(rows=1, cols=len(table.columns))
    out.style = "Table Grid"
    usable = _PAGE_WIDTH - 2 * _MARGIN
    narrow = [c.numeric or c.short for c in table.columns]
    widths = [_narrow_width(c.title, [row[i] for row in table.rows]) if n else 0
              for i, (c, n) in enumerate(zip(table.columns, narrow, strict=True))]
    wide_width = int((usable - sum(widths)) / max(1, narrow.count(False)))
    widths = [width or wide_width for width in widths]
    for column, width in zip(out.columns, widths, strict=True):
        column.width = width  # w:gridCol, which LibreOffice follows; Word follows the cells' w:tcW
    for cell, column, width in zip(out.rows[0].cells, table.columns, widths, strict=True):
        cell.width = width
        _add_text(cell.paragraphs[0], column.title, "en", bold=True)
    _row_property(out.rows[0], "w:tblHeader")
    for row in table.rows:
        added = out.add_row()
        _row_property(added, "w:cantSplit")
        cells = added.cells
        for cell, column, width, text in zip(cells, table.columns, widths, row, strict=True):
            cell.width = width
            paragraph = cell.paragraphs[0]
            if column.lang == "ar":
                set_paragraph_rtl(paragraph)
            elif column.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _add_text(paragraph, text, column.lang, size=12 if column.lang == "ar" else None)
    return out


def _block(document: DocumentObject, block: Block) -> None:
    match block:
        case Heading(text, level, lang):
            heading = document.add_heading(level=level)
            if lang == "ar":
                set_paragraph_rtl(heading)
            _add_text(heading, text, lang)
        case Paragraph(text, lang, "headline"):
            _paragraph(document, text, lang, bold=True, size=15 if lang == "ar" else 13)
        case Paragraph(text, lang, "note"):
            _paragraph(document, text, lang, style="Intense Quote")
        case Paragraph(text, lang, "footer"):
            _paragraph(document, text, lang, italic=True, size=9)
        case Paragraph(text, lang, _):
            _paragraph(document, text, lang, size=12 if lang == "ar" else None)
        case Field(label, value, lang):
            paragraph = document.add_paragraph()
            _add_text(paragraph, f"{label}: ", "en", bold=True)
            _add_text(paragraph, value, lang)
        case Table():
            _table(document, block)
        case _:
            raise TypeError(f"not a brief block: {block!r}")


def render_docx(brief: Brief) -> DocumentObject:
    """The python-docx document for ``brief``."""
    document = Document()
    document.core_properties.title = brief.title
    document.core_properties.author = "Khulasa"
    section = document.sections[0]
    section.page_width, section.page_height = _PAGE_WIDTH, Cm(29.7)
    section.left_margin = section.right_margin = _MARGIN
    footer = section.footer.paragraphs[0]
    _add_text(footer, brief.footer, "en", size=8)
    footer.runs[0].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    for block in layout(brief):
        _block(document, block)
    return document


def write_docx(brief: Brief, path: Path) -> None:
    """Write ``brief`` as DOCX to ``path`` (no atomicity: see ``write_brief``)."""
    render_docx(brief).save(str(path))
