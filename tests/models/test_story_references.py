"""Whom a later subject refers to: a title or office used alone, a repeated source."""

from __future__ import annotations

from models.story import article_quotes
from tests.story_samples import story_article


def _speakers(sentences: list[str], names: dict[str, str] | None = None) -> list[str]:
    return [q.speaker.name for q in article_quotes(story_article(sentences, names or {}))]


def test_a_title_starting_with_waw_is_the_person_introduced_with_it():
    names = {"كمال الهمامي": "PER"}
    assert _speakers(["زار وزير الفلاحة كمال الهمامي الولاية اليوم.", "وأكد الوزير أن الموسم سيكون جيدا."],
                     names) == ["كمال الهمامي"]


def test_an_office_used_alone_is_the_person_introduced_with_it():
    names = {"منير العياري": "PER"}
    sentences = ["قال المعتمد الأول للولاية منير العياري إن الميزانية ارتفعت هذا العام.",
                 "وحول الطرقات، قال المعتمد إن الأشغال ستنطلق قريبا."]
    assert _speakers(sentences, names) == ["منير العياري", "منير العياري"]


def test_a_title_finds_a_speaker_the_recogniser_typed_as_a_place_at_its_introduction():
    article = story_article(["شدد رئيس المركز العربي للدراسات السياسية والاجتماعية سامي الرياحي على الحوار.",
                             "وأضاف الرياحي أن الأزمة عميقة.",
                             "وأوضح رئيس المركز العربي أن الحل سياسي."],
                            {"سامي الرياحي": "LOC", "الرياحي": "PER"})
    first = article.sentences[0].end
    article.mentions[:] = [m for m in article.mentions if m.type != "PER" or m.start > first]
    assert [q.speaker.name for q in article_quotes(article)] == ["الرياحي", "الرياحي"]


def test_a_deputy_office_then_a_compound_name_in_allah():
    sentence = "أكد مساعد المدير الجهوي للنقل مهذب غرس الله في تصريح أنه بدأ العمل."
    assert _speakers([sentence]) == ["غرس الله"]
