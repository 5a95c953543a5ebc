"""Word alignment from the model's attention, as character spans.

For each target word the attention of its pieces is summed per source word and
the most attended source word is taken (the usual argmax alignment; OPUS-MT
models are trained with guided alignment on the layer CTranslate2 returns).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def _starts(groups: Sequence[int]) -> list[int]:
    """Positions where a run of equal values in ``groups`` starts."""
    return [k for k, g in enumerate(groups) if k == 0 or g != groups[k - 1]]


def word_alignment(
    attention: Sequence[Sequence[float]],
    *,
    source_words: Sequence[tuple[int, int]],
    source_piece_word: Sequence[int],
    source_column: int,
    target_spans: Sequence[tuple[int, int]],
    target_piece_word: Sequence[int],
) -> list[tuple[int, int, int, int]]:
    """``(src_start, src_end, tgt_start, tgt_end)`` for each target word, in target order.

    Args:
        attention: one row per target piece, one column per model input position.
        source_words: character spans of the source words.
        source_piece_word: source word index of each source piece (non-decreasing).
        source_column: attention column of the first source piece (after prefix tokens).
        target_spans: character spans of the target words (``(-1, -1)`` when not located).
        target_piece_word: target word index of each target piece (non-decreasing).
    """
    if not attention or not source_piece_word or not target_piece_word:
        return []
    rows = np.asarray(attention, dtype=np.float32)
    rows = rows[-len(target_piece_word):, source_column:source_column + len(source_piece_word)]
    if rows.shape[1] != len(source_piece_word) or rows.shape[0] != len(target_piece_word):
        return []
    src_starts = _starts(source_piece_word)
    tgt_starts = _starts(target_piece_word)
    by_word = np.add.reduceat(np.add.reduceat(rows, src_starts, axis=1), tgt_starts, axis=0)
    best = by_word.argmax(axis=1)
    out: list[tuple[int, int, int, int]] = []
    for row, column in enumerate(best):
        tgt_start, tgt_end = target_spans[target_piece_word[tgt_starts[row]]]
        if tgt_start < 0:
            continue
        src_start, src_end = source_words[source_piece_word[src_starts[int(column)]]]
        out.append((src_start, src_end, tgt_start, tgt_end))
    return out
