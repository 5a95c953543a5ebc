"""``python main.py summarize FILE…``: extractive summaries on stdout.

Text output: the summary sentences, one per line (a blank line between files).
JSON output: one object per file (a list when several files are given) with
the article's sentences, the picked indices, the algorithm and the language.
A file that is not Arabic is read but not summarised: one line on stderr says
so, and its JSON object has an empty summary.
"""

from __future__ import annotations

import argparse
import json
import sys

from cli import length_of, say
from models.article import Article
from models.errors import ArticleError
from models.language import not_arabic_reason
from models.reading import read_article
from models.summarize import check_algorithm, summarize


def _as_json(path: str, article: Article) -> dict:
    return {
        "file": path,
        "title": article.title,
        "sentences": [
            {"index": i, "start": s.start, "end": s.end, "text": s.text}
            for i, s in enumerate(article.sentences)
        ],
        "summary": article.summary,
        "algorithm": article.algorithm,
        "language": article.language,
    }


def run(args: argparse.Namespace) -> int:
    """Summarise every file; returns 2 if any file failed, else 0. Bad options propagate to ``cli.run``."""
    length = length_of(args)
    check_algorithm(args.algorithm)
    failed = printed = False
    objects = []
    for path in args.files:
        try:
            article = read_article(path)
        except ArticleError as error:  # names the file
            say(str(error))
            failed = True
            continue
        reason = not_arabic_reason(article)
        if reason:
            say(f"{path}: {reason}")  # read, but nothing to summarise
        else:
            summarize(article, length, args.algorithm)
        if args.format == "json":
            objects.append(_as_json(path, article))
            continue
        if reason:
            continue
        if printed:
            print()  # a blank line between files
        printed = True
        for sentence in article.summary_sentences:
            print(" ".join(sentence.text.split()))
    if args.format == "json" and objects:
        payload = objects[0] if len(args.files) == 1 else objects
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    sys.stdout.flush()
    return 2 if failed else 0
