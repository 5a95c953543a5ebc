"""Who said what: speech verbs, speakers resolved to entities, spokespersons, unattributed sources."""

from __future__ import annotations

from models.story import article_quotes
from tests.story_samples import story_article


def _one(sentence: str, names: dict[str, str]):
    quotes = article_quotes(story_article([sentence], names))
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_reported_speech_after_a_verb_and_inna_goes_to_the_named_person():
    quote = _one("وقال وزير الخارجية سامح شكري إن مصر ستواصل الضربات.", {"سامح شكري": "PER", "مصر": "LOC"})
    assert quote.speaker.name == "سامح شكري" and quote.speaker.entity == 0
    assert quote.kind == "reported" and quote.text == "مصر ستواصل الضربات"
    assert quote.verb == "وقال"


def test_spokesperson_of_x_gives_the_person_and_x():
    quote = _one("وقال المتحدث باسم الجيش الوطني العقيد أحمد المسماري إن الضربات مشتركة.",
                 {"أحمد المسماري": "PER", "الجيش الوطني": "ORG"})
    assert quote.speaker.name == "أحمد المسماري"
    assert quote.speaker.affiliation == "الجيش الوطني" and quote.speaker.affiliation_entity == 1
    assert quote.speaker.role == "المتحدث باسم"


def test_spokesperson_named_first_then_verb():
    quote = _one("المتحدث الرسمي باسم الجيش العميد أحمد المسماري أكد أن القوات دمرت الغرفة.",
                 {"أحمد المسماري": "PER"})
    assert quote.speaker.name == "أحمد المسماري"
    assert quote.speaker.affiliation == "الجيش"


def test_spokesperson_without_a_name_is_the_office():
    quote = _one("وقال الناطق باسم وزارة الداخلية إن الوضع تحت السيطرة.", {"وزارة الداخلية": "ORG"})
    assert quote.speaker.entity is None and quote.speaker.affiliation == "وزارة الداخلية"
    assert "الناطق باسم" in quote.speaker.name


def test_unattributed_sources_stay_unattributed():
    quote = _one("وأكدت مصادر محلية للجزيرة أن الغارات تجددت.", {"الجزيرة": "ORG"})
    assert quote.speaker.unattributed and quote.speaker.name.startswith("مصادر")
    assert _one("وقال مصدر مسؤول إن الزيارة عادية.", {}).speaker.unattributed


def test_direct_speech_in_quotation_marks():
    quote = _one("وقال المؤتمر الوطني في بيان «ندين بكل شدة العدوان على المدينة».", {"المؤتمر الوطني": "ORG"})
    assert quote.kind == "direct" and quote.text == "ندين بكل شدة العدوان على المدينة"
    assert quote.speaker.name == "المؤتمر الوطني"


def test_a_quoted_name_is_not_direct_speech():
    quote = _one("وأكدت مصادر خاصة لـ«الخليج الجديد»، أن الزيارة جاءت فجأة.", {})
    assert quote.kind == "reported" and quote.text == "الزيارة جاءت فجأة"


def test_participles_and_pronoun_verbs_continue_the_previous_speaker():
    quotes = article_quotes(story_article([
        "وقال صقر الجروشي إن الطائرات قصفت المواقع، مضيفا أن العملية مستمرة.",
        "وأضاف أن التنسيق تم مع الجانب المصري.",
    ], {"صقر الجروشي": "PER"}))
    assert [q.speaker.name for q in quotes] == ["صقر الجروشي"] * 3
    assert quotes[0].text == "الطائرات قصفت المواقع"
    assert quotes[1].verb == "مضيفا" and quotes[1].text == "العملية مستمرة"


def test_a_preposition_governed_name_is_not_the_speaker():
    quote = _one("وقال مصدر دبلوماسي لوكالة الأناضول إن المباحثات مستمرة.", {"وكالة الأناضول": "ORG"})
    assert quote.speaker.unattributed


def test_no_complementizer_no_quote_and_relative_clauses_are_skipped():
    assert article_quotes(story_article(["أكد الوزير مقتل أربعين شخصا في الغارات."], {})) == []
    assert article_quotes(story_article(["بث التنظيم تسجيلا لما قال إنه إعدام 21 شخصا."], {})) == []


def test_two_quotes_in_one_sentence_are_split_at_the_second_verb():
    quotes = article_quotes(story_article(
        ["أعلنت مصر أنها ستستمر في القصف، فيما أعلن قادة ليبيون أن القاهرة نفذت ضربات."], {"مصر": "LOC"}))
    assert [q.speaker.name for q in quotes] == ["مصر", "قادة ليبيون"]
    assert quotes[0].text == "أنها ستستمر في القصف"


def test_a_title_alone_is_the_person_introduced_with_it():
    quotes = article_quotes(story_article([
        "قال وزير الشؤون الدينية محمد خليل إن الزكاة تساهم في التنمية.",
        "وذكر التقرير تفاصيل أخرى عن البرنامج.",
        "وأكد الوزير أن الدراسة ستتواصل.",
        "قالت وزيرة المرأة، نزيهة العبيدي إنه لا تسامح مع الجناة.",
        "وأكدت الوزيرة أن العقاب ضروري.",
    ], {"محمد خليل": "PER"}))
    assert [q.speaker.name for q in quotes] == ["محمد خليل", "محمد خليل", "نزيهة العبيدي", "نزيهة العبيدي"]
    assert quotes[0].speaker.role == "وزير الشؤون الدينية"


def test_the_same_source_is_the_previous_speaker():
    quotes = article_quotes(story_article([
        "وقال مدير المستشفى عماد العبعاب إن الحالات مستقرة.",
        "وأضاف نفس المصدر أنه تم إعلام الإدارة.",
    ], {"عماد العبعاب": "PER"}))
    assert [q.speaker.name for q in quotes] == ["عماد العبعاب", "عماد العبعاب"]


def test_a_short_quotation_right_after_the_verb_is_speech():
    quotes = article_quotes(story_article([
        "وقال صقر الجروشي إن الطائرات قصفت المواقع، وأضاف \"طائراتنا ساعدت في القصف\".",
    ], {"صقر الجروشي": "PER"}))
    assert [(q.kind, q.text) for q in quotes][1] == ("direct", "طائراتنا ساعدت في القصف")
    assert quotes[1].speaker.name == "صقر الجروشي"
