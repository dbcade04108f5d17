"""The person view: who a person is across the corpus, what they said and did, with whom."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection

from . import tables as t
from .names import person_name
from .text import WORD, fold


@dataclass(slots=True)
class RoleSpan:
    name: str
    post: str | None
    org_name: str | None
    first_seen: str | None
    last_seen: str | None
    n_docs: int


@dataclass(slots=True)
class QuoteItem:
    text: str
    kind: str
    date: str | None
    title: str | None
    source: str
    url: str | None
    doc_id: int
    reprints: int = 0  # the same words again in other documents (reprints, citations)


@dataclass(slots=True)
class FactItem:
    when: str | None
    type: str
    status: str
    text: str  # the evidence, or the arguments
    title: str | None
    source: str
    doc_id: int


@dataclass(slots=True)
class PersonView:
    id: str
    name: str
    variants: list[str]
    first_seen: str | None
    last_seen: str | None
    n_docs: int
    roles: list[RoleSpan] = field(default_factory=list)
    quotes: list[QuoteItem] = field(default_factory=list)
    people: list[tuple[str, int]] = field(default_factory=list)  # co-occurring persons, documents shared
    facts: list[FactItem] = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # namesakes the name also fits


def find_persons(conn: Connection, name: str) -> list[Any]:
    """Person entities the name fits, most documented first: full name, surname or a variant."""
    if not WORD.search(name or ""):
        return []
    want = person_name({"name": name})
    e = t.entities
    conds = [e.c.name_folded == fold(name.strip())]  # each condition has its index
    if want.last:
        conds.append(e.c.last_name == want.last)
    if want.first and not want.last:
        conds.append(e.c.first_name == want.first)
    rows = conn.execute(select(e).where(e.c.type == "PER", or_(*conds))).all()
    folded = fold(" ".join(WORD.findall(name)))
    out = []
    for r in rows:
        if want.first and r.first_name and want.first != r.first_name and fold(r.name) != folded:
            continue
        out.append(r)
    if not out:  # a variant spelled as the user typed it («Джоном Керри»)
        rows = conn.execute(select(e).where(e.c.type == "PER")).all() if len(folded) > 1 else []
        out = [r for r in rows if folded in {fold(" ".join(WORD.findall(v))) for v in r.variants or []}]
    return sorted(out, key=lambda r: (-r.n_docs, r.name, r.id))


def person_view(conn: Connection, name: str) -> PersonView | None:
    found = find_persons(conn, name)
    if not found:
        return None
    ent = found[0]
    view = PersonView(
        ent.id,
        ent.name,
        list(ent.variants or []),
        ent.first_seen,
        ent.last_seen,
        ent.n_docs,
        others=[f"{r.name} ({r.n_docs} docs)" for r in found[1:]],
    )
    er = t.entity_roles
    view.roles = [
        RoleSpan(r.name, r.post, r.org_name, r.first_seen, r.last_seen, r.n_docs)
        for r in conn.execute(select(er).where(er.c.entity_id == ent.id).order_by(er.c.first_seen, er.c.name))
    ]
    de, d = t.doc_entities, t.documents
    locals_ = conn.execute(select(de.c.doc_id, de.c.local_id).where(de.c.entity_id == ent.id)).all()
    mine = {(r.doc_id, r.local_id) for r in locals_}
    doc_ids = sorted({r.doc_id for r in locals_})
    docs = (
        {
            r.id: r
            for r in conn.execute(
                select(d.c.id, d.c.title, d.c.published, d.c.source, d.c.url, d.c.dup_group).where(d.c.id.in_(doc_ids))
            )
        }
        if doc_ids
        else {}
    )
    view.quotes = _quotes(conn, mine, docs)
    view.people = _people(conn, ent.id, doc_ids)
    view.facts = _facts(conn, mine, docs)
    return view


def _quotes(conn: Connection, mine: set, docs: dict) -> list[QuoteItem]:
    if not docs:
        return []
    q = t.quotes
    rows = conn.execute(select(q).where(q.c.doc_id.in_(list(docs))).order_by(q.c.doc_id, q.c.n)).all()
    rows = [r for r in rows if (r.doc_id, r.speaker) in mine]
    rows.sort(key=lambda r: (docs[r.doc_id].published or "9999", r.doc_id, r.n))
    out: dict[str, QuoteItem] = {}
    for r in rows:
        key = " ".join(WORD.findall(fold(r.text)))
        if key in out:
            out[key].reprints += 1
            continue
        doc = docs[r.doc_id]
        out[key] = QuoteItem(r.text, r.kind, doc.published, doc.title, doc.source, doc.url, r.doc_id)
    return list(out.values())


def _people(conn: Connection, entity_id: str, doc_ids: list[int]) -> list[tuple[str, int]]:
    if not doc_ids:
        return []
    de, e = t.doc_entities, t.entities
    rows = conn.execute(
        select(e.c.name, de.c.doc_id)
        .join(e, e.c.id == de.c.entity_id)
        .where(de.c.doc_id.in_(doc_ids), de.c.type == "PER", de.c.entity_id != entity_id)
    ).all()
    counts = Counter(name for name, _ in {(r.name, r.doc_id) for r in rows})
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:15]


def _facts(conn: Connection, mine: set, docs: dict) -> list[FactItem]:
    if not docs:
        return []
    f = t.facts
    out, seen = [], set()
    for r in conn.execute(select(f).where(f.c.doc_id.in_(list(docs))).order_by(f.c.doc_id, f.c.n)):
        args = (r.data or {}).get("args") or []
        if not any((r.doc_id, a.get("entity")) in mine for a in args):
            continue
        evidence = ((r.data or {}).get("evidence") or {}).get("text")
        text = evidence or "; ".join(f"{a.get('role')}: {a.get('text') or a.get('entity')}" for a in args)
        text = " ".join(text.split())  # evidence may span paragraphs
        key = (r.type, fold(text))
        if key in seen:  # the same fact told by a reprint
            continue
        seen.add(key)
        doc = docs[r.doc_id]
        out.append(FactItem(r.when or doc.published, r.type, r.status, text, doc.title, doc.source, r.doc_id))
    return sorted(out, key=lambda x: (x.when or "9999", x.doc_id))
