"""Who said what: speech verbs, speakers resolved to entities, spokespersons, unattributed sources."""

from __future__ import annotations

from models.story import article_quotes
from tests.story_samples import story_article


def _speakers(sentences: list[str], names: dict[str, str] | None = None) -> list[str]:
    return [q.speaker.name for q in article_quotes(story_article(sentences, names or {}))]


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


def test_an_office_set_off_by_commas_names_the_person_also_with_three_words():
    quotes = article_quotes(story_article([
        "وأكد الرئيس المدير العام للشركة، هشام بن سالم، أن الأرباح ارتفعت.",
        "وقال والي صفاقس، كمال الدريدي، إن اللجنة ستجتمع.",
    ], {}))
    assert [q.speaker.name for q in quotes] == ["هشام بن سالم", "كمال الدريدي"]
    assert quotes[0].speaker.role == "الرئيس المدير العام للشركة"


def test_a_person_the_recogniser_missed_is_found_by_the_surname_it_knows():
    article = story_article([
        "أكد المندوب الجهوي للفلاحة سامي الهمامي أن الصابة جيدة.",
        "وأضاف الهمامي أن الأسعار ستنخفض.",
    ], {"الهمامي": "PER"})
    first = article.mentions.pop(0)  # the recogniser found the name only in the second sentence
    article.entities[0].mentions.remove((first.start, first.end))
    quotes = article_quotes(article)
    assert [(q.speaker.name, q.speaker.entity) for q in quotes] == [("الهمامي", 0), ("الهمامي", 0)]


def test_the_guest_of_a_programme_is_the_person_interviewed():
    assert _speakers(["قال وزير النقل أنور معروف إن الخط سيفتح قريبا.",
                      "وأقر ضيف \"بوليتيكا\" أن التأخير كان خطأ."],
                     {"أنور معروف": "PER"}) == ["أنور معروف", "أنور معروف"]


def test_an_unresolved_subject_before_the_verb_is_not_the_previous_speaker():
    quotes = article_quotes(story_article([
        "وقال المدرب أنيس الورفلي إن الفريق جاهز.",
        "يشار إلى أن لاعبة الفريق قد صرحت صباح اليوم أنها ستغادر.",
        "وكتب هو وزملاؤه في المجلة أن النتائج أولية.",
    ], {"أنيس الورفلي": "PER"}))
    assert [(q.speaker.name, q.text[:6]) for q in quotes] == [("أنيس الورفلي", "الفريق"),
                                                               ("أنيس الورفلي", "النتائ")]


def test_a_source_who_asked_not_to_be_named_and_a_verbal_noun_inside_the_subject():
    quote = _one("وقال ضابط في الشرطة طلب عدم كشف هويته إن المقبرة تضم جثثا كثيرة.", {})
    assert quote.speaker.unattributed and quote.text.startswith("المقبرة")


def test_a_phrase_with_a_figure_is_no_speaker():
    assert article_quotes(story_article(["السليطي يوضح إطلاق سراح 3 تونسيين النقابة العامة : الوضع صعب جدا."],
                                        {})) == []


def test_a_spokesperson_named_after_a_comma_and_a_relative_clause_ends_the_speaker():
    quotes = article_quotes(story_article([
        "قال الناطق الرسمي باسم الحكومة، رياض المؤدب إن المجلس سيجتمع.",
        "وقال اتحاد الفلاحين الذي رفع الدعوى إن القرار جائر.",
        "وأضاف سمير علي مدير عام الديوان أن المخزون كاف.",
    ], {}))
    assert [q.speaker.name for q in quotes] == ["رياض المؤدب", "اتحاد الفلاحين", "سمير علي"]
    assert quotes[0].speaker.affiliation == "الحكومة"


def test_a_name_closing_an_office_without_commas_is_the_speaker():
    quotes = article_quotes(story_article([
        "أكد الكاتب العام للنادي البنزرتي منصف الكعبي في تصريح للإذاعة أن الفريق جاهز.",
        "وقالت المندوبة الجهوية للتربية بقابس سلوى بن عمر إن الامتحانات تنطلق غدا.",
        "وقال رئيس الجامعة التونسية لكرة اليد إن البطولة ستتوقف.",
    ], {}))
    assert [q.speaker.name for q in quotes][:2] == ["منصف الكعبي", "سلوى بن عمر"]
    assert quotes[2].speaker.name.startswith("رئيس الجامعة") and quotes[2].speaker.type == ""


