"""PDF text layers: «لا», vowel marks, numbers, kashida, bidi line order, garbled layers."""

from __future__ import annotations

import pytest
from pdf_samples import glyph_pdf

from models.errors import ArticleError
from models.reading import read_article
from models.reading.pdf import logical_order

W = 7.2  # glyph width of the test font at 12 pt


def _line(visual: str, y: float, x: float = 50.0) -> list[tuple[str, float, float]]:
    """Characters of ``visual`` (left to right as drawn) placed side by side."""
    return [(ch, x + W * i, y) for i, ch in enumerate(visual)]


def _read(tmp_path, glyphs, name="t.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(glyph_pdf(glyphs))
    return read_article(path).text


def test_standalone_lam_alef_between_spaces_is_kept(tmp_path):
    # «فيما لا يتعارض مع القانون» with the lam-alef ligature glyph (U+FEFB) standing alone
    logical = "فيما \ufefb يتعارض مع القانون"
    text = _read(tmp_path, _line(logical[::-1], 700))
    assert text == "فيما لا يتعارض مع القانون"


def test_vowel_mark_goes_to_the_letter_it_is_drawn_on(tmp_path):
    # «يُلغى»: visual order ى غ ل ي; the damma is written before its letter ي in the stream,
    # right after ل, but drawn over ي
    glyphs = _line("ىغلي", 700)
    x_of_ya = glyphs[3][1]
    stream = [*glyphs[:3], ("\u064f", x_of_ya + 1, 700), glyphs[3]]
    assert _read(tmp_path, stream) == "يُلغى"


@pytest.mark.parametrize("spread", [0.0, 2.0])
def test_space_glyph_over_digits_does_not_split_the_number(tmp_path, spread):
    # «المادة 10 -» drawn right to left, with a stray space glyph over the digits (which
    # touch, or stand ``spread`` points apart, less than a space)
    glyphs = _line("- 10 ةداملا", 700)
    glyphs = [(ch, x + (spread if i >= 3 else 0.0), y) for i, (ch, x, y) in enumerate(glyphs)]
    zero = glyphs[3]
    stream = [*glyphs, (" ", zero[1] - 0.2 * W, 700)]  # its centre falls inside the «0»
    assert _read(tmp_path, stream) == "المادة 10 -"


def test_justification_kashida_removed_but_hijri_mark_kept(tmp_path):
    path = tmp_path / "k.txt"
    path.write_text("وصل الوفد إلى التيـــك في 1445 هـ.\n", encoding="utf-8")
    assert read_article(path).text.strip() == "وصل الوفد إلى التيك في 1445 هـ."


def test_lines_reordered_from_the_paragraph_direction():
    # an Arabic label with an e-mail address in a right-to-left line
    assert logical_order(list("mohammed.alamri@gmail.com :ينورتكللاا ديربلا"), rtl=True) == \
        "البريد االلكتروني: mohammed.alamri@gmail.com"
    # Arabic inside a left-to-right line keeps its place and reads right to left
    assert logical_order(list("Arabic: ابحرم"), rtl=False) == "Arabic: مرحبا"
    assert logical_order(list("(Cf. Hatim 1997: 67-74)."), rtl=False) == "(Cf. Hatim 1997: 67-74)."
    assert logical_order(list("20 - 10 ةرتفلا"), rtl=True) == "الفترة 10 - 20"


def test_left_aligned_arabic_line_in_an_english_document_reads_left_to_right(tmp_path):
    english = "This is an English paragraph that fills the whole width of the text."
    glyphs = _line(english, 700) + _line("Arabic: ابحرم", 680) + _line(english, 660)
    text = _read(tmp_path, glyphs)
    assert "Arabic: مرحبا" in text


def test_garbled_text_layer_is_refused_with_a_clear_message(tmp_path):
    # wrong glyph-to-letter maps: the same letter doubled in most words, no function words
    garbled = " ".join(["صوو عييهاوخ لووال الممر اووة تكايف"] * 12)
    lines = [_line(garbled[i:i + 70][::-1], 780 - 14 * n) for n, i in enumerate(range(0, len(garbled), 70))]
    with pytest.raises(ArticleError, match="text layer is garbled"):
        _read(tmp_path, [g for line in lines for g in line], "g.pdf")


def test_contact_form_lines_read_right_to_left_though_latin_letters_outnumber_arabic(tmp_path):
    # an Arabic form whose values (e-mail, web address) hold more letters than its labels
    lines = ["mohammed.alamri@gmail.com :ينورتكللاا ديربلا",
             "www.gulf-investment-company.com.bh :عقوملا",
             "information.services@company.example.org :تامولعملا"]
    glyphs = [g for n, line in enumerate(lines) for g in _line(line, 700 - 20 * n, x=550 - W * len(line))]
    text = _read(tmp_path, glyphs)
    assert "البريد االلكتروني: mohammed.alamri@gmail.com" in text
    assert "الموقع: www.gulf-investment-company.com.bh" in text
