"""Time ``read_article`` per file type (median of several runs).

Usage: ``.venv/bin/python bench/reading_speed.py [--runs N]``. Inputs are made
in a temporary folder from the seeds: the seed article as .txt (UTF-8 and
Windows-1256), .md, .html, .docx and a Qt-made .pdf, plus a text file at the
character limit and a 10,000-word line without punctuation.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
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
