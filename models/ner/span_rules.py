"""Span rules that turn the recogniser's mentions into display mentions (``Recognizer.complete``).

The CRF follows the corpora's conventions (whole tokens, clitics inside,
«الله» as a name); what a reader sees follows a few generic rules instead:

- a mention made only of name particles (بن، أبو، عبد، آل) or of one word that
  announces a name (``TRIGGERS``: «المدينة», «العاصمة», «البلاد», «التنظيم»)
  is not a name; nor is «الله» alone;
- a two-word rank (``أركان حرب``) before a person is not part of the name;
- a name directly after an organisation's head noun (``وكالة``, ``جامعة``,
  ``صحيفة`` …) is that organisation (``وكالة الأناضول``, not the place); a
  name after a place noun (``مدينة``, ``بلدة`` …) is a place, in the whole text;
- a bare indefinite word after a group's head noun (``تنظيم داعش``,
  ``حركة "طالبان"``) is an organisation (``GROUP_HEADS``, ``_named_groups``);
- a name that fills only part of a short quotation (``«الخليج الجديد»``,
  ``"كتيبة شهداء أبو سليم"``) names what is quoted: the whole quotation
  (no function words), an organisation when the name inside is a place or
  the quotation holds an organisation's head noun;
- a name in a short line ending in a dash (a byline, ``نور نيوز –``) is the
  whole line (a dash inside a line is no byline); a multi-word name also
  marks its other occurrences;
- an unmarked institution phrase (``وزارة الخارجية المصرية``, ``الجيش الليبي``)
  is an organisation; a particle before a person belongs to the name;
- a person's name cut after a compound given name (``عبد القادر`` before
  ``مساهل``) takes the next word when it is not a common word.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Callable
from functools import cached_property
from itertools import count

from models.arabic import STOP_WORDS, normalize
from models.article import Mention
from models.ner.features import fold, split_proclitic, stem_of
from models.ner.lexicon import Lexicon

PARTICLES = frozenset(normalize(w) for w in ("بن", "ابن", "بنت", "أبو", "أبي", "أبا", "عبد", "آل", "أم"))
COMPOUND_HEADS = frozenset(normalize(w) for w in ("عبد", "أبو", "أبي", "أبا"))
# God: the corpora tag it as MISC, a reader does not need it highlighted
NOT_NAMES = frozenset(stem_of(w) for w in ("الله", "لله", "بالله", "والله"))
# two-word ranks: a person mention that starts with the second word after the first loses it
RANKS = {normalize(second): normalize(first) for first, second in (("أركان", "حرب"),)}
_QUOTES = frozenset('«»"“”')
# heads of institutions' names (not verbal nouns such as حركة "movement" or اتحاد "union")
INSTITUTIONS = frozenset(normalize(w) for w in (
    "وزارة", "مجلس", "حزب", "جامعة", "وكالة", "شركة", "منظمة", "هيئة", "جبهة", "تنظيم", "جيش", "محكمة",
    "برلمان", "مصرف", "بنك", "صحيفة", "جريدة", "قناة", "كتيبة", "لجنة", "مفوضية", "بعثة", "رابطة", "نقابة"))
# heads of groups named by a bare word: «تنظيم داعش», «حركة "حماس"» (the corpora tag the name only)
GROUP_HEADS = frozenset(normalize(w) for w in (
    "تنظيم", "حركة", "جماعة", "حزب", "جبهة", "كتيبة", "فصيل", "تيار", "ائتلاف",
    "ميليشيا", "مليشيا", "ميليشيات", "مليشيات"))
# endings of what follows such a head without naming a group: indefinite adjectives, plurals,
# duals, nouns with a suffix and plural verbs («حركة تحررية», «تنظيم وقفات», «تنظيم حفلتين»,
# «تنظيم تدخلاته», «جماعة ودعوا»)
_NOT_NAME_ENDINGS = ("ي", "ه", "ات", "ين", "ون", "ها", "هم", "وا")
_MAX_QUOTE = 5
_DASHES = frozenset("-–—")
_ARABIC_WORD = re.compile("^[\u0621-\u064A\u0640]+$")


def _key(word: str) -> str:
    """A word without و/ف/ب/ل/ك and the article: ``وبن`` → ``بن``, ``المدينة`` → ``مدينه``."""
    w = normalize(word)
    if len(w) > 2 and w[0] in "وف" and w[1:] in PARTICLES:
        return w[1:]
    return split_proclitic(w)[1]


def trigger(word: str, lexicon: Lexicon) -> str | None:
    """The type a word announces (``Lexicon.triggers``), clitics and the article allowed.

    The whole folded word is tried before its stem: ``كتيبة`` is not ك + ``تيبة``.
    """
    w = fold(word)
    for form in (w, w[2:] if w.startswith("ال") else "", _key(word)):
        kind = lexicon.triggers.get(form)
        if kind:
            return kind
    return None


def not_a_name(mention: Mention, lexicon: Lexicon) -> bool:
    """Only particles, one trigger word, or «الله»."""
    words = mention.text.split()
    keys = [_key(w) for w in words]
    if all(k in PARTICLES for k in keys):
        return True
    return len(words) == 1 and (trigger(words[0], lexicon) is not None or stem_of(words[0]) in NOT_NAMES)


class SpanRules:
    """Apply the module's rules to the mentions of one text (token spans computed once)."""

    def __init__(self, text: str, spans: list[tuple[int, int]], lexicon: Lexicon) -> None:
        self.text = text
        self.spans = spans
        self.starts = [s for s, _ in spans]
        self.lexicon = lexicon

    @cached_property
    def stems(self) -> list[str]:
        """``stem_of`` each token."""
        return self._per_token(stem_of)

    @cached_property
    def keys(self) -> list[str]:
        """``_key`` of each token."""
        return self._per_token(_key)

    def _per_token(self, function: Callable[[str], str]) -> list[str]:
        """``function`` of each token, computed once per distinct word."""
        memo: dict[str, str] = {}
        tokens = (self.text[s:e] for s, e in self.spans)
        return [memo[t] if t in memo else memo.setdefault(t, function(t)) for t in tokens]

    def _token(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e]

    def _index(self, offset: int) -> int:
        """Index of the token starting at ``offset``."""
        return bisect_left(self.starts, offset)

    def apply(self, mentions: list[Mention]) -> list[Mention]:
        out, typed = [], {}
        for m in mentions:
            m = self._particle(m)
            headed = self._head(m)
            if headed.type != m.type:
                typed[self._keys(m)] = headed.type
            m = self._rank(self._extend_person(self._byline(self._quoted(headed))))
            if m is not None and not not_a_name(m, self.lexicon):
                out.append(m)
        # a name a head noun typed («مدينة بن جواد») keeps that type in the whole text
        out = [Mention(m.start, m.end, typed.get(self._keys(m), m.type), m.text) for m in out]
        out = self._spread(out + self._institutions(out) + self._named_groups(out))
        out.sort(key=lambda m: (m.start, -m.end))
        kept: list[Mention] = []
        for m in out:  # extended mentions may now cover others
            if kept and m.start < kept[-1].end:
                continue
            kept.append(m)
        return kept

    def _spread(self, mentions: list[Mention]) -> list[Mention]:
        """A multi-word name also marks its other occurrences, over the shorter mentions inside them.

        One pass over the tokens: names are looked up by their first stem and the
        mentions a new one would cover are found through their sorted starts.
        """
        stems = self.stems
        names: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)  # first stem → name → type
        for m in mentions:
            first, last = self._bounds(m)
            if last > first and m.type != "MISC":
                names[stems[first]].setdefault(tuple(stems[first:last + 1]), m.type)
        live = dict(enumerate(mentions))  # kept in list order: later ties keep their order
        starts = sorted((m.start, n) for n, m in live.items())
        longest = max((m.end - m.start for m in mentions), default=0)
        ids = count(len(mentions))
        for i, stem in enumerate(stems):
            for key, kind in names.get(stem, {}).items():
                if tuple(stems[i:i + len(key)]) != key:
                    continue
                start, end = self.spans[i][0], self.spans[i + len(key) - 1][1]
                lo, hi = bisect_left(starts, (start - longest + 1,)), bisect_left(starts, (end,))
                inside = [n for _, n in starts[lo:hi] if live[n].end > start]
                if all(start <= live[n].start and live[n].end <= end for n in inside) and not any(
                        (live[n].start, live[n].end) == (start, end) for n in inside):
                    for n in inside:
                        del starts[bisect_left(starts, (live.pop(n).start, n))]
                    n = next(ids)
                    live[n] = Mention(start, end, kind, self.text[start:end])
                    insort(starts, (start, n))
                    longest = max(longest, end - start)
        return list(live.values())

    def _particle(self, m: Mention) -> Mention:
        """A person mention right after a name particle (``بن``, ``أبو``) includes it."""
        first, last = self._bounds(m)
        if m.type != "PER" or first == 0 or _key(self._token(first - 1)) not in PARTICLES:
            return m
        return self._make(first - 1, last, m.type)

    def _institutions(self, mentions: list[Mention]) -> list[Mention]:
        """Unmarked head-noun phrases of institutions: ``وزارة الخارجية المصرية``,
        ``تنظيم الدولة الإسلامية`` (a head in construct state and up to three definite words),
        ``الجيش الليبي`` (a definite head and nisba adjectives)."""
        taken = [False] * len(self.spans)
        for m in mentions:
            first, last = self._bounds(m)
            for i in range(first, last + 1):
                taken[i] = True
        out = []
        for i in range(len(self.spans) - 1):
            if taken[i] or self.keys[i] not in INSTITUTIONS:
                continue
            definite = "ال" in split_proclitic(fold(self._token(i)))[0]
            j = i + 1
            while j < len(self.spans) and j - i <= 3 and not taken[j]:
                word = fold(self._token(j))
                if (not _ARABIC_WORD.match(word) or not word.startswith("ال") or word in STOP_WORDS
                        or (definite and not word.endswith(("ي", "يه")))):
                    break
                j += 1
            if j > i + 1:
                out.append(self._make(i, j - 1, "ORG"))
                for k in range(i, j):
                    taken[k] = True
        return out

    def _named_groups(self, mentions: list[Mention]) -> list[Mention]:
        """The bare name after a group's head noun (``تنظيم داعش``, ``تنظيم "داعش"``) is an
        organisation: an indefinite word, quoted or not, that is neither a stop word, a trigger,
        a word seen mostly outside names (``Lexicon.common``) nor shaped like an adjective, a
        plural or a noun with a suffix (``_NOT_NAME_ENDINGS``); the head stays outside."""
        taken = set()
        for m in mentions:
            first, last = self._bounds(m)
            taken.update(range(first, last + 1))
        out = []
        for i in range(len(self.spans) - 1):
            if i in taken or self.keys[i] not in GROUP_HEADS or self._definite(i):
                continue
            j = i + 2 if self._token(i + 1) in _QUOTES else i + 1
            if j >= len(self.spans) or j in taken or (j > i + 1 and (
                    j + 1 >= len(self.spans) or self._token(j + 1) not in _QUOTES)):
                continue
            word = self._token(j)
            stem = self.stems[j]
            if (_ARABIC_WORD.match(word) and not self._definite(j) and len(stem) > 2
                    and not fold(word).endswith(_NOT_NAME_ENDINGS)
                    and normalize(word) not in STOP_WORDS and stem not in STOP_WORDS
                    and stem not in self.lexicon.common and not trigger(word, self.lexicon)):
                out.append(self._make(j, j, "ORG"))
        return out

    def _definite(self, i: int) -> bool:
        """Whether token ``i`` carries the article (``الحركة``, ``بالتنظيم``)."""
        return split_proclitic(fold(self._token(i)))[0].endswith(("ال", "لل"))

    def _keys(self, m: Mention) -> tuple[str, ...]:
        return tuple(_key(w) for w in m.text.split())

    def _make(self, first: int, last: int, kind: str) -> Mention:
        start, end = self.spans[first][0], self.spans[last][1]
        return Mention(start, end, kind, self.text[start:end])

    def _bounds(self, m: Mention) -> tuple[int, int]:
        first = self._index(m.start)
        return first, bisect_left(self.starts, m.end) - 1

    def _head(self, m: Mention) -> Mention:
        """After an organisation's head noun: that organisation; after a place noun: a place."""
        first, last = self._bounds(m)
        if first == 0:
            return m
        head = trigger(self._token(first - 1), self.lexicon)
        if head == "LOC" and m.type in ("PER", "MISC"):
            return Mention(m.start, m.end, "LOC", m.text)
        if head != "ORG" or m.type == "PER" or trigger(m.text.split()[0], self.lexicon) == "ORG":
            return m
        return self._make(first - 1, last, "ORG")

    def _quoted(self, m: Mention) -> Mention:
        first, last = self._bounds(m)
        left = first - 1
        while left >= 0 and first - left <= _MAX_QUOTE and self._token(left) not in _QUOTES:
            left -= 1
        if left < 0 or self._token(left) not in _QUOTES:
            return m
        right, limit = last + 1, min(len(self.spans), left + _MAX_QUOTE + 2)
        while right < limit and self._token(right) not in _QUOTES:
            right += 1
        if right >= len(self.spans) or self._token(right) not in _QUOTES:
            return m
        if (left + 1, right - 1) == (first, last):
            return m
        words = [self._token(i) for i in range(left + 1, right)]
        if not all(_ARABIC_WORD.match(w) and normalize(w) not in STOP_WORDS for w in words):
            return m
        extra = [w for i, w in enumerate(words, left + 1) if not first <= i <= last]
        kind = m.type
        if m.type == "LOC" or any(trigger(w, self.lexicon) == "ORG" for w in extra):
            kind = "ORG"
        return self._make(left + 1, right - 1, kind)

    def _byline(self, m: Mention) -> Mention:
        """A name in a short line before a dash (``نور نيوز –``) is the whole line up to the dash."""
        first, last = self._bounds(m)
        left, right = first, last
        while not self._line_starts(left) and last - left < 3:
            left -= 1
        while (right + 1 < len(self.spans) and right - left < 3 and self._token(right + 1) not in _DASHES
               and not self._line_starts(right + 1)):
            right += 1
        if (right + 1 >= len(self.spans) or self._token(right + 1) not in _DASHES or right - left > 2
                or not (right + 2 == len(self.spans) or self._line_starts(right + 2))  # dash ends the line
                or not self._line_starts(left) or (left, right) == (first, last)
                or not all(_ARABIC_WORD.match(self._token(i)) for i in range(left, right + 1))):
            return m
        return self._make(left, right, m.type)

    def _line_starts(self, i: int) -> bool:
        """Whether token ``i`` is the first of its line."""
        return i == 0 or "\n" in self.text[self.spans[i - 1][1]:self.spans[i][0]]

    def _extend_person(self, m: Mention) -> Mention:
        if m.type != "PER":
            return m
        first, last = self._bounds(m)
        words = [normalize(w) for w in m.text.split()]
        nxt = last + 1
        if len(words) > 2 or words[0] not in COMPOUND_HEADS or nxt >= len(self.spans):
            return m
        if self.spans[nxt][0] - self.spans[last][1] > 1:  # not written right after (a new line, a gap)
            return m
        word = self._token(nxt)
        stem = stem_of(word)
        lex = self.lexicon
        if (not _ARABIC_WORD.match(word) or normalize(word) in STOP_WORDS or stem in STOP_WORDS
                or stem in lex.common or trigger(word, lex)
                or split_proclitic(normalize(word))[0] not in ("", "ال")):
            return m
        return self._make(first, nxt, "PER")

    def _rank(self, m: Mention) -> Mention | None:
        words = m.text.split()
        first, last = self._bounds(m)
        if m.type != "PER" or first == 0:
            return m
        if RANKS.get(normalize(words[0])) != normalize(self._token(first - 1)):
            return m
        return None if first == last else self._make(first + 1, last, "PER")
