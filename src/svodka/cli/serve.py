"""`svodka serve`: the HTTP API and the web page."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .app import app, fail, user_errors


@app.command()
@user_errors
def serve(
    db: Annotated[
        Optional[str],
        typer.Option(envvar="SVODKA_DB", help="Corpus URL or SQLite path (made by svodka ingest) for search and people."),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    allow_host: Annotated[
        Optional[list[str]],
        typer.Option(help="Host name the server answers to besides localhost (repeatable; * for any)."),
    ] = None,
    time_limit: Annotated[float, typer.Option(min=1, help="Seconds one request may take.")] = 60.0,
    per_client: Annotated[int, typer.Option(min=1, help="Requests one client may have in flight.")] = 8,
) -> None:
    """Serve the HTTP API (/api/…, schema at /docs) and the web page at /."""
    try:
        import uvicorn
    except ImportError:
        fail("svodka serve needs uvicorn and fastapi, which svodka installs: reinstall it")
    from ..web import create_app
    from ..web.guard import DEFAULT_HOSTS

    hosts = [*DEFAULT_HOSTS, *(allow_host or [])]
    if host not in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "::"):
        hosts.append(host)
    web = create_app(db, allow_hosts=hosts, time_limit=time_limit, per_client=per_client)
    uvicorn.run(web, host=host, port=port, log_level="info")
