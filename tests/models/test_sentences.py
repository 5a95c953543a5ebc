"""Arabic sentence segmentation on real seed and EASC sentences."""

from __future__ import annotations

import json

import pytest

from models.sentences import MAX_WORDS, paragraph_spans, split_sentences


def sentences(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, start, end)]


def test_seed_sentences_keep_quotes_and_commas_together(seed_paths):
    text = next(p for p in seed_paths if p.name.startswith("002")).read_text(encoding="utf-8")
    found = sentences(text)
    derna = [s for s in found if s.startswith("وتعد مدينة")]
    # sumy's stock Arabic tokenizer yields the fragment «وتعد مدينة «درنة»،»
    assert derna == [
        "وتعد مدينة «درنة»، التي تبعد 272 كيلومترًا عن السلوم (نقطة العبور الرئيسية على الحدود المصرية "
        "الليبية)، هي إحدى المدن التي تسعى قوات «حفتر» المدعوم من الرئيس «عبدالفتاح السيسي»، للسيطرة "
        "عليها من قبضة الإسلاميين."
    ]
    assert "الخميس 2 نوفمبر 2017 07:11 ص" in found  # time not split, line break ends it
    assert not any(s.endswith(("،", ",")) for s in found)
    quoted = [s for s in found if s.startswith("لكن «مجلس")]
    assert quoted and quoted[0].endswith("القصف المصري».")


def test_spans_are_absolute_and_stripped():
    text = "عنوان\n\n  جملة أولى.   جملة ثانية؟  \n"
    offset = text.index("جملة")
    spans = split_sentences(text, offset - 2, len(text))
    assert [text[s:e] for s, e in spans] == ["جملة أولى.", "جملة ثانية؟"]
    assert spans[0][0] == offset


@pytest.mark.parametrize(("text", "expected"), [
    ("بلغت النسبة 3.5 في المئة. وارتفعت الأسعار", ["بلغت النسبة 3.5 في المئة.", "وارتفعت الأسعار"]),
    ("وصل في الساعة 07:11 صباحا. ثم غادر", ["وصل في الساعة 07:11 صباحا.", "ثم غادر"]),
    ("قال (د.ب.أ) إن الوضع هادئ. وأضاف", ["قال (د.ب.أ) إن الوضع هادئ.", "وأضاف"]),
    ("برلين (د ب أ) - قال المتحدث إن الوضع هادئ.", ["برلين (د ب أ) - قال المتحدث إن الوضع هادئ."]),
    ("ذكرت أ.ف.ب أن الوفد وصل. ثم بدأ الاجتماع", ["ذكرت أ.ف.ب أن الوفد وصل.", "ثم بدأ الاجتماع"]),
    ("التقى د. محمد مرسي بالرئيس. ثم غادر.", ["التقى د. محمد مرسي بالرئيس.", "ثم غادر."]),
    ("ولد عام 1952 م. وتوفي عام 2000", ["ولد عام 1952 م.", "وتوفي عام 2000"]),
    ("1. البند الأول\n2. البند الثاني", ["1. البند الأول", "2. البند الثاني"]),
    ("قال «لن نتراجع.» ثم غادر! هل انتهى؟ نعم…", ["قال «لن نتراجع.»", "ثم غادر!", "هل انتهى؟", "نعم…"]),
    ("زار موقع aljazeera.net أمس. وعاد", ["زار موقع aljazeera.net أمس.", "وعاد"]),
    ("العود آلة يرجعه البعض إلى نوح.و تعني كلمة العود الخشب .فالعود آلة",
     ["العود آلة يرجعه البعض إلى نوح.", "و تعني كلمة العود الخشب .", "فالعود آلة"]),
    ("قال: «نرفض ذلك. ولن نقبل به». ثم انصرف", ["قال: «نرفض ذلك. ولن نقبل به».", "ثم انصرف"]),
])
def test_boundaries(text, expected):
    assert sentences(text) == expected


def test_line_breaks_end_sentences_unless_the_text_is_hard_wrapped():
    assert sentences("عنوان بلا نقطة\nجملة تالية") == ["عنوان بلا نقطة", "جملة تالية"]
    line = "كلمة " * 14
    wrapped = "\n".join([line + "أولى،", line + "ثانية", line + "ثالثة.", "قصير.", line + "رابعة"])
    found = sentences(wrapped)
    assert len(found) == 3
    assert found[0].endswith("ثالثة.") and "\n" in found[0]
    assert len(paragraph_spans(wrapped)) == 3  # the short line ends a paragraph


def test_long_sentences_are_cut_only_where_needed():
    clause = " ".join(["كلمة"] * 20)
    short = f"{clause}، {clause}."
    assert sentences(short) == [short]
    long = f"{clause}، {clause}؛ {clause}، {clause}."
    pieces = sentences(long)
    assert len(pieces) == 2
    assert pieces[0].endswith("؛")  # the semicolon is preferred over the commas
    assert all(len(p.split()) <= MAX_WORDS for p in pieces)
    assert " ".join(pieces) == long


def test_a_long_line_without_punctuation():
    text = " ".join(f"كلمة{i}" for i in range(10_000))
    spans = split_sentences(text)
    assert all(len(text[s:e].split()) <= MAX_WORDS for s, e in spans)
    assert " ".join(text[s:e] for s, e in spans) == text


def test_no_letters_no_sentence():
    assert split_sentences("...\n—\n  ") == []
    assert split_sentences("") == []


def test_easc_articles_segment_without_fragments(shared_data):
    path = shared_data / "easc-dev" / "easc-dev.jsonl"
    if not path.exists():
        pytest.skip("easc-dev is absent")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        text = row["article"]
        spans = split_sentences(text)
        assert spans == sorted(spans)
        for s, e in spans:
            piece = text[s:e]
            assert piece == piece.strip()
            assert len(piece.split()) <= MAX_WORDS
            assert len(piece.split()) >= 2 or not piece.endswith("،")
    oud = rows[0]["article"]
    assert "العود هي آلة موسيقية شرقية وترية تاريخها موغل بالقدم يرجعه البعض إلى نوح." in sentences(oud)


def test_latin_initial_spelt_in_arabic_does_not_end_a_sentence():
    assert sentences("أقيم الحفل في مركز جون إف. كينيدي للفنون. ثم عاد الوفد.") == [
        "أقيم الحفل في مركز جون إف. كينيدي للفنون.", "ثم عاد الوفد."]
    assert sentences("التقى جورج دبليو. بوش بالوفد.") == ["التقى جورج دبليو. بوش بالوفد."]
    # a letter name that ends a sentence still does, before a word that opens one
    assert sentences("يحمل الشعار حرف إكس. وفي السياق نفسه قال المتحدث.") == [
        "يحمل الشعار حرف إكس.", "وفي السياق نفسه قال المتحدث."]


def test_full_stop_after_vowel_marks_ends_the_sentence():
    assert sentences("قالت الصحيفة إن المفاتيح قد فُقِدَت. ومن المعروف أن اللصوص يستهدفون الأحياء.") == [
        "قالت الصحيفة إن المفاتيح قد فُقِدَت.", "ومن المعروف أن اللصوص يستهدفون الأحياء."]
    assert sentences("وصل د. أحمد إلى المؤتمر.") == ["وصل د. أحمد إلى المؤتمر."]
