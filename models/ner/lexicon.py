"""Word lists and clusters the recogniser looks up, stored beside the CRF model.

Everything here is keyed by folded stems (see :mod:`models.ner.features`):
gazetteer words, multi-word names, entity words harvested from the training
data, trigger words and word clusters learnt from unlabelled Arabic. The
training script builds a :class:`Lexicon` and saves it as gzip'd JSON; the app
only loads it.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from models.arabic import normalize
from models.errors import KhulasaError

FORMAT = 4

# Words that announce a name of a given type (stems without ال; normalised when used).
TRIGGERS: dict[str, tuple[str, ...]] = {
    "PER": ("رئيس", "زعيم", "وزير", "وزيره", "عميد", "لواء", "عقيد", "فريق", "مشير", "رائد", "نقيب",
            "جنرال", "شيخ", "سيد", "سيده", "ملك", "امير", "اميره", "اميرال", "دكتور", "د", "مبعوث",
            "متحدث", "ناطق", "قائد", "نائب", "مستشار", "سفير", "امين", "مدير", "رئيسه", "مراسل",
            "حاكم", "محافظ", "بابا", "امام", "مفتي", "قاضي", "مدرب", "لاعب", "كاتب", "شاعر", "فنان",
            "مطرب", "مخرج", "بن", "ابن", "ابو", "ام", "بنت", "عبد", "قال", "اكد", "اضاف", "اوضح", "صرح"),
    "LOC": ("مدينه", "بلده", "قريه", "منطقه", "محافظه", "ولايه", "عاصمه", "اقليم", "جزيره", "جزر",
            "نهر", "بحر", "جبل", "دوله", "مقاطعه", "حي", "شارع", "ساحه", "ميناء", "مطار", "شمال", "جنوب",
            "شرق", "غرب", "وسط", "ضاحيه", "مخيم", "معبر", "حدود", "سواحل"),
    "ORG": ("وكاله", "تنظيم", "مجلس", "حزب", "شركه", "جامعه", "حركه", "منظمه", "جبهه", "وزاره", "بنك",
            "مصرف", "صحيفه", "جريده", "مجله", "قناه", "اذاعه", "هيئه", "لجنه", "اتحاد", "جمعيه", "نادي",
            "مؤسسه", "مركز", "معهد", "محكمه", "برلمان", "كتله", "تحالف", "جيش", "قوات", "كتيبه",
            "مجموعه", "رابطه", "نقابه", "صندوق", "مكتب", "اداره", "سلطه", "مفوضيه", "بعثه"),
}


class LexiconError(KhulasaError):
    """The bundled recogniser data is missing or unreadable."""


@dataclass(slots=True)
class Lexicon:
    """Lookups used as features; see the module docstring.

    ``names`` (normalised whole words seen in names) only serves to decide
    whether a leading و/ب/ل is a clitic when mentions are displayed; ``common``
    (stems seen mostly outside names) are never tagged by name propagation;
    ``attributes`` (the features the trained CRF has weights for, empty while
    training) lets extraction skip features the model would ignore anyway;
    ``person`` maps stems of person-name words from public name lists to
    ``hi`` (frequent) or ``lo``; ``frequency`` maps a stem to its frequency
    band in the unlabelled text (absent: rarer than the clusters);
    ``clusters`` maps a stem to its cluster ids, coarsest last.
    """

    gazetteer: dict[str, tuple[str, ...]] = field(default_factory=dict)
    known: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, str] = field(default_factory=dict)
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    triggers: dict[str, str] = field(default_factory=dict)
    names: frozenset[str] = frozenset()
    common: frozenset[str] = frozenset()
    attributes: frozenset[str] = frozenset()
    person: dict[str, str] = field(default_factory=dict)
    frequency: dict[str, str] = field(default_factory=dict)
    phrase_firsts: frozenset[str] = field(init=False, default=frozenset())  # first words of ``phrases``

    def __post_init__(self) -> None:
        if not self.triggers:
            self.triggers = {normalize(word): kind for kind, words in TRIGGERS.items() for word in words}
        self.phrase_firsts = frozenset(p.split(" ", 1)[0] for p in self.phrases)

    def with_known(self, known: dict[str, str], phrases: dict[str, str]) -> Lexicon:
        """A copy with harvested words ``known`` and extra ``phrases`` (jackknifed training)."""
        return replace(self, known=known, phrases={**self.phrases, **phrases})

    def save(self, path: Path) -> None:
        data = {"format": FORMAT, "gazetteer": {k: list(v) for k, v in self.gazetteer.items()},
                "known": self.known, "phrases": self.phrases,
                "clusters": {k: " ".join(v) for k, v in self.clusters.items()},
                "triggers": self.triggers, "names": sorted(self.names),
                "common": sorted(self.common), "attributes": sorted(self.attributes),
                "person": self.person, "frequency": self.frequency}
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
        with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as f:  # byte-identical rebuilds
            f.write(payload)

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        """Read a saved lexicon; raises :class:`LexiconError` when missing or corrupt."""
        try:
            with gzip.open(path, "rt", encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError, EOFError) as exc:
            raise LexiconError(f"{path}: cannot read the entity recogniser's word lists ({exc})") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise LexiconError(f"{path}: not an entity lexicon of format {FORMAT}")
        try:
            return cls(
                gazetteer={k: tuple(v) for k, v in data["gazetteer"].items()},
                known=data["known"],
                phrases=data["phrases"],
                clusters={k: tuple(v.split(" ")) for k, v in data["clusters"].items()},
                triggers=data["triggers"],
                names=frozenset(data["names"]),
                common=frozenset(data["common"]),
                attributes=frozenset(data["attributes"]),
                person=data["person"],
                frequency=data["frequency"],
            )
        except (KeyError, AttributeError, TypeError) as exc:
            raise LexiconError(f"{path}: the entity lexicon is incomplete ({exc})") from exc
