"""Khulasa entry point.

``python main.py [FILE…]`` opens the desktop window;
``python main.py SUBCOMMAND …`` runs the headless command line
(summarize, translate, entities, brief, models) without any Qt widget.
"""

from __future__ import annotations

import argparse
import sys


def _gui_parser() -> argparse.ArgumentParser:
    from cli import SUBCOMMANDS
    from models import __version__

    parser = argparse.ArgumentParser(
        prog="khulasa",
        description="Khulasa: read Arabic news, summarise it and translate it to English, offline.",
        epilog="Headless commands: " + ", ".join(SUBCOMMANDS)
        + ". Run 'python main.py SUBCOMMAND --help' for each.",
    )
    parser.add_argument("--version", action="version", version=f"khulasa {__version__}")
    parser.add_argument("files", nargs="*", metavar="FILE", help="article files to open")
    parser.add_argument("--model", metavar="PATH|ID", help="translation model folder or installed model id")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="open offscreen, wait until all work is done, save a PNG of the window and exit")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from cli import SUBCOMMANDS, run

    if argv and argv[0] in SUBCOMMANDS:
        return run(argv)
    args = _gui_parser().parse_args(argv)
    from gui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
