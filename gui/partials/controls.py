"""Toolbar controls: summary algorithm and length, translation model."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

NO_MODEL = ""
UNITS = (("sentences", "sentences"), ("percent", "% of article"), ("words", "words"))
RANGES = {"sentences": (1, 50, 1), "percent": (1, 100, 5), "words": (20, 2000, 20)}  # min, max, step


class Controls(QWidget):
    """Emits ``summary_changed`` when algorithm or length change, ``model_changed`` with a model path."""

    summary_changed = Signal()
    model_changed = Signal(str)
    manage_models = Signal()

    def __init__(self, algorithms: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.algorithm = QComboBox(objectName="algorithm")
        for name in algorithms:
            self.algorithm.addItem(name, name)
        self.algorithm.setToolTip("Summary algorithm; 'auto' (default) is made for news: it favours the "
                                  "opening sentences, the story's key terms and the headline")
        self.length = QSpinBox(objectName="length", minimum=1, maximum=100)
        self.length.setToolTip("Summary length")
        self.unit = QComboBox(objectName="lengthUnit")
        for key, label in UNITS:
            self.unit.addItem(label, key)
        self.model = QComboBox(objectName="model")
        self.model.setMinimumContentsLength(18)
        self.model.setToolTip("Translation model")
        manage = QPushButton("Models…", objectName="manageModels")
        manage.clicked.connect(self.manage_models)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for widget in (QLabel("Algorithm"), self.algorithm, QLabel("Length"), self.length, self.unit,
                       QLabel("Model"), self.model, manage):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._lengths = {"sentences": 5, "percent": 25, "words": 120}
        self.algorithm.currentIndexChanged.connect(self.summary_changed)
        self.length.valueChanged.connect(self._length_changed)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.model.currentIndexChanged.connect(lambda: self.model_changed.emit(self.model_path()))

    # --- summary options ------------------------------------------------------------------------
    @staticmethod
    def units() -> tuple[str, ...]:
        return tuple(key for key, _ in UNITS)

    def set_summary_options(self, *, algorithm: str, unit: str, lengths: dict[str, int]) -> None:
        self._lengths = {**self._lengths, **lengths}
        for combo, value in ((self.algorithm, algorithm), (self.unit, unit)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self._show_length()

    def unit_key(self) -> str:
        return str(self.unit.currentData())

    def lengths(self) -> dict[str, int]:
        return dict(self._lengths)

    def length_value(self) -> tuple[str, int]:
        return self.unit_key(), self.length.value()

    def _show_length(self) -> None:
        unit = self.unit_key()
        self.length.blockSignals(True)
        low, high, step = RANGES[unit]
        self.length.setRange(low, high)
        self.length.setSingleStep(step)
        self.length.setSuffix(" %" if unit == "percent" else "")
        self.length.setValue(self._lengths[unit])
        self.length.blockSignals(False)

    def _length_changed(self, value: int) -> None:
        self._lengths[self.unit_key()] = value
        self.summary_changed.emit()

    def _unit_changed(self) -> None:
        self._show_length()
        self.summary_changed.emit()

    # --- model ----------------------------------------------------------------------------------
    def set_models(self, models: Sequence[tuple[str, Path]], current: Path | None) -> None:
        """Fill the model list with ``(label, folder)`` pairs and select ``current``."""
        self.model.blockSignals(True)
        self.model.clear()
        self.model.addItem("No translation", NO_MODEL)
        for label, path in models:
            self.model.addItem(label, str(path))
        index = self.model.findData(str(current)) if current else 0
        self.model.setCurrentIndex(max(0, index))
        self.model.blockSignals(False)

    def model_path(self) -> str:
        return str(self.model.currentData() or NO_MODEL)
