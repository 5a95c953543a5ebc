""".docx, .html, .md and .pdf articles (fixtures generated in the tests)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdf_samples import glyph_pdf, positions

from models.errors import ArticleError
from models.reading import read_article
from models.reading.pdf import base_letters, logical_order

HEADLINE = "«حفتر» في القاهرة لبحث هجوم «الواحات»"
BODY = [
    "يبحث الجنرال الليبي خليفة حفتر، الذي وصل القاهرة، تعزيز التعاون الأمني مع المسؤولين المصريين.",
    "وأسفر القصف عن مقتل 20 مدنياً في مدينة درنة (عام 2017) حسب مصدر طبي.",
]


def _sentences(article) -> list[str]:
    for sentence in article.sentences:
        assert article.text[sentence.start:sentence.end] == sentence.text
    return [s.text for s in article.sentences]


# --- .docx -------------------------------------------------------------------

def _docx(path: Path, *, title_style: str = "Title", table: bool = False) -> Path:
    from docx import Document

    document = Document()
    document.add_paragraph(HEADLINE, style=title_style)
    document.add_paragraph("")
    document.add_paragraph(BODY[0])
    if table:
        grid = document.add_table(rows=1, cols=2)
        grid.cell(0, 0).text = "خلية أولى في الجدول."
        grid.cell(0, 1).text = "خلية ثانية في الجدول."
    document.add_paragraph(BODY[1])
    document.save(path)
    return path


def test_docx_paragraphs_in_order(tmp_path):
    article = read_article(_docx(tmp_path / "a.docx", table=True))
    assert article.title == HEADLINE
    assert _sentences(article) == [BODY[0], "خلية أولى في الجدول.", "خلية ثانية في الجدول.", BODY[1]]


def test_docx_table_reads_every_cell_once_merged_cells_too(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph(HEADLINE, style="Title")
    document.add_paragraph(BODY[0])
    grid = document.add_table(rows=5, cols=4)
    for r in range(5):
        for c in range(4):
            grid.cell(r, c).text = f"خلية {r}-{c}"
    grid.cell(0, 0).merge(grid.cell(0, 1)).text = "عنوان مدمج"  # across
    grid.cell(2, 3).merge(grid.cell(4, 3)).text = "عمود مدمج"  # down
    document.add_paragraph(BODY[1])
    document.save(tmp_path / "t.docx")
    text = read_article(tmp_path / "t.docx").text
    expected = ["عنوان مدمج", *(f"خلية {r}-{c}" for r in range(5) for c in range(4)
                               if (r, c) not in {(0, 0), (0, 1), (2, 3), (3, 3), (4, 3)}), "عمود مدمج"]
    for cell in expected:
        assert text.count(cell) == 1, cell
    assert text.index("خلية 0-2") < text.index("خلية 1-0") < text.index("خلية 4-2")


def test_docx_trailing_source_and_date_fields_are_metadata(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph(HEADLINE, style="Title")
    for paragraph in BODY:
        document.add_paragraph(paragraph)
    document.add_paragraph("Source: Bahrain News Agency | Published: 20/04/2024")
    document.save(tmp_path / "f.docx")
    article = read_article(tmp_path / "f.docx")
    assert article.metadata.source == "Bahrain News Agency"
    assert article.metadata.dateline == "20/04/2024"
    assert _sentences(article) == BODY


def test_docx_bold_display_lines_are_title_and_subtitle_not_body(tmp_path):
    from docx import Document
    from docx.shared import Pt

    document = Document()
    subtitle = "إدارة مكافحة الجرائم الاقتصادية — وزارة الداخلية"
    for text, size, bold in [(HEADLINE, 14, True), (subtitle, 13, True), (BODY[0], 12, False),
                             ("ملاحظة مهمة", 12, True), (BODY[1], 12, False)]:
        run = document.add_paragraph().add_run(text)
        run.bold, run.font.size = bold, Pt(size)
    document.save(tmp_path / "s.docx")
    article = read_article(tmp_path / "s.docx")
    assert article.title == HEADLINE
    assert _sentences(article) == [BODY[0], "ملاحظة مهمة", BODY[1]]  # a bold body-size line stays


def test_docx_heading_style_is_the_title_even_when_long(tmp_path):
    from docx import Document

    long_title = " ".join(["عنوان"] * 24)
    document = Document()
    document.add_paragraph(long_title, style="Heading 1")
    document.add_paragraph(BODY[0])
    document.save(tmp_path / "b.docx")
    assert read_article(tmp_path / "b.docx").title == long_title


def test_corrupted_docx(tmp_path):
    good = _docx(tmp_path / "good.docx").read_bytes()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good[: len(good) // 2])
    with pytest.raises(ArticleError, match="broken.docx: .*(Word|damaged)"):
        read_article(broken)
    renamed = tmp_path / "text.docx"
    renamed.write_text("هذا ليس ملف وورد", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"not a valid Word \(.docx\) document"):
        read_article(renamed)


# --- .html -------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{{charset}}">
<title>{HEADLINE} | الخليج الجديد</title>
<meta property="og:title" content="{HEADLINE}">
<script>var menu = "القائمة الرئيسية";</script><style>p {{{{ color: red }}}}</style></head>
<body><header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/p">سياسة</a></li>
<li><a href="/e">اقتصاد</a></li><li><a href="/s">رياضة</a></li></ul></nav></header>
<aside class="sidebar"><h3>الأكثر قراءة</h3><ul>
<li><a href="/1">مباراة الأهلي والزمالك تنتهي بالتعادل</a></li>
<li><a href="/2">خبر عاجل عن الطقس في القاهرة اليوم</a></li></ul></aside>
<!-- تعليق مخفي في الصفحة -->
<main><article><h1>{HEADLINE}</h1><div class="date">الخميس 2 نوفمبر 2017 07:11 ص</div>
<p>{BODY[0]}</p><div class="ad">إعلان</div><p>{BODY[1]}</p>
<p>المصدر | الخليج الجديد + وكالات</p></article></main>
<section class="comments"><h3>التعليقات</h3>
<div class="comment"><p>تعليق القارئ: خبر مهم جدا ونتمنى السلام.</p>
</div></section><footer><p>جميع الحقوق محفوظة © 2017</p><a href="/privacy">سياسة الخصوصية</a></footer>
</body></html>"""


