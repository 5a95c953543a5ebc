"""``python main.py entities FILE``: people, places, organisations and other names in an article.

``--format json`` (default) prints ``{"entities": [{"start", "end", "type", "text"}],
"groups": [{"type", "canonical", "english", "english_source", "count", "mentions": [[start, end], …]}]}`` with
character offsets into the file's decoded text (BOM removed, ``\\n`` line
endings). ``entities`` are the recogniser's spans (whole tokens, the
ANERcorp/NewsFANE convention); ``groups`` are the grouped display mentions
of ``models.ner.annotate``, which apply the display span rules
(``models.ner.span_rules``) and add standalone repeats of names found elsewhere in the article
(``Recognizer.complete``) and leave out a separable proclitic (``بحفتر`` → ``حفتر``),
after the user's glossary (``glossary`` command) has removed, retyped or merged
groups. ``english`` is each group's English form and ``english_source`` where it
came from: ``glossary``, ``dictionary`` or ``transliteration`` (``translation``
needs a translated article, as in briefs; see docs/NAMES.md).
``--format text`` prints one entity per line: type, mention count, canonical form.
Exit codes: 0 done; 2 unreadable file, recogniser data or glossary; 130 interrupted.
"""

from __future__ import annotations

import argparse
import json


def run(args: argparse.Namespace) -> int:
    """Find and print the entities; errors propagate to ``cli.run``."""
    from models.language import check_arabic
    from models.names import settle
    from models.ner import default_recognizer, group_mentions
    from models.reading import read_article

    article = read_article(args.file)
    check_arabic(article)
    recognizer = default_recognizer()
    found = recognizer.find(article.text)
    group_mentions(article, recognizer.complete(article.text, found), recognizer.lexicon.names)
    settle(article)
    if args.format == "json":
        document = {
            "entities": [{"start": m.start, "end": m.end, "type": m.type, "text": m.text} for m in found],
            "groups": [{"type": e.type, "canonical": e.canonical, "english": e.english,
                        "english_source": e.english_source, "count": e.count,
                        "mentions": [list(span) for span in e.mentions]} for e in article.entities],
        }
        print(json.dumps(document, ensure_ascii=False))
    else:
        for entity in article.entities:
            print(f"{entity.type}\t{entity.count}\t{entity.canonical}")
    return 0
