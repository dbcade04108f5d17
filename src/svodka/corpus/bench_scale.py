"""`make bench-scale`: what one ingest costs as the store grows, and search at each size.

For each store size (0, 10k, 100k, 1M synthetic documents, see synthetic.py;
built once under .bench/ and copied for each run) a new process writes 100 new
analysed articles (factRuEval texts, analysed once and cached) and links them
(identities, duplicate groups), then runs searches: plain, with a person filter
and with a one-month date filter.  Reported: ms per document to write and to
link, the process's peak RSS, and search p95 at that size, on SQLite and (with
--postgres URL, or SVODKA_BENCH_PG) on PostgreSQL.  The report goes into
docs/benchmarks.md between the `bench-scale` markers (and `make bench` keeps it).

    python -m svodka.corpus.bench_scale [--sizes 0,10000,100000] [--postgres URL] [--out docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from .bench import BEGIN, END, FACTRU, ROOT, _queries, splice

BENCH = ROOT / ".bench"
NEW_DOCS = 100
N_QUERIES = 200


def _new_rows() -> Path:
    """The rows of 100 analysed articles (analysed once, cached): what an ingest writes."""
    cache = BENCH / "new-100.pickle"
    if cache.exists():
        return cache
    from ..models import load_models
    from ..pipeline import make_document, run
    from ..readers import read_path
    from .store import build_rows

    models = load_models()
    rows = []
    for p in sorted(FACTRU.glob("book_*.txt"))[:NEW_DOCS]:
        rec = next(read_path(p))
        doc = make_document(rec.text, title=rec.title, published="2013-05-08")
        rows.append(build_rows(run(doc, None, models), str(p), None))
    BENCH.mkdir(exist_ok=True)
    cache.write_bytes(pickle.dumps(rows))
    return cache


def _cached(size: int) -> Path:
    """The linked SQLite store of ``size`` synthetic documents under .bench/, built once."""
    from .synthetic import build

    cached = BENCH / f"synthetic-{size}.db"
    if not cached.exists():
        build(cached, size, FACTRU if FACTRU.is_dir() else None)
    return cached


def _store(size: int, pg: str | None) -> str:
    """A store of ``size`` synthetic documents, linked: a fresh copy of the cached one (SQLite) or a new database."""
    if pg:
        import uuid

        import psycopg

        base = pg.rsplit("/", 1)[0]
        name = f"bench_{size}_{uuid.uuid4().hex[:6]}"
        with psycopg.connect(base.replace("postgresql+psycopg", "postgresql") + "/postgres", autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        url = f"{base}/{name}"
        if size:  # the SQLite store of that size, copied over with COPY: the same documents on both backends
            from .transfer import copy_store

            copy_store(_cached(size), url)
        return url
    cached = _cached(size) if size else BENCH / "synthetic-0.db"
    copy = BENCH / f"run-{size}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    if size:
        shutil.copyfile(cached, copy)
    return f"sqlite:///{copy}"


def _p95(times: list[float]) -> float:
    return float(np.percentile(times, 95))


def measure(url: str, rows_path: Path) -> dict:
    """In this (new) process: write and link the new rows, then search; returns the figures."""
    from sqlalchemy import func, select

    from . import tables as t
    from .api import Corpus
    from .link import link_pending
    from .store import write_rows

    from ..models import morph_analyzer

    rows = pickle.loads(rows_path.read_bytes())
    morph_analyzer().parse("слово")  # an ingesting process has its dictionary loaded before it links
    corpus = Corpus(url)
    with corpus.engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(t.documents)).scalar_one()
    c0, t0 = time.process_time(), time.perf_counter()
    added = sum(write_rows(corpus.engine, r) for r in rows)
    c1, t1 = time.process_time(), time.perf_counter()
    link_pending(corpus.engine)
    c2, t2 = time.process_time(), time.perf_counter()
    queries = _queries(N_QUERIES)
    with corpus.engine.connect() as conn:
        names = [r.name for r in conn.execute(select(t.entities.c.name).where(t.entities.c.type == "PER")
                                               .order_by(t.entities.c.n_docs.desc()).limit(400))]
    rng = np.random.default_rng(5)
    months = [f"{y}-{m:02d}" for y in range(2010, 2017) for m in range(1, 13)]
    timings: dict[str, list[float]] = {"plain": [], "person": [], "date": []}
    cpu: dict[str, list[float]] = {"plain": [], "person": [], "date": []}
    for q in queries[:20]:
        corpus.search(q)  # warm the page cache
    for i, q in enumerate(queries):
        month = months[int(rng.integers(len(months)))]
        for kind, kwargs in (("plain", {}), ("person", {"person": names[i % len(names)]} if names else None),
                             ("date", {"since": f"{month}-01", "until": f"{month}-28"})):
            if kwargs is None:
                continue
            c, s = time.process_time(), time.perf_counter()
            corpus.search(q, **kwargs)
            timings[kind].append((time.perf_counter() - s) * 1000)
            cpu[kind].append((time.process_time() - c) * 1000)
    corpus.close()
    return {
        "stored": stored,
        "added": added,
        "write_ms": (t1 - t0) * 1000 / max(added, 1),
        "link_ms": (t2 - t1) * 1000 / max(added, 1),
        "link_s": t2 - t1,
        "write_cpu_ms": (c1 - c0) * 1000 / max(added, 1),
        "link_cpu_ms": (c2 - c1) * 1000 / max(added, 1),
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss across execve, so a child started by a parent that had
        # just built a big synthetic store reported the parent's peak (980 MB "at 100k" was the builder's).
        "rss_mb": _hwm_mb(os.getpid()) or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        **{f"p95_{k}": _p95(v) if v else None for k, v in timings.items()},
        **{f"median_{k}": statistics.median(v) if v else None for k, v in timings.items()},
        **{f"cpu_p95_{k}": _p95(v) if v else None for k, v in cpu.items()},
    }


def run_size(size: int, pg: str | None) -> dict:
    url = _store(size, pg)
    rows = _new_rows()
    out = subprocess.run([sys.executable, "-m", "svodka.corpus.bench_scale", "--measure", url, str(rows)],
                         capture_output=True, text=True, check=False, env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
    if out.returncode:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def _feed(mb: int = 250) -> Path:
    """A JSON-lines feed of about ``mb`` MB: the devset texts again and again, each copy numbered."""
    path = BENCH / f"feed-{mb}mb.jsonl"
    if path.exists():
        return path
    texts = [p.read_text(encoding="utf-8") for p in sorted(FACTRU.glob("book_*.txt"))]
    with open(path, "w", encoding="utf-8") as fh:
        i = 0
        while fh.tell() < mb * 2**20:
            fh.write(json.dumps({"id": str(i), "text": f"{i}. {texts[i % len(texts)]}"}, ensure_ascii=False) + "\n")
            i += 1
    return path


def _hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def stream_run(args: list[str], seconds: float = 90.0, db: Path | None = None) -> tuple[float | None, float]:
    """(seconds to the first result, the parent's peak RSS MB) of a svodka command, stopped after ``seconds``."""
    import signal

    exe = str(Path(sys.executable).parent / "svodka")
    started = time.perf_counter()
    proc = subprocess.Popen([exe, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True,
                            env={**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"})
    first, peak = None, 0.0
    os.set_blocking(proc.stdout.fileno(), False)  # type: ignore[union-attr]
    while time.perf_counter() - started < seconds and proc.poll() is None:
        peak = max(peak, _hwm_mb(proc.pid))
        if first is None:
            if db is None and proc.stdout.read(1):  # type: ignore[union-attr]
                first = time.perf_counter() - started
            elif db is not None and db.exists() and _stored(db):
                first = time.perf_counter() - started
        time.sleep(0.2)
    peak = max(peak, _hwm_mb(proc.pid)) if proc.poll() is None else peak
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait()
    return first, peak


def _stored(db: Path) -> bool:
    import sqlite3

    try:
        with sqlite3.connect(db, timeout=1) as con:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0] > 0
    except sqlite3.Error:
        return False


def stream_report() -> str:
    feed = _feed()
    size = feed.stat().st_size / 2**20
    lines = [
        f"Streaming: `svodka analyze` and `svodka ingest` of a {size:.0f} MB JSON-lines feed "
        "(the devset texts again and again), each stopped after 90 s: seconds to the first result "
        "(a line out; a document stored) and the parent process's peak RSS (the workers apart).",
        "",
        "| command | first result | parent peak RSS |",
        "|---|---:|---:|",
    ]
    for name, extra in (("--workers 2", ["--workers", "2"]), ("--dask local", ["--workers", "2", "--dask", "local"])):
        first, peak = stream_run(["analyze", str(feed), "-f", "jsonl", *extra])
        lines.append(f"| analyze {name} | {_ms(first)} s | {peak:.0f} MB |")
        db = BENCH / "stream.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        first, peak = stream_run(["ingest", str(feed), "--db", str(db), *extra], db=db)
        lines.append(f"| ingest {name} | {_ms(first)} s | {peak:.0f} MB |")
    return "\n".join(lines) + "\n"


def _ms(v: float | None) -> str:
    return "—" if v is None else f"{v:.1f}"


def report(results: list[tuple[str, int, dict]], stream: str = "") -> str:
    lines = [
        BEGIN,
        "## Corpus at scale: one ingest as the store grows",
        "",
        f"`make bench-scale`: {NEW_DOCS} new analysed articles (factRuEval texts) written and linked into stores of "
        "synthetic documents (named people, places and organisations with Zipf-like popularity, MinHash and LSH bands; "
        "scripts/make_synthetic_corpus.py), each run a new process; then "
        f"{N_QUERIES} searches of 1–3 words each: plain, with a person filter (the 400 most documented people in turn) "
        "and with a one-month date filter.  Analysis itself (the same at every size) is not in these figures.",
        "",
        "Wall-clock figures depend on what else the machine runs; the CPU figures (this process's own CPU time: "
        "all of the work on SQLite, the client's share on PostgreSQL) do much less.",
        "",
        "| backend | stored | write ms/doc (CPU) | link ms/doc (CPU) | peak RSS MB | search p95 plain (CPU) "
        "| person (CPU) | date (CPU) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for backend, size, r in results:
        lines.append(
            f"| {backend} | {size:,} | {r['write_ms']:.1f} ({r['write_cpu_ms']:.1f}) | {r['link_ms']:.1f} "
            f"({r['link_cpu_ms']:.1f}) | {r['rss_mb']:.0f} | {_ms(r['p95_plain'])} ({_ms(r['cpu_p95_plain'])}) ms "
            f"| {_ms(r['p95_person'])} ({_ms(r['cpu_p95_person'])}) ms | {_ms(r['p95_date'])} ({_ms(r['cpu_p95_date'])}) ms |"
        )
    lines += ["", stream, f"Machine load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.", END, ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="0,10000,100000,1000000")
    ap.add_argument("--postgres", default=os.environ.get("SVODKA_BENCH_PG"))
    ap.add_argument("--pg-sizes", default="0,10000,100000")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--no-stream", action="store_true", help="skip the 250 MB streaming runs")
    ap.add_argument("--from-saved", action="store_true", help="report every size measured so far, not just this run's")
    a = ap.parse_args(argv)
    if a.measure:
        print(json.dumps(measure(a.measure[0], Path(a.measure[1]))))
        return
    saved = BENCH / "scale-results.jsonl"  # every run's figures, so runs may be split (--from-saved)
    runs = [("SQLite", int(s), None) for s in a.sizes.split(",") if s]
    runs += [("PostgreSQL", int(s), a.postgres) for s in a.pg_sizes.split(",") if s and a.postgres]
    results: dict[tuple[str, int], dict] = {}
    if saved.exists() and a.from_saved:
        for line in saved.read_text(encoding="utf-8").splitlines():
            backend, size, figures = json.loads(line)
            results[(backend, size)] = figures  # the last run of each
    for backend, size, pg in runs:
        figures = run_size(size, pg)
        print(backend, size, figures, file=sys.stderr, flush=True)
        results[(backend, size)] = figures
        with open(saved, "a", encoding="utf-8") as fh:
            fh.write(json.dumps([backend, size, figures]) + "\n")
    stream = "" if a.no_stream else stream_report()
    print(stream, file=sys.stderr)
    order = sorted(results, key=lambda k: (k[0] != "SQLite", k[1]))
    section = report([(b, n, results[(b, n)]) for b, n in order], stream)
    if a.out:
        splice(a.out, section)
    else:
        print(section)


if __name__ == "__main__":
    main()
