"""Train the name-transliteration model shipped in ``models/data/translit`` (CPU, fixed seed).

    nice -n 10 .venv/bin/python -m training.train_translit [--epochs N] [--out DIR]

A small character-level transformer (Arabic letters → lower-case English
letters) trained with PyTorch on the training side of ``training.translit_data``
(the held-out 10 % of the Wikidata pairs is never seen; a further 5 % of the
training pairs is kept aside as the validation slice that chooses the recipe
and is scored into ``training.json``), written in Marian's
``.npz`` layout and converted to CTranslate2 int8 with the model store's own
``convert_marian``, so the app runs it with ctranslate2 and needs no PyTorch.
PyTorch is a training-only dependency: ``pip install torch==2.13.0``.

``--reverse`` trains the English→Arabic model (``models/data/translit-reverse``)
with which the app re-scores the forward model's candidate spellings.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
import torch
import yaml
from torch import nn

from bench.names_eval import score
from models.names.translit import MODEL_DIR, REVERSE_DIR
from models.translation.packages import convert_marian
from training.translit_data import split, validation_split

SEED = 11
SPECIALS = ["</s>", "<unk>"]  # Marian: </s> is 0; the decoder starts from a zero embedding


class Config:
    layers = 2
    d_model = 128
    heads = 4
    ffn = 512
    dropout = 0.1
    max_len = 40


class Layer(nn.Module):
    """A post-norm transformer layer in Marian's ``dan`` order (dropout, add, norm)."""

    def __init__(self, c: type[Config], cross: bool) -> None:
        super().__init__()
        self.self_attn = nn.MultiheadAttention(c.d_model, c.heads, dropout=c.dropout, batch_first=True)
        self.norm1 = nn.LayerNorm(c.d_model, eps=1e-6)
        self.cross = nn.MultiheadAttention(c.d_model, c.heads, dropout=c.dropout, batch_first=True) \
            if cross else None
        self.norm2 = nn.LayerNorm(c.d_model, eps=1e-6) if cross else None
        self.ff1, self.ff2 = nn.Linear(c.d_model, c.ffn), nn.Linear(c.ffn, c.d_model)
        self.norm3 = nn.LayerNorm(c.d_model, eps=1e-6)
        self.drop = nn.Dropout(c.dropout)

    def forward(self, x, pad, memory=None, memory_pad=None, causal=None):
        a, _ = self.self_attn(x, x, x, key_padding_mask=pad, attn_mask=causal, need_weights=False)
        x = self.norm1(x + self.drop(a))
        if self.cross is not None:
            a, _ = self.cross(x, memory, memory, key_padding_mask=memory_pad, need_weights=False)
            x = self.norm2(x + self.drop(a))
        f = self.ff2(self.drop(torch.relu(self.ff1(x))))
        return self.norm3(x + self.drop(f))


