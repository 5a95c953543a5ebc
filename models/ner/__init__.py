"""Arabic entity recognition: a CRF recogniser, grouping into entities, English projection.

``default_recognizer().find(text)`` gives mentions; ``annotate(article)`` fills
``article.mentions`` and ``article.entities``; ``project(article)`` maps them
onto the English translations.
"""

from models.ner.grouping import annotate, group_mentions
from models.ner.projection import project
from models.ner.recognizer import Recognizer, default_recognizer

__all__ = ["Recognizer", "annotate", "default_recognizer", "group_mentions", "project"]