def test_a_statement_reported_inside_a_quote_is_not_the_reporters():
    quotes = article_quotes(story_article([
        "وأضاف كمال الحداد أن الاتحاد أعلن مساء أمس في ندوة صحفية أن الإضراب قائم.",
        "وقال كمال الحداد إن وزارة النقل أكدت أن الخط سيفتح.",
    ], {"كمال الحداد": "PER", "وزارة النقل": "ORG"}))
    assert [(q.speaker.name, q.text) for q in quotes] == [
        ("كمال الحداد", "الاتحاد أعلن مساء أمس في ندوة صحفية أن الإضراب قائم"),  # الاتحاد: not recognised
        ("كمال الحداد", "وزارة النقل أكدت أن الخط سيفتح"), ("وزارة النقل", "الخط سيفتح")]


def test_a_quoted_name_stays_in_the_speaker_a_statement_ends_it():
    quotes = article_quotes(story_article([
        "وقالت صحيفة \"الصباح\" التونسية إن الاجتماع تأجل.",
        "وقال الحمروني \"إذا كنا نريد أن نتقدم فعلينا أن نعمل معا\".",
        "وكانت الوزارة، قد أفادت يوم السبت بأن التحقيق متواصل.",
    ], {}))
    assert [q.speaker.name.replace('"', "") for q in quotes] == ["صحيفة الصباح التونسية", "الحمروني"]
    assert quotes[1].kind == "direct"  # and the third, whose subject is unresolved, is left out


def test_a_name_like_basma_is_no_attached_preposition():
    assert _speakers(["قالت بسمة الخلفاوي ضيفة البرنامج إن الحقيقة ستظهر.",
                      "واعترف بتواجده في المدينة أنه كان هناك."]) == ["بسمة الخلفاوي", "بسمة الخلفاوي"]


def test_a_closing_straight_quote_before_a_comma_opens_nothing():
    quote = _one('قال سمير الهادي "أبو الليل"، الفائز بالجائزة في برنامج "نجوم الغد"، إنه سيواصل العمل.',
                 {"سمير الهادي": "PER"})
    assert quote.speaker.name == "سمير الهادي" and quote.text == "إنه سيواصل العمل"


def test_a_speech_verb_in_a_relative_clause_after_wa_is_not_a_quote():
    sentence = "انتقد سالم الحداد تصريحات الخبير والتي قال فيها إن الحكومة فشلت."
    assert article_quotes(story_article([sentence], {"سالم الحداد": "PER"})) == []


def test_on_the_other_hand_is_no_speaker():
    sentences = ["وأوضح مصدر أمني أن الأبحاث جارية.", "وبين من جهة أخرى أن الوحدات أوقفت شخصين."]
    quotes = article_quotes(story_article(sentences, {}))
    assert len(quotes) == 2 and all(q.speaker.unattributed for q in quotes)


def test_a_verb_right_after_a_complementizer_belongs_to_the_statement():
    quote = _one("وأضافت الجامعة أنها تحترم القضاء، فإنها ترى أن التكفل بالمصاريف عادي.", {"الجامعة": "ORG"})
    assert quote.speaker.name == "الجامعة" and quote.text.endswith("التكفل بالمصاريف عادي")


def test_a_long_frame_between_the_subject_and_inna_still_gives_a_quote():
    sentence = ("قال النائب عن الحزب الجمهوري بمجلس نواب الشعب عادل الجربي في تصريح لإذاعة المدينة "
                "اليوم الأربعاء 27 أفريل 2016 على هامش ندوة الحوار إن القانون سيمرر بالتوافق.")
    quote = _one(sentence, {"عادل الجربي": "PER"})
    assert quote.speaker.name == "عادل الجربي" and quote.text == "القانون سيمرر بالتوافق"


def test_a_complementizer_belongs_to_the_nearer_verb_even_in_a_relative_clause():
    sentence = ("وأضاف سالم الحداد أنه يرى نفسه أقرب إلى المعارضة ردا على القيادي منير العياري، "
                "الذي قال أمس إن الحداد انسحب وحده.")
    quotes = article_quotes(story_article([sentence], {"سالم الحداد": "PER", "منير العياري": "PER"}))
    assert [q.speaker.name for q in quotes] == ["سالم الحداد"]


def test_names_in_a_quoted_title_are_not_the_speaker():
    sentence = ('وقال الجلاصي في رسالة نشرها تحت عنوان "من نائب الشعب إلى منير العياري، الزم حدك" '
                "إن التصريحات مرفوضة.")
    quote = _one(sentence, {"منير العياري": "PER"})
    assert quote.speaker.name == "الجلاصي"


def test_a_name_set_off_by_commas_may_start_with_ba():
    quote = _one("قال الرئيس المدير العام للديوان، شكري بيوض، إن الديوان سيضخ كميات إضافية.", {})
    assert quote.speaker.name == "شكري بيوض"


