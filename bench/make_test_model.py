"""Generate small real translation models with random weights for tests and benchmarks.

    python bench/make_test_model.py OUT_DIR [--arch tiny|base|big] [--layout ct2|argos|marian-zip]
                                    [--arabic-text FILE]

The generator trains SentencePiece models on the seed articles (Arabic side)
(plus ``--arabic-text``, e.g. more news for benchmarks whose tokenisation
should look like a real model's) and on a short English text written below
(English side), writes a Marian
``.npz`` with random weights (fixed seed) plus the OPUS-MT files around it, and
converts it to int8 with the model store's own ``convert_marian``, exactly the
path the store takes for a downloaded OPUS-MT zip. Layouts:

- ``ct2``: an OPUS-MT style CTranslate2 folder (``model.bin``, ``source.spm``, ``target.spm``), the default;
- ``argos``: an Argos Translate package ``OUT_DIR/translate-ar_en-test.argosmodel``
  (``model/``, shared ``sentencepiece.model``, ``metadata.json``);
- ``marian-zip``: an unconverted OPUS-MT zip ``OUT_DIR/opus-mt-test.zip``.

Architectures: ``tiny`` (2+2 layers, d_model 64; for tests), ``base`` (OPUS-MT
transformer: 6+6, d512, 8 heads, FFN 2048, 32k vocabularies) and ``big``
(tc-big: 6+6, d1024, 16 heads, FFN 4096, 32k vocabularies). The weights are
random, so the English is nonsense; the work per token is that of a real model.
Outputs are generated into the given folder and never belong in git.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sentencepiece as spm
import yaml

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from models.translation.packages import convert_marian  # noqa: E402

SEEDS = REPO / "seeds"
ARGOS_NAME = "translate-ar_en-test"
MARIAN_NAME = "opus-mt-test"
NPZ_NAME = "opus+random.npz"

ENGLISH = """\
Egyptian air strikes on the Libyan city of Derna killed and wounded dozens of people, including children.
Retired general Khalifa Haftar said the strikes were carried out in coordination with his forces.
The strikes target the Islamic State group in Libya, the army said in a statement on Monday.
Pictures from inside the hospital in Derna showed the bodies of victims and many wounded people.
The Egyptian president said his country has the right to respond to the killing of its citizens.
Twenty one Egyptian workers were killed by the group on a beach near the city of Sirte.
The government in Tobruk welcomed the operation and called for more international support.
The United Nations envoy urged all parties to return to the talks and to protect civilians.
Residents said the planes struck houses, a school and a market in the centre of the city.
The foreign ministry in Cairo summoned ambassadors to explain the reasons for the attack.
Officials in Tripoli condemned the raids as a violation of Libyan sovereignty.
Security forces closed the border crossing and increased patrols along the desert road.
The news agency reported that the death toll could rise as rescue teams searched the rubble.
Doctors appealed for blood donations and medicine because the hospital was overwhelmed.
Political leaders met in Geneva on Tuesday to discuss a ceasefire and a unity government.
The minister of defence told reporters that the operation would continue until its goals were met.
Thousands of families left their homes and moved to nearby towns in the east of the country.
The Arab League held an emergency meeting to discuss the situation in Libya and Egypt.
Witnesses told Al Jazeera that the first strike hit a residential area before dawn.
Human rights organisations called for an independent investigation into civilian deaths.
The price of oil rose after reports of fighting near the ports in the Gulf of Sirte.
Egypt and France signed an agreement for the purchase of fighter jets and a frigate.
The council of ministers approved a plan to rebuild schools, roads and water networks.
A spokesman for the army said forty fighters were killed and several vehicles destroyed.
Parliament voted to appoint a new chief of staff and to support the armed forces.
The president of the council spoke by telephone with the prime minister of Italy.
Local media said the electricity was cut in several districts of the city for hours.
Journalists were not allowed to enter the area, and communications were interrupted.
The United States and Britain said they were deeply concerned by the growing violence.
In the capital, people gathered after Friday prayers to protest against foreign intervention.
"""


@dataclass(frozen=True, slots=True)
class Arch:
    """Transformer sizes; ``vocab`` 0 keeps the SentencePiece vocabulary as is."""

    layers: int
    d_model: int
    heads: int
    ffn: int
    vocab: int
    pieces: int


ARCHS = {
    "tiny": Arch(layers=2, d_model=64, heads=4, ffn=128, vocab=0, pieces=1000),
    "base": Arch(layers=6, d_model=512, heads=8, ffn=2048, vocab=32000, pieces=16000),
    "big": Arch(layers=6, d_model=1024, heads=16, ffn=4096, vocab=32000, pieces=16000),
}
LAYOUTS = ("ct2", "argos", "marian-zip")


def _arabic_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def _train_spm(lines: list[str], vocab_size: int) -> bytes:
    """A unigram SentencePiece model trained on ``lines``; returns the serialised model."""
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        minloglevel=2,
    )
    return model.getvalue()


def _pieces(model: bytes) -> list[str]:
    """Marian vocabulary: ``</s>``, ``<unk>``, then the model's normal pieces."""
    sp = spm.SentencePieceProcessor(model_proto=model)
    normal = [sp.id_to_piece(i) for i in range(sp.get_piece_size())
              if not (sp.is_control(i) or sp.is_unknown(i))]
    return ["</s>", "<unk>", *normal]


