"""The translation pane without a model: the recommended catalogue model, Download and Import."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

RECOMMENDED_MODEL = "opus-mt-ara-eng"  # the catalogue's "recommended first download"


def size_text(nbytes: int | None) -> str:
    return f"about {nbytes / 1e6:,.0f} MB" if nbytes else "size not published"


class ModelOffer(QWidget):
    """Shows the way to translation: the recommended model with size and licence, and buttons."""

    download = Signal(str)  # catalogue id
    import_file = Signal()
    manage = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="noModelPanel")
        from models.translation.catalogue import find_entry

        entry = find_entry(RECOMMENDED_MODEL)
        message = QLabel("No translation model is installed or selected. The summary and entities "
                         "work without one; add a model to see the English.", wordWrap=True,
                         alignment=Qt.AlignmentFlag.AlignCenter)
        self.recommended = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter,
                                  objectName="recommendedModel")
        self.download_button = QPushButton("Download", objectName="downloadRecommended")
        if entry is not None:
            self.recommended.setText(f"Recommended: <b>{entry.name}</b><br>{size_text(entry.size)} · "
                                     f"licence {entry.licence}")
            self.download_button.setToolTip(f"Download {entry.file_name} and install it")
            self.download_button.clicked.connect(lambda: self.download.emit(entry.id))
        self.download_button.setVisible(entry is not None)
        self.import_button = QPushButton("Import a file…", objectName="importModel")
        self.import_button.setToolTip("Install a model file you downloaded elsewhere "
                                      "(.zip, .argosmodel) or a CTranslate2 folder")
        self.import_button.clicked.connect(self.import_file)
        self.manager_button = QPushButton("Model manager…", objectName="openModelManager")
        self.manager_button.clicked.connect(self.manage)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.download_button, self.import_button, self.manager_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addWidget(message)
        box.addWidget(self.recommended)
        box.addLayout(buttons)
        box.addStretch(2)
