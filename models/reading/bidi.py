"""Visual-to-logical reordering of one line with the Unicode bidirectional algorithm (UAX #9).

A PDF gives a line's glyphs left to right (visual order). The UBA's levels,
resolved from a paragraph direction, say which runs are drawn reversed; the
reordering of rule L2 (reverse every run at level ≥ k, for k from the highest
level down to 1) is its own inverse, so applying it to the visual order gives
the reading order. Only the parts a line of running text needs are
implemented: strong letters (L, R), numbers (EN/AN), the separators between
numbers (W4, W5), neutrals between strong types (N1, numbers count as R) and
mirroring at odd levels (L4). Explicit embeddings do not occur in PDF glyphs.
Each unit is one glyph's text (a letter with its marks, or a ligature).
"""

from __future__ import annotations

_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
_NUMBER_SEPARATORS = frozenset(".,:/")
_NUMBER_TERMINATORS = frozenset("%٪‰#$€£+-−")

# Bidi classes of a unit.
L, R, NUMBER, NEUTRAL = "L", "R", "N", "-"


def is_rtl(ch: str) -> bool:
    return "\u0590" <= ch <= "\u08ff" and not _is_number(ch) or "\ufb1d" <= ch <= "\ufefc"


def _is_number(ch: str) -> bool:
    return ch.isdigit()


def bidi_class(unit: str) -> str:
    """L, R, NUMBER or NEUTRAL for a glyph text (its first character decides)."""
    ch = unit[:1]
    if not ch:
        return NEUTRAL
    if _is_number(ch):
        return NUMBER
    if is_rtl(ch):
        return R
    return L if ch.isalpha() else NEUTRAL


def paragraph_is_rtl(text: str) -> bool | None:
    """Whether more words are right-to-left than left-to-right; None without letters.

    Words, not letters: an e-mail address or a URL is one long Latin word beside a
    two-word Arabic label («البريد الإلكتروني: name@example.com»).
    """
    rtl = ltr = 0
    for word in text.split():
        right = sum(map(is_rtl, word))
        left = sum(ch.isalpha() and not is_rtl(ch) for ch in word)
        if right or left:
            rtl += right >= left
            ltr += left > right
    if not rtl and not ltr:
        return None
    return rtl >= ltr


def levels(units: list[str], rtl: bool) -> list[int]:
    """Resolved embedding level of each unit in a paragraph of direction ``rtl``."""
    classes = [bidi_class(u) for u in units]
    n = len(classes)
    for i in range(1, n - 1):  # W4: a single separator between numbers is a number
        if (classes[i] == NEUTRAL and units[i] in _NUMBER_SEPARATORS
                and classes[i - 1] == NUMBER and classes[i + 1] == NUMBER):
            classes[i] = NUMBER
    for i, c in enumerate(classes):  # W5: terminators next to numbers are numbers
        if c == NEUTRAL and units[i] in _NUMBER_TERMINATORS and (
                (i > 0 and classes[i - 1] == NUMBER) or (i + 1 < n and classes[i + 1] == NUMBER)):
            classes[i] = NUMBER
    base = R if rtl else L
    letters = [c if c in (L, R) else NEUTRAL for c in classes]
    letter_before = _nearest_strong(letters, range(n), base)
    letter_after = _nearest_strong(letters, range(n - 1, -1, -1), base)
    for i, c in enumerate(classes):  # W7, both ways: a number amid left-to-right text is part of it
        if c == NUMBER and letter_before[i] == letter_after[i] == L:
            classes[i] = L
    strong_before = _nearest_strong(classes, range(n), base)
    strong_after = _nearest_strong(classes, range(n - 1, -1, -1), base)
    out = []
    for i, c in enumerate(classes):
        if c == NEUTRAL:  # N1/N2: neutrals take the direction around them (numbers count as R)
            before, after = _as_strong(strong_before[i]), _as_strong(strong_after[i])
            c = before if before == after else base
        if c == NUMBER:
            out.append(2)  # I1/I2
        elif rtl:
            out.append(1 if c == R else 2)
        else:
            out.append(1 if c == R else 0)
    return out


def _nearest_strong(classes: list[str], order: range, default: str) -> list[str]:
    """For each position, the class of the nearest non-neutral unit met before it walking in ``order``."""
    found = [default] * len(classes)
    last = default
    for i in order:
        found[i] = last
        if classes[i] != NEUTRAL:
            last = classes[i]
    return found


def _as_strong(c: str) -> str:
    return R if c == NUMBER else c


def to_logical(units: list[str], rtl: bool, *, mirror: bool = True) -> str:
    """The visual-order ``units`` of one line joined in reading order (rule L2, then L4 mirroring)."""
    if not units:
        return ""
    resolved = levels(units, rtl)
    order = list(range(len(units)))
    for level in range(max(resolved), 0, -1):
        i = 0
        while i < len(order):
            if resolved[order[i]] < level:
                i += 1
                continue
            j = i
            while j < len(order) and resolved[order[j]] >= level:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    return "".join(units[k].translate(_MIRROR) if mirror and resolved[k] % 2 else units[k] for k in order)
