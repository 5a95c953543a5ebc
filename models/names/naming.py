"""English forms of an article's entities, from the best source that has one.

In order: the user's glossary, the name dictionary (a listed whole name, or a
person's name whose every word is listed), the English words the translation
aligned to the name (``projected``, from :func:`models.ner.project`), then the
learned transliteration. ``Entity.english_source`` says which gave the form.
"""

from __future__ import annotations

from collections.abc import Mapping

from models.article import Article
from models.names.dictionary import Dictionary, default_dictionary
from models.names.glossary import Glossary
from models.names.translit import spell_name

SOURCES = ("glossary", "dictionary", "translation", "transliteration")


def english_name(arabic: str, *, dictionary: Dictionary | None = None) -> tuple[str, str]:
    """``(English, source)`` for an Arabic name without context: the dictionary, then the model.

    ``source`` is ``dictionary`` or ``transliteration``; ("", "transliteration") for no letters.
    """
    dictionary = dictionary or default_dictionary()
    entry = dictionary.name(arabic)
    if entry is not None:
        return entry.english, "dictionary"
    latin, listed = spell_name(arabic, dictionary.word)
    return latin, "dictionary" if listed and latin else "transliteration"


def name_entities(article: Article, projected: Mapping[int, str] | None = None, *,
                  glossary: Glossary | None = None, dictionary: Dictionary | None = None) -> None:
    """Fill ``english`` and ``english_source`` of every entity of ``article``.

    ``projected``: entity index → the English its mentions were aligned to in the translation.
    """
    dictionary = dictionary or default_dictionary()
    projected = projected or {}
    for i, entity in enumerate(article.entities):
        chosen = glossary.english(entity.canonical) if glossary is not None else ""
        if chosen:
            entity.english, entity.english_source = chosen, "glossary"
            continue
        entry = dictionary.name(entity.canonical, entity.type)
        if entry is not None:
            entity.english, entity.english_source = entry.english, "dictionary"
            continue
        latin, listed = spell_name(entity.canonical, dictionary.word) if entity.type == "PER" or \
            not projected.get(i) else ("", False)
        if listed and latin:
            entity.english, entity.english_source = latin, "dictionary"
        elif projected.get(i):
            entity.english, entity.english_source = projected[i], "translation"
        else:
            entity.english, entity.english_source = latin, "transliteration"
