"""`make bench`: svodka's speed against natasha's own pipeline on the factRuEval texts.

    python -m svodka.bench --out docs/benchmarks.md

Every measurement runs in a fresh worker process (so start-up time and peak
memory are its own), with one BLAS thread per process, after a warm-up on the
first documents.  Nothing here is a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

DEFAULT_DATA = Path(os.environ.get("SVODKA_FACTRU", Path(__file__).resolve().parents[3] / "shared" / "data" / "factru" / "devset"))
WARMUP = 3  # documents analysed before timing starts
DOC_LIMIT = 5.0  # seconds one document may take before it is given up (a layer that hangs; normal ones take < 1 s)
# Engine name → analyze() flags (None: natasha's own pipeline).
ENGINES: dict[str, dict[str, bool] | None] = {
    "natasha": None,
    "svodka": {},
    "svodka quotes=False": {"quotes": False},
    "svodka facts=False brief=False": {"facts": False, "brief": False},
    "svodka, batches of 16 (analyze_batch)": {"batch": True},
}
BATCH = 16  # documents per analyze_batch call in the batched engine (what svodka's batch workers send)
POOL_DOCS = 60  # documents for the 1-vs-2-process comparison (a ratio: half the set is enough)
REPEATS = 2  # each measurement is taken this many times, interleaved; the fastest counts
SHORT = "Госсекретарь США Джон Керри прилетел в Москву."
# What profiling found and what was changed; kept here so `make bench` rewrites it with the figures.
NOTES = """## What limits speed

Profiled with pyinstrument and py-spy on the devset (one process). Of the parse (segmentation, the
three slovnet models, lemmas), which is ≈ 75 % of svodka's time:

- the matrix products of slovnet's convolutions, ≈ 35 %: now bound by float32 BLAS throughput on one
  core (≈ 80 GFLOP/s measured), so they shrink only with fewer words or a smaller model;
- lemmas, ≈ 20 %: svodka lemmatises every word (natasha's pipeline only its NER spans); nearly all of
  it is pymorphy's first parse of each distinct word;
- razdel's segmentation, ≈ 12 % (pure Python, the same cost natasha pays);
- NER's Viterbi decoding, ≈ 8 %: one step per word, a handful of small numpy calls each.

After the parse: the entity layer's own work (nominative names with pymorphy3) ≈ 8 %, times (a
regex grammar over the text) ≈ 6 %, quotes, facts and brief a few per cent together (the table
above).  Until commit 13f245d the quotes layer walked a cycle of syntactic heads that natasha's
parser returns on book_365 («сказал», «Скотт», «астронавт», «продолжает») forever; the per-document
time limit here (and in `svodka eval`) exists so that such a hang is reported instead of stopping
the run.

Changed, with identical output (every token, lemma, head, relation and NER span of the 122 devset
documents compared before and after):

- nlp.py: razdel and the three slovnet models are called directly and their outputs written straight
  into svodka's tokens.  natasha's `Doc` wrapped every token and tag in three layers of record objects
  (razdel → slovnet markup → natasha token) that svodka then copied: the whole analysis 1.09× → 1.29×
  natasha in this table.
- kernels.py: navec's look-up is one flat `take` instead of two-axis fancy indexing (same floats).
- models.py: slovnet's encoders remember each word's vocabulary and shape ids (they were recomputed at
  every occurrence), one cache for the three models, whose vocabularies are equal.
- models.py: slovnet's CRF decoding for NER gathers each step's best scores with `max` instead of
  `np.indices` fancy indexing (same values, same order of sums), skips the mask where no sequence
  has ended and backtracks over plain lists: 4.2 → 2.1 ms per 300 words.
