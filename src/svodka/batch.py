"""Batch analysis: many records over worker processes on this machine, or over a Dask cluster.

Each worker process loads the models once and pins one BLAS thread (natasha is 5-8x slower with
numpy's default threading on small machines); parallelism comes from processes.  Results come
back in input order; a record that fails yields its error, never stops the batch.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from .errors import ConfigError, InputError
from .readers import Record
from .settings import Settings

CHUNK = 16  # records sent to a worker at once: enough to hide the round trip, small enough to balance


@dataclass(slots=True)
class Outcome:
    """One record's result: the Document as a dict, or the reason it failed."""

    record: Record
    doc: dict[str, Any] | None = None
    error: str | None = None


def die_with_parent() -> None:
    """Ask Linux to kill this worker when its parent process dies (even by SIGKILL): no orphans."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers end when the task queue closes
        pass


def _init_worker() -> None:
    from .models import load_models

    die_with_parent()  # a parent killed by SIGTERM or SIGKILL takes its workers with it
    load_models()


def _analyze_chunk(chunk: list[Record], settings: Settings, published: str | None, title: str | None) -> list[Outcome]:
    """A chunk in one go (shared model batches, see ``pipeline.analyze_batch``); if any record
    trips a bug, the chunk is redone one record at a time so only that record fails."""
    from .models import load_models
    from .pipeline import analyze_batch

    models = load_models()
    good = [rec for rec in chunk if not rec.error]
    items = [{"text": r.text, "title": title or r.title, "published": published or r.published, "url": r.url, "id": r.id}
             for r in good]
    try:
        results = dict(zip(map(id, good), analyze_batch(items, settings, models)))
    except Exception:
        results = {id(r): _one(r, settings, published, title, models) for r in good}
    out = []
    for rec in chunk:
        res = rec.error if rec.error else results[id(rec)]
        if isinstance(res, str):
            out.append(Outcome(rec, error=res))
        elif isinstance(res, Exception):
            out.append(Outcome(rec, error=str(res)))
        else:
            out.append(Outcome(rec, doc=res.to_dict()))
    return out


def _one(rec: Record, settings: Settings, published: str | None, title: str | None, models) -> Any:
    from .pipeline import analyze_record

    try:
        return analyze_record(rec, settings, published, title, models)
    except InputError as exc:
        return exc
    except Exception as exc:  # a bug on one odd record must not cost the batch
        return f"internal error: {type(exc).__name__}: {exc}"


def _chunks(records: Iterable[Record], size: int, first: int | None = None) -> Iterator[list[Record]]:
    """Chunks of ``size`` records; with ``first``, the first chunks grow from ``first`` (1, 2, 4, …):
    the first result comes as soon as a worker has its models and one record, while the next workers
    load theirs on the next small chunks."""
    chunk: list[Record] = []
    want = min(first or size, size)
    for rec in records:
        chunk.append(rec)
        if len(chunk) >= want:
            yield chunk
            chunk = []
            want = min(2 * want, size)
    if chunk:
        yield chunk


def analyze_records(
    records: Iterable[Record],
    *,
    settings: Settings | None = None,
    workers: int = 1,
    dask: str | None = None,
    published: str | None = None,
    title: str | None = None,
) -> Iterator[Outcome]:
    """Analyse records in order.  ``workers`` processes here, or ``dask`` = a scheduler address
    («tcp://host:8786») or «local» for a LocalCluster on this machine."""
    settings = settings or Settings()
    if workers < 1:
        raise ConfigError(f"workers: expected 1 or more, got {workers}")
    if dask:
        yield from _over_dask(records, settings, dask, workers, published, title)
    elif workers == 1:
        for chunk in _chunks(records, CHUNK):
            yield from _analyze_chunk(chunk, settings, published, title)
    else:
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
            # A window of chunks in flight, results in input order: a file of a million records
            # is read as it is analysed, not queued whole in memory first.
            pending: deque = deque()
            for chunk in _chunks(records, CHUNK, first=1):
                pending.append(pool.submit(_analyze_chunk, chunk, settings, published, title))
                if len(pending) >= 2 * workers:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()


def _over_dask(records, settings, address, workers, published, title) -> Iterator[Outcome]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("dask: expected the dask[distributed] package, got none installed") from None
    cluster = None
    if address == "local":
        # no dashboard, no nanny restarts worth waiting for: a worker process each, up in a few seconds
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               env={"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}, silence_logs=40)
        client = Client(cluster)
    else:
        client = Client(address)
    try:
        # a bounded window of chunks in flight, as with worker processes: the input is read as it is analysed
        pending: deque = deque()
        window = 2 * max(workers, len(client.scheduler_info().get("workers", ())))
        for chunk in _chunks(records, CHUNK, first=1):
            pending.append(client.submit(_analyze_chunk, chunk, settings, published, title, pure=False))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

