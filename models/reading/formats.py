"""Text out of .docx and .md files (web pages: :mod:`models.reading.html`).

Each reader takes the file's bytes and returns :class:`Extracted` text with
``\\n`` line endings (paragraphs separated by a blank line), or raises
:class:`~models.reading.decoding.ContentError` with a plain cause.

"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass

from models.reading.decoding import ContentError, decode


@dataclass(frozen=True, slots=True)
class Extracted:
    """Text taken out of a file; ``headline`` says its first line is known to be the title."""


    text: str
    headline: bool = False
    dateline: str = ""  # a date the file's metadata gives (a web page's publication date)
    subtitles: int = 0  # display lines right after the title (a Word subtitle), not body text


def join_blocks(blocks: list[str]) -> str:
    """Blocks with their whitespace collapsed, non-empty ones separated by a blank line."""
    return "\n\n".join(b for b in (" ".join(block.split()) for block in blocks) if b)


# --- .docx -----------------------------------------------------------------

_TITLE_STYLES = ("title", "heading 1", "heading1", "العنوان", "عنوان 1")
_MAX_SUBTITLES = 2
MAX_DOCX_PART_BYTES = 64 * 1024 * 1024
"""Largest unpacked part (by the size the zip declares): text of ~20 million characters."""
MAX_DOCX_UNPACKED_BYTES = 256 * 1024 * 1024
"""Largest unpacked document, all parts (images included) together."""


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a package whose parts would unpack too large, before inflating any (the sizes are declared)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        raise ContentError(f"not a valid Word (.docx) document ({_reason(error)})") from None
    largest = max(infos, key=lambda info: info.file_size, default=None)
    if largest is not None and largest.file_size > MAX_DOCX_PART_BYTES:
        raise ContentError(f"the Word document is too large to read ({largest.filename} unpacks to "
                           f"{_mb(largest.file_size)}; the limit is {_mb(MAX_DOCX_PART_BYTES)})")
    total = sum(info.file_size for info in infos)
    if total > MAX_DOCX_UNPACKED_BYTES:
        raise ContentError(f"the Word document is too large to read (it unpacks to {_mb(total)}; "
                           f"the limit is {_mb(MAX_DOCX_UNPACKED_BYTES)})")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MB"


def read_docx(data: bytes) -> Extracted:
    """Paragraphs (and table cells) of a Word document, in document order."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_unpacked_size(data)
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ContentError(f"not a valid Word (.docx) document ({_reason(error)})") from None
    except Exception as error:  # lxml/zip errors from a damaged package
        raise ContentError(f"the Word document is damaged ({_reason(error)})") from None
    blocks: list[str] = []
    headline = False
    subtitles = 0
    in_heading = True  # still among the display lines that open the document
    body_size = _body_font_size(document)
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            if item.text.strip():
                display = _is_display(item, body_size)
                if not any(b.strip() for b in blocks):
                    style = (item.style.name if item.style is not None else "").lower()
                    headline = style in _TITLE_STYLES or display
                    in_heading = headline
                elif in_heading and display and subtitles < _MAX_SUBTITLES:
                    subtitles += 1
                else:
                    in_heading = False
            blocks.append(item.text)
        elif isinstance(item, Table):
            in_heading = False
            blocks.extend(_table_cells(item))
    return Extracted(join_blocks(blocks), headline=headline, subtitles=subtitles)


def _runs_with_text(paragraph) -> list:
    return [run for run in paragraph.runs if run.text.strip()]


def _body_font_size(document) -> int | None:
    """The most common explicit run font size (EMU) in the document, if runs set one."""
    sizes = Counter(run.font.size for p in document.paragraphs for run in _runs_with_text(p)
                    if run.font.size is not None)
    return sizes.most_common(1)[0][0] if sizes else None


def _is_display(paragraph, body_size: int | None) -> bool:
    """A heading-like paragraph set by direct formatting: every run bold and larger than the body text."""
    runs = _runs_with_text(paragraph)
    if not runs or body_size is None or not all(run.bold for run in runs):
        return False
    return all(run.font.size is not None and run.font.size > body_size for run in runs)


def _table_cells(table) -> list[str]:
    """Cell paragraphs row by row, in the document's cell order (which is the reading
    order, right to left in a right-to-left table); a merged cell appears once.

    python-docx repeats a merged cell's ``<w:tc>`` element in every grid position it
    covers. The elements themselves are kept while reading (lxml hands out the same
    proxy for a node while one is alive; ids of dropped proxies are reused).
    """
    from docx.table import Table

    seen: set = set()  # the elements, not their ids
    blocks = []
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            for item in cell.iter_inner_content():
                blocks.extend(_table_cells(item) if isinstance(item, Table) else [item.text])
    return blocks


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:120]


# --- .md -------------------------------------------------------------------

_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.MULTILINE), repl) for pattern, repl in (
        (r"<!--.*?-->", ""),
        (r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", ""),           # horizontal rules
        (r"^[ \t]{0,3}(?:```|~~~).*$", ""),                  # code fences (content kept)
        (r"^[ \t]{0,3}>[ \t]?", ""),                         # block quotes
        (r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", r"\1"),  # ATX headings
        (r"^[ \t]*[-*+][ \t]+\[[ xX]\][ \t]+", ""),           # task items
        (r"^[ \t]*[-*+][ \t]+", ""),                         # bullets
        (r"!\[([^\]]*)\]\([^)]*\)", ""),                     # images
        (r"\[([^\]]+)\]\([^)]*\)", r"\1"),                   # inline links
        (r"\[([^\]]+)\]\[[^\]]*\]", r"\1"),                  # reference links
        (r"^[ \t]{0,3}\[[^\]]+\]:[ \t]+\S+.*$", ""),         # link definitions
        (r"<[^>\n]+>", ""),                                  # inline HTML tags
        (r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2"),           # bold
        (r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", r"\2"),  # italics
        (r"~~(.+?)~~", r"\1"),
        (r"`([^`]+)`", r"\1"),
        (r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", ""),  # table rules
        (r"^[ \t]*\|(.*)\|[ \t]*$", r"\1"),                  # table rows: drop outer pipes
        (r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1"),              # escapes
    )
)
_MD_SETEXT = re.compile(r"^(.+)\n(?:=+|-+)[ \t]*$", re.MULTILINE)
_MD_HEADLINE = re.compile(r"\A\s*(?:#[ \t]+.+|.+\n=+[ \t]*)$", re.MULTILINE)


def read_markdown(data: bytes) -> Extracted:
    """Markdown with the markup removed; a leading ``#`` heading is the title."""
    source = decode(data)
    if source.startswith("---\n"):  # YAML front matter (may be empty)
        end = source.find("\n---", 3)
        if end > 0:
            after = source.find("\n", end + 1)
            source = source[after + 1:] if after > 0 else ""
    headline = bool(_MD_HEADLINE.match(source))
    text = _MD_SETEXT.sub(r"\1", source)
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in text.split("\n"))).strip("\n")
    return Extracted(text, headline=headline)
