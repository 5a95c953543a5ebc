"""A brief as one self-contained UTF-8 HTML page (inline CSS, ``dir``/``lang`` on every block).

It keeps to simple tags, class selectors and table attributes alongside CSS.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from models.briefing.content import Brief
from models.briefing.layout import Block, Field, Heading, Paragraph, Table, direction, layout

ARABIC_FONTS = ("Noto Naskh Arabic", "Amiri", "Noto Sans Arabic", "Arial", "Tahoma")
"""Arabic font stack, best first; the reader's browser uses the first it has."""

_CSS = """
body { font-family: 'Noto Sans', 'Segoe UI', Arial, sans-serif; font-size: 11pt; color: #1a1a1a;
       max-width: 60em; margin: 1.5em auto; }
.ar { font-family: %(arabic)s; font-size: 14pt; }
h1, h2, h3, h4 { color: #123; margin-bottom: 0.3em; }
p.headline { font-size: 14pt; font-weight: bold; margin: 0.2em 0; }
p.headline.ar { font-size: 18pt; }
p.note { background-color: #fff4d6; border: 1px solid #e0b84c; padding: 0.5em; }
p.footer { color: #555; font-size: 9pt; border-top: 1px solid #bbb; padding-top: 0.5em; margin-top: 2em; }
span.label { font-weight: bold; }
table { border-collapse: collapse; width: 100%%; margin-top: 0.4em; margin-bottom: 1em; }
th, td { border: 1px solid #999; padding: 4px 6px; vertical-align: top; }
th { background-color: #e8edf2; }
td.ar { text-align: right; }
td.num { text-align: right; white-space: nowrap; }
"""


def _attrs(lang: str, css_class: str = "") -> str:
    classes = " ".join(c for c in (css_class, "ar" if lang == "ar" else "") if c)
    cls = f' class="{classes}"' if classes else ""
    return f' dir="{direction(lang)}" lang="{lang}"{cls}'


def _table(table: Table) -> str:
    head = "".join(f"<th{_attrs('en')}>{escape(c.title)}</th>" for c in table.columns)
    body = []
    for row in table.rows:
        cells = "".join(
            f"<td{_attrs(c.lang, 'num' if c.numeric else '')}>{escape(text)}</td>"
            for c, text in zip(table.columns, row, strict=True)
        )
        body.append(f"<tr>{cells}</tr>")
    return (
        f'<table{_attrs("en")} border="1" cellspacing="0" cellpadding="4" width="100%">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def _block(block: Block) -> str:
    match block:
        case Heading(text, level, lang):
            tag = f"h{level + 1}"
            return f"<{tag}{_attrs(lang)}>{escape(text)}</{tag}>"
        case Paragraph(text, lang, role):
            return f"<p{_attrs(lang, '' if role == 'body' else role)}>{escape(text)}</p>"
        case Field(label, value, lang):
            return (
                f'<p{_attrs("en", "field")}><span class="label">{escape(label)}:</span> '
                f"<bdi{_attrs(lang)}>{escape(value)}</bdi></p>"
            )
        case Table():
            return _table(block)
    raise TypeError(f"not a brief block: {block!r}")


def render_html(brief: Brief) -> str:
    """The whole HTML document for ``brief``."""
    stack = ", ".join(f"'{name}'" for name in ARABIC_FONTS) + ", serif"
    body = "\n".join(_block(block) for block in layout(brief))
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(brief.title)}</title>\n<style>{_CSS % {'arabic': stack}}</style>\n</head>\n"
        f'<body dir="ltr" lang="en">\n{body}\n</body>\n</html>\n'
    )


def write_html(brief: Brief, path: Path) -> None:
    """Write ``brief`` as HTML to ``path`` (no atomicity: see ``write_brief``)."""
    path.write_text(render_html(brief), encoding="utf-8")
