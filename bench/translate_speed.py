"""Translation speed on random-weight models with the real architectures.

    python bench/translate_speed.py [--arch base|big ...] [--runs 5] [--threads 2] [--write]

For each architecture (``bench/make_test_model.py``: OPUS-MT base 6+6 d512,
tc-big 6+6 d1024, 32k vocabularies, int8) on the Arabic side of
``../shared/data/mt/ntrex128.ar`` (first 200 sentences), with 2 CPU threads,
beam 2 and the decoding length fixed to the mean source length (so random
weights do not change the work), the median of ``--runs`` runs of:

- raw: one ``ctranslate2.Translator.translate_batch`` call on the pre-tokenised
  sentences (``max_batch_size`` tokens, CTranslate2 sorts, batches and spreads the
  batches over the same workers ours uses: one single-threaded worker per core) — the floor;
- ours: ``Translator.translate`` end to end (tokenising, length-sorted batches,
  attention alignment, detokenising, writing a fresh cache), with and without alignment;
- naive: one ``translate_batch`` call per sentence (one worker with all threads);
- summary latency (base): ``translate_article`` on a 5-sentence summary of a seed
  article (and its headline), the model already loaded, every sentence decoded to as many
  target pieces as the batch's longest source has (our Arabic pieces are ~20 % more per
  word than a real 32k model's, and shorter sentences are padded to the longest);
- peak RSS (base): a fresh process that loads the model and translates that summary.

Raw, ours and ours-without-alignment run in turn within each round, so load
from other processes falls on all three alike. Throughput is generated target
tokens per second of wall time (also reported per CPU second). The last line
printed is one JSON object with the base-architecture figures.
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
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from results_file import RESULTS_DIR, write_section  # noqa: E402
from timing import median_seconds  # noqa: E402

NTREX = REPO.parent / "shared" / "data" / "mt" / "ntrex128.ar"
RESULTS = RESULTS_DIR / "translation.md"

RSS_CHILD = """
import resource, sys, tempfile
sys.path.insert(0, sys.argv[1])
from models.reading import read_article
from models.summarize import Length, summarize
from models.translation import TranslateOptions, TranslationCache, Translator, translate_article
opts = TranslateOptions(length_ratio=1.0, length_extra=0, min_decoding_length=10**6)
translator = Translator(sys.argv[2], options=opts, threads=2,
                        cache=TranslationCache(tempfile.mktemp(suffix=".sqlite3")))
article = read_article(sys.argv[3])
translate_article(article, translator, summarize(article, Length(sentences=5)))
# VmHWM starts afresh at exec; ru_maxrss would carry the parent's peak over on Linux.
try:
    status = open("/proc/self/status").read().split("VmHWM:")[1]
    print(int(status.split()[0]) / 1024)
except (OSError, IndexError):
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _news_text(tmp: Path) -> Path:
    """ANT and EASC articles (not NTREX) for the SentencePiece model, so pieces per word look realistic."""
    data = REPO.parent / "shared" / "data"
    with (data / "articles" / "ant-sample.jsonl").open(encoding="utf-8") as ant:
        texts = [json.loads(line)["text"] for line in ant]
    with (data / "easc-dev" / "easc-dev.jsonl").open(encoding="utf-8") as easc:
        texts += [json.loads(line)["article"] for line in easc]
    path = tmp / "arabic-news.txt"
    path.write_text("\n".join(texts), encoding="utf-8")
    return path


def _build(arch: str, folder: Path, text: Path) -> Path:
    """Generate the model in a subprocess, so its numpy weights do not count in this process."""
    subprocess.run([sys.executable, str(REPO / "bench" / "make_test_model.py"), str(folder), "--arch", arch,
                    "--arabic-text", str(text)], check=True, stdout=subprocess.DEVNULL)
    return folder


