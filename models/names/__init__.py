"""English forms of Arabic names: a dictionary, learned transliteration and the user's glossary.

``english_name(arabic)`` spells one name (dictionary, then the model);
``settle(article)`` applies the glossary to an article's entity groups and
names every entity (``Entity.english``, ``Entity.english_source``);
``models.ner.project`` does the same with the translation's aligned words.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from models.article import Article
from models.names.corrections import correct_entities, glossary_spans
from models.names.dictionary import Dictionary, default_dictionary
from models.names.glossary import GLOSSARY_FILE, Correction, Glossary, GlossaryError
from models.names.naming import SOURCES, english_name, name_entities
from models.names.translit import spell_name
from models.paths import data_dir

__all__ = ["SOURCES", "Correction", "Dictionary", "Glossary", "GlossaryError", "current_glossary",
           "default_dictionary", "english_name", "glossary_spans", "record_correction", "settle",
           "warm_up"]

_loaded: dict[Path, tuple[int, Glossary]] = {}


def current_glossary() -> Glossary:
    """The user's glossary as saved now (re-read when the file changed).

    Raises:
        GlossaryError: the file exists but cannot be read.
    """
    path = data_dir() / GLOSSARY_FILE
    mtime = path.stat().st_mtime_ns if path.is_file() else -1
    cached = _loaded.get(path)
    if cached is None or cached[0] != mtime:
        _loaded[path] = (mtime, Glossary.load(path))
    return _loaded[path][1]


def warm_up() -> None:
    """Load the dictionary, the transliteration models and the spellings list now (start-up work)."""
    default_dictionary()
    spell_name("سلام")  # loads them (or finds them missing: the letter spelling then serves)


def record_correction(correction: Correction) -> None:
    """Add ``correction`` to the user's glossary (overriding the fields it gives) and save it."""
    glossary = Glossary.load()
    glossary.set(correction)
    glossary.save()


def settle(article: Article, projected: Mapping[int, str] | None = None, *,
           glossary: Glossary | None = None) -> Article:
    """Apply the glossary to ``article``'s entity groups, then give every entity its English form."""
    glossary = current_glossary() if glossary is None else glossary
    correct_entities(article, glossary)
    name_entities(article, projected, glossary=glossary)
    return article
