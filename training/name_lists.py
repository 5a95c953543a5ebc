"""Name lists built from public sources for the recogniser's features (no hand-written names).

- person-name words: the Arabic side of the Wikidata person-name pairs
  (``../shared/data/names/wikidata-person-names.tsv``, MIT-0 style licence, with
  how often each pair occurs) and of the Google ar→en name pairs
  (``google-ar2en.tsv``, Apache-2.0);
- places, currencies: the Arabic CLDR data shipped with Babel (country and region
  names, time-zone cities, currency names; Unicode licence);
- ANERgazet (``ner/gazetteers``), read by :mod:`training.ner_data`.

Every word is folded to its stem (:func:`models.ner.features.stem_of`).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

from models.ner.features import stem_of

_ARABIC_WORD = re.compile("^[\u0621-\u064A]+$")
# A name word attested this often in Wikidata (or listed by Google) is a "frequent" name word.
FREQUENT = 5


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]


def person_words(shared: Path) -> dict[str, str]:
    """Folded stems of Arabic person-name words → ``hi`` (frequent) or ``lo``."""
    counts: Counter[str] = Counter()
    for row in _rows(shared / "names" / "wikidata-person-names.tsv"):
        if len(row) == 3 and row[2].isdigit():
            for word in row[1].split():
                counts[word] += int(row[2])
    for row in _rows(shared / "names" / "google-ar2en.tsv"):
        if row:
            for word in row[0].split():
                counts[word] += FREQUENT
    out: dict[str, str] = {}
    for word, n in counts.items():
        stem = stem_of(word)
        if _ARABIC_WORD.match(word) and len(stem) > 2:
            band = "hi" if n >= FREQUENT else "lo"
            if out.get(stem) != "hi":
                out[stem] = band
    return out


def cldr_names() -> list[tuple[str, str]]:
    """``(type, name)`` from Babel's Arabic CLDR data: LOC countries, regions and cities, MISC currencies.

    Babel arrives with trafilatura (through courlan); without it the model could not be rebuilt
    identically, so its absence is an error.
    """
    try:
        from babel.localedata import load
    except ImportError as exc:
        raise SystemExit("training the recogniser needs Babel (pip install babel): CLDR names") from exc
    data = load("ar")
    out = [("LOC", name) for code, name in data["territories"].items() if code.isalpha()]
    out += [("LOC", zone["city"]) for zone in data["time_zones"].values() if "city" in zone]
    out += [("MISC", name) for name in data["currency_names"].values()]
    return [(kind, name) for kind, name in out if all(_ARABIC_WORD.match(w) for w in name.split())]