def measure(arch: str, sentences: list[str], *, runs: int, threads: int, tmp: Path) -> dict:
    import ctranslate2

    from models.translation import TranslateOptions, TranslationCache, Translator

    model_dir = _build(arch, tmp / arch, _news_text(tmp))
    probe = Translator(model_dir, cache=False, threads=threads)
    tokens = [list(probe._tokenizer.encode(s).pieces) for s in sentences]
    length = round(statistics.mean(len(t) for t in tokens))
    opts = TranslateOptions(length_ratio=0, length_extra=length, min_decoding_length=length)
    generated = length * len(sentences)
    decode = dict(beam_size=opts.beam_size, max_decoding_length=length, min_decoding_length=length,
                  no_repeat_ngram_size=opts.no_repeat_ngram_size, repetition_penalty=opts.repetition_penalty)

    # The floor gets our thread layout (one single-threaded worker per core, CTranslate2 spreading its
    # sub-batches over them); one-at-a-time gets all threads on one worker, its best layout.
    raw = ctranslate2.Translator(str(model_dir), device="cpu", compute_type="int8", intra_threads=1,
                                 inter_threads=threads)
    single = ctranslate2.Translator(str(model_dir), device="cpu", compute_type="int8", intra_threads=threads)

    def ours(alignment: bool):
        options = replace(opts, alignment=alignment)
        translator = Translator(model_dir, options=options, threads=threads, cache=False)

        def once() -> None:
            translator._cache = TranslationCache(tempfile.mktemp(dir=tmp, suffix=".sqlite3"))
            translator.translate(sentences)

        return once

    contenders = {
        "raw": lambda: raw.translate_batch(tokens, max_batch_size=opts.batch_tokens, batch_type="tokens",
                                           **decode),
        "ours": ours(True),
        "ours_plain": ours(False),
    }
    timings = _interleaved(contenders, runs)
    naive = _interleaved({"naive": lambda: [single.translate_batch([t], **decode) for t in tokens]},
                         max(1, runs // 2))
    timings.update(naive)
    row = {"arch": arch, "sentences": len(sentences), "decoding_length": length,
           "source_tokens": sum(map(len, tokens)), "model_dir": model_dir}
    for name, (wall, cpu) in timings.items():
        row[f"{name}_tok_s"] = generated / wall
        row[f"{name}_tok_cpu_s"] = generated / cpu
    return row


def _interleaved(contenders: dict, runs: int, *, warm_up: bool = True) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each callable, run in turn so that load from
    other processes falls on all of them alike; one untimed warm-up call each."""
    for fn in contenders.values() if warm_up else ():
        fn()
    wall: dict[str, list[float]] = {name: [] for name in contenders}
    cpu: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(runs):
        for name, fn in contenders.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in contenders}


def summary_latency(model_dir: Path, *, runs: int, threads: int, tmp: Path) -> tuple[float, float]:
    """Median latency of translating a 5-sentence seed summary, and peak RSS of a fresh process (MB)."""
    from models.reading import read_article
    from models.summarize import Length, summarize
    from models.translation import TranslateOptions, TranslationCache, Translator, translate_article

    seed = sorted((REPO / "seeds").glob("*.txt"))[0]
    opts = TranslateOptions(length_ratio=1.0, length_extra=0, min_decoding_length=10**6)
    translator = Translator(model_dir, options=opts, threads=threads, cache=False)
    article = read_article(seed)
    picks = summarize(article, Length(sentences=5))

    def once() -> None:
        fresh = read_article(seed)
        translator._cache = TranslationCache(tempfile.mktemp(dir=tmp, suffix=".sqlite3"))
        translate_article(fresh, translator, picks)

    once()  # warm-up: first-call allocations
    latency = median_seconds(once, runs)
    child = subprocess.run([sys.executable, "-c", RSS_CHILD, str(REPO), str(model_dir), str(seed)],
                           check=True, capture_output=True, text=True)
    return latency, float(child.stdout.split()[-1])


def _markdown(rows: list[dict], latency: float, rss: float, runs: int) -> str:
    lines = [
        f"Random-weight models with the real architectures, int8, 2 threads, beam 2, first "
        f"{rows[0]['sentences']} sentences of NTREX-128 (Arabic; {rows[0]['source_tokens']} source pieces), "
        f"decoding length fixed to the mean source length ({rows[0]['decoding_length']}); median of {runs} "
        f"runs (naive: {max(1, runs // 2)}); load average at the end {os.getloadavg()[0]:.1f} "
        "(other work shared the 2 cores). Target tokens per second:",
        "",
        "| arch | raw translate_batch | ours (with alignment) | ours vs raw | ours without alignment "
        "| one at a time | ours vs naive |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        for unit, suffix in (("wall", "tok_s"), ("CPU", "tok_cpu_s")):
            raw_, ours_, plain, naive = (r[f"{k}_{suffix}"] for k in ("raw", "ours", "ours_plain", "naive"))
            lines.append(f"| {r['arch']} ({unit}) | {raw_:.0f} | {ours_:.0f} | {ours_ / raw_:.2f} | "
                         f"{plain:.0f} | {naive:.0f} | {ours_ / naive:.2f}× |")
    lines += ["", "wall: generated tokens per elapsed second (the acceptance figures); CPU: per second of "
              "this process's CPU time (all threads), less sensitive to other load on the machine."]
    lines += ["", f"Base architecture: 5-sentence summary (+ headline) latency {latency:.2f} s median "
              f"(target ≤ 1.0 s); peak RSS of a process with the model loaded {rss:.0f} MB "
              "(target ≤ 600 MB).", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--arch", nargs="+", choices=("base", "big"), default=["base", "big"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sentences", type=int, default=200)
    parser.add_argument("--write", action="store_true", help="write bench/results/translation.md")
    args = parser.parse_args(argv)
    if not NTREX.is_file():
        print(f"{NTREX} is missing: the benchmark needs ../shared/data", file=sys.stderr)
        return 2
    sentences = NTREX.read_text(encoding="utf-8").splitlines()[: args.sentences]
    rows = []
    with tempfile.TemporaryDirectory(prefix="khulasa-speed-") as folder:
        tmp = Path(folder)
        for arch in ["base"] + [a for a in args.arch if a != "base"]:
            row = measure(arch, sentences, runs=args.runs, threads=args.threads, tmp=tmp)
            rows.append(row)
            print(f"{arch}: raw {row['raw_tok_s']:.0f} tok/s, ours {row['ours_tok_s']:.0f} tok/s "
                  f"(no alignment {row['ours_plain_tok_s']:.0f}), naive {row['naive_tok_s']:.0f} tok/s; "
                  f"decoding length {row['decoding_length']}", flush=True)
        latency, rss = summary_latency(rows[0]["model_dir"], runs=args.runs, threads=args.threads, tmp=tmp)
    print(f"base: summary latency {latency:.3f} s, peak RSS {rss:.0f} MB")
    if args.write:
        write_section(RESULTS, "Translation speed (`bench/translate_speed.py`)",
                      _markdown(rows, latency, rss, args.runs))
    base = rows[0]
    print(json.dumps({
        "raw_tok_s": round(base["raw_tok_s"], 1),
        "ours_tok_s": round(base["ours_tok_s"], 1),
        "naive_tok_s": round(base["naive_tok_s"], 1),
        "ours_vs_raw": round(base["ours_tok_s"] / base["raw_tok_s"], 3),
        "ours_vs_naive": round(base["ours_tok_s"] / base["naive_tok_s"], 3),
        "summary_latency_s": round(latency, 3),
        "rss_mb": round(rss, 1),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