def _pad(tokens: list[str], size: int) -> list[str]:
    """Pad a vocabulary with unused tokens up to ``size`` (the real models' 32k)."""
    return tokens + [f"<unused{i}>" for i in range(max(0, size - len(tokens)))]


def _vocab_yml(tokens: list[str]) -> str:
    return "".join(f"{json.dumps(t, ensure_ascii=False)}: {i}\n" for i, t in enumerate(tokens))


def _marian_weights(arch: Arch, src_vocab: int, tgt_vocab: int, seed: int) -> dict[str, np.ndarray]:
    """Random weights in Marian's naming for a post-norm transformer."""
    rng = np.random.default_rng(seed)
    d = arch.d_model

    def normal(*shape: int, scale: float) -> np.ndarray:
        return rng.standard_normal(shape, dtype=np.float32) * np.float32(scale)

    def linear(prefix: str, suffix: str, n_in: int, n_out: int) -> None:
        weights[f"{prefix}_W{suffix}"] = normal(n_in, n_out, scale=n_in ** -0.5)
        weights[f"{prefix}_b{suffix}"] = normal(1, n_out, scale=0.02)

    def layer_norm(prefix: str) -> None:
        weights[f"{prefix}_ln_scale"] = np.ones((1, d), dtype=np.float32)
        weights[f"{prefix}_ln_bias"] = np.zeros((1, d), dtype=np.float32)

    def attention(prefix: str) -> None:
        for part in "qkvo":
            linear(prefix, part, d, d)
        layer_norm(f"{prefix}_Wo")

    def ffn(prefix: str) -> None:
        linear(prefix, "1", d, arch.ffn)
        linear(prefix, "2", arch.ffn, d)
        layer_norm(f"{prefix}_ffn")

    config = {
        "type": "transformer",
        "enc-depth": arch.layers,
        "dec-depth": arch.layers,
        "transformer-heads": arch.heads,
        "transformer-dim-ffn": arch.ffn,
        "dim-emb": d,
        "transformer-decoder-autoreg": "self-attention",
        "transformer-no-projection": False,
        "transformer-ffn-activation": "relu",
        "transformer-preprocess": "",
        "transformer-postprocess": "dan",
        "transformer-postprocess-emb": "d",
        "transformer-guided-alignment-layer": "last",
        "tied-embeddings": True,
    }
    encoded = yaml.safe_dump(config).encode("utf-8") + b"\0"
    weights: dict[str, np.ndarray] = {"special:model.yml": np.frombuffer(encoded, dtype=np.int8).copy()}
    weights["encoder_Wemb"] = normal(src_vocab, d, scale=d ** -0.5)
    weights["decoder_Wemb"] = normal(tgt_vocab, d, scale=1.0)
    logit_bias = normal(1, tgt_vocab, scale=0.1)
    logit_bias[0, 0] = -2.0  # </s>: random models otherwise often stop at once
    weights["decoder_ff_logit_out_b"] = logit_bias
    for i in range(1, arch.layers + 1):
        attention(f"encoder_l{i}_self")
        ffn(f"encoder_l{i}_ffn")
        attention(f"decoder_l{i}_self")
        attention(f"decoder_l{i}_context")
        ffn(f"decoder_l{i}_ffn")
    return weights


