"""GUI test hygiene."""

import pytest
from PySide6.QtGui import QGuiApplication


@pytest.fixture(autouse=True)
def _empty_clipboard_after_test():
    """Leave no mime data on the clipboard: Qt's offscreen platform crashes at exit if it still holds some."""
    yield
    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()