@pytest.mark.parametrize("charset", ["utf-8", "windows-1256"])
def test_html_main_text_only(tmp_path, charset):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset=charset).encode(charset, errors="strict"))
    article = read_article(path)
    assert article.title == HEADLINE
    assert article.metadata.dateline == "الخميس 2 نوفمبر 2017 07:11 ص"
    assert article.metadata.source == "الخليج الجديد + وكالات"
    assert _sentences(article) == BODY
    for noise in ("القائمة", "الرئيسية", "الأكثر قراءة", "تعليق", "إعلان", "الحقوق", "color"):
        assert noise not in article.text


@pytest.mark.parametrize(("declared", "actual"), [("windows-1256", "utf-8"), ("windows-1252", "windows-1256"),
                                                ("iso-8859-1", "utf-8"), ("utf-8", "windows-1256")])
def test_html_with_a_wrong_meta_charset(tmp_path, declared, actual):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset=declared).encode(actual, errors="strict"))
    article = read_article(path)
    assert article.title == HEADLINE
    assert _sentences(article) == BODY


def test_html_without_article_text(tmp_path):
    path = tmp_path / "empty.htm"
    path.write_text("<html><head><title>x</title></head><body><nav><a href='/'>home</a></nav></body></html>")
    with pytest.raises(ArticleError, match="empty.htm: no article text found in the web page"):
        read_article(path)


# --- .md ---------------------------------------------------------------------

def test_markdown(tmp_path):
    path = tmp_path / "a.md"
    bold = BODY[0].replace("خليفة حفتر", "**خليفة حفتر**")
    path.write_text(
        f"# {HEADLINE}\n\n*الخميس 2 نوفمبر 2017 07:11 ص*\n\n{bold}\n\n"
        f"- {BODY[1].replace('درنة', '[درنة](https://example.org/derna)')}\n\n![صورة](img.png)\n\n---\n",
        encoding="utf-8")
    article = read_article(path)
    assert article.title == HEADLINE
    assert article.metadata.dateline == "الخميس 2 نوفمبر 2017 07:11 ص"
    assert _sentences(article) == BODY
    assert "*" not in article.text and "http" not in article.text and "#" not in article.text



