"""Word clusters from unlabelled Arabic: PPMI + randomised SVD + k-means, in numpy.

Words are folded stems (see :mod:`models.ner.features`). Each word gets a fine
and a coarse cluster id, used as CRF features so that rare names share weights
with frequent words that occur in similar contexts.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from models.ner.features import stem_of

WINDOW = 2
CONTEXTS = 2000
MAX_WORDS = 40000
MIN_COUNT = 3
DIMS = 100


def article_texts(path: Path) -> list[str]:
    """Title and text of every article in an ANT-style JSONL file."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append(row.get("title", "") + "\n" + row.get("text", ""))
    return out


def _kmeans(x: np.ndarray, k: int, rng: np.random.Generator, iterations: int = 25) -> np.ndarray:
    centres = x[rng.choice(len(x), size=k, replace=False)]
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(x @ centres.T, axis=1)
        for j in range(k):
            members = x[labels == j]
            if len(members):
                c = members.sum(axis=0)
                centres[j] = c / (np.linalg.norm(c) + 1e-9)
    return labels


def clusters(sequences: Iterable[list[str]], *, seed: int, sizes: tuple[int, ...] = (1024, 256, 48)
             ) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Cluster ids at each granularity of ``sizes`` (finest first) for the frequent stems of
    ``sequences``, and their frequency bands (:func:`band`)."""
    seqs = [[stem_of(t) for t in seq] for seq in sequences]
    counts = Counter(w for seq in seqs for w in seq)
    vocab = [w for w, c in counts.most_common(MAX_WORDS) if c >= MIN_COUNT]
    index = {w: i for i, w in enumerate(vocab)}
    ctx_index = {w: i for i, w in enumerate(vocab[:CONTEXTS])}
    rows, cols = [], []
    for seq in seqs:
        ids = [index.get(w, -1) for w in seq]
        ctx = [ctx_index.get(w, -1) for w in seq]
        n = len(seq)
        for i, wi in enumerate(ids):
            if wi < 0:
                continue
            for j in range(max(0, i - WINDOW), min(n, i + WINDOW + 1)):
                if j != i and ctx[j] >= 0:
                    rows.append(wi)
                    cols.append(ctx[j])
    n_ctx = min(CONTEXTS, len(vocab))
    flat = np.asarray(rows, dtype=np.int64) * n_ctx + np.asarray(cols, dtype=np.int64)
    m = np.bincount(flat, minlength=len(vocab) * n_ctx).reshape(len(vocab), n_ctx).astype(np.float32)
    word_sum = m.sum(axis=1, keepdims=True)
    ctx_p = m.sum(axis=0) ** 0.75
    ctx_p /= ctx_p.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(m / (word_sum + 1e-12) / ctx_p[None, :])
    ppmi = np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0.0)
    rng = np.random.default_rng(seed)
    q, _ = np.linalg.qr(ppmi @ rng.standard_normal((n_ctx, DIMS + 20)))
    for _ in range(2):
        q, _ = np.linalg.qr(ppmi @ (ppmi.T @ q))
    u, s, _ = np.linalg.svd(q.T @ ppmi, full_matrices=False)
    vectors = (q @ u)[:, :DIMS] * np.sqrt(s[:DIMS])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    ids = [_kmeans(vectors, k, rng) for k in sizes]
    return ({w: tuple(str(level[i]) for level in ids) for i, w in enumerate(vocab)},
            {w: band(counts[w]) for w in vocab})


def band(count: int) -> str:
    """A stem's frequency band in the unlabelled text: ``1`` (< 10), ``2`` (< 100), ``3`` (< 1000), ``4``."""
    return str(min(4, len(str(count))))
