"""A first model from the translation pane: download the recommended one, or import a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from gui.partials.model_offer import ModelOffer

STAGES = {"download": "Downloading", "verify": "Checking", "extract": "Unpacking", "convert": "Converting",
          "test": "Testing", "install": "Installing"}


def _reporter(ctx, name: str):
    """A store progress callback that reports through the job's context."""

    def report(progress) -> None:
        stage = STAGES.get(progress.stage, progress.stage)
        ctx.progress(progress.done, progress.total or 0, f"{stage} {name}…")

    return report


def download(session, model_id: str) -> None:
    session.install(lambda store, ctx: store.download(model_id, progress=_reporter(ctx, model_id),
                                                      cancel=ctx.cancelled), name=f"download {model_id}")


def import_path(session, path: Path) -> None:
    session.install(lambda store, ctx: store.import_path(path, progress=_reporter(ctx, path.name),
                                                         cancel=ctx.cancelled), name=f"import {path.name}")


def choose_import(window) -> None:
    name, _ = QFileDialog.getOpenFileName(window, "Import a translation model", "",
                                          "Model packages (*.zip *.argosmodel);;All files (*)")
    if name:
        import_path(window.session, Path(name))


def connect_offer(window, offer: ModelOffer) -> None:
    """Wire one pane's Download, Import and Model manager buttons to the window."""
    offer.download.connect(lambda model_id: download(window.session, model_id))
    offer.import_file.connect(lambda: choose_import(window))
    offer.manage.connect(window.open_model_manager)
