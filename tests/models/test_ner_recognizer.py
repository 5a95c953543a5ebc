"""The bundled entity recogniser: loading, spans on natural and pre-tokenised text, the seed articles."""

from __future__ import annotations

import pytest

from models.arabic import normalize
from models.article import ENTITY_TYPES, Article
from models.errors import KhulasaError
from models.ner import Recognizer, annotate, default_recognizer
from models.ner.recognizer import LEXICON_FILE, MODEL_FILE
from models.paths import bundled_data_dir
from models.reading import read_article

SEED_NAMES = {
    "PER": ["خليفة حفتر", "صقر الجروشي", "سامح شكري", "عبد الفتاح السيسي", "غسان سلامة"],
    "LOC": ["درنة", "بنغازي", "طبرق", "سرت", "القاهرة"],
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

