"""``cli.run`` turns every engine error into one stderr line and an exit code."""

import pytest

import cli.entities_cmd
import cli.models_cmd
from cli import run
from models.errors import ArticleError, NoModelError


@pytest.mark.parametrize(("error", "code", "text"), [
    (ArticleError("a.txt", "file is empty"), 2, "a.txt: file is empty"),
    (NoModelError("no model here"), 3, "no model here"),
    (KeyboardInterrupt(), 130, "entities: interrupted"),
    (PermissionError(13, "Permission denied", "/x/y.txt"), 2, "/x/y.txt: Permission denied"),
])
def test_errors_become_one_line_and_an_exit_code(monkeypatch, capsys, error, code, text):
    def fail(args):
        raise error

    monkeypatch.setattr(cli.entities_cmd, "run", fail)
    assert run(["entities", "a.txt"]) == code
    err = capsys.readouterr().err
    assert text in err and "Traceback" not in err


def test_an_interrupted_download_says_what_was_kept(monkeypatch, capsys):
    def fail(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.models_cmd, "run", fail)
    assert run(["models", "download", "opus-mt-ara-eng"]) == 130
    assert "partial download resumes" in capsys.readouterr().err
