"""``python main.py entities FILE``: JSON/text output, offsets into the decoded text, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from models.article import ENTITY_TYPES

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "main.py"), "entities", *args],
                          capture_output=True, text=True, encoding="utf-8", cwd=REPO, timeout=60)


def test_json_offsets_index_the_decoded_text(seed_paths):
    proc = _run("--format", "json", str(seed_paths[0]))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    text = seed_paths[0].read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert doc["entities"]
    for e in doc["entities"]:
        assert e["type"] in ENTITY_TYPES
        assert text[e["start"]:e["end"]] == e["text"]
    for group in doc["groups"]:
        assert group["type"] in ENTITY_TYPES
        assert group["count"] == len(group["mentions"]) > 0
        assert all(text[s:e].strip() == text[s:e] and text[s:e] for s, e in group["mentions"])
    canon = {(g["type"], g["canonical"]) for g in doc["groups"]}
    assert ("PER", "خليفة حفتر") in canon


def test_bom_and_crlf_are_removed_before_offsets(tmp_path):
    path = tmp_path / "crlf.txt"
    body = "قال الرئيس المصري عبد الفتاح السيسي\r\nإن القاهرة تدعم الحل في ليبيا .\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    doc = json.loads(_run(str(path)).stdout)
    text = body.replace("\r\n", "\n")
    found = {(text[e["start"]:e["end"]], e["type"]) for e in doc["entities"]}
    assert {("القاهرة", "LOC"), ("ليبيا", "LOC")} <= found


def test_text_format_lists_groups(seed_paths):
    proc = _run("--format", "text", str(seed_paths[0]))
    assert proc.returncode == 0
    rows = [line.split("\t") for line in proc.stdout.splitlines()]
    assert rows and all(len(r) == 3 and r[0] in ENTITY_TYPES and int(r[1]) >= 1 for r in rows)


@pytest.mark.parametrize("name", ["missing.txt", "folder"])
def test_bad_input_is_one_line_error(tmp_path, name):
    (tmp_path / "folder").mkdir()
    proc = _run(str(tmp_path / name))
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and name in proc.stderr
