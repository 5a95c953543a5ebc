"""The article in a (saved) web page: main text, title, publication date.

Main text comes from trafilatura: it is maintained, scores at the top of public
main-content extraction benchmarks, and drops menus, scripts, comments, ads and
related-article lists far more reliably than a hand-tuned density heuristic.
Around it, this module keeps the lead paragraph that trafilatura's comment
filter sometimes takes for a comment, cuts the site name off the page title,
takes the date line shown under the headline, else the publication date from the
page's metadata (htmldate, metadata only: ``<meta>``, JSON-LD, ``<time>``), and
drops page furniture lines (comment policy, opinion disclaimers, advertisement labels).
"""

from __future__ import annotations

import re
from html import unescape
from itertools import islice

from models.reading.decoding import ContentError, decode, normalize_newlines, plausibility
from models.reading.formats import Extracted, join_blocks

MAX_MARKUP_CHARS = 1_500_000
"""Markup left once scripts, styles, comments and inline data are out (a news page has ~0.1-0.5
million): extraction costs ~5 s per million characters on the reference machine."""
# Where scripts, styles and comments open and close; with inline data URIs they carry no text to
# read and most of a saved page's weight. JSON-LD scripts stay (they hold the publication date).
_WEIGHT_OPENINGS = re.compile(r"<script\b[^>]*>|<style\b[^>]*>|<!--", re.IGNORECASE)
_WEIGHT_CLOSINGS = {"<s": re.compile(r"</script\s*>", re.IGNORECASE), "<!": re.compile(r"-->"),
                    "<st": re.compile(r"</style\s*>", re.IGNORECASE)}
_DATA_URI = re.compile(r"(?<=[\"'(])data:[^\"')\s]{100,}")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
_PLAUSIBLE = 0.95  # below this share of well-formed words, a declared charset is second-guessed
_PLAUSIBILITY_SAMPLE = 100_000  # characters of a page (scripts and styles out) judged for its charset
# UTF-8 Arabic decoded as Latin-1/cp1252 and saved again: «Ø§Ù„» for «ال»
_MOJIBAKE = re.compile("[\u00d8-\u00db][\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc"
                       "\u2013-\u203a\u20ac\u2122]")
_MIN_PAGE_WORDS = 5  # less is a menu or a link, not an article
_RETRY_WORDS = 50  # a fast extraction finding fewer words is redone with the fallback extractors
_NOISE_LINES = frozenset({"إعلان", "اعلان", "advertisement", "ad", "إعلانات", "اعلانات"})
# Page furniture that trafilatura keeps as text: comment policies and opinion disclaimers.
_FURNITURE = re.compile(
    r"(?:ترحب|يرحب)\s.{0,40}(?:بالنقاش|بتعليقات|بالتعليقات)"
    r"|(?:الآراء|الاراء|التعليقات)\s.{0,40}(?:لا\s+تعبر|لا\s+تمثل)\s.{0,20}(?:عن\s+)?رأي"
    r"|(?:شروط|سياسة)\s+(?:التعليق|التعليقات|النشر|الاستخدام)"
    r"|جميع\s+الحقوق\s+محفوظة|all\s+rights\s+reserved"
    r"|لن\s+يتم\s+نشر\s+عنوان\s+بريدك|الحقول\s+(?:المطلوبة|الإلزامية)"
    r"|(?:أضف|اضف|أترك|اترك)\s+(?:تعليقا|تعليقاً|تعليقك|تعليق|ردا|رداً)"
    r"|التعليقات\s+(?:تخضع|المنشورة)|يحتفظ\s+(?:الموقع|موقع)\s.{0,30}بحق"
    r"|اشترك\s+في\s+(?:النشرة|نشرتنا)",
    re.IGNORECASE)
_FURNITURE_MAX_WORDS = 60
_TITLE_SEPARATORS = re.compile(r"\s+(?:[-–—•»«]|::)\s+|\s*\|\s*")
_SITE_NAME_MAX_WORDS = 4
_PUBLISHED_META = re.compile(
    r"""<meta\s+(?:property|name|itemprop)=["'](?:article:published_time|datePublished|pubdate)["']\s+"""
    r"""content=["'](?P<content>[^"'<>]{4,80})["']""", re.IGNORECASE)
_CAPTION_MAX_WORDS = 12
_MAX_IMAGES = 300  # image blocks looked at per page
_HEADLINE_MAX_WORDS = 25
_VARIANT_OVERLAP = 0.6  # word-set Jaccard from which a first line is the title reworded
_CONTAINERS = ("body", "html", "article", "main", "section")
_TEXT_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table", "blockquote")
_DATELINE_LOOKAHEAD = 4  # text pieces after the headline where its date line may be
_ZWNJ = re.compile(r"\u200c|&zwnj;|&#8204;|&#x200c;", re.IGNORECASE)
_ZWNJ_STAND_IN = "\u034f"  # combining grapheme joiner: invisible, and kept by trafilatura
_HEADLINE_MIN_WORDS = 5  # a short part is taken for the site name only beside a headline this long


