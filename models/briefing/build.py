"""Assemble a :class:`Brief` from one or several analysed articles."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from models import __version__
from models.article import Article
from models.briefing.combine import combined_summary, entity_index, figure_rows, quote_rows
from models.briefing.content import Brief, article_section

NO_MODEL_NOTE = (
    "No translation model is installed, so this brief is in Arabic only. "
    "Install one (python main.py models download ID, or Models in the app) and make the brief again "
    "to add the English."
)


def provenance(model_ids: Sequence[str], today: str) -> str:
    """The line saying what made the English (a brief's footer, a copy's attribution)."""
    made = f"Made with Khulasa {__version__} on {today}, offline."
    if not model_ids:
        return f"{made} Arabic only: no translation model was used."
    return (
        f"{made} The English is machine translation by the model {', '.join(model_ids)}; "
        "check it against the Arabic before quoting it."
    )


def build_brief(
    articles: Sequence[Article], *, full_translation: bool = False, notes: Sequence[str] = ()
) -> Brief:
    """The brief for one or several analysed articles (several: combined summary and entity index).

    Args:
        articles: articles already summarised and annotated, translated when a model was available.
        full_translation: add each article's whole translation as an appendix.
        notes: extra notes for the reader (for example files that could not be read).

    Raises:
        ValueError: when ``articles`` is empty.
    """
    if not articles:
        raise ValueError("a brief needs at least one article")
    sections = tuple(
        article_section(a, n, full_translation=full_translation) for n, a in enumerate(articles, start=1)
    )
    model_ids = tuple(dict.fromkeys(s.model_id for s in sections if s.model_id))
    all_notes = [NO_MODEL_NOTE] if not model_ids else [
        f"{s.file} has not been translated; its English is left empty."
        for s in sections if not s.model_id
    ]
    if any("[…]" in paragraph for s in sections for paragraph in s.translation):
        all_notes.append("Sentences not translated yet are marked […] in the full translation.")
    all_notes += notes
    several = len(sections) > 1
    title = f"Briefing: {len(sections)} articles" if several else f"Briefing: {sections[0].file}"
    today = date.today().isoformat()
    from models.story import build_story  # models.story imports the comparison helpers of combine

    story = build_story(articles) if several else None
    return Brief(
        title=title,
        sections=sections,
        combined_summary=combined_summary(sections) if several else (),
        entity_index=entity_index(articles) if several else (),
        notes=tuple(all_notes),
        footer=provenance(model_ids, today),
        quotes=quote_rows(story) if story else (),
        figures=figure_rows(story) if story else (),
    )
