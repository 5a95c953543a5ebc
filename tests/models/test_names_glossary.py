"""The glossary through the engine: English override, type change, not-an-entity, merge, translations."""

from __future__ import annotations

import pytest

from models.article import Article, Entity, Mention, Sentence, Translation
from models.names import Correction, Glossary, GlossaryError, current_glossary, record_correction, settle
from models.ner import annotate, project
from models.reading import read_article


def _seed(seed_paths, glossary: Glossary) -> Article:
    article = read_article(seed_paths[2])
    annotate(article)
    return settle(article, glossary=glossary)


def _by_name(article: Article, canonical: str) -> Entity:
    return next(e for e in article.entities if e.canonical == canonical)


def test_english_form_and_override(seed_paths):
    glossary = Glossary([Correction("خليفة حفتر", english="Khalifa Hifter")])
    article = _seed(seed_paths, glossary)
    haftar = _by_name(article, "خليفة حفتر")
    assert (haftar.english, haftar.english_source) == ("Khalifa Hifter", "glossary")
    glossary.set(Correction("خليفة حفتر", english="Field Marshal Haftar", type="PER"))
    assert _by_name(_seed(seed_paths, glossary), "خليفة حفتر").english == "Field Marshal Haftar"
    assert glossary.get("خليفة حفتر").type == "PER"


def test_type_change_and_not_an_entity(seed_paths):
    plain = _seed(seed_paths, Glossary())
    cairo = _by_name(plain, "القاهرة")
    assert cairo.type == "LOC"
    glossary = Glossary([Correction("القاهرة", type="ORG"), Correction("مصر", not_entity=True)])
    article = _seed(seed_paths, glossary)
    assert _by_name(article, "القاهرة").type == "ORG"
    assert all(m.type == "ORG" for m in article.mentions if m.text.endswith("القاهرة"))
    assert "مصر" not in [e.canonical for e in article.entities]
    assert len(article.entities) == len(plain.entities) - 1
    assert all(m.entity is not None and 0 <= m.entity < len(article.entities) for m in article.mentions)
    for index, entity in enumerate(article.entities):  # every mention still points at its own group
        assert {(m.start, m.end) for m in article.mentions if m.entity == index} <= set(entity.mentions)


def test_merge_two_groups(seed_paths):
    plain = _seed(seed_paths, Glossary())
    sisi, haftar = _by_name(plain, "عبدالفتاح السيسي"), _by_name(plain, "خليفة حفتر")
    article = _seed(seed_paths, Glossary([Correction("عبدالفتاح السيسي", merge_into="خليفة حفتر")]))
    merged = _by_name(article, "خليفة حفتر")
    assert merged.count == sisi.count + haftar.count
    assert "عبدالفتاح السيسي" not in [e.canonical for e in article.entities]
    index = article.entities.index(merged)
    assert sorted((m.start, m.end) for m in article.mentions if m.entity == index) == merged.mentions


def test_glossary_form_replaces_the_aligned_span_in_the_translation():
    source = "قال خليفة حفتر إن القاهرة تدعم"
    target = "Khalifa Haftar said that Cairo supports"
    spans = {"خليفة": "Khalifa", "حفتر": "Haftar", "القاهرة": "Cairo", "قال": "said"}
    alignment = [(source.index(a), source.index(a) + len(a), target.index(b), target.index(b) + len(b))
                 for a, b in spans.items()]
    article = Article(source, sentences=(Sentence(0, 0, len(source), source, 0),))
    names = [("خليفة حفتر", "PER"), ("القاهرة", "LOC")]
    for i, (name, kind) in enumerate(names):
        s = source.index(name)
        article.mentions.append(Mention(s, s + len(name), kind, name, i))
        article.entities.append(Entity(kind, name, [(s, s + len(name))]))
    article.translations[0] = Translation(0, source, target, alignment)
    project(article, glossary=Glossary([Correction("خليفة حفتر", english="Marshal Hifter")]))
    translation = article.translations[0]
    assert translation.target == "Marshal Hifter said that Cairo supports"
    shown = [translation.target[s:e] for s, e, _ in translation.entity_spans]
    assert shown == ["Marshal Hifter", "Cairo"]
    assert article.entities[0].english_source == "glossary"


def test_saved_glossary_is_reread_after_a_correction(khulasa_home):
    assert current_glossary().entries == {}
    record_correction(Correction("درنة", english="Derna"))
    assert current_glossary().english("درنة") == "Derna"
    assert (khulasa_home / "data" / "glossary.json").is_file()


def test_bad_csv_row_names_its_line_and_imports_nothing(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("arabic,english,type\nدرنة,Derna,LOC\nطرابلس,Tripoli,TOWN\n", encoding="utf-8")
    glossary = Glossary()
    with pytest.raises(GlossaryError, match="line 3: unknown type"):
        glossary.import_csv(path)
    assert glossary.entries == {}


def test_csv_round_trip(tmp_path):
    glossary = Glossary([Correction("درنة", english="Derna", type="LOC"), Correction("داعش", not_entity=True),
                         Correction("حفتر", merge_into="خليفة حفتر")])
    path = tmp_path / "g.csv"
    assert glossary.export_csv(path) == 3
    again = Glossary()
    assert again.import_csv(path) == 3
    assert again.entries == glossary.entries
