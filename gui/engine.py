"""The engine as the window sees it: lazy imports of the pipeline and model store.

Importing here, on first use, keeps start-up lean (ctranslate2, sumy and the CRF
load only when an article is opened) and keeps every engine call the GUI makes
in one short list. No NLP happens in this module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from models.article import Article, Translation


def algorithms() -> tuple[str, ...]:
    from models.summarize import ALGORITHMS

    return tuple(ALGORITHMS)


def warm_up() -> None:
    """Import the engine, load the entity recogniser and the names (a start-up worker): a quick first open."""
    from models.names import warm_up as names_warm_up
    from models.ner import default_recognizer
    from models.pipeline import analyse  # noqa: F401 - the import is the point

    default_recognizer()
    names_warm_up()


def supported_suffixes() -> tuple[str, ...]:
    from models.reading import SUPPORTED_SUFFIXES

    return tuple(SUPPORTED_SUFFIXES)


def length(unit: str, value: int):
    """A ``models.summarize.Length`` from the toolbar's unit and value."""
    from models.summarize import Length

    if unit == "words":
        return Length(words=value)
    return Length(ratio=value / 100) if unit == "percent" else Length(sentences=value)


def open_article(path: Path, *, length, algorithm: str) -> Article:
    """Read, summarise and annotate (runs in a worker)."""
    from models.pipeline import open_article as _open

    return _open(path, length=length, algorithm=algorithm)


def summarise(article: Article, *, length, algorithm: str) -> None:
    """A new summary for an open article (UI thread: ~20 ms for 1,000 words); none unless it is Arabic."""
    from models.language import not_arabic_reason
    from models.summarize import summarize

    if not not_arabic_reason(article):
        summarize(article, length, algorithm)


def reannotate(article: Article) -> Article:
    """Entities again after a summary change (~40 ms for 1,000 words: runs on the serial worker)."""
    from models.pipeline import reannotate as _reannotate

    return _reannotate(article)


def record_correction(correction) -> None:
    """Save an entity panel's glossary correction (``models.names.Correction``) for every article."""
    from models.names import record_correction as _record

    _record(correction)


def translate(article: Article, translator, *, indices: Sequence[int],
              on_sentence: Callable[[Translation], None], cancel: Callable[[], bool]) -> Article:
    """Translate ``indices`` (runs on the serial worker)."""
    from models.pipeline import translate as _translate

    return _translate(article, translator, indices=indices, on_sentence=on_sentence, cancel=cancel)


def model_store():
    from models.translation import ModelStore

    return ModelStore()


def installed_models() -> list[tuple[str, Path]]:
    """``(label, folder)`` for every installed model."""
    return [(info.id, Path(info.path)) for info in model_store().installed()]


def default_model_dir() -> Path | None:
    """The default installed model's folder, or ``None`` without one."""
    from models.errors import NoModelError

    try:
        return model_store().resolve(None)
    except NoModelError:
        return None


def resolve_model(spec: str) -> Path:
    """A model folder from ``--model PATH|ID`` (raises ``NoModelError``)."""
    return model_store().resolve(spec)


def remember_default(model_dir: Path | None) -> None:
    """Make the chosen installed model the default for next time."""
    if model_dir is None:
        return
    store = model_store()
    for info in store.installed():
        if Path(info.path) == model_dir:
            store.set_default(info.id)
            return


def story(articles: list[Article]):
    """Who said what, figures by source and unique sentences of the open articles (serial worker)."""
    from models.story import build_story

    return build_story(articles)
