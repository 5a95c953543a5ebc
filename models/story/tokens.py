"""Word tokens of one sentence with absolute offsets and matching forms, shared by the story parts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.arabic import normalize

# A number with decimals (ASCII or Arabic-Indic digits, Tunisian ``3ر4`` = 4.3) or a run of letters.
_TOKEN_RE = re.compile(r"\d+ر\d+|\d+(?:[.,٫،]\d+)?|(?:[^\W\d_]|[\u0610-\u061a\u064b-\u065f\u0670\u0640])+")

_CLITICS = ("و", "ف")


@dataclass(frozen=True, slots=True)
class Token:
    """``text[start:end]`` of the article; ``norm`` its matching form (``models.arabic.normalize``)."""

    start: int
    end: int
    norm: str

    @property
    def is_number(self) -> bool:
        return self.norm[:1].isdigit()

    def bare(self) -> str:
        """``norm`` without a leading و/ف conjunction (when something of three letters remains)."""
        if self.norm[:1] in _CLITICS and len(self.norm) > 3:
            return self.norm[1:]
        return self.norm


def tokens(text: str, offset: int = 0) -> list[Token]:
    """The tokens of ``text``; ``offset`` is added to every position (a sentence's start)."""
    return [Token(m.start() + offset, m.end() + offset, normalize(m.group()))
            for m in _TOKEN_RE.finditer(text)]


def forms(*words: str) -> frozenset[str]:
    """Matching forms of ``words``."""
    return frozenset(normalize(w) for w in words)


def opens_quote(text: str, at: int) -> bool:
    """Whether ``text[at]`` opens a quotation: «, “ or „, or a straight ``"`` with a word right after
    it and none right before it (``"ولد العزوزية"، الفائز``: the second ``"`` closes)."""
    mark = text[at]
    if mark in "«“„":
        return True
    return (mark == '"' and at + 1 < len(text) and not text[at + 1].isspace()
            and not (at and text[at - 1].isalnum()))
