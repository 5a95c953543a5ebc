"""The one document model that flows from reader to panes and exports.

An :class:`Article` holds the decoded text and everything the engine learns
about it. All offsets are character offsets into ``Article.text`` (BOM removed,
line endings ``\\n``). Readers fill the structure and sentences; the summariser,
translator and entity recogniser fill their own fields; panes and exporters
only read.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

ENTITY_LABELS = {"PER": "Person", "LOC": "Place", "ORG": "Organisation", "MISC": "Other"}
ENTITY_TYPES = tuple(ENTITY_LABELS)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A body sentence: ``text == article.text[start:end]``."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Metadata:
    """Lines recognised around the body and kept out of it."""

    dateline: str = ""
    source: str = ""
    keywords: tuple[str, ...] = ()
    byline: str = ""  # the author line at the top («حوار: آسيا العتروس»)


@dataclass(slots=True)
class Mention:
    """One entity mention; ``entity`` indexes ``Article.entities`` once grouped."""

    start: int
    end: int
    type: str
    text: str
    entity: int | None = None


@dataclass(slots=True)
class Entity:
    """Mentions of one real-world entity grouped together."""

    type: str
    canonical: str
    mentions: list[tuple[int, int]]
    english: str = ""
    in_summary: bool = False
    english_source: str = ""  # glossary | dictionary | translation | transliteration (models.names)

    @property
    def count(self) -> int:
        return len(self.mentions)


@dataclass(slots=True)
class Translation:
    """The English for one sentence.

    ``alignment`` maps source character spans (relative to the sentence text) to
    target character spans (relative to ``target``), as produced by the model's
    attention; ``entity_spans`` are ``(start, end, entity index)`` in ``target``.
    """

    index: int
    source: str
    target: str
    alignment: list[tuple[int, int, int, int]] = field(default_factory=list)
    entity_spans: list[tuple[int, int, int]] = field(default_factory=list)


@dataclass
class Article:
    """Text, structure, summary picks, translations and entities of one article."""

    text: str
    sentences: tuple[Sentence, ...] = ()
    paragraphs: tuple[tuple[int, int], ...] = ()
    title: str = ""
    title_span: tuple[int, int] | None = None
    metadata: Metadata = field(default_factory=Metadata)
    path: Path | None = None
    summary: list[int] = field(default_factory=list)
    algorithm: str = ""
    translations: dict[int, Translation] = field(default_factory=dict)
    title_translation: str = ""
    model_id: str = ""
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    language: str = "ar"  # ISO 639-1 code of the main language: "ar", "fa", "ur", "en", or "und"

    @property
    def name(self) -> str:
        """A short display name: the file name, or the headline."""
        if self.path is not None:
            return self.path.name
        return self.title or "untitled"

    @property
    def summary_sentences(self) -> list[Sentence]:
        return [self.sentences[i] for i in self.summary]

    def word_count(self, indices: list[int] | None = None) -> int:
        """Words in the given sentences (all body sentences by default)."""
        chosen = self.sentences if indices is None else [self.sentences[i] for i in indices]
        return sum(len(s.text.split()) for s in chosen)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains character ``offset``, if any."""
        at = bisect.bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        if at >= 0 and offset < self.sentences[at].end:
            return self.sentences[at]
        return None
