"""Cross-article identity and duplicate groups, linked incrementally as documents arrive.

A stored document is *pending* (``linked`` false) until a linker takes it: each
linking transaction first updates the one `link_state` row, so linkers (several
ingest processes, on PostgreSQL several machines) take turns, then links up to
CHUNK pending documents.  Linking a chunk touches only what its documents touch:

- each document entity falls in a name class (identity.py); the classes' mention
  counts are updated and the surname blocks of its persons decided again
  (``identity.decide``), by index look-ups on `name_classes`.  A class whose
  identity changes moves, with its mentions, to the new entity;
- places and organisations join by name keys, their own and their variants'
  (`link_keys`): a key that is already some entity's joins that entity;
- an entity's statistics (name, variants, dates, documents, roles) are merged
  with the new mentions'; an entity that gained or lost a class (a surname's
  decision changed, two places' names joined) is made again of its classes'
  statistics (`name_classes.stats`), its counts of documents moved by deltas read
  off the moved mentions' documents only: no entity's mentions are recounted, so
  an ingest costs the same in a store of any size;
- duplicate groups grow by LSH look-ups (dedup.py).

Identities and groups are functions of the set of stored documents, whatever
order they came in, so ``relink`` (drop everything derived, then link every
document again in chunks, in bounded memory) gives what incremental linking gave.
"""

from __future__ import annotations

import ast
import hashlib
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection, Engine

from . import tables as t
from .dedup import chunks, link_groups
from .identity import Key, NameClass, article_classes, decide, entity_id, variant_keys
from .stats import (
    Member,
    Stats,
    class_stats,
    doc_roles,
    entity_rows,
    entity_stats,
    load_members,
    merge_class_stats,
    stats_of,
    stored_stats,
)
from .unionfind import MinRootSets

CHUNK = 500  # documents linked in one transaction


# -- linking a chunk of documents ----------------------------------------------------------------


def _key_id(key: Key) -> str:
    return hashlib.sha1(repr(key).encode()).hexdigest()


