"""``main.py brief``: the real pipeline on the seeds, with the generated tiny model or none."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import docx
import pytest
from lxml import html as lxml_html
from model_fixtures import installed_tiny_model, tiny_model_dir  # noqa: F401

from cli import run

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"


def _main(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *argv], capture_output=True, text=True,
                          cwd=REPO, env={**os.environ, **(env or {})}, timeout=120)


def _summary_rows(document) -> list[tuple[str, str]]:
    table = document.tables[0]
    return [(row.cells[0].text, row.cells[1].text) for row in table.rows[1:]]


def test_single_seed_docx_with_the_tiny_model(seed_paths, tiny_model_dir, tmp_path, capsys):  # noqa: F811
    out = tmp_path / "brief.docx"
    model = str(tiny_model_dir)
    assert run(["brief", str(seed_paths[0]), "-o", str(out), "--model", model, "--sentences", "3"]) == 0
    assert "written" in capsys.readouterr().out
    document = docx.Document(str(out))
    rows = _summary_rows(document)
    assert len(rows) == 3
    seed_text = seed_paths[0].read_text(encoding="utf-8")
    for arabic, english in rows:
        assert arabic in seed_text and english.strip()
    assert "tiny-test-model" in document.sections[0].footer.paragraphs[0].text
    texts = [p.text for p in document.paragraphs]
    assert "Briefing: " + seed_paths[0].name in texts


def test_no_model_gives_an_arabic_only_brief_with_a_note(seed_paths, tmp_path, capsys):
    out = tmp_path / "brief.md"
    assert run(["brief", str(seed_paths[1]), "-o", str(out)]) == 0
    assert "Arabic-only" in capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    assert "No translation model is installed" in text
    assert "| Arabic |\n" in text and "| Arabic | English |\n" not in text  # summary: Arabic only
    assert "| Arabic | English | Type | Mentions |" in text  # entities: named without a translation


def test_installed_default_model_and_full_translation(seed_paths, installed_tiny_model, tmp_path):  # noqa: F811
    out = tmp_path / "brief.md"
    assert run(["brief", str(seed_paths[2]), "-o", str(out), "--full-translation"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "## Appendix: full translation" in text
    appendix = text.split("## Appendix: full translation", 1)[1].split("\n---\n")[0]
    assert "[…]" not in appendix and len(appendix.split()) > 50
    assert installed_tiny_model in text.splitlines()[-1]


def test_five_seeds_make_one_brief_without_repeated_sentences(seed_paths, tiny_model_dir, tmp_path):  # noqa: F811
    out = tmp_path / "brief.html"
    assert run(["brief", *map(str, seed_paths), "-o", str(out), "--model", str(tiny_model_dir)]) == 0
    page = lxml_html.document_fromstring(out.read_text(encoding="utf-8"))
    tables = page.xpath("//table")
    titles = [[th.text_content() for th in t.iter("th")] for t in tables]
    combined = tables[0].xpath(".//tbody/tr")
    singles = sum(len(t.xpath(".//tbody/tr")) for t, heads in zip(tables, titles, strict=True)
                  if heads == ["Arabic", "English"])
    assert titles.count(["Arabic", "English"]) == 5
    assert 0 < len(combined) < singles
    index = {row[0].text_content(): row[-1].text_content() for row in tables[1].xpath(".//tbody/tr")}
    assert index.get("درنة") == "1, 2, 3, 4, 5"
    headings = [h.text_content() for h in page.iter("h2")]
    assert [h for h in headings if h.startswith("Article ")] == [
        f"Article {n}: {p.name}" for n, p in enumerate(seed_paths, start=1)]
    for block in page.iter("h1", "h2", "h3", "p", "td", "th", "table"):
        assert block.get("dir") and block.get("lang")


def test_an_unreadable_input_is_left_out_and_named(seed_paths, tmp_path, capsys):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02" * 200)
    out = tmp_path / "brief.md"
    assert run(["brief", str(bad), str(seed_paths[0]), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "Traceback" not in err
    text = out.read_text(encoding="utf-8")
    assert "Left out, could not be read" in text and "broken.txt" in text


def test_no_readable_input_writes_nothing(tmp_path, capsys):
    out = tmp_path / "brief.docx"
    assert run(["brief", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    assert "missing.txt" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("name", ["brief.odt", "brief"])
def test_unknown_output_format_is_refused_before_any_work(seed_paths, tmp_path, capsys, name):
    assert run(["brief", str(seed_paths[0]), "-o", str(tmp_path / name)]) == 2
    assert "unknown brief format" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_output_that_is_an_input_is_refused(seed_paths, tmp_path, capsys):
    source = tmp_path / "article.md"
    shutil.copy(seed_paths[0], source)
    before = source.read_bytes()
    assert run(["brief", str(source), "-o", str(tmp_path / "x" / ".." / "article.md")]) == 2
    assert "input file" in capsys.readouterr().err
    assert source.read_bytes() == before


def test_a_model_that_does_not_exist_is_an_error(seed_paths, tmp_path, capsys):
    out = tmp_path / "brief.md"
    assert run(["brief", str(seed_paths[0]), "-o", str(out), "--model", str(tmp_path / "nope")]) == 3
    assert "nope" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_from_the_command_line_without_a_display(seed_paths, tiny_model_dir, tmp_path):  # noqa: F811
    md, pdf = tmp_path / "brief.md", tmp_path / "brief.pdf"
    common = [str(seed_paths[0]), "--model", str(tiny_model_dir), "--sentences", "2"]
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}
    assert _main("brief", *common, "-o", str(md), env=env).returncode == 0
    done = _main("brief", *common, "-o", str(pdf), env=env)
    assert done.returncode == 0, done.stderr
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    text = " ".join(unicodedata.normalize("NFKC", raw).split())
    rows = [line.split(" | ")[:2] for line in md.read_text(encoding="utf-8").splitlines()
            if line.startswith("| ") and not line.startswith("| Arabic")]
    summary = rows[:2]
    for arabic, english in summary:
        words = arabic.strip("| ").split()
        assert " ".join(words[:4]) in text
        assert " ".join(english.split()[:4]) in text
    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(ARTIFACTS / "brief-cli-seed-page1")], check=True)


def test_a_pdf_brief_loads_no_qt(seed_paths, tmp_path):
    out = tmp_path / "brief.pdf"
    code = ("import sys; from cli import run; "
            f"code = run(['brief', {str(seed_paths[0])!r}, '-o', {str(out)!r}]); "
            "print(code, sorted(m for m in sys.modules if m.startswith(('PySide6', 'gui'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.stdout.splitlines()[-1] == "0 []", done.stderr
    assert out.read_bytes().startswith(b"%PDF")
