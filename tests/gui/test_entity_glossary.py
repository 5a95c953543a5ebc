"""Glossary corrections from the entity panel: the context menu, the editor dialog, the whole window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QApplication, QMenu

from gui.dialogs.glossary import CorrectionDialog
from gui.highlight import theme_for
from gui.main_window import MainWindow
from gui.partials.entity_panel import INDEX_ROLE, EntityPanel
from gui.settings import Settings
from models.article import Entity
from models.names import Correction, current_glossary

ENTITIES = [Entity("LOC", "مصر", [(0, 3)], english="Egypt"), Entity("PER", "خليفة حفتر", [(5, 15)])]


def _right_click(qtbot, panel: EntityPanel, row: int, action_name: str) -> None:
    """Right-click ``row`` of the panel and pick ``action_name`` from the menu that pops up."""
    picked = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        action = menu.findChild(QAction, action_name)
        menu.close()
        picked.append(action)
        if action is not None:
            action.trigger()

    QTimer.singleShot(20, pick)
    item = panel.tree.topLevelItem(row)
    panel.tree.customContextMenuRequested.emit(panel.tree.visualItemRect(item).center())
    qtbot.waitUntil(lambda: bool(picked), timeout=5000)
    assert picked[0] is not None, f"no action {action_name}"


@pytest.fixture
def panel(qtbot):
    widget = EntityPanel()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    widget.set_entities(ENTITIES, theme_for(widget.palette()), QFont())
    return widget


def test_context_menu_not_an_entity_and_type(qtbot, panel):
    made: list[Correction] = []
    panel.correction_made.connect(made.append)
    row = next(r for r in range(2) if panel.tree.topLevelItem(r).data(0, INDEX_ROLE) == 0)
    _right_click(qtbot, panel, row, "notEntity")
    _right_click(qtbot, panel, row, "entityTypeORG")
    _right_click(qtbot, panel, row, "entityTypeLOC")  # its own type: no correction
    _right_click(qtbot, panel, row, "mergeInto1")
    assert made == [Correction("مصر", not_entity=True), Correction("مصر", type="ORG"),
                    Correction("مصر", merge_into="خليفة حفتر")]


def test_dialog_gives_the_changed_fields_only(qtbot):
    dialog = CorrectionDialog(ENTITIES[1], ENTITIES)
    qtbot.addWidget(dialog)
    assert dialog.correction() is None  # nothing changed
    dialog.english.setText("Khalifa Hifter")
    dialog.merge.setCurrentIndex(dialog.merge.findData("مصر"))
    assert dialog.correction() == Correction("خليفة حفتر", english="Khalifa Hifter", merge_into="مصر")


def test_window_applies_a_correction_to_the_open_article(qtbot, seed_paths):
    window = MainWindow(Settings())
    window.confirm = lambda question: True
    qtbot.addWidget(window)
    window.show()
    opened = []
    window.article_opened.connect(opened.append)
    window.open_paths([seed_paths[2]])
    qtbot.waitUntil(lambda: bool(opened or window.messages.text()), timeout=20000)
    view = opened[0]
    tree = view.entities.tree
    names = [tree.topLevelItem(r).text(0) for r in range(tree.topLevelItemCount())]
    assert "مصر" in names
    _right_click(qtbot, view.entities, names.index("مصر"), "notEntity")
    qtbot.waitUntil(lambda: "مصر" not in [e.canonical for e in view.article.entities], timeout=20000)
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == len(names) - 1, timeout=20000)
    assert current_glossary().get("مصر") == Correction("مصر", not_entity=True)
    haftar = [tree.topLevelItem(r).text(0) for r in range(tree.topLevelItemCount())].index("خليفة حفتر")
    assert tree.topLevelItem(haftar).text(1) == "Khalifa Haftar"
    window.runner.cancel_all()
    window.runner.wait(5000)


def test_translation_pane_marks_a_glossary_form(qtbot):
    from PySide6.QtGui import QTextCursor

    from gui.views.render import render_translation
    from models.article import Article, Mention, Sentence, Translation
    from models.names import Glossary
    from models.ner import project

    source = "وصل خليفة حفتر"
    target = "Khalifa Haftar arrived"
    article = Article(source, sentences=(Sentence(0, 0, len(source), source, 0),), summary=[0])
    start = source.index("خليفة")
    article.mentions = [Mention(start, len(source), "PER", source[start:], 0)]
    article.entities = [Entity("PER", source[start:], [(start, len(source))])]
    article.translations[0] = Translation(0, source, target, [(start, len(source), 0, 14), (0, 3, 15, 22)])
    project(article, glossary=Glossary([Correction("خليفة حفتر", english="Marshal Hifter")]))
    pane = render_translation(article, [0], theme_for(QApplication.palette()), QFont(), by_paragraph=False)
    (s, e, _, _), = pane.mentions
    assert pane.document.toPlainText()[s:e] == "Marshal Hifter"
    cursor = QTextCursor(pane.document)
    cursor.setPosition(s + 1)
    assert cursor.charFormat().fontUnderline() and "glossary" in cursor.charFormat().toolTip()
