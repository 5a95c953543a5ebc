"""Bilingual briefing documents: content built from Articles, written as DOCX, PDF, HTML or Markdown.

``build_brief(articles)`` makes the format-neutral :class:`Brief`;
``write_brief(brief, path)`` writes it atomically in the format the suffix names;
:func:`save_brief` does both, so every front end shares one dispatch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from models.article import Article
from models.briefing.build import NO_MODEL_NOTE, build_brief
from models.briefing.content import AlignedSentence, ArticleSection, Brief, EntityRow
from models.briefing.output import BriefError, atomic_write, check_output, output_format

__all__ = [
    "NO_MODEL_NOTE",
    "AlignedSentence",
    "ArticleSection",
    "Brief",
    "BriefError",
    "EntityRow",
    "build_brief",
    "check_output",
    "output_format",
    "save_brief",
    "write_brief",
]


def _writer(fmt: str) -> Callable[[Brief, Path], None]:
    if fmt == "docx":
        from models.briefing.docx_writer import write_docx

        return write_docx
    if fmt == "html":
        from models.briefing.html_writer import write_html

        return write_html
    if fmt == "pdf":
        from models.briefing.pdf_writer import write_pdf

        return write_pdf
    from models.briefing.markdown_writer import write_markdown

    return write_markdown


def write_brief(brief: Brief, path: str | Path) -> None:
    """Write ``brief`` to ``path`` as .docx, .pdf, .html or .md (by suffix), atomically.

    Raises:
        BriefError: unknown suffix or an unwritable place.
    """
    fmt = output_format(path)
    atomic_write(path, lambda temp: _writer(fmt)(brief, temp))


def save_brief(
    articles: Sequence[Article],
    path: str | Path,
    *,
    full_translation: bool = False,
    notes: Sequence[str] = (),
) -> Brief:
    """Build the brief for ``articles`` and write it to ``path``, format chosen by suffix.

    This is what File ▸ Save briefing… and ``main.py brief`` call.

    Args:
        articles: analysed (and, with a model, translated) articles, one or several.
        path: the output file; never one of the articles' own files.
        full_translation: add each article's whole translation as an appendix.
        notes: extra reader notes (e.g. files that could not be read).

    Returns:
        The brief that was written.

    Raises:
        BriefError: unknown format, output is an input file, or not writable.
        ValueError: no articles.
    """
    output_format(path)  # an unknown suffix fails before any work
    check_output(path, (a.path for a in articles))
    brief = build_brief(articles, full_translation=full_translation, notes=notes)
    write_brief(brief, path)
    return brief
