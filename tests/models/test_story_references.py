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


def test_a_relayed_source_is_who_the_same_source_continues():
    sentences = ["تم حجز كمية من السجائر، وفق ما أكده مدير الديوانة منير العياري.",
                 "وأضاف نفس المصدر أنه تم إيقاف شخصين."]
    assert _speakers(sentences, {"منير العياري": "PER"}) == ["منير العياري"]


def test_a_relayed_unnamed_source_stays_unnamed_for_a_pronoun_verb():
    sentences = ["أوقفت الوحدات الأمنية عنصرا تكفيريا، حسب ما أفاد به مصدر أمني.",
                 "وأوضح أن الموقوف كان مفتشا عنه."]
    quotes = article_quotes(story_article(sentences, {}))
    assert len(quotes) == 1 and quotes[0].speaker.unattributed


def test_a_relay_without_ma_needs_a_recognised_name():
    sentences = ["تتوزع الإضرابات حسب الولايات على خمسة أقاليم.", "وأضاف أن الإضراب سيتواصل."]
    assert _speakers(sentences) == []


def test_a_name_set_off_with_bin_keeps_three_words():
    sentences = ["تم حجز المعسل، وفق ما أكده رئيس الفرقة، وسام بن عمر لمراسل الإذاعة.",
                 "وأضاف المصدر نفسه أنه تم إيقاف أربعة مهربين."]
    assert _speakers(sentences) == ["وسام بن عمر"]


def test_a_statement_by_a_document_goes_to_its_issuer():
    assert _speakers(["وقال بيان لوزارة الصحة إن الوضع مستقر."]) == ["وزارة الصحة"]
    assert _speakers(["وأكد بيان صادر عن الحزب الجمهوري أن القائمات جاهزة."], {"الحزب الجمهوري": "ORG"}) == [
        "الحزب الجمهوري"]


def test_the_document_alone_is_the_issuer_quoted_before_or_no_one():
    sentences = ["أعلنت وزارة الداخلية في بلاغ لها أن الأعوان أوقفوا ستة عناصر.",
                 "وأضاف البلاغ أن الحملة متواصلة."]
    assert _speakers(sentences, {"وزارة الداخلية": "ORG"}) == ["وزارة الداخلية", "وزارة الداخلية"]
    assert _speakers(["نشرت النقابة رزنامة الإضرابات.", "وأضاف البلاغ أن الإضراب سيتواصل."]) == []


def test_a_title_no_one_was_given_continues_the_person_quoted_before():
    sentences = ["قال منير العياري في تصريح إن المؤسسة العسكرية تقوم بدور كبير.",
                 "وأضاف رئيس الحكومة أنه تم وضع استراتيجية."]
    assert _speakers(sentences, {"منير العياري": "PER"}) == ["منير العياري", "منير العياري"]


def test_a_title_after_an_unnamed_source_stays_a_title():
    sentences = ["وأكد مصدر أمني أن الأبحاث جارية.", "وقال وزير الداخلية إن الوضع تحت السيطرة."]
    assert _speakers(sentences) == ["مصدر أمني", "وزير الداخلية"]


def test_a_document_with_an_adjective_names_no_issuer():
    assert _speakers(["وقال بيان عسكري إن الضربة استهدفت معسكرات."]) == ["بيان عسكري"]


def test_a_pronoun_verb_after_another_persons_sentence_is_left_out():
    sentences = ["قال منير العياري إن الوضع صعب.", "ودعا سالم الحداد الحكومة إلى التدخل.",
                 "وأضاف أن الحل قريب."]
    assert _speakers(sentences, {"منير العياري": "PER", "سالم الحداد": "PER"}) == ["منير العياري"]


def test_a_relay_to_a_document_names_no_source():
    sentences = ["ونبهت الهيئة إلى خطورة الوضع وهو ما من شأنه وفق البيان الإخلال بالتحضيرات.",
                 "واعتبرت أنه لا مبرر لموقف الحكومة."]
    assert _speakers(sentences) == []


def test_a_title_finds_an_earlier_speakers_phrase_with_that_title_and_a_name():
    sentences = ["قالت وزيرة السياحة سلمى اللومي الرقيق إن الوزارة تعمل على التأشيرة.",
                 "وأوضحت الوزيرة أن التأشيرة الالكترونية ستسهل التدفق."]
    assert _speakers(sentences) == ["وزيرة السياحة سلمى اللومي الرقيق"] * 2


def test_a_purpose_clause_before_a_joined_verb_names_no_speaker():
    sentences = ["وقال الوزير إن الغراسات ستشمل كامل البلاد، لتصبح تونس الثانية في هذا المجال "
                 "وأضاف أنه تم زرع ألف زيتونة."]
    assert "تونس" not in _speakers(sentences, {"تونس": "LOC"})


