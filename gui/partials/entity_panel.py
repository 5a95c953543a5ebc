"""The entity side panel: grouped entities with English forms and counts, filter by type."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.highlight import Theme
from models.article import ENTITY_LABELS, Entity

INDEX_ROLE = Qt.ItemDataRole.UserRole


class EntityPanel(QWidget):
    """Lists an article's entities; clicking one emits its index (or -1 to clear)."""

    entity_clicked = Signal(int)

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
        self.empty = QLabel("No entities found.", alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        title = QLabel("<b>Entities</b>")
        title.setToolTip("People, places and organisations; bold ones appear in the summary. "
                         "Click one to highlight every mention.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(title)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)

    def set_entities(self, entities: list[Entity], theme: Theme, arabic_font: QFont) -> None:
        """Show ``entities``, most mentioned first, coloured by type."""
        selected = self.selected()
        self.tree.clear()
        order = sorted(range(len(entities)), key=lambda i: (-entities[i].count, entities[i].canonical))
        for index in order:
            entity = entities[index]
            item = QTreeWidgetItem([entity.canonical, entity.english or "—", str(entity.count)])
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
