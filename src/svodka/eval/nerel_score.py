"""Score one document's svodka output (a ``SysView``) against its NEREL gold (a ``BratDoc``).

The matching rules are written out in docs/quality.md (NEREL section).  Every
score is a ``Metrics`` keyed "group/tag": mentions/PER, mentions_exact/LOC,
times/overlap, roles/post, facts/Occupation …
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from .brat import BratDoc, BratEntity
from .metrics import Metrics
from .nerel_view import SysView, fold, head, lemmas

TYPES = {"PERSON": "PER", "ORGANIZATION": "ORG", "COUNTRY": "LOC", "CITY": "LOC",
         "STATE_OR_PROVINCE": "LOC", "DISTRICT": "LOC", "LOCATION": "LOC"}
TIME_TYPES = frozenset({"DATE", "TIME"})
# NEREL marks ages as AGE, a type of its own («39-летний», «в возрасте 60 лет»); svodka's schema reads an age
# as a duration (TimeML's practice, tests/data/times/README.md), so a time that meets only an AGE is aside.
AGE_TYPES = frozenset({"AGE"})
WORKPLACE_TYPES = frozenset(TYPES) - {"PERSON"}
FACT_TYPES = ("Occupation", "Ownership", "Participation")  # svodka's Meeting facts count as Participation


@dataclass(slots=True)
class LinkedMention:
    """A gold PERSON mention with a Wikidata id, and what svodka made of it."""

    doc: str
    qid: str
    gold_name: str
    entity: str | None  # svodka's document-local entity id, None when svodka missed the mention
    sys_name: str | None
    # The gold mention lies inside another NEREL name («премии имени Чехова», «Нобелевской премии»): svodka's
    # schema has no nested mentions, so the identity scores are also given without these (identity_outer/…)
    nested: bool = False


@dataclass(slots=True)
class TimeError:
    """One time-extent error: a gold span svodka missed, a svodka span NEREL has not, or a boundary mismatch."""

    kind: str  # missed | extra | boundary
    doc: str
    gold: str | None
    system: str | None
    context: str


@dataclass(slots=True)
class DocScore:
    metrics: dict[str, Metrics] = field(default_factory=dict)
    linked: list[LinkedMention] = field(default_factory=list)
    time_errors: list[TimeError] = field(default_factory=list)

    def m(self, key: str) -> Metrics:
        return self.metrics.setdefault(key, Metrics())


def score_doc(gold: BratDoc, view: SysView) -> DocScore:
    out = DocScore()
    _spans(out, "mentions", _outer(gold, TYPES), [(t, s, e) for t, s, e, _ in view.mentions], _inner(gold, TYPES),
           _unscored(gold))
    undot = functools.partial(_undot, gold.text)
    times_gold, times_inner = undot(_outer(gold, TIME_TYPES, "TIME")), undot(_inner(gold, TIME_TYPES, "TIME"))
    named = _in_names(gold, times_gold)
    times_gold, times_inner = times_gold - named, times_inner | named
    times_sys = list(undot({("TIME", s, e) for s, e in view.times}))
    ages = {("TIME", s, e) for _, s, e in _mapped(gold, AGE_TYPES)}
    _spans(out, "times", times_gold, times_sys, times_inner | ages, set())
    out.time_errors = _time_errors(gold, times_gold, times_sys, times_inner | ages)
    _roles(out, gold, view)
    _facts(out, gold, view)
    out.linked = _linked(gold, view)
    return out


# -- mentions and times ------------------------------------------------------
def _mapped(gold: BratDoc, types, fixed: str | None = None) -> list[tuple[str, int, int]]:
    if isinstance(types, dict):
        return [(types[e.type], e.start, e.end) for e in gold.entities.values() if e.type in types]
    return [(fixed or e.type, e.start, e.end) for e in gold.entities.values() if e.type in types]


def _outer_flags(spans: list[tuple[str, int, int]]) -> list[bool]:
    """True for a span no other mapped span strictly contains."""
    return [not any(o[1] <= s and e <= o[2] and (o[1], o[2]) != (s, e) for o in spans) for _, s, e in spans]


def _outer(gold: BratDoc, types, fixed: str | None = None) -> set[tuple[str, int, int]]:
    spans = _mapped(gold, types, fixed)
    return {sp for sp, outer in zip(spans, _outer_flags(spans)) if outer}


def _inner(gold: BratDoc, types, fixed: str | None = None) -> set[tuple[str, int, int]]:
    spans = _mapped(gold, types, fixed)
    return {sp for sp, outer in zip(spans, _outer_flags(spans)) if not outer}


def _unscored(gold: BratDoc) -> set[tuple[int, int]]:
    """Extents of gold entities of types svodka does not score (FACILITY, EVENT, NATIONALITY …)."""
    return {(e.start, e.end) for e in gold.entities.values() if e.type not in TYPES and e.type not in TIME_TYPES}


def _spans(out: DocScore, group: str, gold: set, system: list, inner: set, unscored: set) -> None:
    """Exact and overlap P/R per type.  A system span that matches no outermost gold span of its type but
    overlaps an inner one of that type, or equals a span of an unscored type, counts neither way."""
    system = sorted(set(system))
    for tag, _, _ in gold | set(system):
        out.m(f"{group}_exact/{tag}")
        out.m(f"{group}/{tag}")

    def overlaps(a, b) -> bool:
        return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]

    for g in gold:
        out.m(f"{group}_exact/{g[0]}").n_std += 1
        out.m(f"{group}/{g[0]}").n_std += 1
        out.m(f"{group}_exact/{g[0]}").tp_std += g in system
        out.m(f"{group}/{g[0]}").tp_std += any(overlaps(g, s) for s in system)
    for s in system:
        exact, over = s in gold, any(overlaps(s, g) for g in gold)
        if not over and (any(overlaps(s, i) for i in inner) or (s[1], s[2]) in unscored):
            continue  # only an inner span (or an unscored entity) is there
        m_over = out.m(f"{group}/{s[0]}")
        m_over.n_test += 1
        m_over.tp_test += over
        if not exact and s in inner:
            continue  # for exact matching, an inner span found exactly is not wrong either
        m_exact = out.m(f"{group}_exact/{s[0]}")
        m_exact.n_test += 1
        m_exact.tp_test += exact


def _in_names(gold: BratDoc, spans: set[tuple[str, int, int]]) -> set[tuple[str, int, int]]:
    """Time spans glued by a hyphen into the name of a longer entity («Олимпиаде-2016», «ЧМ-2018» EVENT,
    «Мисс Россия-2017» AWARD): svodka's schema reads them as part of the name (tests/data/times/README.md,
    «Years inside names»), NEREL nests a DATE there.  Such a span counts neither way, as an inner one does:
    on NEREL train 29 such DATEs, none met by a svodka time.  A range's second year («1992-1995 годов») is no name."""
    text = gold.text
    return {sp for sp in spans if sp[1] > 1 and text[sp[1] - 1] == "-" and text[sp[1] - 2].isalpha() and any(
        e.type not in TIME_TYPES and e.start < sp[1] and sp[2] <= e.end for e in gold.entities.values())}


