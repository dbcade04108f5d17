"""Full-text search: ranked documents with highlighted snippets, filtered by person and dates.

SQLite ranks with FTS5's bm25 over our lemmas; PostgreSQL with ts_rank_cd over
the `russian` configuration plus our lemmas.  The query reaches the database
only as bound parameters built from its words (see text.Query).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import bindparam, select, text
from sqlalchemy.engine import Connection

from ..errors import InputError
from . import tables as t
from .text import Query, highlight, parse_query, snippet

# Ranking every match of a word found in half a million documents takes seconds, so a query
# is ranked within its first CANDIDATES matches.  Document ids are hashes, so those are a
# uniform sample of all matches; a query with fewer matches (most queries) is ranked fully.
CANDIDATES = 2000
# Filters at size.  SQLite: the full-text index holds date tokens and a token per person named
# (migration 0003), so a date range of up to MAX_TOKEN_YEARS and a person filter are part of the
# FTS5 query, which intersects posting lists (a person's token is shared by namesakes: the exact
# filter then picks the person's own documents among those few).  PostgreSQL: a filter that
# leaves at most DRIVE documents is applied first through its own index, and the text match is
# checked on those only.  A looser filter is applied while the matches are ranked (most matches
# pass it, so the first CANDIDATES come quickly).
DRIVE = 5000
MAX_TOKEN_YEARS = 5


@dataclass(slots=True)
class Hit:
    id: int
    title: str | None
    published: str | None
    url: str | None
    source: str
    score: float
    snippet: str = ""
    marks: list[tuple[int, int]] = field(default_factory=list)  # matched words, offsets in snippet
    dup_group: int | None = None

    def highlighted(self, open_: str = "[", close: str = "]") -> str:
        return highlight(self.snippet, self.marks, open_, close)


def iso_date(value: str | dt.date | None, what: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise InputError(f"{what}: expected a date YYYY-MM-DD, got {value!r}") from None


def check_search_args(query: object, person: object, since: object, until: object, limit: object) -> None:
    """Arguments of the wrong type are the caller's error, said plainly (not a TypeError deep inside)."""
    if not isinstance(query, str):
        raise InputError(f"query: expected str, got {type(query).__name__}")
    if person is not None and not isinstance(person, str):
        raise InputError(f"person: expected a name (str), got {type(person).__name__}")
    for what, value in (("since", since), ("until", until)):
        if value is not None and not isinstance(value, str | dt.date):
            raise InputError(f"{what}: expected a date YYYY-MM-DD, got {type(value).__name__}")
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise InputError(f"limit: expected a whole number, got {type(limit).__name__} {limit!r}")


def _filters(since: str | None, until: str | None, entity_ids: list[str] | None) -> tuple[str, dict]:
    sql, params = "", {}
    if since:
        sql += " AND d.published >= :since"
        params["since"] = since
    if until:
        sql += " AND d.published <= :until"
        params["until"] = until
    if entity_ids is not None:
        # correlated: each candidate checked by the (doc_id, …) key; an IN (SELECT …) would first list
        # every document of the persons (hundreds of thousands for a common surname at 1M documents)
        sql += " AND EXISTS (SELECT 1 FROM doc_entities de WHERE de.doc_id = d.id AND de.entity_id IN :eids)"
        params["eids"] = entity_ids
    return sql, params


def date_tokens(since: str | None, until: str | None) -> list[str] | None:
    """The full-text date tokens (migration 0003) that cover [since, until]: whole years, whole
    months, then days; None when the range is open or longer than MAX_TOKEN_YEARS (most documents
    pass it: filtered while ranking instead)."""
    if not since or not until:
        return None
    lo, hi = dt.date.fromisoformat(since), dt.date.fromisoformat(until)
    if hi < lo:
        return []
    if hi.year - lo.year > MAX_TOKEN_YEARS:
        return None
    out, day = [], lo
    while day <= hi:
        year_end, month_end = dt.date(day.year, 12, 31), _month_end(day)
        if day == dt.date(day.year, 1, 1) and year_end <= hi:
            out.append(f"xxy{day.year}")
            day = year_end + dt.timedelta(days=1)
        elif day.day == 1 and month_end <= hi:
            out.append(f"xxm{day.year}{day.month:02d}")
            day = month_end + dt.timedelta(days=1)
        else:
            out.append(f"xxd{day.year}{day.month:02d}{day.day:02d}")
            day += dt.timedelta(days=1)
    return out


def _month_end(day: dt.date) -> dt.date:
    first_next = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def _person_tokens(conn: Connection, entity_ids: list[str]) -> list[str]:
    from .names import PersonName, person_tag

    e = t.entities
    rows = conn.execute(select(e.c.first_name, e.c.last_name).where(e.c.id.in_(entity_ids[:200]))).all()
    return sorted({tag for r in rows if (tag := person_tag(PersonName(r.first_name, None, r.last_name)))})


