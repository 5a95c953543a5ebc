"""The five seeds (one story, five outlets) through the real engine: spokesmen's quotes and casualty figures.

Expectations come from reading the seed texts: seed 001 quotes the spokesmen of the Libyan
National Army (أحمد المسماري) and of the Egyptian army (تامر الرفاعي) and the officials
سامح شكري and عبد السلام الحاسي; seed 004 quotes المسماري again; seeds 000, 001 and 002 each
give a different number of dead.
"""

from __future__ import annotations

import pytest

from models.arabic import normalize
from models.paths import seeds_dir
from models.story import build_story


@pytest.fixture(scope="module")
def story():
    from models.pipeline import open_article

    return build_story([open_article(path) for path in sorted(seeds_dir().glob("*.txt"))])


def _speakers(story, article: int) -> list[str]:
    return [normalize(q.speaker.name) for q in story.quotes if q.article == article]


def test_army_spokesmen_and_the_officials_are_the_speakers(story):
    second = _speakers(story, 1)
    assert any(name.endswith("المسماري") for name in second)
    assert any(name.endswith("الرفاعي") for name in second)
    assert any(name.endswith("شكري") for name in second)
    assert any(name.endswith("الحاسي") for name in second)
    assert any(name.endswith("المسماري") for name in _speakers(story, 4))
    spokesmen = [q.speaker for q in story.quotes if q.speaker.role]
    assert {normalize(s.affiliation) for s in spokesmen} >= {normalize("الجيش الوطني الليبي"),
                                                           normalize("الجيش المصري")}


def test_unattributed_sources_are_kept_as_such(story):
    first = [q.speaker for q in story.quotes if q.article == 0 and q.speaker.unattributed]
    assert any(normalize(s.name).startswith("مصادر") for s in first)


def test_casualty_figures_side_by_side_with_the_disagreement_marked(story):
    rows = {(g.key, g.label): [{f.value for f in figures} for figures in g.by_article] for g in story.groups}
    differ = {(g.key, g.label) for g in story.disagreements}
    strikes = rows[("killed", "killed (air strikes)")]
    assert 7 in strikes[0] and 20 in strikes[2] and ("killed", "killed (air strikes)") in differ
    assert ("injured", "injured (air strikes)") in differ


def test_other_events_are_rows_of_their_own(story):
    """The Minya bus attack (29 killed) and the executed Copts (21) are not the strikes' toll."""
    by_value = {}
    for group in story.groups:
        for figures in group.by_article:
            for figure in figures:
                by_value.setdefault(figure.value, set()).add(group.label)
    assert by_value[29] == {"killed (attack)"}
    assert not any(label.endswith("(air strikes)") for label in by_value[21])
    fighters = [g for g in story.groups if g.key == "killed:fighters"]
    assert len(fighters) == 1 and fighters[0].disagree and fighters[0].sources == 2