def test_a_relayed_office_ending_with_a_name_is_that_person():
    sentences = ["تم حجز مبلغ من العملة، حسب ما أفادت المكلفة بالاتصال لدى الديوانة سلوى الورفلي.",
                 "وأوضحت أن المبلغ كان مخفيا في سيارة."]
    assert _speakers(sentences) == ["سلوى الورفلي"]


def test_a_relay_to_an_addressee_before_a_comma_names_the_source_after_it():
    sentences = ["جرت الانتخابات في هدوء، بحسب ما صرح به للإذاعة الوطنية، الصحفي كريم السعيدي.",
                 "وأضاف المصدر ذاته أن الإقبال كان ضعيفا."]
    assert _speakers(sentences, {"كريم السعيدي": "PER"}) == ["كريم السعيدي"]


def test_a_relative_known_only_by_kinship_is_an_unnamed_source():
    sentences = ["يرقد الشاب في المستشفى وفق ما أكده ابن عمه.", "وأكد أن العائلة قدمت شكوى.",
                 "وقالت والدته إن ابنها تعرض للضرب."]
    quotes = article_quotes(story_article(sentences, {}))
    assert [(q.speaker.name, q.speaker.unattributed) for q in quotes] == [("ابن عمه", True),
                                                                          ("والدته", True)]


def test_a_title_is_looked_for_in_the_sentence_of_each_name_not_the_next():
    sentences = ["قالت سفيرة البلاد لدى المنظمة الأممية في نيويورك، سلمى العلوي، إن الموقف تغير.",
                 "وأبلغت السفيرة عددا من الصحفيين \"لن نغير موقفنا من هذا الملف\"."]
    names = {"سلمى العلوي": "PER", "منير": "PER"}
    article = story_article(["عزل منير", *sentences], names)  # a headline-like first line naming someone else
    assert [q.speaker.name for q in article_quotes(article)] == ["سلمى العلوي", "سلمى العلوي"]


def test_a_plural_verb_with_no_subject_is_not_the_body_quoted_before():
    sentences = ["وقالت الوزارة إن الوحدات أوقفت ثلاثة أشخاص.", "وقد اعترفوا بأنهم كانوا ينوون السفر."]
    assert _speakers(sentences, {"الوزارة": "ORG"}) == ["الوزارة"]


def test_the_same_document_is_its_issuer_named_in_a_relay():
    sentences = ["تصدت الوحدات لسيارات تهريب، وفق ما جاء في بلاغ لوزارة الدفاع.",
                 "وأضاف ذات البلاغ أن الوحدات حجزت الحمولة."]
    assert _speakers(sentences, {"وزارة الدفاع": "ORG"}) == ["وزارة الدفاع"]


def test_a_relative_with_a_name_in_brackets_is_that_person():
    quotes = article_quotes(story_article(["وقالت الأم (سعاد) إنها لم تتلق أي مساعدة."], {}))
    assert [(q.speaker.name, q.speaker.unattributed) for q in quotes] == [("الأم (سعاد", False)]


def test_a_relative_clause_after_the_speaker_names_no_speaker():
    sentences = ["وعن برنامجه، أبرز سمير الهادي، الذي يخلف كمال الصيد في المنصب، أن الأمن أولوية."]
    assert _speakers(sentences, {"كمال الصيد": "PER"}) == ["سمير الهادي"]


def test_an_office_in_a_city_then_a_name_is_that_person():
    sentences = ["وأوضح المدعي العام في مدينة إزمير كمال أوزتورك في بيان، أن الحالة مستقرة."]
    assert _speakers(sentences, {"إزمير": "LOC"}) == ["كمال أوزتورك"]


def test_a_speech_verb_with_an_object_in_an_names_who_a_pronoun_verb_continues():
    sentences = ["كشف وزير التجارة سمير بن علي عن خطة جديدة لمراقبة الأسعار.", "وأضاف أن الخطة ستنطلق غدا."]
    assert _speakers(sentences, {"سمير بن علي": "PER"}) == ["سمير بن علي"]
    sentences = ["أعلنت كل من تونس والجزائر اليوم عن فتح المعابر.", "وقالت إن الحركة عادت."]
    assert _speakers(sentences, {"تونس": "LOC", "الجزائر": "LOC"}) == []  # كل من …: no one speaker


def test_a_citizen_is_an_unnamed_source_unless_named_in_brackets():
    quotes = article_quotes(story_article(["أبلغت مواطنة من قفصة الإذاعة عن اختفاء ابنها.",
                                           "وأكدت أن ابنها خرج منذ يومين.",
                                           "وقال مواطن (كمال) إن الطريق مغلقة."], {}))
    assert [(q.speaker.name, q.speaker.unattributed) for q in quotes] == [
        ("مواطنة", True), ("مواطن (كمال", False)]
