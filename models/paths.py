"""Where Khulasa keeps its files.

User directories come from platformdirs. ``KHULASA_HOME`` puts every one of
them under one folder (tests and portable installs); ``KHULASA_MODEL_DIR``
overrides only the model store.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "khulasa"
REPO_ROOT = Path(__file__).resolve().parents[1]


def _home() -> Path | None:
    home = os.environ.get("KHULASA_HOME")
    return Path(home) if home else None


def _dir(kind: str) -> Path:
    home = _home()
    if home is not None:
        path = home / kind
    else:
        path = Path(getattr(platformdirs, f"user_{kind}_dir")(APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Persistent user data (settings that are not Qt's, recent files)."""
    return _dir("data")


def cache_dir() -> Path:
    """Rebuildable data such as the translation cache."""
    return _dir("cache")


def log_dir() -> Path:
    """Log files with the details behind user-facing errors."""
    return _dir("log")


def models_dir() -> Path:
    """The translation model store."""
    override = os.environ.get("KHULASA_MODEL_DIR")
    if override:
        path = Path(override)
        path.mkdir(parents=True, exist_ok=True)
        return path
    path = data_dir() / "models"
    path.mkdir(parents=True, exist_ok=True)
    return path


def seeds_dir() -> Path:
    """The sample articles that ship with the app."""
    return REPO_ROOT / "seeds"


def bundled_data_dir() -> Path:
    """Read-only files that ship inside the engine (trained NER model, word lists)."""
    return Path(__file__).resolve().parent / "data"
