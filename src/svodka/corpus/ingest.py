"""Ingest: read records, skip what is stored, analyse in worker processes, write one transaction each.

The parent process reads and cleans each record (cheap), hashes the cleaned
text and skips it when the store has it; the rest go to N worker processes,
each with one BLAS thread and the models loaded once, which analyse and build
the rows.  The parent alone writes, one document per transaction, so a kill at
any moment leaves whole documents only, and a re-run picks up where it stopped.
"""

from __future__ import annotations

import gc
import gzip
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from sqlalchemy.engine import Engine

from ..batch import die_with_parent
from ..document import Document
from ..errors import InputError, SvodkaError
from ..pipeline import make_document, run
from ..readers import Record, read_path
from ..settings import Settings
from . import store
from .link import link_pending

TIMEOUT = 300.0  # seconds one document may take; a 1M-character record needs about a minute
BROKEN_AFTER = 20  # this many failures in a row, none stored, all for one reason: the pipeline is broken
LINK_EVERY = 1000  # stored documents between two linking steps of one ingest
SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".jsonl.gz", ".ndjson")
Progress = Callable[["IngestStats"], None]


@dataclass(slots=True)
class IngestStats:
    total: int | None = None  # records expected, when known up front
    seen: int = 0
    added: int = 0
    skipped: int = 0  # already stored, or the same text twice in this run
    errors: int = 0
    started: float = 0.0

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    @property
    def docs_per_second(self) -> float:
        return self.added / self.seconds if self.seconds > 0 else 0.0


@dataclass(slots=True)
class _Failed:
    reason: str


def input_files(paths: Iterable[str | Path]) -> Iterator[str]:
    """Files to read: each path, folders recursively (sorted), ``-`` for standard input."""
    for path in paths:
        p = Path(path)
        if str(path) != "-" and not p.exists():
            raise InputError(f"{path}: no such file or folder")
        if str(path) == "-" or not p.is_dir():
            yield str(path)
            continue
        for f in sorted(p.rglob("*")):
            if f.is_file() and f.name.lower().endswith(SUFFIXES):
                yield str(f)


def count_records(files: list[str]) -> int | None:
    """How many records the files hold (for the ETA); None when reading standard input."""
    total = 0
    for f in files:
        if f == "-":
            return None
        if f.lower().endswith((".jsonl", ".ndjson", ".jsonl.gz")):
            try:
                opener = gzip.open if f.lower().endswith(".gz") else open
                with opener(f, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except (OSError, EOFError):
                total += 1  # unreadable: it becomes one error
        else:
            total += 1
    return total


def read_records(files: Iterable[str], published: str | None = None) -> Iterator[Record]:
    """Records of every file; a file that cannot be read becomes one record with its error.
    ``published`` dates the records that carry no date of their own."""
    for f in files:
        try:
            for rec in read_path(f):
                if published and not rec.published:
                    rec.published = published
                yield rec
        except InputError as exc:
            yield Record(source=f, error=str(exc).removeprefix(f"{f}: "))


def prepare(rec: Record) -> Document:
    """Clean one record into a Document ready to analyse, or raise InputError with the reason."""
    try:
        rec.text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"invalid Unicode: lone surrogate at character {exc.start}") from None
    return make_document(
        rec.text,
        title=store.scrub(rec.title),
        published=rec.published,
        url=store.scrub(rec.url),
        id=store.scrub(rec.id),
    )


def _init_worker(engine: Engine) -> None:
    from threadpoolctl import threadpool_limits

    from ..models import load_models

    engine.dispose(close=False)  # the parent's pooled connections were forked with us: never touch them
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the pool

    os.environ["OPENBLAS_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = "1"
    threadpool_limits(limits=1)
    load_models()


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def analyse(doc: Document, source: str, settings: Settings, timeout: float = TIMEOUT) -> store.Rows | _Failed:
    """Run the pipeline on a prepared Document and build its rows (in a worker).

    A document that takes longer than ``timeout`` seconds is given up (SIGALRM in
    the analysing process), so one pathological text cannot stall a batch.
    """
    from ..models import load_models

    models = load_models()
    if threading.current_thread() is not threading.main_thread():
        timeout = 0  # SIGALRM reaches only the main thread: a Dask worker's task thread runs unlimited
    old = signal.signal(signal.SIGALRM, _alarm) if timeout else None
    try:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, timeout)
        run(doc, settings, models)
        rows = store.build_rows(doc, source, doc.id)
    except _Timeout:
        return _Failed(f"analysis took longer than {timeout:g} s: given up")
    except Exception as exc:  # one bad document must not stop the batch
        return _Failed(f"analysis failed: {type(exc).__name__}: {exc}"[:500])
    finally:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    return rows


