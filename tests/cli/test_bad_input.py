"""Bad and awkward input through ``python main.py summarize`` (issue 2 §5, §7).

Each unreadable file gets one line on stderr naming it and the cause, the exit
code is 2, there is no traceback, and the other files in the call are still
summarised.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARABIC = (
    "«حفتر» في القاهرة لبحث هجوم «الواحات»\n\n"
    "يبحث الجنرال الليبي خليفة حفتر، الذي وصل العاصمة المصرية القاهرة، تعزيز التعاون الأمني. "
    "وقال مصدر مسؤول إن الزيارة ليست لها علاقة بالاجتماعات. "
    "وأكدت مصادر خاصة أن الزيارة المفاجئة جاءت على خلفية المخاوف المصرية من تكرار الهجمات.\n"
)


def _summarize(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "main.py", "summarize", *map(str, args)], cwd=REPO, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=240)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """Bad files (name starts with ``bad``) and awkward-but-readable ones."""
    from docx import Document

    root = tmp_path_factory.mktemp("bad-input")
    made: dict[str, Path] = {}

    def write(name: str, data: bytes) -> None:
        made[name] = root / name
        made[name].write_bytes(data)

    write("bad-empty.txt", b"")
    write("bad-blank.txt", b" \n\t\r\n ")
    write("bad-binary.txt", bytes(range(256)) * 64)
    write("bad-huge.txt", "كلمة عربية طويلة. ".encode() * (20 * 1024 * 1024 // 32 + 1))
    write("bad-type.odt", b"PK\x03\x04 not supported")
    Document().save(root / "good.docx")
    write("bad-broken.docx", (root / "good.docx").read_bytes()[:900])
    write("bad-broken.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n")
    made["bad-missing.txt"] = root / "bad-missing.txt"
    write("cp1256.txt", ARABIC.encode("cp1256"))
    write("utf16.txt", codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"))
    write("long-line.txt", " ".join(["كلمة", "أخرى", "مدينة", "الليبية"] * 2500).encode())
    write("english.txt", b"Egypt strikes Derna\n\nEgyptian jets struck targets in Derna on Monday. "
                         b"Officials said more strikes would follow. Libya's parliament condemned them.\n")
    return made


def test_one_bad_file(files):
    result = _summarize(files["bad-empty.txt"])
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(files["bad-empty.txt"]) in lines[0] and "empty" in lines[0]


def test_mixed_call_reports_each_bad_file_and_summarises_the_rest(files):
    names = list(files)
    result = _summarize("--format", "json", "--sentences", "2", *(files[n] for n in names))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    note = (f"{files['english.txt']}: the text is English: "
            "summaries, entities and translation are for Arabic text")
    assert note in lines  # read, not summarised, said in one line
    errors = [line for line in lines if line != note]
    bad = [n for n in names if n.startswith("bad")]
    assert len(errors) == len(bad)
    for name, line in zip(bad, errors, strict=True):
        assert str(files[name]) in line, line
    causes = dict(zip(bad, errors, strict=True))
    assert "too large" in causes["bad-huge.txt"]
    assert "not found" in causes["bad-missing.txt"]
    assert "unsupported" in causes["bad-type.odt"]
    assert "not a text file" in causes["bad-binary.txt"]

    out = json.loads(result.stdout)
    out = out if isinstance(out, list) else [out]
    by_name = {Path(item["file"]).name: item for item in out}
    assert sorted(by_name) == sorted(n for n in names if not n.startswith("bad"))
    for name in ("cp1256.txt", "utf16.txt"):
        item = by_name[name]
        assert item["title"] == "«حفتر» في القاهرة لبحث هجوم «الواحات»"
        assert item["sentences"][0]["text"].startswith("يبحث الجنرال الليبي")
    assert by_name["english.txt"]["title"] == "Egypt strikes Derna"
    assert by_name["english.txt"]["language"] == "en" and by_name["english.txt"]["summary"] == []
    assert len(by_name["long-line.txt"]["summary"]) == 1  # its pieces repeat the same four words


@pytest.mark.parametrize("name", ["bad-broken.docx", "bad-broken.pdf", "bad-binary.txt"])
def test_corrupt_documents_exit_2_without_traceback(files, name):
    result = _summarize(files[name])
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and str(files[name]) in result.stderr
