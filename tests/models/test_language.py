"""Language detection, and what the engine does with text that is not Arabic."""

from __future__ import annotations

import pytest

from models.errors import ArticleError, LanguageError
from models.language import check_arabic, detect_language, not_arabic_reason
from models.pipeline import analyse
from models.reading import article_from_text, read_article

ARABIC = "أعلنت وزارة الصحة اليوم تسجيل ثلاثين إصابة جديدة بالفيروس في العاصمة والمدن المجاورة."
PERSIAN = ("یک گروه ۸۰ نفره از اصلاح\u200cطلبان در بیانیه خود، ضمن دعوت مردم به مشارکت در انتخابات،"
           " این را گفتند.")
URDU = "پاکستان میں ذیابیطس کے مریضوں کی تعداد میں اضافہ ہو رہا ہے اور ڈاکٹروں نے خبردار کیا ہے۔"
ENGLISH = "Egyptian jets struck targets in Derna on Monday, and officials said more strikes would follow."


@pytest.mark.parametrize(("text", "code"), [(ARABIC, "ar"), (PERSIAN, "fa"), (URDU, "ur"), (ENGLISH, "en"),
                                            ("12345 ...", "und"), (f"{ARABIC} (Reuters)", "ar")])
def test_detect_language(text, code):
    assert detect_language(text) == code


def test_arabic_typed_with_persian_letters_is_still_arabic():
    # Arabic written on a Persian keyboard: Farsi yeh (ی) and keheh (ک) for ي and ك
    text = "أدی عمر مسعود المدیر العام للأمن العمومي عشیة الیوم السبت زیارة تفقدیة إلى مرکز الولایة."
    assert detect_language(text) == "ar"


def test_persian_page_keeps_zero_width_non_joiners_and_is_not_summarised(tmp_path):
    path = tmp_path / "fa.html"
    paragraphs = "".join(f"<p>{PERSIAN}</p>" for _ in range(3)).replace("\u200c", "&zwnj;", 1)
    path.write_text(f"<html><head><meta charset='utf-8'><title>خبر</title></head><body><article>"
                    f"{paragraphs}</article></body></html>", encoding="utf-8")
    article = read_article(path)
    assert article.language == "fa"
    assert "اصلاح\u200cطلبان" in article.text
    analyse(article)
    assert article.summary == [] and article.entities == []
    reason = "the text is Persian: summaries, entities and translation are for Arabic text"
    assert not_arabic_reason(article) == reason
    with pytest.raises(LanguageError, match="fa.html: the text is Persian"):
        check_arabic(article)


def test_arabic_article_is_analysed():
    article = article_from_text("\n\n".join([ARABIC] * 2 + ["وقال المتحدث إن الفرق الطبية تتابع المخالطين."]))
    assert article.language == "ar" and not_arabic_reason(article) is None


def test_a_folder_says_it_is_a_folder(tmp_path):
    for folder in (tmp_path / "articles", tmp_path / "news.txt"):
        folder.mkdir()
        with pytest.raises(ArticleError, match="is a folder, not a file"):
            read_article(folder)
