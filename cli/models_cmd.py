"""``python main.py models list|download ID|import PATH|remove ID|default ID``.

Progress goes to stderr, results to stdout. Exit codes: 0 done; 2 failed
(unknown id, network, checksum, unsafe or broken package: nothing installed);
130 interrupted (a partial download is kept and resumed next time).
"""

from __future__ import annotations

import argparse
import sys

ON_INTERRUPT = "nothing was installed (a partial download resumes next time)"


class _ProgressLine:
    """Progress on stderr: a rewritten line on a terminal, a line per 10 % otherwise."""

    def __init__(self) -> None:
        self._tty = sys.stderr.isatty()
        self._last = ""

    def __call__(self, progress) -> None:
        if progress.stage == "download" and progress.total:
            percent = 100 * progress.done // progress.total
            text = f"downloading: {percent}% of {progress.total / 1e6:.1f} MB"
            if not self._tty and (percent % 10 or text == self._last):
                return
        elif progress.stage == "download":
            text = f"downloading: {progress.done / 1e6:.1f} MB"
            if not self._tty:
                return
        else:
            text = {"verify": "verifying checksum", "extract": "unpacking", "convert": "converting to int8",
                    "test": "test translation", "install": "installing"}.get(progress.stage, progress.stage)
        if text == self._last:
            return
        self._last = text
        if self._tty:
            sys.stderr.write(f"\r\x1b[K{text}")
            if progress.stage != "download":
                sys.stderr.write("\n")
        else:
            sys.stderr.write(text + "\n")
        sys.stderr.flush()


def _list() -> int:
    from models.translation import CATALOGUE, ModelStore

    store = ModelStore()
    installed = {m.id: m for m in store.installed()}
    default = store.default()
    rows = []
    for entry in CATALOGUE:
        state = "import only" if entry.import_only else "available"
        state = "installed" if entry.id in installed else state
        note = " NON-COMMERCIAL USE ONLY" if entry.non_commercial else ""
        rows.append((entry.id, state, f"{entry.name}; {entry.licence}; {entry.quality}{note}"))
    for model in installed.values():
        if all(model.id != e.id for e in CATALOGUE):
            rows.append((model.id, "installed", f"{model.name}; {model.layout}; from {model.source}"))
    width = max(len(r[0]) for r in rows)
    for model_id, state, about in rows:
        mark = "*" if default is not None and default.id == model_id else " "
        print(f"{mark} {model_id:<{width}}  {state:<11}  {about}")
    print(f"models folder: {store.root}" + ("" if default else "  (no model installed)"))
    return 0


def run(args: argparse.Namespace) -> int:
    """Run one models action; errors propagate to ``cli.run``."""
    from models.translation import ModelStore

    if args.action == "list":
        return _list()
    store = ModelStore()
    if args.action in ("download", "import"):
        progress = _ProgressLine()
        if args.action == "download":
            model = store.download(args.id, progress=progress)
        else:
            model = store.import_path(args.path, progress=progress)
        print(f"{model.id}: installed in {model.path}")
        if model.non_commercial:
            print(f"{model.id}: licence {model.licence}, non-commercial use only")
    elif args.action == "remove":
        store.remove(args.id)
        print(f"{args.id}: removed")
    else:
        store.set_default(args.id)
        print(f"{args.id}: now the default model")
    return 0
