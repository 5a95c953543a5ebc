"""Hand-built analysed Articles for the briefing tests (no engine needed)."""

from __future__ import annotations

from pathlib import Path

from models.article import Article, Entity, Metadata, Sentence, Translation

DERNA = [
    ("شنت طائرات حربية مصرية غارات جوية على مدينة درنة الليبية صباح الاثنين.",
     "Egyptian warplanes carried out air strikes on the Libyan city of Derna on Monday morning."),
    ("وقال اللواء المتقاعد خليفة حفتر إن الغارات تمت بالتنسيق معه.",
     "Retired General Khalifa Haftar said the strikes were coordinated with him."),
    ("وأفادت مصادر طبية في مستشفى الهريش بسقوط سبعة قتلى بينهم ثلاثة أطفال.",
     "Medical sources at Al-Harish hospital reported seven dead, including three children."),
]
HEADLINE = ("غارات مصرية على درنة", "Egyptian strikes on Derna")


def make_article(
    pairs: list[tuple[str, str]] = DERNA,
    *,
    translated: bool = True,
    path: Path | None = None,
    headline: tuple[str, str] = HEADLINE,
    summary: list[int] | None = None,
    entities: list[Entity] | None = None,
    paragraph_size: int = 2,
) -> Article:
    """An Article whose sentences are ``pairs``' Arabic, translated with their English when asked."""
    text, sentences = "", []
    for i, (arabic, _) in enumerate(pairs):
        if text:
            text += "\n" if i % paragraph_size == 0 else " "
        sentences.append(Sentence(i, len(text), len(text) + len(arabic), arabic, i // paragraph_size))
        text += arabic
    if entities is None:
        entities = [
            Entity("LOC", "درنة", [(text.index("درنة"), text.index("درنة") + 4)] * 2, "Derna", True),
            Entity("PER", "خليفة حفتر", [(0, 1)], "Khalifa Haftar", True),
            Entity("LOC", "مستشفى الهريش", [(0, 1)], "Al-Harish hospital", False),
        ]
    if not translated:
        entities = [Entity(e.type, e.canonical, e.mentions, "", e.in_summary) for e in entities]
    return Article(
        text=text,
        sentences=tuple(sentences),
        title=headline[0],
        metadata=Metadata(dateline="الاثنين 16/2/2015", source="الجزيرة نت"),
        path=path,
        summary=list(range(len(pairs))) if summary is None else summary,
        algorithm="lexrank",
        translations={
            i: Translation(i, arabic, english) for i, (arabic, english) in enumerate(pairs)
        } if translated else {},
        title_translation=headline[1] if translated else "",
        model_id="tiny-test-model" if translated else "",
        entities=entities,
    )
