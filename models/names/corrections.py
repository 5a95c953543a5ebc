"""The glossary applied to one article: its entity groups, and the English of its translations.

:func:`correct_entities` runs after grouping (``models.ner.annotate``): it
drops names marked as not entities, changes types and merges groups, then
re-indexes mentions. :func:`glossary_spans` rewrites, in each translation, the
aligned span of a name whose English comes from the glossary.
"""

from __future__ import annotations

from models.article import Article, Entity, Translation
from models.names.dictionary import match_key
from models.names.glossary import Correction, Glossary


def _correction(article: Article, entity: Entity, glossary: Glossary) -> Correction | None:
    """The entry for the group's canonical form, else for one of its mentions as written."""
    found = glossary.get(entity.canonical)
    if found is not None:
        return found
    for start, end in entity.mentions:
        found = glossary.get(article.text[start:end])
        if found is not None:
            return found
    return None


def correct_entities(article: Article, glossary: Glossary) -> None:
    """Apply the glossary's type changes, removals and merges to ``article``'s groups."""
    if not glossary.entries or not article.entities:
        return
    keys = {match_key(e.canonical): i for i, e in enumerate(article.entities)}
    target = list(range(len(article.entities)))  # group index → the group it ends up in, -1 removed
    for i, entity in enumerate(article.entities):
        entry = _correction(article, entity, glossary)
        if entry is None:
            continue
        if entry.not_entity:
            target[i] = -1
        elif entry.merge_into and keys.get(match_key(entry.merge_into), i) != i:
            target[i] = keys[match_key(entry.merge_into)]
        if entry.type:
            entity.type = entry.type
    for i in range(len(target)):  # follow chains of merges (a → b → c), stopping at cycles
        seen = {i}
        while target[i] >= 0 and target[target[i]] != target[i] and target[target[i]] not in seen:
            seen.add(target[i])
            target[i] = target[target[i]]
    kept = [i for i in range(len(target)) if target[i] == i]
    for i, to in enumerate(target):
        if to >= 0 and to != i:
            into, source = article.entities[to], article.entities[i]
            into.mentions = sorted(into.mentions + source.mentions)
            into.in_summary = into.in_summary or source.in_summary
    kept.sort(key=lambda i: (-article.entities[i].count, not article.entities[i].in_summary,
                             article.entities[i].mentions[0][0]))
    new_index = {old: new for new, old in enumerate(kept)}
    mentions = []
    for mention in article.mentions:
        group = target[mention.entity] if mention.entity is not None else None
        if group == -1:
            continue
        if group is not None:
            mention.entity = new_index[group]
            mention.type = article.entities[group].type
        mentions.append(mention)
    article.mentions = mentions
    article.entities = [article.entities[i] for i in kept]


def glossary_spans(translation: Translation, entities: list[Entity]) -> None:
    """Put the glossary form in place of a glossary name's aligned span (offsets after it shift)."""
    edits = [(s, e, entities[k].english) for s, e, k in translation.entity_spans
             if entities[k].english_source == "glossary" and translation.target[s:e] != entities[k].english]
    for start, end, english in sorted(edits, reverse=True):
        translation.target = translation.target[:start] + english + translation.target[end:]
        shift = _shifter(start, end, len(english))
        translation.entity_spans = [(shift(s), shift(e), k) for s, e, k in translation.entity_spans]
        translation.alignment = [(ss, se, shift(ts), shift(te)) for ss, se, ts, te in translation.alignment]


def _shifter(start: int, end: int, length: int):
    """Where an offset goes when ``start:end`` is replaced by ``length`` characters."""
    def shift(offset: int) -> int:
        if offset >= end:
            return offset + length - (end - start)
        return min(offset, start + length) if offset > start else offset

    return shift