class _Chunk:
    """The linking of one chunk of new documents, in the caller's transaction."""

    def __init__(self, conn: Connection, doc_ids: list[int]) -> None:
        self.conn = conn
        self.members = [m for part in chunks(doc_ids) for m in load_members(conn, t.doc_entities.c.doc_id.in_(part))]
        article_classes(self.members)  # the article's own evidence on who a bare name is
        self.entity_of: dict[str, str | None] = {}  # class id → entity, as stored before this chunk
        self.assign: dict[str, str] = {}  # class id → entity, decided now
        self.keys: dict[str, Key] = {}  # entity id → its key
        self.dirty: set[str] = set()  # entities that gained or lost classes: made again of their classes'
        self.counts: dict[str, tuple[int, Counter[str]]] = {}  # entity → its documents, per role too (stored + moved)

    def run(self) -> None:
        self._classes()
        self._persons()
        self._names()
        self._write_links()
        self._write_entities()

    def _classes(self) -> None:
        nc = t.name_classes
        classes = {m.cls.id: m.cls for m in self.members}
        by_class: dict[str, list[Member]] = defaultdict(list)
        for m in self.members:
            by_class[m.cls.id].append(m)
        stored, old_stats, stale = {}, {}, []
        for part in chunks(list(classes)):
            for r in self.conn.execute(select(nc.c.id, nc.c.entity_id, nc.c.stats, nc.c.block).where(nc.c.id.in_(part))):
                stored[r.id], old_stats[r.id] = r.entity_id, r.stats
                if r.block != classes[r.id].block:
                    stale.append({"cid": r.id, "b": classes[r.id].block})
        if stale:
            # a class stored under an older rule's block (a changed surname fold, say): it moves to the
            # block the rules give it now, so _persons decides it there instead of leaving it unassigned
            # (`svodka relink` redoes the whole store under the new rules)
            self.conn.execute(update(nc).where(nc.c.id == bindparam("cid")).values(block=bindparam("b")), stale)
        self.entity_of.update(stored)
        fresh = {cid: class_stats(ms) for cid, ms in by_class.items()}
        new = [{"id": cid, "block": c.block, "type": c.type, "data": c.to_data(), "n": len(by_class[cid]),
                "entity_id": None, "stats": fresh[cid]} for cid, c in sorted(classes.items()) if cid not in stored]
        if new:
            self.conn.execute(insert(nc), new)
        if stored:
            self.conn.execute(
                update(nc).where(nc.c.id == bindparam("cid")).values(n=nc.c.n + bindparam("k"), stats=bindparam("s")),
                [{"cid": cid, "k": len(by_class[cid]), "s": merge_class_stats(old_stats[cid], fresh[cid])}
                 for cid in sorted(stored)],
            )
        self.classes = classes

    def _persons(self) -> None:
        """Decide again every surname block the chunk touches; fixed keys need no decision."""
        nc = t.name_classes
        blocks = sorted({c.block for c in self.classes.values() if c.type == "PER" and c.key is None})
        for part in chunks(blocks):
            by_block: dict[str, list[tuple[NameClass, int]]] = defaultdict(list)
            for r in self.conn.execute(select(nc).where(nc.c.block.in_(part))):
                by_block[r.block].append((NameClass.from_row(r.type, r.block, r.data), r.n))
                self.entity_of.setdefault(r.id, r.entity_id)
            for block in sorted(by_block):
                for cid, key in decide(by_block[block]).items():
                    self._move(cid, key)
        for cid, c in sorted(self.classes.items()):
            if c.type == "PER" and c.key is not None:
                self._move(cid, c.key)

    def _move(self, cid: str, key: Key) -> None:
        eid = entity_id(key)
        self.keys[eid] = key
        self.assign[cid] = eid
        old = self.entity_of.get(cid)
        if old is not None and old != eid:  # the class's mentions go to another entity
            self.dirty |= {old, eid}
            de = t.doc_entities
            self._count_move(de.c.class_id == cid, old, eid)
            self.conn.execute(update(de).where(de.c.class_id == cid).values(entity_id=eid))

    def _names(self) -> None:
        """Places and organisations: connected name keys are one entity, named by the smallest key."""
        conn, lk, e = self.conn, t.link_keys, t.entities
        others = [m for m in self.members if m.type != "PER"]
        if not others:
            return
        member_keys = [[m.cls.key, *variant_keys(m.type, m.data)] for m in others]
        kids = sorted({_key_id(k) for ks in member_keys for k in ks})
        stored: dict[str, str] = {}
        for part in chunks(kids):
            stored.update(dict(conn.execute(select(lk.c.id, lk.c.entity_id).where(lk.c.id.in_(part))).all()))
        roots: dict[str, str] = {}  # entity → repr of its key
        for part in chunks(sorted(set(stored.values()))):
            roots.update(dict(conn.execute(select(e.c.id, e.c.link_key).where(e.c.id.in_(part))).all()))
        sets = MinRootSets()
        union, find = sets.union, sets.find

        reprs: dict[str, str] = {}
        for ks in member_keys:
            for k in ks:
                kid = _key_id(k)
                reprs[kid] = repr(k)
                union(("k", ks[0] and _key_id(ks[0])), ("k", kid))
                if kid in stored:
                    union(("k", kid), ("e", stored[kid]))
        comps: dict[Any, list[Any]] = defaultdict(list)
        for node in sets.nodes():
            comps[find(node)].append(node)
        comp_entity: dict[Any, str] = {}
        for root, nodes in comps.items():
            olds = sorted(n[1] for n in nodes if n[0] == "e")
            key_repr = min([reprs[n[1]] for n in nodes if n[0] == "k"] + [roots[o] for o in olds if o in roots])
            key = ast.literal_eval(key_repr)
            eid = entity_id(key)
            self.keys[eid] = key
            comp_entity[root] = eid
            for old in olds:
                if old != eid:
                    self._merge_entity(old, eid)
            fresh = [{"id": n[1], "entity_id": eid} for n in sorted(nodes) if n[0] == "k" and n[1] not in stored]
            if fresh:
                conn.execute(insert(lk), fresh)
        for m, ks in zip(others, member_keys, strict=True):
            self.assign[m.cls.id] = comp_entity[find(("k", _key_id(ks[0])))]

    def _merge_entity(self, old: str, new: str) -> None:
        conn, lk, nc, de = self.conn, t.link_keys, t.name_classes, t.doc_entities
        self.dirty |= {old, new}
        self._count_move(de.c.entity_id == old, old, new, whole=True)
        conn.execute(update(lk).where(lk.c.entity_id == old).values(entity_id=new))
        conn.execute(update(nc).where(nc.c.entity_id == old).values(entity_id=new))
        conn.execute(update(de).where(de.c.entity_id == old).values(entity_id=new))
        for cid, eid in self.entity_of.items():
            if eid == old:
                self.entity_of[cid] = new

    # -- counts of documents, kept by deltas: a move reads the moved mentions' documents only ----

    def _count(self, eid: str) -> tuple[int, Counter[str]]:
        if eid not in self.counts:
            n = self.conn.execute(select(t.entities.c.n_docs).where(t.entities.c.id == eid)).scalar()
            er = t.entity_roles
            roles = Counter(dict(self.conn.execute(select(er.c.name, er.c.n_docs).where(er.c.entity_id == eid)).all()))
            self.counts[eid] = (n or 0, roles)
        return self.counts[eid]

    def _docs_of(self, where: Any) -> dict[int, set[str]]:
        """Stored document entities matching ``where``: document → the role names they carry there."""
        de = t.doc_entities
        out: dict[int, set[str]] = defaultdict(set)
        for r in self.conn.execute(select(de.c.doc_id, de.c.data).where(where)):
            out[r.doc_id] |= doc_roles(r.data or {})
        return out

    def _present(self, docs: list[int], eid: str, exclude: Any = None) -> dict[int, set[str]]:
        """In the given documents, those where ``eid`` has a stored mention (besides ``exclude``), with its roles."""
        de = t.doc_entities
        out: dict[int, set[str]] = {}
        for part in chunks(docs):
            q = select(de.c.doc_id, de.c.data).where(de.c.doc_id.in_(part), de.c.entity_id == eid)
            if exclude is not None:
                q = q.where(~exclude)
            for r in self.conn.execute(q):
                out.setdefault(r.doc_id, set()).update(doc_roles(r.data or {}))
        return out

    def _count_move(self, where: Any, src: str, dst: str, whole: bool = False) -> None:
        """Counts of documents after the stored mentions ``where`` go from ``src`` to ``dst`` (before the
        update): a document (a role's document) is gained unless ``dst`` had it, lost unless ``src`` keeps it.
        A whole entity's move reads the smaller of the two entities' mentions."""
        (n_src, r_src), (n_dst, r_dst) = self._count(src), self._count(dst)
        if whole:
            de = t.doc_entities
            small, big = (src, dst) if n_src <= n_dst else (dst, src)
            # document ids alone (the entity_id index covers them); roles only where both are named
            mine = sorted(set(self.conn.execute(select(de.c.doc_id).where(de.c.entity_id == small)).scalars()))
            both = sorted(self._present(mine, big))
            a, b = self._present(both, small), self._present(both, big)
            shared = Counter(r for d in both for r in a[d] & b[d])
            self.counts[dst] = (n_src + n_dst - len(both), r_src + r_dst - shared)
            self.counts[src] = (0, Counter())
            return
        moved = self._docs_of(where)
        docs = sorted(moved)
        kept, had = self._present(docs, src, exclude=where), self._present(docs, dst)
        lose = Counter(r for d, rs in moved.items() for r in rs - kept.get(d, set()))
        gain = Counter(r for d, rs in moved.items() for r in rs - had.get(d, set()))
        self.counts[src] = (n_src - len(moved.keys() - kept.keys()), _sub(r_src, lose))
        self.counts[dst] = (n_dst + len(moved.keys() - had.keys()), r_dst + gain)

    def _write_links(self) -> None:
        nc, de = t.name_classes, t.doc_entities
        changed = [{"cid": c, "e": e} for c, e in sorted(self.assign.items()) if self.entity_of.get(c) != e]
        if changed:
            self.conn.execute(update(nc).where(nc.c.id == bindparam("cid")).values(entity_id=bindparam("e")), changed)
        rows = [{"d": m.doc_id, "l": m.local_id, "c": m.cls.id, "e": self.assign[m.cls.id]} for m in self.members]
        if rows:
            self.conn.execute(
                update(de)
                .where(de.c.doc_id == bindparam("d"), de.c.local_id == bindparam("l"))
                .values(class_id=bindparam("c"), entity_id=bindparam("e")),
                rows,
            )

    def _write_entities(self) -> None:
        conn, e, er = self.conn, t.entities, t.entity_roles
        fresh: dict[str, list[Member]] = defaultdict(list)
        for m in self.members:
            fresh[self.assign[m.cls.id]].append(m)
        touched = sorted(set(fresh) | self.dirty)
        stats: dict[str, Stats] = {}
        nc = t.name_classes
        for part in chunks(sorted(self.dirty)):  # made again of their classes' statistics and their counts
            classes: dict[str, list[tuple[NameClass, dict[str, Any]]]] = defaultdict(list)
            for r in conn.execute(select(nc).where(nc.c.entity_id.in_(part)).order_by(nc.c.id)):
                classes[r.entity_id].append((NameClass.from_row(r.type, r.block, r.data), r.stats))
            for eid, cs in classes.items():
                n, role_docs = self._count(eid)
                if eid in fresh:  # and its new documents
                    new = stats_of(fresh[eid], self._key(eid))
                    n, role_docs = n + new.n_docs, role_docs + Counter({k: v["n_docs"] for k, v in new.roles.items()})
                stats[eid] = entity_stats(cs, self._key(eid), n, role_docs)
        grow = sorted(set(fresh) - self.dirty)
        for part in chunks(grow):
            rows = {r.id: r for r in conn.execute(select(e).where(e.c.id.in_(part)))}
            roles: dict[str, list[Any]] = defaultdict(list)
            for r in conn.execute(select(er).where(er.c.entity_id.in_(part))):
                roles[r.entity_id].append(r)
            for eid in part:
                new = stats_of(fresh[eid], self._key(eid))
                stats[eid] = stored_stats(rows[eid], roles[eid]).merge(new) if eid in rows else new
        for part in chunks(touched):
            conn.execute(delete(er).where(er.c.entity_id.in_(part)))
            conn.execute(delete(e).where(e.c.id.in_(part)))
        new_rows, role_rows = [], []
        for eid in touched:
            if eid in stats:  # an entity whose every class moved away is gone
                row, roles_ = entity_rows(eid, self._key(eid), stats[eid])
                new_rows.append(row)
                role_rows += roles_
        if new_rows:
            conn.execute(insert(e), new_rows)
        if role_rows:
            conn.execute(insert(er), role_rows)

    def _key(self, eid: str) -> Key:
        if eid not in self.keys:
            stored = self.conn.execute(select(t.entities.c.link_key).where(t.entities.c.id == eid)).scalar_one()
            self.keys[eid] = ast.literal_eval(stored)
        return self.keys[eid]