def test_markdown_keeps_blank_lines_between_blocks(tmp_path):
    path = tmp_path / "b.md"
    path.write_text(f"---\n---\n# {HEADLINE}\n\n{BODY[0]}\n\n## قسم\n\n> {BODY[1]}\n\nنهاية المقال.\n",
                    encoding="utf-8")
    article = read_article(path)
    assert article.title == HEADLINE and "---" not in article.text
    assert article.text == f"{HEADLINE}\n\n{BODY[0]}\n\nقسم\n\n{BODY[1]}\n\nنهاية المقال."


# --- .pdf --------------------------------------------------------------------

def _qt_pdf(path: Path, html: str) -> Path:
    from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    from gui.fonts import load_app_fonts

    _app = QGuiApplication.instance() or QGuiApplication([])
    load_app_fonts()  # the shipped Noto Naskh Arabic and Amiri, not whatever the system has
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setDefaultStyleSheet("p { font-family: 'Noto Naskh Arabic', 'Amiri'; }")
    document.setHtml(html)
    document.print_(writer)
    return path


def _lam_alef(text: str) -> str:
    """Qt leaves lam-alef ligatures out of the PDF's Unicode map; the reader restores them
    as «لا», so lam-alef with hamza or madda comes back without it."""
    return re.sub("ل[أإآ]", "لا", text)


def test_qt_pdf_reads_in_logical_order(tmp_path):
    paragraphs = "".join(f"<p>{p}</p>" for p in [HEADLINE, *BODY])
    article = read_article(_qt_pdf(tmp_path / "a.pdf", f'<div dir="rtl">{paragraphs}</div>'))
    assert article.title == HEADLINE
    assert _sentences(article) == [_lam_alef(s) for s in BODY]


# «مدينة درنة 2017» in presentation forms, drawn right to left: ﻣ ﺪ ﻳ ﻨ ﺔ, space, ﺩ ﺭ ﻧ ﺔ, space, 2017
SHAPED = ["\ufee3", "\ufeaa", "\ufef3", "\ufee8", "\ufe94", " ", "\ufea9", "\ufead", "\ufee7", "\ufe94", " ",
          "2", "0", "1", "7", "."]


@pytest.mark.parametrize("stream_order", ["logical", "visual"])
def test_pdf_presentation_forms_and_order(tmp_path, stream_order):
    glyphs = positions(SHAPED, 700)
    if stream_order == "visual":
        glyphs = sorted(glyphs, key=lambda g: g[1])
    path = tmp_path / "shaped.pdf"
    path.write_bytes(glyph_pdf(glyphs))
    article = read_article(path)
    assert article.text == "مدينة درنة 2017."


def test_base_letters_only_touches_presentation_forms():
    assert base_letters("\ufefb ١٢ ﬁ \ufee3\ufeaa\ufef3\ufee8\ufe94") == "لا ١٢ ﬁ مدينة"


def test_logical_order_keeps_numbers_and_mirrors_brackets():
    visual = list("(2017 ماع) ةنرد")
    assert logical_order(visual) == "درنة (عام 2017)"
    assert logical_order(list("English 2017 (text)")) == "English 2017 (text)"


def test_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(glyph_pdf([]))
    with pytest.raises(ArticleError, match="scan.pdf: the PDF has no text layer"):
        read_article(path)


def test_corrupted_pdf(tmp_path):
    good = glyph_pdf(positions(SHAPED, 700))
    for name, data in {"cut.pdf": good[:200], "noise.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 8,
                       "fake.pdf": "ليس ملف PDF".encode()}.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ArticleError, match=f"{name}: the PDF"):
            read_article(path)


