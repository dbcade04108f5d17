"""Cross-article identity and duplicate groups, recomputed from the stored documents.

Both are a pure function of the set of documents (never of the order they
arrived in), so an interrupted and resumed ingest ends with the very rows an
uninterrupted one writes.  They run at the end of every ingest, in one
transaction.

Persons: a full name (first + last) is an identity; a bare surname («Керри»)
joins the one full-name person with that surname whose posts agree.  Namesakes
stay apart: two bare «Иванов» with different posts are two entities, and a
surname matching several full names joins none of them.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection, Engine

from . import tables as t
from .names import PersonName, name_key, person_name, posts
from .text import NUM_PERM, fold, minhash_from_bytes

DUP_THRESHOLD = 0.5  # estimated Jaccard of word shingles above which two texts are one story


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb), key=repr)
            self.parent[hi] = lo


@dataclass(slots=True)
class _Member:
    doc_id: int
    local_id: str
    type: str
    name: str
    published: str | None
    data: dict[str, Any]
    current: str | None
    person: PersonName | None = None
    posts: frozenset[str] = field(default_factory=frozenset)


def _members(conn: Connection) -> list[_Member]:
    de, d = t.doc_entities, t.documents
    q = (
        select(de.c.doc_id, de.c.local_id, de.c.type, de.c.name, d.c.published, de.c.data, de.c.entity_id)
        .join(d, d.c.id == de.c.doc_id)
        .order_by(de.c.doc_id, de.c.local_id)
    )
    out = []
    for row in conn.execute(q):
        m = _Member(row.doc_id, row.local_id, row.type, row.name, row.published, row.data or {}, row.entity_id)
        if m.type == "PER":
            m.person = person_name({**m.data, "name": m.name})
            m.posts = posts(m.data)
        out.append(m)
    return out


def _person_key(m: _Member, full_posts: dict[str, dict[tuple, set[str]]], bare_posts: dict[str, set[str]]) -> tuple:
    p = m.person
    assert p is not None
    if p.full:
        return ("PER", p.last, p.first)
    if p.last:
        candidates = full_posts.get(p.last, {})
        agree = [k for k, ps in candidates.items() if m.posts & ps]
        if len(agree) == 1:  # the same post: the same person
            return agree[0]
        # Without a shared post, a bare surname joins the only full name it could be, unless bare
        # namesakes with different posts exist: they cannot all be him, so none joins.
        if not agree and len(candidates) == 1 and (not m.posts or len(bare_posts.get(p.last, ())) <= 1):
            return next(iter(candidates))
        return ("PER", p.last, None, min(m.posts) if m.posts else "")
    return ("PER", None, p.first or m.name.lower())


def _edits(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up above ``limit`` (ten lines: no dependency for it)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _spelling_variant(a: str, b: str) -> bool:
    """Two transliterations of one first name («Сейдзи»/«Сэйдзи», «Беньямин»/«Биньямин»)."""
    shorter = min(len(a), len(b))
    if a[0] != b[0] or shorter < 5:  # short names differ by one letter too often (Юлия, Юрий)
        return False
    return _edits(a, b, 2) <= (2 if shorter >= 8 else 1)


def _merge_spellings(members: list[_Member]) -> None:
    """Bring spelling variants of a first name under one surname to its most frequent spelling."""
    firsts: dict[str, Counter[str]] = defaultdict(Counter)
    for m in members:
        if m.person and m.person.full:
            firsts[m.person.last][m.person.first] += 1
    canon: dict[tuple[str, str], str] = {}
    for last, counts in firsts.items():
        chosen: list[str] = []
        for first in sorted(counts, key=lambda f: (-counts[f], f)):
            canon[(last, first)] = next((c for c in chosen if _spelling_variant(first, c)), first)
            if canon[(last, first)] == first:
                chosen.append(first)
    for m in members:
        if m.person and m.person.full and canon[(m.person.last, m.person.first)] != m.person.first:
            m.person = replace(m.person, first=canon[(m.person.last, m.person.first)])


def _keys(members: list[_Member]) -> list[tuple]:
    _merge_spellings(members)
    full_posts: dict[str, dict[tuple, set[str]]] = defaultdict(lambda: defaultdict(set))
    bare_posts: dict[str, set[str]] = defaultdict(set)
    for m in members:
        if m.person and m.person.full:
            full_posts[m.person.last][("PER", m.person.last, m.person.first)] |= m.posts
        elif m.person and m.person.last and m.posts:
            bare_posts[m.person.last].add(min(m.posts))
    keys = [_person_key(m, full_posts, bare_posts) if m.type == "PER" else (m.type, name_key(m.name)) for m in members]
    # A bare surname without a post joins the surname's only post-bearing group.
    by_last: dict[str, set[tuple]] = defaultdict(set)
    for k in keys:
        if k[0] == "PER" and len(k) == 4 and k[3]:
            by_last[k[1]].add(k)
    return [next(iter(by_last[k[1]])) if len(k) == 4 and not k[3] and len(by_last[k[1]]) == 1 else k for k in keys]


def _entity_id(key: tuple) -> str:
    return f"{key[0].lower()}-" + hashlib.sha1(repr(key).encode()).hexdigest()[:12]


def _entities(members: list[_Member], keys: list[tuple]) -> tuple[list[dict], list[dict], dict[tuple, str]]:
    uf = UnionFind()
    for m, k in zip(members, keys, strict=True):
        uf.find(k)
        for variant in m.data.get("variants") or []:
            if m.type != "PER":
                uf.union(k, (m.type, name_key(variant)))
    groups: dict[Any, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        groups[uf.find(k)].append(i)
    entity_rows, role_rows, assign = [], [], {}
    for root, idx in sorted(groups.items(), key=lambda kv: repr(kv[0])):
        eid = _entity_id(root)
        group = [members[i] for i in idx]
        names = Counter(_display(m) for m in group)
        parts = next((m.person for m in group if m.person and m.person.full), group[0].person)
        first = parts.first if parts else None
        # the most frequent name, spelt with the canonical first name if one is
        name = max(names, key=lambda n: (fold(n.split()[0]) == first if n else False, names[n], len(n), n))
        variants = sorted(({m.name for m in group} | {v for m in group for v in m.data.get("variants") or []}) - {name})
        dates = sorted(m.published for m in group if m.published)
        entity_rows.append(
            {
                "id": eid,
                "type": group[0].type,
                "name": name,
                "variants": variants,
                "first_name": parts.first if parts else None,
                "middle_name": parts.middle if parts else None,
                "last_name": parts.last if parts else None,
                "first_seen": dates[0] if dates else None,
                "last_seen": dates[-1] if dates else None,
                "n_docs": len({m.doc_id for m in group}),
            }
        )
        role_rows += _roles(eid, group)
        for m in group:
            assign[(m.doc_id, m.local_id)] = eid
    return entity_rows, role_rows, assign


def _display(m: _Member) -> str:
    if m.person and not (m.data.get("parts") or {}):
        return m.person.display() or m.name
    return m.name


def _roles(eid: str, group: list[_Member]) -> list[dict]:
    seen: dict[str, dict] = {}
    docs: dict[str, set[int]] = defaultdict(set)
    for m in group:
        for r in m.data.get("roles") or []:
            if not r or not r.get("name"):
                continue
            row = seen.setdefault(
                r["name"],
                {
                    "entity_id": eid,
                    "name": r["name"],
                    "post": r.get("post"),
                    "org_name": r.get("org_name"),
                    "first_seen": None,
                    "last_seen": None,
                },
            )
            docs[r["name"]].add(m.doc_id)
            if m.published:
                row["first_seen"] = min(filter(None, (row["first_seen"], m.published)))
                row["last_seen"] = max(filter(None, (row["last_seen"], m.published)))
    return [{**row, "n_docs": len(docs[name])} for name, row in sorted(seen.items())]


def dup_groups(conn: Connection) -> dict[int, int]:
    """Document id → its duplicate group (the smallest id in it), for documents in a group."""
    from datasketch import MinHashLSH

    sigs = {
        row.id: minhash_from_bytes(row.minhash)
        for row in conn.execute(
            select(t.documents.c.id, t.documents.c.minhash).where(t.documents.c.minhash.isnot(None))
        )
    }
    lsh = MinHashLSH(threshold=DUP_THRESHOLD, num_perm=NUM_PERM)
    for doc_id, mh in sigs.items():
        lsh.insert(doc_id, mh)
    uf = UnionFind()
    for doc_id, mh in sigs.items():
        for other in lsh.query(mh):
            if other != doc_id and mh.jaccard(sigs[other]) >= DUP_THRESHOLD:
                uf.union(doc_id, other)
    members: dict[int, list[int]] = defaultdict(list)
    for doc_id in uf.parent:
        members[uf.find(doc_id)].append(doc_id)
    return {d: min(g) for g in members.values() if len(g) > 1 for d in g}


def relink(engine: Engine) -> None:
    """Recompute corpus entities, their roles, entity links and duplicate groups, in one transaction."""
    with engine.begin() as conn:
        members = _members(conn)
        entity_rows, role_rows, assign = _entities(members, _keys(members))
        conn.execute(delete(t.entity_roles))
        conn.execute(delete(t.entities))
        if entity_rows:
            conn.execute(insert(t.entities), entity_rows)
        if role_rows:
            conn.execute(insert(t.entity_roles), role_rows)
        changed = [
            {"d": m.doc_id, "l": m.local_id, "e": assign[(m.doc_id, m.local_id)]}
            for m in members
            if m.current != assign[(m.doc_id, m.local_id)]
        ]
        if changed:
            de = t.doc_entities
            conn.execute(
                update(de)
                .where(de.c.doc_id == bindparam("d"), de.c.local_id == bindparam("l"))
                .values(entity_id=bindparam("e")),
                changed,
            )
        groups = dup_groups(conn)
        doc = t.documents
        current = {
            r.id: r.dup_group
            for r in conn.execute(select(doc.c.id, doc.c.dup_group).where(doc.c.dup_group.isnot(None)))
        }
        moves = [
            {"d": d, "g": groups.get(d)} for d in sorted(set(current) | set(groups)) if current.get(d) != groups.get(d)
        ]
        if moves:
            conn.execute(update(doc).where(doc.c.id == bindparam("d")).values(dup_group=bindparam("g")), moves)
