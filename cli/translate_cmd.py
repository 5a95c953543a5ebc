"""``python main.py translate FILE``: the English of an article (or of its summary).

Text output is one translated sentence per line; ``--format json`` prints
``{"file", "model", "sentences": [{"index", "source", "target"}]}``.
Exit codes: 0 done; 2 unreadable file or unusable model; 3 no model
installed (the message says how to get one); 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys

from cli import length_of, say


def run(args: argparse.Namespace) -> int:
    """Translate and print; errors propagate to ``cli.run``."""
    from models.language import check_arabic
    from models.reading import read_article
    from models.translation import ModelStore, Translator, translate_article

    length = length_of(args)
    model_dir = ModelStore().resolve(args.model)
    article = read_article(args.file)
    check_arabic(article)
    indices = list(range(len(article.sentences)))
    if args.summary_only or length is not None:
        from models.summarize import summarize

        indices = summarize(article, length)
    translator = Translator(model_dir)
    if sys.stderr.isatty():
        say(f"{article.name}: translating {len(indices)} sentences with {translator.model_id}")
    translate_article(article, translator, indices)
    translations = [article.translations[i] for i in indices]
    if args.format == "json":
        sentences = [{"index": t.index, "source": t.source, "target": t.target} for t in translations]
        document = {"file": str(args.file), "model": translator.model_id, "sentences": sentences}
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        for translation in translations:
            print(translation.target)
    return 0
