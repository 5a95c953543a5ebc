"""Bilingual briefing documents: content built from Articles, written as DOCX, HTML or Markdown.

``build_brief(articles)`` makes the format-neutral :class:`Brief`;
``write_brief(brief, path)`` writes .docx/.html/.md atomically. PDF needs Qt
for Arabic shaping, so it lives in ``gui.pdf_writer.write_pdf(brief, path)``;
:func:`save_brief` takes it as an argument so front ends share one dispatch.
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

PdfWriter = Callable[[Brief, Path], None]


def _writer(fmt: str) -> Callable[[Brief, Path], None]:
    if fmt == "docx":
        from models.briefing.docx_writer import write_docx

        return write_docx
    if fmt == "html":
        from models.briefing.html_writer import write_html

        return write_html
    from models.briefing.markdown_writer import write_markdown

    return write_markdown


def write_brief(brief: Brief, path: str | Path) -> None:
    """Write ``brief`` to ``path`` as .docx, .html or .md (by suffix), atomically.

    Raises:
        BriefError: unknown suffix, .pdf (use ``gui.pdf_writer.write_pdf``) or an unwritable place.
    """
    fmt = output_format(path)
    if fmt == "pdf":
        raise BriefError(f"{path}: PDF briefs are written by gui.pdf_writer.write_pdf")
    atomic_write(path, lambda temp: _writer(fmt)(brief, temp))


def save_brief(
    articles: Sequence[Article],
    path: str | Path,
    *,
    full_translation: bool = False,
    notes: Sequence[str] = (),
    pdf: PdfWriter | None = None,
) -> Brief:
    """Build the brief for ``articles`` and write it to ``path``, format chosen by suffix.

    This is what File ▸ Save briefing… and ``main.py brief`` call. ``pdf`` writes
    PDF; the GUI passes ``gui.pdf_writer.write_pdf`` (which is atomic itself)::

        from gui.pdf_writer import write_pdf
        save_brief(articles, path, full_translation=False, pdf=write_pdf)

    Args:
        articles: analysed (and, with a model, translated) articles, one or several.
        path: the output file; never one of the articles' own files.
        full_translation: add each article's whole translation as an appendix.
        notes: extra reader notes (e.g. files that could not be read).
        pdf: the PDF writer, needed only for a .pdf ``path``.

    Returns:
        The brief that was written.

    Raises:
        BriefError: unknown format, output is an input file, PDF without ``pdf``, or not writable.
        ValueError: no articles.
    """
    fmt = output_format(path)
    check_output(path, (a.path for a in articles))
    if fmt == "pdf" and pdf is None:
        raise BriefError(f"{path}: PDF output needs the PDF writer (gui.pdf_writer.write_pdf)")
    brief = build_brief(articles, full_translation=full_translation, notes=notes)
    if fmt == "pdf":
        pdf(brief, Path(path))
    else:
        write_brief(brief, path)
    return brief
