"""A Story from several articles: quotes, figures, unique sentences, English beside the Arabic."""

from __future__ import annotations

import pytest

from models.story import build_story, unique_sentences
from tests.story_samples import story_article


def test_unique_sentences_are_those_with_no_near_duplicate_elsewhere():
    shared = "شنت طائرات حربية مصرية غارات جوية على مدينة درنة الليبية صباح الاثنين"
    one = story_article([shared + ".", "وأعلن الجيش المصري عن خطة جديدة لحماية الحدود الغربية."])
    two = story_article(["شنت طائرات حربية مصرية غارات جوية على مدينة درنة صباح الاثنين.",
                         "واجتمع مجلس الأمن الدولي في جلسة طارئة لبحث الوضع الليبي."])
    found = [(u.article, u.sentence) for u in unique_sentences([one, two])]
    assert found == [(0, 1), (1, 1)]
    assert unique_sentences([one]) == []


def test_story_gives_sources_quotes_figures_and_english():
    one = story_article(["وقال مصدر طبي إن القصف أدى إلى سقوط سبعة قتلى."], source="الجزيرة",
                        english=["A medical source said the shelling killed seven."])
    two = story_article(["وأسفر القصف عن مقتل 20 مدنياً."])
    story = build_story([one, two])
    assert story.sources == ("الجزيرة", "untitled")
    assert story.quotes[0].speaker.unattributed
    assert story.english(0, story.quotes[0].sentence).startswith("A medical source")
    assert story.english(1, 0) == ""
    assert [g.key for g in story.disagreements] == ["killed"]
    with pytest.raises(ValueError):
        build_story([])


def test_speakers_are_grouped_across_sources_most_quoted_first():
    one = story_article(["وقال المتحدث باسم الجيش أحمد المسماري إن الضربات مشتركة.",
                         "وقال مصدر طبي إن الحصيلة ثقيلة."], {"أحمد المسماري": "PER"})
    two = story_article(["وأكد مصدر طبي أن المستشفى امتلأ.",
                         "وأضاف المسماري أن العمليات مستمرة."], {"المسماري": "PER"})
    groups = build_story([one, two]).speakers
    assert [(g.name, g.sources) for g in groups] == [
        ("أحمد المسماري", (0, 1)), ("مصدر طبي", (0,)), ("مصدر طبي", (1,))]
