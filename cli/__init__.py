"""The headless command line: ``python main.py SUBCOMMAND …``.

Each subcommand lives in its own module with a ``run(args) -> int`` function;
this module declares the arguments and turns errors into one line on stderr
and an exit code: 2 bad input or failure, 3 no translation model, 130
interrupted. No Qt widget is created here.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import TYPE_CHECKING

from models import __version__
from models.errors import CancelledError, KhulasaError, NoModelError

if TYPE_CHECKING:
    from models.summarize import Length

SUBCOMMANDS = ("summarize", "translate", "entities", "brief", "models", "story", "batch")
SUBCOMMANDS += ("transliterate", "glossary")  # modules that declare their own arguments (add_arguments)


def _add_length(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--words", type=int, metavar="W", help="summary of at least W words")
    group.add_argument("--sentences", type=int, metavar="N", help="summary of N sentences")
    group.add_argument("--ratio", type=float, metavar="R", help="summary of this share of sentences (0-1)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khulasa",
        description="Khulasa: Arabic news summaries with offline English translation.",
    )
    parser.add_argument("--version", action="version", version=f"khulasa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")

    p = sub.add_parser("summarize", help="extractive Arabic summary of article files")
    p.add_argument("files", nargs="+", metavar="FILE")
    _add_length(p)
    p.add_argument("--algorithm", default="auto", help="auto (default), lexrank, textrank, lsa, luhn, kl, "
                   "sumbasic, reduction, edmundson")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("translate", help="translate an article (or its summary) to English")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--model", metavar="PATH|ID", help="model folder or installed model id")
    p.add_argument("--summary-only", action="store_true", help="translate only the summary")
    _add_length(p)
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("entities", help="people, places and organisations in an article")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=("json", "text"), default="json")

    p = sub.add_parser("brief", help="write a bilingual briefing document")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.docx, .pdf, .html or .md")
    p.add_argument("--model", metavar="PATH|ID", help="model folder or installed model id")
    _add_length(p)
    p.add_argument("--full-translation", action="store_true", help="append the whole article's translation")

    p = sub.add_parser("story", help="one story across sources: who said what, figures, unique content")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("json", "md"), default="md")
    p.add_argument("--model", metavar="PATH|ID", help="model folder or installed model id")

    p = sub.add_parser("batch", help="summaries, entities and translations of many articles, as JSONL rows")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="article files, folders or JSONL exports")
    p.add_argument("--out", required=True, metavar="OUT.jsonl", help="rows are appended; a rerun resumes")
    _add_length(p)
    p.add_argument("--algorithm", default="auto", help="summary algorithm, as for summarize")
    p.add_argument("--model", metavar="PATH|ID", help="model folder or installed model id")
    p.add_argument("--translate", choices=("none", "summary", "all"), default="none",
                   help="which sentences to translate (default: none)")
    p.add_argument("--workers", type=int, metavar="N",
                   help="worker processes (default: all cores; with --engine dask, the local cluster's)")
    p.add_argument("--engine", choices=("pool", "dask"), default="pool",
                   help="pool: this machine; dask: a Dask cluster (pip install .[cluster])")
    p.add_argument("--address", metavar="HOST:PORT", help="scheduler of an existing Dask cluster")

    p = sub.add_parser("models", help="list, download, import, remove translation models")
    msub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    msub.add_parser("list", help="catalogue and installed models")
    msub.add_parser("download", help="download a catalogue model").add_argument("id", metavar="ID")
    msub.add_parser("import", help="import a folder, .argosmodel or Marian zip").add_argument(
        "path", metavar="PATH")
    msub.add_parser("remove", help="remove an installed model").add_argument("id", metavar="ID")
    msub.add_parser("default", help="make an installed model the default").add_argument("id", metavar="ID")
    for name in ("transliterate", "glossary"):
        importlib.import_module(f"cli.{name}_cmd").add_arguments(sub)
    return parser


def length_of(args: argparse.Namespace) -> Length | None:
    """The summary length given by ``--words``, ``--sentences`` or ``--ratio``; ``None`` for the default.

    Raises:
        SummaryError: the value is out of range (e.g. ``--sentences 0``).
    """
    if args.words is None and args.sentences is None and args.ratio is None:
        return None
    from models.summarize import Length

    return Length(sentences=args.sentences, ratio=args.ratio, words=args.words)


def say(message: str) -> None:
    """One line for the user on stderr."""
    print(message, file=sys.stderr)


def run(argv: list[str]) -> int:
    """Parse ``argv`` and run the subcommand; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    module = importlib.import_module(f"cli.{args.command}_cmd")
    try:
        return module.run(args)
    except NoModelError as error:
        say(str(error))
        return 3
    except (KeyboardInterrupt, CancelledError):
        say(f"\n{args.command}: interrupted; {getattr(module, 'ON_INTERRUPT', 'nothing more was done')}")
        return 130
    except KhulasaError as error:
        say(str(error))
        return 2
    except BrokenPipeError:  # the reader went away, e.g. piped into `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:
        say(f"{error.filename or args.command}: {error.strerror or error}")
        return 2
