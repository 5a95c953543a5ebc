"""Training data for the entity recogniser: corpora, the development split, harvested word lists.

Both corpora are CoNLL-style (``token tag`` per line, blank line between
sentences); neither marks documents. The development split is the contiguous
tail of each corpus (:func:`split`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from models.ner.features import fold, stem_of
from models.ner.recognizer import decode_bio
from training.name_lists import cldr_names

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
CORPORA = {"anercorp": "ner/anercorp-camel-train.txt", "newsfane": "ner/newsfane-coarse.conll"}
GAZETTEERS = {"LOC": "AlignedLocGazetteer.txt", "ORG": "AlignedOrgGazetteer.txt",
              "PER": "AlignedPersGazetteer.txt"}
TYPES = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
SEED = 13
# Development data: each corpus from the first story that starts at or after 85 % of its
# sentences (ANERcorp 3380 «أصدرت شركة مايكروسوفت …», NewsFANE 3307 «محمد بنيس شاعر مغربي …»).
DEV_START = {"anercorp": 3380, "newsfane": 3307}
NEIGHBOURS = 2


@dataclass(frozen=True, slots=True)
class Sentence:
    corpus: str
    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def key(self) -> str:
        return "".join(fold(t) for t in self.tokens)


def _tag(tag: str) -> str:
    if tag[:2] in ("B-", "I-") and tag[2:] in TYPES:
        return tag[:2] + TYPES[tag[2:]]
    return "O"


def read_conll(path: Path, corpus: str) -> list[Sentence]:
    """Sentences of a CoNLL file with tags mapped to PER/LOC/ORG/MISC."""
    out, tokens, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if not parts:
            if tokens:
                out.append(Sentence(corpus, tuple(tokens), tuple(tags)))
                tokens, tags = [], []
            continue
        tokens.append(parts[0])
        tags.append(_tag(parts[-1]))
    return out


def load_corpora(shared: Path = SHARED) -> dict[str, list[Sentence]]:
    return {name: read_conll(shared / rel, name) for name, rel in CORPORA.items()}


def split(corpora: dict[str, list[Sentence]]) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev): the tail of each corpus from :data:`DEV_START` on is development data.

    NewsFANE re-annotates much of ANERcorp's newswire in another order and
    tokenisation, so a training sentence is dropped when it overlaps the
    development text (:func:`_overlaps`), and so are its :data:`NEIGHBOURS`
    on each side (the rest of that story).
    """
    dev = [s for name in sorted(corpora) for s in corpora[name][DEV_START[name]:]]
    dev_keys = {s.key for s in dev}
    dev_grams = {g for s in dev for g in _grams(s)}
    train = []
    for name in sorted(corpora):
        sents = corpora[name][:DEV_START[name]]
        hit = [_overlaps(s, dev_keys, dev_grams) for s in sents]
        near = [any(hit[max(0, i - NEIGHBOURS):i + NEIGHBOURS + 1]) for i in range(len(sents))]
        train += [s for s, drop in zip(sents, near, strict=True) if not drop]
    return train, dev


def _grams(sent: Sentence, n: int = 5) -> set[tuple[str, ...]]:
    words = [fold(t) for t in sent.tokens]
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def _overlaps(sent: Sentence, keys: set[str], grams: set[tuple[str, ...]]) -> bool:
    """Same folded text as a development sentence, or ≥ 30 % of its word 5-grams in the development text."""
    if sent.key in keys:
        return True
    own = _grams(sent)
    return bool(own) and len(own & grams) >= 0.3 * len(own)


def write_conll(sents: list[Sentence], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for s in sents:
            f.writelines(f"{t}\t{g}\n" for t, g in zip(s.tokens, s.tags, strict=True))
            f.write("\n")


def harvest(sents: list[Sentence]) -> tuple[dict[str, str], dict[str, str]]:
    """Entity words and multi-word names seen in ``sents``, as lexicon ``known`` and ``phrases``.

    ``known`` maps a stem to ``TYPE:hi|mid`` by how often the stem is part of a
    name of its commonest type; ``phrases`` maps folded multi-word names to their type.
    """
    as_type: dict[str, Counter] = defaultdict(Counter)
    total: Counter = Counter()
    phrase_types: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        stems = [stem_of(t) for t in s.tokens]
        total.update(stems)
        for start, end, kind in decode_bio(s.tags):
            for stem in stems[start:end]:
                as_type[stem][kind] += 1
            if end - start > 1:
                phrase_types[" ".join(stems[start:end])][kind] += 1
    known = {}
    for stem, kinds in as_type.items():
        kind, n = kinds.most_common(1)[0]
        ratio = n / total[stem]
        if ratio >= 0.3 and len(stem) > 1:
            known[stem] = f"{kind}:{'hi' if ratio >= 0.7 else 'mid'}"
    phrases = {p: kinds.most_common(1)[0][0] for p, kinds in phrase_types.items()}
    return known, phrases


def common_words(sents: list[Sentence]) -> set[str]:
    """Stems seen at least twice and mostly outside names: never tagged by name propagation."""
    total: Counter = Counter()
    named: Counter = Counter()
    for s in sents:
        stems = [stem_of(t) for t in s.tokens]
        total.update(stems)
        for start, end, _ in decode_bio(s.tags):
            named.update(stems[start:end])
    return {w for w, n in total.items() if n >= 2 and named[w] < n / 2}


def _anergazet(shared: Path) -> list[tuple[str, str]]:
    """``(type, line)`` of every ANERgazet list line."""
    return [(kind, line) for kind, name in GAZETTEERS.items()
            for line in (shared / "ner" / "gazetteers" / name).read_text(encoding="utf-8").splitlines()]


def gazetteer(shared: Path = SHARED) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """ANERgazet plus the CLDR names (:func:`training.name_lists.cldr_names`), as
    (single stems → types, folded multi-word names → type)."""
    words: dict[str, set[str]] = defaultdict(set)
    phrases: dict[str, str] = {}
    for kind, line in _anergazet(shared) + cldr_names():
        parts = [stem_of(w) for w in line.split() if not w.startswith("=")]
        if len(parts) == 1 and len(parts[0]) > 1:
            words[parts[0]].add(kind)
        elif len(parts) > 1:
            phrases.setdefault(" ".join(parts), kind)
    return {k: tuple(sorted(v)) for k, v in words.items()}, phrases


def name_words(sents: list[Sentence], shared: Path = SHARED) -> set[str]:
    """Normalised words seen inside names of ``sents`` and the gazetteers (for clitic trimming)."""
    out = {fold(t) for s in sents for (a, b, _) in decode_bio(s.tags) for t in s.tokens[a:b]}
    out.update(fold(w) for _, line in _anergazet(shared) + cldr_names() for w in line.split())
    return {w for w in out if len(w) > 2}


def folds(sents: list[Sentence], k: int) -> list[int]:
    """Fold index per sentence for jackknifed harvesting.

    Folds are contiguous chunks, so harvested names come from other documents;
    a sentence repeated in the other corpus joins the fold of its first copy.
    """
    size = -(-len(sents) // k)
    first: dict[str, int] = {}
    return [first.setdefault(s.key, i // size) for i, s in enumerate(sents)]
