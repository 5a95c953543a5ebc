"""Arabic numbers: digits (ASCII or Arabic-Indic, with decimals) and number words.

:func:`read_number` reads the number that starts at a token (``سبعة``، ``خمسة
وعشرين``، ``ثلاثة آلاف``، ``2.5 مليون``، ``١٧``) and says how many tokens it
spans. Ordinals (``الثالث``) and vague amounts (``عشرات``) are not numbers, nor
is واحد: "one" follows its noun in Arabic, and ``وأحد`` ("and one of") has the
same matching form.
"""

from __future__ import annotations

from models.story.tokens import Token, forms

_UNITS = {
    2: ("اثنان", "اثنين", "اثنتان", "اثنتين"), 3: ("ثلاث", "ثلاثة"),
    4: ("أربع", "أربعة"), 5: ("خمس", "خمسة"), 6: ("ست", "ستة"), 7: ("سبع", "سبعة"),
    8: ("ثماني", "ثمانية", "ثمان"), 9: ("تسع", "تسعة"), 10: ("عشر", "عشرة"),
    20: ("عشرون", "عشرين"), 30: ("ثلاثون", "ثلاثين"), 40: ("أربعون", "أربعين"), 50: ("خمسون", "خمسين"),
    60: ("ستون", "ستين"), 70: ("سبعون", "سبعين"), 80: ("ثمانون", "ثمانين"), 90: ("تسعون", "تسعين"),
    100: ("مائة", "مئة"), 200: ("مائتان", "مائتين", "مئتان", "مئتين"),
    **{n * 100: (w + "مائة", w + "مئة") for n, w in ((3, "ثلاث"), (4, "أربع"), (5, "خمس"), (6, "ست"),
                                                   (7, "سبع"), (8, "ثمان"), (9, "تسع"))},
}
NUMBER_WORDS = {form: value for value, words in _UNITS.items() for form in forms(*words)}
"""Matching form of a number word -> its value."""

MULTIPLIERS = {
    **dict.fromkeys(forms("ألف", "آلاف", "الاف"), 1000),
    **dict.fromkeys(forms("ألفين", "ألفان"), 2000),
    **dict.fromkeys(forms("مليون", "ملايين"), 10**6),
    **dict.fromkeys(forms("مليار", "مليارات"), 10**9),
}
_AFTER_DIGITS = {**MULTIPLIERS, **dict.fromkeys(forms("ألفا"), 1000), **dict.fromkeys(forms("مليونا"), 10**6)}
"""Multipliers after digits, also accusative (``44 ألفا``); alone ``ألفا باص`` is two thousand."""
_TEENS = forms("عشر", "عشرة")
_ONE = forms("أحد", "إحدى")
_VAGUE = forms("آلاف", "الاف", "ملايين", "مليارات")
"""Plural multipliers with no number before them (``آلاف المواطنين``) are not a figure."""


def _word_value(norm: str) -> tuple[int, bool] | None:
    """The value of a number word (``و`` or ``ب``/``ل`` attached allowed) and whether it is a multiplier."""
    for word in (norm, norm[1:] if norm[:1] in "وبل" else ""):
        if word in NUMBER_WORDS:
            return NUMBER_WORDS[word], False
        if word in MULTIPLIERS:
            return MULTIPLIERS[word], True
    return None


def digits_value(norm: str) -> float:
    """``17``, ``2.5``, ``40،9`` (decimal comma); ``500.000`` and ``11.300`` are thousands; ``3ر4`` and
    ``096ر18`` (the Tunisian press's decimals, fraction first) are 4.3 and 18.096."""
    if "ر" in norm:
        part, _, whole = norm.partition("ر")
        return float(f"{whole}.{part}")
    whole, _, part = norm.replace(",", ".").replace("٫", ".").replace("،", ".").partition(".")
    if len(part) == 3 and 1 <= len(whole) <= 3 and "." in norm:
        return float(whole + part)
    return float(f"{whole}.{part}" if part else whole)


def read_number(toks: list[Token], at: int) -> tuple[float, int] | None:
    """``(value, tokens used)`` of the number starting at ``toks[at]``, or ``None``."""
    first = toks[at]
    if first.is_number:
        value, used = digits_value(first.norm), 1
        if at + 1 < len(toks) and toks[at + 1].norm in _AFTER_DIGITS:
            multiplier = _AFTER_DIGITS[toks[at + 1].norm]
            value, used = value * multiplier, 2
            joined = (len(first.norm) <= 3 and at + 3 < len(toks) and toks[at + 2].norm == "و"
                      and toks[at + 3].is_number)  # not 2016، مليار و500 مليون
            if joined and digits_value(toks[at + 3].norm) < multiplier:  # 44 ألفا و500: 44,500
                rest, more = read_number(toks, at + 3) or (0.0, 1)  # 9 ملايين و600 ألف: 9,600,000
                if rest < multiplier:
                    value, used = value + rest, 3 + more
        return value, used
    total = current = 0.0
    used = 0
    if first.norm in _ONE and at + 1 < len(toks) and toks[at + 1].norm in _TEENS:
        return 11.0, 2
    while at + used < len(toks):
        token = toks[at + used]
        read = _word_value(token.norm)
        if read is None or (used and not token.norm.startswith("و") and not read[1]
                            and not (read[0] == 10 and token.norm in _TEENS and 0 < current < 10)):
            break
        value, multiplier = read
        if multiplier and not used and token.norm in _VAGUE:
            return None
        if multiplier:
            total += (current or 1) * value
            current = 0
        else:
            current += value
        used += 1
    if not used:
        return None
    return total + current, used


def dual_value(norm: str, duals: frozenset[str]) -> bool:
    """Whether ``norm`` (``و`` attached allowed) is one of the dual nouns ``duals`` (``امرأتان``: 2)."""
    return norm in duals or (norm[:1] == "و" and norm[1:] in duals)
