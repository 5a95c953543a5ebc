"""Figures: digits and Arabic number words, what they count, dates, grouping and disagreements."""

from __future__ import annotations

import pytest

from models.story import article_figures
from models.story.figures import group_figures
from models.story.numbers import read_number
from models.story.tokens import tokens
from tests.story_samples import story_article


@pytest.mark.parametrize(("text", "value"), [
    ("سبعة", 7), ("ثلاث", 3), ("خمسة وعشرين", 25), ("ثلاثة آلاف", 3000), ("أحد عشر", 11),
    ("ثلاثة عشر", 13), ("مائة وخمسين", 150), ("ثلاثمائة", 300), ("١٧", 17), ("2.5 مليون", 2_500_000),
    ("ألفين", 2000), ("500.000", 500_000), ("11.300", 11_300), ("40،9 مليون", 40_900_000), ("2.75", 2.75),
])
def test_numbers_in_words_and_digits(text, value):
    read = read_number(tokens(text), 0)
    assert read is not None and read[0] == value and read[1] == len(tokens(text))


@pytest.mark.parametrize("text", ["عشرات", "آلاف", "الثالث", "أحد", "وأحد", "واحد"])
def test_vague_amounts_and_ordinals_are_not_numbers(text):
    assert read_number(tokens(text), 0) is None


def _figures(sentence: str):
    return [(f.value, f.key, f.category) for f in article_figures(story_article([sentence]))]


def test_casualties_with_the_counted_noun_after_the_number():
    assert _figures("وأدت الغارات إلى سقوط سبعة قتلى بينهم ثلاثة أطفال وامرأتان.") == [
        (7, "killed", "killed"), (3, "children", "children"), (2, "women", "women")]


def test_casualty_word_before_the_number_and_arabic_indic_digits():
    assert _figures("وأسفر القصف عن مقتل ٢٠ مدنياً وإصابة 23.") == [
        (20, "killed", "civilians"), (23, "injured", "injured")]
    assert _figures("وجرح 17 جميعهم مدنيون.") == [(17, "injured", "injured")]


def test_other_quantities_keep_their_noun():
    (figure,) = article_figures(story_article(["ونفذت أربع طائرات حربية 5 طلعات في 3 ولايات."]))[2:]
    assert figure.category.startswith("other:") and figure.counted == "ولايات" and figure.value == 3


@pytest.mark.parametrize("sentence", [
    "وذلك يوم 16 فبراير 2015 في المدينة.", "بدأت المحاكمة في 12 جانفي الماضي.",
    "ويحاصرونها منذ 3 سنوات على الأقل.", "وفق القانون عدد 52 لسنة 1992.", "على الساعة 10:30 صباحا.",
    "في السادس عشر من فبراير.", "وقع ذلك في 2017 تحديدا.", "بتاريخ 15/02/2015 بالضبط.",
])
def test_dates_times_durations_and_labels_are_not_figures(sentence):
    assert _figures(sentence) == []


def test_the_date_of_the_sentence_is_kept():
    (figure,) = article_figures(story_article(["وقتل 29 شخصا يوم الاثنين 16 فبراير."]))
    assert figure.date == "الاثنين" and figure.key == "killed"


def test_percent_and_money():
    assert _figures("وارتفعت النسبة إلى 12 بالمائة بكلفة 3 ملايين دينار.") == [
        (12, "percent", "percent"), (3_000_000, "money", "money")]


def test_groups_mark_disagreement_between_sources_only():
    one = story_article(["وأدت إلى سقوط سبعة قتلى وجرح 17."])
    two = story_article(["وأسفر القصف عن مقتل 20 مدنيا وإصابة 17 آخرين."])
    figures = article_figures(one, 0) + article_figures(two, 1)
    groups = {g.key: g for g in group_figures(figures, 2)}
    assert groups["killed"].disagree and groups["killed"].sources == 2
    assert not groups["injured"].disagree
    assert [[f.value for f in fs] for fs in groups["killed"].by_article] == [[7], [20]]


def test_dinar_abbreviation_is_money():
    assert _figures("بخطية قدرها 50 د عن كل مخالفة.") == [(50, "money", "money")]
