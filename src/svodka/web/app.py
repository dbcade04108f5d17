"""A small HTTP API over the library and the corpus, and one page that uses it.

Routes mirror the CLI: POST /api/analyze (svodka analyze), GET /api/search (svodka search),
GET /api/person/{name} (svodka person), GET /api/stats.  Errors are JSON {"error": …}
with a 4xx status, never a traceback.
"""

from __future__ import annotations

import dataclasses
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from ..errors import SvodkaError


class AnalyzeRequest(BaseModel):
    text: str = Field(..., description="The article body (its first paragraph may be the title).")
    title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD")
    url: str | None = None
    quotes: bool = True
    times: bool = True
    facts: bool = True


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def create_app(db: str | Path | None = None) -> FastAPI:
    """The app; ``db`` is the corpus URL or path (the corpus routes answer 503 without one)."""
    app = FastAPI(title="svodka", version="1", description="Russian news in, structured knowledge out.")
    state: dict[str, Any] = {"db": db, "corpus": None}

    def corpus():
        if state["db"] is None:
            raise HTTPException(503, "no corpus: start the server with --db")
        if state["corpus"] is None:
            from ..corpus import Corpus

            state["corpus"] = Corpus(state["db"])
        return state["corpus"]

    @app.exception_handler(SvodkaError)
    async def _svodka_error(request: Request, exc: SvodkaError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=422)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        return files("svodka.web").joinpath("page.html").read_text(encoding="utf-8")

    @app.post("/api/analyze")
    def analyze(req: AnalyzeRequest) -> dict[str, Any]:
        from ..pipeline import MAX_CHARS
        from ..pipeline import analyze as run

        if len(req.text) > MAX_CHARS:
            raise HTTPException(413, f"text of {len(req.text)} characters is too large (limit {MAX_CHARS})")
        doc = run(
            req.text,
            title=req.title,
            published=req.published,
            url=req.url,
            quotes=req.quotes,
            times=req.times,
            facts=req.facts,
            brief=req.facts,
        )
        return doc.to_dict()

    @app.get("/api/search")
    def search(
        q: str = Query(..., min_length=1, max_length=500),
        person: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = Query(10, ge=1, le=100),
    ) -> dict[str, Any]:
        hits = corpus().search(q, person=person, since=since, until=until, limit=limit)
        # Snippets go out as text with mark offsets: the page builds the highlighting itself,
        # so nothing from a stored article is ever inserted as HTML.
        return {"query": q, "hits": [_plain(h) for h in hits]}

    @app.get("/api/person/{name}")
    def person(name: str) -> dict[str, Any]:
        view = corpus().person(name)
        if view is None:
            raise HTTPException(404, f"no person {name!r} in the corpus")
        return _plain(view)

    @app.get("/api/stats")
    def stats() -> dict[str, Any]:
        return corpus().counts()

    return app
