"""Why a person's mentions are theirs: `svodka person NAME --why`.

Every mention links by its *name class* (identity.py), and every class of a
surname block is decided together by ``identity.explain``.  This module reads
back the classes that went to one person, decides their blocks again (the same
pure function linking ran, so the reasons are the ones that linked them) and
lists, per class, the evidence: a full name, an initial, the article's own full
name, a shared post, the surname's most named bearer, a spelling variant.  It
reads the person's classes and their blocks by indexed keys only
(`name_classes.entity_id`, `name_classes.block`, `doc_entities.class_id`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.engine import Connection

from . import tables as t
from .identity import KIN, NameClass, explain

SHOWN_DOCS = 5  # documents listed per class


@dataclass(slots=True)
class ClassWhy:
    """One name class of the person: how its mentions are written, how many, where, and why they link here."""

    name: str  # the class as its mentions name the person: «Джон Керри», «Керри», «Дж. Керри»
    posts: list[str]
    mentions: int
    docs: list[int]  # the first SHOWN_DOCS documents of the class
    n_docs: int
    why: str
    names: list[str] = field(default_factory=list)  # the mentions' display names, most frequent first


def _label(c: NameClass) -> str:
    first = (c.first or "").title()
    if len(first) == 1:
        first += "."
    middle = (c.middle[0].upper() + ".") if c.middle else ""
    parts = [p for p in (first, middle, (c.last or "").title()) if p]
    return " ".join(parts) or "—"


def person_why(conn: Connection, entity_id: str) -> list[ClassWhy]:
    """The reasons every mention of the entity is its: one line per name class, the most mentioned first."""
    nc, de = t.name_classes, t.doc_entities
    mine = conn.execute(select(nc).where(nc.c.entity_id == entity_id)).all()
    if not mine:
        return []
    blocks = sorted({r.block for r in mine})
    by_block: dict[str, list[tuple[NameClass, int]]] = defaultdict(list)
    for r in conn.execute(select(nc).where(nc.c.block.in_(blocks))):
        by_block[r.block].append((NameClass.from_row(r.type, r.block, r.data), r.n))
    reasons: dict[str, str] = {}
    for block in blocks:
        for cid, (_, why) in explain(by_block[block]).items():
            reasons[cid] = why
    out = []
    for r in mine:
        c = NameClass.from_row(r.type, r.block, r.data)
        docs = sorted(set(conn.execute(select(de.c.doc_id).where(de.c.class_id == r.id)).scalars()))
        stats = r.stats or {}
        written = {**(stats.get("keyed") or {}), **(stats.get("names") or {})}
        names = sorted(written.items(), key=lambda kv: (-kv[1], kv[0]))
        why = reasons.get(r.id, "its name is its key")
        if c.article and c.article not in (("name",), KIN):
            why += f" [the article's full names of the surname: {', '.join(c.article)}]"
        out.append(ClassWhy(_label(c), list(c.posts), r.n, docs[:SHOWN_DOCS], len(docs), why, [n for n, _ in names[:4]]))
    return sorted(out, key=lambda w: (-w.mentions, w.name, w.why))
