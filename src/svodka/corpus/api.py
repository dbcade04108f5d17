"""``svodka.Corpus``: the Python face of the store, mirroring the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, select, text

from ..document import Document
from ..settings import Settings
from . import tables as t
from .engine import make_engine
from .ingest import TIMEOUT, IngestStats, Progress, ingest
from .link import link_pending, relink
from .person import PersonView, find_persons, person_view
from .person_why import ClassWhy, person_why
from .search import Hit, check_search_args, search
from .store import build_rows, write_rows


class Corpus:
    """A store of analysed articles: ``Corpus("svodka.db")``, ``Corpus("postgresql://…")``."""

    def __init__(self, url: str | Path | None = None) -> None:
        self.engine = make_engine(url)

    def __repr__(self) -> str:
        return f"Corpus({self.engine.url.render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------
    def ingest(
        self,
        *paths: str | Path,
        workers: int | None = None,
        settings: Settings | None = None,
        progress: Progress | None = None,
        timeout: float = TIMEOUT,
        published: str | None = None,
        dask: str | None = None,
        link: bool = True,
    ) -> IngestStats:
        """Analyse and store files, folders or ``-`` (stdin); what is stored already is skipped.

        ``published`` (YYYY-MM-DD) dates every record that has no date of its own; ``dask``: a Dask
        scheduler address (tcp://host:8786) or «local» to analyse on a cluster; ``link=False`` leaves
        identities and groups to a later ingest or ``relink`` (a backfill)."""
        return ingest(
            self.engine, paths, workers=workers, settings=settings, progress=progress, timeout=timeout,
            published=published, dask=dask, link=link,
        )

    def add(self, docs: Iterable[Document], source: str = "api") -> int:
        """Store Documents analysed already; returns how many were new."""
        added = sum(write_rows(self.engine, build_rows(doc, source, doc.id)) for doc in docs)
        link_pending(self.engine)
        return added

    def relink(self, chunk: int = 500) -> int:
        """Recompute identities and duplicate groups from scratch (what incremental linking keeps); returns documents."""
        return relink(self.engine, chunk)

    # -- reading -------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        person: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        limit: int = 10,
        offset: int = 0,
    ) -> list[Hit]:
        check_search_args(query, person, since, until, limit)
        with self.engine.connect() as conn:
            ids = [r.id for r in find_persons(conn, person)] if person else None
            return search(conn, query, entity_ids=ids, since=since, until=until, limit=limit, offset=offset)

    def search_stats(
        self,
        query: str,
        *,
        person: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
    ) -> tuple[int, list[tuple[str | None, int]]]:
        """How many stories ``search`` can page through, and matching documents per month."""
        from .browse import match_stats

        with self.engine.connect() as conn:
            ids = [r.id for r in find_persons(conn, person)] if person else None
            return match_stats(conn, query, entity_ids=ids, since=since, until=until)

    def document(self, doc_id: int) -> tuple[Document, dict[str, Any]] | None:
        """A stored Document by its id, with {source, dup_group, reprints}; None when absent."""
        from .browse import document

        with self.engine.connect() as conn:
            return document(conn, doc_id)

    def person(self, name: str) -> PersonView | None:
        with self.engine.connect() as conn:
            return person_view(conn, name)

    def person_why(self, entity_id: str) -> list[ClassWhy]:
        """Why each of the person's mentions links to it: one reason per name class (`svodka person --why`)."""
        with self.engine.connect() as conn:
            return person_why(conn, entity_id)

    def person_candidates(self, name: str) -> list[dict[str, Any]]:
        """Every person the name fits, most documented first: {id, name, n_docs, first_seen, last_seen}."""
        with self.engine.connect() as conn:
            return [
                {k: getattr(r, k) for k in ("id", "name", "n_docs", "first_seen", "last_seen")}
                for r in find_persons(conn, name)
            ]

    def person_documents(self, entity_id: str) -> list[dict[str, Any]]:
        from .browse import person_documents

        with self.engine.connect() as conn:
            return person_documents(conn, entity_id)

    def group_sizes(self, groups: list[int]) -> dict[int, int]:
        from .browse import group_sizes

        with self.engine.connect() as conn:
            return group_sizes(conn, groups)

    def duplicates(self) -> list[list[dict[str, Any]]]:
        """Groups of reprints: each a list of {id, title, published, source}, the group's first document first."""
        d = t.documents
        groups: dict[int, list[dict[str, Any]]] = {}
        with self.engine.connect() as conn:
            q = select(d.c.id, d.c.dup_group, d.c.title, d.c.published, d.c.source).where(d.c.dup_group.isnot(None))
            for r in conn.execute(q.order_by(d.c.dup_group, d.c.id)):
                groups.setdefault(r.dup_group, []).append(
                    {"id": r.id, "title": r.title, "published": r.published, "source": r.source}
                )
        return [sorted(g, key=lambda x: x["id"] != gid) for gid, g in groups.items()]

    def errors(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [
                dict(r._mapping) for r in conn.execute(select(t.errors).order_by(t.errors.c.source, t.errors.c.line))
            ]

    def export(self, out: str | Path | IO[str], format: str = "jsonl") -> int:
        from .export import export

        return export(self.engine, out, format)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self.engine.connect() as conn:
            return {tb.name: conn.execute(select(func.count()).select_from(tb)).scalar_one() for tb in t.CONTENT_TABLES}

    def check(self) -> list[str]:
        """Documents whose layer rows do not match their counts (a partial write); empty when sound."""
        problems = []
        with self.engine.connect() as conn:
            for name, table in (
                ("entities", t.doc_entities),
                ("mentions", t.mentions),
                ("quotes", t.quotes),
                ("times", t.times),
                ("facts", t.facts),
            ):
                col = getattr(t.documents.c, f"n_{name}")
                sub = select(table.c.doc_id, func.count().label("n")).group_by(table.c.doc_id).subquery()
                q = (
                    select(t.documents.c.id, col, sub.c.n)
                    .outerjoin(sub, sub.c.doc_id == t.documents.c.id)
                    .where(col != func.coalesce(sub.c.n, 0))
                )
                problems += [f"document {r[0]}: {r[1]} {name} expected, {r[2] or 0} stored" for r in conn.execute(q)]
            if conn.dialect.name == "sqlite":
                fts = conn.execute(text("SELECT count(*) FROM documents_fts_docsize")).scalar_one()
                docs = conn.execute(select(func.count()).select_from(t.documents)).scalar_one()
                if fts != docs:
                    problems.append(f"full-text index holds {fts} rows for {docs} documents")
        return problems
