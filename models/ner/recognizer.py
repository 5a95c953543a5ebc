"""The CRF entity recogniser that ships with the app (``models/data/ner*``)."""

from __future__ import annotations

import os
import threading
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from models.arabic import STOP_WORDS
from models.article import Mention
from models.errors import KhulasaError
from models.ner.features import FeatureExtractor, sequences, stem_of, styles, tokenize
from models.ner.lexicon import Lexicon
from models.ner.span_rules import SpanRules
from models.paths import bundled_data_dir

MODEL_FILE = "ner.crfsuite"
LEXICON_FILE = "ner-lexicon.json.gz"


def decode_bio(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first, last + 1, type)`` token spans of BIO tags; a stray ``I-`` starts a name."""
    spans: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and tag[2:] == kind
        if start is not None and not inside:
            spans.append((start, i, kind))
            start = None
        if tag != "O" and not inside:
            start, kind = i, tag[2:]
    return spans


class Recognizer:
    """Finds PER, LOC, ORG and MISC mentions in Arabic text.

    Args:
        model_dir: folder holding ``ner.crfsuite`` and ``ner-lexicon.json.gz``
            (default: the bundled ``models/data``).

    Raises:
        KhulasaError: the model files are missing or unreadable.
    """

    def __init__(self, model_dir: Path | None = None) -> None:
        folder = Path(model_dir) if model_dir is not None else bundled_data_dir()
        self.lexicon = Lexicon.load(folder / LEXICON_FILE)
        self._features = FeatureExtractor(self.lexicon)
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(folder / MODEL_FILE))
        except (OSError, ValueError) as exc:
            raise KhulasaError(f"{folder / MODEL_FILE}: cannot load the entity recogniser ({exc})") from exc
        self._lock = threading.Lock()

    def tag(self, tokens: Sequence[str], style: str = "h") -> list[str]:
        """BIO tags for one pre-tokenised sequence (``style``: see :func:`features.styles`)."""
        if not tokens:
            return []
        features = self._features.sequence(tokens, style)
        with self._lock:
            return list(self._tagger.tag(features))

    def find(self, text: str) -> list[Mention]:
        """Mentions in ``text`` with character spans, in text order.

        Spans cover whole tokens (words split from punctuation, clitics kept),
        the convention of the ANERcorp and NewsFANE annotations; quotes and
        other punctuation are never inside a span's edges.
        """
        seqs = sequences(text, tokenize(text))
        mentions = []
        for seq, style in zip(seqs, styles(text, seqs), strict=True):
            tags = self.tag([text[s:e] for s, e in seq], style)
            for first, stop, kind in decode_bio(tags):
                start, end = seq[first][0], seq[stop - 1][1]
                mentions.append(Mention(start, end, kind, text[start:end]))
        return mentions

    def complete(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` completed for display within one article, in text order.

        The display span rules of :mod:`models.ner.span_rules` (particles,
        trigger words and «الله» alone dropped, organisation heads, quotations,
        ranks, cut compound names) run before and after name propagation: a
        one-word PER/LOC/ORG name, or the last word of a person's name
        (``زغلول`` after ``سعد زغلول``), also marks its other standalone
        occurrences (``بزغلول``) when ``text`` uses that stem for one type
        only and the stem is neither a stop word nor a word seen mostly
        outside names in training (``Lexicon.common``).

        ``find`` alone is what the benchmarks score.
        """
        spans = tokenize(text)
        rules = SpanRules(text, spans, self.lexicon)
        mentions = rules.apply(mentions)
        stems = rules.stems
        kinds: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            words = m.text.split()
            if m.type != "MISC" and (len(words) == 1 or m.type == "PER"):
                kinds[stem_of(words[-1])].add(m.type)
        common = self.lexicon.common
        names = {stem: next(iter(k)) for stem, k in kinds.items()
                 if len(k) == 1 and len(stem) > 2 and stem not in common and stem not in STOP_WORDS}
        taken = [False] * (len(spans) + 1)
        starts = [s for s, _ in spans]
        for m in mentions:
            for i in range(max(0, bisect_right(starts, m.start) - 1), bisect_left(starts, m.end)):
                taken[i] = taken[i] or spans[i][1] > m.start
        added = [Mention(s, e, names[stems[i]], text[s:e]) for i, (s, e) in enumerate(spans)
                 if stems[i] in names and not (taken[i] or taken[i - 1] or taken[i + 1])]
        return rules.apply(mentions + added) if added else mentions


@lru_cache(maxsize=1)
def default_recognizer() -> Recognizer:
    """The bundled recogniser, loaded once per process.

    ``KHULASA_NER_DIR`` names another model folder (used to score development models).
    """
    override = os.environ.get("KHULASA_NER_DIR")
    return Recognizer(Path(override) if override else None)
