"""The five seed articles (one story) through the real engine into one brief."""

from __future__ import annotations

import pytest

from models.briefing import build_brief
from models.briefing.combine import content_stems, cosine
from models.paths import seeds_dir


@pytest.fixture(scope="module")
def seed_articles():
    from models.pipeline import open_article

    return [open_article(path) for path in sorted(seeds_dir().glob("*.txt"))]


def test_five_seed_brief_is_shorter_than_the_five_summaries_and_has_no_repeats(seed_articles):
    brief = build_brief(seed_articles)
    singles = sum(len(section.summary) for section in brief.sections)
    combined = brief.combined_summary
    assert 0 < len(combined) < singles
    assert len({s.article for s in combined}) >= 3
    bags = [content_stems(s.arabic) for s in combined]
    assert all(cosine(a, b) < 0.5 for i, a in enumerate(bags) for b in bags[:i])


def test_five_seed_entity_index_lists_derna_in_all_five(seed_articles):
    brief = build_brief(seed_articles)
    derna = [row for row in brief.entity_index if row.arabic in ("درنة", "درنه")]
    assert len(derna) == 1
    assert derna[0].articles == (1, 2, 3, 4, 5) and derna[0].type == "LOC"
    assert derna[0].mentions >= 5
