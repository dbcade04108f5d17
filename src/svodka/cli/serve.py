"""`svodka serve`: the HTTP API and the web page."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .app import app, fail, user_errors


@app.command()
@user_errors
def serve(
    db: Annotated[Optional[str], typer.Option(help="Corpus URL or SQLite path for search and person pages.")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Serve the HTTP API (/api/analyze, /api/search, /api/person/NAME) and a web page at /."""
    try:
        import uvicorn
    except ImportError:
        fail("svodka serve needs uvicorn and fastapi, which svodka installs: reinstall it")
    from ..web import create_app

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
