"""Arabic→English translation: the translator, its cache, the model catalogue and store.

Public API::

    store = ModelStore()
    translator = Translator(store.resolve(None))       # the default installed model
    translate_article(article, translator, on_sentence=print)
"""

from models.translation.cache import TranslationCache
from models.translation.catalogue import CATALOGUE, CatalogueEntry
from models.translation.download import Progress
from models.translation.store import NO_MODEL_HELP, InstalledModel, ModelStore
from models.translation.translator import TranslateOptions, Translator, translate_article, translate_articles

__all__ = [
    "CATALOGUE",
    "NO_MODEL_HELP",
    "CatalogueEntry",
    "InstalledModel",
    "ModelStore",
    "Progress",
    "TranslateOptions",
    "TranslationCache",
    "Translator",
    "translate_article",
    "translate_articles",
]
