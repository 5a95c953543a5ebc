"""The summariser: every algorithm, every length mode, order, odd inputs."""

from __future__ import annotations

import pytest

from models.article import Article
from models.reading import article_from_text
from models.summarize import ALGORITHMS, Length, SummaryError, rank, summarize

SUMY = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "reduction", "edmundson")


@pytest.fixture
def seed_article(seed_paths) -> Article:
    path = next(p for p in seed_paths if p.name.startswith("002"))
    return article_from_text(path.read_text(encoding="utf-8"), path)


def test_every_sumy_algorithm_is_offered():
    assert set(SUMY) <= set(ALGORITHMS)
    assert ALGORITHMS[0] == "auto"


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_each_algorithm_ranks_every_sentence_once(seed_article, algorithm):
    ranking = rank(seed_article, algorithm)
    assert sorted(ranking) == list(range(len(seed_article.sentences)))
    picked = summarize(seed_article, Length(sentences=3), algorithm)
    assert picked == sorted(ranking[:3])
    assert seed_article.summary == picked
    assert seed_article.algorithm == algorithm


def test_algorithms_disagree(seed_article):
    picks = {tuple(summarize(seed_article, Length(sentences=3), a)) for a in ALGORITHMS}
    assert len(picks) >= 4  # they are really different methods, not one in disguise


def test_unknown_algorithm_is_a_clear_error(seed_article):
    with pytest.raises(SummaryError, match="unknown summary algorithm 'magic'.*lexrank"):
        summarize(seed_article, Length(), "magic")


def test_sentence_count_and_ratio(seed_article):
    n = len(seed_article.sentences)
    assert len(summarize(seed_article, Length(sentences=2))) == 2
    assert len(summarize(seed_article, Length(sentences=n + 5))) == n
    assert len(summarize(seed_article, Length(ratio=0.5))) == round(0.5 * n)
    assert len(summarize(seed_article, Length(ratio=0.01))) == 1


def test_default_length_is_news_sized(seed_article):
    n = len(seed_article.sentences)
    assert len(summarize(seed_article)) == min(7, max(3, round(0.25 * n)))
    short = article_from_text("جملة أولى هنا. جملة ثانية هنا. جملة ثالثة هنا. جملة رابعة هنا.")
    assert len(summarize(short)) == 3


@pytest.mark.parametrize("algorithm", ["auto", "lexrank", "lead"])
def test_word_budget_adds_in_rank_order_until_reached(seed_article, algorithm):
    counts = [len(s.text.split()) for s in seed_article.sentences]
    for budget in (1, 40, 90):
        ranking = rank(seed_article, algorithm, Length(words=budget))
        picked = summarize(seed_article, Length(words=budget), algorithm)
        assert sum(counts[i] for i in picked) >= budget
        assert picked == sorted(ranking[:len(picked)])
        assert sum(counts[i] for i in ranking[:len(picked) - 1]) < budget  # no sentence more than needed
    assert summarize(seed_article, Length(words=10**6), algorithm) == list(range(len(counts)))


def test_auto_fits_a_word_budget_closely(seed_article):
    counts = [len(s.text.split()) for s in seed_article.sentences]
    for budget in (30, 60, 100, 150):
        picked = summarize(seed_article, Length(words=budget))
        total = sum(counts[i] for i in picked)
        assert budget <= total <= budget + max(counts)
        assert 0 in picked  # the lede stays in
    lead_total = sum(counts[i] for i in summarize(seed_article, Length(words=100), "lead"))
    assert sum(counts[i] for i in summarize(seed_article, Length(words=100))) <= lead_total


def test_summary_restores_article_order(seed_article):
    ranking = rank(seed_article, "luhn")
    assert ranking[:3] != sorted(ranking[:3])  # the best sentence is not the first picked in article order
    picked = summarize(seed_article, Length(sentences=3), "luhn")
    assert picked == sorted(ranking[:3])
    assert seed_article.summary_sentences == [seed_article.sentences[i] for i in picked]


def test_invalid_lengths():
    with pytest.raises(SummaryError):
        Length(sentences=0)
    with pytest.raises(SummaryError):
        Length(ratio=1.5)
    with pytest.raises(SummaryError):
        Length(words=-3)
    with pytest.raises(SummaryError):
        Length(sentences=2, words=50)


