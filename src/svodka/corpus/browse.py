"""Reading the store for a browsing client: one document by id, its reprints, a person's
documents, and how many documents a search matches (with their spread over months).

Small read-only helpers beside search.py and person.py, which they reuse.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.engine import Connection

from ..document import Document
from ..errors import ConfigError, InputError
from . import tables as t
from .engine import normalise_url
from .search import _filters, iso_date
from .text import parse_query


def document(conn: Connection, doc_id: int) -> tuple[Document, dict[str, Any]] | None:
    """The stored Document (its id the store's, as a string) and its row's facts:
    source, dup_group and the other members of its reprint group."""
    d = t.documents
    row = conn.execute(
        select(d.c.id, d.c.text, d.c.layers, d.c.source, d.c.dup_group).where(d.c.id == doc_id)
    ).first()
    if row is None:
        return None
    doc = Document.from_dict({**(row.layers or {}), "text": row.text})
    doc.id = str(row.id)
    reprints = []
    if row.dup_group is not None:
        q = select(d.c.id, d.c.title, d.c.published, d.c.source).where(
            d.c.dup_group == row.dup_group, d.c.id != row.id
        )
        reprints = [dict(r._mapping) for r in conn.execute(q.order_by(d.c.published, d.c.id))]
    return doc, {"source": row.source, "dup_group": row.dup_group, "reprints": reprints}


def group_sizes(conn: Connection, groups: list[int]) -> dict[int, int]:
    """Documents in each of these reprint groups."""
    if not groups:
        return {}
    d = t.documents
    q = select(d.c.dup_group, func.count()).where(d.c.dup_group.in_(groups)).group_by(d.c.dup_group)
    return {g: n for g, n in conn.execute(q)}


def person_documents(conn: Connection, entity_id: str) -> list[dict[str, Any]]:
    """Documents that mention the corpus entity, newest first."""
    de, d = t.doc_entities, t.documents
    q = (
        select(d.c.id, d.c.title, d.c.published, d.c.source, d.c.dup_group)
        .join(de, de.c.doc_id == d.c.id)
        .where(de.c.entity_id == entity_id)
        .distinct()
    )
    rows = [dict(r._mapping) for r in conn.execute(q)]
    return sorted(rows, key=lambda r: (r["published"] or "", r["id"]), reverse=True)


def match_stats(
    conn: Connection,
    query: str,
    *,
    entity_ids: list[str] | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
) -> tuple[int, list[tuple[str | None, int]]]:
    """How many stories the query matches (a reprint group counts once, as search shows it),
    and matching documents per month of publication («YYYY-MM», None for undated)."""
    q = parse_query(query) if isinstance(query, str) else None
    if q is None:
        raise InputError(f"query {query!r} has no words to search for")
    if entity_ids == []:
        return 0, []
    where, params = _filters(iso_date(since, "since"), iso_date(until, "until"), entity_ids)
    if conn.dialect.name == "sqlite":
        base = (
            "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
            f"WHERE documents_fts MATCH :q{where}"
        )
        params = {**params, "q": q.fts5()}
    else:
        base = (
            "FROM documents d, (SELECT to_tsquery('simple', :lq) || plainto_tsquery('russian', :raw) AS q) x "
            f"WHERE d.tsv @@ x.q{where}"
        )
        params = {**params, "lq": q.tsquery(), "raw": " ".join(q.words)}

    def run(sql: str) -> list:
        stmt = text(sql)
        if "eids" in params:
            stmt = stmt.bindparams(bindparam("eids", expanding=True))
        return list(conn.execute(stmt, params))

    total = run(f"SELECT count(DISTINCT coalesce(d.dup_group, d.id)) {base}")[0][0]
    months = run(f"SELECT substr(d.published, 1, 7) AS m, count(*) {base} GROUP BY m ORDER BY m")
    return int(total), [(m, int(n)) for m, n in months]


def require_store(url: str | Path | None) -> None:
    """Raise ConfigError when ``url`` names an SQLite file that does not exist: reading a
    mistyped path must not create a new, empty store (``svodka ingest`` creates one)."""
    full = normalise_url(url)
    if not full.startswith("sqlite"):
        return
    path = full.split(":///", 1)[1] if ":///" in full else ""
    if path in ("", ":memory:") or path.startswith("file:"):
        return
    if not Path(path).is_file():
        raise ConfigError(f"db: no store at {path!r} (svodka ingest creates one)")