def _decode_html(data: bytes) -> str:
    """The page's text in its declared ``<meta charset>``, unless the declaration is plainly wrong.

    Saved pages often keep a stale declaration: a page declared legacy but valid
    UTF-8 is UTF-8 (legacy Arabic text is practically never valid UTF-8), and a
    declaration that yields mojibake loses to the detected encoding.
    """
    match = _META_CHARSET.search(data[:4096])
    if not match or data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data)
    declared = match[1].decode("ascii").lower().replace("_", "-")
    try:
        text = normalize_newlines(data.decode(declared))
    except (LookupError, UnicodeDecodeError):
        return decode(data)
    if declared not in ("utf-8", "utf8") and not data.isascii():
        try:
            return normalize_newlines(data.decode("utf-8"))
        except UnicodeDecodeError:
            pass
    if declared in ("utf-8", "utf8") and not _MOJIBAKE.search(text):
        return text  # valid UTF-8 and no Arabic read twice as Latin-1: nothing to second-guess
    declared_score = plausibility(_without_weight(text)[:_PLAUSIBILITY_SAMPLE])
    if declared_score < _PLAUSIBLE:
        detected = decode(data)
        if plausibility(_without_weight(detected)[:_PLAUSIBILITY_SAMPLE]) > declared_score:
            return detected
    return text


def _without_weight(html: str) -> str:
    """The page without scripts (but JSON-LD), styles, comments and inline data, in one pass.

    An element left open runs to the end of the page, as in a browser.
    """
    kept: list[str] = []
    pos = 0
    while (opening := _WEIGHT_OPENINGS.search(html, pos)) is not None:
        tag = opening.group().lower()
        kind = "<st" if tag.startswith("<style") else tag[:2]
        closing = _WEIGHT_CLOSINGS[kind].search(html, opening.end())
        end = closing.end() if closing else len(html)
        keep = kind == "<s" and "ld+json" in tag
        kept.append(html[pos:end] if keep else html[pos:opening.start()])
        pos = end
    kept.append(html[pos:])
    return _DATA_URI.sub("data:", "".join(kept))


def _captions(html: str) -> set[str]:
    """Texts of the page's image blocks: the element around an ``<img>`` that holds only
    a short text (a caption or credit, at most :data:`_CAPTION_MAX_WORDS` words) and no
    paragraph or heading. Extraction reads such a caption as a line of the body.
    """
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return set()
    found = set()
    for image in islice(root.iter("img"), _MAX_IMAGES):
        block = image.getparent()
        while block is not None and block.tag not in _CONTAINERS and _short_text(block) == "":
            block = block.getparent()
        if block is None or block.tag in _CONTAINERS or next(block.iter(*_TEXT_BLOCKS), None) is not None:
            continue
        text = _short_text(block)
        if text:
            found.add(text)
    return found


def _short_text(element) -> str | None:
    """The element's text with whitespace collapsed, or None past :data:`_CAPTION_MAX_WORDS`
    words (read only that far, so a large block costs little)."""
    words: list[str] = []
    for piece in element.itertext():
        words.extend(piece.split())
        if len(words) > _CAPTION_MAX_WORDS:
            return None
    return " ".join(words)


def _lines(text: str | None) -> list[str]:
    return [" ".join(line.split()) for line in (text or "").split("\n")
            if line.strip() and line.strip().lower() not in _NOISE_LINES]


def _with_lead(body: list[str], full: list[str]) -> list[str]:
    """``body`` with the paragraphs that ``full`` (extracted with comments) has before its first one.

    Comments follow an article; text before its first paragraph is the article's
    own lead, which the comment filter dropped.
    """
    if body and body[0] in full:
        return full[:full.index(body[0])] + body
    return body


def _is_furniture(line: str) -> bool:
    return len(line.split()) <= _FURNITURE_MAX_WORDS and bool(_FURNITURE.search(line))


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def clean_title(title: str, *, site: str, body: list[str]) -> str:
    """The page title without the site name part («المدينة نيوز - …», «… | البيان»).

    The title is cut at separators (`` - ``, `` | ``, …). The part that is one of
    the body's first lines (the headline repeated) wins; else parts naming the site (``og:site_name``)
    go, and so does a short part at either end that the body never mentions, beside
    a headline-long rest.
    """
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    for line in body[:3]:  # a kicker line may come first
        for part in parts:
            if _same(part, line):
                return part
    text = " ".join(body)
    site = site.casefold()

    def is_site(part: str) -> bool:
        name = part.casefold()
        return bool(site) and (name in site or site in name)

    kept = [p for p in parts if not is_site(p)]
    for end in (0, -1):
        others = kept[1:] if end == 0 else kept[:-1]
        if (len(kept) > 1 and len(kept[end].split()) <= _SITE_NAME_MAX_WORDS and kept[end] not in text
                and sum(len(p.split()) for p in others) >= _HEADLINE_MIN_WORDS):
            kept.pop(end)
    if not kept or kept == parts:
        return title
    return " - ".join(kept)


