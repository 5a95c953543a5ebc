"""PDF briefs: a text layer that pdftotext and pypdf give back as base letters in logical order;
tables whose rows stay on one page, Arabic cells aligned right; written atomically."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from briefing_samples import DERNA, make_article

from models.article import Entity
from models.briefing import build_brief, write_brief

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LIBYA = ("وأعلنت الجماعة الإسلامية في ليبيا مسؤوليتها عن الهجوم (بحسب بيان) على مدينة درنة.",
         "The Islamic group in Libya claimed the attack (according to a statement) on the city of Derna.")
PAIRS = [*DERNA, LIBYA]
WORDS = ["ليبيا", "درنة", "الإسلامية", "الجماعة الإسلامية في ليبيا", "غارات مصرية على درنة", "خليفة حفتر"]
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext) not installed")


def _flat(text: str) -> str:
    """Whitespace collapsed; the bidi embedding marks pdftotext puts around Arabic lines dropped."""
    return " ".join(re.sub("[\u202a-\u202e]", "", text).split())


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pypdf_pages(path: Path) -> list[str]:
    pypdf = pytest.importorskip("pypdf")
    return [page.extract_text() for page in pypdf.PdfReader(str(path)).pages]


def _brief(tmp_path: Path, **options) -> Path:
    out = tmp_path / "brief.pdf"
    write_brief(build_brief([make_article(PAIRS, path=tmp_path / "derna.txt", **options)],
                            full_translation=True), out)
    return out


def _assert_logical(text: str, tool: str) -> None:
    assert not PRESENTATION_FORMS.search(text), f"{tool}: presentation forms"
    flat = _flat(text)
    for words in WORDS:
        assert words in flat, f"{tool}: {words}"
    positions = [flat.find(english) for _, english in PAIRS]
    assert -1 not in positions and positions == sorted(positions), f"{tool}: English sentences"


@needs_poppler
def test_pdftotext_finds_the_arabic_words_and_the_english_in_order(tmp_path):
    out = _brief(tmp_path)
    assert out.read_bytes().startswith(b"%PDF")
    _assert_logical(pdftotext(out), "pdftotext")
    ARTIFACTS.mkdir(exist_ok=True)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(out),
                        str(ARTIFACTS / "brief-pdf-page1")], check=True)


def test_pypdf_reads_whole_arabic_sentences_in_logical_order(tmp_path):
    text = "\n".join(pypdf_pages(_brief(tmp_path)))
    _assert_logical(text, "pypdf")
    flat = _flat(text)
    for arabic, _ in PAIRS:  # brackets and the final stop in place
        assert arabic in flat


def test_table_rows_stay_on_one_page_and_the_header_repeats(tmp_path):
    many = [(f"{arabic} ({n})", f"{english} ({n})") for n in range(40) for arabic, english in PAIRS[:1]]
    out = tmp_path / "long.pdf"
    write_brief(build_brief([make_article(many)]), out)
    pages = [_flat(page) for page in pypdf_pages(out)]
    assert len(pages) >= 3
    for _, english in many:
        assert sum(english in page for page in pages) == 1, english
    assert all(page.count("Arabic English") >= 1 for page in pages[1:-1])


def test_narrow_columns_fit_their_longest_word(tmp_path):
    organisation = Entity("ORG", "منظمة الصحة العالمية", [(0, 1)] * 12, "World Health Organization", True)
    words = _flat("\n".join(pypdf_pages(_brief(tmp_path, entities=[organisation])))).split()
    assert "Organisation" in words and "Mentions" in words


def test_arabic_cells_align_right(tmp_path):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextLine

    def lines(element):
        if isinstance(element, LTTextLine):
            yield element
        else:
            for child in getattr(element, "_objs", ()):
                yield from lines(child)

    page = next(extract_pages(str(_brief(tmp_path, entities=[]))))
    # the summary table's Arabic column (the left half); field values are short and have digits
    cells = [line for line in lines(page) if re.fullmatch(r"[\u0600-\u06ff ().،]+", line.get_text().strip())
             and line.x1 < page.width / 2 and line.width > 60]
    assert len(cells) > len(PAIRS)  # the sentences wrap in their cells
    right_edges = [line.x1 for line in cells]
    assert max(right_edges) - min(right_edges) < 3
    assert max(line.x0 for line in cells) - min(line.x0 for line in cells) > 20


@needs_poppler
def test_arabic_only_pdf_and_atomic_replacement(tmp_path):
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"old")
    write_brief(build_brief([make_article(translated=False)]), out)
    text = _flat(pdftotext(out))
    assert "No translation model is installed" in text
    assert DERNA[1][0].rstrip(".") in text and DERNA[1][1] not in text
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTRect

    page = next(extract_pages(str(out)))
    fills = [str(o.non_stroking_color) for o in page if isinstance(o, LTRect) and o.fill]
    assert fills.count("(1.0, 0.9569, 0.8392)") == 1  # the note's yellow, not the table cells after it
