"""Matching normalisation, word spans, clitics, stemming and stop words."""

from __future__ import annotations

from models.arabic import (
    STOP_WORDS,
    is_stop_word,
    normalize,
    proclitic_length,
    stem,
    strip_clitics,
    word_spans,
    words,
)


def test_normalize_folds_orthographic_variants():
    assert normalize("إِنَّ") == "ان"
    assert normalize("أحمد آمن ٱلله") == "احمد امن الله"
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("مدينة") == "مدينه"
    assert normalize("مؤتمر رئيس") == "موتمر رييس"
    assert normalize("جـــميل") == "جميل"
    assert normalize("٢٠١٧ ABC") == "2017 abc"


def test_normalize_makes_spelling_variants_equal():
    # EASC references drop hamza; the seeds write it.
    assert normalize("الأوكتافين") == normalize("الاوكتافين")
    assert normalize("الإسلامية") == normalize("الاسلاميه")


def test_word_spans_index_the_original_text():
    text = "قال: «درنة»، وبالقاهرةِ 3.5 U.S"
    spans = word_spans(text)
    assert [text[s:e] for s, e in spans] == ["قال", "درنة", "وبالقاهرةِ", "3", "5", "U", "S"]
    assert words("وبالقاهرةِ") == ["وبالقاهره"]


def test_word_spans_keep_diacritics_and_tatweel_inside_words():
    text = "مُحَمَّد جـــميل"
    assert [text[s:e] for s, e in word_spans(text)] == ["مُحَمَّد", "جـــميل"]


def test_strip_clitics_before_the_article():
    assert strip_clitics("وبالقاهرة") == "القاهره"
    assert strip_clitics("والجيش") == "الجيش"
    assert strip_clitics("للجيش") == "الجيش"
    assert strip_clitics("كالأسد") == "الاسد"


def test_strip_clitics_keeps_words_that_merely_start_with_a_clitic_letter():
    for word in ("وزير", "لبنان", "بريطانيا", "فرنسا", "كركوك"):
        assert strip_clitics(word) == normalize(word)


def test_strip_clitics_with_a_lexicon():
    assert strip_clitics("ولبنان", lexicon={"لبنان"}) == "لبنان"
    assert strip_clitics("ولبنان") == "ولبنان"


def test_proclitic_length_counts_displayed_characters():
    assert proclitic_length("وبالقاهرة") == 2
    assert proclitic_length("وَبالقاهرة") == 3  # the fatha belongs to the clitic
    assert proclitic_length("القاهرة") == 0
    word = "ولبنان"
    assert word[proclitic_length(word, lexicon={"لبنان"}):] == "لبنان"


def test_stem_conflates_inflections():
    assert stem("المعلمون") == stem("معلم") == stem("والمعلمين")
    assert stem("المدينة") == stem("بالمدينة") == stem("للمدينة")
    assert stem("الصحفيات") == stem("صحفي")
    assert len(stem("من")) == 2  # short words are left alone


def test_stop_words_are_normalised_function_words():
    assert {"في", "من", "الي", "علي", "هذا", "الذي", "ان"} <= STOP_WORDS
    assert all(word == normalize(word) for word in STOP_WORDS)
    assert "درنه" not in STOP_WORDS


def test_is_stop_word_sees_through_attached_clitics():
    assert is_stop_word("وهو")
    assert is_stop_word("فإن")
    assert is_stop_word("إلى")
    assert not is_stop_word("ليبيا")
