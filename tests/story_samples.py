"""Hand-built Articles for the story tests: sentences and the entity mentions a recogniser would give."""

from __future__ import annotations

from models.article import Article, Entity, Mention, Metadata, Sentence, Translation


def story_article(
    sentences: list[str], names: dict[str, str] | None = None, *, source: str = "",
    english: list[str] | None = None,
) -> Article:
    """An Article of ``sentences`` (one paragraph each) with every occurrence of ``names`` as a mention.

    ``names`` maps a name to its type (``PER``/``ORG``/``LOC``); each name is one entity.
    """
    text = " ".join(sentences)
    spans, at = [], 0
    for index, sentence in enumerate(sentences):
        spans.append(Sentence(index, at, at + len(sentence), sentence, index))
        at += len(sentence) + 1
    article = Article(text=text, sentences=tuple(spans), metadata=Metadata(source=source))
    for number, (name, kind) in enumerate((names or {}).items()):
        entity = Entity(kind, name, [])
        start = text.find(name)
        while start >= 0:
            article.mentions.append(Mention(start, start + len(name), kind, name, number))
            entity.mentions.append((start, start + len(name)))
            start = text.find(name, start + 1)
        article.entities.append(entity)
    article.mentions.sort(key=lambda m: m.start)
    for index, target in enumerate(english or []):
        article.translations[index] = Translation(index, sentences[index], target)
    return article
