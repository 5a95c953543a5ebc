"""A brief as Markdown: headings, pipe tables, notes as block quotes.

Markdown has no direction markup; Arabic lines are left as they are and any
Markdown viewer's Unicode bidi algorithm shows them right-to-left.
"""

from __future__ import annotations

from pathlib import Path

from models.briefing.content import Brief
from models.briefing.layout import Block, Field, Heading, Paragraph, Table, layout


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split()) or " "


def _table(table: Table) -> list[str]:
    lines = [
        "| " + " | ".join(c.title for c in table.columns) + " |",
        "|" + "|".join("---:" if c.numeric else "---" for c in table.columns) + "|",
    ]
    lines += ["| " + " | ".join(_cell(text) for text in row) + " |" for row in table.rows]
    return lines


def _block(block: Block) -> list[str]:
    match block:
        case Heading(text, level, _):
            return ["#" * (level + 1) + " " + text]
        case Paragraph(text, _, "headline"):
            return [f"**{text}**"]
        case Paragraph(text, _, "note"):
            return [f"> **Note:** {text}"]
        case Paragraph(text, _, "footer"):
            return ["---", f"*{text}*"]
        case Paragraph(text, _, _):
            return [text]
        case Field(label, value, _):
            return [f"**{label}:** {value}"]
        case Table():
            return _table(block)
    raise TypeError(f"not a brief block: {block!r}")


def render_blocks(blocks: list[Block]) -> str:
    """Markdown for a list of layout blocks."""
    return "\n\n".join("\n".join(_block(block)) for block in blocks) + "\n"


def render_markdown(brief: Brief) -> str:
    """The whole Markdown document for ``brief``."""
    return render_blocks(layout(brief))


def write_markdown(brief: Brief, path: Path) -> None:
    """Write ``brief`` as Markdown to ``path`` (no atomicity: see ``write_brief``)."""
    path.write_text(render_markdown(brief), encoding="utf-8")
