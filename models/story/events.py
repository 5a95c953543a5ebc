"""Figures of all sources grouped by what they count *and* the event they describe.

Two figures are one row when they count the same thing (:attr:`Figure.key`:
the casualty and the victims' side, else the category or counted noun) and
plausibly describe the same event: their causes do not differ (air strikes are
not the bus attack), and their sentences share something — the cause, a named
place, person or organisation, the stated date — or are near-duplicates
(:data:`~models.briefing.combine.DUPLICATE_COSINE`). Rows are the connected
sets of such links, so ``سبعة قتلى`` after ``الغارات`` and ``مقتل 20 مدنياً``
after ``القصف`` are one row (a disagreement), while ``إعدام 21 قبطيا`` and
``سقوط 29 قتيلا`` in a bus attack are rows of their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from models.arabic import normalize
from models.article import Article
from models.briefing.combine import DUPLICATE_COSINE, content_stems, cosine
from models.story.figures import CATEGORIES, CAUSES, Figure


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """Figures of one kind and event from every source; ``by_article[i]`` holds article ``i``'s figures."""

    key: str
    label: str
    by_article: tuple[tuple[Figure, ...], ...]

    @property
    def sources(self) -> int:
        return sum(1 for figures in self.by_article if figures)

    @property
    def disagree(self) -> bool:
        """Whether two sources give different sets of values for it."""
        values = {frozenset(f.value for f in figures) for figures in self.by_article if figures}
        return len(values) > 1


@dataclass(frozen=True, slots=True)
class _Context:
    """What a figure's sentence says around it: named entities, its date, its content-word stems."""

    names: frozenset[str]
    date: str
    stems: Counter[str]


def _context(articles: Sequence[Article], figure: Figure) -> _Context:
    article = articles[figure.article]
    sentence = article.sentences[figure.sentence]
    names = frozenset(
        " ".join(normalize(article.entities[m.entity].canonical if m.entity is not None
                           and m.entity < len(article.entities) else m.text).split())
        for m in article.mentions
        if sentence.start <= m.start < sentence.end and m.type in ("PER", "ORG", "LOC"))
    return _Context(names, normalize(figure.date), content_stems(sentence.text))


def _same_event(a: Figure, b: Figure, ca: _Context, cb: _Context) -> bool:
    """Whether ``a`` and ``b`` (of one key) plausibly describe the same thing."""
    if a.cause and b.cause and a.cause != b.cause:
        return False
    if a.article == b.article and a.sentence == b.sentence:
        return True
    return bool(a.cause and a.cause == b.cause or ca.names & cb.names or ca.date and ca.date == cb.date
                or cosine(ca.stems, cb.stems) >= DUPLICATE_COSINE)


def _events(members: list[Figure], contexts: dict[int, _Context]) -> list[list[Figure]]:
    """``members`` (figures of one key) split into connected sets of :func:`_same_event` links."""
    parent = list(range(len(members)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for i, a in enumerate(members):
        for j in range(i + 1, len(members)):
            b = members[j]
            if _same_event(a, b, contexts[id(a)], contexts[id(b)]):
                parent[root(j)] = root(i)
    sets: dict[int, list[Figure]] = {}
    for n, figure in enumerate(members):
        sets.setdefault(root(n), []).append(figure)
    return list(sets.values())


def _label(key: str, figures: Sequence[Figure]) -> str:
    """The English label of what is counted (``killed — fighters / militants``) and the cause, if any."""
    what, _, side = key.partition(":")
    if what in CATEGORIES:
        label = CATEGORIES[what][0] + (f" — {CATEGORIES[side][0]}" if side in CATEGORIES else "")
    else:
        label = next((f.counted for f in figures if f.counted), side or what)
    cause = next((f.cause for f in figures if f.cause), "")
    return f"{label} ({CAUSES[cause][0]})" if cause else label


def group_figures(figures: Sequence[Figure], articles: Sequence[Article]) -> list[FigureGroup]:
    """Figures grouped by what they count and the event they describe; groups several sources give
    first, disagreements first."""
    contexts = {id(f): _context(articles, f) for f in figures}
    keys = list(dict.fromkeys(f.key for f in figures))
    groups = []
    for key in keys:
        for event in _events([f for f in figures if f.key == key], contexts):
            groups.append(FigureGroup(key, _label(key, event), tuple(
                tuple(f for f in event if f.article == n) for n in range(len(articles)))))
    order = {id(g): n for n, g in enumerate(groups)}
    groups.sort(key=lambda g: (-g.sources, not g.disagree, order[id(g)]))
    return groups


def figure_cell(group: FigureGroup, article: int) -> str:
    """What a table shows for one source of a group: its values, each with its noun when that differs
    from the group's (``7; 40 (شخصا)``)."""
    return "; ".join(f.shown if f.category == group.key or not f.counted else f"{f.shown} ({f.counted})"
                     for f in group.by_article[article])
