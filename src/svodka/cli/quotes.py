"""CLI commands for quotes (filled by its issue)."""

from __future__ import annotations

from .app import app, eval_app  # noqa: F401


def render_quotes(doc) -> object | None:
    """The quotes section of `svodka analyze --format pretty` (a Rich renderable), or None."""
    return None
