"""The learned transliteration and the name conventions around it."""

from __future__ import annotations

import models.names.translit as translit
from models.names.letters import letter_spelling
from models.names.translit import spell_name


def test_conventions_around_the_model():
    assert spell_name("عبد الله")[0] == spell_name("عبدالله")[0] == "Abdullah"
    assert spell_name("عبد الفتاح")[0].startswith("Abdel ")
    assert spell_name("عبدالفتاح")[0] == spell_name("عبد الفتاح")[0]
    assert " bin " in spell_name("أسامة بن لادن")[0]
    assert spell_name("القاهرة")[0].startswith("al-")
    assert spell_name("CNN")[0] == "CNN"
    assert spell_name("")[0] == ""


def test_known_words_are_used_and_reported():
    known = {"حفتر": "haftar", "خليفة": "khalifa"}.get
    assert spell_name("خليفة حفتر", known) == ("Khalifa Haftar", True)
    latin, listed = spell_name("خليفة الجديد", known)
    assert latin.startswith("Khalifa al-") and not listed


def test_the_model_spells_unlisted_words_in_latin_letters():
    latin, listed = spell_name("صقر الجروشي")
    assert latin[:1].isupper() and " al-" in latin and not listed
    assert not any("\u0600" <= ch <= "\u06ff" for ch in latin)


def test_a_missing_model_falls_back_to_letter_spelling(monkeypatch, tmp_path):
    monkeypatch.setattr(translit, "MODEL_DIR", tmp_path)
    monkeypatch.setattr(translit._Model, "_translator", None)
    monkeypatch.setattr(translit, "_cache", {})
    assert spell_name("درنة")[0] == letter_spelling("درنة")
