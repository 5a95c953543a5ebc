"""How far can any sentence choice beat the lead baseline on EASC? Leave-one-annotator-out.

Each EASC article has up to five extractive summaries by different annotators.
Taking each distinct summary in turn as the only judge, three rankings fill
the same word budget (the mean length of the *other* summaries, so no system
sees the judge):

* ``lead`` - article order;
* ``auto`` - Khulasa's default;
* ``lead at auto's length`` - article order, filled up to as many words as
  ``auto`` gave (ROUGE F1 here grows with length, so this separates auto's
  choice of sentences from its length);
* ``others`` - the other annotators' own choices: sentences ranked by how many
  of them picked it (ties in article order). This is a ranking as good as the
  human consensus, i.e. better than any model of "importance" can hope to be.

ROUGE-1/2/L F1 (``arrouge.score``) against the judge, averaged over judges and
articles; with the per-article standard error of each ranking's difference
from lead. If even the other annotators' picks do not beat lead, a ranking
learnt from content cannot be expected to either: the agreement between
annotators beyond "the first sentences matter" is too small.

    .venv/bin/python bench/summary_agreement.py          # writes a section of bench/results/summary.md
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(SHARED / "tools"))

from arrouge import score, tokens  # noqa: E402
from results_file import table_with_notes, write_section  # noqa: E402
from summary_quality import load_rows, references  # noqa: E402

from models.article import Article  # noqa: E402
from models.reading import article_from_text  # noqa: E402
from models.summarize import Length, summarize  # noqa: E402
from models.summarize.length import select  # noqa: E402

RESULTS = REPO / "bench" / "results" / "summary.md"
PROBE = 8  # a sentence counts as picked when its first PROBE tokens occur in the summary
SYSTEMS = ("lead", "auto", "lead at auto's length", "others")


def picked_by(article: Article, summary: str) -> set[int]:
    """Indices of the article sentences that an extractive ``summary`` contains."""
    text = " " + " ".join(tokens(summary)) + " "
    return {s.index for s in article.sentences
            if (probe := tokens(s.text)[:PROBE]) and f" {' '.join(probe)} " in text}


def article_scores(article: Article, summaries: list[str]) -> dict[str, dict[str, float]]:
    """Mean ROUGE of each system over the judges of one article."""
    picks = [picked_by(article, s) for s in summaries]
    counts = [len(s.text.split()) for s in article.sentences]
    totals = {name: {"r1": 0.0, "r2": 0.0, "rl": 0.0, "length": 0.0} for name in SYSTEMS}
    for judge, reference in enumerate(summaries):
        others = [j for j in range(len(summaries)) if j != judge]
        budget = round(statistics.mean(len(summaries[j].split()) for j in others))
        votes = [sum(i in picks[j] for j in others) for i in range(len(article.sentences))]
        lead = range(len(article.sentences))
        auto = summarize(article, Length(words=budget), "auto")
        picks_of = {
            "lead": select(lead, counts, Length(words=budget)),
            "auto": auto,
            "lead at auto's length": select(lead, counts, Length(words=sum(counts[i] for i in auto))),
            "others": select(sorted(lead, key=lambda i: (-votes[i], i)), counts, Length(words=budget)),
        }
        for name, picked in picks_of.items():
            text = "\n".join(article.sentences[i].text for i in picked)
            for key, value in score(text, [reference]).items():
                totals[name][key] += value / len(summaries)
            totals[name]["length"] += sum(counts[i] for i in picked) / budget / len(summaries)
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "easc-dev" / "easc-dev.jsonl")
    parser.add_argument("--no-write", action="store_true", help="print only, do not update the results file")
    args = parser.parse_args()
    rows = load_rows(args.data)
    per_article = []
    for row in rows:
        summaries = references(row)
        if len(summaries) >= 3:
            per_article.append(article_scores(article_from_text(row["article"]), summaries))
    n = len(per_article)
    table = ["| ranking | R1 | R2 | RL | R1 − lead | SE | words / budget |", "|---|---|---|---|---|---|---|"]
    for name in SYSTEMS:
        means = {k: sum(a[name][k] for a in per_article) / n for k in ("r1", "r2", "rl", "length")}
        diffs = [a[name]["r1"] - a["lead"]["r1"] for a in per_article]
        se = statistics.stdev(diffs) / math.sqrt(n)
        row = (f"| {name} | {means['r1']:.4f} | {means['r2']:.4f} | {means['rl']:.4f} "
               f"| {statistics.mean(diffs):+.4f} | {se:.4f} | {means['length']:.2f} |")
        table.append(row)
        print(row)
    notes = [
        f"EASC-dev, {n} articles with at least three distinct summaries; each summary in turn is the only "
        "reference, the budget is the mean length of the other summaries; "
        "`.venv/bin/python bench/summary_agreement.py`.",
        "`others` ranks sentences by the number of other annotators who picked them: the human consensus.",
        "`words / budget`: summary length over the budget (every ranking stops at the first sentence that "
        "reaches the budget; `auto` fits its picks to it).",
    ]
    if not args.no_write:
        write_section(RESULTS, "Agreement between annotators (leave one out)", table_with_notes(table, notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
