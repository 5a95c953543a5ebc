"""The fonts that ship with Khulasa (SIL Open Font License, ``models/data/fonts/OFL.txt``).

Noto Naskh Arabic for Arabic and Noto Sans for English, regular and bold, so
the window, the PDF briefs and the tests look the same on every machine,
whatever fonts the system has. The PDF writer embeds them; the GUI registers
them with Qt (``gui.fonts.load_app_fonts``).
"""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "data" / "fonts"
LICENCE = FONT_DIR / "OFL.txt"

ARABIC_FAMILY = "Noto Naskh Arabic"
LATIN_FAMILY = "Noto Sans"

FONT_FILES = {
    (ARABIC_FAMILY, ""): FONT_DIR / "NotoNaskhArabic-Regular.ttf",
    (ARABIC_FAMILY, "B"): FONT_DIR / "NotoNaskhArabic-Bold.ttf",
    (LATIN_FAMILY, ""): FONT_DIR / "NotoSans-Regular.ttf",
    (LATIN_FAMILY, "B"): FONT_DIR / "NotoSans-Bold.ttf",
}
"""(family, style) → file; style is ``""`` (regular) or ``"B"`` (bold)."""
