"""CLI commands for evaluate (filled by its issue)."""

from __future__ import annotations

from .app import app, eval_app  # noqa: F401
