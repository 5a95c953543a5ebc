"""The engine stays Qt-free so the CLI and tests run without a display."""

import ast
from pathlib import Path

MODELS = Path(__file__).resolve().parents[1] / "models"


def test_models_never_import_qt():
    offenders = []
    for path in MODELS.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6", "gui"} for n in names):
                offenders.append(str(path.relative_to(MODELS.parent)))
    assert offenders == []
