"""Entity recogniser speed: model load time and tokens per second on one core.

    .venv/bin/python bench/ner_speed.py [--runs 5] [--model-dir DIR]

Text: the ANERcorp training split as one sentence per line (as ner_eval.py
feeds it) when ../shared is present, else the seed articles repeated. Each run
uses a fresh recogniser (empty word cache); figures are medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.ner.features import tokenize  # noqa: E402
from models.ner.recognizer import Recognizer  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
ANERCORP = REPO.parent / "shared" / "data" / "ner" / "anercorp-camel-train.txt"


def _text(limit: int = 60_000) -> str:
    if ANERCORP.is_file():
        lines, current, n = [], [], 0
        for line in ANERCORP.read_text(encoding="utf-8").splitlines():
            if line.split():
                current.append(line.split()[0])
                n += 1
            elif current:
                lines.append(" ".join(current))
                current = []
                if n >= limit:
                    break
        return "\n".join(lines) + "\n"
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt")))
    return seeds * 10


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--model-dir", type=Path)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    text = _text()
    tokens = len(tokenize(text))
    loads, rates = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        recognizer = Recognizer(args.model_dir)
        t1 = time.perf_counter()
        recognizer.find(text)
        t2 = time.perf_counter()
        loads.append(t1 - t0)
        rates.append(tokens / (t2 - t1))
    print(f"model load: median {statistics.median(loads):.3f} s (max {max(loads):.3f} s)")
    print(f"tagging: {tokens} tokens, median {statistics.median(rates):,.0f} tokens/s on one core "
          f"(min {min(rates):,.0f}, max {max(rates):,.0f}; {args.runs} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
