"""``python main.py transliterate [FILE|-]``: the English form of Arabic names, one per line.

Reads one Arabic name per line (UTF-8; standard input for ``-`` or no file)
and prints its English form on the same line number: the name dictionary's
conventional form when it lists the name, else the learned transliteration
(``models.names.english_name``). An empty input line gives an empty line.
``--source`` adds a tab and where the form came from (``dictionary`` or
``transliteration``). Exit codes: 0 done; 2 unreadable file; 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("transliterate", help="English forms of Arabic names, one name per line")
    p.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="names file (default: stdin)")
    p.add_argument("--source", action="store_true", help="also print where each form came from")


def _lines(name: str) -> list[str]:
    if name == "-":
        return sys.stdin.read().splitlines()
    with open(name, encoding="utf-8-sig") as f:
        return f.read().splitlines()


def run(args: argparse.Namespace) -> int:
    """Print one English form per input line; errors propagate to ``cli.run``."""
    from models.errors import KhulasaError
    from models.names import english_name

    try:
        lines = _lines(args.file)
    except UnicodeDecodeError as exc:
        raise KhulasaError(f"{args.file}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    for line in lines:
        english, source = english_name(line) if line.strip() else ("", "")
        print(f"{english}\t{source}" if args.source else english)
    return 0
