"""Display span rules (models/ner/span_rules.py) on hand-made mentions: no model involved."""

from __future__ import annotations

from models.article import Mention
from models.ner.features import tokenize
from models.ner.lexicon import Lexicon
from models.ner.span_rules import SpanRules

LEXICON = Lexicon(common=frozenset({"قال", "امس"}))


def _apply(text: str, *marked: tuple[str, str]) -> list[tuple[str, str]]:
    """Run the rules on mentions given as (surface, type), each at its first occurrence."""
    mentions = []
    for surface, kind in marked:
        at = text.index(surface)
        mentions.append(Mention(at, at + len(surface), kind, surface))
    out = SpanRules(text, tokenize(text), LEXICON).apply(mentions)
    return [(m.text, m.type) for m in out]


def test_particles_and_trigger_words_alone_are_dropped():
    text = "وصل أبو إلى المدينة ثم إلى العاصمة مع آل"
    assert _apply(text, ("أبو", "PER"), ("المدينة", "LOC"), ("العاصمة", "LOC"), ("آل", "PER")) == []


def test_name_after_an_organisation_head_is_the_organisation():
    assert _apply("قال لوكالة رويترز إن", ("رويترز", "LOC")) == [("لوكالة رويترز", "ORG")]
    assert _apply("في جامعة القاهرة", ("القاهرة", "LOC")) == [("جامعة القاهرة", "ORG")]


def test_name_after_a_place_noun_is_a_place_everywhere():
    text = "قصفت مدينة سيدي حسين ثم سيدي حسين مرة أخرى"
    first, second = text.index("سيدي"), text.rindex("سيدي")
    mentions = [Mention(at, at + 9, "PER", "سيدي حسين") for at in (first, second)]
    out = SpanRules(text, tokenize(text), LEXICON).apply(mentions)
    assert [m.type for m in out] == ["LOC", "LOC"]


def test_name_in_part_of_a_short_quotation_takes_the_quotation():
    assert _apply("قالت مصادر لـ«الصباح الجديد» أمس", ("الصباح", "LOC")) == [("الصباح الجديد", "ORG")]
    text = "هاجموا ”كتيبة شهداء سالم“ أمس"
    assert _apply(text, ("سالم", "PER")) == [("كتيبة شهداء سالم", "ORG")]
    # a quotation with function words is not a name
    assert _apply("وصفوه بـ«العدوان على مدينة بنها»", ("بنها", "LOC")) == [("بنها", "LOC")]


def test_byline_before_a_dash_is_one_name():
    assert _apply("عنوان\nصوت الشعب –\nأعلنت", ("الشعب", "ORG")) == [("صوت الشعب", "ORG")]


def test_heading_with_a_dash_inside_is_not_a_byline():
    text = "عنوان\nلقاء السيسي – لافروف\nوعقد"
    assert _apply(text, ("السيسي", "PER")) == [("السيسي", "PER")]


def test_two_word_rank_is_cut_from_a_person():
    assert _apply("العقيد أركان حرب سالم العلي", ("حرب سالم العلي", "PER")) == [("سالم العلي", "PER")]


def test_compound_given_name_takes_the_family_name():
    assert _apply("الوزير عبد القادر زيدون في", ("عبد القادر", "PER")) == [("عبد القادر زيدون", "PER")]
    assert _apply("قال عبد القادر امس", ("عبد القادر", "PER")) == [("عبد القادر", "PER")]


def test_bare_name_after_a_group_head_is_an_organisation():
    assert _apply("غارات على مواقع تنظيم داعش في ليبيا") == [("داعش", "ORG")]
    assert _apply('قال إن حركة "طالبان" رفضت') == [("طالبان", "ORG")]


def test_group_head_before_an_adjective_a_plural_or_a_definite_word_names_nothing():
    for text in ("وقررت تنظيم وقفات احتجاجية", "إنها حركة تحررية تهدف", "وبعد تنظيم حفلتين",
                 "صلوا جماعة ودعوا الله", "قال الحزب حسن إنه", 'رفضت الحركة "بيان" أمس'):
        assert _apply(text) == [], text


def test_group_name_the_recogniser_found_is_left_to_the_head_rule():
    assert _apply("مواقع تنظيم داعش", ("داعش", "LOC")) == [("تنظيم داعش", "ORG")]


def _at_nth(text: str, surface: str, nth: int, kind: str) -> Mention:
    at = -1
    for _ in range(nth + 1):
        at = text.index(surface, at + 1)
    return Mention(at, at + len(surface), kind, surface)


def test_multi_word_name_spreads_over_shorter_mentions_only():
    text = "قال سعد زغلول ثم سعد زغلول ثم زغلول باشا ثم سعد زغلول"
    mentions = [_at_nth(text, "سعد زغلول", 0, "PER"), _at_nth(text, "زغلول", 1, "LOC"),
                _at_nth(text, "سعد زغلول", 2, "PER")]
    out = SpanRules(text, tokenize(text), LEXICON).apply(mentions)
    starts = [text.index("سعد"), text.index("سعد", 5), text.rindex("سعد")]
    assert [(m.start, m.text, m.type) for m in out] == [(s, "سعد زغلول", "PER") for s in starts]
    # a mention that reaches outside the occurrence keeps it from being marked
    blocked = [_at_nth(text, "سعد زغلول", 0, "PER"), Mention(starts[1] + 4, starts[1] + 12, "MISC",
                                                             text[starts[1] + 4:starts[1] + 12])]
    out = SpanRules(text, tokenize(text), LEXICON).apply(blocked)
    assert [m.start for m in out if m.type == "PER"] == [starts[0], starts[2]]
