"""main.py without a display and with a mistyped subcommand: one line, a non-zero exit, no Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import main

REPO = Path(__file__).resolve().parents[1]


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    unset = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], env={**clean, **env},
                          capture_output=True, text=True, timeout=60)


def test_the_subcommands_come_from_the_cli_parser():
    from cli import SUBCOMMANDS

    assert set(SUBCOMMANDS) <= set(main.subcommands())


def test_without_a_display_the_window_is_not_tried(tmp_path):
    if not sys.platform.startswith("linux"):
        return
    done = _run()
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0]
    for command in main.subcommands():
        assert command in lines[0]
    assert "Traceback" not in done.stderr and "could not connect" not in done.stderr


def test_a_mistyped_subcommand_says_unknown_command():
    done = _run("transliterat", "x", QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert "unknown command 'transliterat'" in line
    assert all(command in line for command in main.subcommands())


def test_what_counts_as_a_file_or_a_command(tmp_path):
    article = tmp_path / "article"
    article.write_text("نص", encoding="utf-8")
    commands = ["summarize", "translate"]
    assert main.unknown_command(str(article), commands) == ""  # an existing file opens
    assert main.unknown_command("missing.txt", commands) == ""  # a file name: the window says it is missing
    assert main.unknown_command("--model", commands) == ""
    assert "did you mean 'summarize'" in main.unknown_command("sumarize", commands)


def test_no_display_only_where_the_window_needs_one():
    assert main.no_display(False, environ={}, platform="linux")
    assert not main.no_display(False, environ={"DISPLAY": ":0"}, platform="linux")
    assert not main.no_display(False, environ={"WAYLAND_DISPLAY": "wayland-0"}, platform="linux")
    assert not main.no_display(False, environ={"QT_QPA_PLATFORM": "offscreen"}, platform="linux")
    assert not main.no_display(True, environ={}, platform="linux")  # --screenshot renders offscreen
    assert not main.no_display(False, environ={}, platform="win32")
