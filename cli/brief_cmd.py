"""``python main.py brief FILE… -o OUT.(docx|pdf|html|md)``: a bilingual briefing document.

Reads and analyses every file, translates the summaries (or whole articles
with ``--full-translation``) when a model is available, and writes one brief.
Exit codes: 0 written; 2 bad output name, unusable model, or any unreadable
input (the brief is still written from the readable ones, saying which were
left out); 3 ``--model`` names no model; 130 interrupted (nothing written).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cli import length_of, say
from models.errors import ArticleError, NoModelError

ON_INTERRUPT = "nothing was written"


def _translator(spec: str | None):
    """The translator for ``--model`` (or the default); ``None`` when no model is installed at all.

    Raises:
        NoModelError: ``spec`` was given but names no model.
        ModelError: the model cannot be loaded.
    """
    from models.translation import ModelStore, Translator

    try:
        model_dir = ModelStore().resolve(spec)
    except NoModelError as error:
        if spec is not None:
            raise
        say(f"{error} Writing an Arabic-only brief.")
        return None
    return Translator(model_dir)


def run(args: argparse.Namespace) -> int:
    """Write the brief; errors other than unreadable inputs propagate to ``cli.run``."""
    from models.briefing import check_output, output_format, save_brief
    from models.pipeline import open_article, translate

    out = Path(args.output)
    output_format(out)  # an unknown suffix fails before any file is read
    check_output(out, args.files)
    length = length_of(args)
    translator = _translator(args.model)

    articles, failed = [], []
    for name in args.files:
        try:
            articles.append(open_article(name, length=length))
        except ArticleError as error:  # this input only; engine errors stop the command
            say(str(error))
            failed.append(str(error))
    if not articles:
        say(f"{out}: not written, no input file could be read")
        return 2
    if translator is not None:
        for article in articles:
            indices = None if args.full_translation else article.summary
            count = len(article.sentences) if indices is None else len(indices)
            say(f"{article.name}: translating {count} sentences with {translator.model_id}")
            translate(article, translator, indices=indices)

    notes = [f"Left out, could not be read: {message}" for message in failed]
    save_brief(articles, out, full_translation=args.full_translation, notes=notes)
    english = f"English by {translator.model_id}" if translator is not None else "Arabic only"
    print(f"{out}: brief of {len(articles)} article{'s' if len(articles) > 1 else ''} written ({english})")
    if failed:
        say(f"{len(failed)} of {len(args.files)} input files could not be read and were left out")
        return 2
    return 0
