"""PDF briefs: Arabic shaped and in logical order, English present, written atomically."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from briefing_samples import DERNA, make_article

from models.briefing import build_brief

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils (pdftotext) not installed")


def pdf_text(path: Path) -> str:
    """The PDF's text in reading order, presentation forms folded to letters, whitespace collapsed."""
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    text = unicodedata.normalize("NFKC", raw)
    return " ".join(text.replace("\u202b", "").replace("\u202c", "").split())


def test_pdf_has_arabic_in_logical_order_and_the_english(qapp, tmp_path):
    from gui.pdf_writer import write_pdf

    out = tmp_path / "brief.pdf"
    articles = [make_article(path=tmp_path / f"{n}.txt") for n in range(2)]
    write_pdf(build_brief(articles, full_translation=True), out)
    assert out.read_bytes().startswith(b"%PDF")
    text = pdf_text(out)
    assert "غارات مصرية على درنة" in text
    assert "خليفة حفتر" in text and "مستشفى الهريش" in text
    assert "درنة الليبية" in text and "ةيبيللا" not in text
    for _, english in DERNA:
        assert english in text
    assert "Combined summary" in text and "machine translation" in text

    ARTIFACTS.mkdir(exist_ok=True)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(out),
                        str(ARTIFACTS / "brief-pdf-page1")], check=True)
        assert (ARTIFACTS / "brief-pdf-page1.png").stat().st_size > 10_000


def test_arabic_only_pdf_and_atomic_replacement(qapp, tmp_path):
    from gui.pdf_writer import write_pdf

    out = tmp_path / "brief.pdf"
    out.write_bytes(b"old")
    write_pdf(build_brief([make_article(translated=False)]), out)
    text = pdf_text(out)
    assert "No translation model is installed" in text
    assert DERNA[1][0].rstrip(".") in text and DERNA[1][1] not in text
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]
