"""Fixtures around the generated tiny translation model (random weights, real architecture).

Register once in ``tests/conftest.py``::

    from model_fixtures import (  # noqa: F401
        file_server, installed_tiny_model, tiny_argos_package, tiny_marian_zip, tiny_model_dir,
        tiny_translator,
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


def make_test_model(out_dir: Path, **options: object) -> Path:
    """``bench/make_test_model.py``'s generator (``bench`` is not a package)."""
    if str(REPO / "bench") not in sys.path:
        sys.path.insert(0, str(REPO / "bench"))
    from make_test_model import make_test_model as make

    return make(out_dir, **options)


def tiny_model_path(layout: str = "ct2") -> Path:
    """The tiny model in ``layout`` (ct2 folder, .argosmodel or Marian zip), built on first use."""
    if layout not in _BUILT:
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


class FileServer:
    """Files served over HTTP on 127.0.0.1 with Range support and scripted failures.

    ``files[name] = bytes`` publishes ``url(name)``; ``drop_after[name] = n``
    makes the next response for it stop after ``n`` body bytes (connection
    closed mid-transfer). ``requests`` records ``(path, Range header)``.
    """

    def __init__(self) -> None:
        import http.server
        import threading

        self.files: dict[str, bytes] = {}
        self.drop_after: dict[str, int] = {}
        self.requests: list[tuple[str, str | None]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:
                name = self.path.lstrip("/")
                byte_range = self.headers.get("Range")
                server.requests.append((self.path, byte_range))
                if name not in server.files:
                    self.send_error(404)
                    return
                body = server.files[name]
                start = int(byte_range.split("=")[1].split("-")[0]) if byte_range else 0
                if start >= len(body) and byte_range:
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{len(body)}")
                    self.end_headers()
                    return
                self.send_response(206 if byte_range else 200)
                if byte_range:
                    self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                self.send_header("Content-Length", str(len(body) - start))
                self.end_headers()
                payload = body[start:]
                cut = server.drop_after.pop(name, None)
                if cut is not None:
                    payload = payload[:cut]
                    self.close_connection = True
                self.wfile.write(payload)

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/{name}"

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def file_server():
    """A :class:`FileServer` on 127.0.0.1 for download tests."""
    server = FileServer()
    yield server
    server.close()