def sinusoids(positions: int, dim: int) -> np.ndarray:
    """The position table CTranslate2 makes for Marian models (sin half, cos half)."""
    pos = np.arange(positions)[:, None] / np.power(10000, 2 * (np.arange(dim) // 2) / dim)[None, :]
    table = np.zeros_like(pos)
    table[:, : dim // 2] = np.sin(pos[:, 0::2])
    table[:, dim // 2:] = np.cos(pos[:, 1::2])
    return table.astype(np.float32)


class Model(nn.Module):
    def __init__(self, c: type[Config], src_vocab: int, tgt_vocab: int) -> None:
        super().__init__()
        self.c = c
        self.src_emb = nn.Embedding(src_vocab, c.d_model)
        self.tgt_emb = nn.Embedding(tgt_vocab, c.d_model)
        nn.init.normal_(self.src_emb.weight, std=c.d_model ** -0.5)
        nn.init.normal_(self.tgt_emb.weight, std=c.d_model ** -0.5)
        self.out_bias = nn.Parameter(torch.zeros(tgt_vocab))
        self.register_buffer("pos", torch.from_numpy(sinusoids(c.max_len + 2, c.d_model)))
        self.encoder = nn.ModuleList(Layer(c, cross=False) for _ in range(c.layers))
        self.decoder = nn.ModuleList(Layer(c, cross=True) for _ in range(c.layers))
        self.drop = nn.Dropout(c.dropout)

    def _embed(self, emb: torch.Tensor) -> torch.Tensor:
        return self.drop(emb * math.sqrt(self.c.d_model) + self.pos[: emb.shape[1]])

    def forward(self, src, src_pad, tgt_in):
        x = self._embed(self.src_emb(src))
        for layer in self.encoder:
            x = layer(x, src_pad)
        emb = self.tgt_emb(tgt_in)
        emb = torch.cat([torch.zeros_like(emb[:, :1]), emb[:, 1:]], dim=1)  # Marian: zero start embedding
        y = self._embed(emb)
        n = tgt_in.shape[1]
        causal = torch.triu(torch.full((n, n), float("-inf")), diagonal=1)
        for layer in self.decoder:  # padding after a target needs no mask: it is causal and unscored
            y = layer(y, None, x, src_pad, causal)
        return y @ self.tgt_emb.weight.T + self.out_bias


def vocabulary(words: list[str], min_count: int) -> list[str]:
    counts = Counter(ch for w in words for ch in w)
    return SPECIALS + sorted(ch for ch, n in counts.items() if n >= min_count)


def encode(word: str, index: dict[str, int]) -> list[int]:
    return [index.get(ch, 1) for ch in word]


def batches(pairs, src_index, tgt_index, size, rng):
    """Length-bucketed ``(src, src_pad, tgt_in, tgt_out)`` tensors; source and target end in ``</s>``."""
    order = sorted(range(len(pairs)), key=lambda i: (len(pairs[i][0]), rng.random()))
    chunks = [order[i:i + size] for i in range(0, len(order), size)]
    rng.shuffle(chunks)
    for chunk in chunks:
        src = [encode(pairs[i][0], src_index)[: Config.max_len] + [0] for i in chunk]
        tgt = [encode(pairs[i][1], tgt_index)[: Config.max_len] + [0] for i in chunk]
        s = torch.zeros((len(chunk), max(map(len, src))), dtype=torch.long)
        pad = torch.ones_like(s, dtype=torch.bool)
        ti = torch.zeros((len(chunk), max(map(len, tgt))), dtype=torch.long)
        to = torch.full_like(ti, -100)
        for row, (a, b) in enumerate(zip(src, tgt, strict=True)):
            s[row, : len(a)] = torch.tensor(a)
            pad[row, : len(a)] = False
            ti[row, 1: len(b)] = torch.tensor(b[:-1])
            to[row, : len(b)] = torch.tensor(b)
        yield s, pad, ti, to


def train(pairs, src_vocab, tgt_vocab, *, epochs: int, batch: int, seed: int, smoothing: float = 0.1,
          average: int = 1) -> Model:
    """The trained model; ``average`` > 1 averages the weights after each of the last ``average`` epochs."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = Model(Config, len(src_vocab), len(tgt_vocab))
    src_index = {t: i for i, t in enumerate(src_vocab)}
    tgt_index = {t: i for i, t in enumerate(tgt_vocab)}
    steps_per_epoch = math.ceil(len(pairs) / batch)
    total = epochs * steps_per_epoch
    warmup = max(1, min(800, total // 10))
    opt = torch.optim.AdamW(model.parameters(), lr=1.5e-3, betas=(0.9, 0.98), weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warmup, 0.5 * (1 + math.cos(math.pi * min(1.0, s / total)))))
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100, label_smoothing=smoothing)
    kept: list[dict[str, torch.Tensor]] = []
    t0 = time.time()
    for epoch in range(epochs):
        model.train()
        run = n = 0.0
        for src, src_pad, tgt_in, tgt_out in batches(pairs, src_index, tgt_index, batch, rng):
            logits = model(src, src_pad, tgt_in)
            loss = loss_fn(logits.reshape(-1, logits.shape[-1]), tgt_out.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            run, n = run + loss.item(), n + 1
            if n % 50 == 0:
                print(f"  step {n:.0f}/{steps_per_epoch} loss {run / n:.3f} ({time.time() - t0:.0f}s)",
                      flush=True)
        print(f"epoch {epoch + 1}/{epochs} loss {run / n:.3f} ({time.time() - t0:.0f}s)", flush=True)
        if epoch >= epochs - average:
            kept.append({k: v.detach().clone() for k, v in model.state_dict().items()})
    if len(kept) > 1:
        model.load_state_dict({k: sum(state[k] for state in kept) / len(kept) for k in kept[0]})
    return model.eval()


def marian_weights(model: Model) -> dict[str, np.ndarray]:
    """The trained weights in Marian's names (``W`` matrices are in×out)."""
    c = model.c
    out: dict[str, np.ndarray] = {}

    def arr(t: torch.Tensor) -> np.ndarray:
        return t.detach().numpy().astype(np.float32)

    def attention(prefix: str, mha: nn.MultiheadAttention, norm: nn.LayerNorm) -> None:
        w, b = arr(mha.in_proj_weight), arr(mha.in_proj_bias)
        for k, part in enumerate("qkv"):
            out[f"{prefix}_W{part}"] = w[k * c.d_model:(k + 1) * c.d_model].T.copy()
            out[f"{prefix}_b{part}"] = b[None, k * c.d_model:(k + 1) * c.d_model]
        out[f"{prefix}_Wo"] = arr(mha.out_proj.weight).T.copy()
        out[f"{prefix}_bo"] = arr(mha.out_proj.bias)[None]
        out[f"{prefix}_Wo_ln_scale"] = arr(norm.weight)[None]
        out[f"{prefix}_Wo_ln_bias"] = arr(norm.bias)[None]

    def ffn(prefix: str, layer: Layer) -> None:
        out[f"{prefix}_W1"], out[f"{prefix}_b1"] = arr(layer.ff1.weight).T.copy(), arr(layer.ff1.bias)[None]
        out[f"{prefix}_W2"], out[f"{prefix}_b2"] = arr(layer.ff2.weight).T.copy(), arr(layer.ff2.bias)[None]
        out[f"{prefix}_ffn_ln_scale"] = arr(layer.norm3.weight)[None]
        out[f"{prefix}_ffn_ln_bias"] = arr(layer.norm3.bias)[None]

    config = {
        "type": "transformer", "enc-depth": c.layers, "dec-depth": c.layers, "transformer-heads": c.heads,
        "transformer-dim-ffn": c.ffn, "dim-emb": c.d_model, "transformer-decoder-autoreg": "self-attention",
        "transformer-no-projection": False, "transformer-ffn-activation": "relu",
        "transformer-preprocess": "", "transformer-postprocess": "dan", "transformer-postprocess-emb": "d",
        "transformer-guided-alignment-layer": "last", "tied-embeddings": True,
    }
    encoded = yaml.safe_dump(config).encode("utf-8") + b"\0"
    out["special:model.yml"] = np.frombuffer(encoded, dtype=np.int8).copy()
    out["encoder_Wemb"], out["decoder_Wemb"] = arr(model.src_emb.weight), arr(model.tgt_emb.weight)
    out["decoder_ff_logit_out_b"] = arr(model.out_bias)[None]
    out["Wpos"] = sinusoids(256, c.d_model)
    for i, layer in enumerate(model.encoder, 1):
        attention(f"encoder_l{i}_self", layer.self_attn, layer.norm1)
        ffn(f"encoder_l{i}_ffn", layer)
    for i, layer in enumerate(model.decoder, 1):
        attention(f"decoder_l{i}_self", layer.self_attn, layer.norm1)
        attention(f"decoder_l{i}_context", layer.cross, layer.norm2)
        ffn(f"decoder_l{i}_ffn", layer)
    return out


def export(model: Model, src_vocab: list[str], tgt_vocab: list[str], out: Path, meta: dict) -> None:
    """Write the model as a CTranslate2 int8 folder at ``out`` (replaced)."""
    def vocab_yml(tokens: list[str]) -> str:
        return "".join(f"{json.dumps(t, ensure_ascii=False)}: {i}\n" for i, t in enumerate(tokens))

    with tempfile.TemporaryDirectory(prefix="khulasa-translit-") as tmp:
        marian = Path(tmp) / "marian"
        marian.mkdir()
        np.savez(marian / "model.npz", **marian_weights(model))
        (marian / "source.vocab.yml").write_text(vocab_yml(src_vocab), encoding="utf-8")
        (marian / "target.vocab.yml").write_text(vocab_yml(tgt_vocab), encoding="utf-8")
        (marian / "decoder.yml").write_text(yaml.safe_dump(
            {"models": ["model.npz"], "vocabs": ["source.vocab.yml", "target.vocab.yml"]}), encoding="utf-8")
        for name in ("source.spm", "target.spm"):  # convert_marian checks they exist; characters need none
            (marian / name).write_bytes(b"")
        converted = Path(tmp) / "converted"
        convert_marian(marian, converted)
        for name in ("source.spm", "target.spm"):
            (converted / name).unlink(missing_ok=True)
        (converted / "training.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(converted, out)


def validate(model_dir: Path, pairs, beams: list[int]) -> dict[str, dict[str, float]]:
    """Exact share and CER of the exported model on ``pairs`` per beam size."""
    import ctranslate2

    translator = ctranslate2.Translator(str(model_dir), device="cpu", intra_threads=torch.get_num_threads())
    out = {}
    for beam in beams:
        results = translator.translate_batch([list(a[:Config.max_len]) for a, _ in pairs], beam_size=beam,
                                             max_decoding_length=Config.max_len + 10, max_batch_size=512)
        spelt = {a: "".join(r.hypotheses[0]) for (a, _), r in zip(pairs, results, strict=True)}
        exact, cer = score(pairs, spelt.__getitem__)
        out[str(beam)] = {"exact": round(exact, 4), "cer": round(cer, 4)}
        print(f"validation beam {beam}: exact {exact:.1%}, CER {cer:.3f}", flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--layers", type=int, default=Config.layers)
    parser.add_argument("--d-model", type=int, default=Config.d_model)
    parser.add_argument("--ffn", type=int, default=Config.ffn)
    parser.add_argument("--smoothing", type=float, default=0.1, help="label smoothing")
    parser.add_argument("--average", type=int, default=3, help="average the weights of the last N epochs")
    parser.add_argument("--beams", type=int, nargs="+", default=[4], help="beam sizes scored on validation")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="train on the first N pairs only (smoke test)")
    parser.add_argument("--validate", action="store_true",
                        help="keep the validation slice out and score on it (comparing recipes); "
                             "without it, all training pairs (the shipped model)")
    parser.add_argument("--reverse", action="store_true",
                        help="train the English→Arabic re-scoring model (default --out: translit-reverse)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    out = args.out or (REVERSE_DIR if args.reverse else MODEL_DIR)
    torch.set_num_threads(args.threads)
    Config.layers, Config.d_model, Config.ffn = args.layers, args.d_model, args.ffn
    train_pairs, heldout = split()
    fit, valid = validation_split(train_pairs) if args.validate else (train_pairs, [])
    if args.limit:
        fit = fit[: args.limit]
    if args.reverse:
        fit, valid = [(e, a) for a, e in fit], [(e, a) for a, e in valid]
    print(f"training pairs {len(fit)}, validation pairs {len(valid)}, "
          f"held-out pairs {len(heldout)} (never used here)", flush=True)
    src_vocab = vocabulary([a for a, _ in fit], 3)
    tgt_vocab = vocabulary([e for _, e in fit], 3)
    t0 = time.time()
    model = train(fit, src_vocab, tgt_vocab, epochs=args.epochs, batch=args.batch, seed=SEED,
                  smoothing=args.smoothing, average=args.average)
    meta = {"pairs": len(fit), "epochs": args.epochs, "batch": args.batch, "seed": SEED,
            "layers": Config.layers, "d_model": Config.d_model, "heads": Config.heads, "ffn": Config.ffn,
            "smoothing": args.smoothing, "average": args.average, "threads": args.threads,
            "reverse": args.reverse, "train_seconds": round(time.time() - t0)}
    export(model, src_vocab, tgt_vocab, out, meta)
    if valid:
        meta["validation"] = validate(out, valid, args.beams)
        (out / "training.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
