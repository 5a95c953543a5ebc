"""Experiment (not shipped): a small neural entity tagger on the tail-85 split, alone and with the CRF.

Needs training-only packages that the app never imports (``pip install torch==2.13.0 gensim==4.4.0``)::

    python -m training.neural_ner_experiment embed WORK   # fastText vectors (ANT + training part)
    python -m training.neural_ner_experiment train WORK --tag r2 --known --epochs 35 --patience 5
    python -m training.neural_ner_experiment combine WORK CRF_DEV_DIR r2,r3

``train`` scores the tagger on the development tail; ``combine`` averages its
token marginals with those of a CRF development model
(``python -m training.train_ner --dev CRF_DEV_DIR``) and decodes with BIO
constraints. Scores are in-process equivalents of ``../shared/tools/ner_eval.py``
(its ``gold_spans`` builds the text; sequences and styles as in
``Recognizer.find``). Figures: ``bench/results/ner.md``, "Neural tagger".
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from pathlib import Path

import numpy as np

from models.ner.features import FeatureExtractor, fold, sequences, split_proclitic, stem_of, styles, tokenize
from models.ner.lexicon import Lexicon
from models.ner.recognizer import Recognizer, decode_bio
from training.clusters import article_texts
from training.name_lists import person_words
from training.ner_data import REPO, SHARED, folds, gazetteer, harvest, load_corpora, split, write_conll

TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
TAG_ID = {t: i for i, t in enumerate(TAGS)}
KINDS = ("PER", "LOC", "ORG", "MISC")
MAX_CHARS = 16
N_FLAGS = 30
STYLE = {"anercorp": "h", "newsfane": "n"}
DIMS = 100


def _ner_eval():
    path = REPO.parent / "shared" / "tools" / "ner_eval.py"
    spec = importlib.util.spec_from_file_location("ner_eval", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def _torch_model():
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


def span_f1(golds, preds) -> float:
    tp = fp = fn = 0
    for g, p in zip(golds, preds, strict=True):
        gs, ps = set(decode_bio(g)), set(decode_bio(p))
        tp, fp, fn = tp + len(gs & ps), fp + len(ps - gs), fn + len(gs - ps)
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return 2 * precision * recall / max(1e-9, precision + recall)


def dev_parts(work: Path):
    """``(part, sequences, styles, text, gold)`` of each development file, as ``ner_eval.py`` builds them."""
    ner_eval = _ner_eval()
    split_dir = work / "split"
    _, dev = split(load_corpora())
    write_conll(dev, split_dir / "ner-dev.conll")
    for name in STYLE:
        write_conll([s for s in dev if s.corpus == name], split_dir / f"ner-dev-{name}.conll")
    for part in ("", "-anercorp", "-newsfane"):
        text, gold = ner_eval.gold_spans(ner_eval.read_conll(str(split_dir / f"ner-dev{part}.conll")))
        seqs = sequences(text, tokenize(text))
        yield part or "both", seqs, styles(text, seqs), text, gold


def report(name: str, pred: set, gold: set) -> None:
    prf = _ner_eval().prf
    cells = []
    for kind in KINDS:
        p, r, f = prf(*(len({x for x in s if x[2] == kind}) for s in (pred & gold, pred - gold, gold - pred)))
        cells.append(f"{kind} P{p:.3f} R{r:.3f} F{f:.3f}")
    p, r, f = prf(len(pred & gold), len(pred - gold), len(gold - pred))
    print(f"{name:24s} micro P {p:.3f} R {r:.3f} F1 {f:.3f} | " + " ".join(cells), flush=True)


def _spans(seq, tags) -> set:
    return {(seq[a][0], seq[b - 1][1], k) for a, b, k in decode_bio(tags)}


def _setup(work: Path):
    emb, vocab, counts = vectors(work)
    gaz_words, gaz_phrases = gazetteer()
    base = Lexicon(gazetteer=gaz_words, phrases=gaz_phrases, person=person_words(SHARED))
    return emb, Inputs(base, vocab, counts), base


def train(work: Path, args) -> None:
    torch, nn, tagger_class = _torch_model()
    t0 = time.time()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    sents, _ = split(load_corpora())
    emb, inputs, base = _setup(work)
    stop_slice = set()  # last 5 % of each corpus's training part: early stopping
    for name in STYLE:
        idx = [i for i, s in enumerate(sents) if s.corpus == name]
        stop_slice.update(idx[int(len(idx) * 0.95):])

    def item(s, grow=False):
        return inputs.sentence(s.tokens, STYLE[s.corpus], grow=grow)

    fit = []
    if args.known:
        fold_of = folds(sents, 2)
        for k in range(2):
            inputs.with_known(base, *harvest([s for s, f in zip(sents, fold_of, strict=True) if f != k]))
            fit += [item(s, True) + (np.array([TAG_ID[t] for t in valid(s.tags)]),)
                    for i, s in enumerate(sents) if i not in stop_slice and fold_of[i] == k]
        inputs.with_known(base, *harvest([s for i, s in enumerate(sents) if i not in stop_slice]))
    else:
        fit = [item(s, True) + (np.array([TAG_ID[t] for t in valid(s.tags)]),)
               for i, s in enumerate(sents) if i not in stop_slice]
    held = [item(s) for i, s in enumerate(sents) if i in stop_slice]
    held_gold = [list(s.tags) for i, s in enumerate(sents) if i in stop_slice]
    model = tagger_class(emb, len(inputs.chars) + 2, len(inputs.prefixes) + 1,
                         hidden=args.hidden, drop=args.drop)
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    order = sorted(range(len(fit)), key=lambda i: len(fit[i][0]))
    batches = [order[k:k + 32] for k in range(0, len(order), 32)]
    best, best_state, bad = -1.0, None, 0
    rng = random.Random(args.seed)
    for epoch in range(args.epochs):
        model.train()
        rng.shuffle(batches)
        for b in batches:
            items = []
            for i in b:
                w, s, p, c, f, y = fit[i]
                keep = np.random.rand(len(w)) >= args.wdrop
                w = np.where(keep, w, 1)
                s = np.where(keep | (np.random.rand(len(w)) < 0.5), s, 1)
                items.append((w, s, p, c, f, y))
            xs, y, lens = pad(items, torch)
            loss = model.nll(model.emissions(*xs), y, lens)
            opt.zero_grad()
            (loss / len(b)).backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
        f1 = span_f1(held_gold, predict(model, held, torch))
        print(f"epoch {epoch} stop-slice F1 {f1:.4f} ({time.time() - t0:.0f}s)", flush=True)
        if f1 > best:
            best, bad = f1, 0
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            bad += 1
            if bad >= args.patience:
                break
    model.load_state_dict(best_state)
    if args.known:
        inputs.with_known(base, *harvest(sents))
    torch.save({"state": best_state, "chars": inputs.chars, "prefs": inputs.prefixes, "known": args.known},
               work / f"{args.tag}.pt")
    for part, seqs, seq_styles, text, gold in dev_parts(work):
        items = [inputs.sentence([text[s:e] for s, e in seq], st)
                 for seq, st in zip(seqs, seq_styles, strict=True)]
        tags = predict(model, items, torch)
        pred = set().union(*(_spans(seq, t) for seq, t in zip(seqs, tags, strict=True)))
        report(f"{args.tag} {part}", pred, gold)


def combine(work: Path, crf_dir: Path, tags: list[str]) -> None:
    """CRF + neural runs: weighted mean of token marginals, BIO-constrained Viterbi; also a span union."""
    torch, _, tagger_class = _torch_model()
    torch.set_num_threads(1)
    sents, _ = split(load_corpora())
    emb, inputs, base = _setup(work)
    inputs.with_known(base, *harvest(sents))
    models = []
    for tag in tags:
        saved = torch.load(work / f"{tag}.pt")
        inputs.chars, inputs.prefixes = saved["chars"], saved["prefs"]
        model = tagger_class(emb, len(inputs.chars) + 2, len(inputs.prefixes) + 1,
                             hidden=saved["state"]["lstm.weight_hh_l0"].shape[1])
        model.load_state_dict(saved["state"])
        models.append((model, dict(saved["chars"]), dict(saved["prefs"])))
    crf = Recognizer(crf_dir)
    labels = set(crf._tagger.labels())
    trans_mask, start_mask = bio_masks()
    weights = (0.0, 0.3, 0.5, 0.7, 1.0)
    for part, seqs, seq_styles, text, gold in dev_parts(work):
        pred: dict = {w: set() for w in (*weights, "union")}
        for seq, style in zip(seqs, seq_styles, strict=True):
            toks = [text[s:e] for s, e in seq]
            crf._tagger.set(crf._features.sequence(toks, style))
            crf_tags = list(crf._tagger.tag())
            crf_m = np.array([[crf._tagger.marginal(lab, t) if lab in labels else 0.0 for lab in TAGS]
                              for t in range(len(toks))])
            neural = []
            for model, chars, prefs in models:
                inputs.chars, inputs.prefixes = chars, prefs
                em = emissions(model, [inputs.sentence(toks, style)], torch)[0]
                neural.append(marginals(em, *model.decoding()))
            nm = np.mean(neural, axis=0)
            for w in weights:
                path = viterbi(np.log(w * nm + (1 - w) * crf_m + 1e-9), trans_mask, start_mask)
                pred[w] |= _spans(seq, [TAGS[i] for i in path])
            neural_tags = [TAGS[i] for i in viterbi(np.log(nm + 1e-9), trans_mask, start_mask)]
            taken = {i for a, b, _ in decode_bio(crf_tags) for i in range(a, b)}
            extra = ["O"] * len(toks)
            for a, b, k in decode_bio(neural_tags):
                if not taken & set(range(a, b)):
                    extra[a:b] = ["B-" + k] + ["I-" + k] * (b - a - 1)
            pred["union"] |= _spans(seq, crf_tags) | _spans(seq, extra)
        for w, spans in pred.items():
            report(f"{part} w={w}", spans, gold)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    for name in ("embed", "train", "combine"):
        p = sub.add_parser(name)
        p.add_argument("work", type=Path, help="folder for vectors, checkpoints and the dev files")
        p.add_argument("--seed", type=int, default=13)
    t = sub.choices["train"]
    t.add_argument("--tag", default="run")
    t.add_argument("--known", action="store_true", help="harvested training-name flags (jackknifed)")
    t.add_argument("--epochs", type=int, default=20)
    t.add_argument("--patience", type=int, default=4)
    t.add_argument("--hidden", type=int, default=128)
    t.add_argument("--lr", type=float, default=2e-3)
    t.add_argument("--wdrop", type=float, default=0.1)
    t.add_argument("--drop", type=float, default=0.5)
    t.add_argument("--threads", type=int, default=1)
    c = sub.choices["combine"]
    c.add_argument("crf_dir", type=Path)
    c.add_argument("tags", help="comma-separated checkpoint tags")
    args = ap.parse_args(argv)
    if args.command == "embed":
        embed(args.work, args.seed)
    elif args.command == "train":
        train(args.work, args)
    else:
        combine(args.work, args.crf_dir, args.tags.split(","))
    return 0


if __name__ == "__main__":
    sys.exit(main())
