"""Web pages: lead paragraph, titles without the site name, dates from metadata, bylines, furniture."""

from __future__ import annotations

import pytest

from models.reading import read_article
from models.reading.html import _with_lead, clean_title

HEADLINE = "وزارة الصحة تسجل ثلاثين إصابة جديدة بالفيروس"
BODY = [
    "أعلنت وزارة الصحة اليوم تسجيل ثلاثين إصابة جديدة بالفيروس في العاصمة والمدن المجاورة لها.",
    "وقال المتحدث باسم الوزارة إن الفرق الطبية تتابع جميع المخالطين في الأحياء الشمالية من المدينة.",
    "ودعت السلطات السكان إلى الالتزام بإجراءات الوقاية وارتداء الكمامات في الأماكن العامة المغلقة.",
]


def _page(title: str, *, site: str = "", head: str = "", before: str = "", after: str = "") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title>'
            f"{meta}{head}</head><body><article><h1>{HEADLINE}</h1>{before}{paragraphs}{after}</article>"
            "</body></html>").encode()


def _read(tmp_path, data: bytes):
    path = tmp_path / "page.html"
    path.write_bytes(data)
    return read_article(path)


def test_site_name_is_cut_off_the_title_and_the_headline_is_not_repeated(tmp_path):
    for title in (f"{HEADLINE} - اليوم السابع", f"المدينة نيوز - {HEADLINE}", f"{HEADLINE} | البيان"):
        article = _read(tmp_path, _page(title))
        assert article.title == HEADLINE, title
        assert [s.text for s in article.sentences] == BODY


def test_headline_worded_differently_from_the_title_is_not_repeated(tmp_path):
    # the page's <title> and og:title say «30», its own headline (an <h2>, kept by extraction) «ثلاثين»
    title = "وزارة الصحة تسجل 30 إصابة جديدة بالفيروس"
    page = _page(title, head=f'<meta property="og:title" content="{title}">').replace(
        f"<h1>{HEADLINE}</h1>".encode(), f"<h2>{HEADLINE}</h2>".encode())
    article = _read(tmp_path, page)
    assert article.title == HEADLINE
    assert [s.text for s in article.sentences] == BODY


def test_clean_title_uses_the_site_name_and_keeps_titles_without_one():
    assert clean_title("أخبار الخليج | انطلاق القمة العربية في الرياض اليوم", site="أخبار الخليج",
                       body=["نص لا يبدأ بالعنوان"]) == "انطلاق القمة العربية في الرياض اليوم"
    assert clean_title("العراق - إيران: محادثات جديدة", site="", body=["محادثات بين العراق وإيران"]) == \
        "العراق - إيران: محادثات جديدة"


def test_publication_date_from_page_metadata(tmp_path):
    head = '<meta property="article:published_time" content="2020-03-17T14:05:00+02:00">'
    assert _read(tmp_path, _page(HEADLINE, head=head)).metadata.dateline == "2020-03-17"
    json_ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
               ' "datePublished": "2019-02-08T10:00:00Z"}</script>')
    assert _read(tmp_path, _page(HEADLINE, head=json_ld)).metadata.dateline == "2019-02-08"


def test_date_line_under_the_headline_is_the_dateline(tmp_path):
    # extraction leaves the line out; the page declares no date; «،» follows the weekday and the year
    shown = "الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)"
    page = _page(HEADLINE).replace(f"<h1>{HEADLINE}</h1>".encode(),
                                   f'<h1>{HEADLINE}</h1><div class="stamp"><div>{shown}</div></div>'.encode())
    assert _read(tmp_path, page).metadata.dateline == shown


def test_byline_and_comment_policy_are_not_sentences(tmp_path):
    policy = ("<p>ترحب شبكة CNN بالنقاش الحيوي والمفيد، وكي لا نضطر في موقع CNN بالعربية"
              " إلى مراجعة التعليقات.</p>")
    disclaimer = ("<p>الآراء الواردة أدناه لا تعبر عن رأي موقع CNN بالعربية، بل تعكس وجهات نظر"
                  " أصحابها فقط.</p>")
    wordpress = "<p>لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *</p><p>اترك تعليقاً</p>"
    article = _read(tmp_path, _page(HEADLINE, before="<p>حوار: آسيا العتروس</p>",
                                    after=policy + disclaimer + wordpress))
    assert article.metadata.byline == "حوار: آسيا العتروس"
    assert [s.text for s in article.sentences] == BODY


def test_image_caption_is_not_a_body_line(tmp_path):
    figure = ('<div class="article_image"><img src="p.jpg" alt="صورة"><div></div>'
              '<div class="red">إصابات بالفيروس في العاصمة</div></div>')
    article = _read(tmp_path, _page(HEADLINE, before=figure))
    assert [s.text for s in article.sentences] == BODY


def test_lead_dropped_as_a_comment_is_restored():
    body = ["الفقرة الثانية.", "الفقرة الثالثة."]
    full = ["الفقرة الأولى.", *body, "تعليق قارئ."]
    assert _with_lead(body, full) == ["الفقرة الأولى.", *body]
    assert _with_lead(body, body) == body


def test_scripts_styles_and_inline_data_do_not_count_but_json_ld_dates_do(tmp_path):
    from models.reading.html import MAX_MARKUP_CHARS

    weight = ("<script>var menu = 1;</script><style>p { color: red }</style><!-- x -->"
              '<img src="data:image/png;base64,' + "A" * 5000 + '">') * (MAX_MARKUP_CHARS // 5000)
    json_ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
               '"datePublished": "2019-02-08T10:00:00Z"}</script>')
    article = _read(tmp_path, _page(HEADLINE, head=json_ld, after=weight))
    assert [s.text for s in article.sentences] == BODY
    assert article.metadata.dateline == "2019-02-08"


def test_page_with_too_much_markup_is_refused_in_characters(tmp_path):
    from models.errors import ArticleError
    from models.reading.html import MAX_MARKUP_CHARS

    filler = "<div><span>خبر</span></div>" * (MAX_MARKUP_CHARS // 20)
    cause = (r"the web page is too large to read \([\d,]+ characters of markup without scripts and styles; "
             r"the limit is 1,500,000 characters\)")
    with pytest.raises(ArticleError, match=cause):
        _read(tmp_path, _page(HEADLINE, after=filler))


def test_page_declared_utf8_but_saved_twice_as_latin1_is_repaired(tmp_path):
    page = _page(HEADLINE).decode("utf-8")
    twice = page.encode("utf-8").decode("latin-1").encode("utf-8")  # «Ø§Ù„…» in the file
    article = _read(tmp_path, twice)
    assert [s.text for s in article.sentences] == BODY
