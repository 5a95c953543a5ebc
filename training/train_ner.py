"""Train the entity recogniser shipped in ``models/data`` (offline, fixed seed).

    .venv/bin/python -m training.train_ner                 # shipped model: all training data
    .venv/bin/python -m training.train_ner --dev OUT_DIR   # development model: without the dev split

Inputs come from ``../shared/data``: the ANERcorp training split and NewsFANE
(``ner/``), the ANERgazet lists (``ner/gazetteers``) and the ANT articles
(``articles/``, unlabelled, for word clusters). See docs/NER.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pycrfsuite

from models.ner.features import FeatureExtractor, tokenize
from models.ner.lexicon import Lexicon
from models.ner.recognizer import LEXICON_FILE, MODEL_FILE
from models.paths import bundled_data_dir
from training.clusters import article_texts, clusters
from training.name_lists import person_words
from training.ner_data import (
    SEED,
    SHARED,
    common_words,
    folds,
    gazetteer,
    harvest,
    load_corpora,
    name_words,
    split,
)

STYLE = {"anercorp": "h", "newsfane": "n"}
UNLABELLED = "ant-all.jsonl"  # ANT corpus, all 10,134 articles (unlabelled)


def build(shared: Path, out: Path, *, dev: bool, seed: int, c1: float, c2: float, iterations: int,
          jackknife: int) -> None:
    t0 = time.time()
    corpora = load_corpora(shared)
    if dev:
        train, _ = split(corpora)
    else:
        train = [s for name in sorted(corpora) for s in corpora[name]]
    print(f"training sentences {len(train)}, tokens {sum(len(s.tokens) for s in train)}", flush=True)
    gaz_words, gaz_phrases = gazetteer(shared)
    unlabelled = [[shared_text[s:e] for s, e in tokenize(shared_text)]
                  for shared_text in article_texts(shared / "articles" / UNLABELLED)]
    word_clusters, frequency = clusters(unlabelled + [list(s.tokens) for s in train], seed=seed)
    print(f"clusters for {len(word_clusters)} words ({time.time() - t0:.0f}s)", flush=True)
    base = Lexicon(gazetteer=gaz_words, phrases=gaz_phrases, clusters=word_clusters, frequency=frequency,
                   names=frozenset(name_words(train, shared)), common=frozenset(common_words(train)),
                   person=person_words(shared))

    trainer = pycrfsuite.Trainer(verbose=False)
    fold_of = folds(train, jackknife)
    for k in range(jackknife):
        known, phrases = harvest([s for s, f in zip(train, fold_of, strict=True) if f != k])
        extractor = FeatureExtractor(base.with_known(known, phrases))
        for s, f in zip(train, fold_of, strict=True):
            if f == k:
                trainer.append(extractor.sequence(s.tokens, STYLE[s.corpus]), list(s.tags))
    print(f"features ready ({time.time() - t0:.0f}s)", flush=True)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    out.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out / MODEL_FILE))
    known, phrases = harvest(train)
    lexicon = base.with_known(known, phrases)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(out / MODEL_FILE))
    lexicon.attributes = frozenset(tagger.info().attributes)
    lexicon.save(out / LEXICON_FILE)
    print(f"wrote {out / MODEL_FILE} and {out / LEXICON_FILE} ({time.time() - t0:.0f}s)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="../shared/data (default)")
    ap.add_argument("--dev", type=Path, metavar="OUT_DIR",
                    help="train without the development split and write the model here")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--jackknife", type=int, default=2, help="folds for harvesting name lists (default 2)")
    args = ap.parse_args(argv)
    out = args.dev if args.dev is not None else bundled_data_dir()
    build(args.shared, out, dev=args.dev is not None, seed=args.seed, c1=args.c1, c2=args.c2,
          iterations=args.iterations, jackknife=args.jackknife)
    return 0


if __name__ == "__main__":
    sys.exit(main())
