"""The brief of the five seeds has "Who said what" and "Figures by source" in DOCX, PDF, HTML and Markdown."""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest
from lxml import html as lxml_html

from models.arabic import normalize
from models.briefing import build_brief, write_brief
from models.briefing.layout import Heading, Table, layout
from models.paths import seeds_dir


@pytest.fixture(scope="module")
def brief():
    from models.pipeline import open_article

    return build_brief([open_article(path) for path in sorted(seeds_dir().glob("*.txt"))])


def _section_table(brief, heading: str) -> Table:
    blocks = layout(brief)
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == heading)
    return next(b for b in blocks[at:] if isinstance(b, Table))


def test_layout_has_both_sections_after_the_entity_index(brief):
    headings = [b.text for b in layout(brief) if isinstance(b, Heading) and b.level == 1]
    assert headings[:4] == ["Combined summary", "Entity index", "Who said what", "Figures by source"]
    quotes = _section_table(brief, "Who said what")
    assert [c.title for c in quotes.columns] == ["Speaker", "Article", "Arabic"]  # no model: no English
    assert any("المسماري" in normalize(row[0]) and row[1] == "2" for row in quotes.rows)
    figures = _section_table(brief, "Figures by source")
    assert [c.title for c in figures.columns] == ["Figure", *(f"Article {n}" for n in range(1, 6)),
                                                  "Sources differ"]
    killed = next(row for row in figures.rows if row[0] == "killed (air strikes)")
    assert killed[-1] == "yes" and killed[1].startswith("7") and killed[2] == ""
    assert killed[3].startswith("20")


@pytest.mark.parametrize("suffix", ["md", "html", "docx"])
def test_every_format_shows_both_sections(brief, tmp_path, suffix):
    out = tmp_path / f"brief.{suffix}"
    write_brief(brief, out)
    if suffix == "docx":
        document = docx.Document(str(out))
        text = "\n".join(p.text for p in document.paragraphs)
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    elif suffix == "html":
        tree = lxml_html.fromstring(out.read_text(encoding="utf-8"))
        text = tree.text_content()
        cells = [cell.text_content() for cell in tree.iter("td")]
    else:
        text = out.read_text(encoding="utf-8")
        rows = [line for line in text.splitlines() if line.startswith("|")]
        cells = [cell.strip() for line in rows for cell in line.split("|")]
    assert "Who said what" in text and "Figures by source" in text
    assert "yes" in cells and "killed (air strikes)" in cells
    assert any("المسماري" in normalize(cell) for cell in cells)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")
def test_pdf_brief_of_the_seeds_has_both_sections(brief, tmp_path):
    out = tmp_path / "brief.pdf"
    write_brief(brief, out)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Who said what" in text and "Figures by source" in text
    assert "differ" in text and "killed (air strikes" in text
