"""Main-window fixtures for the GUI tests: without a model, and with the generated tiny model."""

from __future__ import annotations

import pytest
from gui_helpers import make_window
from model_fixtures import tiny_model_dir  # noqa: F401 - fixture


@pytest.fixture
def window(qtbot):
    win = make_window(qtbot)
    yield win
    win.runner.cancel_all()
    win.runner.wait(5000)


@pytest.fixture
def model_window(qtbot, tiny_model_dir):  # noqa: F811 - fixture
    win = make_window(qtbot, tiny_model_dir)
    yield win
    win.runner.cancel_all()
    win.runner.wait(5000)
