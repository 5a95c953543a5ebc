"""``python main.py glossary list|add|remove|import|export``: the user's entity glossary.

The glossary (``glossary.json`` in the user data folder; ``KHULASA_HOME``
honoured) corrects entities in every article, pane, copy, brief and translation:

- ``add ARABIC --english TEXT [--type PER|LOC|ORG|MISC]`` sets the English form
  and/or the type; ``--not-entity`` marks the name as no entity;
  ``--merge-into OTHER`` joins its group to OTHER's. Adding to a name already
  in the glossary overrides the fields given.
- ``remove ARABIC`` deletes the glossary entry (the engine's own result returns).
- ``list`` prints ``arabic<TAB>english<TAB>type<TAB>action`` lines.
- ``import FILE.csv`` / ``export FILE.csv``: columns ``arabic,english,type,not_entity,merge_into``;
  a bad row is reported with its line number and nothing is imported.
Exit codes: 0 done; 2 bad input or unreadable file (nothing changed).
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("glossary", help="list, add, remove, import, export entity corrections")
    gsub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    gsub.add_parser("list", help="the corrections")
    a = gsub.add_parser("add", help="add or override a correction")
    a.add_argument("arabic", metavar="ARABIC")
    a.add_argument("--english", default="", metavar="TEXT", help="the English form")
    a.add_argument("--type", default="", choices=("PER", "LOC", "ORG", "MISC"), help="the entity type")
    a.add_argument("--not-entity", action="store_true", help="the name is not an entity")
    a.add_argument("--merge-into", default="", metavar="OTHER", help="join this name's group to OTHER's")
    gsub.add_parser("remove", help="delete a correction").add_argument("arabic", metavar="ARABIC")
    gsub.add_parser("import", help="add the rows of a CSV file").add_argument("path", metavar="FILE.csv")
    gsub.add_parser("export", help="write the glossary as CSV").add_argument("path", metavar="FILE.csv")


def run(args: argparse.Namespace) -> int:
    """Run one glossary action; errors propagate to ``cli.run``."""
    from cli import say
    from models.names import Correction, Glossary, GlossaryError

    glossary = Glossary.load()
    if args.action == "list":
        for c in glossary.entries.values():
            action = "not-entity" if c.not_entity else f"merge-into {c.merge_into}" if c.merge_into else ""
            print(f"{c.arabic}\t{c.english}\t{c.type}\t{action}")
        return 0
    if args.action == "export":
        say(f"{args.path}: {glossary.export_csv(Path(args.path))} corrections written")
        return 0
    if args.action == "add":
        try:
            glossary.set(Correction(args.arabic.strip(), args.english.strip(), args.type, args.not_entity,
                                    args.merge_into.strip()))
        except ValueError as exc:
            raise GlossaryError(f"glossary add: {exc}") from None
    elif args.action == "remove":
        if not glossary.remove(args.arabic):
            raise GlossaryError(f"glossary remove: {args.arabic!r} is not in the glossary")
    else:
        say(f"{args.path}: {glossary.import_csv(Path(args.path))} corrections imported")
    glossary.save()
    return 0
