"""Brief content built from hand-made analysed Articles, and the several-article combination."""

from __future__ import annotations

import pytest
from briefing_samples import DERNA, make_article

from models.article import Entity
from models.briefing import NO_MODEL_NOTE, build_brief
from models.briefing.combine import COMBINED_EXTRA, combined_summary, drop_near_duplicates, entity_index
from models.briefing.content import MAX_KEY_ENTITIES, AlignedSentence, article_section, key_entities
from models.briefing.layout import layout


def test_single_article_brief_carries_headline_metadata_aligned_summary_and_entities(tmp_path):
    article = make_article(path=tmp_path / "derna.txt", summary=[0, 2])
    brief = build_brief([article])
    (section,) = brief.sections
    assert section.headline == "غارات مصرية على درنة"
    assert section.headline_english == "Egyptian strikes on Derna"
    assert section.file == "derna.txt"
    assert section.dateline == "الاثنين 16/2/2015" and section.source == "الجزيرة نت"
    assert [(s.arabic, s.english) for s in section.summary] == [DERNA[0], DERNA[2]]
    assert [(e.arabic, e.english, e.type_name, e.mentions) for e in section.entities][:2] == [
        ("درنة", "Derna", "Place", 2), ("خليفة حفتر", "Khalifa Haftar", "Person", 1)]
    assert brief.translated and not brief.combined
    assert "tiny-test-model" in brief.footer and "machine translation" in brief.footer
    assert brief.notes == () and brief.combined_summary == () and brief.entity_index == ()


def test_without_a_model_the_brief_is_arabic_only_with_a_note():
    brief = build_brief([make_article(translated=False)], full_translation=True)
    assert not brief.translated
    assert brief.notes[0] == NO_MODEL_NOTE
    assert all(s.english == "" for s in brief.sections[0].summary)
    assert brief.sections[0].translation == ()
    assert "Arabic only" in brief.footer


def test_full_translation_appendix_follows_paragraphs_and_marks_gaps():
    article = make_article(paragraph_size=2)
    del article.translations[1]
    brief = build_brief([article], full_translation=True)
    assert brief.sections[0].translation == (f"{DERNA[0][1]} […]", DERNA[2][1])
    assert "marked […]" in brief.notes[0]
    assert build_brief([article]).sections[0].translation == ()


def test_an_untranslated_article_among_translated_ones_is_named(tmp_path):
    brief = build_brief([make_article(), make_article(translated=False, path=tmp_path / "b.txt")])
    assert brief.translated
    assert brief.notes == ("b.txt has not been translated; its English is left empty.",)


def test_an_article_without_headline_gets_no_headline_lines():
    article = make_article(headline=("", ""))
    section = build_brief([article]).sections[0]
    assert (section.headline, section.headline_english) == ("", "")
    assert not [b for b in layout(build_brief([article])) if getattr(b, "role", "") == "headline"]


def test_extra_notes_are_kept_and_empty_input_is_refused():
    brief = build_brief([make_article()], notes=["bad.txt: could not be read"])
    assert brief.notes == ("bad.txt: could not be read",)
    with pytest.raises(ValueError):
        build_brief([])


def test_key_entities_are_the_most_mentioned_with_summary_ones_winning_ties():
    many = Entity("PER", "كثير", [(0, 1)] * 3)
    in_summary = Entity("PER", "ملخص", [(0, 1)], in_summary=True)
    other = Entity("PER", "آخر", [(0, 1)])
    assert key_entities([other, in_summary, many], limit=2) == [many, in_summary]
    crowd = [Entity("LOC", f"مكان{i}", [(0, 1)]) for i in range(MAX_KEY_ENTITIES + 5)]
    assert len(key_entities(crowd)) == MAX_KEY_ENTITIES


def test_near_duplicate_sentences_are_dropped_but_related_ones_kept():
    first = AlignedSentence(
        "شنت طائرات حربية مصرية غارات جوية على مدينة درنة الليبية صباح الاثنين.", article=1)
    reworded = AlignedSentence(
        "وشنت الطائرات الحربية المصرية غارات جوية على مدينة درنه الليبية صباح يوم الاثنين", article=2)
    related = AlignedSentence(
        "وقال حفتر إن قواته ستواصل القتال في درنة حتى طرد المسلحين من المدينة.", article=2)
    kept = drop_near_duplicates([first, reworded, related])
    assert kept == (first, related)


def test_combined_summary_prefers_what_other_articles_report_and_stays_short():
    strikes = "شنت طائرات مصرية غارات على مواقع المسلحين في مدينة درنة"
    lone = ["ارتفعت أسعار النفط في الأسواق العالمية.", "فاز الفريق الوطني بكأس البطولة.",
            "يتوقع هطول أمطار غزيرة غدا.", "افتتح معرض الكتاب أبوابه للزوار.",
            "بدأ العام الدراسي في المدارس الحكومية.", "أعلنت الوزارة حملة تطعيم جديدة."]
    sections = [
        article_section(make_article([(strikes + " صباح الاثنين.", ""), *[(t, "") for t in lone[:3]]]), 1),
        article_section(make_article([(t, "") for t in lone[3:]] + [("الطائرات المصرية قصفت درنة", "")]), 2),
    ]
    combined = combined_summary(sections)
    assert len(combined) == 4 + COMBINED_EXTRA
    assert combined[0].arabic.startswith(strikes)
    assert "الطائرات المصرية قصفت درنة" in [s.arabic for s in combined]
    assert [s.article for s in combined] == sorted(s.article for s in combined)


def test_entity_index_groups_by_normalised_form_and_lists_articles():
    derna = [(0, 4)]
    a1 = make_article(entities=[Entity("LOC", "درنة", derna * 3, "Derna"), Entity("PER", "حفتر", derna)])
    a2 = make_article(entities=[Entity("LOC", "درنه", derna, "Darnah")])
    a3 = make_article(entities=[Entity("LOC", "دَرنة", derna * 2, "Derna"), Entity("ORG", "الجزيرة", derna)])
    index = entity_index([a1, a2, a3])
    top = index[0]
    assert (top.arabic, top.english, top.type) == ("درنة", "Derna", "LOC")
    assert (top.mentions, top.articles) == (6, (1, 2, 3))
    assert {(row.arabic, row.articles) for row in index[1:]} == {("حفتر", (1,)), ("الجزيرة", (3,))}


def test_several_articles_get_a_combined_summary_index_and_numbered_sections(tmp_path):
    articles = [make_article(path=tmp_path / f"{n}.txt") for n in range(3)]
    articles[2].summary = [1]
    brief = build_brief(articles)
    assert brief.combined and [s.number for s in brief.sections] == [1, 2, 3]
    assert [(s.arabic, s.article) for s in brief.combined_summary] == [(ar, 1) for ar, _ in DERNA]
    assert brief.entity_index[0].arabic == "درنة" and brief.entity_index[0].articles == (1, 2, 3)
    assert brief.title == "Briefing: 3 articles"