def _sub(a: Counter[str], b: Counter[str]) -> Counter[str]:
    out = Counter(a)
    out.subtract(b)
    return +out  # a role no mention carries any more is gone


def link_chunk(conn: Connection, doc_ids: list[int]) -> None:
    """Link the given stored documents (identities, then duplicate groups) in the caller's transaction."""
    _Chunk(conn, doc_ids).run()
    link_groups(conn, doc_ids)
    d = t.documents
    for part in chunks(doc_ids):
        conn.execute(update(d).where(d.c.id.in_(part)).values(linked=True))


def link_pending(engine: Engine, chunk: int = CHUNK) -> int:
    """Link every pending document, CHUNK per transaction, taking turns with other linkers; returns how many."""
    done = 0
    while True:
        with engine.begin() as conn:
            # the first statement writes: on SQLite it takes the write lock (or waits for it), on
            # PostgreSQL it locks the one row, so two linkers never link at once
            conn.execute(update(t.link_state).where(t.link_state.c.id == 1).values(runs=t.link_state.c.runs + 1))
            d = t.documents
            ids = list(conn.execute(select(d.c.id).where(d.c.linked.is_(False)).order_by(d.c.id).limit(chunk)).scalars())
            if not ids:
                return done
            link_chunk(conn, ids)
        done += len(ids)


def relink(engine: Engine, chunk: int = CHUNK) -> int:
    """Recompute identities and duplicate groups from scratch (after a change of rules), in bounded memory."""
    with engine.begin() as conn:
        conn.execute(update(t.link_state).where(t.link_state.c.id == 1).values(runs=t.link_state.c.runs + 1))
        for table in (t.entity_roles, t.entities, t.name_classes, t.link_keys):
            conn.execute(delete(table))
        conn.execute(update(t.doc_entities).values(entity_id=None, class_id=None))
        conn.execute(update(t.documents).values(dup_group=None, linked=False))
    return link_pending(engine, chunk)
