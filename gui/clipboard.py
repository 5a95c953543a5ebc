"""What the copy actions put on the clipboard: plain text and HTML with direction markup.

Plain text gets a direction isolate only where a line would otherwise be laid
out wrongly when pasted into a left-to-right document: Arabic with a stop,
digits or Latin letters (they would jump to the wrong end), English holding
Arabic. The optional attribution names the source, file, date and model.
"""

from __future__ import annotations

import re
from datetime import date
from html import escape

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from models.article import Article
from models.briefing.layout import has_arabic, lang_of

RLI, LRI, PDI = "\u2067", "\u2066", "\u2069"  # right-to-left / left-to-right isolates, pop
_ARABIC_ONLY = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff ]+")


def _plain(text: str) -> str:
    """``text`` for plain text, in an isolate only where a left-to-right document would misplace something:
    Arabic with a stop, digits or Latin in it, or English holding Arabic."""
    if not has_arabic(text) or _ARABIC_ONLY.fullmatch(text):
        return text
    return f"{RLI if lang_of(text) == 'ar' else LRI}{text}{PDI}"


def _value(value: str, *, html: bool) -> str:
    if not html:
        return _plain(value)
    return f'<bdi dir="{"rtl" if lang_of(value) == "ar" else "ltr"}">{escape(value)}</bdi>'


def attribution(article: Article) -> tuple[str, str]:
    """Source, file, date and model lines: plain (Arabic values isolated) and one HTML paragraph."""
    from models.briefing.build import provenance

    fields = [(label, value) for label, value in (("Source", article.metadata.source), ("File", article.name),
                                                  ("Date", article.metadata.dateline)) if value]
    made = provenance([article.model_id] if article.model_id else [], date.today().isoformat())
    plain = [f"{label}: {_value(value, html=False)}" for label, value in fields]
    spans = [f"{label}: {_value(value, html=True)}" for label, value in fields]
    html = ('<p dir="ltr" lang="en" style="color:#555;font-size:smaller">'
            + "<br>".join([*spans, escape(made)]) + "</p>")
    return "\n".join([*plain, made]), html


def _attributed(article: Article, plain: str, html: str) -> tuple[str, str]:
    notes, tail = attribution(article)
    return f"{plain}\n\n{notes}", html + tail


def translated_summary(article: Article, *, attributed: bool = False) -> tuple[str, str]:
    """The summary's English, one sentence per line / paragraph; with ``attributed``, where it came from."""
    lines = [article.translations[i].target for i in article.summary if i in article.translations]
    title = article.title_translation
    plain = "\n".join(_plain(line) for line in ([title, ""] if title else []) + lines)
    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    head = f"<h3>{escape(title)}</h3>" if title else ""
    html = f'<div dir="ltr" lang="en">{head}{body}</div>'
    return _attributed(article, plain, html) if attributed else (plain, html)


def bilingual_summary(article: Article, *, attributed: bool = False) -> tuple[str, str]:
    """Arabic/English sentence pairs; direction kept by isolates (plain) and ``dir`` attributes (HTML)."""
    plain_pairs, rows = [], []
    for sentence in article.summary_sentences:
        translation = article.translations.get(sentence.index)
        english = translation.target if translation else ""
        plain_pairs.append(_plain(sentence.text) + (f"\n{_plain(english)}" if english else ""))
        rows.append(f'<tr><td dir="rtl" lang="ar" style="text-align:right">{escape(sentence.text)}</td>'
                    f'<td dir="ltr" lang="en">{escape(english)}</td></tr>')
    plain = "\n\n".join(plain_pairs)
    html = ('<table border="1" cellpadding="4" style="border-collapse:collapse">'
            '<tr><th dir="rtl" lang="ar">العربية</th><th dir="ltr" lang="en">English</th></tr>'
            + "".join(rows) + "</table>")
    return _attributed(article, plain, html) if attributed else (plain, html)


def put(plain: str, html: str) -> None:
    """Place both flavours on the system clipboard."""
    mime = QMimeData()
    mime.setText(plain)
    mime.setHtml(f'<meta charset="utf-8">{html}')
    QGuiApplication.clipboard().setMimeData(mime)
