"""Batch options and the output row of one article (or of one failure)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from models.article import Article
from models.batch.inputs import Item, load
from models.errors import KhulasaError
from models.ner import project
from models.pipeline import analyse
from models.summarize import Length, check_algorithm

log = logging.getLogger(__name__)

TRANSLATE_CHOICES = ("none", "summary", "all")


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What each article gets: summary length and algorithm, and which sentences are translated."""

    length: Length | None = None
    algorithm: str = "auto"
    translate: str = "none"

    def __post_init__(self) -> None:
        check_algorithm(self.algorithm)
        if self.translate not in TRANSLATE_CHOICES:
            choices = ", ".join(TRANSLATE_CHOICES)
            raise KhulasaError(f"--translate must be one of {choices}, not '{self.translate}'")


@dataclass(slots=True)
class Outcome:
    """A processed item: its finished ``row``, or its analysed ``article`` still to be translated."""

    id: str
    row: dict | None = None
    article: Article | None = None


def process(item: Item, options: BatchOptions) -> Outcome:
    """Read, summarise and annotate one item; a failure becomes an error row (the batch goes on)."""
    try:
        article = analyse(load(item), length=options.length, algorithm=options.algorithm)
    except KhulasaError as error:
        return Outcome(item.id, row=error_row(item.id, str(error)))
    except Exception as error:  # a bug on one odd article must not stop an archive run
        log.exception("batch: %s failed", item.where)
        return Outcome(item.id, row=error_row(item.id, f"{item.where}: unexpected error ({error!r})"))
    if options.translate == "none":
        project(article)  # English forms by transliteration
        return Outcome(item.id, row=article_row(item.id, article))
    return Outcome(item.id, article=article)


def to_translate(article: Article, options: BatchOptions) -> list[int]:
    """The sentence indices ``options.translate`` asks for."""
    return list(article.summary) if options.translate == "summary" else list(range(len(article.sentences)))


def error_row(item_id: str, message: str) -> dict:
    return {"id": item_id, "error": message}


def article_row(item_id: str, article: Article) -> dict:
    """The JSON row of an analysed (and maybe translated) article."""
    meta = article.metadata
    row = {
        "id": item_id,
        "title": article.title,
        "dateline": meta.dateline,
        "source": meta.source,
        "keywords": list(meta.keywords),
        "sentences": len(article.sentences),
        "summary": {"algorithm": article.algorithm, "indices": list(article.summary),
                    "text": [s.text for s in article.summary_sentences]},
        "entities": [{"type": e.type, "canonical": e.canonical, "english": e.english, "count": e.count,
                      "in_summary": e.in_summary} for e in article.entities],
        "model": article.model_id or None,
    }
    if article.model_id:
        row["translation"] = {
            "title": article.title_translation,
            "sentences": [{"index": i, "text": article.translations[i].target}
                          for i in sorted(article.translations)],
        }
    return row