def test_a_participle_after_the_name_is_not_part_of_it():
    quotes = article_quotes(story_article(["وذكر الجلاصي متطرقا إلى الأسعار أنها مرتفعة."], {}))
    assert [q.speaker.name for q in quotes] == ["الجلاصي"]


def test_a_verbal_noun_after_doon_is_not_a_quote():
    sentence = ("وأضاف الوزير أن الاقتناء سيتم في إطار صفقة، دون ذكر الدول المزودة مكتفيا بالقول "
                "إنها صفقة إطارية.")
    quote = _one(sentence, {})
    assert quote.speaker.name == "الوزير" and "مكتفيا" in quote.text


def test_a_definite_plural_group_is_an_unnamed_source():
    quote = _one("وأكد الأطباء أن الورم سينتقل إلى العين اليسرى.", {})
    assert quote.speaker.unattributed and quote.speaker.name == "الأطباء"


def test_a_compound_given_name_takes_the_family_name_after_it():
    quote = _one("قال النائب نور الدين الجلاصي في تصريح إن القانون سيمرر.", {"نور الدين": "PER"})
    assert quote.speaker.name == "نور الدين الجلاصي"
    assert _one("قال عبد الله في تصريح إن القانون سيمرر.", {"عبد الله": "PER"}).speaker.name == "عبد الله"


def test_a_spokesperson_named_before_a_comma_is_the_name_not_the_office():
    quote = _one("وأفاد سالم الورفلي، الناطق الرسمي باسم المحكمة الابتدائية، بأن التهم خطيرة.", {})
    assert quote.speaker.name == "سالم الورفلي" and quote.speaker.affiliation.startswith("المحكمة")


def test_speech_reported_inside_a_quotation_belongs_to_it():
    sentence = 'وأكد سالم الحداد أن الأمر محسوم، حيث قال "قبل أسابيع قال لي إننا لا نستطيع فعل شيء".'
    quotes = article_quotes(story_article([sentence], {"سالم الحداد": "PER"}))
    assert {q.speaker.name for q in quotes} == {"سالم الحداد"} and "قال لي" in quotes[-1].text


def test_a_quotation_cut_by_the_sentence_end_is_still_speech():
    sentences = ['وكشف الحداد "بعد الغداء الشهير بين الرئيسين..', 'تغيرت وجهة نظر الوزير".']
    quotes = article_quotes(story_article(sentences, {}))
    assert [q.speaker.name for q in quotes] == ["الحداد"]


def test_a_spokesperson_inside_the_frame_is_not_the_speakers_office():
    quote = _one("قال سالم الحداد في تعليقه على تصريحات المتحدث باسم الجيش إن الحدود آمنة.",
                 {"سالم الحداد": "PER"})
    assert quote.speaker.name == "سالم الحداد" and quote.speaker.affiliation == ""


def test_an_unclosed_quotation_in_a_whole_sentence_is_not_speech():
    sentences = ["وقال مصدر دبلوماسي إن بلاده تسعى لتشكيل تحالف.",
                 'وأضاف المصدرأن "المباحثات مستمرة مع تلك الأطراف، مشيرا إلى أن الدعم قادم.']
    quotes = article_quotes(story_article(sentences, {}))
    assert [q.verb for q in quotes] == ["وقال", "مشيرا"] and all(q.speaker.unattributed for q in quotes)


def test_a_place_followed_by_a_family_name_is_a_person():
    quote = _one("اعتبر رياض العكرمي أن الزيارات الميدانية غير مجدية.", {"رياض": "LOC"})
    assert quote.speaker.name == "رياض العكرمي" and quote.speaker.type == "PER"


def test_a_ranked_spokesperson_named_before_a_comma():
    quote = _one("وأكد العقيد بلحسن الورفلي، الناطق الرسمي باسم وزارة الدفاع، أن الوضع مستقر.", {})
    assert quote.speaker.name == "بلحسن الورفلي"


def test_saying_and_relying_on_are_not_part_of_a_speaker():
    sentences = ["وقالت الوزيرة سلوى الحداد إن ضميرها مرتاح.", 'وتابعت قائلة: "لم أصرح بما يضر الاقتصاد".',
                 "وقالت الشرطة استنادا إلى التحقيقات إن ثلاثة موقوفين من العصابة."]
    assert _speakers(sentences, {"سلوى الحداد": "PER"}) == ["سلوى الحداد", "سلوى الحداد", "الشرطة"]


