"""Shared fixtures: every test gets its own Khulasa home and no display."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def khulasa_home(tmp_path_factory, monkeypatch) -> Path:
    """Isolate user data, cache, logs and models from the real user's."""
    home = tmp_path_factory.mktemp("khulasa-home")
    monkeypatch.setenv("KHULASA_HOME", str(home))
    monkeypatch.delenv("KHULASA_MODEL_DIR", raising=False)
    return home


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def shared_data() -> Path:
    """``../shared/data``; tests that need it skip when it is absent."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is not beside this checkout")
    return data


@pytest.fixture(autouse=True)
def _empty_clipboard_after_test():
    """Leave no mime data on the clipboard: Qt's offscreen platform crashes at exit if it still holds some."""
    yield
    qt_gui = sys.modules.get("PySide6.QtGui")
    if qt_gui is not None and qt_gui.QGuiApplication.instance() is not None:
        qt_gui.QGuiApplication.clipboard().clear()
