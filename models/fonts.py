"""The fonts that ship with Khulasa (SIL Open Font License, ``models/data/fonts/OFL.txt``).

Noto Naskh Arabic is the window's Arabic font; Amiri, which also covers Latin
letters, punctuation and brackets, is the PDF briefs' only font. Both come in
regular and bold, so the window, the PDFs and the tests look the same on
every machine, whatever fonts the system has. The PDF writer embeds Amiri; the
GUI registers both with Qt (``gui.fonts.load_app_fonts``).
"""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "data" / "fonts"
LICENCE = FONT_DIR / "OFL.txt"

WINDOW_ARABIC = "Noto Naskh Arabic"
PDF_FAMILY = "Amiri"

FONT_FILES = {
    (WINDOW_ARABIC, ""): FONT_DIR / "NotoNaskhArabic-Regular.ttf",
    (WINDOW_ARABIC, "B"): FONT_DIR / "NotoNaskhArabic-Bold.ttf",
    (PDF_FAMILY, ""): FONT_DIR / "Amiri-Regular.ttf",
    (PDF_FAMILY, "B"): FONT_DIR / "Amiri-Bold.ttf",
}
"""(family, style) → file; style is ``""`` (regular) or ``"B"`` (bold)."""
