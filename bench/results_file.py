"""Markdown results files under bench/results/: each benchmark owns ``## sections`` it rewrites."""

from __future__ import annotations

import re
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def write_section(path: Path, heading: str, body: str, *, title: str = "# Benchmark results") -> None:
    """Replace (or append) the ``## heading`` section of the markdown file ``path``."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"{title}\n"
    section = f"## {heading}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text)
    else:
        text = text.rstrip() + "\n\n" + section
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.rstrip() + "\n", encoding="utf-8")


def table_with_notes(table: list[str], notes: list[str]) -> str:
    """A section body: markdown table rows, then the notes as a bullet list."""
    return "\n".join(table) + "\n\n" + "\n".join(f"- {note}" for note in notes)
