"""Experiment (not shipped): the neural entity tagger of ``training/neural_ner_experiment.py``.

fastText vectors of folded words and stems, a character CNN and the CRF's lexicon flags feed a
BiLSTM with a BIO-constrained CRF on top (PyTorch, training-only; see docs/DEPENDENCIES.md);
Viterbi decoding and forward-backward marginals in numpy.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from models.ner.features import FeatureExtractor, fold, split_proclitic, stem_of, tokenize
from models.ner.lexicon import Lexicon
from training.clusters import article_texts
from training.ner_data import SHARED, load_corpora, split

TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
TAG_ID = {t: i for i, t in enumerate(TAGS)}
KINDS = ("PER", "LOC", "ORG", "MISC")
MAX_CHARS = 16
N_FLAGS = 30
STYLE = {"anercorp": "h", "newsfane": "n"}
DIMS = 100


def bio_masks() -> tuple[np.ndarray, np.ndarray]:
    """Additive masks (0 or -1e4) of allowed transitions and allowed first tags."""
    ok = np.ones((9, 9), bool)
    for j, t in enumerate(TAGS):
        if t.startswith("I-"):
            ok[:, j] = [s[2:] == t[2:] for s in TAGS]
    first = np.array([not t.startswith("I-") for t in TAGS])
    return np.where(ok, 0.0, -1e4), np.where(first, 0.0, -1e4)


def valid(tags) -> list[str]:
    """BIO tags with a stray ``I-`` turned into ``B-`` (how :func:`decode_bio` reads them)."""
    out, prev = [], "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def embed(work: Path, seed: int) -> None:
    """fastText vectors of folded tokens: all ANT articles (per line) and the training part of tail-85."""
    from gensim.models import FastText

    train, _ = split(load_corpora())
    seqs = []
    for text in article_texts(SHARED / "articles" / "ant-all.jsonl"):
        for line in text.split("\n"):
            toks = [fold(line[s:e]) for s, e in tokenize(line)]
            if toks:
                seqs.append(toks)
    seqs += [[fold(t) for t in s.tokens] for s in train]
    model = FastText(vector_size=DIMS, window=5, min_count=2, sg=1, min_n=2, max_n=5, bucket=400000,
                     workers=2, seed=seed, epochs=5)
    model.build_vocab(corpus_iterable=seqs)
    model.train(corpus_iterable=seqs, total_examples=len(seqs), epochs=5)
    work.mkdir(parents=True, exist_ok=True)
    model.save(str(work / "ft.model"))
    print(f"{len(seqs)} sequences, {sum(map(len, seqs))} tokens, {len(model.wv)} words")


class Inputs:
    """Per-token model inputs: word and stem vector ids, proclitic id, characters, lexicon flags."""

    def __init__(self, lexicon: Lexicon, vocab: dict[str, int], counts: dict[str, int]) -> None:
        self.lexicon = lexicon
        self.extractor = FeatureExtractor(lexicon)
        self.vocab, self.counts = vocab, counts
        self.chars: dict[str, int] = {}
        self.prefixes: dict[str, int] = {}

    def with_known(self, base: Lexicon, known: dict[str, str], phrases: dict[str, str]) -> None:
        self.lexicon = base.with_known(known, phrases)
        self.extractor = FeatureExtractor(self.lexicon)

    def _flags(self, token: str, w: str, stem: str) -> np.ndarray:
        lex = self.lexicon
        f = np.zeros(N_FLAGS, np.float32)
        person = lex.person.get(stem)
        if person:
            f[0 if person == "hi" else 1] = 1
        for key in {w, stem}:
            for g in lex.gazetteer.get(key, ()):
                f[2 + KINDS.index(g)] = 1
            trigger = lex.triggers.get(key)
            if trigger:
                f[6 + KINDS.index(trigger)] = 1
        count = self.counts.get(stem, 0)
        f[9 + min(4, len(str(count)) if count else 0)] = 1
        if not any("\u0621" <= ch <= "\u064A" for ch in w):
            latin = any(ch.isascii() and ch.isalpha() for ch in w)
            f[14 + (0 if latin else 1 if any(ch.isdigit() for ch in w) else 2)] = 1
        if any(ch in "أإآ" for ch in token):
            f[17] = 1
        f[18] = min(len(stem), 10) / 10
        for key in {w, stem}:
            known = lex.known.get(key)
            if known:
                kind, level = known.split(":")
                f[22 + 2 * KINDS.index(kind) + (level == "hi")] = 1
        return f

    def sentence(self, tokens, style: str, grow: bool = False) -> tuple[np.ndarray, ...]:
        words, stems, prefs, chars, flags = [], [], [], [], []
        for token in tokens:
            w = fold(token)
            pre, stem = split_proclitic(w)
            if grow:
                for ch in w[:MAX_CHARS]:
                    self.chars.setdefault(ch, len(self.chars) + 2)
                self.prefixes.setdefault(pre, len(self.prefixes) + 1)
            words.append(self.vocab.get(w, 1))
            stems.append(self.vocab.get(stem, 1))
            prefs.append(self.prefixes.get(pre, 0))
            chars.append([self.chars.get(ch, 1) for ch in w[:MAX_CHARS]])
            flags.append(self._flags(token, w, stem))
        feats = np.stack(flags)
        for i, marks in enumerate(self.extractor._phrases([stem_of(t) for t in tokens])):
            feats[i, 19] = max(feats[i, 19], any(m.startswith("m=B") for m in marks))
            feats[i, 20] = max(feats[i, 20], any(m.startswith("m=I") for m in marks))
        feats[:, 21] = 1.0 if style == "h" else 0.0
        char_ids = np.zeros((len(tokens), MAX_CHARS), np.int64)
        for i, c in enumerate(chars):
            char_ids[i, :len(c)] = c
        return np.array(words), np.array(stems), np.array(prefs), char_ids, feats


def vectors(work: Path) -> tuple[np.ndarray, dict[str, int], dict[str, int]]:
    """Unit-length vectors of the fastText words and their stems (ids 0/1: padding/unknown), stem counts."""
    from gensim.models import FastText

    ft = FastText.load(str(work / "ft.model"))
    counts: dict[str, int] = {}
    vocab: dict[str, int] = {}
    rows = [np.zeros(DIMS, np.float32), np.zeros(DIMS, np.float32)]
    for w in ft.wv.index_to_key:
        stem = split_proclitic(w)[1]
        counts[stem] = counts.get(stem, 0) + ft.wv.get_vecattr(w, "count")
        for x in (w, stem):
            if x not in vocab:
                vocab[x] = len(rows)
                rows.append(ft.wv[x])
    emb = np.stack(rows).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True).clip(1e-6)
    return emb, vocab, counts


def torch_model():
    import torch
    from torch import nn

    class Tagger(nn.Module):
        """Characters CNN + frozen vectors + flags -> BiLSTM -> CRF (BIO-constrained)."""

        def __init__(self, emb, n_chars, n_pref, hidden=128, cdim=32, cfil=64, drop=0.5):
            super().__init__()
            self.wemb = nn.Embedding.from_pretrained(torch.tensor(emb), freeze=True)
            self.cemb = nn.Embedding(n_chars, cdim, padding_idx=0)
            self.conv = nn.Conv1d(cdim, cfil, 3, padding=1)
            self.pemb = nn.Embedding(n_pref, 8)
            self.drop = nn.Dropout(drop)
            self.lstm = nn.LSTM(emb.shape[1] * 2 + cfil + 8 + N_FLAGS, hidden, batch_first=True,
                                bidirectional=True)
            self.out = nn.Linear(2 * hidden, 9)
            self.trans = nn.Parameter(torch.zeros(9, 9))
            self.start = nn.Parameter(torch.zeros(9))
            trans_mask, start_mask = bio_masks()
            self.register_buffer("mask", torch.tensor(trans_mask, dtype=torch.float32))
            self.register_buffer("smask", torch.tensor(start_mask, dtype=torch.float32))

        def emissions(self, w, s, p, c, f):
            b, t, n = c.shape
            ce = self.cemb(c.view(b * t, n)).transpose(1, 2)
            ce = torch.relu(self.conv(ce)).max(dim=2).values.view(b, t, -1)
            x = torch.cat([self.wemb(w), self.wemb(s), ce, self.pemb(p), f], dim=2)
            h, _ = self.lstm(self.drop(x))
            return self.out(self.drop(h))

        def nll(self, em, tags, lens):
            trans, start = self.trans + self.mask, self.start + self.smask
            mask = torch.arange(em.shape[1])[None, :] < lens[:, None]
            alpha = start[None] + em[:, 0]
            score = start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
            for t in range(1, em.shape[1]):
                nxt = torch.logsumexp(alpha[:, :, None] + trans[None] + em[:, t, None, :], dim=1)
                alpha = torch.where(mask[:, t, None], nxt, alpha)
                step = trans[tags[:, t - 1], tags[:, t]] + em[:, t].gather(1, tags[:, t:t + 1]).squeeze(1)
                score = score + step * mask[:, t]
            return (torch.logsumexp(alpha, 1) - score).sum()

        def decoding(self):
            return (self.trans + self.mask).detach().numpy(), (self.start + self.smask).detach().numpy()

    return torch, nn, Tagger


def viterbi(em: np.ndarray, trans: np.ndarray, start: np.ndarray) -> list[int]:
    score = start + em[0]
    back = np.zeros((len(em), 9), np.int64)
    for t in range(1, len(em)):
        cand = score[:, None] + trans
        back[t] = cand.argmax(0)
        score = cand.max(0) + em[t]
    path = [int(score.argmax())]
    for t in range(len(em) - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def _lse(x: np.ndarray, axis: int) -> np.ndarray:
    m = x.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))).squeeze(axis)


def marginals(em: np.ndarray, trans: np.ndarray, start: np.ndarray) -> np.ndarray:
    """Token tag posteriors of a linear-chain CRF (forward-backward in log space)."""
    a, b = np.zeros_like(em, dtype=np.float64), np.zeros_like(em, dtype=np.float64)
    a[0] = start + em[0]
    for t in range(1, len(em)):
        a[t] = _lse(a[t - 1][:, None] + trans, 0) + em[t]
    for t in range(len(em) - 2, -1, -1):
        b[t] = _lse(trans + (em[t + 1] + b[t + 1])[None, :], 1)
    return np.exp(a + b - _lse(a[-1], 0))


def pad(batch, torch):
    """Padded tensors (word, stem, prefix, chars, flags), gold tag ids (when given) and lengths."""
    t, b = max(len(x[0]) for x in batch), len(batch)
    arrays = [np.ones((b, t), np.int64), np.ones((b, t), np.int64), np.zeros((b, t), np.int64),
              np.zeros((b, t, MAX_CHARS), np.int64), np.zeros((b, t, N_FLAGS), np.float32)]
    gold = np.zeros((b, t), np.int64)
    for i, x in enumerate(batch):
        for array, part in zip(arrays, x[:5], strict=True):
            array[i, :len(x[0])] = part
        if len(x) > 5:
            gold[i, :len(x[0])] = x[5]
    lens = np.array([len(x[0]) for x in batch])
    return [torch.tensor(a) for a in arrays], torch.tensor(gold), torch.tensor(lens)


def emissions(model, items, torch) -> list[np.ndarray]:
    """Emission scores per item (batches of 64 of similar length)."""
    model.eval()
    out: list[np.ndarray] = [np.zeros(0)] * len(items)
    order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
    with torch.no_grad():
        for k in range(0, len(order), 64):
            idx = order[k:k + 64]
            xs, _, lens = pad([items[i] for i in idx], torch)
            em = model.emissions(*xs).numpy()
            for j, i in enumerate(idx):
                out[i] = em[j, :lens[j]]
    return out


def predict(model, items, torch) -> list[list[str]]:
    trans, start = model.decoding()
    return [[TAGS[t] for t in viterbi(em, trans, start)] for em in emissions(model, items, torch)]
