"""A dismissable bar above the tabs for errors and notices (never a traceback)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

_STYLES = {
    "error": "background:#fbe3e4; color:#6b1016; border:1px solid #e6a3a8;",
    "info": "background:#e4eefb; color:#10306b; border:1px solid #a3bde6;",
}


class MessageBar(QFrame):
    """Shows one message with an optional action button; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel(wordWrap=True, objectName="messageText")
        self.action = QPushButton(objectName="messageAction")
        self.action.hide()
        close = QToolButton(text="✕", autoRaise=True)
        close.setToolTip("Dismiss")
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action)
        layout.addWidget(close)
        self._callback: Callable[[], None] | None = None
        self.topic = ""  # what the message is about (open, translation, …), until it is hidden
        self.action.clicked.connect(self._run_action)
        self.hide()

    def show_message(self, text: str, *, kind: str = "error", topic: str = "", action: str = "",
                     callback: Callable[[], None] | None = None) -> None:
        self.topic = topic
        self.setStyleSheet(f"#messageBar {{{_STYLES[kind]}}} #messageBar QLabel {{border:none;}}")
        self.label.setText(text)
        self._callback = callback
        self.action.setText(action)
        self.action.setVisible(bool(action and callback))
        self.show()

    def dismiss(self) -> None:
        self.topic = ""
        self.hide()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def _run_action(self) -> None:
        self.dismiss()
        if self._callback:
            self._callback()
