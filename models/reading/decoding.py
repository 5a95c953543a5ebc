"""Bytes to text for plain-text articles: BOMs, UTF-8, UTF-16, Windows-1256.

Arabic news files come as UTF-8 (with or without BOM), UTF-16 with BOM
(Windows "Unicode" saves) and Windows-1256 (legacy Arabic Windows). Legacy
candidates are scored on what they produce — Arabic letters in Arabic words,
no C1 control characters, no words that mix scripts — so an Arabic file is
never shown as mojibake even when a generic detector guesses a Latin code page.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy code pages worth trying when the bytes are not UTF-8, best first for Arabic users.
_LEGACY = ("cp1256", "iso8859-6", "cp1252")
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)
_WORD = re.compile(r"[^\W\d_]+")


class ContentError(ValueError):
    """A file's content cannot be read as an article; the message is the plain cause."""


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff"


def plausibility(text: str) -> float:
    """How much ``text`` looks like real writing (higher is better, at most 1)."""
    if not text:
        return 0.0
    words = _WORD.findall(text)
    letters = sum(len(w) for w in words)
    good = 0
    for word in words:
        arabic = sum(map(_is_arabic, word))
        if arabic == len(word):
            good += len(word)
        elif arabic == 0 and word.isascii():
            good += len(word)
        elif arabic == 0:
            # Accented Latin words are fine in moderation; mojibake is nearly all accents.
            plain = sum(ch.isascii() for ch in word)
            good += len(word) if plain * 2 >= len(word) else 0
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    share = good / letters if letters else 1.0
    return share - 20 * controls / len(text)


def _binary_cause(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return f"this is {kind}, not a text file"
    if b"\x00" in data[:65536]:
        return "this is a binary file, not a text file"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM: mostly-zero high bytes on one side."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) == 0:
        # Arabic UTF-16BE has 0x06 high bytes, not zeros; Latin text shows zeros.
        return "utf-16-be"
    odd_six = sum(1 for b in odd if b == 0x06)
    even_six = sum(1 for b in even if b == 0x06)
    if odd_six > 0.3 * len(odd) and even.count(0x06) < 0.05 * len(even):
        return "utf-16-le"
    if even_six > 0.3 * len(even) and odd.count(0x06) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes) -> str:
    """Decode article bytes to text with ``\\n`` line endings and no BOM.

    Raises:
        ContentError: the bytes are binary or no encoding gives readable text.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return normalize_newlines(data.decode(codec))
            except UnicodeDecodeError as error:
                raise ContentError(f"not valid {codec.upper()} text ({error.reason})") from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return normalize_newlines(data.decode(utf16))
        except UnicodeDecodeError:
            pass
    cause = _binary_cause(data)
    if cause:
        raise ContentError(cause)
    try:
        return _checked(_repair_mojibake(data.decode("utf-8")))
    except UnicodeDecodeError:
        pass
    return _checked(_best_legacy(data))


def _best_legacy(data: bytes) -> str:
    candidates: dict[str, str] = {}
    for codec in _LEGACY:
        try:
            candidates[codec] = data.decode(codec)
        except UnicodeDecodeError:
            continue
    guess = from_bytes(data[:200_000]).best()
    if guess is not None and guess.encoding not in candidates:
        try:
            candidates[guess.encoding] = data.decode(guess.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    if not candidates:
        raise ContentError("not text in any known encoding")
    # Score on a sample; ties go to the earlier (Arabic-first) candidate.
    return max(candidates.values(), key=lambda text: plausibility(text[:100_000]))


def _repair_mojibake(text: str) -> str:
    """Undo UTF-8 Arabic that was once misread as Windows-1252/Latin-1 and saved again («Ø§Ù„…»)."""
    sample = text[:20_000]
    if sample.count("Ø") + sample.count("Ù") < 0.05 * len(sample):
        return text
    try:  # browsers read bytes cp1252 leaves undefined as C1 controls, i.e. as Latin-1
        repaired = text.encode("cp1252", errors=_LATIN1_FALLBACK).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    return repaired if plausibility(repaired[:100_000]) > plausibility(sample) else text


def _latin1_fallback(error: UnicodeEncodeError) -> tuple[bytes, int]:
    chunk = error.object[error.start:error.end]
    if all(ord(ch) < 256 for ch in chunk):
        return chunk.encode("latin-1"), error.end
    raise error


_LATIN1_FALLBACK = "khulasa-latin1-fallback"
codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)


def _checked(text: str) -> str:
    if plausibility(text[:100_000]) < 0.5 and text.strip():
        raise ContentError("this is a binary file, not a text file")
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` (and Unicode line/paragraph separators) become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")


_KASHIDA = re.compile(r"([\u0620-\u064a\u066e-\u06d3][\u064b-\u065f\u0670]*)\u0640+"
                      r"(?=[\u064b-\u065f\u0670]*[\u0620-\u064a\u066e-\u06d3])")


def without_kashida(text: str) -> str:
    """Justification kashida (tatweel, U+0640) between two Arabic letters removed: «التيـــك» → «التيك».

    A tatweel that ends a word (the hijri «هـ») is kept.
    """
    return _KASHIDA.sub(r"\1", text) if "\u0640" in text else text
