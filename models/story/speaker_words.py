"""Word lists that shape a speaker's phrase (frames, adverbs, titles, offices, unnamed sources), shared
by :mod:`models.story.speakers` and :mod:`models.story.speaker_names`."""

from __future__ import annotations

from models.ner.grouping import TITLES
from models.story.tokens import forms

GROUPS = forms("شهود", "مسؤولون", "مسؤولين", "مراقبون", "ناشطون", "سكان", "متابعون", "خبراء", "محللون",
               "أطباء", "باحثون", "باحثين", "علماء", "محققون", "مختصون", "أهالي", "متساكنون", "نشطاء", "عمال")
"""Plural heads of a subject naming an unnamed group, also with the article (``الأطباء``، ``خبراء``)."""
UNATTRIBUTED = GROUPS | forms("مصدر", "مصادر", "شاهد", "مسؤول", "تقارير", "مصدرا", "أوساط", "جهات")
"""Heads of a subject that names no one (``مصدر مسؤول``, ``مصادر محلية``)."""
DEFINITE_SOURCES = forms("مصدر", "مصادر")
SAME_WORDS = forms("نفس", "ذات")
SPOKESPERSON = forms("باسم", "بإسم")
FRAME_START = forms("في", "خلال", "عبر", "ضمن", "إثر", "اثر", "عقب", "أثناء", "لدى", "قبيل", "عند", "حين",
                     "ردا", "رداً", "قبل")
"""Prepositions opening an adverbial right after the verb (``قال في بيان له``): it runs to the next comma."""
QUANTIFIERS = forms("من", "أكثر", "عدد", "بعض", "عديد", "العديد")
"""Words before a subject that is still to come (``أكثر من مصدر``, ``من جهته``)."""
FRAME_WORDS = forms("له", "لها", "لهم", "بيان", "تصريح", "تصريحات", "كلمة", "حديث", "مداخلة", "مؤتمر", "صحفي",
               "صحافي", "جهته", "جهتها", "من", "وقت", "لاحق", "سابق", "هاتفية", "ذلك", "برنامج", "حصة",
               "حوار", "لقاء", "ندوة", "اجتماع", "إجتماع", "جلسة", "تدوينة", "رسالة", "تغريدة", "مقابلة",
               "بلاغ", "صادر", "أصدره", "أصدرته", "نشره", "نشرته", "الصحفي", "الصحافي", "جهة", "جانب",
               "جانبه", "جانبها", "ناحية", "أخرى", "آخر")
"""Words that continue such an adverbial."""
ADVERBS = forms("أمس", "اليوم", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
               "الأحد", "بدوره", "بدورها", "كذلك", "أيضا", "فيه", "فيها", "مساء", "صباح", "له", "لها", "يوم",
               "الشهر", "الأسبوع", "العام", "الماضي", "الفارط", "المنقضي", "الجاري", "الحالي", "مؤخرا")
"""Adverbials of one word between a verb and its subject."""
GOVERNING = forms("على", "إلى", "الى", "عن")
"""A preposition right after the verb belongs to it (``أكد على``, ``أشار إلى``), not to a subject."""
OUTLETS = forms("وكالة", "جريدة", "صحيفة", "موقع", "قناة", "إذاعة", "مراسل", "مبعوث", "برنامج", "تلفزيون",
                "مراسلة", "مبعوثة")
"""``ل`` + these is whom a speaker spoke to (``لوكالة الأناضول``), the end of the speaker's name."""
QUOTING = forms("نقلا", "نقلاً", "حسب", "بحسب", "وفق", "وفقا", "استنادا")
"""``القناة نقلا عن …``: the words after these name a source the speaker relays, not the speaker."""
CONNECTIVES = forms("فيما", "و", "كما", "بينما", "لكن", "حيث", "ثم", "إذ", "أما", "بعد")
PREPOSITIONS = forms("في", "من", "عن", "إلى", "الى", "على", "مع", "خلال", "لدى", "ل", "ب", "حول", "بين")
RANKS = TITLES | forms("أركان", "حرب", "الركن", "الرسمي")
"""Titles and ranks between an affiliation and the spokesperson's name."""
TITLE_KEYS = frozenset(t.removeprefix("ال") for t in TITLES | forms(
    "الوزيرة", "المديرة", "الرئيسة", "الكاتب", "الكاتبة", "العضو", "الممثل", "المندوب", "المندوبة", "النائبة",
    "الأمينة", "الناطقة", "المتحدثة", "المسؤول", "ضيف", "ضيفة", "السفير", "السفيرة"))
