"""Batch speed: ``batch`` over ANT on 1 and 2 cores, its translation path, Dask against the pool.

    .venv/bin/python bench/batch_speed.py [--runs 3] [--subset-step 10] [--full] [--write]
    .venv/bin/python bench/batch_speed.py --pairs 7 [--write]
    .venv/bin/python bench/batch_speed.py --translation-only --runs 5 [--write]

1. Summaries + entities (``--translate none``): the subset (every ``--subset-step``-th article of
   ``../shared/data/articles/ant-all.jsonl``) through the process pool with 1 and 2 workers, run in
   turn ``--runs`` times (each job a fresh process: pool start, recogniser load per worker, reading,
   writing rows all counted); medians and the 2-vs-1 ratio within the run. ``--full`` adds one
   run of each over all 10,134 articles. Peak RSS: the parent process and the largest worker.
2. The same subset job through ``--engine dask`` (a local cluster of 2 single-threaded worker
   processes on 127.0.0.1) in the same rounds: cluster start-up, job time and overhead against the
   2-worker pool; and through Ray when it is installed (tasks over the same chunks, no resume or
   translation: only to compare engines).
3. Translation of summaries: the summaries (and headlines) of the first ``--translate-articles``
   subset articles through ``models.batch.translating.TranslationQueue`` (sentences of many
   articles per ``Translator.translate`` call, attention alignment on) against one raw
   ``ctranslate2.Translator.translate_batch`` call on the same pre-tokenised sentences (token
   batches, one single-threaded worker per core), and against ``translate_article`` one article
   at a time (``--runs`` // 2 runs); random-weight OPUS-MT base model (``bench/make_test_model.py``),
   int8, beam 2, decoding length fixed to the mean source length, as ``bench/translate_speed.py``.

``--pairs N`` measures only the 2-vs-1 ratio, from N back-to-back pairs of short jobs (load
changes less within a pair than across a round). The load average is printed before and after:
other work on the machine slows the jobs unevenly, which the interleaved rounds and the ratios
only partly cancel.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from results_file import RESULTS_DIR, write_section  # noqa: E402

ANT = REPO.parent / "shared" / "data" / "articles" / "ant-all.jsonl"
RESULTS = RESULTS_DIR / "batch.md"
TITLE = "# Batch results"
TRANSLATION_HEADING = "Translation of summaries in batch (`bench/batch_speed.py`)"


def _peak_mb() -> float:
    """This process's peak RSS (VmHWM starts afresh at exec, unlike ru_maxrss after fork)."""
    try:
        return int(Path("/proc/self/status").read_text().split("VmHWM:")[1].split()[0]) / 1024
    except (OSError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _tree_mb() -> float:
    """Resident memory of this process and all its descendants now (MB)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree, grown = {os.getpid()}, True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grown = bool(more)
    total = 0
    for pid in tree:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, IndexError):
            pass
    return total * os.sysconf("SC_PAGE_SIZE") / 2**20


class _TreePeak:
    """Samples :func:`_tree_mb` every ``every`` rows; ``peak`` is the largest sample."""

    def __init__(self, every: int = 100) -> None:
        self.every, self.rows, self.peak = every, 0, 0.0

    def __call__(self, _row: dict | None = None) -> None:
        self.rows += 1
        if self.rows % self.every == 1:
            self.peak = max(self.peak, _tree_mb())


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def child(engine: str, workers: int, source: str) -> dict:
    """One job in this (fresh) process; the figures as a dict."""
    from models.batch import Batch, BatchOptions, open_engine

    sample = _TreePeak()
    with tempfile.TemporaryDirectory(prefix="khulasa-batch-") as tmp:
        start = time.perf_counter()
        batch = Batch([source], Path(tmp) / "out.jsonl")
        if engine == "ray":
            opened, rows = _ray_job(batch, workers, sample)
        else:
            running = open_engine(BatchOptions(), engine=engine, workers=workers)
            opened = time.perf_counter() - start
            rows = batch.run(running, on_row=sample).written
        total = time.perf_counter() - start
    return {"engine": engine, "workers": workers, "rows": rows, "open_s": opened, "total_s": total,
            "parent_mb": _peak_mb(),
            "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "tree_mb": sample.peak, "parent_cpu_s": _cpu(resource.RUSAGE_SELF),
            "worker_cpu_s": _cpu(resource.RUSAGE_CHILDREN)}


def _ray_job(batch, workers: int, sample: _TreePeak) -> tuple[float, int]:
    """The analysis chunks as Ray tasks on a local Ray instance (comparison only)."""
    import ray

    from models.batch.cluster import analyse_chunk
    from models.batch.pool import chunk_size
    from models.batch.rows import BatchOptions

    start = time.perf_counter()
    ray.init(num_cpus=workers, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    task = ray.remote(analyse_chunk)
    options = BatchOptions()
    ray.get([task.remote([], options) for _ in range(workers)])
    opened = time.perf_counter() - start
    size = chunk_size(len(batch.todo), workers)
    chunks = [[item.with_line() for item in batch.todo[i:i + size]] for i in range(0, len(batch.todo), size)]
    pending = [task.remote(chunk, options) for chunk in chunks]
    rows = 0
    while pending:
        done, pending = ray.wait(pending)
        for outcome in ray.get(done[0]):
            batch.out.write(outcome.row)
            sample()
            rows += 1
    batch.out.close()
    ray.shutdown()
    return opened, rows


def _spawn(engine: str, workers: int, source: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", engine, str(workers), str(source)],
                          cwd=REPO, capture_output=True, text=True, check=False)
    if proc.returncode:
        raise SystemExit(f"{engine} x{workers} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.splitlines()[-1])


def _subset(step: int, folder: Path) -> Path:
    lines = ANT.read_text(encoding="utf-8").splitlines()
    path = folder / f"ant-every-{step}.jsonl"
    path.write_text("\n".join(lines[::step]) + "\n", encoding="utf-8")
    return path


def _median(rows: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def analysis_rounds(source: Path, runs: int, engines: list[tuple[str, int]]) -> dict[tuple[str, int], list]:
    """``runs`` rounds of every (engine, workers) job in turn."""
    out: dict[tuple[str, int], list] = {key: [] for key in engines}
    for n in range(runs):
        for engine, workers in engines:
            result = _spawn(engine, workers, source)
            out[engine, workers].append(result)
            print(f"round {n + 1} {engine} x{workers}: {result['rows']} rows, {result['total_s']:.1f} s "
                  f"({result['rows'] / result['total_s']:.1f} articles/s), open {result['open_s']:.2f} s",
                  flush=True)
    return out


def translation(source: Path, articles: int, runs: int, tmp: Path) -> dict:
    """Tokens per second: the batch path, raw CTranslate2 and one article at a time, same sentences."""
    import ctranslate2
    from translate_speed import _build, _interleaved, _news_text

    from models.batch.inputs import scan
    from models.batch.rows import BatchOptions, process
    from models.batch.translating import TranslationQueue
    from models.translation import TranslateOptions, Translator, translate_article

    options = BatchOptions(translate="summary")
    outcomes = [process(item, options) for item in list(scan([source]))[:articles]]
    outcomes = [o for o in outcomes if o.article is not None]
    texts = []
    for outcome in outcomes:
        article = outcome.article
        texts += [article.sentences[i].text for i in article.summary]
        texts += [article.title] if article.title else []
    model_dir = _build("base", tmp / "base", _news_text(tmp))
    probe = Translator(model_dir, cache=False, threads=2)
    tokens = [list(probe._tokenizer.encode(t).pieces) for t in texts]
    length = round(statistics.mean(len(t) for t in tokens))
    opts = TranslateOptions(length_ratio=0, length_extra=length, min_decoding_length=length)
    translator = Translator(model_dir, options=opts, cache=False, threads=2)
    raw = ctranslate2.Translator(str(model_dir), device="cpu", compute_type="int8", intra_threads=1,
                                 inter_threads=2)

    def batch_path() -> None:
        queue = TranslationQueue(translator, options, lambda row: None)
        for outcome in outcomes:
            queue.add(outcome)
        queue.flush()

    def one_at_a_time() -> None:
        for outcome in outcomes:
            article = outcome.article
            article.translations.clear()
            article.title_translation = ""
            translate_article(article, translator, article.summary)

    contenders = {
        "raw": lambda: raw.translate_batch(tokens, max_batch_size=opts.batch_tokens, batch_type="tokens",
                                           beam_size=opts.beam_size, max_decoding_length=length,
                                           min_decoding_length=length,
                                           no_repeat_ngram_size=opts.no_repeat_ngram_size),
        "batch": batch_path,
    }
    timings = _interleaved(contenders, runs)
    timings.update(_interleaved({"per_article": one_at_a_time}, max(1, runs // 2), warm_up=False))
    generated = length * len(texts)
    return {"articles": len(outcomes), "sentences": len(texts), "decoding_length": length,
            **{f"{name}_tok_s": generated / wall for name, (wall, _cpu) in timings.items()}}


def _rate(results: list[dict]) -> float:
    return statistics.median(r["rows"] / r["total_s"] for r in results)


def _idle_estimate(one: list[dict], two: list[dict]) -> float:
    """The 2-vs-1 speed-up on two idle cores implied by the CPU times: with 1 worker, the worker and
    the main process each have a core; with 2, all three share both."""
    main1, work1, main2, work2 = (_median(r, key) for r in (one, two)
                                  for key in ("parent_cpu_s", "worker_cpu_s"))
    return max(main1, work1) / max((main2 + work2) / 2, main2)


def _markdown(rounds: dict, full: dict, *, subset: int, args, load: tuple[str, str]) -> str:
    lines = [
        f"Summaries + entities (`--translate none`), default length and algorithm. Subset: every "
        f"{args.subset_step}th article of `ant-all.jsonl` ({subset} articles); each job a fresh process "
        "(pool start, recogniser load per worker, reading and row writing included); median of "
        f"{args.runs} interleaved rounds. Load average before / after: {load[0]} / {load[1]}.", "",
        "| engine | workers | articles/s (median) | each run | start-up s | articles/s after start-up | "
        "CPU s / 1000 articles (main + workers) | peak RSS, all processes MB | largest worker MB |",
        "|---|---|---|---|---|---|---|---|---|"]
    for (engine, workers), results in rounds.items():
        rates = ", ".join(f"{r['rows'] / r['total_s']:.0f}" for r in results)
        cpu = (f"{1000 * _median(results, 'parent_cpu_s') / results[0]['rows']:.1f} + "
               f"{1000 * _median(results, 'worker_cpu_s') / results[0]['rows']:.1f}" if engine != "ray"
               else "n/a (not children)")
        after = statistics.median(r["rows"] / (r["total_s"] - r["open_s"]) for r in results)
        lines.append(f"| {engine} | {workers} | {_rate(results):.1f} | {rates} | "
                     f"{_median(results, 'open_s'):.2f} | {after:.1f} | {cpu} | "
                     f"{_median(results, 'tree_mb'):.0f} | {_median(results, 'worker_mb'):.0f} |")
    pool2 = _rate(rounds["pool", 2])
    one, two = rounds["pool", 1], rounds["pool", 2]
    work1, work2 = _median(one, "worker_cpu_s"), _median(two, "worker_cpu_s")
    estimate = _idle_estimate(one, two)
    lines += ["", f"- 2 workers against 1 (subset medians of wall time): **{pool2 / _rate(one):.2f}×** "
              "(goal ≥ 1.7×).",
              f"- Worker CPU time per article, 2 workers against 1: {work2 / work1:.2f}×. From CPU times, "
              "on two otherwise idle cores (1 worker: worker and main process each on a core; 2 workers: all "
              f"three share both) the speed-up would be about {estimate:.2f}× (an estimate, not a "
              "measurement)."]
    for engine in ("dask", "ray"):
        if (engine, 2) in rounds:
            lines.append(f"- {engine} (2 workers) against the 2-worker pool: "
                         f"{_rate(rounds[engine, 2]) / pool2:.2f}× the pool's articles/s, start-up included.")
    for workers, r in full.items():
        lines.append(f"- Whole corpus, {workers} worker(s), one run: {r['rows']} rows in "
                     f"{r['total_s']:.0f} s ({r['rows'] / r['total_s']:.1f} articles/s), CPU "
                     f"{r['parent_cpu_s']:.1f} s main + {r['worker_cpu_s']:.1f} s workers, peak RSS parent "
                     f"{r['parent_mb']:.0f} MB, largest worker {r['worker_mb']:.0f} MB.")
    return "\n".join(lines)


def _translation_markdown(speed: dict, args) -> str:
    return "\n".join([
        f"Translation of summaries: {speed['sentences']} sentences (summaries and headlines of "
        f"{speed['articles']} subset articles), random-weight base model, int8, 2 threads, beam 2, decoding "
        f"length {speed['decoding_length']}; median of {args.runs} interleaved runs, target tokens per "
        f"second; load average at the end {os.getloadavg()[0]:.1f}:",
        "", "| raw translate_batch | batch path (TranslationQueue) | batch vs raw | one article at a time "
        f"({max(1, args.runs // 2)} runs) |",
        "|---|---|---|---|",
        f"| {speed['raw_tok_s']:.0f} | {speed['batch_tok_s']:.0f} | "
        f"**{speed['batch_tok_s'] / speed['raw_tok_s']:.2f}** (goal ≥ 0.90) | "
        f"{speed['per_article_tok_s']:.0f} |"])


def paired_ratio(source: Path, rounds: int, step: int) -> str:
    """1 then 2 workers, ``rounds`` times in quick succession; the median of each pair's ratio."""
    results = analysis_rounds(source, rounds, [("pool", 1), ("pool", 2)])
    ratios = [(b["rows"] / b["total_s"]) / (a["rows"] / a["total_s"])
              for a, b in zip(results["pool", 1], results["pool", 2], strict=True)]
    spread = ", ".join(f"{r:.2f}" for r in sorted(ratios))
    share = {workers: statistics.median((r["parent_cpu_s"] + r["worker_cpu_s"]) / r["total_s"]
                                        for r in results["pool", workers]) for workers in (1, 2)}
    estimate = _idle_estimate(results["pool", 1], results["pool", 2])
    return (f"Every {step}th ANT article ({results['pool', 1][0]['rows']} articles), the 1-worker and the "
            f"2-worker job run back to back {rounds} times (each a fresh process); the ratio of each pair, "
            f"sorted: {spread}; **median {statistics.median(ratios):.2f}×** (goal ≥ 1.7×). CPU the job got "
            f"(main process and workers, per second of wall time, median): {share[1]:.2f} cores with 1 "
            f"worker, {share[2]:.2f} cores with 2; from the CPU times, about {estimate:.2f}× on two idle "
            f"cores (an estimate, see below). Load average at the end {os.getloadavg()[0]:.1f}.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--subset-step", type=int, default=10)
    parser.add_argument("--full", action="store_true", help="also one run of each over all articles")
    parser.add_argument("--translate-articles", type=int, default=60)
    parser.add_argument("--no-cluster", action="store_true", help="skip Dask and Ray")
    parser.add_argument("--child", nargs=3, metavar=("ENGINE", "WORKERS", "INPUT"), help=argparse.SUPPRESS)
    parser.add_argument("--translation-only", action="store_true", help="only the translation figures")
    parser.add_argument("--pairs", type=int, metavar="N",
                        help="only the 1-vs-2-worker ratio: N back-to-back pairs of short jobs")
    parser.add_argument("--write", action="store_true", help="write bench/results/batch.md")
    args = parser.parse_args(argv)
    if args.child:
        engine, workers, source = args.child
        print(json.dumps(child(engine, int(workers), source)))
        return 0
    if not ANT.is_file():
        print(f"{ANT} is missing: the benchmark needs ../shared/data", file=sys.stderr)
        return 2
    if args.translation_only:
        with tempfile.TemporaryDirectory(prefix="khulasa-batch-bench-") as folder:
            speed = translation(_subset(args.subset_step, Path(folder)), args.translate_articles, args.runs,
                                Path(folder))
        print(json.dumps({k: round(v, 1) for k, v in speed.items()}))
        if args.write:
            write_section(RESULTS, TRANSLATION_HEADING, _translation_markdown(speed, args), title=TITLE)
        return 0
    if args.pairs:
        with tempfile.TemporaryDirectory(prefix="khulasa-batch-bench-") as folder:
            body = paired_ratio(_subset(args.subset_step, Path(folder)), args.pairs, args.subset_step)
        print(body)
        if args.write:
            write_section(RESULTS, "1 and 2 workers in back-to-back pairs (`bench/batch_speed.py --pairs`)",
                          body, title=TITLE)
        return 0
    engines = [("pool", 1), ("pool", 2)]
    if not args.no_cluster:
        engines.append(("dask", 2))
        try:
            import ray  # noqa: F401
            engines.append(("ray", 2))
        except ImportError:
            pass
    load_before = f"{os.getloadavg()[0]:.1f}"
    with tempfile.TemporaryDirectory(prefix="khulasa-batch-bench-") as folder:
        tmp = Path(folder)
        subset = _subset(args.subset_step, tmp)
        count = len(subset.read_text(encoding="utf-8").splitlines())
        rounds = analysis_rounds(subset, args.runs, engines)
        full = {}
        for workers in (1, 2) if args.full else ():
            full[workers] = r = _spawn("pool", workers, ANT)
            print(f"full corpus x{workers}: {r['rows']} rows in {r['total_s']:.1f} s", flush=True)
        speed = translation(subset, args.translate_articles, args.runs, tmp)
    load_after = f"{os.getloadavg()[0]:.1f}"
    print(f"translation: {json.dumps({k: round(v, 1) for k, v in speed.items()})}")
    pool1, pool2 = _rate(rounds["pool", 1]), _rate(rounds["pool", 2])
    figures = {"pool1_art_s": round(pool1, 1), "pool2_art_s": round(pool2, 1),
               "ratio_2v1": round(pool2 / pool1, 3),
               "batch_vs_raw": round(speed["batch_tok_s"] / speed["raw_tok_s"], 3)}
    for engine in ("dask", "ray"):
        if (engine, 2) in rounds:
            figures[f"{engine}_vs_pool2"] = round(_rate(rounds[engine, 2]) / pool2, 3)
    if args.write:
        body = _markdown(rounds, full, subset=count, args=args, load=(load_before, load_after))
        write_section(RESULTS, "Batch speed (`bench/batch_speed.py`)", body, title=TITLE)
        write_section(RESULTS, TRANSLATION_HEADING, _translation_markdown(speed, args), title=TITLE)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
