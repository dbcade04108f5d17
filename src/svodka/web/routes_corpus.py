"""The corpus routes: a stored document, search with paging, a person's hub, reprint groups.

Store ids are 60-bit integers: they travel as strings, in paths and in JSON.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from typing import Any

from fastapi import FastAPI, Path, Query

from .errors import ApiError
from .readable import document_out
from .schemas import DocumentOut, DupsOut, PersonOut, SearchOut

_LOCK = threading.Lock()
ISO_PREFIX = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


def corpus(app: FastAPI):
    """The app's store, opened on first use (ApiError no_corpus without --db)."""
    db = getattr(app.state, "db", None)
    if db is None:
        raise ApiError("no_corpus")
    with _LOCK:
        if getattr(app.state, "corpus", None) is None:
            from ..corpus import Corpus

            app.state.corpus = Corpus(db)
    return app.state.corpus


def _doc_id(value: str) -> int:
    if not value.isdigit() or len(value) > 19:
        raise ApiError("validation_error", "Номер статьи — это число", details=[{"field": "doc_id", "type": "int"}])
    return int(value)


def _date(value: str | None, field: str, word: str) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ApiError(
            "validation_error", f"Дата «{word}»: нужна дата ГГГГ-ММ-ДД", details=[{"field": field, "type": "date"}]
        ) from None


def _sid(value: int | None) -> str | None:
    return None if value is None else str(value)


def _doc_ref(d: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": str(d["id"]), "title": d.get("title"), "published": d.get("published"),
        "source": d.get("source") or "", "dup_group": _sid(d.get("dup_group")),
    }


def install(app: FastAPI, db: Any) -> None:
    app.state.db = db
    app.state.corpus = None

    @app.get("/api/documents/{doc_id}", response_model=DocumentOut, tags=["corpus"])
    def document(doc_id: str = Path(..., description="Store id (a string of digits)")) -> dict[str, Any]:
        """A stored article with its layers, readable words and reprints."""
        found = corpus(app).document(_doc_id(doc_id))
        if found is None:
            raise ApiError("not_found", "Такой статьи нет в архиве")
        return document_out(*found)

    @app.get("/api/search", response_model=SearchOut, tags=["corpus"])
    def search(
        q: str = Query(..., min_length=1, max_length=500, description="Words to find, any inflection"),
        person: str | None = Query(None, max_length=200),
        since: str | None = Query(None, description="YYYY-MM-DD"),
        until: str | None = Query(None, description="YYYY-MM-DD"),
        limit: int = Query(10, ge=1, le=100),
        offset: int = Query(0, ge=0, le=10_000),
    ) -> dict[str, Any]:
        """Ranked stories (reprints folded into one hit) with snippets, a total and a month histogram.
        Snippets come as text with mark offsets: nothing from an article is ever sent as HTML."""
        from ..corpus.text import parse_query

        c = corpus(app)
        if not q.strip() or parse_query(q) is None:
            raise ApiError("validation_error", "В запросе нет слов для поиска", details=[{"field": "q", "type": "empty"}])
        person = person or None
        since, until = _date(since, "since", "с"), _date(until, "until", "по")
        hits = c.search(q, person=person, since=since, until=until, limit=limit, offset=offset)
        total, months = c.search_stats(q, person=person, since=since, until=until)
        sizes = c.group_sizes([h.dup_group for h in hits if h.dup_group is not None])
        return {
            "query": q, "total": max(total, offset + len(hits)), "offset": offset, "limit": limit,
            "months": [{"month": m, "count": n} for m, n in months],
            "hits": [
                {
                    "id": str(h.id), "title": h.title, "published": h.published, "url": h.url, "source": h.source,
                    "score": h.score, "snippet": h.snippet, "marks": h.marks, "dup_group": _sid(h.dup_group),
                    "reprints": max(0, sizes.get(h.dup_group, 1) - 1) if h.dup_group is not None else 0,
                }
                for h in hits
            ],
        }

    @app.get("/api/person/{name}", response_model=PersonOut, tags=["corpus"])
    def person(name: str = Path(..., max_length=200)) -> dict[str, Any]:
        """A person's hub; a name that fits several people answers ``ambiguous`` with the candidates."""
        from ..corpus.text import fold

        c = corpus(app)
        found = c.person_candidates(name)
        if not found:
            raise ApiError("not_found", f"В архиве нет человека по имени «{name}»")
        exact = [p for p in found if fold(p["name"]) == fold(" ".join(name.split()))]
        if len(found) > 1 and not exact:
            return {"ambiguous": True, "candidates": found}
        view = c.person(exact[0]["name"] if exact else name)
        if view is None:
            raise ApiError("not_found", f"В архиве нет человека по имени «{name}»")
        return person_out(view, c.person_documents(view.id), [p for p in found if p["id"] != view.id])

    @app.get("/api/dups", response_model=DupsOut, tags=["corpus"])
    def dups(limit: int = Query(20, ge=1, le=200), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        """Groups of reprints (near-duplicate documents), largest first."""
        groups = sorted(corpus(app).duplicates(), key=lambda g: (-len(g), -int(bool(g[0]["published"]))))
        page = groups[offset : offset + limit]
        return {
            "total": len(groups), "offset": offset,
            "groups": [
                {"id": str(g[0]["id"]), "size": len(g), "documents": [_doc_ref({**d, "dup_group": g[0]["id"]}) for d in g]}
                for g in page
            ],
        }

    @app.get("/api/stats", response_model=dict[str, int], tags=["corpus"])
    def stats() -> dict[str, int]:
        """Rows per table of the store."""
        return corpus(app).counts()


def person_out(view, documents: list[dict[str, Any]], others: list[dict[str, Any]]) -> dict[str, Any]:
    from ..facts.describe import TITLES
    from .readable import value_words

    published = {d["id"]: d["published"] for d in documents}
    timeline = []
    for f in view.facts:
        date = f.when if f.when and ISO_PREFIX.match(f.when) else published.get(f.doc_id)
        timeline.append({
            "date": date, "when": value_words(f.when) if f.when else "дата не указана", "type": f.type,
            "title": TITLES.get(f.type, f.type), "status": f.status, "text": f.text,
            "doc_id": str(f.doc_id), "doc_title": f.title,
        })
    return {
        "ambiguous": False, "candidates": others, "id": view.id, "name": view.name, "variants": view.variants,
        "first_seen": view.first_seen, "last_seen": view.last_seen, "n_docs": view.n_docs,
        "roles": [
            {"name": r.name, "post": r.post, "org_name": r.org_name, "first_seen": r.first_seen,
             "last_seen": r.last_seen, "n_docs": r.n_docs}
            for r in view.roles
        ],
        "quotes": [
            {"text": q.text, "kind": q.kind, "date": q.date, "title": q.title, "source": q.source, "url": q.url,
             "doc_id": str(q.doc_id), "reprints": q.reprints}
            for q in view.quotes
        ],
        "people": [{"name": n, "count": k} for n, k in view.people],
        "timeline": timeline,
        "documents": [_doc_ref(d) for d in documents],
    }
