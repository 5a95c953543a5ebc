"""Edit ▸ Copy: what the copy actions take from the current tab, and what they say."""

from __future__ import annotations

from dataclasses import replace

from gui import clipboard
from gui.session import language_notice


def _attributed(window) -> bool:
    return bool(window.settings.get("copy_attribution"))


def copy_translated(window) -> None:
    """The current summary's English, when a model is chosen and the article is Arabic."""
    view = window.current_view()
    if view is None:
        return
    if window.session.model_dir is None:
        window.show_error("No translation model is selected (Model: No translation); "
                          "there is no English to copy.", kind="info")
    elif not view.doc.arabic:
        window.show_error(language_notice(view.article), kind="info", topic="language")
    elif not any(i in view.article.translations for i in view.article.summary):
        window.show_error("The summary has no translation yet.", kind="info")
    else:
        clipboard.put(*clipboard.translated_summary(view.article, attributed=_attributed(window)))
        window.statusBar().showMessage("Translated summary copied.", 3000)


def copy_bilingual(window) -> None:
    """Arabic/English pairs of the summary; with no model chosen, the Arabic alone (no old English)."""
    view = window.current_view()
    if view is None:
        return
    article = view.article
    if window.session.model_dir is None:
        article = replace(article, translations={}, title_translation="")
    clipboard.put(*clipboard.bilingual_summary(article, attributed=_attributed(window)))
    kind = "Bilingual" if window.session.model_dir is not None else "Arabic"
    window.statusBar().showMessage(f"{kind} summary copied.", 3000)


def open_log_folder() -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from models.paths import log_dir

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))
