"""What the copy actions put on the clipboard: plain text and HTML with direction markup."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from models.article import Article

RLI, LRI, PDI = "\u2067", "\u2066", "\u2069"  # right-to-left / left-to-right isolates, pop


def translated_summary(article: Article) -> tuple[str, str]:
    """The summary's English, one sentence per line / paragraph."""
    lines = [article.translations[i].target for i in article.summary if i in article.translations]
    title = article.title_translation
    plain = "\n".join(([title, ""] if title else []) + lines)
    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    head = f"<h3>{escape(title)}</h3>" if title else ""
    html = f'<div dir="ltr" lang="en">{head}{body}</div>'
    return plain, html


def bilingual_summary(article: Article) -> tuple[str, str]:
    """Arabic/English sentence pairs; direction kept by isolates (plain) and ``dir`` attributes (HTML)."""
    plain_pairs, rows = [], []
    for sentence in article.summary_sentences:
        translation = article.translations.get(sentence.index)
        english = translation.target if translation else ""
        plain_pairs.append(f"{RLI}{sentence.text}{PDI}" + (f"\n{LRI}{english}{PDI}" if english else ""))
        rows.append(f'<tr><td dir="rtl" lang="ar" style="text-align:right">{escape(sentence.text)}</td>'
                    f'<td dir="ltr" lang="en">{escape(english)}</td></tr>')
    plain = "\n\n".join(plain_pairs)
    html = ('<table border="1" cellpadding="4" style="border-collapse:collapse">'
            '<tr><th dir="rtl" lang="ar">العربية</th><th dir="ltr" lang="en">English</th></tr>'
            + "".join(rows) + "</table>")
    return plain, html


def put(plain: str, html: str) -> None:
    """Place both flavours on the system clipboard."""
    mime = QMimeData()
    mime.setText(plain)
    mime.setHtml(f'<meta charset="utf-8">{html}')
    QGuiApplication.clipboard().setMimeData(mime)
