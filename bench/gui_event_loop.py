"""Does the window stay responsive while a whole article is translated?

    python bench/gui_event_loop.py [--model PATH] [--runs 3]

Opens the longest seed in the real window (offscreen), switches the English
pane to the whole article and translates it on the worker, while a 5 ms QTimer
probe records the gaps between its ticks on the UI thread. A gap is how long
the event loop was stalled (rendering each streamed sentence included).
Target: no stall over 100 ms. Without ``--model`` a base-size (OPUS-MT
transformer, random weights) model is generated with bench/make_test_model.py,
so the work per token is that of a real model and the output is nonsense.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def measure(window, app, seed: Path) -> dict[str, float]:
    from PySide6.QtCore import QTimer

    opened = []
    window.settings.set("translation_scope", "summary")  # the last run left it on "article"
    window.article_opened.connect(opened.append)
    window.open_paths([seed])
    while not opened or window.busy():
        app.processEvents()
    view = opened[0]
    window.article_opened.disconnect()
    ticks: list[float] = []
    probe = QTimer(interval=5)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    probe.start()
    start = time.perf_counter()
    view.set_scope("article")
    while window.busy():
        app.processEvents()
        time.sleep(0.001)
    elapsed = time.perf_counter() - start
    probe.stop()
    gaps = sorted(b - a for a, b in zip(ticks, ticks[1:], strict=False))
    window.close_tab(view)
    return {
        "sentences": len(view.article.sentences),
        "seconds": elapsed,
        "max_ms": gaps[-1] * 1000,
        "p99_ms": gaps[int(len(gaps) * 0.99)] * 1000,
        "over_100": sum(g > 0.1 for g in gaps),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="a model folder (default: generate a base-size one)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KHULASA_HOME"] = str(Path(tmp) / "home")
        model = args.model
        if model is None:
            sys.path.insert(0, str(REPO / "bench"))
            from make_test_model import make_test_model

            model = make_test_model(Path(tmp) / "base-model", arch="base", layout="ct2")
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
        from gui.main_window import MainWindow  # importing gui first applies its PySide6 guard
        from gui.settings import Settings

        window = MainWindow(Settings(), model_dir=Path(model))
        window.confirm = lambda question: True
        window.resize(1500, 900)
        window.show()
        seed = max((REPO / "seeds").glob("*.txt"), key=lambda p: p.stat().st_size)
        results = []
        for _ in range(args.runs):
            window.session.translators = type(window.session.translators)()  # no cache hits between runs
            os.environ["KHULASA_HOME"] = tempfile.mkdtemp(dir=tmp)  # fresh translation cache
            results.append(measure(window, app, seed))
        window.runner.wait()
    for r in results:
        print(f"{seed.name}: {r['sentences']} sentences in {r['seconds']:.1f} s; "
              f"UI stall max {r['max_ms']:.0f} ms, p99 {r['p99_ms']:.0f} ms, "
              f"gaps over 100 ms: {r['over_100']}")
    worst = statistics.median(r["max_ms"] for r in results)
    print(f"median of {len(results)} runs: max stall {worst:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
