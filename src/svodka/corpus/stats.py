"""Mentions as linking reads them, and an entity's statistics over its mentions.

Every statistic is a union, a minimum, a maximum or a count of documents (and
documents are linked once), so merging the statistics of new mentions into the
stored ones gives what counting all mentions gives, in any order: this is what
lets link.py update entities in place.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from . import tables as t
from .identity import Key, NameClass, member_class
from .names import PersonName
from .text import fold


@dataclass(slots=True)
class Member:
    doc_id: int
    local_id: str
    type: str
    name: str
    published: str | None
    data: dict[str, Any]
    entity_id: str | None
    cls: NameClass = field(default=None)  # type: ignore[assignment]


def load_members(conn: Connection, where: Any, every_class: bool = True) -> list[Member]:
    de, d = t.doc_entities, t.documents
    q = (
        select(de.c.doc_id, de.c.local_id, de.c.type, de.c.name, d.c.published, de.c.data, de.c.entity_id)
        .join(d, d.c.id == de.c.doc_id)
        .where(where)
        .order_by(de.c.doc_id, de.c.local_id)
    )
    out = [Member(r.doc_id, r.local_id, r.type, r.name, r.published, r.data or {}, r.entity_id) for r in conn.execute(q)]
    for m in out:  # a recount needs the classes of persons only (their display names)
        if every_class or m.type == "PER":
            m.cls = member_class(m.type, m.name, m.data)
    return out


# -- an entity's statistics: merged by union, so any order of documents gives the same ------------


@dataclass(slots=True)
class Stats:
    names: Counter[str] = field(default_factory=Counter)  # display name → mentions
    all_names: set[str] = field(default_factory=set)
    first_seen: str | None = None
    last_seen: str | None = None
    n_docs: int = 0
    first: str | None = None
    middle: str | None = None
    roles: dict[str, dict[str, Any]] = field(default_factory=dict)

    def merge(self, other: Stats) -> Stats:
        roles = {k: dict(v) for k, v in self.roles.items()}
        for name, r in other.roles.items():
            mine = roles.get(name)
            roles[name] = dict(r) if mine is None else _merge_role(mine, r)
        return Stats(
            self.names + other.names,
            self.all_names | other.all_names,
            _min(self.first_seen, other.first_seen),
            _max(self.last_seen, other.last_seen),
            self.n_docs + other.n_docs,  # documents are linked once: the two sets never overlap
            _min(self.first, other.first),
            _min(self.middle, other.middle),
            roles,
        )


def _min(a: str | None, b: str | None) -> str | None:
    return min(filter(None, (a, b)), default=None)


def _max(a: str | None, b: str | None) -> str | None:
    return max(filter(None, (a, b)), default=None)


def _post_key(r: dict[str, Any]) -> tuple[str, str]:
    return (r.get("post") or "", r.get("org_name") or "")


def _merge_role(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    best = min(a, b, key=_post_key)
    return {
        "post": best["post"],
        "org_name": best["org_name"],
        "first_seen": _min(a["first_seen"], b["first_seen"]),
        "last_seen": _max(a["last_seen"], b["last_seen"]),
        "n_docs": a["n_docs"] + b["n_docs"],
    }


def _display(m: Member, key: Key) -> str:
    c = m.cls
    if m.type != "PER" or (m.data.get("parts") or {}):
        return m.name
    first = key[2] if c.full and len(key) == 3 else c.first  # the canonical spelling of the first name
    return PersonName(first, c.middle, _last(c, key)).display() or m.name


def _last(c: NameClass, key: Key) -> str | None:
    """The surname a class is shown with: none in a lone first name's identity (a kin guess not taken)."""
    return None if len(key) == 3 and key[1] is None else c.last


def stats_of(members: list[Member], key: Key) -> Stats:
    s = Stats()
    docs: set[int] = set()
    role_docs: dict[str, set[int]] = defaultdict(set)
    for m in members:
        docs.add(m.doc_id)
        s.names[_display(m, key)] += 1
        s.all_names |= {m.name, *(m.data.get("variants") or [])}
        s.first_seen, s.last_seen = _min(s.first_seen, m.published), _max(s.last_seen, m.published)
        if m.type == "PER" and (m.cls.full or not m.cls.last):
            s.first = _min(s.first, m.cls.first)
            s.middle = _min(s.middle, m.cls.middle)
        for r in m.data.get("roles") or []:
            if not r or not r.get("name"):
                continue
            role_docs[r["name"]].add(m.doc_id)
            row = {"post": r.get("post"), "org_name": r.get("org_name"), "first_seen": m.published,
                   "last_seen": m.published, "n_docs": 0}
            s.roles[r["name"]] = row if r["name"] not in s.roles else _merge_role(s.roles[r["name"]], row)
    for name, ds in role_docs.items():
        s.roles[name]["n_docs"] = len(ds)
    s.n_docs = len(docs)
    return s


def stored_stats(row: Any, roles: list[Any]) -> Stats:
    return Stats(
        Counter(row.names or {}),
        set(row.variants or []) | {row.name},
        row.first_seen,
        row.last_seen,
        row.n_docs,
        row.first_name if row.last_name is None else None,
        row.middle_name,
        {r.name: {"post": r.post, "org_name": r.org_name, "first_seen": r.first_seen, "last_seen": r.last_seen,
                  "n_docs": r.n_docs} for r in roles},
    )


