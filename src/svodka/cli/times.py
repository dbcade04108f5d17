"""CLI commands for times (filled by its issue)."""

from __future__ import annotations

from .app import app, eval_app  # noqa: F401


def render_times(doc) -> object | None:
    """The times section of `svodka analyze --format pretty` (a Rich renderable), or None."""
    return None