def _undot(text: str, spans: Iterable[tuple[str, int, int]]) -> set[tuple[str, int, int]]:
    """Time extents without the full stop of a closing abbreviation: NEREL's tokens leave it out («в 1947 г»,
    140 of 148 such spans in train), svodka's schema keeps it («в 1947 г.»); neither is an extent error."""
    return {(t, s, e - 1) if e - s > 2 and text[e - 1] == "." and text[e - 2].isalpha() else (t, s, e)
            for t, s, e in spans}


def _time_errors(gold: BratDoc, spans: set, system: list, aside: set) -> list[TimeError]:
    """The listing behind the time scores (``svodka eval nerel --times-errors``)."""
    text = gold.text

    def ctx(s: int, e: int) -> str:
        return " ".join(f"{text[max(0, s - 50):s]}[{text[s:e]}]{text[e:e + 50]}".split())

    def meets(a, b) -> bool:
        return a[1] < b[2] and b[1] < a[2]

    found = set(system)
    out = []
    for g in sorted(spans, key=lambda sp: sp[1]):
        over = sorted(s for s in found if meets(g, s))
        if not over:
            out.append(TimeError("missed", gold.name, text[g[1]:g[2]], None, ctx(g[1], g[2])))
        elif g not in found:
            out.append(TimeError("boundary", gold.name, text[g[1]:g[2]], " / ".join(text[s:e] for _, s, e in over),
                                 ctx(min(g[1], over[0][1]), max(g[2], over[-1][2]))))
    for s in sorted(found, key=lambda sp: sp[1]):
        if not any(meets(s, g) for g in spans) and not any(meets(s, a) for a in aside):
            out.append(TimeError("extra", gold.name, None, text[s[1]:s[2]], ctx(s[1], s[2])))
    return out


