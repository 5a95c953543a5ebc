"""The Arabic→English name-word pairs under ``../shared/data/names`` and the held-out slice.

The held-out slice ("names-heldout") is a deterministic 10 % of the Wikidata
person-name pairs, chosen by the MD5 of the lower-cased English word (so every
Arabic spelling of one English word falls on the same side). Training uses the
rest of the Wikidata pairs and the Wikipedia pairs (``google-ar2en.tsv``) whose
English word is not in the held-out slice. Model selection uses a validation
slice carved from the training pairs (:func:`validation_split`: a further 5 %
by another MD5 of the English word), never the held-out one.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from models.names.script import source_chars

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "names"
WIKIDATA = "wikidata-person-names.tsv"
WIKIPEDIA = "google-ar2en.tsv"

Pair = tuple[str, str]  # (Arabic, English lower-cased)


def held_out(english: str) -> bool:
    """Whether the English word belongs to the held-out slice (10 % by MD5)."""
    return int(hashlib.md5(english.lower().encode("utf-8")).hexdigest()[:8], 16) % 10 == 0


def validation(english: str) -> bool:
    """Whether a training pair's English word belongs to the validation slice (5 % by a salted MD5)."""
    digest = hashlib.md5(("validation:" + english.lower()).encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 20 == 0


def _rows(path: Path, arabic_col: str, english_col: str) -> list[Pair]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        out = []
        for row in reader:
            arabic, english = source_chars(row[arabic_col] or ""), (row[english_col] or "").strip().lower()
            if arabic and english and " " not in english:
                out.append((arabic, english))
    return out


def wikidata(shared: Path = SHARED) -> list[Pair]:
    return _rows(shared / WIKIDATA, "arabic", "english")


def wikidata_counts(shared: Path = SHARED) -> list[tuple[str, str, int]]:
    """``(arabic, english, count)`` rows of the Wikidata pairs (count: how often the pair occurs)."""
    with (shared / WIKIDATA).open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        out = [(source_chars(r["arabic"] or ""), (r["english"] or "").strip().lower(), int(r["count"] or 1))
               for r in rows]
    return [(a, e, n) for a, e, n in out if a and e and " " not in e]


def wikipedia(shared: Path = SHARED) -> list[Pair]:
    return _rows(shared / WIKIPEDIA, "arabic", "english")


def split(shared: Path = SHARED) -> tuple[list[Pair], list[Pair]]:
    """``(train, heldout)``: distinct pairs, in file order."""
    pairs = wikidata(shared)
    heldout = list(dict.fromkeys(p for p in pairs if held_out(p[1])))
    train = list(dict.fromkeys(p for p in pairs + wikipedia(shared) if not held_out(p[1])))
    return train, heldout


def validation_split(train: list[Pair]) -> tuple[list[Pair], list[Pair]]:
    """``(fit, validation)``: the training pairs without and with the validation slice's English words."""
    return [p for p in train if not validation(p[1])], [p for p in train if validation(p[1])]
