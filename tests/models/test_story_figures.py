"""Figures: digits and Arabic number words, what they count, dates, grouping and disagreements."""

from __future__ import annotations

import pytest

from models.story import article_figures
from models.story.events import group_figures
from models.story.numbers import read_number
from models.story.tokens import tokens
from tests.story_samples import story_article


@pytest.mark.parametrize(("text", "value"), [
    ("سبعة", 7), ("ثلاث", 3), ("خمسة وعشرين", 25), ("ثلاثة آلاف", 3000), ("أحد عشر", 11),
    ("ثلاثة عشر", 13), ("مائة وخمسين", 150), ("ثلاثمائة", 300), ("١٧", 17), ("2.5 مليون", 2_500_000),
    ("ألفين", 2000), ("500.000", 500_000), ("11.300", 11_300), ("40،9 مليون", 40_900_000), ("2.75", 2.75),
    ("3ر4", 4.3), ("096ر18", 18.096), ("5ر3 مليون", 3_500_000),
    ("12 ألفا و300", 12_300), ("2 مليون و400 ألف", 2_400_000), ("7 ملايين و50", 7_000_050),
])
def test_numbers_in_words_and_digits(text, value):
    read = read_number(tokens(text), 0)
    assert read is not None and read[0] == value and read[1] == len(tokens(text))


@pytest.mark.parametrize("text", ["عشرات", "آلاف", "الثالث", "أحد", "وأحد", "واحد", "ألفا"])
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
    one = story_article(["وأدت الغارات على مدينة سبها إلى سقوط سبعة قتلى وجرح 17."])
    two = story_article(["وأسفر القصف عن مقتل 20 مدنيا وإصابة 17 آخرين."])
    figures = article_figures(one, 0) + article_figures(two, 1)
    groups = {g.key: g for g in group_figures(figures, [one, two])}
    assert groups["killed"].disagree and groups["killed"].sources == 2
    assert not groups["injured"].disagree
    assert [[f.value for f in fs] for fs in groups["killed"].by_article] == [[7], [20]]
    assert groups["killed"].label == "killed (air strikes)"


def test_different_events_are_different_rows():
    one = story_article(["وأدى القصف الجوي إلى مقتل سبعة مدنيين.",
                         "وجاء القصف بعد إعدام 21 رهينة على يد التنظيم."])
    two = story_article(["وأسفرت الغارات عن مقتل 20 شخصا.",
                         "وكان هجوم على حافلة في الجنوب قد أدى إلى مقتل 29 شخصا.",
                         "وأسفرت الغارات عن مقتل 64 من مقاتلي التنظيم."])
    three = story_article(["وأكد قائد الطيران مقتل أربعين شخصا من تنظيم الدولة في الغارات."])
    figures = article_figures(one, 0) + article_figures(two, 1) + article_figures(three, 2)
    rows = [(g.label, [[f.value for f in fs] for fs in g.by_article], g.disagree)
            for g in group_figures(figures, [one, two, three])]
    assert ("killed — fighters / militants (air strikes)", [[], [64], [40]], True) in rows
    assert ("killed (air strikes)", [[7], [20], []], True) in rows
    assert ("killed (attack)", [[], [29], []], False) in rows
    assert not any(21 in values[0] and 20 in values[1] for _, values, _ in rows)


def test_figures_without_shared_context_are_not_compared():
    one = story_article(["وبلغت ميزانية البلدية 10 ملايين دينار."], {"البلدية": "ORG"})
    two = story_article(["وخصصت الجمعية 200 ألف دينار للمشروع."], {"الجمعية": "ORG"})
    three = story_article(["وقالت البلدية إن الميزانية بلغت 12 مليون دينار."], {"البلدية": "ORG"})
    figures = article_figures(one, 0) + article_figures(two, 1) + article_figures(three, 2)
    rows = [[[f.value for f in fs] for fs in g.by_article] for g in group_figures(figures, [one, two, three])]
    assert [[10_000_000], [], [12_000_000]] in rows and [[], [200_000], []] in rows


def test_dinar_abbreviation_is_money():
    assert _figures("بخطية قدرها 50 د عن كل مخالفة.") == [(50, "money", "money")]


def test_a_day_of_the_month_is_no_figure_and_francs_are_money():
    sentence = "دفع مبلغا مقداره 2 مليون فرنك، وتعلن اللجنة النتيجة يوم 21 من الشهر الجاري."
    figures = article_figures(story_article([sentence], {}))
    assert [(f.value, f.category) for f in figures] == [(2_000_000, "money")]


def test_a_score_and_a_date_with_a_misspelt_month_are_not_figures():
    assert _figures("وانتهت المباراة بنتيجة 85 مقابل 64 لفائدة الفريق.") == []
    assert [f[0] for f in _figures("واجتمعت الهيئة يوم 12 جانفيي 2017 وقررت حجز 30 شاحنة.")] == [30]


def test_a_preposition_after_a_number_is_not_what_it_counts():
    figures = article_figures(story_article(["وتوفي 12 ألف جراء الوباء، وأصيب 40 شخصا."]))
    assert [f.counted for f in figures] == ["شخصا"]


def test_a_year_before_a_comma_does_not_take_the_amount_after_it():
    assert [f[0] for f in _figures("وبلغ الاستهلاك سنة 2016، مليار و500 مليون لتر.")] == [500_000_000]