def ingest(
    engine: Engine,
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
    link: bool = True,
    timeout: float = TIMEOUT,
    published: str | None = None,
    dask: str | None = None,
) -> IngestStats:
    """Ingest files (or ``-``): idempotent, resumable, errors stored in the `errors` table.

    With ``dask`` (a scheduler address, or «local» for a LocalCluster of ``workers``
    processes) the Dask workers analyse and build the rows (lemmas, MinHash, LSH
    bands); this process streams the records to them, a bounded window in flight,
    writes what comes back and links as it goes, as without Dask.
    """
    settings = settings or Settings()
    workers = max(1, workers or os.cpu_count() or 1)
    files = list(input_files(paths))
    import datasketch  # noqa: F401 - MinHash pulls in scipy (≈0.6 s): once here, and forked workers inherit it

    started = time.perf_counter()
    pool = None
    if dask:  # first, so the workers load their models while the records are counted
        from .cluster import DaskPool

        pool = DaskPool(dask, workers)
    stats = IngestStats(total=count_records(files), started=started)
    report = progress or (lambda s: None)
    pending: dict[Future, None] = {}
    queued: set[int] = set()
    if not dask and workers > 1:
        # Forked workers share the parent's memory until they write to it; the cyclic garbage
        # collector writes to every object it scans.  Frozen, the parent's objects (models, caches)
        # are never scanned in the workers, so their pages stay shared instead of being copied.
        gc.freeze()
        pool = ProcessPoolExecutor(
            workers, mp_context=get_context("fork"), initializer=_init_worker, initargs=(engine,)
        )

    failures: list[str] = []

    def done(result: store.Rows | _Failed, source: str) -> None:
        if isinstance(result, _Failed):
            store.write_error(engine, source, result.reason)
            stats.errors += 1
            failures.append(result.reason)
            if len(failures) >= BROKEN_AFTER and not stats.added and len(set(failures)) == 1:
                raise SvodkaError(f"every document fails the same way, stopping: {result.reason}")
        elif store.write_rows(engine, result):
            failures.clear()
            stats.added += 1
            if link and stats.added % LINK_EVERY == 0:  # identities stay current during a long ingest
                link_pending(engine)
        else:
            stats.skipped += 1
        report(stats)

    def drain(block_until: int) -> None:
        while len(pending) > block_until:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in finished:
                pending.pop(fut)
                done(fut.result(), fut.source)  # type: ignore[attr-defined]

    try:
        for rec in read_records(files, published):
            stats.seen += 1
            if rec.error:
                store.write_error(engine, rec.source, rec.error, rec.line, rec.text or rec.id)
                stats.errors += 1
                report(stats)
                continue
            try:
                doc = prepare(rec)
            except InputError as exc:
                store.write_error(engine, rec.source, str(exc), rec.line, rec.text[:300])
                stats.errors += 1
                report(stats)
                continue
            _, doc_id = store.text_hash(doc.text)
            with engine.connect() as conn:
                stored = store.has_document(conn, doc_id)
            if stored or doc_id in queued:
                stats.skipped += 1
                report(stats)
                continue
            queued.add(doc_id)
            if pool is None:
                done(analyse(doc, rec.source, settings, timeout), rec.source)
                continue
            fut = pool.submit(analyse, doc, rec.source, settings, timeout)
            fut.source = rec.source  # type: ignore[attr-defined]
            pending[fut] = None
            drain(2 * workers + 2)
        drain(0)
    except BaseException:  # Ctrl-C, a broken pipeline: stop the workers now (whole documents only are stored)
        if pool is not None and not dask:
            for proc in list((getattr(pool, "_processes", None) or {}).values()):
                proc.kill()
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=not pending, cancel_futures=True)
        if pool is not None and not dask:
            gc.unfreeze()
    if link:
        link_pending(engine)
    return stats
