"""The model manager: catalogue and installed models; download, import, remove, set default."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import engine
from gui.workers import Job, Runner, describe_error

ID_ROLE = Qt.ItemDataRole.UserRole
STAGES = {"download": "Downloading", "verify": "Checking", "extract": "Unpacking", "convert": "Converting",
          "test": "Testing", "install": "Installing"}


def _size(nbytes: int | None) -> str:
    return f"{nbytes / 1_000_000:.0f} MB" if nbytes else ""


def _tree(headers: list[str], name: str) -> QTreeWidget:
    tree = QTreeWidget(objectName=name)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    return tree


class ModelManagerDialog(QDialog):
    """Installs run as background jobs with progress and Cancel; the lists refresh when they finish."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Translation models")
        self.resize(900, 560)
        self.runner = runner
        self.job: Job | None = None
        self.store = engine.model_store()

        self.installed = _tree(["Model", "Licence", "Format", "Folder"], "installedModels")
        self.installed.itemSelectionChanged.connect(self._update_buttons)
        self.default_button = QPushButton("Set as default", objectName="setDefault")
        self.default_button.clicked.connect(self.set_default)
        self.remove_button = QPushButton("Remove", objectName="removeModel")
        self.remove_button.clicked.connect(self.remove)
        import_button = QPushButton("Import…", objectName="importModel")
        menu = QMenu(import_button)
        menu.addAction("Model folder…", self.import_folder)
        menu.addAction("Package file (.argosmodel, Marian .zip)…", self.import_file)
        import_button.setMenu(menu)

        self.catalogue = _tree(["Model", "Licence", "Quality", "Size", ""], "catalogue")
        self.catalogue.itemSelectionChanged.connect(self._update_buttons)
        self.download_button = QPushButton("Download", objectName="downloadModel")
        self.download_button.clicked.connect(self.download)
        self.details = QLabel(wordWrap=True, objectName="modelDetails",
                              textInteractionFlags=Qt.TextInteractionFlag.TextBrowserInteraction)
        self.details.setOpenExternalLinks(False)

        self.progress = QProgressBar(objectName="modelProgress")
        self.progress_label = QLabel(objectName="modelProgressLabel")
        self.cancel_button = QPushButton("Cancel", objectName="modelCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.message = QLabel(wordWrap=True, objectName="modelMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Installed</b>"))
        layout.addWidget(self.installed, 2)
        row = QHBoxLayout()
        for button in (self.default_button, self.remove_button, import_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(QLabel("<b>Catalogue</b>"))
        layout.addWidget(self.catalogue, 2)
        layout.addWidget(self.details)
        row = QHBoxLayout()
        row.addWidget(self.download_button)
        row.addWidget(self.progress_label)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._set_busy(False)
        self.refresh()

    # --- lists ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        from models.translation import CATALOGUE

        default = self.store.default()
        default_id = default.id if default else None
        self.installed.clear()
        installed_ids = set()
        for info in self.store.installed():
            installed_ids.add(info.id)
            label = f"★ {info.id}" if info.id == default_id else info.id
            licence = info.licence + (" (non-commercial use only)" if info.non_commercial else "")
            item = QTreeWidgetItem([label, licence, info.layout, str(info.path)])
            item.setData(0, ID_ROLE, info.id)
            item.setToolTip(0, f"{info.name}" + (" · default model" if info.id == default_id else ""))
            self.installed.addTopLevelItem(item)
        if not installed_ids:
            item = QTreeWidgetItem(["No model installed: download one below or import a file."])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.installed.addTopLevelItem(item)
        self.catalogue.clear()
        for entry in CATALOGUE:
            state = "installed" if entry.id in installed_ids else ("import only" if entry.import_only else "")
            item = QTreeWidgetItem([entry.name, entry.licence, entry.quality, _size(entry.size), state])
            item.setData(0, ID_ROLE, entry.id)
            self.catalogue.addTopLevelItem(item)
        self._update_buttons()

    def _selected(self, tree: QTreeWidget) -> str | None:
        items = tree.selectedItems()
        return items[0].data(0, ID_ROLE) if items else None

    def _update_buttons(self) -> None:
        from models.translation import CATALOGUE

        busy = self.job is not None
        chosen = self._selected(self.installed)
        self.default_button.setEnabled(bool(chosen) and not busy)
        self.remove_button.setEnabled(bool(chosen) and not busy)
        entry = next((e for e in CATALOGUE if e.id == self._selected(self.catalogue)), None)
        self.download_button.setEnabled(entry is not None and not entry.import_only and not busy)
        if entry is None:
            self.details.setText("Select a catalogue model to see its licence and notes.")
            return
        text = f"<b>{entry.name}</b><br>Licence: {entry.licence}. {entry.notes}"
        if entry.non_commercial:
            text += "<br><span style='color:#b00020'><b>Non-commercial use only.</b></span>"
        self.details.setText(text)

    # --- actions --------------------------------------------------------------------------------
    def set_default(self) -> None:
        chosen = self._selected(self.installed)
        if chosen:
            self._plain(lambda: self.store.set_default(chosen))

    def remove(self) -> None:
        chosen = self._selected(self.installed)
        if chosen and self.confirm(f"Remove the model {chosen}? Its files are deleted."):
            self._plain(lambda: self.store.remove(chosen))

    def confirm(self, question: str) -> bool:
        """Ask before deleting (tests replace this)."""
        return QMessageBox.question(self, "Translation models", question) == QMessageBox.StandardButton.Yes

    def download(self) -> Job | None:
        chosen = self._selected(self.catalogue)
        if chosen:
            return self.start(lambda ctx: self.store.download(
                chosen, progress=self._reporter(ctx), cancel=ctx.cancelled), f"download {chosen}")
        return None

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a model folder")
        if folder:
            self.import_path(Path(folder))

    def import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Import a model package", "",
                                              "Model packages (*.argosmodel *.zip);;All files (*)")
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> Job:
        return self.start(lambda ctx: self.store.import_path(
            path, progress=self._reporter(ctx), cancel=ctx.cancelled), f"import {path.name}")

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.progress_label.setText("Cancelling…")

    # --- jobs -----------------------------------------------------------------------------------
    @staticmethod
    def _reporter(ctx):
        def report(progress) -> None:
            total = progress.total or 0
            scale = 1024 if total > 2**31 - 1 else 1  # QProgressBar holds an int
            ctx.progress(progress.done // scale, total // scale, STAGES.get(progress.stage, progress.stage))
        return report

    def start(self, fn, name: str) -> Job:
        job = Job(fn, name=name)
        # bound methods, so Qt drops the connections if the dialog goes away first
        job.signals.progress.connect(self._progress)
        job.signals.result.connect(self._succeeded)
        job.signals.error.connect(self._failed)
        job.signals.cancelled.connect(self._cancelled)
        self.job = job
        self._set_busy(True)
        self.message.clear()
        self.runner.start(job)
        return job

    def _progress(self, done: int, total: int, stage: str) -> None:
        self.progress.setRange(0, total if total > 0 else 0)
        if total > 0:
            self.progress.setValue(min(done, total))
        self.progress_label.setText(stage)

    def _succeeded(self, _installed: object) -> None:
        self._finished(f"{self.job.name if self.job else 'install'}: done.")

    def _failed(self, message: str) -> None:
        self._finished(message, error=True)

    def _cancelled(self) -> None:
        self._finished(f"{self.job.name if self.job else 'install'}: cancelled.")

    def _finished(self, message: str, *, error: bool = False) -> None:
        self.job = None
        self._set_busy(False)
        self._show(message, error=error)
        self.refresh()

    def _plain(self, action) -> None:
        """A quick store change; errors become a message."""
        from models.errors import KhulasaError

        try:
            action()
        except (KhulasaError, OSError) as exc:
            self._show(describe_error(exc), error=True)
        self.refresh()

    def _show(self, message: str, *, error: bool) -> None:
        colour = "#b00020" if error else "palette(text)"
        self.message.setStyleSheet(f"color:{colour}")
        self.message.setText(message)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.progress, self.progress_label, self.cancel_button):
            widget.setVisible(busy)
        self._update_buttons()

    def reject(self) -> None:
        if self.job is not None:
            if not self.confirm("A model is still being installed. Cancel it and close?"):
                return
            self.job.cancel()
            self.job.done.wait(10)
        super().reject()