# -- roles -------------------------------------------------------------------
def _person_key(gold: BratDoc, ent: BratEntity) -> str:
    link = gold.links.get(ent.id)
    return link[0] if link else f"{ent.start}:{ent.end}"


def _workplaces(gold: BratDoc) -> dict[str, list[BratEntity]]:
    out: dict[str, list[BratEntity]] = {}
    for r in gold.relations:
        org = gold.entities.get(r.arg2)
        if r.type == "WORKPLACE" and org is not None and org.type in WORKPLACE_TYPES:
            out.setdefault(r.arg1, []).append(org)
    return out


def works_as(gold: BratDoc) -> list[tuple[BratEntity, BratEntity, list[BratEntity]]]:
    """(person, profession, its workplaces) for each WORKS_AS; workplaces from the person or the profession."""
    places = _workplaces(gold)
    out = []
    for r in gold.relations:
        per, prof = gold.entities.get(r.arg1), gold.entities.get(r.arg2)
        if r.type == "WORKS_AS" and per is not None and prof is not None and per.type == "PERSON":
            out.append((per, prof, places.get(prof.id, []) + places.get(per.id, [])))
    return out


def _org_matches(view: SysView, org_id: str | None, org_name: str | None, gold: BratDoc, orgs: Iterable[BratEntity]) -> bool:
    for org in orgs:
        if org_id and org_id in view.entities_at(org.start, org.end):
            return True
        if org_name and lemmas(org_name) == lemmas(org.text):
            return True
    return False


def _roles(out: DocScore, gold: BratDoc, view: SysView) -> None:
    """Recall: each (person, profession head) of a gold WORKS_AS once; the person's svodka entity must carry a
    role with that head (roles/post), and with the gold workplace when there is one (roles/org).  Precision:
    roles of svodka persons found at a gold PERSON, right when their head is one of that person's professions."""
    seen: dict[tuple[str, str], bool] = {}
    seen_org: dict[tuple[str, str], bool] = {}
    heads_of: dict[str, set[str]] = {}
    for per, prof, orgs in works_as(gold):
        h = head(prof.text)
        if h is None:
            continue
        key = (_person_key(gold, per), h)
        roles = [r for eid in view.entities_at(per.start, per.end, "PER") for r in view.entities[eid].roles]
        hit = [r for r in roles if head(r.post) == h or head(r.name) == h]
        seen[key] = seen.get(key, False) or bool(hit)
        for eid in view.entities_at(per.start, per.end, "PER"):
            heads_of.setdefault(eid, set()).add(h)
        if orgs:
            ok = any(_org_matches(view, r.org, r.org_name, gold, orgs) for r in hit)
            seen_org[key] = seen_org.get(key, False) or ok
    post, org = out.m("roles/post"), out.m("roles/org")
    post.n_std, post.tp_std = len(seen), sum(seen.values())
    org.n_std, org.tp_std = len(seen_org), sum(seen_org.values())
    judged = {eid for e in gold.entities.values() if e.type == "PERSON" for eid in view.entities_at(e.start, e.end, "PER")}
    for eid in judged:
        for r in view.entities[eid].roles:
            post.n_test += 1
            post.tp_test += head(r.post) in heads_of.get(eid, ()) or head(r.name) in heads_of.get(eid, ())


# -- facts -------------------------------------------------------------------
def _covers(view: SysView, eid: str | None, ent: BratEntity) -> bool:
    return eid is not None and eid in view.entities_at(ent.start, ent.end)


