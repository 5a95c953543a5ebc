"""``transliterate`` and ``glossary`` commands, and the glossary reaching ``entities`` and briefs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from docx import Document

from cli import run
from models.names import SOURCES

REPO = Path(__file__).resolve().parents[2]


def _main(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", cwd=REPO, timeout=120)


def _groups(path: Path) -> dict[str, dict]:
    proc = _main("entities", "--format", "json", str(path))
    assert proc.returncode == 0, proc.stderr
    return {g["canonical"]: g for g in json.loads(proc.stdout)["groups"]}


def test_transliterate_keeps_one_line_per_name():
    proc = _main("transliterate", "-", stdin="بمصر\nوالقاهرة\n\nخليفة حفتر\nعبد الله\n")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[:5] == ["Egypt", "Cairo", "", "Khalifa Haftar", "Abdullah"]


def test_transliterate_reports_an_unreadable_file_in_one_line(tmp_path):
    bad = tmp_path / "names.txt"
    bad.write_bytes(b"\xff\xfe\xfa")
    proc = _main("transliterate", str(bad))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and len(proc.stderr.splitlines()) == 1


def test_entities_json_gives_english_and_its_source(seed_paths):
    groups = _groups(seed_paths[2])
    assert all(g["english"] and g["english_source"] in SOURCES for g in groups.values())
    assert (groups["مصر"]["english"], groups["مصر"]["english_source"]) == ("Egypt", "dictionary")


def test_glossary_add_override_remove_merge_reach_entities(seed_paths, capsys):
    plain = _groups(seed_paths[2])
    assert "سوريا" in _groups(seed_paths[3])
    assert run(["glossary", "add", "خليفة حفتر", "--english", "Khalifa Hifter"]) == 0
    override = ["--english", "Marshal Haftar", "--type", "PER"]
    assert run(["glossary", "add", "خليفة حفتر", *override]) == 0
    assert run(["glossary", "add", "سوريا", "--not-entity"]) == 0
    assert run(["glossary", "add", "القاهرة", "--merge-into", "مصر"]) == 0
    capsys.readouterr()
    assert run(["glossary", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert "خليفة حفتر\tMarshal Haftar\tPER\t" in listed and "سوريا\t\t\tnot-entity" in listed
    groups = _groups(seed_paths[3])
    assert (groups["خليفة حفتر"]["english"], groups["خليفة حفتر"]["english_source"]) == \
        ("Marshal Haftar", "glossary")
    assert "سوريا" not in groups
    merged = _groups(seed_paths[2])
    assert "القاهرة" not in merged
    assert merged["مصر"]["count"] == plain["مصر"]["count"] + plain["القاهرة"]["count"]
    assert run(["glossary", "remove", "سوريا"]) == 0
    assert "سوريا" in _groups(seed_paths[3])
    assert run(["glossary", "remove", "سوريا"]) == 2  # not there any more: one line, exit 2
    assert "not in the glossary" in capsys.readouterr().err


def test_glossary_import_reports_the_bad_line_and_changes_nothing(tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text("arabic,english,type\nدرنة,Derna,LOC\n", encoding="utf-8")
    assert run(["glossary", "import", str(good)]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("arabic,english,type\nطرابلس,Tripoli,LOC\n,Nobody,PER\n", encoding="utf-8")
    assert run(["glossary", "import", str(bad)]) == 2
    assert "line 3" in capsys.readouterr().err
    out = tmp_path / "out.csv"
    assert run(["glossary", "export", str(out)]) == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows == ["arabic,english,type,not_entity,merge_into", "درنة,Derna,LOC,,"]


def test_a_brief_written_after_a_correction_carries_it(seed_paths, tmp_path):
    assert run(["glossary", "add", "درنة", "--english", "Derna"]) == 0
    out = tmp_path / "brief.docx"
    assert run(["brief", str(seed_paths[0]), "-o", str(out)]) == 0
    rows = [[c.text for c in row.cells] for table in Document(str(out)).tables for row in table.rows]
    assert ["درنة", "Derna"] == next(r[:2] for r in rows if r and r[0] == "درنة")
    assert any(r[:2] == ["ليبيا", "Libya"] for r in rows)


def test_an_unreadable_glossary_is_one_line_and_left_alone(seed_paths, khulasa_home):
    path = khulasa_home / "data" / "glossary.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    for args in (["entities", str(seed_paths[0])], ["glossary", "add", "درنة", "--english", "Derna"]):
        proc = _main(*args)
        assert proc.returncode == 2 and "unreadable glossary" in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
    assert path.read_text(encoding="utf-8") == "{not json"
