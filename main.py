"""Khulasa entry point.

``python main.py [FILE…]`` opens the desktop window;
``python main.py SUBCOMMAND …`` runs the headless command line
(``python main.py --help`` lists the subcommands) without any Qt widget.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

HEADLESS_PLATFORMS = {"offscreen", "minimal", "vnc"}  # Qt platforms that need no display


def subcommands() -> list[str]:
    """The headless subcommands, as the CLI's parser registers them."""
    from cli import build_parser

    for action in build_parser()._actions:  # noqa: SLF001 - argparse keeps subparsers here
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return list(action.choices)
    return []


def _gui_parser(commands: list[str]) -> argparse.ArgumentParser:
    from models import __version__

    parser = argparse.ArgumentParser(
        prog="khulasa",
        description="Khulasa: read Arabic news, summarise it and translate it to English, offline.",
        epilog="Headless commands: " + ", ".join(commands)
        + ". Run 'python main.py SUBCOMMAND --help' for each.",
    )
    parser.add_argument("--version", action="version", version=f"khulasa {__version__}")
    parser.add_argument("files", nargs="*", metavar="FILE", help="article files to open")
    parser.add_argument("--model", metavar="PATH|ID", help="translation model folder or installed model id")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="open offscreen, wait until all work is done, save a PNG of the window and exit")
    return parser


def unknown_command(word: str, commands: list[str]) -> str:
    """A one-line message when ``word`` looks like a mistyped subcommand, not a file; else ''."""
    if Path(word).exists() or word.startswith("-") or Path(word).suffix or os.sep in word or "/" in word:
        return ""
    close = difflib.get_close_matches(word, commands, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"khulasa: unknown command '{word}'{hint}; commands: {', '.join(commands)}"


def no_display(screenshot: bool, *, environ=os.environ, platform: str = sys.platform) -> bool:
    """True when the window cannot open: Linux without X11/Wayland and no display-less Qt platform."""
    if not platform.startswith("linux") or screenshot:
        return False
    if environ.get("QT_QPA_PLATFORM", "").split(":")[0] in HEADLESS_PLATFORMS:
        return False
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    commands = subcommands()
    if argv and argv[0] in commands:
        from cli import run

        return run(argv)
    if argv and (message := unknown_command(argv[0], commands)):
        print(message, file=sys.stderr)
        return 2
    args = _gui_parser(commands).parse_args(argv)
    if no_display(bool(args.screenshot)):
        print("khulasa: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
              f"the headless commands work without one: {', '.join(commands)} "
              "(python main.py SUBCOMMAND --help)", file=sys.stderr)
        return 2
    from gui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