"""Title words without the article: a phrase speaker headed by one may be a person named earlier."""
OFFICES = frozenset(t.removeprefix("ال") for t in forms(
    "الوالي", "المنسق", "المدرب", "المعتمد", "المندوب", "المدعي", "الخبير", "الطبيب", "القيادي", "الناشط",
    "الباحث", "الأستاذة", "الممثلة", "المكلف", "المكلفة", "العميد", "الرئيس", "رئيسة", "الكاتب", "احد",
    "المساعد", "المساعدة", "النائب", "النائبة"))
"""Heads of a subject that name an office or one of a group (``والي نابل``، ``أحد المشاركين``)."""
ANONYMOUS = forms("هويته", "هويتها", "هويتهم", "اسمه", "اسمها", "اسمهم")
"""``طلب عدم كشف هويته``، ``رفض ذكر اسمه``: a source who asked not to be named is unattributed."""
RELATIVE_PRONOUNS = forms("الذي", "التي", "الذين", "ما", "اللذين", "اللتين")
"""A relative pronoun ends a speaker's phrase (``اتحاد الحريات … الذي رفع دعوى``)."""
GUESTS = forms("ضيف", "ضيفة")
"""``ضيف بوليتيكا``: the guest of a programme is the person the article interviews."""
PRONOUNS = forms("هو", "هي", "هم", "هما", "هن")
"""An independent pronoun as subject (``كتب هو وزملاؤه``): the previous speaker."""
NAME_LINKS = forms("بن", "ابن", "بنت")
"""Words inside a name that look like an attached preposition."""
DOCUMENTS = forms("بيان", "بلاغ", "بيانا", "بلاغا", "نص")
"""A statement's document as a subject (``وأضاف البلاغ``، ``قال بيان لوزارة …``) stands for its issuer."""
ISSUED = forms("صادر", "صادرة", "الصادر", "الصادرة")
NAME_ENDS = forms("الله", "الدين")
COMPOUND_STARTS = forms("عبد", "أبو", "ابو")
"""First halves of compound given names (``عبد الله``، ``أبو بكر``)."""
"""Definite second halves of compound names (``غرس الله``، ``نور الدين``)."""
SAYING = forms("قائلا", "قائلة", "قائلين")
"""``وتابعت قائلة``: "saying", how the speaker went on, not a subject."""
KIN = forms("زوج", "زوجة", "خال", "خالة", "عم", "عمة", "شقيق", "شقيقة", "أخ", "أخت", "والد", "والدة", "ابن",
            "ابنة", "جد", "جدة", "أقارب", "أب", "أم", "خالته", "خاله", "عمه", "عمته", "شقيقه", "شقيقته",
            "شقيقها", "والده", "والدته", "والدها", "زوجها", "زوجته", "ابنه", "ابنها", "أخوه", "أخيه", "أخته")
"""``زوج خالة الضحية``، ``شقيقه``، ``والدة الطفل``: a relative known only by the kinship, an unnamed source
unless the recogniser names them."""
CITIZENS = forms("مواطن", "مواطنة", "مواطنون", "مواطنين")
"""``أبلغت مواطنة …``: a citizen, unnamed unless the recogniser names them (``مواطن تونسي (فهمي طاهري)``)."""
ONE_OF = forms("أحد", "إحدى", "احدى")
"""``أحد سكان البرج``، ``إحدى المنظمات``: one of a group, unnamed unless the recogniser names them."""
