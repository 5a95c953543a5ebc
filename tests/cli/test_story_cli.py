"""``main.py story``: the seeds compared, in JSON and Markdown, with the tiny model or none."""

from __future__ import annotations

import json

from model_fixtures import tiny_model_dir  # noqa: F401

from cli import run


def test_json_of_the_seeds_has_quotes_figures_and_unique_sentences(seed_paths, capsys):
    assert run(["story", *map(str, seed_paths), "--format", "json"]) == 0
    out = capsys.readouterr()
    document = json.loads(out.out)
    assert len(document["sources"]) == 5
    texts = [path.read_text(encoding="utf-8").replace("\r\n", "\n").lstrip("\ufeff") for path in seed_paths]
    for quote in document["quotes"]:
        assert texts[quote["article"]][quote["start"]:quote["end"]] == quote["text"]
        assert quote["english"] == ""
    assert any(q["speaker"]["affiliation"] for q in document["quotes"])
    assert any(g["disagree"] for g in document["groups"])
    assert document["unique"] and "Arabic only" in out.err


def test_markdown_with_the_tiny_model_has_english_beside_quotes(seed_paths, tiny_model_dir, capsys):  # noqa: F811
    assert run(["story", str(seed_paths[0]), str(seed_paths[1]), "--model", str(tiny_model_dir)]) == 0
    out = capsys.readouterr().out
    assert "## Who said what" in out and "## Figures by source" in out and "## Only in one source" in out
    assert "| Speaker | Article | Arabic | English |" in out


def test_unreadable_file_is_one_line_and_exit_2_and_the_others_are_compared(seed_paths, tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert run(["story", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "nope.txt" in err and "Traceback" not in err
    assert run(["story", str(missing), *map(str, seed_paths[:2]), "--format", "json"]) == 2
    out = capsys.readouterr()
    assert len(json.loads(out.out)["sources"]) == 2 and "1 of 3 input files" in out.err


def test_model_that_is_not_installed_is_exit_3(seed_paths, capsys):
    assert run(["story", str(seed_paths[0]), "--model", "no-such-model"]) == 3
