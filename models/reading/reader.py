"""``read_article``: one entry point for every supported file type."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from models.article import Article
from models.errors import ArticleError
from models.language import detect_language
from models.reading.decoding import ContentError, decode, without_kashida
from models.reading.formats import Extracted, read_docx, read_markdown
from models.reading.html import read_html
from models.reading.pdf import read_pdf
from models.reading.structure import article_from_text

# Size limits. A news article is 5-50 KB; a long report ~0.5 MB. Beyond
# MAX_TEXT_CHARS (~200,000 Arabic words, ~8,000 sentences) a file is not an
# article, and sentence-graph summarisers grow with the square of the sentence
# count, so such files are refused with a clear message instead of stalling the
# app. Files are checked by size before being read (a 20 MB text file is
# refused at once; 4 MB leaves room for UTF-16); web pages carry markup and
# Word/PDF files images, so their file limits are higher: a saved news page is
# 0.1-3 MB, and parsing one costs ~1 s and ~30 MB of memory per MB, so pages over
# 8 MB are refused by their bytes before parsing. Word files are also checked by
# the unpacked sizes their zip declares (models.reading.formats). The extracted
# text is checked in every case, in characters.
MAX_TEXT_CHARS = 1_200_000
MAX_TEXT_BYTES = 4 * 1024 * 1024
MAX_PAGE_BYTES = 8 * 1024 * 1024
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


def _read_text(data: bytes) -> Extracted:
    return Extracted(decode(data))


def _read_pdf(data: bytes) -> Extracted:
    return Extracted(read_pdf(data))


_READERS: dict[str, Callable[[bytes], Extracted]] = {
    ".txt": _read_text,
    ".md": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".pdf": _read_pdf,
}
_FILE_LIMITS = {".html": MAX_PAGE_BYTES, ".htm": MAX_PAGE_BYTES,
                ".docx": MAX_DOCUMENT_BYTES, ".pdf": MAX_DOCUMENT_BYTES}

SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_READERS)


def _size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def read_article(path: str | Path) -> Article:
    """Read an article file and recognise its structure.

    Args:
        path: a ``.txt``, ``.md``, ``.html``/``.htm``, ``.docx`` or ``.pdf`` file.

    Returns:
        The :class:`Article` with text, headline, metadata, paragraphs and sentences.

    Raises:
        ArticleError: the file is missing, unreadable, empty, binary, too large,
            corrupted or of an unsupported type; ``str(error)`` names file and cause.
    """
    path = Path(path)
    if path.is_dir():
        raise ArticleError(path, "is a folder, not a file (give the files in it)")
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        kinds = ", ".join(SUPPORTED_SUFFIXES)
        what = f"'{suffix}' files are" if suffix else "files without an extension are"
        raise ArticleError(path, f"unsupported file type: {what} not supported (use {kinds})")
    try:
        size = path.stat().st_size
        limit = _FILE_LIMITS.get(suffix, MAX_TEXT_BYTES)
        if size > limit:
            cause = f"file is too large ({_size_text(size)}; the limit is {_size_text(limit)})"
            raise ArticleError(path, cause)
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(path, "file not found") from None
    except PermissionError:
        raise ArticleError(path, "permission denied") from None
    except OSError as error:
        raise ArticleError(path, f"cannot read the file ({error.strerror or error})") from None
    if not data.strip():
        raise ArticleError(path, "the file is empty")
    try:
        extracted = reader(data)
    except ContentError as error:
        raise ArticleError(path, str(error)) from None
    if not extracted.text.strip(" \t\n\u00a0\ufeff\u200f\u200e"):
        raise ArticleError(path, "the file contains no text")
    if len(extracted.text) > MAX_TEXT_CHARS:
        raise ArticleError(path, f"too much text for one article ({len(extracted.text):,} characters; "
                                 f"the limit is {MAX_TEXT_CHARS:,} characters)")
    text = without_kashida(extracted.text)
    article = article_from_text(text, path, headline=True if extracted.headline else None,
                                dateline=extracted.dateline, subtitles=extracted.subtitles)
    if not article.sentences:
        raise ArticleError(path, "the file contains no article text")
    article.language = detect_language(text)
    return article
