"""English projection of entity mentions: hand-built alignments, then the generated tiny model."""

from __future__ import annotations

import re

from model_fixtures import tiny_model_dir, tiny_translator  # noqa: F401

from models.article import Article, Entity, Mention, Sentence, Translation
from models.ner import annotate, project
from models.ner.projection import english_span

SOURCE = "قال خليفة حفتر إن القاهرة تدعم مجلس الأمن"
TARGET = "Khalifa Haftar said that Cairo supports the Security Council"


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _align(pairs: list[tuple[str, str]]) -> list[tuple[int, int, int, int]]:
    return [(*_span(SOURCE, a), *_span(TARGET, b)) for a, b in pairs]


FULL = [("قال", "said"), ("خليفة", "Khalifa"), ("حفتر", "Haftar"), ("إن", "that"), ("القاهرة", "Cairo"),
        ("تدعم", "supports"), ("مجلس", "the"), ("مجلس", "Council"), ("الأمن", "Security")]


def _article(alignment: list[tuple[int, int, int, int]]) -> Article:
    article = Article(SOURCE, sentences=(Sentence(0, 0, len(SOURCE), SOURCE, 0),))
    spans = [_span(SOURCE, "خليفة حفتر"), _span(SOURCE, "القاهرة"), _span(SOURCE, "مجلس الأمن")]
    kinds = ["PER", "LOC", "ORG"]
    article.mentions = [Mention(s, e, k, SOURCE[s:e], i) for i, ((s, e), k) in enumerate(zip(spans, kinds,
                                                                                             strict=True))]
    article.entities = [Entity(k, SOURCE[s:e], [(s, e)]) for (s, e), k in zip(spans, kinds, strict=True)]
    article.translations[0] = Translation(0, SOURCE, TARGET, alignment)
    return article


def test_mentions_project_onto_whole_capitalised_words():
    article = _article(_align(FULL))
    project(article)
    shown = [(TARGET[s:e], i) for s, e, i in article.translations[0].entity_spans]
    assert shown == [("Khalifa Haftar", 0), ("Cairo", 1), ("Security Council", 2)]
    assert [e.english for e in article.entities] == ["Khalifa Haftar", "Cairo", "Security Council"]


def test_partial_alignment_extends_over_adjacent_capitalised_words():
    translation = Translation(0, SOURCE, TARGET, _align([("حفتر", "Haftar")]))
    start, end = _span(SOURCE, "خليفة حفتر")
    span = english_span(translation, start, end)
    assert span is not None and TARGET[span[0]:span[1]] == "Khalifa Haftar"


def test_english_sources_in_order_dictionary_translation_transliteration():
    article = _article(_align(FULL))
    project(article)
    assert [e.english_source for e in article.entities] == ["dictionary", "dictionary", "translation"]


def test_alignment_to_lower_case_words_projects_nothing_and_falls_back_to_transliteration():
    article = _article(_align([("خليفة", "said"), ("حفتر", "that"), ("القاهرة", "Cairo"), ("مجلس", "the")]))
    project(article)
    assert [i for _, _, i in article.translations[0].entity_spans] == [1]
    haftar = article.entities[0]
    assert (haftar.english, haftar.english_source) == ("Khalifa Haftar", "dictionary")
    assert article.entities[1].english == "Cairo"
    council = article.entities[2]
    assert council.english_source == "transliteration" and council.english.isascii() and council.english


def test_tiny_model_projection_is_well_formed(seed_paths, tiny_translator):  # noqa: F811
    from models.reading import read_article
    from models.translation import translate_article

    article = read_article(seed_paths[0])
    annotate(article)
    indices = sorted({article.sentence_at(m.start).index for m in article.mentions
                      if article.sentence_at(m.start) is not None})[:4]
    translate_article(article, tiny_translator, indices)
    project(article)
    assert all(e.english for e in article.entities)
    for index in indices:
        translation = article.translations[index]
        spans = translation.entity_spans
        assert spans == sorted(spans)
        for k, (s, e, entity) in enumerate(spans):
            assert 0 <= s < e <= len(translation.target)
            assert 0 <= entity < len(article.entities)
            assert re.fullmatch(r"\S(.*\S)?", translation.target[s:e])
            assert s == 0 or not translation.target[s - 1].isalnum()
            assert e == len(translation.target) or not translation.target[e].isalnum()
            assert k + 1 == len(spans) or e <= spans[k + 1][0]