- models.py: natasha's MorphVocab converts each pymorphy tag to UD once, not once per parse.
- nlp.py: lemmas cached by (word, POS, features) on top of natasha's cache of pymorphy parses.
- models.py: lemmas pick natasha's best form from pymorphy's parses kept as plain (normal form, UD
  part of speech, UD features) tuples per word, instead of one natasha record object per parse of
  every new word (the same loop over pymorphy's units and its probability order): the whole analysis
  30.4 → 28.1 ms of CPU per devset document (natasha's pipeline 35.0), JSON of 173 documents identical.
- pyproject.toml: dawg2, the C reader of pymorphy's dictionaries (pymorphy2 and pymorphy3 pick it up
  when installed): lemmas of one pass over the devset 1.29 → 0.58 s of CPU.

Changed, with output equal up to float32 rounding (9 syntactic heads of the devset's 30,914 tokens
differ, all in long bulleted lists; tags, lemmas and NER spans identical, track scores unchanged):

- kernels.py: slovnet's convolutions run channels-last.  slovnet keeps PyTorch's layout (batch ×
  features × words) and gathers each window element by element before its matrix product; with
  words before features a window of 3 words is one contiguous run of 3 × features floats, so the
  gathering is a memcpy, and ReLU, batch norm and the padding mask run in place on contiguous
  memory.  The three-layer encoder 4.7 → 2.9 ms on a batch of 8 × 40 words; the whole analysis
  5.1 → 4.1 s of CPU over the devset.
- nlp.py: sentences go through slovnet's morphology and syntax models sorted by length, so each
  batch of 8 holds sentences of like length and little padding: morphology and syntax a third faster.
- pipeline.py: `analyze_batch` (used by `svodka analyze --workers/--dask` and by this table's batched
  row) sends the sentences of several documents through the models in shared sorted batches; its
  JSON is byte-identical to analysing the same documents one by one with `analyze`.

Tried and dropped: batching NER across documents, slovnet batches of 32, lemmas straight from
pymorphy3 (about half the lemma cost, but different lemmas on ≈ 3 % of distinct words).

2026-12-02, speed round (JSON of `scripts/speed_check.py dump` byte-identical before and after): CPU ms
per devset document by `scripts/speed_check.py time`, three runs each of the old and new code taken in
turn on a loaded machine (load 8 on 2 cores; on an idle one the old code gave 27.7–28): total 31.5 →
29.0, parse 21.8 → 20.0, entities 4.6 → 4.4, times 2.2 → 1.7, quotes 0.9, facts 0.6–0.7 and brief 0.6
unchanged; natasha 34.5 in the same conditions.  What changed:
- models.freeze_loaded: `gc.freeze()` once per process after the first analysed document, so the cyclic
  collector stops rescanning the models, lexicons and caches (collector time 1.9 → 0.6 ms/doc).
- times/gates.py: each grammar family's words are read off its compiled regex (`re._parser`'s tree);
  a text with none of them is not scanned by that family (grammar scans 1.8 → 1.3 ms/doc alone;
  tests/test_times_gates.py compares gated and ungated candidates on 423 real texts).
- nlp.py: morphology and syntax share one encoding of the sorted batches and one navec look-up.
- models.py: NER's Viterbi for one unpadded sequence on 2-D arrays and preallocated buffers (2.2 →
  0.9 ms/doc against stock slovnet, same sums); entities' is_profession and gazetteer._fold cached.
Tried and dropped: a larger gen-0 GC threshold (0.25 ms/doc, a process-wide side effect), np.where for
slovnet's fill_masked (2 µs a call).