def publication_date(html: str) -> str:
    """The date the page's metadata gives, or ``""``; never guessed from the text.

    ISO ``YYYY-MM-DD`` where htmldate reads it; a publication-time ``<meta>`` that
    holds a written date htmldate cannot parse («الأربعاء، 07 أكتوبر 2020 - 12:09 م»)
    is taken as written.
    """
    from htmldate import find_date

    from models.reading.structure import is_dateline

    try:
        found = find_date(html, extensive_search=False, original_date=True)
    except Exception:  # htmldate parses arbitrary markup; a failure only loses the date
        found = None
    if found:
        return found
    for match in _PUBLISHED_META.finditer(html[:200_000]):
        content = " ".join(unescape(match["content"]).split())
        if is_dateline(content):
            return content
    return ""


def read_html(data: bytes) -> Extracted:
    """The main article text, title and publication date of a (saved) web page."""
    import trafilatura

    html = _decode_html(data)
    if "<" not in html:
        raise ContentError("not an HTML page")
    html = _without_weight(html)
    if len(html) > MAX_MARKUP_CHARS:
        raise ContentError(f"the web page is too large to read ({len(html):,} characters of markup "
                           f"without scripts and styles; the limit is {MAX_MARKUP_CHARS:,} characters)")
    options = {"include_tables": True, "include_links": False, "include_images": False}
    # trafilatura drops zero-width non-joiners, which Persian and Urdu spelling needs
    # («اصلاح‌طلبان»): they cross it as a mark it keeps, unless the page has that mark.
    zwnj = _ZWNJ_STAND_IN not in html
    if zwnj:
        html = _ZWNJ.sub(_ZWNJ_STAND_IN, html)
    # fast: without the readability/jusText fallbacks (most of the cost), unless that finds little
    body = _lines(trafilatura.extract(html, include_comments=False, fast=True, **options))
    if sum(len(line.split()) for line in body) < _RETRY_WORDS:
        body = _lines(trafilatura.extract(html, include_comments=False, **options))
    # comments extracted apart: the main text then keeps a lead the comment filter above can drop
    document = trafilatura.bare_extraction(html, include_comments=True, with_metadata=True, **options)
    lines = _with_lead(body, _lines(document.text if document else ""))
    if zwnj:
        html = html.replace(_ZWNJ_STAND_IN, "\u200c")
        lines = [line.replace(_ZWNJ_STAND_IN, "\u200c") for line in lines]
    captions = _captions(html)
    lines = [line for line in lines if not _is_furniture(line) and line not in captions]
    if sum(len(line.split()) for line in lines) < _MIN_PAGE_WORDS:
        raise ContentError("no article text found in the web page")
    title = " ".join((document.title or "").replace(_ZWNJ_STAND_IN, "\u200c").split()) if document else ""
    if title:
        title = clean_title(title, site=document.sitename or "", body=lines)
    if title and not _same(lines[0], title) and _variant_of(lines[0], title):
        title = lines[0]  # the page's own headline, worded a little differently from its <title>
    if title and not _same(lines[0], title):
        if title in lines[0] or len(title.split()) > _HEADLINE_MAX_WORDS or not _shares_a_word(title, lines):
            title = ""
        else:
            lines.insert(0, title)
    dateline = (title and dateline_below(html, title)) or publication_date(html)
    return Extracted(join_blocks(lines), headline=bool(title), dateline=dateline)


def dateline_below(html: str, headline: str) -> str:
    """The date line a page shows just below its headline («الأربعاء، 28 آب/اغسطس 2013»), or ``""``.

    Main-text extraction often leaves that line out; it is looked for among the
    first few text pieces after the ``<h1>``/``<h2>`` that holds the headline.
    """
    import lxml.html

    from models.reading.structure import is_dateline

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    wanted = " ".join(headline.split())
    for heading in root.iter("h1", "h2"):
        if " ".join(heading.text_content().split()) != wanted:
            continue
        pieces = [heading.tail or ""]
        for element in heading.itersiblings() if heading.getparent() is not None else ():
            pieces.extend(element.itertext())
            if sum(bool(p.strip()) for p in pieces) >= _DATELINE_LOOKAHEAD:
                break
        for piece in [" ".join(p.split()) for p in pieces if p.strip()][:_DATELINE_LOOKAHEAD]:
            if is_dateline(piece):
                return piece
    return ""


def _variant_of(line: str, title: str) -> bool:
    """Whether a short first line is the title reworded (most words shared), not a sentence."""
    words, other = set(line.split()), set(title.split())
    if len(words) > _HEADLINE_MAX_WORDS or line.rstrip().endswith((".", "،", ":")):
        return False
    return len(words & other) >= _VARIANT_OVERLAP * len(words | other)


def _shares_a_word(title: str, lines: list[str]) -> bool:
    """Whether a title has a word of three letters or more in common with the text (else it
    names the file or the encoding, not the article)."""
    words = {w for w in re.findall(r"\w{3,}", title.casefold()) if not w.isdigit()}
    text = " ".join(lines).casefold()
    return any(w in text for w in words)
