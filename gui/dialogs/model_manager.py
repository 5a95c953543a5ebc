"""The model manager: catalogue and installed models; download, import, remove, set default."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
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
    QStyledItemDelegate,
    QStyleOptionViewItem,
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
    """The download size as the catalogue publishes it; ``unknown`` where it publishes none."""
    return f"{nbytes / 1_000_000:.0f} MB" if nbytes else "unknown"


class _WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their longest cell wrapped at its column's width (QTreeView keeps one line)."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        header = self.parent().header()
        if header.sectionResizeMode(index.column()) == QHeaderView.ResizeMode.ResizeToContents:
            return super().sizeHint(option, index)  # a short cell sets its column's width
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        width = header.sectionSize(index.column())
        text = option.fontMetrics.boundingRect(QRect(0, 0, max(20, width - 10), 10_000),
                                               Qt.TextFlag.TextWordWrap, option.text)
        return QSize(width, max(super().sizeHint(option, index).height(), text.height() + 6))


def _tree(columns: list[tuple[str, str, int]], name: str) -> QTreeWidget:
    """A list whose ``(title, tooltip, width)`` columns wrap long text; width 0 stretches, -1 fits content."""
    tree = QTreeWidget(objectName=name, wordWrap=True, rootIsDecorated=False,
                       textElideMode=Qt.TextElideMode.ElideNone)
    tree.setHeaderLabels([title for title, _, _ in columns])
    header = tree.header()
    header.setStretchLastSection(False)
    modes = QHeaderView.ResizeMode
    for column, (_, tip, width) in enumerate(columns):
        tree.headerItem().setToolTip(column, tip)
        header.setSectionResizeMode(column, modes.Stretch if width == 0 else
                                    modes.ResizeToContents if width < 0 else modes.Interactive)
        if width > 0:
            header.resizeSection(column, width)
    tree.setItemDelegate(_WrapDelegate(tree))
    header.sectionResized.connect(lambda *_: tree.doItemsLayout())  # rows rewrap at the new widths
    return tree


def _item(texts: list[str], model_id: str | None) -> QTreeWidgetItem:
    """A row whose every cell shows its whole text as a tooltip too."""
    item = QTreeWidgetItem(texts)
    for column, text in enumerate(texts):
        item.setToolTip(column, text)
    item.setData(0, ID_ROLE, model_id)
    return item


class ModelManagerDialog(QDialog):
    """Installs run as background jobs with progress and Cancel; the lists refresh when they finish."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Translation models")
        self.resize(1000, 640)
        self.runner = runner
        self.job: Job | None = None
        self.store = engine.model_store()

        self.installed = _tree([("Model", "Installed model id (★ the default)", 0),
                                ("Licence", "As the catalogue or the package states it", 230),
                                ("Format", "Package layout", -1),
                                ("Folder", "Where the model's files are", 230)], "installedModels")
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

        self.catalogue = _tree([("Model", "Arabic→English model", 0),
                                ("Licence", "The model's licence", 200),
                                ("Quality", "Published test-set scores", 190),
                                ("Size", "Download size, where the publisher states it", -1),
                                ("Status", "installed, or import only: get it elsewhere, then Import", -1)],
                               "catalogue")
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
        layout.addWidget(self.installed, 1)
        row = QHBoxLayout()
        for button in (self.default_button, self.remove_button, import_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(QLabel("<b>Catalogue</b>"))
        layout.addWidget(self.catalogue, 3)
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
            licence = ((info.licence or "not stated in the package")
                       + (" (non-commercial use only)" if info.non_commercial else ""))
            item = _item([label, licence, info.layout, str(info.path)], info.id)
            item.setToolTip(0, f"{info.name}" + (" · default model" if info.id == default_id else ""))
            self.installed.addTopLevelItem(item)
        if not installed_ids:
            item = QTreeWidgetItem(["No model installed: download one below or import a file."])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.installed.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)
        self.catalogue.clear()
        for entry in CATALOGUE:
            state = "installed" if entry.id in installed_ids else ("import only" if entry.import_only else "")
            self.catalogue.addTopLevelItem(
                _item([entry.name, entry.licence, entry.quality, _size(entry.size), state], entry.id))
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
        text = (f"<b>{escape(entry.name)}</b><br>Licence: {escape(entry.licence)}. Quality: "
                f"{escape(entry.quality)}. Size: {_size(entry.size)}. File: {escape(entry.file_name)}. "
                f"{escape(entry.notes)}")
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
