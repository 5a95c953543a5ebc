"""DOCX, HTML and Markdown briefs, read back; atomic, input-safe output."""

from __future__ import annotations

import re
import shutil
import subprocess

import docx
import pytest
from briefing_samples import DERNA, make_article
from docx.oxml.ns import qn
from lxml import html as lxml_html

from models.article import Entity
from models.briefing import BriefError, build_brief, save_brief, write_brief
from models.briefing.layout import lang_of

BLOCK_TAGS = ["h1", "h2", "h3", "h4", "p", "table", "th", "td", "body", "html"]


def _paragraphs(document: docx.document.Document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _has_arabic(text: str) -> bool:
    return re.search("[\u0600-\u06ff]", text) is not None


def _is_rtl(paragraph) -> bool:
    p_pr = paragraph._p.pPr
    return p_pr is not None and p_pr.find(qn("w:bidi")) is not None


def test_docx_marks_arabic_right_to_left_and_english_left_to_right(tmp_path):
    out = tmp_path / "brief.docx"
    save_brief([make_article(path=tmp_path / "a.txt")], out, full_translation=True)
    document = docx.Document(str(out))
    paragraphs = [p for p in _paragraphs(document) if p.text.strip()]
    arabic = [p for p in paragraphs if _has_arabic(p.text) and not re.search("[A-Za-z]", p.text)]
    english = [p for p in paragraphs if not _has_arabic(p.text)]
    texts = {p.text for p in paragraphs}
    assert {ar for ar, _ in DERNA} <= texts and {en for _, en in DERNA} <= texts
    assert "غارات مصرية على درنة" in texts and "Egyptian strikes on Derna" in texts
    assert len(arabic) >= 5 and len(english) >= 5
    assert all(_is_rtl(p) for p in arabic)
    assert not any(_is_rtl(p) for p in english)
    runs = [run for p in paragraphs for run in p.runs if run.text.strip()]
    for run in runs:
        r_pr = run._r.rPr
        rtl = r_pr is not None and r_pr.find(qn("w:rtl")) is not None
        assert rtl == _has_arabic(run.text), run.text
        if rtl:
            assert r_pr.rFonts.get(qn("w:cs"))
            assert r_pr.find(qn("w:lang")).get(qn("w:bidi")) == "ar-SA"
    summary = document.tables[0]
    assert [c.text for c in summary.rows[0].cells] == ["Arabic", "English"]
    first = summary.rows[1].cells
    assert (first[0].text, first[1].text) == DERNA[0]
    assert _is_rtl(first[0].paragraphs[0]) and not _is_rtl(first[1].paragraphs[0])
    assert "tiny-test-model" in document.sections[0].footer.paragraphs[0].text


def test_docx_arabic_only_brief_has_the_note_and_no_english_column(tmp_path):
    out = tmp_path / "brief.docx"
    save_brief([make_article(translated=False)], out)
    document = docx.Document(str(out))
    assert any("No translation model" in p.text for p in document.paragraphs)
    assert [c.text for c in document.tables[0].rows[0].cells] == ["Arabic"]


def test_html_is_self_contained_utf8_with_dir_and_lang_on_every_block(tmp_path):
    out = tmp_path / "brief.html"
    articles = [make_article(path=tmp_path / f"{n}.txt") for n in range(2)]
    save_brief(articles, out, full_translation=True)
    raw = out.read_bytes()
    page = lxml_html.document_fromstring(raw.decode("utf-8"))
    assert page.xpath("//meta[@charset='utf-8']")
    assert not page.xpath("//link | //script | //img | //*[@src]")
    blocks = [e for e in page.iter(*BLOCK_TAGS)]
    assert len(blocks) > 30
    for block in blocks:
        assert block.get("dir") in ("rtl", "ltr") and block.get("lang") in ("ar", "en"), block.tag
    for cell in page.iter("td"):
        if lang_of(cell.text_content()) == "ar":
            assert (cell.get("dir"), cell.get("lang")) == ("rtl", "ar")
    arabic_cells = [td.text_content() for td in page.xpath("//td[@dir='rtl']")]
    english_cells = [td.text_content() for td in page.xpath("//td[@dir='ltr']")]
    assert DERNA[0][0] in arabic_cells and DERNA[0][1] in english_cells
    headings = [h.text_content() for h in page.iter("h2", "h3")]
    assert "Combined summary" in headings and "Entity index" in headings
    assert "Appendix: full translation" in headings


def test_markdown_has_headline_tables_and_footer(tmp_path):
    out = tmp_path / "brief.md"
    save_brief([make_article()], out)
    text = out.read_text(encoding="utf-8")
    assert "**غارات مصرية على درنة**" in text and "**Egyptian strikes on Derna**" in text
    assert f"| {DERNA[1][0]} | {DERNA[1][1]} |" in text
    assert "| درنة | Derna | Place | 2 |" in text
    assert "machine translation" in text.splitlines()[-1]


def test_table_cells_escape_pipes_in_markdown(tmp_path):
    out = tmp_path / "brief.md"
    pairs = [("جملة فيها | خط", "A sentence with | a bar")]
    save_brief([make_article(pairs, entities=[])], out)
    assert "| جملة فيها \\| خط | A sentence with \\| a bar |" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["brief.docx", "brief.html", "brief.md"])
