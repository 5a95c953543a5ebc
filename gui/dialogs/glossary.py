"""The glossary correction editor: one entity's English form, type, not-an-entity flag and merge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from models.article import ENTITY_LABELS, Entity
from models.names import Correction


class CorrectionDialog(QDialog):
    """Edits the correction of ``entity``; ``others`` are the groups it can be merged into."""

    def __init__(self, entity: Entity, others: list[Entity], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="glossaryDialog")
        self.setWindowTitle("Correct entity")
        self.entity = entity
        name = QLabel(entity.canonical, objectName="glossaryArabic")
        name.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.english = QLineEdit(entity.english, objectName="glossaryEnglish")
        self.english.setPlaceholderText("English form used in every pane, copy, brief and translation")
        self.type = QComboBox(objectName="glossaryType")
        for kind, label in ENTITY_LABELS.items():
            self.type.addItem(label, kind)
        self.type.setCurrentIndex(self.type.findData(entity.type))
        self.not_entity = QCheckBox("Not an entity (hide it in every article)",
                                    objectName="glossaryNotEntity")
        self.merge = QComboBox(objectName="glossaryMerge")
        self.merge.addItem("—", "")
        for other in others:
            if other is not entity:
                self.merge.addItem(f"{other.canonical}  ({other.english or ENTITY_LABELS[other.type]})",
                                   other.canonical)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Arabic:", name)
        form.addRow("English:", self.english)
        form.addRow("Type:", self.type)
        form.addRow("", self.not_entity)
        form.addRow("Merge into:", self.merge)
        form.addRow(buttons)

    def correction(self) -> Correction | None:
        """The correction the fields describe; None when they change nothing."""
        english = self.english.text().strip()
        kind = self.type.currentData()
        try:
            return Correction(
                self.entity.canonical,
                english=english if english != self.entity.english else "",
                type=kind if kind != self.entity.type else "",
                not_entity=self.not_entity.isChecked(),
                merge_into=self.merge.currentData() or "",
            )
        except ValueError:
            return None
