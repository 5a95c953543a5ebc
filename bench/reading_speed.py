"""Time ``read_article`` per file type (median of several runs).

Usage: ``.venv/bin/python bench/reading_speed.py [--runs N] [--scale]``. Inputs are made
in a temporary folder from the seeds: the seed article as .txt (UTF-8 and
Windows-1256), .md, .html, .docx and a Qt-made .pdf, plus a text file at the
character limit and a 10,000-word line without punctuation.

``--scale`` times reading, summarising (``auto``), entity recognition and the
entities' English names (``settle``, transliteration cache emptied first) on
text files of 100k, 400k and 1M characters made of ANT news articles
(``../shared/data/articles/ant-all.jsonl``, rows in file order), one step at a
time (median of ``--runs``), and prints the time per 100k characters: flat
figures mean linear time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from timing import median_seconds  # noqa: E402

from models.paths import seeds_dir  # noqa: E402
from models.reading import read_article  # noqa: E402
from models.reading.reader import MAX_TEXT_CHARS  # noqa: E402


def _inputs(folder: Path) -> dict[str, Path]:
    from docx import Document
    from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    text = (seeds_dir() / "002_64d4821088250feb.txt").read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if line.strip()]
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    words = " ".join(["كلمة", "أخرى", "مدينة", "الليبية"] * 2500)
    files = {
        "txt (utf-8, 1 article)": ("a.txt", text.encode()),
        "txt (cp1256)": ("b.txt", text.encode("cp1256", errors="ignore")),
        "md": ("c.md", ("# " + text).encode()),
        "html": ("d.html", ("<html><head><meta charset='utf-8'><title>" + lines[0] + "</title></head><body>"
                            "<nav><a href='/'>الرئيسية</a></nav><article>"
                            + paragraphs + "</article></body></html>").encode()),
        "txt (MAX_TEXT_CHARS)": ("big.txt", ((text + "\n") * (MAX_TEXT_CHARS // len(text) - 1)).encode()),
        "txt (10,000-word line)": ("long.txt", words.encode()),
    }
    paths = {}
    for label, (name, data) in files.items():
        paths[label] = folder / name
        paths[label].write_bytes(data)
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(folder / "e.docx")
    paths["docx"] = folder / "e.docx"
    _app = QGuiApplication.instance() or QGuiApplication([])
    writer = QPdfWriter(str(folder / "f.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    pdf = QTextDocument()
    pdf.setHtml(f'<div dir="rtl">{paragraphs}</div>')
    pdf.print_(writer)
    paths["pdf (Qt, 2 pages)"] = folder / "f.pdf"
    return paths


SCALE_SIZES = (100_000, 400_000, 1_000_000)
ANT = Path(__file__).resolve().parents[2] / "shared" / "data" / "articles" / "ant-all.jsonl"


def _news_text(chars: int) -> str:
    """ANT articles (title and text), in file order, joined until ``chars`` characters."""
    import json

    parts, total = [], 0
    with ANT.open(encoding="utf-8") as rows:
        for row in rows:
            record = json.loads(row)
            part = f"{record['title']}\n\n{record['text']}\n\n"
            parts.append(part)
            total += len(part)
            if total >= chars:
                break
    return "".join(parts)[:chars]


def scale(runs: int) -> None:
    from models.names import settle, translit
    from models.ner import annotate
    from models.summarize import summarize

    def names(article) -> None:
        translit._cache.clear()  # each size starts cold: the texts share their first articles
        settle(article)

    print("| characters | sentences | read s | summarise s | entities s | English names s "
          "| read+summarise s per 100k |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in SCALE_SIZES:
            path = Path(tmp) / f"{size}.txt"
            path.write_text(_news_text(size), encoding="utf-8")
            article = read_article(path)
            read_s = median_seconds(lambda path=path: read_article(path), runs)
            summarise_s = median_seconds(lambda article=article: summarize(article), runs)
            entities_s = median_seconds(lambda article=article: annotate(article), max(1, runs // 3))
            names_s = median_seconds(lambda article=article: names(article), max(1, runs // 3))
            per = (read_s + summarise_s) / (size / 100_000)
            print(f"| {size:,} | {len(article.sentences):,} | {read_s:.2f} | {summarise_s:.2f} | "
                  f"{entities_s:.2f} | {names_s:.2f} | {per:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--scale", action="store_true", help="time 100k/400k/1M-character news texts")
    args = parser.parse_args()
    if args.scale:
        scale(args.runs)
        return
    with tempfile.TemporaryDirectory() as tmp:
        paths = _inputs(Path(tmp))
        for path in paths.values():
            read_article(path)  # warm imports
        print("| input | size | sentences | median ms |")
        print("|---|---:|---:|---:|")
        for label, path in paths.items():
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                article = read_article(path)
                times.append((time.perf_counter() - start) * 1000)
            size = f"{path.stat().st_size / 1024:,.0f} KB"
            print(f"| {label} | {size} | {len(article.sentences)} | {statistics.median(times):.1f} |")


if __name__ == "__main__":
    main()
