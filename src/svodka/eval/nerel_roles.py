"""Role misses on NEREL: the gold WORKS_AS units svodka did not find, each with why, for reading on TRAIN
(dev is held out: read its scores, never these lists).

A miss is classed by what svodka had at the gold person: no PER entity there (``no-person``), an entity
with no role (``no-role``) or with roles of other heads (``other-role``); a wrong role is a role of a
judged person whose head is none of that person's professions (``wrong``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .brat import BratDoc
from .nerel_score import works_as
from .nerel_view import SysView, head


@dataclass(slots=True)
class RoleMiss:
    doc: str
    kind: str  # no-person | no-role | other-role | wrong
    person: str  # the gold person's text (for ``wrong``: svodka's entity name)
    profession: str  # the gold profession's text (for ``wrong``: svodka's role)
    head: str | None  # the profession's head lemma (for ``wrong``: the role's)
    had: list[str]  # the roles svodka's entity carried
    context: str  # the text around the person and the profession
    distance: int  # characters between the person and the profession (negative: profession first)


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    s, e = max(0, start - width), min(len(text), end + width)
    return " ".join(text[s:e].split())


def role_misses(gold: BratDoc, view: SysView) -> list[RoleMiss]:
    """The unfound (person, profession head) units of ``gold`` (once each) and the wrong roles."""
    out: list[RoleMiss] = []
    found: dict[tuple[str, str], bool] = {}
    rows: dict[tuple[str, str], RoleMiss] = {}
    heads_of: dict[str, set[str]] = {}
    for per, prof, _ in works_as(gold):
        h = head(prof.text)
        if h is None:
            continue
        link = gold.links.get(per.id)
        key = (link[0] if link else f"{per.start}:{per.end}", h)
        eids = view.entities_at(per.start, per.end, "PER")
        for eid in eids:
            heads_of.setdefault(eid, set()).add(h)
        roles = [r for eid in eids for r in view.entities[eid].roles]
        hit = any(head(r.post) == h or head(r.name) == h for r in roles)
        found[key] = found.get(key, False) or hit
        if hit or key in rows:
            continue
        kind = "no-person" if not eids else ("no-role" if not roles else "other-role")
        lo, hi = min(per.start, prof.start), max(per.end, prof.end)
        dist = prof.start - per.end if prof.start >= per.end else -(per.start - prof.end)
        rows[key] = RoleMiss(gold.name, kind, per.text, prof.text, h, [r.name for r in roles],
                             _context(gold.text, lo, hi) if hi - lo < 300 else
                             _context(gold.text, per.start, per.end) + " … " + _context(gold.text, prof.start, prof.end),
                             dist)
    out += [row for key, row in rows.items() if not found[key]]
    judged = {eid for e in gold.entities.values() if e.type == "PERSON" for eid in view.entities_at(e.start, e.end, "PER")}
    for eid in sorted(judged):
        ent = view.entities[eid]
        for r in ent.roles:
            h = head(r.post)
            if h in heads_of.get(eid, ()) or head(r.name) in heads_of.get(eid, ()):
                continue
            out.append(RoleMiss(gold.name, "wrong", ent.name, r.name, h, [x.name for x in ent.roles], "", 0))
    return out


def summary(misses: list[RoleMiss]) -> str:
    """Counts by kind, then the most frequent missed heads; markdown-ish plain text."""
    kinds = Counter(m.kind for m in misses)
    heads = Counter(m.head for m in misses if m.kind != "wrong")
    wrong = Counter(m.head for m in misses if m.kind == "wrong")
    lines = ["kinds: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common())]
    lines.append("missed heads: " + ", ".join(f"{h} {n}" for h, n in heads.most_common(40)))
    lines.append("wrong heads: " + ", ".join(f"{h} {n}" for h, n in wrong.most_common(30)))
    return "\n".join(lines)


def listing(misses: list[RoleMiss]) -> str:
    """One miss a line, grouped by kind: doc, person, profession [head], distance, svodka's roles, context."""
    lines = []
    for kind in ("no-person", "no-role", "other-role", "wrong"):
        rows = [m for m in misses if m.kind == kind]
        lines.append(f"## {kind} ({len(rows)})")
        for m in rows:
            had = "; ".join(m.had) or "-"
            lines.append(f"{m.doc}\t{m.person}\t{m.profession} [{m.head}]\t{m.distance}\thad: {had}\t{m.context}")
    return "\n".join(lines) + "\n"