def test_auto_leads_with_the_lede_and_skips_repeats():
    lede = "أعلنت وزارة الصحة افتتاح مستشفى جديد لعلاج الأطفال في مدينة درنة."
    text = " ".join([
        lede,
        "وقال مدير المستشفى إن المبنى يضم مئة سرير وغرفتين للعمليات.",
        lede.replace("أعلنت", "وأعلنت"),
        "ويأتي الافتتاح بعد سنوات من الحرب التي دمرت مستشفيات المدينة.",
        "وتبرعت منظمات دولية بالأجهزة الطبية للمستشفى الجديد.",
    ])
    article = article_from_text(text)
    picked = summarize(article, Length(sentences=2))
    assert picked[0] == 0
    assert 2 not in picked  # the near-copy of the lede is redundant


def test_auto_uses_the_headline():
    body = ("بدأت أمس أعمال المؤتمر السنوي في العاصمة بحضور الوفود. "
            "وألقى رئيس المؤتمر كلمة الافتتاح أمام الحضور. "
            "وشارك في الجلسة الأولى عدد من الخبراء والباحثين. "
            "وتوزعت الجلسات على قاعات الفندق طوال اليوم. "
            "وناقش المشاركون أسعار النفط وتأثيرها على الموازنة العامة. "
            "كما تناول المؤتمر قضايا التعليم الجامعي ومناهجه الحديثة.")
    oil = article_from_text("أسعار النفط تهيمن على الموازنة العامة\n\n" + body)
    schools = article_from_text("التعليم الجامعي ومناهجه الحديثة\n\n" + body)
    assert oil.title and schools.title
    assert rank(oil).index(4) < rank(oil).index(5)
    assert rank(schools).index(5) < rank(schools).index(4)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_english_only_text(algorithm):
    article = article_from_text(
        "The ministry opened a new hospital in Derna. The hospital has one hundred beds. "
        "Doctors from abroad will work in the hospital. The city had lost its hospitals in the war."
    )
    picked = summarize(article, Length(sentences=2), algorithm)
    assert len(picked) == 2 and picked == sorted(picked)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_one_sentence_and_empty_articles(algorithm):
    article = article_from_text("أعلنت الحكومة خطة جديدة للطاقة.")
    assert summarize(article, Length(words=100), algorithm) == [0]
    assert summarize(Article(text=""), Length(), algorithm) == []


@pytest.mark.parametrize("algorithm", ["auto", "lexrank", "lsa", "textrank"])
def test_ten_thousand_words_without_punctuation(algorithm):
    text = " ".join(f"كلمة{i % 700}" for i in range(10_000))
    article = article_from_text(text)
    assert len(article.sentences) > 100
    picked = summarize(article, Length(words=200), algorithm)
    assert 200 <= article.word_count(picked) <= 200 + 60


def test_summary_never_holds_the_same_sentence_twice():
    lead = "أعلنت وزارة الصحة اليوم تسجيل ثلاثين حالة إصابة جديدة بالفيروس في العاصمة والمدن المجاورة."
    others = [
        "وقال المتحدث باسم الوزارة إن الفرق الطبية تتابع المخالطين في الأحياء الشمالية.",
        "ودعت السلطات السكان إلى الالتزام بإجراءات الوقاية وارتداء الكمامات في الأماكن العامة.",
        "وأشار التقرير إلى أن معظم الحالات الجديدة تعاني من أعراض خفيفة ولا تحتاج إلى المستشفى.",
    ]
    # the lead repeats, once verbatim and once with a word changed, as saved pages often do
    text = "\n\n".join([lead, others[0], lead, others[1], lead.replace("اليوم", "الثلاثاء"), others[2]])
    article = article_from_text(text)
    for algorithm in ("auto", "lead", "lexrank"):
        picked = summarize(article, Length(sentences=4), algorithm)
        texts = [article.sentences[i].text for i in picked]
        assert sum("تسجيل ثلاثين حالة" in t for t in texts) == 1, (algorithm, texts)
