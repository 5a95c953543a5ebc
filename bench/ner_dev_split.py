"""Write the entity recogniser's development split as CoNLL files (not committed).

    .venv/bin/python bench/ner_dev_split.py [OUT_DIR]   # default bench/out

Writes ``ner-dev.conll`` (both corpora), ``ner-dev-anercorp.conll`` and
``ner-dev-newsfane.conll``: the sentences ``training/train_ner.py --dev``
leaves out. Score them with ``../shared/tools/ner_eval.py``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from training.ner_data import load_corpora, split, write_conll  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Write the NER development split as CoNLL files.")
    parser.add_argument("out", nargs="?", type=Path, default=Path(__file__).resolve().parent / "out",
                        metavar="OUT_DIR", help="where to write (default bench/out)")
    out = parser.parse_args(argv).out
    _, dev = split(load_corpora())
    write_conll(dev, out / "ner-dev.conll")
    for name in ("anercorp", "newsfane"):
        write_conll([s for s in dev if s.corpus == name], out / f"ner-dev-{name}.conll")
    print(f"{len(dev)} sentences, {sum(len(s.tokens) for s in dev)} tokens -> {out}/ner-dev*.conll")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