def entity_rows(eid: str, key: Key, s: Stats) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    if key[0] == "PER":
        last = key[1]
        first = key[2] if len(key) == 3 and last else (s.first if not last else None)
        middle = s.middle if first else None
    else:
        first = middle = last = None
    names = s.names
    name = max(names, key=lambda n: (fold(n.split()[0]) == first if n else False, names[n], len(n), n))
    row = {
        "id": eid,
        "type": key[0],
        "name": name,
        "first_name": first,
        "middle_name": middle,
        "last_name": last,
        "variants": sorted(s.all_names - {name}),
        "first_seen": s.first_seen,
        "last_seen": s.last_seen,
        "n_docs": s.n_docs,
        "link_key": repr(key),
        "names": dict(sorted(names.items())),
        "name_folded": fold(name),
    }
    roles = [{"entity_id": eid, "name": n, **r} for n, r in sorted(s.roles.items())]
    return row, roles


# -- a name class's statistics: what an entity's are made of when classes move between entities --
#
# A person's class can leave its entity (a surname's decision changes) and a place's entities can
# merge; minima, maxima and unions cannot be taken back, so each class keeps its own (stored in
# `name_classes.stats`) and an entity that gained or lost a class merges its classes' instead of
# reading their mentions.  Counts of documents are the entity's own, kept by deltas (link.py),
# as two classes of one entity can name it in the same document.


def class_stats(members: list[Member]) -> dict[str, Any]:
    """The statistics of some mentions of one class, as stored (JSON, canonical order)."""
    names: Counter[str] = Counter()
    keyed: Counter[str] = Counter()  # persons without name parts: displayed by their entity's key
    all_names: set[str] = set()
    first_seen = last_seen = None
    roles: dict[str, dict[str, Any]] = {}
    for m in members:
        if m.type != "PER" or (m.data.get("parts") or {}):
            names[m.name] += 1
        else:
            keyed[m.name] += 1
        all_names |= {m.name, *(m.data.get("variants") or [])}
        first_seen, last_seen = _min(first_seen, m.published), _max(last_seen, m.published)
        for r in m.data.get("roles") or []:
            if r and r.get("name"):
                row = {"post": r.get("post"), "org_name": r.get("org_name"), "first_seen": m.published,
                       "last_seen": m.published, "n_docs": 0}
                roles[r["name"]] = row if r["name"] not in roles else _merge_role(roles[r["name"]], row)
    return _canonical(names, keyed, all_names, first_seen, last_seen, roles)


def _canonical(names, keyed, all_names, first_seen, last_seen, roles) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return {"names": dict(sorted(names.items())), "keyed": dict(sorted(keyed.items())), "all": sorted(all_names),
            "first_seen": first_seen, "last_seen": last_seen,
            "roles": {k: {f: v[f] for f in ("post", "org_name", "first_seen", "last_seen")} for k, v in sorted(roles.items())}}


def merge_class_stats(a: dict[str, Any] | None, b: dict[str, Any]) -> dict[str, Any]:
    if not a:
        return b
    roles = {k: {**v, "n_docs": 0} for k, v in a["roles"].items()}
    for k, v in b["roles"].items():
        roles[k] = {**v, "n_docs": 0} if k not in roles else _merge_role(roles[k], {**v, "n_docs": 0})
    return _canonical(Counter(a["names"]) + Counter(b["names"]), Counter(a["keyed"]) + Counter(b["keyed"]),
                      set(a["all"]) | set(b["all"]), _min(a["first_seen"], b["first_seen"]),
                      _max(a["last_seen"], b["last_seen"]), roles)


def entity_stats(classes: list[tuple[NameClass, dict[str, Any]]], key: Key, n_docs: int,
                 role_docs: dict[str, int]) -> Stats:
    """An entity's statistics from its classes' (and its own counts of documents): what stats_of gives
    over all its mentions."""
    s = Stats()
    for c, cs in classes:
        s.names.update(cs["names"])
        if cs["keyed"]:
            first = key[2] if c.full and len(key) == 3 else c.first
            shown = PersonName(first, c.middle, _last(c, key)).display()
            if shown:
                s.names[shown] += sum(cs["keyed"].values())
            else:
                s.names.update(cs["keyed"])
        s.all_names |= set(cs["all"])
        s.first_seen, s.last_seen = _min(s.first_seen, cs["first_seen"]), _max(s.last_seen, cs["last_seen"])
        if c.type == "PER" and (c.full or not c.last):
            s.first, s.middle = _min(s.first, c.first), _min(s.middle, c.middle)
        for name, r in cs["roles"].items():
            row = {**r, "n_docs": 0}
            s.roles[name] = row if name not in s.roles else _merge_role(s.roles[name], row)
    for name in s.roles:
        s.roles[name]["n_docs"] = role_docs.get(name, 0)
    s.n_docs = n_docs
    return s


def doc_roles(data: dict[str, Any]) -> set[str]:
    """The role names one document entity carries (a role's documents are counted per entity)."""
    return {r["name"] for r in data.get("roles") or [] if r and r.get("name")}
