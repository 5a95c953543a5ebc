"""The engine stays Qt-free so the CLI and tests run without a display; the CLI never reaches into the GUI."""

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QT = {"PySide6", "PyQt5", "PyQt6", "shiboken6"}


def _importers(package: str, forbidden: set[str]) -> list[str]:
    offenders = []
    for path in (REPO / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in forbidden for n in names):
                offenders.append(str(path.relative_to(REPO)))
    return offenders


def test_models_never_import_qt():
    assert _importers("models", QT | {"gui"}) == []


def test_cli_never_imports_the_gui():
    assert _importers("cli", QT | {"gui"}) == []
