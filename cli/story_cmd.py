"""``python main.py story FILE…``: one story across several sources — who said what, figures, unique content.

``--format md`` (default) prints the "Who said what" and "Figures by source"
sections of a brief and, per source, the sentences no other source has;
``--format json`` prints ``{"sources": [{"article", "file", "source"}],
"quotes": [{"article", "sentence", "start", "end", "text", "kind", "verb",
"speaker": {"name", "type", "role", "affiliation", "unattributed"},
"english"}], "figures": [{"article", "sentence", "start", "end", "text",
"value", "category", "counted", "event", "date"}], "groups": [{"key", "label",
"disagree", "values": [[…] per article]}], "unique": [{"article", "sentence",
"text"}]}`` (articles are 0-based; offsets index each file's decoded text).
With a translation model (``--model``, else the default when one is
installed) the sentences holding quotes are translated and their English is
given. Exit codes: 0 done; 2 an unusable model or an unreadable input (the
others are still compared, the message says which were left out); 3 ``--model``
names no model; 130 interrupted.
"""

from __future__ import annotations

import argparse
import json

from cli import say
from models.errors import ArticleError


def _translator(spec: str | None):
    """The translator for ``--model`` (or the default); ``None`` when no model is installed and none named."""
    from models.errors import NoModelError
    from models.translation import ModelStore, Translator

    try:
        return Translator(ModelStore().resolve(spec))
    except NoModelError:
        if spec is not None:
            raise
        say("No translation model is installed: the story is in Arabic only.")
        return None


def _json(story) -> str:
    document = {
        "sources": [{"article": n, "file": a.name, "source": a.metadata.source}
                    for n, a in enumerate(story.articles)],
        "quotes": [{
            "article": q.article, "sentence": q.sentence, "start": q.start, "end": q.end, "text": q.text,
            "kind": q.kind, "verb": q.verb,
            "speaker": {"name": q.speaker.name, "type": q.speaker.type, "role": q.speaker.role,
                        "affiliation": q.speaker.affiliation, "unattributed": q.speaker.unattributed},
            "english": story.english(q.article, q.sentence),
        } for q in story.quotes],
        "figures": [{
            "article": f.article, "sentence": f.sentence, "start": f.start, "end": f.end, "text": f.text,
            "value": f.value, "category": f.category, "counted": f.counted, "event": f.event, "date": f.date,
        } for f in story.figures],
        "groups": [{"key": g.key, "label": g.label, "disagree": g.disagree,
                    "values": [[f.value for f in figures] for figures in g.by_article]}
                   for g in story.groups],
        "unique": [{"article": u.article, "sentence": u.sentence, "text": u.text} for u in story.unique],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _markdown(story) -> str:
    from models.briefing.combine import figure_rows, quote_rows
    from models.briefing.content import Brief, article_section
    from models.briefing.layout import Heading, Paragraph, story_blocks
    from models.briefing.markdown_writer import render_blocks

    sections = tuple(article_section(a, n) for n, a in enumerate(story.articles, start=1))
    brief = Brief(title="Story", sections=sections, quotes=quote_rows(story), figures=figure_rows(story))
    blocks = [Heading(f"Story: {len(story.articles)} sources", 0)]
    blocks += [Paragraph(f"Article {n}: {name}") for n, name in enumerate(story.sources, start=1)]
    blocks += story_blocks(brief, english=any(a.translations for a in story.articles))
    if len(story.articles) > 1:
        blocks.append(Heading("Only in one source", 1))
        for n, name in enumerate(story.sources):
            only = [u.text for u in story.unique if u.article == n]
            if only:
                blocks.append(Heading(f"Only in article {n + 1} ({name})", 2))
                blocks += [Paragraph(text, "ar") for text in only]
    return render_blocks(blocks)


def run(args: argparse.Namespace) -> int:
    """Read, analyse and compare the files; errors propagate to ``cli.run``."""
    from models.pipeline import open_article, translate
    from models.story import build_story

    translator = _translator(args.model)
    articles, failed = [], 0
    for name in args.files:
        try:
            articles.append(open_article(name))
        except ArticleError as error:  # this input only: the others are still compared
            say(str(error))
            failed += 1
    if not articles:
        say("story: no input file could be read")
        return 2
    story = build_story(articles)
    if translator is not None:
        for number, article in enumerate(articles):
            indices = sorted({q.sentence for q in story.quotes if q.article == number})
            if indices:
                say(f"{article.name}: translating {len(indices)} sentences with {translator.model_id}")
                translate(article, translator, indices=indices)
    if args.format == "json":
        print(_json(story))
    else:
        print(_markdown(story), end="")
    if failed:
        say(f"{failed} of {len(args.files)} input files could not be read and were left out")
        return 2
    return 0
