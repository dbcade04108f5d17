"""A small HTTP API over the library and the corpus, and the page that uses it.

Routes mirror the CLI: POST /api/analyze (svodka analyze), GET /api/search (svodka search),
GET /api/person/{name} (svodka person), GET /api/dups (svodka dups), plus
GET /api/documents/{id}, /api/health and /api/stats.  Every failure is JSON
``{"error": …, "code": …}`` (errors.py); the edge (guard.py) checks the Host, the body
size, the time and the requests in flight.  The page and /docs come from files inside
the package: nothing is fetched from elsewhere at run time.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import errors, routes_corpus
from .errors import ApiError, error_response
from .guard import DEFAULT_HOSTS, Guard
from .readable import document_out
from .schemas import AnalyzeRequest, DocumentOut, Error, Health, Sample

SAMPLE_PUBLISHED = "2013-05-08"  # the sample's publication date, as the README's demo gives it
STATIC = files("svodka.web").joinpath("static")
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Error, "description": desc}
    for code, desc in (
        (400, "Bad request"), (404, "Not found"), (413, "Too large"), (421, "Host not allowed"),
        (422, "Validation error"), (429, "Too many requests in flight"), (500, "Internal error"),
        (503, "No corpus, or out of time"),
    )
}


def create_app(
    db: str | Path | None = None,
    *,
    allow_hosts: Iterable[str] = DEFAULT_HOSTS,
    time_limit: float = 60.0,
    per_client: int = 8,
    max_body: int = 8 * 1024 * 1024,
) -> Guard:
    """The app behind its edge; ``db`` is the corpus URL or path (corpus routes answer
    ``no_corpus`` without one; a path to no existing store raises ConfigError)."""
    if db is not None:
        from ..corpus.browse import require_store

        require_store(db)
    app = FastAPI(
        title="svodka",
        version=__version__,
        description="Russian news in, structured knowledge out. Errors: {error (Russian), code}.",
        docs_url=None,
        redoc_url=None,
        responses=ERRORS,
    )
    errors.install(app)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        errors.LOG.exception("unexpected error on %s", request.url.path)
        return error_response("internal_error")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    _mount_docs(app)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> str:
        return STATIC.joinpath("index.html").read_text(encoding="utf-8")

    @app.get("/api/health", response_model=Health, tags=["service"])
    def health() -> dict[str, Any]:
        n = routes_corpus.corpus(app).counts().get("documents") if db is not None else None
        return {"status": "ok", "version": __version__, "corpus": db is not None, "documents": n}

    @app.post("/api/analyze", response_model=DocumentOut, tags=["analysis"])
    def analyze(req: AnalyzeRequest) -> dict[str, Any]:
        """Analyse one article: entities, quotes, times, facts, brief, and their readable words."""
        from ..pipeline import MAX_CHARS
        from ..pipeline import analyze as run

        if len(req.text) > MAX_CHARS:
            raise ApiError("too_large", f"Текст длиннее {MAX_CHARS:,} знаков".replace(",", " "))
        if not req.text.strip():
            raise ApiError("validation_error", "Текст статьи пуст", details=[{"field": "text", "type": "empty"}])
        doc = run(
            req.text,
            title=req.title,
            published=req.published or None,
            url=req.url,
            quotes=req.quotes,
            times=req.times,
            facts=req.facts,
            brief=req.facts,
        )
        return document_out(doc)

    @app.get("/api/sample", response_model=Sample, tags=["analysis"])
    def sample() -> dict[str, Any]:
        """The bundled sample article (Kerry in Moscow), for the page's «Вставить пример»."""
        from .. import sample_text
        from ..readers import split_title

        title, body = split_title(sample_text())
        return {"title": title, "text": body, "published": SAMPLE_PUBLISHED}

    routes_corpus.install(app, db)
    return Guard(app, allow_hosts=allow_hosts, time_limit=time_limit, per_client=per_client, max_body=max_body)


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI from the swagger-ui-bundle wheel's own files, started by a script file
    (the CSP allows no inline script)."""
    import swagger_ui_bundle

    app.mount("/docs/assets", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> str:
        return STATIC.joinpath("docs.html").read_text(encoding="utf-8")


__all__ = ["create_app"]