def _allowed(conn: Connection, since: str | None, until: str | None, entity_ids: list[str] | None) -> list[int] | None:
    """The documents the filters allow, read from their indexes, when there are at most DRIVE of them."""
    d, de = t.documents, t.doc_entities
    if entity_ids is not None:
        q = select(de.c.doc_id).where(de.c.entity_id.in_(entity_ids)).distinct()
        if since or until:
            q = q.join(d, d.c.id == de.c.doc_id)
    elif since or until:
        q = select(d.c.id)
    else:
        return None
    if since:
        q = q.where(d.c.published >= since)
    if until:
        q = q.where(d.c.published <= until)
    ids = list(conn.execute(q.limit(DRIVE + 1)).scalars())
    return ids if len(ids) <= DRIVE else None


def _ranked(
    conn: Connection, q: Query, where: str, params: dict, k: int, allowed: list[int] | None = None,
    extra: list[list[str]] | None = None,
) -> list:
    """The k best rows among the first CANDIDATES matches (all of them, for most queries)."""
    cols = "d.id, d.title, d.published, d.url, d.source, d.dup_group"
    fts = q.fts5() + "".join(" AND (" + " OR ".join(group) + ")" for group in extra or [])
    if allowed is not None:  # PostgreSQL, few documents pass the filters: match those alone
        sql = (
            f"SELECT {cols}, -ts_rank_cd(d.tsv, x.q) AS score FROM documents d, "
            "(SELECT to_tsquery('simple', :lq) || plainto_tsquery('russian', :raw) AS q) x "
            "WHERE d.id = ANY(:ids) AND d.tsv @@ x.q ORDER BY score, d.id LIMIT :k"
        )
        params = {"lq": q.tsquery(), "raw": " ".join(q.words), "ids": allowed}
        return list(conn.execute(text(sql), {**params, "k": k}))
    if conn.dialect.name == "sqlite" and not where:  # rank in the index alone, then read k documents
        sql = (
            f"SELECT {cols}, m.score FROM (SELECT rowid, score FROM (SELECT rowid, bm25(documents_fts) AS score "
            "FROM documents_fts WHERE documents_fts MATCH :q LIMIT :cap) ORDER BY score, rowid LIMIT :k) m "
            "JOIN documents d ON d.id = m.rowid ORDER BY m.score, d.id"
        )
        params = {**params, "q": fts}
    elif conn.dialect.name == "sqlite":
        sql = (
            f"SELECT * FROM (SELECT {cols}, bm25(documents_fts) AS score FROM documents_fts "
            f"JOIN documents d ON d.id = documents_fts.rowid WHERE documents_fts MATCH :q{where} LIMIT :cap) m "
            "ORDER BY score, id LIMIT :k"
        )
        params = {**params, "q": fts}
    else:
        sql = (
            f"SELECT * FROM (SELECT {cols}, -ts_rank_cd(d.tsv, x.q) AS score FROM documents d, "
            "(SELECT to_tsquery('simple', :lq) || plainto_tsquery('russian', :raw) AS q) x "
            f"WHERE d.tsv @@ x.q{where} LIMIT :cap) m ORDER BY score, id LIMIT :k"
        )
        params = {**params, "lq": q.tsquery(), "raw": " ".join(q.words)}
    stmt = text(sql)
    if "eids" in params:
        stmt = stmt.bindparams(bindparam("eids", expanding=True))
    return list(conn.execute(stmt, {**params, "cap": CANDIDATES, "k": k}))


def search(
    conn: Connection,
    query: str,
    *,
    entity_ids: list[str] | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    limit: int = 10,
    collapse: bool = True,
    offset: int = 0,
) -> list[Hit]:
    """The best ``limit`` documents for the query after the first ``offset``; reprints collapse
    into their best-ranked member."""
    check_search_args(query, None, since, until, limit)
    q = parse_query(query)
    if q is None:
        raise InputError(f"query {query!r} has no words to search for")
    if limit < 1:
        raise InputError(f"limit: expected a positive number, got {limit}")
    if offset < 0:
        raise InputError(f"offset: expected zero or a positive number, got {offset}")
    if entity_ids == []:
        return []
    since, until = iso_date(since, "since"), iso_date(until, "until")
    allowed, extra = None, []
    if conn.dialect.name == "sqlite":  # the filters go into the full-text query as tokens (migration 0003)
        days = date_tokens(since, until)
        if days == []:
            return []
        if days:
            extra.append(days)
            since = until = None
        if entity_ids is not None:
            people = _person_tokens(conn, entity_ids)
            if not people:
                return []
            extra.append(people)  # namesakes share a token: the exact filter below picks the person's own
    else:
        allowed = _allowed(conn, since, until, entity_ids)
        if allowed == []:
            return []
    where, params = _filters(since, until, entity_ids)
    rows = _ranked(conn, q, where, params, (offset + limit) * 3 if collapse else offset + limit, allowed, extra)
    hits, groups, skipped = [], set(), 0
    for r in rows:
        if collapse and r.dup_group is not None:
            if r.dup_group in groups:
                continue
            groups.add(r.dup_group)
        if skipped < offset:
            skipped += 1
            continue
        hits.append(Hit(r.id, r.title, r.published, r.url, r.source, float(r.score), dup_group=r.dup_group))
        if len(hits) == limit:
            break
    if hits:
        texts = dict(
            conn.execute(
                select(t.documents.c.id, t.documents.c.text).where(t.documents.c.id.in_([h.id for h in hits]))
            ).all()
        )
        for h in hits:
            h.snippet, h.marks = snippet(texts[h.id], q)
    return hits