The first `make bench` on a new machine also builds the 1,000,000-document synthetic store for the
corpus section (about 10 minutes on 2 cores; cached in .bench/ afterwards).
"""


def _texts(data: Path) -> list[str]:
    files = sorted(data.glob("book_*.txt"), key=lambda p: int(p.stem[5:]) if p.stem[5:].isdigit() else 0)
    return [p.read_text(encoding="utf-8") for p in files]


def _runner(engine: str):
    """A function text → None doing one engine's whole analysis (models loaded here)."""
    flags = ENGINES[engine]
    if flags is None:
        from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
        seg, vocab, emb = Segmenter(), MorphVocab(), NewsEmbedding()
        morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)

        def run(text: str) -> None:
            doc = Doc(text)
            doc.segment(seg)
            doc.tag_morph(morph)
            doc.parse_syntax(syntax)
            doc.tag_ner(ner)
            for span in doc.spans:
                span.normalize(vocab)

        return run
    from .eval.run import time_limit
    from .models import load_models
    from .pipeline import analyze, analyze_batch

    models = load_models()
    if flags.get("batch"):

        def run_batch(texts: list[str]) -> None:
            with time_limit(DOC_LIMIT * len(texts)):
                analyze_batch([{"text": t} for t in texts], models=models)

        return run_batch

    def run(text: str) -> None:
        with time_limit(DOC_LIMIT):
            analyze(text, models=models, **flags)

    return run


