"""One story, many sources: who said what (quotes), figures by source, content only one source has.

``build_story(articles)`` compares analysed articles (entities found by
``models.pipeline.analyse``) and returns a :class:`Story`.
"""

from models.story.events import FigureGroup
from models.story.figures import Figure, article_figures
from models.story.quotes import Quote, article_quotes
from models.story.speaker_groups import SpeakerGroup, group_speakers, speaker_key
from models.story.speakers import Speaker
from models.story.story import Story, build_story, sentence_english, source_name
from models.story.unique import UniqueSentence, unique_sentences

__all__ = [
    "Figure", "FigureGroup", "Quote", "Speaker", "SpeakerGroup", "Story", "UniqueSentence",
    "article_figures", "article_quotes", "build_story", "group_speakers", "sentence_english", "source_name",
    "speaker_key", "unique_sentences",
]
