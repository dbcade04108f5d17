"""Ingest over Dask: the cluster analyses, the ingesting process writes and links.

``DaskPool`` gives a Dask client the two methods ingest uses of a process pool
(``submit`` returning a ``concurrent.futures.Future``, ``shutdown``), so the
ingest loop, its bounded window of documents in flight and its writing are the
same code with or without Dask, and so are the stored rows.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

from ..errors import ConfigError


def _load_models() -> None:
    from ..models import load_models

    load_models()


class DaskPool:
    def __init__(self, address: str, workers: int) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError("dask: expected the dask[distributed] package, got none installed") from None
        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                env={"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"},
            )
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(address, timeout=30)
            except OSError as exc:
                raise ConfigError(f"dask: cannot reach the scheduler at {address} ({exc})") from exc
        self.warm()

    def warm(self) -> None:
        """Each worker loads its models now, as a task of its own, while this process starts reading:
        the first document then waits for one worker's models, not for them after the reader's start."""
        from distributed import fire_and_forget

        for address in self.client.scheduler_info().get("workers", {}):
            fire_and_forget(self.client.submit(_load_models, workers=[address], pure=False))

    def submit(self, fn: Any, *args: Any) -> Future:
        out: Future = Future()
        remote = self.client.submit(fn, *args, pure=False)

        def settle(f: Any) -> None:
            try:
                out.set_result(f.result())
            except BaseException as exc:  # the task's own error, or a lost worker
                out.set_exception(exc)

        remote.add_done_callback(settle)
        out.remote = remote  # type: ignore[attr-defined]  # held, so Dask keeps the task
        return out

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
