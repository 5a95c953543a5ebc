"""GUI start-up benchmarks (offscreen), each a median of fresh subprocess runs.

    python bench/gui_startup.py [--runs 5]

- cold start: from spawning ``python main.py`` to the window shown and painted
  (the first event-loop turn after ``show()``); target ≤ 1.5 s;
- open a seed: from ``open_paths`` to the summary shown (read, summarise and
  find entities in a worker, then render), first in a fresh process once its
  start-up work (engine warm-up in a worker) is done, and again (the same file
  reopened after closing it); target ≤ 300 ms;
- change the summary length of a ~1,000-word article (two seeds joined): new
  summary and re-render on the UI thread (the entity refresh follows on the
  worker); target ≤ 100 ms.

Each run gets its own KHULASA_HOME, so no settings, session or cache carry over.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Runs main.main() for real; exec() is wrapped only to stop after the first turn of the event loop.
START_CHILD = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
exec_ = QApplication.exec
def first_turn(*_):
    QTimer.singleShot(0, lambda: (print("SHOWN", time.time(), flush=True), QApplication.quit()))
    return exec_()
QApplication.exec = first_turn
sys.path.insert(0, sys.argv[1])
import main
main.main([])
"""

OPEN_CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
import gui
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.main_window import MainWindow
from gui.settings import Settings
window = MainWindow(Settings(), model_dir=None)
window.resize(1500, 900); window.show()
while not window.models_known:  # start-up work (engine warm-up, model list) done: the user opens a file
    app.processEvents()
seed = sys.argv[2]
times = []
for _ in range(int(sys.argv[3])):
    done = []
    window.article_opened.connect(lambda view: done.append(time.perf_counter()))
    start = time.perf_counter()
    window.open_paths([seed])
    while not done:
        app.processEvents()
    app.processEvents()  # paint
    times.append(time.perf_counter() - start)
    window.article_opened.disconnect()
    window.close_tab(window.current_view())
print("TIMES", json.dumps(times))
opened = []
window.article_opened.connect(opened.append)
window.open_paths([sys.argv[4]])
while not opened or window.busy():
    app.processEvents()
changes = []
for value in (3, 7, 4, 9, 5, 8, 2):
    while window.busy():  # the previous change's entity refresh: a user looks before changing again
        app.processEvents()
    start = time.perf_counter()
    window.controls.length.setValue(value)
    app.processEvents()
    changes.append(time.perf_counter() - start)
print("WORDS", opened[0].article.word_count())
print("CHANGES", json.dumps(changes))
"""


def _env(home: str) -> dict[str, str]:
    env = dict(os.environ, KHULASA_HOME=home, QT_QPA_PLATFORM="offscreen")
    env.pop("KHULASA_MODEL_DIR", None)
    return env


def cold_start() -> float:
    with tempfile.TemporaryDirectory() as home:
        # a settled first launch (no seed opened) is what users see every day
        ini = Path(home) / "data"
        ini.mkdir(parents=True)
        (ini / "khulasa.ini").write_text("[General]\nfirst_launch_done=true\n", encoding="utf-8")
        start = time.time()
        out = subprocess.run([sys.executable, "-c", START_CHILD, str(REPO)], env=_env(home),
                             capture_output=True, text=True, check=True, timeout=60).stdout
    shown = float(next(line.split()[1] for line in out.splitlines() if line.startswith("SHOWN")))
    return shown - start


def open_seed(seed: Path, repeats: int, long_article: Path) -> tuple[list[float], list[float], int]:
    """Open times of ``seed``; then summary-length changes on ``long_article`` and its word count."""
    with tempfile.TemporaryDirectory() as home:
        out = subprocess.run([sys.executable, "-c", OPEN_CHILD, str(REPO), str(seed), str(repeats),
                              str(long_article)],
                             env=_env(home), capture_output=True, text=True, check=True, timeout=120).stdout
    lines = {line.split(" ", 1)[0]: line.split(" ", 1)[1] for line in out.splitlines() if " " in line}
    return json.loads(lines["TIMES"]), json.loads(lines["CHANGES"]), int(lines["WORDS"])


def long_article(folder: Path) -> Path:
    """About 1,000 words: two seed bodies one after the other."""
    seeds = sorted((REPO / "seeds").glob("*.txt"), key=lambda p: p.stat().st_size)
    path = folder / "long-article.txt"
    path.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in seeds[-2:]), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    seed = sorted((REPO / "seeds").glob("*.txt"))[0]
    starts = [cold_start() for _ in range(args.runs)]
    with tempfile.TemporaryDirectory() as tmp:
        long = long_article(Path(tmp))
        runs = [open_seed(seed, 3, long) for _ in range(args.runs)]
    cold = [times[0] for times, _, _ in runs]
    warm = [t for times, _, _ in runs for t in times[1:]]
    changes = [t for _, change, _ in runs for t in change]
    words = len(seed.read_text(encoding="utf-8").split())
    print(f"cold start to window shown: median {statistics.median(starts) * 1000:.0f} ms "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in starts)})")
    listed = ", ".join(f"{t * 1000:.0f}" for t in cold)
    print(f"open {seed.name} ({words} words) to summary shown, first in a fresh process: "
          f"median {statistics.median(cold) * 1000:.0f} ms (runs: {listed})")
    print(f"open the same seed again (engine warm): median {statistics.median(warm) * 1000:.0f} ms "
          f"({len(warm)} runs)")
    print(f"summary length change, {runs[0][2]}-word article (new summary shown): "
          f"median {statistics.median(changes) * 1000:.0f} ms, max {max(changes) * 1000:.0f} ms "
          f"({len(changes)} changes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
