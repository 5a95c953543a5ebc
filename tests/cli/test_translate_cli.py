"""``python main.py translate`` on the seed articles with the generated tiny model."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO
from model_fixtures import installed_tiny_model, tiny_model_dir  # noqa: F401

from cli import run
from models.reading import read_article
from models.translation import Translator


def _json(capsys, *argv: str) -> dict:
    assert run(["translate", *argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_deterministic_translation_of_a_seed_article(capsys, seed_paths, tiny_model_dir):  # noqa: F811
    seed = str(seed_paths[0])
    first = _json(capsys, seed, "--model", str(tiny_model_dir))
    article = read_article(seed)
    assert first["file"] == seed and first["model"] == "tiny-test-model"
    assert [s["index"] for s in first["sentences"]] == list(range(len(article.sentences)))
    assert [s["source"] for s in first["sentences"]] == [s.text for s in article.sentences]
    assert all(s["target"].strip() for s in first["sentences"])
    direct = Translator(tiny_model_dir, cache=False).translate([s.text for s in article.sentences])
    assert [s["target"] for s in first["sentences"]] == [t.target for t in direct]
    assert _json(capsys, seed, "--model", str(tiny_model_dir)) == first  # cached run, same output


def test_text_format_is_one_sentence_per_line(capsys, seed_paths, installed_tiny_model):  # noqa: F811
    assert run(["translate", str(seed_paths[1])]) == 0
    lines = capsys.readouterr().out.splitlines()
    article = read_article(seed_paths[1])
    assert len(lines) == len(article.sentences) and all(lines)


def test_summary_only(capsys, seed_paths, installed_tiny_model):  # noqa: F811
    result = _json(capsys, str(seed_paths[2]), "--summary-only", "--sentences", "2",
                   "--model", installed_tiny_model)
    assert len(result["sentences"]) == 2
    indices = [s["index"] for s in result["sentences"]]
    assert indices == sorted(indices)
    words = _json(capsys, str(seed_paths[2]), "--summary-only", "--words", "60")
    assert sum(len(s["source"].split()) for s in words["sentences"]) >= 60


def test_no_model_installed_exits_3_with_help(capsys, seed_paths):
    assert run(["translate", str(seed_paths[0])]) == 3
    err = capsys.readouterr().err
    assert "models download opus-mt-ara-eng" in err and "models import" in err
    assert "Traceback" not in err


def test_bad_inputs_are_one_line_errors(capsys, tmp_path, tiny_model_dir):  # noqa: F811
    assert run(["translate", str(tmp_path / "missing.txt"), "--model", str(tiny_model_dir)]) == 2
    assert "missing.txt" in capsys.readouterr().err
    assert run(["translate", str(tmp_path / "missing.txt"), "--model", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path) in err and len(err.strip().splitlines()) == 1


def test_main_entry_point_subprocess(seed_paths, tiny_model_dir, tmp_path):  # noqa: F811
    env_home = {"KHULASA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "main.py", "translate", str(seed_paths[0]), "--model",
                           str(tiny_model_dir)], cwd=REPO, env=env_home, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == len(read_article(seed_paths[0]).sentences)


def test_zero_length_is_refused_not_ignored(capsys, seed_paths, tiny_model_dir):  # noqa: F811
    assert run(["translate", str(seed_paths[0]), "--sentences", "0", "--model", str(tiny_model_dir)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1 and "at least 1 sentence" in captured.err
