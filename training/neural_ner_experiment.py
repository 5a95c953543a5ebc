"""Experiment (not shipped): a small neural entity tagger on the tail-85 split, alone and with the CRF.

Needs training-only packages that the app never imports (``pip install torch==2.13.0 gensim==4.4.0``)::

    python -m training.neural_ner_experiment embed WORK   # fastText vectors (ANT + training part)
    python -m training.neural_ner_experiment train WORK --tag r2 --known --epochs 35 --patience 5
    python -m training.neural_ner_experiment combine WORK CRF_DEV_DIR r2,r3
    python -m training.neural_ner_experiment stack WORK r2 --known --epochs 35 --patience 5

``train`` scores the tagger on the development tail; ``combine`` averages its
token marginals with those of a CRF development model
(``python -m training.train_ner --dev CRF_DEV_DIR``) and decodes with BIO
constraints; ``stack`` trains the CRF recipe of ``training/train_ner.py`` with
the tagger's tags as extra features (jackknifed like the harvested lists).
Scores are in-process equivalents of ``../shared/tools/ner_eval.py`` (its
``gold_spans`` builds the text; sequences and styles as in ``Recognizer.find``).
Figures: ``bench/results/ner.md``, "Neural tagger".
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from pathlib import Path

import numpy as np

from models.ner.features import FeatureExtractor, sequences, styles, tokenize
from models.ner.lexicon import Lexicon
from models.ner.recognizer import Recognizer, decode_bio
from training.clusters import article_texts
from training.name_lists import person_words
from training.ner_data import REPO, SHARED, folds, gazetteer, harvest, load_corpora, split, write_conll
from training.neural_ner_model import (
    KINDS,
    STYLE,
    TAG_ID,
    TAGS,
    Inputs,
    bio_masks,
    embed,
    emissions,
    marginals,
    pad,
    predict,
    torch_model,
    valid,
    vectors,
    viterbi,
)


def _ner_eval():
    path = REPO.parent / "shared" / "tools" / "ner_eval.py"
    spec = importlib.util.spec_from_file_location("ner_eval", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def fit(sents, args, emb, inputs: Inputs, base: Lexicon):
    """A tagger trained on ``sents`` (early stopping on their last 5 % per corpus); ``inputs`` end up
    with the lists harvested from all of ``sents``."""
    torch, nn, tagger_class = torch_model()
    t0 = time.time()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
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
    return model, best_state


def train(work: Path, args) -> None:
    torch = torch_model()[0]
    sents, _ = split(load_corpora())
    emb, inputs, base = _setup(work)
    model, best_state = fit(sents, args, emb, inputs, base)
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
    torch, _, tagger_class = torch_model()
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


def _neural_features(m: np.ndarray) -> list[list[str]]:
    """CRF features from neural token marginals: the top tag with a confidence band, also at ±1."""
    own = []
    for row in m:
        j = int(row.argmax())
        band = "h" if row[j] > 0.9 else "m" if row[j] > 0.6 else "l"
        own.append([f"nn={TAGS[j]}", f"nn={TAGS[j]}|{band}"])
    out = []
    for i, feats in enumerate(own):
        near = [f"-1{own[i - 1][0]}"] if i else []
        near += [f"+1{own[i + 1][0]}"] if i + 1 < len(own) else []
        out.append(feats + near)
    return out


def stack(work: Path, args) -> None:
    """A CRF (the shipped recipe) with neural tags as features; training features come from taggers
    trained on the other jackknife half, development features from checkpoint ``args.tag``."""
    import pycrfsuite

    from training.clusters import clusters
    from training.ner_data import common_words, name_words
    from training.train_ner import STYLE as CRF_STYLE
    from training.train_ner import UNLABELLED

    torch, _, tagger_class = torch_model()
    sents, _ = split(load_corpora())
    emb, inputs, base = _setup(work)
    fold_of = folds(sents, 2)
    neural: dict[int, list[list[str]]] = {}
    for k in range(2):
        half = Inputs(base, inputs.vocab, inputs.counts)
        members = [s for s, f in zip(sents, fold_of, strict=True) if f != k]
        model, _ = fit(members, args, emb, half, base)
        for i, s in enumerate(sents):
            if fold_of[i] == k:
                em = emissions(model, [half.sentence(s.tokens, STYLE[s.corpus])], torch)[0]
                neural[i] = _neural_features(marginals(em, *model.decoding()))
    saved = torch.load(work / f"{args.tag}.pt")
    inputs.chars, inputs.prefixes = saved["chars"], saved["prefs"]
    inputs.with_known(base, *harvest(sents))
    full = tagger_class(emb, len(inputs.chars) + 2, len(inputs.prefixes) + 1,
                        hidden=saved["state"]["lstm.weight_hh_l0"].shape[1])
    full.load_state_dict(saved["state"])

    gaz_words, gaz_phrases = gazetteer()
    unlabelled = [[t[s:e] for s, e in tokenize(t)] for t in article_texts(SHARED / "articles" / UNLABELLED)]
    word_clusters, frequency = clusters(unlabelled + [list(s.tokens) for s in sents], seed=13)
    crf_base = Lexicon(gazetteer=gaz_words, phrases=gaz_phrases, clusters=word_clusters, frequency=frequency,
                       names=frozenset(name_words(sents)), common=frozenset(common_words(sents)),
                       person=person_words(SHARED))
    trainer = pycrfsuite.Trainer(verbose=False)
    for k in range(2):
        extractor = FeatureExtractor(crf_base.with_known(*harvest(
            [s for s, f in zip(sents, fold_of, strict=True) if f != k])))
        for i, s in enumerate(sents):
            if fold_of[i] == k:
                feats = extractor.sequence(s.tokens, CRF_STYLE[s.corpus])
                trainer.append([a + b for a, b in zip(feats, neural[i], strict=True)], list(s.tags))
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True})
    trainer.train(str(work / "stack.crfsuite"))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(work / "stack.crfsuite"))
    extractor = FeatureExtractor(crf_base.with_known(*harvest(sents)))
    for part, seqs, seq_styles, text, gold in dev_parts(work):
        pred: set = set()
        for seq, style in zip(seqs, seq_styles, strict=True):
            toks = [text[s:e] for s, e in seq]
            em = emissions(full, [inputs.sentence(toks, style)], torch)[0]
            extra = _neural_features(marginals(em, *full.decoding()))
            feats = [a + b for a, b in zip(extractor.sequence(toks, style), extra, strict=True)]
            pred |= _spans(seq, tagger.tag(feats))
        report(f"stack {part}", pred, gold)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    for name in ("embed", "train", "combine", "stack"):
        p = sub.add_parser(name)
        p.add_argument("work", type=Path, help="folder for vectors, checkpoints and the dev files")
        p.add_argument("--seed", type=int, default=13)
    t = sub.choices["train"]
    for p in (t, sub.choices["stack"]):
        p.add_argument("--known", action="store_true", help="harvested training-name flags (jackknifed)")
        p.add_argument("--epochs", type=int, default=20)
        p.add_argument("--patience", type=int, default=4)
        p.add_argument("--hidden", type=int, default=128)
        p.add_argument("--lr", type=float, default=2e-3)
        p.add_argument("--wdrop", type=float, default=0.1)
        p.add_argument("--drop", type=float, default=0.5)
        p.add_argument("--threads", type=int, default=1)
    sub.choices["stack"].add_argument("tag", help="checkpoint of a tagger trained on the whole training part")
    t.add_argument("--tag", default="run")
    c = sub.choices["combine"]
    c.add_argument("crf_dir", type=Path)
    c.add_argument("tags", help="comma-separated checkpoint tags")
    args = ap.parse_args(argv)
    if args.command == "embed":
        embed(args.work, args.seed)
    elif args.command == "train":
        train(args.work, args)
    elif args.command == "stack":
        stack(args.work, args)
    else:
        combine(args.work, args.crf_dir, args.tags.split(","))
    return 0


if __name__ == "__main__":
    sys.exit(main())
