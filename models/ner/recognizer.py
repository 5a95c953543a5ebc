"""The CRF entity recogniser that ships with the app (``models/data/ner*``)."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from models.article import Mention
from models.errors import KhulasaError
from models.ner.features import FeatureExtractor, sequences, styles, tokenize
from models.ner.lexicon import Lexicon
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
            return self._tagger.tag(features)

    def find(self, text: str) -> list[Mention]:
        """Mentions in ``text`` with character spans, in text order.

        Spans cover whole tokens (words split from punctuation, clitics kept),
        the convention of the ANERcorp and NewsFANE annotations; quotes and
        other punctuation are never inside a span's edges.
        """
        mentions = []
        seqs = sequences(text, tokenize(text))
        for seq, style in zip(seqs, styles(text, seqs), strict=True):
            tags = self.tag([text[s:e] for s, e in seq], style)
            for first, stop, kind in decode_bio(tags):
                start, end = seq[first][0], seq[stop - 1][1]
                mentions.append(Mention(start, end, kind, text[start:end]))
        return mentions


@lru_cache(maxsize=1)
def default_recognizer() -> Recognizer:
    """The bundled recogniser, loaded once per process.

    ``KHULASA_NER_DIR`` names another model folder (used to score development models).
    """
    override = os.environ.get("KHULASA_NER_DIR")
    return Recognizer(Path(override) if override else None)
