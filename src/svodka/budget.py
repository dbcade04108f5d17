"""A time budget for the layers of one document.

``Budget(seconds)`` is started once the document is parsed; ``budget.run(func)`` runs one
layer inside what is left.  A layer that would run past the end is interrupted and reported
as out of time, so the pipeline skips it (and every later layer) with a warning instead of
hanging on a pathological input.

Interruption uses a real-time interval timer (SIGALRM), which only the main thread of a
process may set: the CLI, the worker processes of ``svodka analyze --workers`` and ingest all
run there.  Anywhere else (a web server's thread, a Dask worker's thread), or while another
timer is already armed (pytest-timeout, say), nothing is interrupted: the budget is checked
between layers only, and the layers' own bounds (docs/reliability.md) keep each one finite.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class OutOfTime(BaseException):
    """Raised inside a layer when the budget ends.  A BaseException, so that a layer's own
    ``except Exception`` (a guard around a fragile look-up) cannot swallow it."""


def _can_interrupt() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0.0
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
    )


def _alarm(signum, frame) -> None:  # type: ignore[no-untyped-def]
    raise OutOfTime


class Budget:
    """``seconds`` of wall-clock time from construction; ``None`` means no limit."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.deadline = None if seconds is None else time.monotonic() + seconds

    def left(self) -> float:
        return float("inf") if self.deadline is None else self.deadline - time.monotonic()

    def spent(self) -> bool:
        return self.left() <= 0

    def run(self, func: Callable[[], T]) -> T:
        """``func()``, interrupted with OutOfTime when the budget ends (where a timer can be set);
        OutOfTime at once if nothing is left."""
        left = self.left()
        if left <= 0:
            raise OutOfTime
        if left == float("inf") or not _can_interrupt():
            return func()
        previous = signal.signal(signal.SIGALRM, _alarm)
        try:
            signal.setitimer(signal.ITIMER_REAL, left)
            try:
                return func()
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)
