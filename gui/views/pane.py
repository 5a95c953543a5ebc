"""A read-only text pane that knows which sentence sits under the mouse."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QTextEdit, QWidget

from gui.highlight import Theme, selection
from gui.views.render import Rendered


class SentencePane(QTextEdit):
    """Shows one rendered document; reports hovered/clicked sentences; paints highlights."""

    hovered = Signal(int)  # sentence index, -1 when the mouse leaves text
    clicked = Signal(int)

    def __init__(self, *, rtl: bool, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        if rtl:
            self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.viewport().setMouseTracking(True)
        self.rendered: Rendered | None = None
        self._hover = -1
        self._press_pos: QPointF | None = None

    def show_rendered(self, rendered: Rendered) -> None:
        """Replace the document, keeping the scroll position."""
        bar = self.verticalScrollBar()
        value = bar.value()
        self.rendered = rendered
        self.setDocument(rendered.document)
        bar.setValue(value)

    def sentence_at(self, point: QPointF) -> int:
        """The sentence under a viewport point, or -1."""
        if self.rendered is None:
            return -1
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        position = self.document().documentLayout().hitTest(point + offset, Qt.HitTestAccuracy.ExactHit)
        if position < 0:
            return -1
        index = self.rendered.sentence_at(position)
        return -1 if index is None else index

    def highlight(self, theme: Theme, *, sentence: int | None, entity: int | None) -> None:
        """Paint the focused sentence and every mention of ``entity``."""
        selections = []
        rendered = self.rendered
        if rendered is not None:
            doc = rendered.document
            if sentence is not None and sentence in rendered.sentences:
                selections.append(selection(doc, *rendered.sentences[sentence], theme.focus))
            if entity is not None:
                for start, end, index, kind in rendered.mentions:
                    if index == entity:
                        selections.append(selection(doc, start, end, theme.mention_background(kind)))
        self.setExtraSelections(selections)

    def reveal(self, start: int, end: int) -> None:
        """Scroll so that ``[start, end)`` is in view (centred when it was not)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        top = self.cursorRect(cursor)
        cursor.setPosition(max(start, end - 1))
        bottom = self.cursorRect(cursor)
        view = self.viewport().rect()
        if view.contains(top) and view.contains(bottom):
            return
        bar = self.verticalScrollBar()
        middle = (top.top() + bottom.bottom()) // 2
        bar.setValue(bar.value() + middle - view.height() // 2)

    def reveal_sentence(self, index: int) -> None:
        if self.rendered and index in self.rendered.sentences:
            self.reveal(*self.rendered.sentences[index])

    def reveal_entity(self, entity: int) -> None:
        if self.rendered:
            for start, end, index, _kind in self.rendered.mentions:
                if index == entity:
                    self.reveal(start, end)
                    return

    # --- mouse -------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton:
            return
        index = self.sentence_at(event.position())
        if index != self._hover:
            self._hover = index
            self.hovered.emit(index)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().leaveEvent(event)
        if self._hover != -1:
            self._hover = -1
            self.hovered.emit(-1)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._press_pos = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        pressed, self._press_pos = self._press_pos, None
        if event.button() != Qt.MouseButton.LeftButton or pressed is None:
            return
        if (event.position() - pressed).manhattanLength() > 4:
            return  # a drag selects text; it is not a click
        self.clicked.emit(self.sentence_at(event.position()))
