"""Summary quality on EASC-dev: every algorithm, the lead baseline and sumy's stock Arabic pipeline.

Same protocol as ``../shared/tools/easc_eval.py``: each article is written to a
.txt file and read with ``read_article``; the word budget is the mean length of
its reference summaries; sentences are added in rank order until the budget is
reached, then put back in article order; ROUGE-1/2/L F1 against the distinct
references with ``arrouge.score``. The official command is also run for
``auto`` and ``lead`` to confirm that the in-process figures match it.

    .venv/bin/python bench/summary_quality.py            # writes bench/results/summary.md
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(SHARED / "tools"))

from arrouge import score  # noqa: E402
from results_file import table_with_notes, write_section  # noqa: E402

from models.reading import read_article  # noqa: E402
from models.summarize import ALGORITHMS, Length, summarize  # noqa: E402
from models.summarize.length import select  # noqa: E402
from models.summarize.sumy_rank import SUMY_ALGORITHMS  # noqa: E402

RESULTS = REPO / "bench" / "results" / "summary.md"
OFFICIAL = "{python} main.py summarize --words {{words}}{option} {{file}}"


def budget(row: dict) -> int:
    return round(statistics.mean(len(s.split()) for s in row["summaries"].values()))


def references(row: dict) -> list[str]:
    return list(dict.fromkeys(row["summaries"].values()))


def load_rows(data: Path) -> list[dict]:
    """The EASC rows of a .jsonl file."""
    return [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]


def _mean(scores: list[dict]) -> dict:
    return {k: sum(s[k] for s in scores) / len(scores) for k in ("r1", "r2", "rl")}


def ours(rows: list[dict], articles: list, algorithm: str) -> dict:
    scores = []
    for row, article in zip(rows, articles, strict=True):
        picked = summarize(article, Length(words=budget(row)), algorithm)
        scores.append(score("\n".join(article.sentences[i].text for i in picked), references(row)))
    return _mean(scores)


def _rank_all(summarizer, document) -> list | None:
    """sumy's infos for every sentence, best first; None when the stock pipeline crashes."""
    ranked: list = []
    try:
        summarizer(document, lambda infos: ranked.extend(infos) or infos)
    except (KeyError, ValueError, ZeroDivisionError):
        return None
    return ranked


def stock(rows: list[dict], algorithm: str) -> dict | None:
    """sumy's own Arabic pipeline: PlaintextParser + Tokenizer/Stemmer/stop words for 'arabic'.

    SumBasic runs without a stemmer: with ``Stemmer('arabic')`` sumy's SumBasic raises KeyError.
    None when the pipeline crashes on any article.
    """
    from sumy.nlp.stemmers import Stemmer, null_stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.utils import get_stop_words

    from models.summarize.sumy_rank import BONUS_WORDS, STIGMA_WORDS, _summarizer

    scores = []
    for row in rows:
        document = PlaintextParser.from_string(row["article"], Tokenizer("arabic")).document
        stemmer = null_stemmer if algorithm == "sumbasic" else Stemmer("arabic")
        summarizer = type(_summarizer(algorithm))(stemmer)
        if algorithm == "edmundson":
            summarizer.null_words = get_stop_words("arabic")
            summarizer.bonus_words, summarizer.stigma_words = BONUS_WORDS, STIGMA_WORDS
        else:
            summarizer.stop_words = get_stop_words("arabic")
        ranked = _rank_all(summarizer, document)
        if ranked is None:
            return None
        sentences = {info.order: str(info.sentence) for info in ranked}
        counts = [len(sentences[i].split()) for i in range(len(sentences))]
        picked = select([info.order for info in ranked], counts, Length(words=budget(row)))
        scores.append(score("\n".join(sentences[i] for i in picked), references(row)))
    return _mean(scores)


def official(data: Path, algorithm: str) -> dict:
    option = "" if algorithm == "auto" else f" --algorithm {algorithm}"
    cmd = OFFICIAL.format(python=REPO / ".venv" / "bin" / "python", option=option)
    proc = subprocess.run([sys.executable, str(SHARED / "tools" / "easc_eval.py"), str(data), "--cmd", cmd],
                          cwd=REPO, capture_output=True, text=True, check=False)
    match = re.search(r"R1 ([\d.]+) R2 ([\d.]+) RL ([\d.]+)", proc.stdout)
    if proc.returncode or not match:
        raise SystemExit(f"official evaluation failed for {algorithm}: {proc.stdout}{proc.stderr}")
    return dict(zip(("r1", "r2", "rl"), map(float, match.groups()), strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "easc-dev" / "easc-dev.jsonl")
    parser.add_argument("--no-official", action="store_true", help="skip the official easc_eval runs")
    parser.add_argument("--no-write", action="store_true", help="print only, do not update the results file")
    args = parser.parse_args()
    rows = load_rows(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        articles = []
        for i, row in enumerate(rows):
            path = Path(tmp) / f"article{i}.txt"
            path.write_text(row["article"], encoding="utf-8")
            articles.append(read_article(path))
    table = ["| algorithm | R1 | R2 | RL | stock sumy R1 | stock R2 | stock RL |",
             "|---|---|---|---|---|---|---|"]
    results = {}
    for algorithm in ALGORITHMS:
        results[algorithm] = ours(rows, articles, algorithm)
        mine = results[algorithm]
        cells = [f"{mine[k]:.4f}" for k in ("r1", "r2", "rl")]
        if algorithm in SUMY_ALGORITHMS:
            base = stock(rows, algorithm)
            if base is None:
                cells += ["crashes", "", ""]
                print(f"{algorithm:10} R1 {mine['r1']:.4f}  stock pipeline crashes")
            else:
                cells += [f"{base[k]:.4f}" for k in ("r1", "r2", "rl")]
                verdict = "better" if mine["r1"] > base["r1"] else "NOT better"
                print(f"{algorithm:10} R1 {mine['r1']:.4f}  stock {base['r1']:.4f}  {verdict}")
        else:
            cells += ["", "", ""]
            print(f"{algorithm:10} R1 {mine['r1']:.4f} R2 {mine['r2']:.4f} RL {mine['rl']:.4f}")
        table.append(f"| {algorithm} | " + " | ".join(cells) + " |")
    notes = [
        f"EASC-dev, {len(rows)} articles, word budget = mean reference length; "
        "`.venv/bin/python bench/summary_quality.py`.",
        "Stock sumy = `PlaintextParser` with sumy's `Tokenizer('arabic')` (pyarabic), `Stemmer('arabic')` "
        "and `get_stop_words('arabic')`, same budget rule (SumBasic without the stemmer, with which "
        "sumy's SumBasic raises KeyError).",
        f"auto - lead: {results['auto']['r1'] - results['lead']['r1']:+.4f} R1.",
    ]
    if not args.no_official:
        for algorithm in ("auto", "lead"):
            got = official(args.data, algorithm)
            same = all(abs(got[k] - results[algorithm][k]) < 5e-4 for k in got)
            option = "" if algorithm == "auto" else f" --algorithm {algorithm}"
            line = (f"Official `easc_eval.py --cmd '.venv/bin/python main.py summarize --words {{words}}"
                    f"{option} {{file}}'`: "
                    f"R1 {got['r1']:.4f} R2 {got['r2']:.4f} RL {got['rl']:.4f}"
                    f" ({'matches' if same else 'DIFFERS from'} the in-process figures).")
            print(line)
            notes.append(line)
    if not args.no_write:
        write_section(RESULTS, "Summary quality (EASC-dev)", table_with_notes(table, notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
