"""Plain-text articles: encodings, line endings, structure, bad input through ``read_article``."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from models.errors import ArticleError
from models.reading import SUPPORTED_SUFFIXES, article_from_text, read_article
from models.reading.decoding import decode
from models.reading.reader import MAX_TEXT_BYTES, MAX_TEXT_CHARS

ARABIC = (
    "«حفتر» في القاهرة لبحث هجوم «الواحات»\n\n"
    "يبحث الجنرال الليبي خليفة حفتر، الذي وصل العاصمة المصرية القاهرة، تعزيز التعاون الأمني. "
    "وقال مصدر مسؤول إن الزيارة ليست لها علاقة بالاجتماعات.\n"
)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _check_spans(article) -> None:
    for sentence in article.sentences:
        assert article.text[sentence.start:sentence.end] == sentence.text
    if article.title_span:
        assert article.text[slice(*article.title_span)] == article.title


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("cp1256", b""),
])
def test_encodings_decode_to_the_same_text(tmp_path, encoding, prefix):
    path = _write(tmp_path, "a.txt", prefix + ARABIC.encode(encoding))
    article = read_article(path)
    assert article.text == ARABIC
    assert article.title == "«حفتر» في القاهرة لبحث هجوم «الواحات»"
    assert len(article.sentences) == 2
    _check_spans(article)


def test_cp1256_seed_is_not_mojibake(tmp_path, seed_paths):
    text = seed_paths[2].read_text(encoding="utf-8")
    data = text.encode("cp1256", errors="ignore")
    decoded = read_article(_write(tmp_path, "legacy.txt", data)).text
    assert decoded == data.decode("cp1256")
    assert "«الخليج الجديد»" in decoded


def test_short_cp1256_text_still_arabic():
    assert decode("مصر".encode("cp1256")) == "مصر"
    assert decode("قال الوزير إن".encode("cp1256")) == "قال الوزير إن"


@pytest.mark.parametrize("misread", ["latin-1", "cp1252+latin-1"])
def test_double_encoded_utf8_is_repaired(misread):
    data = ARABIC.encode("utf-8")
    if misread == "latin-1":
        mojibake = data.decode("latin-1")
    else:  # as browsers do: cp1252, with its undefined bytes read as Latin-1 C1 controls
        mojibake = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)
    assert "Ù" in mojibake
    assert decode(mojibake.encode("utf-8")) == ARABIC


def test_cp1256_with_windows_line_endings():
    assert decode(ARABIC.replace("\n", "\r\n").encode("cp1256")) == ARABIC


def test_utf16_without_bom_is_detected():
    assert decode(ARABIC.encode("utf-16-le")) == ARABIC
    assert decode(ARABIC.encode("utf-16-be")) == ARABIC


def test_latin1_english_is_not_forced_into_arabic():
    assert decode("Café résumé naïve text about the news.".encode("cp1252")) == \
        "Café résumé naïve text about the news."


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_normalised(tmp_path, newline):
    path = _write(tmp_path, "a.txt", ARABIC.replace("\n", newline).encode("utf-8"))
    article = read_article(path)
    assert article.text == ARABIC
    _check_spans(article)


def test_seed_002_structure(seed_paths):
    article = read_article(seed_paths[2])
    assert article.title == "«حفتر» في القاهرة لبحث هجوم «الواحات» وقصف «درنة»"
    assert article.title_span == (0, len(article.title))
    assert article.metadata.dateline == "الخميس 2 نوفمبر 2017 07:11 ص"
    assert article.metadata.source == "الخليج الجديد + وكالات"
    assert article.metadata.keywords == ("مصر", "ليبيا", "درنة", "خليفة حفتر", "الواحات", "فايز السراج")
    body = " ".join(s.text for s in article.sentences)
    for kept_out in ("07:11", "المصدر", "كلمات مفتاحية", "فايز السراج\n"):
        assert kept_out not in body
    assert article.sentences[0].text.startswith("يبحث الجنرال الليبي")
    assert article.sentences[-1].text.endswith("من قبضة الإسلاميين.")
    assert "كلمات مفتاحية" in article.text  # structure lines stay in the text
    _check_spans(article)


def test_seed_001_headline_and_credit(seed_paths):
    article = read_article(seed_paths[1])
    assert article.title == "مصر تعتزم الاستمرار في تنفيذ غاراتها على المتشددين الإسلاميين في درنة"
    assert article.metadata.source == "نور نيوز"
    assert article.sentences[0].text.startswith("أعلنت مصر الاثنين")
    _check_spans(article)


@pytest.mark.parametrize("index", [0, 3, 4])
def test_seeds_without_headline(seed_paths, index):
    article = read_article(seed_paths[index])
    assert article.title == "" and article.title_span is None
    assert article.metadata.dateline == "" and article.metadata.source == ""
    assert article.sentences[0].start == len(article.text) - len(article.text.lstrip())
    _check_spans(article)


def test_paragraphs_hold_their_sentences(seed_paths):
    article = read_article(seed_paths[2])
    assert len(article.paragraphs) == 11
    for sentence in article.sentences:
        start, end = article.paragraphs[sentence.paragraph]
        assert start <= sentence.start and sentence.end <= end


@pytest.mark.parametrize("line", [
    "الخميس 2 نوفمبر 2017 07:11 ص",
    "القاهرة - الأحد 14 شباط 2016",
    "نشر في 12/05/2015 - 10:30",
    "الثلاثاء 3 جويلية 2018",
    "2017-11-02 07:11",
    "آخر تحديث: ٢ تشرين الثاني ٢٠١٧",
])
def test_datelines(line):
    article = article_from_text(f"عنوان الخبر هنا\n{line}\nقال الوزير إن الوضع مستقر. وأضاف أن العمل مستمر.")
    assert article.metadata.dateline == line
    assert article.title == "عنوان الخبر هنا"
    assert len(article.sentences) == 2


def test_headline_not_taken_from_single_line_or_long_first_sentence():
    single = "قال الوزير إن الوضع مستقر وإن العمل مستمر في كل المحافظات دون توقف"
    assert article_from_text(single).title == ""
    long_first = ("يواجه لاعب التنس الاسباني رفائيل نادال اليوم بداية من الساعة 15:00 في نهائي دورة "
                  "رولان غاروس منافسه السويسري ستانيسلاس فافرينكا\nو يسعى نادال الى التتويج بلقبه العاشر.")
    assert article_from_text(long_first).title == ""


def test_question_headline():
    article = article_from_text("من هو مدير عام الأمن الوطني ؟\nعين الرئيس مديرا جديدا للأمن الوطني اليوم.")
    assert article.title == "من هو مدير عام الأمن الوطني ؟"


def test_inline_keywords_with_separators():
    text = "قال الوزير إن الوضع مستقر.\nوأضاف أن العمل مستمر.\nكلمات مفتاحية: مصر، ليبيا، خليفة حفتر"
    article = article_from_text(text)
    assert article.metadata.keywords == ("مصر", "ليبيا", "خليفة حفتر")
    assert len(article.sentences) == 2


def test_ant_sample_headlines(shared_data):
    rows = [json.loads(line) for line in (shared_data / "articles/ant-sample.jsonl").open(encoding="utf-8")]
    found = sum(article_from_text(f"{r['title']}\n{r['text']}").title == r["title"] for r in rows)
    invented = sum(bool(article_from_text(r["text"]).title) for r in rows)
    assert found >= 0.95 * len(rows)
    assert invented <= 0.02 * len(rows)


def test_easc_single_line_articles_have_no_headline(shared_data):
    rows = [json.loads(line) for line in (shared_data / "easc-dev/easc-dev.jsonl").open(encoding="utf-8")]
    assert sum(bool(article_from_text(r["article"]).title) for r in rows) == 0


# --- bad input ---------------------------------------------------------------

def _error(path: Path) -> ArticleError:
    with pytest.raises(ArticleError) as info:
        read_article(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    return info.value


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t  ", codecs.BOM_UTF8 + b"\n \n"])
def test_empty_files(tmp_path, data):
    cause = _error(_write(tmp_path, "empty.txt", data)).cause
    assert cause in ("the file is empty", "the file contains no text")


def test_missing_file(tmp_path):
    assert _error(tmp_path / "nope.txt").cause == "file not found"


def test_folder(tmp_path):
    (tmp_path / "dir.txt").mkdir()
    assert "folder" in _error(tmp_path / "dir.txt").cause


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 40,
    b"\x89PNG\r\n\x1a\n" + bytes(500),
    b"\x7fELF\x02\x01\x01" + bytes(range(200)),
])
def test_binary_files(tmp_path, data):
    assert "not a text file" in _error(_write(tmp_path, "blob.txt", data)).cause


@pytest.mark.parametrize("name", ["a.odt", "a.rtf", "a", "a.exe"])
def test_unsupported_suffix(tmp_path, name):
    cause = _error(_write(tmp_path, name, b"text")).cause
    assert "unsupported" in cause and ".txt" in cause


def test_supported_suffixes():
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}


def test_huge_file_is_refused_quickly(tmp_path):
    path = _write(tmp_path, "huge.txt", ARABIC.encode() * (20 * 1024 * 1024 // len(ARABIC.encode())))
    cause = _error(path).cause
    assert "too large" in cause and "20.0 MB" in cause
    assert MAX_TEXT_BYTES == 4 * 1024 * 1024


def test_too_much_extracted_text(tmp_path):
    from docx import Document

    document = Document()
    for _ in range(MAX_TEXT_CHARS // 1000 + 10):
        document.add_paragraph("كلمة " * 200)
    document.save(tmp_path / "big.docx")
    assert "too much text for one article" in _error(tmp_path / "big.docx").cause


def test_unreadable_file(tmp_path, monkeypatch):
    path = _write(tmp_path, "secret.txt", ARABIC.encode())

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert _error(path).cause == "permission denied"


def test_long_line_without_punctuation(tmp_path):
    words = ["كلمة", "أخرى", "مدينة", "الليبية"] * 2500
    path = _write(tmp_path, "long.txt", " ".join(words).encode())
    article = read_article(path)
    assert article.word_count() == 10_000
    assert len(article.sentences) > 1
    _check_spans(article)


def test_english_only(tmp_path):
    text = ("Egypt strikes Derna\n\n"
            "Egyptian jets struck targets in Derna on Monday. Officials said more would follow.\n")
    article = read_article(_write(tmp_path, "en.txt", text.encode()))
    assert article.title == "Egypt strikes Derna"
    assert [s.text for s in article.sentences] == [
        "Egyptian jets struck targets in Derna on Monday.", "Officials said more would follow."]


@pytest.mark.parametrize("text, source, first", [
    ("طوكيو - رويترز - قالت وسائل الاعلام اليابانية امس ان الزيارة تمت.", "رويترز", "قالت وسائل"),
    ("القاهرة (د ب أ) - قال الوزير إن الوضع مستقر.", "د ب أ", "قال الوزير"),
    ("بيروت (رويترز) – أعلن الجيش اللبناني اليوم انتهاء العملية.", "رويترز", "أعلن الجيش"),
    ("وقالت رويترز: إن الوضع مستقر.", "", "وقالت رويترز"),
    ("قال مصدر لوكالة رويترز - في بيان - إن الوضع مستقر.", "", "قال مصدر"),
])
def test_agency_openers(text, source, first):
    article = article_from_text(text + "\nوأضاف أن العمل مستمر (الأناضول)")
    assert article.metadata.source == (source or "الأناضول")
    assert article.sentences[0].text.startswith(first)
    assert article.sentences[-1].text == "وأضاف أن العمل مستمر"


def test_sentence_indices_are_positions():
    article = article_from_text("أولى. ثانية هنا.\n\nثالثة في فقرة. رابعة أيضا.")
    assert [s.index for s in article.sentences] == list(range(len(article.sentences)))


def test_hard_wrapped_lines_do_not_end_sentences():
    line = "ارتفع الدولار أمس بعد أن أظهر تقرير انخفاضا غير متوقعا في العجز التجاري"
    text = "\n".join([line, "الأمريكي في شهر مارس.", line, "للمرة الثانية هذا العام.",
                      line, "في الأسواق كلها."])
    article = article_from_text(text)
    assert [s.text.split()[-1] for s in article.sentences] == ["مارس.", "العام.", "كلها."]
    assert len(article.paragraphs) == 3
