"""Start the desktop app: logging, QApplication, the main window, screenshot mode."""

from __future__ import annotations

import logging
import os
import sys
import time
from argparse import Namespace
from logging.handlers import RotatingFileHandler
from pathlib import Path

log = logging.getLogger("khulasa")

SCREENSHOT_SIZE = (1500, 900)
SCREENSHOT_TIMEOUT_S = 300


def setup_logging() -> Path:
    """Log to ``khulasa.log`` in the user log directory; uncaught errors go there too."""
    from models.paths import log_dir

    path = log_dir() / "khulasa.log"
    root = logging.getLogger()
    if not any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def _install_excepthook(window, log_file: Path) -> None:
    """An error escaping a slot becomes a one-line message; the traceback goes to the log."""

    def hook(kind, value, tb) -> None:
        log.error("unexpected error", exc_info=(kind, value, tb))
        message = f"Unexpected error ({kind.__name__}: {value}); details are in {log_file}"
        print(f"khulasa: {message}", file=sys.stderr)
        try:
            window.show_error(message)
        except RuntimeError:  # window already gone
            pass

    sys.excepthook = hook


def _initial_files(args: Namespace, settings) -> tuple[list[Path], Path | None]:
    """Files from the command line; else last session's (in tab order, and the selected one);
    else a seed sample on first launch."""
    from models.paths import seeds_dir

    files = [Path(f) for f in args.files]
    if files or getattr(args, "screenshot", None):
        return files, None
    saved = [Path(p) for p in settings.get("session_files")]
    current = int(settings.get("session_current"))
    selected = saved[current] if 0 <= current < len(saved) else None
    session = [p for p in saved if p.is_file()]
    if session:
        return session, selected if selected in session else None
    if not settings.get("first_launch_done"):
        seeds = sorted(seeds_dir().glob("*.txt"))
        return seeds[:1], None
    return [], None


def run_gui(args: Namespace) -> int:
    """Open the window on ``args.files`` (``--model``, ``--screenshot`` honoured); returns the exit code."""
    screenshot = getattr(args, "screenshot", None)
    if screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    log_file = setup_logging()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Khulasa")
    app.setApplicationName("Khulasa")
    from gui import engine
    from gui.fonts import load_app_fonts
    from gui.main_window import MainWindow
    from gui.settings import Settings
    from models.errors import KhulasaError

    load_app_fonts()  # the shipped Arabic fonts, before any font is chosen
    settings = Settings()
    model_dir, model_error = None, ""
    if getattr(args, "model", None):
        try:
            model_dir = engine.resolve_model(args.model)
        except KhulasaError as exc:
            model_error = str(exc)
    window = MainWindow(settings, model_dir=model_dir)
    _install_excepthook(window, log_file)
    if model_error:
        window.show_error(model_error, action="Model manager…", callback=window.open_model_manager)
    files, current = _initial_files(args, settings)
    settings.set("first_launch_done", True)
    if screenshot and app.platformName() == "offscreen":  # no real screen to fit
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    log.info("window shown; log file %s", log_file)
    window.open_paths(files, current=current)
    if screenshot:
        if model_error:
            print(f"khulasa: {model_error}", file=sys.stderr)
        return take_screenshot(app, window, Path(screenshot), expect_tabs=len(files))
    code = app.exec()
    window.runner.cancel_all()
    window.runner.wait(10_000)  # never leave a worker running while Python shuts down
    return code


def take_screenshot(app, window, out: Path, *, expect_tabs: int) -> int:
    """Wait until opening, summarising and translating are done, then save the window as PNG."""
    deadline = time.monotonic() + SCREENSHOT_TIMEOUT_S
    while time.monotonic() < deadline:
        app.processEvents()
        if not window.busy():
            settle = time.monotonic() + 0.3  # let layouts and scroll positions settle
            while time.monotonic() < settle:
                app.processEvents()
            if not window.busy():
                break
        time.sleep(0.01)
    else:
        print("khulasa: timed out waiting for work to finish", file=sys.stderr)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        print(f"khulasa: {out}: could not write the screenshot", file=sys.stderr)
        return 1
    opened = window.tabs.count()
    if window.messages.text():
        print(f"khulasa: {window.messages.text()}", file=sys.stderr)
    window.runner.cancel_all()
    window.runner.wait(3000)
    return 0 if opened >= expect_tabs else 1