def test_a_governor_before_qad_is_a_subject_not_and_to():
    sentences = ["وأكد سالم الحداد أن المصابين في حالة مستقرة.",
                 "وكان والي الجهة منير العياري قد أوضح أن السبب خلاف حول الطريق."]
    quotes = article_quotes(story_article(sentences, {"سالم الحداد": "PER"}))
    assert [q.speaker.name for q in quotes] == ["سالم الحداد", "منير العياري"]


def test_the_reporter_after_a_feminine_outlet_word_is_not_the_speaker():
    sentences = ["قال الحبيب الصيد إن المعرض حدث هام.",
                 "وأضاف الصيد في تصريح لمراسلة الإذاعة نسرين علوش أن المعرض فرصة."]
    quotes = article_quotes(story_article(sentences, {"الحبيب الصيد": "PER", "نسرين علوش": "PER"}))
    assert [q.speaker.name for q in quotes][1] != "نسرين علوش"


def test_one_of_a_group_is_an_unnamed_source():
    quote = _one("وقالت إحدى المنظمات الخيرية إن معدلات الإصابة سترتفع.", {})
    assert quote.speaker.unattributed and quote.speaker.name.startswith("إحدى")


def test_a_participle_with_a_noun_object_is_no_quote():
    quote = _one("وقال الوزير إنه سيتم الترفيع في الأجر، مؤكدا وعي الحكومة بأن فئة كبيرة تعيش الفقر.", {})
    assert quote.verb == "وقال"


def test_a_name_far_into_the_frame_is_not_the_subject():
    sentence = ("قال رئيس الحكومة خلال إشرافه اليوم الجمعة 25 مارس 2016 على افتتاح الدورة الثانية والثلاثين "
                "لمعرض تونس الدولي للكتاب بمعرض سالم الكرمي إن المعرض حدث هام.")
    quote = _one(sentence, {"سالم الكرمي": "PER"})
    assert quote.speaker.name != "سالم الكرمي"


def test_a_short_quoted_name_followed_by_a_title_is_the_speaker_not_speech():
    quotes = article_quotes(story_article([
        "وأعلن \"كيم سو\" المتحدث باسم اللجنة المكلفة بالملف \"المحققين وجهوا تهمة الفساد الى المدير\".",
    ], {"كيم سو": "PER"}))
    assert [(q.speaker.name, q.text) for q in quotes] == [("كيم سو", "المحققين وجهوا تهمة الفساد الى المدير")]


def test_a_complementizer_closing_a_quoted_name_is_part_of_the_name():
    quotes = article_quotes(story_article([
        "وقال المتحدث كمال سعيد عن الرئيسة \"لي جين ان\" \"المحكمة ستنظر في القضية غدا صباحا\".",
    ], {"كمال سعيد": "PER"}))
    assert [q.text for q in quotes] == ["المحكمة ستنظر في القضية غدا صباحا"]


def test_abraza_and_ablagha_before_a_statement_are_speech_verbs():
    assert _speakers(["وأبرز الوزير سامي الطرابلسي أن المشروع سينطلق قريبا.",
                      "وأبلغ الوزير الصحفيين أن التمويل متوفر."], {"سامي الطرابلسي": "PER"}) == [
        "سامي الطرابلسي", "سامي الطرابلسي"]  # أبلغ: the title, then whom it was told to
    assert _speakers(["ومن أبرز ما جاء في التقرير أن الصادرات ارتفعت."]) == []  # the elative "most prominent"
    assert _speakers(["ستكون الصحة أبرز الملفات، على أن يتم لاحقا النظر في البقية."]) == []


def test_a_short_quoted_name_before_a_relative_clause_is_the_speaker():
    quotes = article_quotes(story_article([
        "وأكد \"الحزب الحر\" الذي يشارك في الحكومة أنه يدعم جهودها.",
    ], {}))
    assert [(q.speaker.name, q.text) for q in quotes] == [("الحزب الحر", "أنه يدعم جهودها")]


def test_a_short_quoted_name_before_a_definite_noun_is_the_speaker():
    quotes = article_quotes(story_article(["وأكدت \"سارة لي\" الفائزة بالجائزة، أن حياتها تغيرت كثيرا."],
                                          {"سارة لي": "PER"}))
    assert [(q.speaker.name, q.text) for q in quotes] == [("سارة لي", "حياتها تغيرت كثيرا")]


def test_a_complementizer_opening_a_glued_quotation_still_opens_the_statement():
    sentence = "وأوضحت الشركة المنتجة على موقعها أن\" هذا المنتوج يجسد العمل الشاق\"."
    quotes = article_quotes(story_article([sentence], {}))
    assert [q.text for q in quotes] == ["هذا المنتوج يجسد العمل الشاق"]