def _write_marian(folder: Path, arch: Arch, src_model: bytes, tgt_model: bytes, seed: int,
                  extra_tokens: tuple[str, ...] = ()) -> None:
    """An unconverted OPUS-MT folder: npz, decoder.yml, vocabularies, SentencePiece models."""
    folder.mkdir(parents=True, exist_ok=True)
    src_tokens = _pad(_pieces(src_model) + list(extra_tokens), arch.vocab)
    tgt_tokens = _pad(_pieces(tgt_model) + list(extra_tokens), arch.vocab)
    (folder / "source.spm").write_bytes(src_model)
    (folder / "target.spm").write_bytes(tgt_model)
    (folder / "source.vocab.yml").write_text(_vocab_yml(src_tokens), encoding="utf-8")
    (folder / "target.vocab.yml").write_text(_vocab_yml(tgt_tokens), encoding="utf-8")
    decoder = {"models": [NPZ_NAME], "vocabs": ["source.vocab.yml", "target.vocab.yml"], "beam-size": 4}
    (folder / "decoder.yml").write_text(yaml.safe_dump(decoder), encoding="utf-8")
    (folder / "README.md").write_text("Random-weight OPUS-MT style test model generated by "
                                      "bench/make_test_model.py. Not a real translation model.\n")
    np.savez(folder / NPZ_NAME, **_marian_weights(arch, len(src_tokens), len(tgt_tokens), seed))


def _zip_folder(folder: Path, archive: Path, top: str | None) -> None:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                name = path.relative_to(folder).as_posix()
                zf.write(path, f"{top}/{name}" if top else name)


def make_test_model(out_dir: str | Path, *, arch: str = "tiny", layout: str = "ct2",
                    seed: int = 1234, arabic_text: str | Path | None = None,
                    language_tokens: bool = False) -> Path:
    """Build a random-weight Arabic→English model and return its folder or archive path.

    Args:
        out_dir: folder to write into (created when missing; other files in it are left alone).
        arch: ``tiny``, ``base`` or ``big``.
        layout: ``ct2`` (returns ``out_dir``), ``argos`` or ``marian-zip`` (return the archive path).
        seed: weight seed; the same seed gives the same model and so the same translations.
        arabic_text: an extra UTF-8 text file to train the Arabic SentencePiece model on.
        language_tokens: put NLLB's ``arb_Arab``/``eng_Latn`` in the vocabularies, so the
            translator treats the model as multilingual (source and target prefix tokens).
    """
    if arch not in ARCHS or layout not in LAYOUTS:
        raise ValueError(f"unknown arch {arch!r} or layout {layout!r}")
    spec = ARCHS[arch]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    text = _arabic_text()
    if arabic_text is not None:
        text += "\n" + Path(arabic_text).read_text(encoding="utf-8")
    arabic = [line for line in text.splitlines() if line.strip()]
    english = ENGLISH.splitlines()
    with tempfile.TemporaryDirectory(prefix="khulasa-testmodel-") as tmp:
        marian = Path(tmp) / MARIAN_NAME
        if layout == "argos":
            shared = _train_spm(arabic + english * 4, spec.pieces)
            _write_marian(marian, spec, shared, shared, seed)
            package = Path(tmp) / ARGOS_NAME
            convert_marian(marian, package / "model")
            for name in ("source.spm", "target.spm", "README.md"):  # OPUS-MT files, not Argos ones
                (package / "model" / name).unlink()
            (package / "sentencepiece.model").write_bytes(shared)
            (package / "README.md").write_bytes((marian / "README.md").read_bytes())
            metadata = {"package_version": "1.0", "argos_version": "1.9", "from_code": "ar", "to_code": "en",
                        "from_name": "Arabic", "to_name": "English",
                        "description": "Random-weight test package (bench/make_test_model.py)"}
            (package / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
            archive = out / f"{ARGOS_NAME}.argosmodel"
            _zip_folder(package, archive, ARGOS_NAME)
            return archive
        src_model = _train_spm(arabic, spec.pieces)
        tgt_model = _train_spm(english, min(spec.pieces, 400))
        _write_marian(marian, spec, src_model, tgt_model, seed,
                      ("arb_Arab", "eng_Latn") if language_tokens else ())
        if layout == "marian-zip":
            archive = out / f"{MARIAN_NAME}.zip"
            _zip_folder(marian, archive, None)
            return archive
        converted = Path(tmp) / "converted"
        convert_marian(marian, converted)  # keeps source.spm, target.spm and README.md
        shutil.copytree(converted, out, dirs_exist_ok=True)
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", metavar="OUT_DIR")
    parser.add_argument("--arch", choices=tuple(ARCHS), default="tiny")
    parser.add_argument("--layout", choices=LAYOUTS, default="ct2")
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--arabic-text", metavar="FILE", help="more Arabic text for the SentencePiece model")
    args = parser.parse_args(argv)
    print(make_test_model(args.out_dir, arch=args.arch, layout=args.layout, seed=args.seed,
                          arabic_text=args.arabic_text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
