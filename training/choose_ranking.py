"""Choose the transliteration ranking's beam and weights on the names-validation slice.

    nice -n 10 .venv/bin/python -m training.train_translit --validate --out /tmp/v/forward
    nice -n 10 .venv/bin/python -m training.train_translit --validate --reverse --epochs 10 \
        --out /tmp/v/reverse
    .venv/bin/python -m training.choose_ranking /tmp/v/forward /tmp/v/reverse

Both models must be trained with ``--validate`` (without the validation
slice). The forward model proposes 128 spellings of each validation word once
(a beam of N is taken as the first N of them);
every grid point re-ranks them with :func:`models.names.ranking.rank` and is
scored (exact, CER) against the pair's English. The held-out slice is not read.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import ctranslate2

from bench.names_eval import score
from models.names.ranking import RANKING, Ranking, rank
from models.names.spellings import default_spellings
from training.translit_data import split, validation_split

BEAMS = (32, 64, 128)
BAND_WEIGHTS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)
REVERSE_WEIGHTS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0)


class _Remembered:
    """A reverse model whose scores are computed once per (candidate, word)."""

    def __init__(self, translator: ctranslate2.Translator) -> None:
        self._translator, self._seen = translator, {}

    def score_batch(self, source: list[list[str]], target: list[list[str]]) -> list:
        pairs = [("".join(s), "".join(t)) for s, t in zip(source, target, strict=True)]
        todo = [p for p in dict.fromkeys(pairs) if p not in self._seen]
        if todo:
            results = self._translator.score_batch([list(s) for s, _ in todo], [list(t) for _, t in todo])
            self._seen.update(zip(todo, results, strict=True))
        return [self._seen[p] for p in pairs]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("forward", type=Path, help="forward model trained with --validate")
    parser.add_argument("reverse", type=Path, help="reverse model trained with --validate --reverse")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    _, valid = validation_split(split()[0])
    forward = ctranslate2.Translator(str(args.forward), device="cpu", intra_threads=args.threads)
    reverse = _Remembered(ctranslate2.Translator(str(args.reverse), device="cpu", intra_threads=args.threads))
    results = forward.translate_batch([list(a) for a, _ in valid], beam_size=max(BEAMS),
                                      num_hypotheses=max(BEAMS), return_scores=True, max_decoding_length=50)
    proposed = {a: [("".join(h), s) for h, s in zip(r.hypotheses, r.scores, strict=True)]
                for (a, _), r in zip(valid, results, strict=True)}
    spellings = default_spellings()
    print(f"names-validation: {len(valid):,} pairs; shipped choice {RANKING}")
    print("| candidates | band weight | reverse weight | exact | CER |\n|---|---|---|---|---|")
    for beam, band, back in itertools.product(BEAMS, BAND_WEIGHTS, REVERSE_WEIGHTS):
        ranking = Ranking(beam, band, back)
        exact, cer = score(valid, lambda a: rank(a, proposed[a], spellings, reverse, ranking))  # noqa: B023
        print(f"| {beam} | {band} | {back} | {exact:.1%} | {cer:.3f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
