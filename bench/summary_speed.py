"""Summariser speed: a 1,000-word article in-process, and 300 articles through one CLI call.

    .venv/bin/python bench/summary_speed.py     # writes a section of bench/results/summary.md

1. In-process: the median time of ``summarize(article)`` (default ``auto``, and
   every other algorithm for reference) on a ~1,000-word article built from the
   seeds; reading is excluded and the stemmer cache is cleared before each run,
   as for a freshly opened article.
2. Robustness/throughput: all articles of ``../shared/data/articles/ant-sample.jsonl``
   written as .txt files (headline line, blank line, text) and summarised by one
   ``main.py summarize --format json`` call; every file must come back with a summary.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from results_file import write_section  # noqa: E402
from summary_quality import RESULTS  # noqa: E402

from models.arabic import stem  # noqa: E402
from models.reading import article_from_text  # noqa: E402
from models.summarize import ALGORITHMS, summarize  # noqa: E402

ANT = REPO.parent / "shared" / "data" / "articles" / "ant-sample.jsonl"
RUNS = 21


def thousand_words() -> str:
    """About 1,000 words of seed article text (whole sentences, several paragraphs)."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt")))
    lines, count = [], 0
    for line in text.splitlines():
        if count >= 1000:
            break
        lines.append(line)
        count += len(line.split())
    return "\n".join(lines)


def median_ms(article, algorithm: str) -> float:
    times = []
    for _ in range(RUNS):
        stem.cache_clear()
        start = time.perf_counter()
        summarize(article, None, algorithm)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def throughput() -> tuple[int, int, float]:
    rows = [json.loads(line) for line in ANT.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, row in enumerate(rows):
            path = Path(tmp) / f"{i:03d}.txt"
            path.write_text(f"{row['title']}\n\n{row['text']}\n", encoding="utf-8")
            files.append(str(path))
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "main.py", "summarize", "--format", "json", *files],
                              cwd=REPO, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
    if proc.returncode:
        print(proc.stderr, file=sys.stderr)
    results = json.loads(proc.stdout) if proc.stdout.strip() else []
    ok = sum(1 for r in results if r["summary"])
    return len(rows), ok, seconds


def main() -> int:
    article = article_from_text(thousand_words())
    words = article.word_count()
    lines = [f"In-process `summarize(article)` on a {words}-word, {len(article.sentences)}-sentence article "
             f"(seeds), median of {RUNS} runs, reading excluded:", "",
             "| algorithm | median ms |", "|---|---|"]
    for algorithm in ALGORITHMS:
        ms = median_ms(article, algorithm)
        print(f"{algorithm:10} {ms:8.1f} ms")
        lines.append(f"| {algorithm}{' (default)' if algorithm == 'auto' else ''} | {ms:.1f} |")
    if ANT.exists():
        total, ok, seconds = throughput()
        line = (f"ant-sample: {ok}/{total} articles summarised by one `main.py summarize --format json` call "
                f"in {seconds:.1f} s ({total / seconds:.1f} articles/s, process start included); "
                f"{total - ok} failures.")
        print(line)
        lines += ["", line]
    write_section(RESULTS, "Summary speed", "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
