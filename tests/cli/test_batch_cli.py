"""``python main.py batch``: folders and JSONL exports in, one row per article out, failures as rows."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from model_fixtures import tiny_model_dir  # noqa: F401 - fixture

from cli import run
from models.reading import read_article

REPO = Path(__file__).resolve().parents[2]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _export(seed_paths, path: Path, copies: int = 1) -> list[str]:
    """A JSONL export of the seeds' text (``copies`` times, distinct ids); returns the ids."""
    ids = []
    with path.open("w", encoding="utf-8") as out:
        for n in range(copies):
            for seed in seed_paths:
                ids.append(f"{seed.stem}-{n}")
                out.write(json.dumps({"docno": ids[-1], "text": seed.read_text(encoding="utf-8")},
                                     ensure_ascii=False) + "\n")
    return ids


def test_folder_recursively_with_every_supported_type(seed_paths, tmp_path, capsys):
    folder = tmp_path / "feed"
    (folder / "day2").mkdir(parents=True)
    shutil.copy(seed_paths[0], folder / "a.txt")
    shutil.copy(seed_paths[1], folder / "day2" / "b.md")
    text = seed_paths[2].read_text(encoding="utf-8").split("\n")
    body = "".join(f"<p>{line}</p>" for line in text[1:] if line.strip())
    (folder / "day2" / "c.html").write_text(f"<html><head><title>{text[0]}</title></head><body><article>"
                                            f"<h1>{text[0]}</h1>{body}</article></body></html>",
                                            encoding="utf-8")
    (folder / "notes.xyz").write_text("not an article", encoding="utf-8")
    out = folder / "out.jsonl"  # inside the input folder: not read as an export
    assert run(["batch", str(folder), "--out", str(out), "--sentences", "2", "--workers", "2"]) == 0
    assert run(["batch", str(folder), "--out", str(out)]) == 0
    rows = {row["id"]: row for row in _rows(out)}
    assert set(rows) == {str(folder / name) for name in ("a.txt", "day2/b.md", "day2/c.html")}
    expected = read_article(seed_paths[0])
    row = rows[str(folder / "a.txt")]
    assert row["title"] == expected.title and row["dateline"] == expected.metadata.dateline
    assert row["source"] == expected.metadata.source and row["sentences"] == len(expected.sentences)
    assert len(row["summary"]["indices"]) == 2
    assert row["summary"]["text"] == [expected.sentences[i].text for i in row["summary"]["indices"]]
    assert row["entities"] and all(e["english"] and e["type"] in ("PER", "LOC", "ORG", "MISC")
                                   for e in row["entities"])
    assert row["model"] is None and "translation" not in row
    err = capsys.readouterr().err
    assert "3 articles written" in err and "nothing to do (3 articles already done)" in err


def test_export_with_bad_lines_among_good_ones(seed_paths, tmp_path, capsys):
    export = tmp_path / "export.jsonl"
    ids = _export(seed_paths, export)
    with export.open("a", encoding="utf-8") as out:
        out.write("{not json\n\n")
        out.write(json.dumps({"id": 7, "title": "no body"}) + "\n")
        out.write(json.dumps({"id": "empty", "text": "  "}) + "\n")
    out = tmp_path / "out.jsonl"
    assert run(["batch", str(export), "--out", str(out), "--workers", "1"]) == 2
    rows = {row["id"]: row for row in _rows(out)}
    assert set(rows) == {*ids, f"{export}:{len(ids) + 1}", "7", "empty"}
    assert all("error" not in rows[i] and rows[i]["summary"]["indices"] for i in ids)
    assert set(rows[f"{export}:{len(ids) + 1}"]) == {"id", "error"}
    assert rows["7"]["error"] == f"{export}:{len(ids) + 3}: no \"text\" string in this line"
    err = capsys.readouterr().err
    assert "3 failed" in err and "Traceback" not in err


def test_rerun_skips_done_ids_and_translates_when_asked(seed_paths, tmp_path, tiny_model_dir, capsys):  # noqa: F811
    export = tmp_path / "export.jsonl"
    ids = _export(seed_paths[:3], export)
    out = tmp_path / "out.jsonl"
    assert run(["batch", str(export), "--out", str(out), "--translate", "summary", "--model",
                str(tiny_model_dir)]) == 0
    rows = _rows(out)
    assert sorted(r["id"] for r in rows) == sorted(ids)
    for row in rows:
        assert row["model"] == "tiny-test-model"
        assert [s["index"] for s in row["translation"]["sentences"]] == row["summary"]["indices"]
        assert bool(row["translation"]["title"]) == bool(row["title"])
        assert all(s["text"] for s in row["translation"]["sentences"])
    _export(seed_paths, export)  # two more articles
    assert run(["batch", str(export), "--out", str(out), "--translate", "all", "--model",
                str(tiny_model_dir)]) == 0
    rows = _rows(out)
    assert len(rows) == len(seed_paths) == len({r["id"] for r in rows})
    assert [s["index"] for s in rows[-1]["translation"]["sentences"]] == list(range(rows[-1]["sentences"]))
    assert "3 already done" in capsys.readouterr().err


def test_sigkill_leaves_whole_lines_and_rerun_completes(seed_paths, tmp_path):
    export = tmp_path / "export.jsonl"
    ids = _export(seed_paths, export, copies=24)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "main.py", "batch", str(export), "--out", str(out), "--workers", "1"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(command, cwd=REPO, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 10):
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    data = out.read_bytes()
    done = [json.loads(line)["id"] for line in data.splitlines()]
    assert 10 <= len(done) < len(ids), "the run was not killed mid-way"
    assert data.endswith(b"\n")
    with out.open("ab") as rows:  # what a kill inside a write on a full disk would leave
        rows.write(b'{"id": "' + ids[-1].encode() + b'", "title": "cut sh')
    finished = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr
    assert "dropped an unfinished last line" in finished.stderr
    final = [row["id"] for row in _rows(out)]
    assert final[:len(done)] == done
    assert sorted(final) == sorted(ids)


def test_ctrl_c_stops_cleanly_and_keeps_whole_rows(seed_paths, tmp_path):
    export = tmp_path / "export.jsonl"
    ids = _export(seed_paths, export, copies=24)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "main.py", "batch", str(export), "--out", str(out), "--workers", "2"]
    proc = subprocess.Popen(command, cwd=REPO, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 10):
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole process group
    err = proc.communicate(timeout=30)[1]
    assert proc.returncode == 130 and "Traceback" not in err
    assert "interrupted; the rows written so far are kept" in err
    rows = _rows(out)
    assert 10 <= len(rows) < len(ids) and len({r["id"] for r in rows}) == len(rows)


def test_missing_input_and_bad_options(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert run(["batch", str(tmp_path / "nope"), "--out", str(out)]) == 2
    assert run(["batch", str(tmp_path), "--out", str(out), "--algorithm", "nope"]) == 2
    assert run(["batch", str(tmp_path), "--out", str(out), "--workers", "0"]) == 2
    (tmp_path / "empty").mkdir()
    assert run(["batch", str(tmp_path / "empty"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "no such file or folder" in err and "unknown summary algorithm" in err and "Traceback" not in err
    assert "no articles found in" in err
    out.write_text("not rows\n", encoding="utf-8")
    assert run(["batch", str(tmp_path), "--out", str(out)]) == 2
    assert "is this a batch output file?" in capsys.readouterr().err
