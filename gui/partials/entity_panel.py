"""The entity side panel: grouped entities with English forms and counts, filter by type.

Right-clicking an entity offers glossary corrections (English form, type, not an
entity, merge); the panel emits them as ``correction_made`` for the window to save.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs.glossary import CorrectionDialog
from gui.highlight import Theme
from models.article import ENTITY_LABELS, Entity
from models.names import Correction

INDEX_ROLE = Qt.ItemDataRole.UserRole


class EntityPanel(QWidget):
    """Lists an article's entities; clicking one emits its index (or -1 to clear)."""

    entity_clicked = Signal(int)
    correction_made = Signal(object)  # a models.names.Correction for the glossary

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QComboBox(objectName="entityFilter")
        self.filter.addItem("All types", "")
        for kind, label in ENTITY_LABELS.items():
            self.filter.addItem(label, kind)
        self.filter.currentIndexChanged.connect(self._apply_filter)
        self.tree = QTreeWidget(objectName="entityTree")
        self.tree.setHeaderLabels(["Arabic", "English", "#"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self._entities: list[Entity] = []
        self.empty = QLabel("No entities found.", alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        title = QLabel("<b>Entities</b>")
        title.setToolTip("People, places and organisations; bold ones appear in the summary. "
                         "Click one to highlight every mention; right-click to correct it.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(title)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)

    def set_entities(self, entities: list[Entity], theme: Theme, arabic_font: QFont) -> None:
        """Show ``entities``, most mentioned first, coloured by type."""
        selected = self.selected()
        self._entities = list(entities)
        self.tree.clear()
        order = sorted(range(len(entities)), key=lambda i: (-entities[i].count, entities[i].canonical))
        for index in order:
            entity = entities[index]
            item = QTreeWidgetItem([entity.canonical, entity.english or "—", str(entity.count)])
            if entity.english_source:
                item.setToolTip(1, f"English from the {entity.english_source}")
            item.setData(0, INDEX_ROLE, index)
            item.setData(1, INDEX_ROLE, entity.type)
            item.setToolTip(0, f"{ENTITY_LABELS.get(entity.type, entity.type)}"
                            + (" · in the summary" if entity.in_summary else ""))
            item.setForeground(0, theme.entity_colour(entity.type))
            font = QFont(arabic_font)
            font.setBold(entity.in_summary)
            item.setFont(0, font)
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(item)
            if index == selected:
                item.setSelected(True)
        self.empty.setVisible(not entities)
        self._apply_filter()

    def selected(self) -> int:
        items = self.tree.selectedItems()
        return int(items[0].data(0, INDEX_ROLE)) if items else -1

    def _clicked(self, item: QTreeWidgetItem) -> None:
        self.entity_clicked.emit(int(item.data(0, INDEX_ROLE)))

    def _apply_filter(self) -> None:
        kind = self.filter.currentData()
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            item.setHidden(bool(kind) and item.data(1, INDEX_ROLE) != kind)

    def correction_menu(self, index: int) -> QMenu:
        """The context menu of entity ``index``: its actions emit ``correction_made``."""
        entity = self._entities[index]
        menu = QMenu(self, objectName="entityMenu")
        menu.addAction("Correct…", lambda: self._edit(index)).setObjectName("correctEntity")
        types = menu.addMenu("Type")
        for kind, label in ENTITY_LABELS.items():
            action = types.addAction(label, lambda k=kind: self._retype(index, k))
            action.setObjectName(f"entityType{kind}")
            action.setCheckable(True)
            action.setChecked(kind == entity.type)
        menu.addAction("Not an entity", lambda: self.correction_made.emit(
            Correction(entity.canonical, not_entity=True))).setObjectName("notEntity")
        merge = menu.addMenu("Merge into")
        for n, other in enumerate(self._entities):
            if other.canonical != entity.canonical:
                correction = Correction(entity.canonical, merge_into=other.canonical)
                action = merge.addAction(f"{other.canonical} ({other.english or other.type})",
                                         lambda c=correction: self.correction_made.emit(c))
                action.setObjectName(f"mergeInto{n}")
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is not None:
            self.correction_menu(int(item.data(0, INDEX_ROLE))).exec(self.tree.viewport().mapToGlobal(pos))

    def _edit(self, index: int) -> None:
        dialog = CorrectionDialog(self._entities[index], self._entities, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and (correction := dialog.correction()) is not None:
            self.correction_made.emit(correction)

    def _retype(self, index: int, kind: str) -> None:
        entity = self._entities[index]
        if kind != entity.type:
            self.correction_made.emit(Correction(entity.canonical, type=kind))
