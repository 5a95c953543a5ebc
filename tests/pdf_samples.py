"""PDF fixtures built byte by byte: a text layer of given glyphs at given positions."""

from __future__ import annotations

import zlib


def glyph_pdf(glyphs: list[tuple[str, float, float]]) -> bytes:
    """A one-page PDF whose text layer is the given (character, x, y) glyphs, in that stream order.

    Each character gets a one-byte code in a Helvetica font with a ToUnicode map,
    so any Unicode (e.g. Arabic presentation forms) can be put in the text layer.
    """
    codes: dict[str, int] = {}
    content = ["BT /F1 12 Tf"]
    for char, x, y in glyphs:
        code = codes.setdefault(char, len(codes) + 1)
        content.append(f"1 0 0 1 {x:.1f} {y:.1f} Tm <{code:02X}> Tj")
    content.append("ET")
    stream = "\n".join(content).encode()
    cmap = "\n".join([
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <00> <FF> endcodespacerange",
        f"{len(codes)} beginbfchar",
        *(f"<{code:02X}> <{ord(char):04X}>" for char, code in codes.items()),
        "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end",
    ]).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /KhulasaTest /FirstChar 0 /LastChar 255 "
        b"/Widths [" + b" 600" * 256 + b"] /ToUnicode 6 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(zlib.compress(cmap))
        + zlib.compress(cmap) + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def positions(chars: list[str], y: float) -> list[tuple[str, float, float]]:
    """Logical characters placed right to left, except the digits, which read left to right."""
    digits = [i for i, ch in enumerate(chars) if ch.isdigit()]
    placed, x = [], 500.0
    for i, ch in enumerate(chars):
        if i in digits:
            continue
        if i == digits[-1] + 1:  # after the number: jump left past it, digits drawn left to right
            start = x - 7.2 * len(digits)
            placed.extend((chars[d], start + 7.2 * k, y) for k, d in enumerate(digits))
            x = start
        x -= 7.2
        placed.append((ch, x, y))
    return placed
