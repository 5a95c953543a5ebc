"""Grouping mentions into entities (hand-built mentions: independent of the trained model)."""

from __future__ import annotations

from models.article import Article, Mention, Sentence
from models.ner import group_mentions

TEXT = ("أكد اللواء المتقاعد خليفة حفتر أن الغارات مستمرة. "
        "وقال حفتر إن القاهرة تدعم قواته. "
        "واتصل شكري بحفتر في بنغازي. "
        "وزار خليفة حفتر وبنغازي أمس.")


def _mention(text: str, needle: str, kind: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Mention(start, start + len(needle), kind, needle)


def _article(summary: list[int]) -> Article:
    bounds, start = [], 0
    for i, part in enumerate(TEXT.split(". ")):
        end = start + len(part) + 1
        bounds.append(Sentence(i, start, end, TEXT[start:end], 0))
        start = end + 1
    return Article(TEXT, sentences=tuple(bounds), summary=summary)


def _found() -> list[Mention]:
    return [
        _mention(TEXT, "اللواء المتقاعد خليفة حفتر", "PER"),
        _mention(TEXT, "حفتر", "PER", 1),
        _mention(TEXT, "القاهرة", "LOC"),
        _mention(TEXT, "شكري", "PER"),
        _mention(TEXT, "بحفتر", "PER"),
        _mention(TEXT, "بنغازي", "LOC"),
        _mention(TEXT, "خليفة حفتر", "PER", 1),
        _mention(TEXT, "وبنغازي", "LOC"),
    ]


def test_four_haftar_mentions_are_one_person():
    article = _article(summary=[])
    group_mentions(article, _found())
    haftar = article.entities[0]
    assert (haftar.type, haftar.canonical, haftar.count) == ("PER", "خليفة حفتر", 4)
    shown = [TEXT[s:e] for s, e in haftar.mentions]
    assert shown == ["اللواء المتقاعد خليفة حفتر", "حفتر", "حفتر", "خليفة حفتر"]


def test_clitics_left_out_of_display_spans_and_grouped():
    article = _article(summary=[])
    group_mentions(article, _found())
    benghazi = next(e for e in article.entities if e.canonical == "بنغازي")
    assert benghazi.count == 2
    assert [TEXT[s:e] for s, e in benghazi.mentions] == ["بنغازي", "بنغازي"]


def test_mentions_point_at_their_entity_and_order_is_by_importance():
    article = _article(summary=[1])
    group_mentions(article, _found())
    assert [e.count for e in article.entities] == sorted((e.count for e in article.entities), reverse=True)
    for mention in article.mentions:
        entity = article.entities[mention.entity]
        assert (mention.start, mention.end) in entity.mentions
        assert mention.text == TEXT[mention.start:mention.end]
    # Among single mentions, the one in the summary (القاهرة, sentence 1) comes first.
    singles = [e.canonical for e in article.entities if e.count == 1]
    assert singles[0] == "القاهرة"
    assert article.entities[0].in_summary
    assert not next(e for e in article.entities if e.canonical == "شكري").in_summary


def test_a_name_keeps_one_type_within_an_article():
    text = "قال السيسي إن السيسي و السيسي"
    found = [Mention(4, 10, "PER", "السيسي"), Mention(14, 20, "MISC", "السيسي"),
             Mention(23, 29, "PER", "السيسي")]
    article = Article(text)
    group_mentions(article, found)
    assert [(e.type, e.count) for e in article.entities] == [("PER", 3)]
    assert {m.type for m in article.mentions} == {"PER"}


def test_a_type_tie_goes_to_the_more_reliable_type():
    text = "زار عمر مدينة عمر"
    found = [Mention(4, 7, "MISC", "عمر"), Mention(14, 17, "LOC", "عمر")]
    article = Article(text)
    group_mentions(article, found)
    assert [(e.type, e.count) for e in article.entities] == [("LOC", 2)]


def test_compound_names_match_written_joined_or_apart():
    text = "عبد الفتاح السيسي ثم عبدالفتاح السيسي"
    found = [Mention(0, 17, "PER", "عبد الفتاح السيسي"), Mention(21, 37, "PER", "عبدالفتاح السيسي")]
    article = Article(text)
    group_mentions(article, found)
    assert [e.count for e in article.entities] == [2]


def test_a_place_is_named_by_its_usual_form():
    text = "مصر و مصر و جمهورية مصر العربية"
    found = [Mention(0, 3, "LOC", "مصر"), Mention(6, 9, "LOC", "مصر"), Mention(20, 31, "LOC", "مصر العربية")]
    article = Article(text)
    group_mentions(article, found)
    assert [(e.canonical, e.count) for e in article.entities] == [("مصر", 3)]


def test_a_name_shown_with_its_preposition_is_named_without_it():
    text = "قال للجيش الليبي ثم زار للبنان"
    found = [Mention(4, 16, "ORG", "للجيش الليبي"), Mention(24, 30, "LOC", "للبنان")]
    article = Article(text)
    group_mentions(article, found, names=frozenset({"لبنان"}))
    assert [text[m.start:m.end] for m in article.mentions] == ["للجيش الليبي", "للبنان"]
    assert sorted(e.canonical for e in article.entities) == ["الجيش الليبي", "لبنان"]