def test_multi_page_qt_pdf_drops_page_numbers_and_joins_split_paragraphs(tmp_path):
    sentence = "وقال المتحدث باسم الحكومة إن المفاوضات مستمرة مع جميع الأطراف في المدينة {} منذ أسابيع."
    numbers = ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة"]
    paragraphs = [" ".join(sentence.format(f"{n} {i}") for n in numbers) for i in range(12)]
    html = '<div dir="rtl">' + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"
    article = read_article(_qt_pdf(tmp_path / "long.pdf", html))
    expected = [_lam_alef(sentence.format(f"{n} {i}")) for i in range(12) for n in numbers]
    assert _sentences(article) == expected
    assert len(article.paragraphs) == 12


def test_running_headers_footers_and_page_numbers_dropped():
    from models.reading.pdf import _drop_page_furniture, _Line, _paragraphs

    def page(number: int, body: list[str]) -> list[_Line]:
        lines = [_Line("23/11/2026 20:33 عنوان المقال في المتصفح", 800, 8)]
        lines += [_Line(text, 700 - 14 * i, 10) for i, text in enumerate(body)]
        lines += [_Line(f"https://example.com/news/123 {number}/2", 40, 8)]
        return lines

    pages = [page(1, ["قال الوزير إن الوضع", "مستقر في المدينة وإن"]),
             page(2, ["العمل مستمر.", "وأضاف أن الحوار مفيد."])]
    assert _paragraphs(_drop_page_furniture(pages)) == [
        "قال الوزير إن الوضع مستقر في المدينة وإن العمل مستمر. وأضاف أن الحوار مفيد."]


def test_html_reads_the_same_twice(tmp_path):
    path = tmp_path / "again.html"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    assert _sentences(read_article(path)) == _sentences(read_article(path)) == BODY


def test_qt_pdf_of_seed_matches_the_text_file(tmp_path, seed_paths):
    text_article = read_article(seed_paths[2])
    lines = [line for line in text_article.text.split("\n") if line.strip()]
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    article = read_article(_qt_pdf(tmp_path / "seed.pdf", f'<div dir="rtl">{paragraphs}</div>'))
    assert (article.title, article.metadata) == (text_article.title, text_article.metadata)
    assert [" ".join(s.split()) for s in _sentences(article)] == \
        [" ".join(_lam_alef(s.text).split()) for s in text_article.sentences]


def test_docx_with_a_huge_part_is_refused_before_inflating(tmp_path):
    import zipfile

    from models.reading.formats import MAX_DOCX_PART_BYTES

    good = _docx(tmp_path / "g.docx")
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            bomb.writestr(info, source.read(info))
        with bomb.open("word/media/huge.bin", "w", force_zip64=True) as part:  # zeros deflate ~1000:1
            chunk = bytes(1024 * 1024)
            for _ in range(MAX_DOCX_PART_BYTES // len(chunk) + 1):
                part.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    cause = r"too large to read \(word/media/huge.bin unpacks to 65.0 MB; the limit is 64.0 MB\)"
    with pytest.raises(ArticleError, match=r"bomb.docx: the Word document is " + cause):
        read_article(path)


def test_oversized_web_page_is_refused_by_its_bytes(tmp_path):
    from models.reading.reader import MAX_PAGE_BYTES

    path = tmp_path / "big.html"
    path.write_bytes(b"<html><body><p>" + "نص ".encode() * (MAX_PAGE_BYTES // 5 + 1) + b"</p></body></html>")
    with pytest.raises(ArticleError, match=r"file is too large \(8.0 MB; the limit is 8.0 MB\)"):
        read_article(path)


def test_qt_pdf_keeps_every_standalone_la(tmp_path):
    # Qt leaves the lam-alef ligature unmapped; a standalone «لا» sits between spaces
    body = "فيما لا يتعارض مع أحكام القانون، لا يجوز الطعن في القرار إلا أمام المحكمة."
    article = read_article(_qt_pdf(tmp_path / "la.pdf", f'<div dir="rtl"><p>{body}</p></div>'))
    assert article.text.count(" لا ") == 2
    assert "فيما لا يتعارض" in article.text and "، لا يجوز" in article.text
