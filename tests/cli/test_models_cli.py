"""``python main.py models list|download|import|remove|default``."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from model_fixtures import file_server, tiny_argos_package, tiny_marian_zip, tiny_model_dir  # noqa: F401

from cli import run
from models.translation import ModelStore, catalogue


def test_list_shows_catalogue_and_licences(capsys):
    assert run(["models", "list"]) == 0
    out = capsys.readouterr().out
    for entry in catalogue.CATALOGUE:
        assert entry.id in out
    assert "NON-COMMERCIAL" in out and "CC-BY-4.0" in out and "no model installed" in out


def test_import_default_remove(capsys, tiny_model_dir, tiny_marian_zip):  # noqa: F811
    assert run(["models", "import", str(tiny_model_dir)]) == 0
    assert run(["models", "import", str(tiny_marian_zip)]) == 0
    captured = capsys.readouterr()
    assert "tiny-test-model: installed" in captured.out and "opus-mt-test: installed" in captured.out
    assert "converting to int8" in captured.err and "test translation" in captured.err
    assert run(["models", "default", "opus-mt-test"]) == 0
    assert ModelStore().default().id == "opus-mt-test"
    assert run(["models", "list"]) == 0
    listed = capsys.readouterr().out
    assert "* opus-mt-test" in listed and "  tiny-test-model" in listed
    assert run(["models", "remove", "opus-mt-test"]) == 0
    assert [m.id for m in ModelStore().installed()] == ["tiny-test-model"]
    capsys.readouterr()
    assert run(["models", "remove", "opus-mt-test"]) == 2
    assert "not installed" in capsys.readouterr().err


def test_download_from_catalogue_with_progress(capsys, monkeypatch, file_server, tiny_argos_package):  # noqa: F811
    data = tiny_argos_package.read_bytes()
    file_server.files["pkg.argosmodel"] = data
    local = tuple(replace(e, url=file_server.url("pkg.argosmodel"), size=len(data),
                          sha256=hashlib.sha256(data).hexdigest()) if e.id == "argos-ar-en" else e
                  for e in catalogue.CATALOGUE)
    monkeypatch.setattr(catalogue, "CATALOGUE", local)
    assert run(["models", "download", "argos-ar-en"]) == 0
    captured = capsys.readouterr()
    assert "argos-ar-en: installed" in captured.out
    assert "downloading: 100%" in captured.err and "verifying" in captured.err
    assert run(["models", "download", "argos-ar-en"]) == 2
    assert "already installed" in capsys.readouterr().err


def test_bad_import_is_one_line_error(capsys, tmp_path):
    bad = tmp_path / "x.argosmodel"
    bad.write_bytes(b"nope")
    assert run(["models", "import", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith(f"{bad}: not a model package") and "Traceback" not in "".join(err)
