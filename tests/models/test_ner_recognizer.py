"""The bundled entity recogniser: loading, spans on natural and pre-tokenised text, the seed articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from models.arabic import normalize
from models.article import ENTITY_TYPES, Article
from models.errors import KhulasaError
from models.ner import Recognizer, annotate, default_recognizer
from models.ner.recognizer import LEXICON_FILE, MODEL_FILE
from models.paths import bundled_data_dir
from models.pipeline import open_article
from models.reading import read_article

SEED_NAMES = {
    "PER": ["خليفة حفتر", "صقر الجروشي", "سامح شكري", "عبد الفتاح السيسي", "غسان سلامة"],
    # «سرت» was found only through the hand-written list removed in issue 10; the CRF misses it
    "LOC": ["درنة", "بنغازي", "طبرق", "القاهرة"],
    "ORG": ["تنظيم الدولة الإسلامية", "مجلس الأمن الدولي", "وكالة الأناضول"],
}
# The part of a name that must lie inside a mention of its type: the agency's own name is enough
# for «وكالة الأناضول» (the corpora tag both «وكالة X» and «X»), likewise «الدولة الإسلامية».
CORE = {"وكالة الأناضول": "الأناضول", "تنظيم الدولة الإسلامية": "الدولة الإسلامية"}


def test_bundled_model_is_small_and_loads():
    files = [bundled_data_dir() / MODEL_FILE, bundled_data_dir() / LEXICON_FILE]
    assert sum(f.stat().st_size for f in files) <= 20 * 1024 * 1024
    assert default_recognizer() is default_recognizer()


def test_lexicon_was_built_with_the_current_normalisation():
    lexicon = default_recognizer().lexicon
    sample = sorted(lexicon.names)[::50] + sorted(lexicon.gazetteer)[::50]
    assert sample and all(normalize(word) == word for word in sample)


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(KhulasaError, match="entity"):
        Recognizer(tmp_path)


def test_natural_and_pretokenised_text_give_the_same_names():
    natural = "وقال وزير الخارجية المصري سامح شكري، في القاهرة، إن «مجلس الأمن الدولي» سيجتمع."
    pretokenised = "وقال وزير الخارجية المصري سامح شكري ، في القاهرة ، إن « مجلس الأمن الدولي » سيجتمع ."
    recognizer = default_recognizer()
    a = [(m.text, m.type) for m in recognizer.find(natural)]
    b = [(m.text, m.type) for m in recognizer.find(pretokenised)]
    assert a == b
    assert ("سامح شكري", "PER") in a and ("القاهرة", "LOC") in a
    for m in recognizer.find(natural):
        assert natural[m.start:m.end] == m.text and m.type in ENTITY_TYPES
        assert m.text[0] not in "«»،" and m.text[-1] not in "«»،."


def test_spans_are_whole_tokens_with_their_clitics():
    text = "وصل الوفد إلى وبنغازي ثم إلى طرابلس ."
    mentions = default_recognizer().find(text)
    assert ("وبنغازي", "LOC") in [(m.text, m.type) for m in mentions]


def _covered(article, name: str, kind: str) -> bool:
    core = CORE.get(name, name)
    at = article.text.find(name)
    while at >= 0:
        s = at + name.index(core)
        if any(m.type == kind and m.start <= s and s + len(core) <= m.end for m in article.mentions):
            return True
        at = article.text.find(name, at + 1)
    return False


def test_seed_people_places_and_organisations_are_found(seed_paths):
    articles = [read_article(p) for p in seed_paths]
    for article in articles:
        annotate(article)
    missing = [(kind, name) for kind, names in SEED_NAMES.items() for name in names
               if not any(_covered(a, name, kind) for a in articles)]
    assert missing == []


def test_seed_haftar_mentions_group_into_one_person(seed_paths):
    article = read_article(seed_paths[0])
    annotate(article)
    haftar = [e for e in article.entities if "حفتر" in e.canonical]
    assert len(haftar) == 1 and haftar[0].type == "PER" and haftar[0].canonical == "خليفة حفتر"
    assert haftar[0].count == article.text.count("حفتر")


def test_empty_text_has_no_mentions():
    article = Article("")
    annotate(article)
    assert default_recognizer().find("") == [] and article.mentions == [] and article.entities == []


def test_complete_marks_repeats_of_a_surname_but_not_common_words():
    recognizer = default_recognizer()
    text = "قال خليفة حفتر إن قواته تقدمت في المدينة . وأكد حفتر أن المدينة آمنة ."
    found = recognizer.find(text)
    completed = recognizer.complete(text, found)
    second = text.rindex("حفتر")
    assert any(m.start == second and m.type == "PER" for m in completed)
    assert all(m in completed for m in found)
    assert not any(m.text == "المدينة" for m in completed if m not in found)



# Issue 10: errors seen on the seeds. Each test asserts on the engine's display output
# (``annotate``); the rules behind them are generic (models/ner/span_rules.py).

@pytest.fixture(scope="module")
def seed_articles():
    articles = [read_article(p) for p in sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))]
    for article in articles:
        annotate(article)
    return articles


def _mentions(articles, kind=None):
    return [(m.text, m.type) for a in articles for m in a.mentions if kind is None or m.type == kind]


def _at(article, phrase: str) -> list:
    """Display mentions overlapping the first occurrence of ``phrase``."""
    at = article.text.index(phrase)
    return [m for m in article.mentions if m.start < at + len(phrase) and m.end > at]


def _seed_with(articles, phrase: str):
    return next(a for a in articles if phrase in a.text)


def test_seed_particles_alone_are_not_names(seed_articles):
    particles = {normalize(w) for w in ("بن", "ابن", "أبو", "عبد", "آل", "وبن", "وأبو")}
    assert [m for m in _mentions(seed_articles) if normalize(m[0]) in particles] == []


def test_seed_common_place_nouns_alone_are_not_places(seed_articles):
    nouns = {normalize(w) for w in ("المدينة", "العاصمة", "البلاد")}
    assert [m for m in _mentions(seed_articles) if normalize(m[0]) in nouns] == []


def test_seed_ben_jawad_is_one_place_without_the_conjunction(seed_articles):
    article = _seed_with(seed_articles, "وبن جواد")
    assert [(m.text, m.type) for m in _at(article, "وبن جواد")] == [("بن جواد", "LOC")]
    assert [(m.text, m.type) for m in _at(article, "مدينة بن جواد")] == [("بن جواد", "LOC")]


def test_seed_name_inside_an_outlet_name_is_the_outlet(seed_articles):
    article = _seed_with(seed_articles, "الخليج الجديد")
    at = article.text.index("الخليج الجديد")
    while at >= 0:
        inside = [m for m in article.mentions if m.start < at + 13 and m.end > at]
        assert [(m.text, m.type) for m in inside] == [("الخليج الجديد", "ORG")]
        at = article.text.find("الخليج الجديد", at + 1)


def test_seed_prefixes_stay_outside_the_highlight(seed_articles):
    for phrase, name in (("بالجزيرة", "الجزيرة"), ("لتنظيم الدولة", "تنظيم الدولة"),
                         ("لوكالة الأناضول", "وكالة الأناضول")):
        article = _seed_with(seed_articles, phrase)
        starts = {m.text[:len(phrase)] for m in article.mentions}
        assert phrase not in starts
        at = article.text.index(phrase)
        assert all(m.start >= at + phrase.index(name) for m in _at(article, phrase)), phrase


def test_seed_rank_is_not_part_of_the_name(seed_articles):
    article = _seed_with(seed_articles, "أركان حرب")
    assert [(m.text, m.type) for m in _at(article, "أركان حرب تامر الرفاعي")] == [("تامر الرفاعي", "PER")]


def test_seed_god_is_not_an_entity(seed_articles):
    assert [m for m in _mentions(seed_articles) if normalize(m[0]) in {normalize("الله"), "لله"}] == []


def test_seed_names_are_not_cut_short(seed_articles):
    for name, kind in (("نور نيوز", "ORG"), ("عبد الله الثني", "PER"), ("عبد القادر مساهل", "PER")):
        article = _seed_with(seed_articles, name)
        assert [(m.text, m.type) for m in _at(article, name)] == [(name, kind)]


@pytest.mark.xfail(strict=True, reason="the shipped CRF misses «عمر سرور» (found by the development model)")
def test_seed_omar_sorour_is_found(seed_articles):
    article = _seed_with(seed_articles, "عمر سرور")
    assert [(m.text, m.type) for m in _at(article, "عمر سرور")] == [("عمر سرور", "PER")]


def test_seed_brigade_named_after_a_place_is_not_a_person(seed_articles):
    article = _seed_with(seed_articles, "أبو سليم")
    assert [(m.text, m.type) for m in _at(article, "أبو سليم")] == [("كتيبة شهداء أبو سليم", "ORG")]


def test_seed_group_named_after_its_head_noun_is_one_organisation(seed_articles):
    """Every «داعش» of the seed («تنظيم داعش», «تنظيم "داعش" الإرهابي», «مقاتلي داعش») is one ORG."""
    path = next(p for p in sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
                if "تنظيم داعش" in p.read_text(encoding="utf-8"))
    article = open_article(path)
    occurrences = [m.start() for m in re.finditer("داعش", article.text)]
    covering = {m.entity for at in occurrences for m in article.mentions if m.start <= at < m.end}
    assert len(covering) == 1 and None not in covering
    entity = article.entities[covering.pop()]
    assert entity.type == "ORG" and "داعش" in entity.canonical
    assert len(entity.mentions) == len(occurrences)


def test_seed_heading_word_before_a_dash_is_not_part_of_a_name(seed_articles):
    """The subheading «لقاء السيسي – لافروف»: «لقاء» ("meeting") is no part of the person."""
    path = next(p for p in sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
                if "لقاء السيسي" in p.read_text(encoding="utf-8"))
    article = open_article(path)
    assert not any("لقاء" in e.canonical for e in article.entities)
    assert [(m.text, m.type) for m in _at(article, "لقاء السيسي")] == [("السيسي", "PER")]


def test_seed_entities_are_named_without_a_preposition():
    """«للجيش الليبي» (ل + الجيش) is shown as written but named «الجيش الليبي»."""
    seeds = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
    path = next(p for p in seeds if "للجيش الليبي" in p.read_text(encoding="utf-8"))
    canonical = [e.canonical for e in open_article(path).entities]
    assert not [c for c in canonical if c.startswith("لل")]
    assert "الجيش الليبي" in canonical
