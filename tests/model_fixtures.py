"""Fixtures around the generated tiny translation model (random weights, real architecture).

Register once in ``tests/conftest.py``::

    from model_fixtures import (  # noqa: F401
        installed_tiny_model, tiny_argos_package, tiny_marian_zip, tiny_model_dir, tiny_translator,
    )

or import the fixtures you use in a test module the same way. Each model is
built once per session (about a second) by ``bench/make_test_model.py`` into
a temporary folder; ``tiny_model_path(layout)`` gives the same paths outside
fixtures.
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_BUILT: dict[str, Path] = {}


def tiny_model_path(layout: str = "ct2") -> Path:
    """The tiny model in ``layout`` (ct2 folder, .argosmodel or Marian zip), built on first use."""
    if layout not in _BUILT:
        if str(REPO / "bench") not in sys.path:
            sys.path.insert(0, str(REPO / "bench"))
        from make_test_model import make_test_model

        out = Path(tempfile.mkdtemp(prefix=f"khulasa-tiny-{layout}-"))
        atexit.register(shutil.rmtree, out, ignore_errors=True)
        _BUILT[layout] = make_test_model(out / "tiny-test-model", arch="tiny", layout=layout)
    return _BUILT[layout]


@pytest.fixture(scope="session")
def tiny_model_dir() -> Path:
    """A CTranslate2 model folder (OPUS-MT layout) usable as ``--model PATH``; do not modify it."""
    return tiny_model_path("ct2")


@pytest.fixture(scope="session")
def tiny_argos_package() -> Path:
    """A ``.argosmodel`` file of the tiny model."""
    return tiny_model_path("argos")


@pytest.fixture(scope="session")
def tiny_marian_zip() -> Path:
    """An unconverted OPUS-MT style zip of the tiny model."""
    return tiny_model_path("marian-zip")


@pytest.fixture
def tiny_translator(tiny_model_dir):
    """A ``Translator`` on the tiny model, with the test's own cache."""
    from models.translation import Translator

    return Translator(tiny_model_dir, device="cpu", threads=1)


@pytest.fixture
def installed_tiny_model(tiny_model_dir) -> str:
    """Install the tiny model in this test's store as the default; returns its id (``tiny-test-model``)."""
    from models.translation import ModelStore

    return ModelStore().import_path(tiny_model_dir).id
