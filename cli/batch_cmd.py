"""``python main.py batch INPUT… --out OUT.jsonl``: summaries, entities, translations of many articles.

INPUT is article files, folders (searched recursively for every supported
type) or JSONL exports (``{"id"|"docno", "title", "text"}`` per line). One JSON
row per article is appended to OUT as soon as it is done; an article that
fails gets ``{"id", "error"}`` and the batch goes on. Rerunning with the same
OUT skips the ids already there, so an interrupted run continues where it
stopped. Exit codes: 0 done; 2 bad input or some articles failed; 3 no
translation model; 130 interrupted (finished rows are kept).
"""

from __future__ import annotations

import argparse
import sys

from cli import length_of, say

ON_INTERRUPT = "the rows written so far are kept; run the same command again to continue"


def run(args: argparse.Namespace) -> int:
    """Run the batch; errors before the first row propagate to ``cli.run``."""
    from models.batch import Batch, BatchOptions, open_engine
    from models.batch.inputs import EXPORT_SUFFIXES
    from models.reading import SUPPORTED_SUFFIXES

    options = BatchOptions(length=length_of(args), algorithm=args.algorithm, translate=args.translate)
    model_dir = None
    if options.translate != "none":
        from models.translation import ModelStore

        model_dir = ModelStore().resolve(args.model)
    if args.workers is not None and args.workers < 1:
        say(f"--workers must be at least 1, not {args.workers}")
        return 2
    if args.address and args.engine != "dask":
        say("--address names a Dask scheduler: add --engine dask")
        return 2
    batch = Batch(args.inputs, args.out)
    if batch.out.dropped_partial:
        say(f"{args.out}: dropped an unfinished last line left by an interrupted run")
    if not batch.todo:
        batch.out.close()
        if batch.skipped:
            say(f"{args.out}: nothing to do ({batch.skipped} articles already done)")
            return 0
        kinds = ", ".join((*SUPPORTED_SUFFIXES, *EXPORT_SUFFIXES))
        say(f"no articles found in {', '.join(args.inputs)} (looked for {kinds})")
        return 2
    try:
        engine = open_engine(options, engine=args.engine, workers=args.workers or 0, address=args.address,
                             model_dir=model_dir)
    except BaseException:
        batch.out.close()
        raise
    bar = _progress(len(batch.todo))
    try:
        counts = batch.run(engine, on_row=lambda _row: bar.update())
    finally:
        bar.close()
    notes = [f"{counts.written} articles written to {args.out}"]
    if batch.skipped:
        notes.append(f"{batch.skipped} already done")
    if batch.duplicates:
        notes.append(f"{batch.duplicates} repeated ids left out")
    if counts.failed:
        notes.append(f"{counts.failed} failed (rows with an \"error\")")
    say("; ".join(notes))
    return 2 if counts.failed else 0


def _progress(total: int):
    from tqdm import tqdm

    return tqdm(total=total, unit="article", file=sys.stderr, disable=not sys.stderr.isatty(),
                dynamic_ncols=True, smoothing=0.05)
