"""Models in the UI: the model manager dialog, the store's default model, screenshot mode."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from model_fixtures import installed_tiny_model, tiny_model_dir  # noqa: F401 - fixtures
from PySide6.QtGui import QImage

from gui.dialogs.model_manager import ModelManagerDialog
from gui.main_window import MainWindow
from gui.settings import Settings
from gui.workers import Runner

REPO = Path(__file__).resolve().parents[2]


def _ids(tree) -> list[str]:
    return [tree.topLevelItem(i).data(0, 256) for i in range(tree.topLevelItemCount())]


def test_import_set_default_and_remove_in_the_dialog(qtbot, tiny_model_dir):  # noqa: F811
    runner = Runner()
    dialog = ModelManagerDialog(runner)
    qtbot.addWidget(dialog)
    dialog.confirm = lambda question: True
    assert _ids(dialog.installed) == [None]  # the "no model installed" row
    job = dialog.import_path(tiny_model_dir)
    qtbot.waitUntil(lambda: job.done.is_set() and dialog.job is None, timeout=60000)
    assert _ids(dialog.installed) == ["tiny-test-model"]
    assert "done" in dialog.message.text()
    dialog.installed.topLevelItem(0).setSelected(True)
    dialog.set_default()
    assert dialog.store.default().id == "tiny-test-model"
    assert dialog.installed.topLevelItem(0).text(0).startswith("★")
    dialog.installed.topLevelItem(0).setSelected(True)
    dialog.remove()
    assert dialog.store.installed() == []


def test_catalogue_shows_licences_and_import_only_models(qtbot):
    dialog = ModelManagerDialog(Runner())
    qtbot.addWidget(dialog)
    ids = _ids(dialog.catalogue)
    nllb = dialog.catalogue.topLevelItem(ids.index("nllb-200-distilled-600m"))
    nllb.setSelected(True)
    assert "Non-commercial" in dialog.details.text() and "CC-BY-NC" in dialog.details.text()
    assert not dialog.download_button.isEnabled()
    dialog.catalogue.clearSelection()
    dialog.catalogue.topLevelItem(ids.index("opus-mt-ara-eng")).setSelected(True)
    assert dialog.download_button.isEnabled() and "CC-BY-4.0" in dialog.details.text()


def test_window_uses_the_stores_default_model(qtbot, installed_tiny_model, seed_paths):  # noqa: F811
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.models_known, timeout=30000)
    assert window.model_dir is not None and window.model_dir.name == installed_tiny_model
    assert window.controls.model.currentText() == installed_tiny_model
    with qtbot.waitSignal(window.article_opened, timeout=30000) as blocker:
        window.open_paths([seed_paths[0]])
    view = blocker.args[0]
    qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    assert view.translation_stack.currentWidget() is view.translation
    assert all(i in view.article.translations for i in view.article.summary)
    assert "Model: " + installed_tiny_model in window.status.text.text()


def test_screenshot_mode_writes_the_window_and_exits_0(tmp_path, tiny_model_dir, seed_paths):  # noqa: F811
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(REPO / "main.py"), "--screenshot", str(out), "--model",
                           str(tiny_model_dir), str(seed_paths[0])], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1500, 900)
    assert "Traceback" not in done.stderr
