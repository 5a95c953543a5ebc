"""``python main.py summarize``: text and JSON output, errors per file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cli import run

REPO = Path(__file__).resolve().parents[2]


def _seed(seed_paths, prefix: str) -> Path:
    return next(p for p in seed_paths if p.name.startswith(prefix))


def test_text_output_is_one_summary_sentence_per_line(seed_paths, capsys):
    path = _seed(seed_paths, "002")
    assert run(["summarize", "--sentences", "3", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    text = path.read_text(encoding="utf-8")
    assert all(line in text for line in lines)


def test_json_output_for_one_file(seed_paths, capsys):
    path = _seed(seed_paths, "001")
    assert run(["summarize", "--format", "json", "--words", "60", "--algorithm", "lexrank", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"file", "title", "sentences", "summary", "algorithm", "language"}
    assert data["language"] == "ar"
    assert data["file"] == str(path) and data["algorithm"] == "lexrank"
    assert data["title"].startswith("مصر تعتزم")
    text = path.read_text(encoding="utf-8")
    for i, sentence in enumerate(data["sentences"]):
        assert sentence["index"] == i
        assert text[sentence["start"]:sentence["end"]] == sentence["text"]
    assert data["summary"] == sorted(data["summary"])
    assert sum(len(data["sentences"][i]["text"].split()) for i in data["summary"]) >= 60


def test_json_output_is_a_list_for_several_files(seed_paths, capsys):
    assert run(["summarize", "--format", "json", "--ratio", "0.3", *map(str, seed_paths)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["file"] for d in data] == [str(p) for p in seed_paths]
    assert all(d["summary"] for d in data)


def test_bad_files_fail_alone(seed_paths, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    odd = tmp_path / "notes.xyz"
    odd.write_text("نص", encoding="utf-8")
    good = _seed(seed_paths, "000")
    files = [str(empty), str(good), str(binary), str(tmp_path / "missing.txt"), str(odd)]
    assert run(["summarize", "--format", "json", *files]) == 2
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert len(errors) == 4
    for name, line in zip(["empty.txt", "image.txt", "missing.txt", "notes.xyz"], errors, strict=True):
        assert name in line and "Traceback" not in line
    assert [d["file"] for d in json.loads(captured.out)] == [str(good)]


def test_bad_options_are_one_line_errors(seed_paths, capsys):
    path = str(_seed(seed_paths, "000"))
    assert run(["summarize", "--algorithm", "magic", path]) == 2
    assert run(["summarize", "--ratio", "2", path]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "magic" in err[0] and "ratio" in err[1]


def test_command_line_starts_light(seed_paths):
    path = _seed(seed_paths, "003")
    probe = (
        "import sys, runpy; sys.argv = ['main.py', 'summarize', sys.argv[1]];"
        "code = 0\n"
        "try:\n runpy.run_path('main.py', run_name='__main__')\n"
        "except SystemExit as e:\n code = e.code\n"
        "print('heavy:', sorted(m for m in ('PySide6', 'sumy', 'nltk', 'numpy') if m in sys.modules), code)"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(path)], cwd=REPO, capture_output=True, text=True,
                         check=False)
    assert out.stderr == ""
    assert out.stdout.strip().endswith("heavy: [] 0")


def test_blank_line_only_between_printed_summaries(tmp_path, seed_paths, capsys):
    from cli import run

    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert run(["summarize", str(empty), str(seed_paths[0]), str(seed_paths[2]), "--sentences", "1"]) == 2
    lines = capsys.readouterr().out.split("\n")
    assert lines[0] and lines[1] == "" and lines[2]


def test_error_names_the_file_once(tmp_path, capsys, monkeypatch):
    from cli import run

    monkeypatch.chdir(tmp_path)
    assert run(["summarize", "./missing.txt"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("missing.txt") == 1 and "file not found" in err