def _worker(engine: str, data: Path, limit: int) -> dict:
    """Time one engine in this process: start-up, warm-up, then every text once."""
    t0 = time.perf_counter()
    run = _runner(engine)
    run([SHORT] if (ENGINES[engine] or {}).get("batch") else SHORT)
    startup = time.perf_counter() - t0
    texts = _texts(data)[:limit]
    batched = bool((ENGINES[engine] or {}).get("batch"))
    for text in texts[:WARMUP]:
        _safe(run, [text] if batched else text)
    failed, t1, c1 = [], time.perf_counter(), time.process_time()
    if batched:
        for i in range(0, len(texts), BATCH):
            if not _safe(run, texts[i : i + BATCH]):
                failed.extend(range(i, min(i + BATCH, len(texts))))
    else:
        for i, text in enumerate(texts):
            if not _safe(run, text):
                failed.append(i)
    seconds, cpu = time.perf_counter() - t1, time.process_time() - c1
    return {"engine": engine, "startup": startup, "seconds": seconds, "cpu": cpu, "docs": len(texts),
            "chars": sum(map(len, texts)), "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "failed": failed}


def _safe(run, text: str) -> bool:
    try:
        run(text)
        return True
    except Exception:  # a crash or a time-out in one layer is reported, not fatal
        return False


def _pool_worker(engine: str, data: Path, limit: int, procs: int) -> dict:
    """Throughput of ``procs`` worker processes sharing the texts (each warmed up before timing)."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    texts = _texts(data)[:limit]
    barrier = ctx.Barrier(procs + 1)
    with ctx.Pool(procs, initializer=_pool_init, initargs=(engine, texts[:WARMUP], barrier)) as pool:
        barrier.wait()
        t1 = time.perf_counter()
        ok = pool.map(_pool_run, texts, chunksize=1)
        seconds = time.perf_counter() - t1
    return {"engine": engine, "procs": procs, "seconds": seconds, "docs": len(texts),
            "chars": sum(map(len, texts)), "failed": [i for i, good in enumerate(ok) if not good]}


_RUN = None


def _pool_init(engine: str, warm: list[str], barrier) -> None:
    global _RUN
    # With sched_autogroup the kernel shares the CPU between sessions, not processes: workers in one
    # session would split one session's share.  Each worker gets its own session, as separately
    # started services would.
    try:
        os.setsid()
    except OSError:
        pass
    _RUN = _runner(engine)
    for text in warm:
        _safe(_RUN, text)
    barrier.wait()


def _pool_run(text: str) -> bool:
    return _safe(_RUN, text)


def _spawn(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-m", "svodka.bench", *args], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"bench worker {args} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _layers(data: Path, limit: int) -> dict:
    """Seconds spent in each pipeline component over all documents (one process, after warm-up)."""
    from .eval.run import time_limit
    from .models import load_models
    from .nlp import parse
    from .pipeline import COMPONENTS, make_document
    models = load_models()
    texts = _texts(data)[:limit]
    for text in texts[:WARMUP]:
        parse(make_document(text), models)
    totals = dict.fromkeys(["clean", *(c.name for c in COMPONENTS)], 0.0)
    failed = []
    for i, text in enumerate(texts):
        t = time.perf_counter()
        doc = make_document(text)
        totals["clean"] += time.perf_counter() - t
        try:
            for comp in COMPONENTS:
                t = time.perf_counter()
                with time_limit(DOC_LIMIT):
                    comp.func(doc, models)
                totals[comp.name] += time.perf_counter() - t
        except Exception:
            totals[comp.name] += time.perf_counter() - t
            failed.append(i)
    return {"totals": totals, "docs": len(texts), "failed": failed}


def _machine() -> dict[str, str]:
    model = ""
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        model = next((ln.split(":", 1)[1].strip() for ln in lscpu.splitlines() if ln.startswith("Model name")), "")
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(ln.split()[1] for ln in open("/proc/meminfo") if ln.startswith("MemTotal")))
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    return {"cpu": model or platform.processor(), "cores": str(os.cpu_count()), "ram": mem,
            "python": platform.python_version(), "os": platform.platform()}


def _autogroup() -> str:
    try:
        return "yes" if Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1" else "no"
    except OSError:
        return "unknown"


def _corpus_section() -> str:
    try:
        from .corpus.bench import bench_corpus  # written by the corpus issue; optional
    except ImportError:
        return ""
    try:
        return bench_corpus()
    except Exception as exc:  # its failure must not lose the rest of the report
        return f"## Corpus\n\nThe corpus benchmark failed: {type(exc).__name__}: {exc}\n"


def _row(r: dict, base: dict | None) -> str:
    dps, cps, cpu_dps = r["docs"] / r["seconds"], r["chars"] / r["seconds"], r["docs"] / r["cpu"]
    ratio = f"{base['seconds'] / r['seconds']:.2f}×" if base else "–"
    cpu_ratio = f"{base['cpu'] / r['cpu']:.2f}×" if base else "–"
    fails = f" ({len(r['failed'])} gave up)" if r["failed"] else ""
    return (f"| {r['engine']}{fails} | {dps:.1f} | {cps:,.0f} | {cpu_dps:.1f} | {r['startup']:.1f} | "
            f"{r['rss_mb']:.0f} | {ratio} | {cpu_ratio} |")


def report(data: Path, limit: int, command: str) -> str:
    t0 = time.perf_counter()
    say = lambda msg: print(f"[bench {time.perf_counter() - t0:5.0f} s] {msg}", file=sys.stderr, flush=True)  # noqa: E731
    args = ["--data", str(data), "--docs", str(limit)]
    load_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    best: dict[str, dict] = {}
    for attempt in range(1, REPEATS + 1):  # interleaved, so a burst of load hits one attempt of each
        for engine in ENGINES:
            say(f"{engine} (run {attempt} of {REPEATS})…")
            r = _spawn(["--worker", engine, *args])
            if engine not in best or r["seconds"] < best[engine]["seconds"]:
                best[engine] = r
    runs = [best[engine] for engine in ENGINES]
    say("layer timings…")
    layers = _spawn(["--layers", *args])
    best_pool: dict[int, dict] = {}
    for attempt in range(1, REPEATS + 1):
        for procs in (1, 2):
            say(f"svodka with {procs} worker process(es) (run {attempt} of {REPEATS})…")
            r = _spawn(["--pool", str(procs), "--data", str(data), "--docs", str(min(limit, POOL_DOCS))])
            if procs not in best_pool or r["seconds"] < best_pool[procs]["seconds"]:
                best_pool[procs] = r
    pools = [best_pool[1], best_pool[2]]
    say("corpus: ingest and search…")
    corpus = _corpus_section()
    natasha = runs[0]
    m = _machine()
    load_end = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "# Benchmarks", "",
        f"Measured {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC with `{command}` (`make bench`), "
        f"{time.perf_counter() - t0:.0f} s in all.", "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram']} RAM; Python {m['python']}; {m['os']}. "
        "One BLAS thread per process (OPENBLAS_NUM_THREADS=1, threadpoolctl). "
        f"Load average (1 min) at the start {load_start:.1f}, at the end {load_end:.1f}: a load above the "
        f"{os.cpu_count()} cores means other processes shared them, and every rate here is lower and noisier than "
        "on an idle machine.", "",
        f"Texts: the {natasha['docs']} factRuEval-2016 devset documents ({natasha['chars']:,} characters), each "
        f"engine in a fresh process, timed after a warm-up on {WARMUP} documents; every row is the fastest of "
        f"{REPEATS} runs taken in turn with the others (on a shared machine a burst of someone else's load "
        "otherwise decides a row). natasha = its own pipeline: "
        "segmenter, morphology, syntax, NER and span normalisation. A document a layer spends more than "
        f"{DOC_LIMIT:.0f} s on is given up and counted in the time.", "",
        "## Throughput, one process", "",
        "| engine | docs/s | chars/s | docs per CPU-s | start-up s | peak RSS MB | vs natasha | vs natasha, CPU |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        *[_row(r, natasha if r is not natasha else None) for r in runs], "",
        "Start-up = importing, loading the models and analysing one sentence. «docs per CPU-s» and the CPU ratio "
        "count the process's own CPU time: on a shared, loaded machine they are steadier than wall-clock rates.", "",
        "## Where svodka's time goes (one process, all documents)", "",
        "| layer | seconds | share |", "|---|---:|---:|",
    ]
    totals = layers["totals"]
    whole = sum(totals.values())
    for name, sec in totals.items():
        lines.append(f"| {name} | {sec:.1f} | {sec / whole:.0%} |")
    lines += ["", f"«parse» is the work natasha's pipeline does (segmentation, morphology, syntax, NER; "
              f"{natasha['seconds']:.1f} s for natasha itself in the table above) plus svodka's lemmas; "
              "«entities» is svodka's own entity work on top of it."]
    if layers["failed"]:
        lines += ["", f"Given up (time limit or error): documents {layers['failed']}."]
    one, two = pools
    speedup = (two["docs"] / two["seconds"]) / (one["docs"] / one["seconds"])
    lines += ["", f"## Worker processes (svodka, full analysis, first {one['docs']} documents)", "",
              "| processes | docs/s | chars/s | speed-up |", "|---:|---:|---:|---:|",
              f"| 1 | {one['docs'] / one['seconds']:.1f} | {one['chars'] / one['seconds']:,.0f} | 1.00× |",
              f"| 2 | {two['docs'] / two['seconds']:.1f} | {two['chars'] / two['seconds']:,.0f} | {speedup:.2f}× |", "",
              "Each worker runs in its own session: with sched_autogroup (on here: "
              f"{_autogroup()}) Linux shares the CPU between sessions, so while other sessions keep a core busy "
              "two workers get less than two cores and the speed-up stays below 2× for that reason alone.", ""]
    lines += [NOTES.rstrip(), ""]
    if corpus:
        lines += [corpus.rstrip(), ""]
    say("done")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m svodka.bench", description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, help="write the markdown report here (default: print it)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA.resolve(), help="factRuEval folder of book_N.txt")
    ap.add_argument("--docs", type=int, default=10_000, help="use only the first N documents")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--pool", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--layers", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.worker:
        print(json.dumps(_worker(a.worker, a.data, a.docs)))
    elif a.pool:
        print(json.dumps(_pool_worker("svodka", a.data, a.docs, a.pool)))
    elif a.layers:
        print(json.dumps(_layers(a.data, a.docs)))
    else:
        if not a.data.is_dir() or not any(a.data.glob("book_*.txt")):
            sys.exit(f"bench: no factRuEval texts in {a.data} (give --data)")
        command = "python -m svodka.bench" + (f" --out {a.out}" if a.out else "")
        text = report(a.data, a.docs, command)
        if a.out:
            a.out.write_text(text, encoding="utf-8")
            print(f"wrote {a.out}", file=sys.stderr)
        else:
            print(text)


if __name__ == "__main__":
    main()