def test_existing_output_survives_a_failed_write_and_no_temp_is_left(tmp_path, monkeypatch, name):
    out = tmp_path / name
    out.write_text("previous brief", encoding="utf-8")

    def broken(fmt):
        def write(brief, path):
            path.write_text("half", encoding="utf-8")
            raise RuntimeError("disk full")
        return write

    monkeypatch.setattr("models.briefing._writer", broken)
    with pytest.raises(RuntimeError):
        write_brief(build_brief([make_article()]), out)
    assert out.read_text(encoding="utf-8") == "previous brief"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_existing_output_is_replaced_when_complete(tmp_path):
    out = tmp_path / "brief.md"
    out.write_text("previous brief", encoding="utf-8")
    out.chmod(0o640)
    write_brief(build_brief([make_article()]), out)
    assert "Egyptian strikes on Derna" in out.read_text(encoding="utf-8")
    assert out.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_an_input_file_is_never_overwritten(tmp_path):
    source = tmp_path / "article.md"
    source.write_text("# غارات\n\nنص المقال.", encoding="utf-8")
    with pytest.raises(BriefError, match="input file"):
        save_brief([make_article(path=source)], tmp_path / "." / "article.md")
    assert source.read_text(encoding="utf-8") == "# غارات\n\nنص المقال."


@pytest.mark.parametrize("name, message", [
    ("brief.odt", "unknown brief format"),
    ("brief", "unknown brief format"),
    ("missing/brief.md", "does not exist"),
])
def test_bad_destinations_give_a_clear_error(tmp_path, name, message):
    with pytest.raises(BriefError, match=message):
        save_brief([make_article()], tmp_path / name)


def test_pdf_by_suffix_in_any_case(tmp_path):
    save_brief([make_article()], tmp_path / "b.PDF")
    assert (tmp_path / "b.PDF").read_bytes().startswith(b"%PDF")


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice (soffice) or pdftotext not installed")
def test_docx_table_words_do_not_break_and_rows_stay_whole_in_libreoffice(tmp_path):
    organisation = Entity("ORG", "منظمة الصحة العالمية", [(0, 1)] * 12, "World Health Organization", True)
    pairs = [(f"{arabic} ({n})", f"{english} ({n})") for n in range(30) for arabic, english in DERNA[:1]]
    out = tmp_path / "brief.docx"
    save_brief([make_article(pairs, entities=[organisation])], out)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   capture_output=True, timeout=180, check=True)
    pages = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(tmp_path / "brief.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout.split("\f")
    words = " ".join(pages).split()
    assert "Organisation" in words and "Mentions" in words
    assert len(pages) >= 3
    for _, english in pairs:  # w:cantSplit: each English cell on one page
        assert sum(english in " ".join(page.split()) for page in pages) == 1, english
