"""Model folder layouts and SentencePiece tokenisation with character spans.

A model folder is one of:

- OPUS-MT converted: ``model.bin`` with ``source.spm`` and ``target.spm`` beside it;
- Argos Translate package: ``model/`` (the CTranslate2 model), ``sentencepiece.model``, ``metadata.json``;
- a multilingual CTranslate2 model (NLLB, M2M100) with one SentencePiece model
  (``sentencepiece.bpe.model`` or ``sentencepiece.model``); its language tokens
  are found in the vocabulary.

Source text is cut into whitespace-separated words and each word is encoded on
its own: SentencePiece never joins pieces across whitespace, so the pieces are
those of the whole text, and every piece knows the word (and character span)
it came from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import sentencepiece as spm

from models.errors import ModelError

MANIFEST = "khulasa-model.json"
_SPM_NAMES = ("sentencepiece.bpe.model", "sentencepiece.model", "spm.model")
_VOCAB_NAMES = ("shared_vocabulary.json", "shared_vocabulary.txt", "target_vocabulary.json",
                "target_vocabulary.txt")
# (source prefix, target prefix) for multilingual vocabularies, checked in order.
_LANGUAGE_TOKENS = (("arb_Arab", "eng_Latn"), ("__ar__", "__en__"))
_WORD = re.compile(r"\S+")
_BREAK_AFTER = ("،", "؛", ",", ";", ":", "؟", "?", "!")


@dataclass(frozen=True, slots=True)
class ModelFiles:
    """Where the parts of one model folder are, and how it expects its input."""

    root: Path
    ct2_dir: Path
    source_spm: Path
    target_spm: Path
    source_prefix: tuple[str, ...] = ()
    target_prefix: tuple[str, ...] = ()
    add_source_bos: bool = False
    manifest: dict | None = None

    @property
    def layout(self) -> str:
        if self.ct2_dir != self.root:
            return "argos"
        return "multilingual" if self.target_prefix else "opus-mt"


def _first(folder: Path, names: tuple[str, ...]) -> Path | None:
    return next((folder / n for n in names if (folder / n).is_file()), None)


def _read_vocabulary(ct2_dir: Path) -> set[str]:
    path = _first(ct2_dir, _VOCAB_NAMES)
    if path is None:
        return set()
    text = path.read_text(encoding="utf-8")
    return set(json.loads(text)) if path.suffix == ".json" else set(text.splitlines())


def find_model_files(folder: str | Path) -> ModelFiles:
    """Recognise a model folder's layout.

    Raises:
        ModelError: the folder holds no CTranslate2 model or no SentencePiece model.
    """
    root = Path(folder)
    if not root.is_dir():
        raise ModelError(f"{root}: not a model folder")
    ct2_dir = root if (root / "model.bin").is_file() else root / "model"
    if not (ct2_dir / "model.bin").is_file():
        raise ModelError(f"{root}: no CTranslate2 model (model.bin) in this folder")
    shared = _first(root, _SPM_NAMES) or _first(ct2_dir, _SPM_NAMES)
    source = root / "source.spm" if (root / "source.spm").is_file() else shared
    target = root / "target.spm" if (root / "target.spm").is_file() else shared
    if source is None or target is None:
        raise ModelError(f"{root}: no SentencePiece model (source.spm/target.spm or sentencepiece.model)")
    try:
        config = json.loads((ct2_dir / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        config = {}
    manifest = None
    if (root / MANIFEST).is_file():
        try:
            manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            manifest = None
    source_prefix: tuple[str, ...] = ()
    target_prefix: tuple[str, ...] = ()
    vocabulary = _read_vocabulary(ct2_dir)
    for src_token, tgt_token in _LANGUAGE_TOKENS:
        if src_token in vocabulary and tgt_token in vocabulary:
            source_prefix, target_prefix = (src_token,), (tgt_token,)
            break
    return ModelFiles(root, ct2_dir, source, target, source_prefix, target_prefix,
                      bool(config.get("add_source_bos")), manifest)


@dataclass(frozen=True, slots=True)
class Encoded:
    """One text as model input: ``pieces[k]`` came from word ``piece_word[k]``.

    ``breaks[w]`` tells whether word ``w`` ends with clause punctuation (a good place to cut).
    """

    words: tuple[tuple[int, int], ...]
    pieces: tuple[str, ...]
    piece_word: tuple[int, ...]
    breaks: tuple[bool, ...]

    def segments(self, limit: int) -> list[tuple[int, int]]:
        """Cut into word ranges ``[first, last)`` of at most ``limit`` pieces.

        Cuts go after the last Arabic or Latin comma/semicolon (or other
        clause punctuation) that fits, else at the last word that fits; a
        single word longer than ``limit`` stays whole (the model truncates it).
        """
        counts = [0] * len(self.words)
        for w in self.piece_word:
            counts[w] += 1
        out: list[tuple[int, int]] = []
        first = 0
        while first < len(self.words):
            total, last, soft = 0, first, None
            while last < len(self.words) and (total + counts[last] <= limit or last == first):
                total += counts[last]
                last += 1
                if self.breaks[last - 1]:
                    soft = last
            if last < len(self.words) and soft is not None and soft > first:
                last = soft
            out.append((first, last))
            first = last
        return out


class Tokenizer:
    """Source and target SentencePiece models of one model folder."""

    def __init__(self, files: ModelFiles) -> None:
        try:
            self._source = spm.SentencePieceProcessor(model_file=str(files.source_spm))
            self._target = (self._source if files.target_spm == files.source_spm
                            else spm.SentencePieceProcessor(model_file=str(files.target_spm)))
        except (OSError, RuntimeError) as exc:
            raise ModelError(f"{files.root}: unreadable SentencePiece model ({exc})") from exc

    def encode(self, text: str) -> Encoded:
        """Pieces of ``text`` with, for each piece, the index of its word in ``Encoded.words``."""
        words = tuple(m.span() for m in _WORD.finditer(text))
        encoded = self._source.encode([text[s:e] for s, e in words], out_type=str) if words else []
        pieces: list[str] = []
        piece_word: list[int] = []
        for index, word_pieces in enumerate(encoded):
            pieces.extend(word_pieces)
            piece_word.extend([index] * len(word_pieces))
        breaks = tuple(text[e - 1] in _BREAK_AFTER for _, e in words)
        return Encoded(words, tuple(pieces), tuple(piece_word), breaks)

    def decode(self, pieces: list[str]) -> tuple[str, list[tuple[int, int]], list[int]]:
        """Target text, its word spans, and for each piece the index of its word (-1 if none)."""
        groups: list[list[str]] = []
        piece_word: list[int] = []
        for piece in pieces:
            if piece.startswith("▁") or not groups:
                groups.append([])
            groups[-1].append(piece)
            piece_word.append(len(groups) - 1)
        text = self._target.decode(pieces)
        spans: list[tuple[int, int]] = []
        cursor = 0
        for word in self._target.decode(groups) if groups else []:
            word = word.strip()
            at = text.find(word, cursor) if word else -1
            if at < 0:
                spans.append((-1, -1))
                continue
            spans.append((at, at + len(word)))
            cursor = at + len(word)
        return text, spans, piece_word
