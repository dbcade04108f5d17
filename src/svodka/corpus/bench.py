"""The corpus benchmark for `make bench`: ingest throughput and search latency.

``bench_corpus()`` returns a markdown section: documents/s ingesting the
factRuEval texts (plus the sample) with 1 and 2 worker processes, each into a
fresh SQLite store; and search latency (median, p95) over a store of 1,000,000
synthetic documents, built once by scripts/make_synthetic_corpus.py's code and
cached under .bench/ (git-ignored).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
FACTRU = Path(os.environ.get("SVODKA_FACTRU", ROOT.parent / "shared" / "data" / "factru" / "devset"))
STORE = ROOT / ".bench" / "synthetic-1m.db"
N_DOCS = 1_000_000
N_QUERIES = 300
DOC_LIMIT = 20.0  # seconds one document may take before ingest gives it up


def _ingest_rate(workers: int, paths: list[str]) -> tuple[float, int, int, float]:
    from .api import Corpus

    with tempfile.TemporaryDirectory(prefix="svodka-bench-") as tmp:
        corpus = Corpus(Path(tmp) / "bench.db")
        stats = corpus.ingest(*paths, workers=workers, timeout=DOC_LIMIT)
        corpus.close()
    return stats.docs_per_second, stats.added, stats.errors, stats.seconds


def _queries(n: int, seed: int = 11) -> list[str]:
    """1-3 content words each, drawn by corpus frequency (function words never drawn)."""
    from .synthetic import vocabulary
    from .text import STOP_WORDS

    words, probs = vocabulary(FACTRU if FACTRU.is_dir() else None)
    keep = np.array([w not in STOP_WORDS and not w.isdigit() for w in words])
    words = [w for w, k in zip(words, keep) if k]
    probs = probs[keep] / probs[keep].sum()
    rng = np.random.default_rng(seed)
    return [" ".join(rng.choice(words, size=int(rng.integers(1, 4)), p=probs)) for _ in range(n)]


def _latency(store: Path) -> tuple[float, float, float, int]:
    from .api import Corpus

    corpus = Corpus(store)
    queries = _queries(N_QUERIES)
    for q in queries[:30]:  # warm the page cache
        corpus.search(q)
    times, found = [], 0
    for q in queries:
        t0 = time.perf_counter()
        hits = corpus.search(q)
        times.append((time.perf_counter() - t0) * 1000)
        found += bool(hits)
    corpus.close()
    return statistics.median(times), float(np.percentile(times, 95)), max(times), found


def bench_corpus() -> str:
    """The markdown section for docs/benchmarks.md."""
    lines = ["## Corpus: ingest and search", ""]
    if FACTRU.is_dir():
        from .. import sample_text

        with tempfile.TemporaryDirectory(prefix="svodka-bench-in-") as tmp:
            sample = Path(tmp) / "sample.txt"
            sample.write_text(sample_text(), encoding="utf-8")
            paths = [str(FACTRU), str(sample)]
            from ..models import load_models

            load_models()  # loaded once, before timing; forked workers inherit them
            rows = {w: _ingest_rate(w, paths) for w in (1, 2)}
        lines += [
            f"`svodka ingest` of the {rows[1][1] + rows[1][2]} factRuEval devset texts plus the sample into a fresh "
            "SQLite store, all layers, models loaded before timing:",
            "",
            "| workers | documents/s | stored | errors | seconds |",
            "|---:|---:|---:|---:|---:|",
        ]
        lines += [f"| {w} | {r[0]:.2f} | {r[1]} | {r[2]} | {r[3]:.1f} |" for w, r in rows.items()]
        speedup = rows[2][0] / rows[1][0] if rows[1][0] else 0.0
        lines += ["", f"2 workers / 1 worker: **{speedup:.2f}×** (target ≥ 1.7×).", ""]
        if rows[1][2]:
            lines += [f"Errors are documents given up after {DOC_LIMIT:g} s (a layer that hangs); they count in the time.", ""]
    else:
        lines += [f"(factRuEval devset not found at {FACTRU}: ingest not measured)", ""]
    built = ""
    if not STORE.exists():
        from .synthetic import build

        seconds = build(STORE, N_DOCS, FACTRU if FACTRU.is_dir() else None)
        built = f" (built now in {seconds:.0f} s)"
    median, p95, worst, found = _latency(STORE)
    size = sum(p.stat().st_size for p in STORE.parent.glob(STORE.name + "*")) / 2**30
    lines += [
        f"`Corpus.search` over {N_DOCS:,} synthetic documents in SQLite ({size:.1f} GB, "
        f"`.bench/{STORE.name}`{built}; generator: scripts/make_synthetic_corpus.py): {N_QUERIES} queries of 1–3 "
        f"content words drawn by corpus frequency, 10 hits each with snippets, {found} with hits.",
        "",
        "| median | p95 | max |",
        "|---:|---:|---:|",
        f"| {median:.1f} ms | {p95:.1f} ms | {worst:.1f} ms |",
        "",
        f"Target p95 ≤ 50 ms. Machine load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(bench_corpus())