def _fact_units(gold: BratDoc) -> dict[str, list[tuple]]:
    units: dict[str, list[tuple]] = {t: [] for t in FACT_TYPES}
    has_post = set()
    for per, prof, _ in works_as(gold):
        units["Occupation"].append(("post", per, prof))
        has_post.add(per.id)
    for r in gold.relations:
        a1, a2 = gold.entities.get(r.arg1), gold.entities.get(r.arg2)
        if a1 is None or a2 is None:
            continue
        if r.type == "WORKPLACE" and a1.type == "PERSON" and a1.id not in has_post and a2.type in WORKPLACE_TYPES:
            units["Occupation"].append(("org", a1, a2))
        elif r.type in ("OWNER_OF", "FOUNDED_BY"):
            units["Ownership"].append(("pair", a1, a2))
        elif r.type == "PARTICIPANT_IN" and a2.type == "EVENT":
            units["Participation"].append(("event", a1, a2))
    return units


def _fact_matches(view: SysView, fact, unit) -> bool:
    kind, a1, a2 = unit
    ents = [a.entity for a in fact.args if a.entity]
    if kind == "pair":
        return any(_covers(view, e, a1) for e in ents) and any(_covers(view, e, a2) for e in ents)
    who = [a.entity for a in fact.args if a.role in ("who", "participant")]
    if not any(_covers(view, e, a1) for e in who):
        return False
    if kind == "org":
        return any(_covers(view, a.entity, a2) for a in fact.args if a.role == "where")
    if kind == "post":
        return any(a.start is not None and a.start < a2.end and a2.start < a.end or
                   head(a.text) == head(a2.text) for a in fact.args if a.role == "position")
    spans = [(a.start, a.end) for a in fact.args if a.role == "event" and a.start is not None]
    spans += [fact.evidence] if fact.evidence else []
    return any(s < a2.end and a2.start < e for s, e in spans)


def _workplace_units(gold: BratDoc) -> list[tuple]:
    """Every (person, workplace) NEREL states, also of persons with a WORKS_AS (whose recall unit is
    the post): an Occupation that names a person and a place of work they hold is right, with or
    without a post («Лагард возглавила МВФ»)."""
    out = [("org", per, org) for per, _prof, orgs in works_as(gold) for org in orgs]
    for r in gold.relations:
        a1, a2 = gold.entities.get(r.arg1), gold.entities.get(r.arg2)
        if r.type == "WORKPLACE" and a1 is not None and a2 is not None and a1.type == "PERSON" and a2.type in WORKPLACE_TYPES:
            out.append(("org", a1, a2))
    return out


def _facts(out: DocScore, gold: BratDoc, view: SysView) -> None:
    units = _fact_units(gold)
    judged = {**units, "Occupation": units["Occupation"] + _workplace_units(gold)}  # precision side
    for ftype in FACT_TYPES:
        mine = [f for f in view.facts if f.type == ftype or (ftype == "Participation" and f.type == "Meeting")]
        m = out.m(f"facts/{ftype}")
        m.n_std += len(units[ftype])
        m.tp_std += sum(any(_fact_matches(view, f, u) for f in mine) for u in units[ftype])
        m.n_test += len(mine)
        m.tp_test += sum(any(_fact_matches(view, f, u) for u in judged[ftype]) for f in mine)


# -- linked persons ----------------------------------------------------------
def _linked(gold: BratDoc, view: SysView) -> list[LinkedMention]:
    out = []
    for tid, (qid, name) in gold.links.items():
        ent = gold.entities.get(tid)
        if ent is None or ent.type != "PERSON":
            continue
        found = view.entities_at(ent.start, ent.end, "PER")
        sys = view.entities[found[0]] if found else None
        nested = any(o.start <= ent.start and ent.end <= o.end and (o.start, o.end) != (ent.start, ent.end)
                     for o in gold.entities.values())
        out.append(LinkedMention(gold.name, qid, name, sys.id if sys else None, sys.name if sys else None, nested))
    return out


def name_matches(m: LinkedMention) -> bool:
    return m.sys_name is not None and bool(m.gold_name) and fold(m.sys_name) == fold(m.gold_name)
