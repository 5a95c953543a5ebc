"""Models in the UI: the model manager dialog, the store's default model, screenshot mode."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from model_fixtures import installed_tiny_model, tiny_model_dir  # noqa: F401 - fixtures
from PySide6.QtCore import QRect, Qt
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


def test_catalogue_columns_are_labelled_sized_and_not_cut_off(qtbot):
    dialog = ModelManagerDialog(Runner())
    qtbot.addWidget(dialog)
    dialog.resize(900, 560)
    dialog.show()
    qtbot.waitExposed(dialog)
    tree = dialog.catalogue
    header = tree.headerItem()
    titles = [header.text(c) for c in range(tree.columnCount())]
    assert titles == ["Model", "Licence", "Quality", "Size", "Status"]
    assert all(header.toolTip(c) for c in range(tree.columnCount()))
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    sizes = {row.data(0, 256): row.text(3) for row in rows}
    assert sizes["argos-ar-en"] == "82 MB"
    assert all(size == "unknown" for model, size in sizes.items() if model != "argos-ar-en")
    assert "import only" in [row.text(4) for row in rows]
    metrics = tree.fontMetrics()
    for row in rows:
        for column in range(tree.columnCount()):
            text = row.text(column)
            assert row.toolTip(column) == text
            cell = tree.visualItemRect(row)
            width = tree.header().sectionSize(column)
            needed = metrics.boundingRect(QRect(0, 0, width - 10, 10_000), Qt.TextFlag.TextWordWrap, text)
            assert needed.height() <= cell.height() and needed.width() <= width, (text, width)


def test_offline_download_tells_what_to_do(qtbot, monkeypatch):
    def offline(*args, **kwargs):
        raise urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    dialog = ModelManagerDialog(Runner())
    qtbot.addWidget(dialog)
    ids = _ids(dialog.catalogue)
    dialog.catalogue.topLevelItem(ids.index("opus-mt-ara-eng")).setSelected(True)
    assert "File: opus+bt-2021-04-30.zip" in dialog.details.text()
    job = dialog.download()
    qtbot.waitUntil(lambda: job.done.is_set() and dialog.job is None, timeout=30000)
    message = dialog.message.text()
    assert message.startswith("No internet connection: download the file elsewhere and use Import")
    assert "opus+bt-2021-04-30.zip" in message and "Errno" not in message


def test_imported_model_lists_the_licence_its_package_states(qtbot, tmp_path, tiny_model_dir):  # noqa: F811
    folder = tmp_path / "stated"
    shutil.copytree(tiny_model_dir, folder)
    (folder / "README.md").write_text("# A model\n\n* license: CC-BY-4.0\n", encoding="utf-8")
    dialog = ModelManagerDialog(Runner())
    qtbot.addWidget(dialog)
    for source in (folder, tiny_model_dir):
        job = dialog.import_path(source)
        qtbot.waitUntil(lambda job=job: job.done.is_set() and dialog.job is None, timeout=60000)
    licences = {dialog.installed.topLevelItem(i).data(0, 256): dialog.installed.topLevelItem(i).text(1)
                for i in range(dialog.installed.topLevelItemCount())}
    assert licences == {"stated": "CC-BY-4.0", "tiny-test-model": "not stated in the package"}
