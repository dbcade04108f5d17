"""Track 3: facts (Occupation, Deal, Meeting, Ownership) with their arguments (README §5).

The official search tries every attachment of every response fact (to one
compatible gold fact, or none) and keeps the assignment with the best F1 per
document and fact type: exponential, many minutes on the devset.  Here the
same search is exhaustive while the number of assignments stays under
``EXACT_LIMIT``; beyond that it is greedy (coordinate ascent from each
response fact's best single attachment, until no single change raises F1)
and ``Outcome3.greedy`` counts those cases.

One deliberate difference: the official identification score ``I`` walks the
first k gold arguments instead of the k matched ones (an indexing slip); here
it is the share of pairs of *matched* gold arguments covered by one response
fact, as the README states it.  With one response fact per cluster (the usual
case) both give I = 1.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

from .facts_gold import SCORED_FACTS
from .gold import GoldArg, GoldDoc, GoldFact
from .metrics import Metrics
from .text import response_blocks, similar

EXACT_LIMIT = 20_000
WEIGHTS = {"position": 0.5, "фаза": 0.5}  # «фаза»: phase of an occupation (start/end)


@dataclass(eq=False, slots=True)
class ResponseArg:
    name: str
    value: str


@dataclass(eq=False, slots=True)
class ResponseFact:
    tag: str
    args: list[ResponseArg] = field(default_factory=list)


@dataclass(slots=True)
class Outcome3:
    metrics: dict[str, Metrics]
    clusters: list[tuple[GoldFact | None, list[ResponseFact], float]]
    greedy: int = 0


def parse_response(data: str) -> list[ResponseFact]:
    """Blank-line separated blocks; ``role: value`` lines with exactly one ':' (else ValueError)."""
    out: list[ResponseFact] = []
    for block in response_blocks(data):
        fact = ResponseFact(block[0].strip(" :\n\t\r").lower())
        for arg_line in block[1:]:
            parts = arg_line.split(":")
            if len(parts) != 2:
                raise ValueError(f"expected 'role: value' with one ':', got {arg_line!r}")
            name = parts[0].strip(" \n\r\t").lower()
            fact.args.append(ResponseArg("position" if name == "job" else name, parts[1].strip(" \n\r\t").lower()))
        out.append(fact)
    return out


def _arg_match(g: GoldArg, r: ResponseArg) -> bool:
    return g.name == r.name and any(similar(v, r.value) for v in g.values)


def _can_attach(g: GoldFact, r: ResponseFact) -> bool:
    return any(ga.name != "position" and _arg_match(ga, ra) for ga in g.args for ra in r.args)


def cluster_quality(gold: GoldFact, resp: list[ResponseFact]) -> float:
    """A·(1+I)/2: A weighted argument overlap, I how far one response fact holds the matched arguments."""
    if not resp:
        return 0.0
    matched: dict[int, set[int]] = {}  # gold arg index → response facts covering it
    unmatched_resp = 0.0
    for fi, fact in enumerate(resp):
        for ra in fact.args:
            hit = next((gi for gi, ga in enumerate(gold.args) if _arg_match(ga, ra)), None)
            if hit is None:
                unmatched_resp += WEIGHTS.get(ra.name, 1.0)
            else:
                matched.setdefault(hit, set()).add(fi)
    w_match = sum(WEIGHTS.get(gold.args[gi].name, 1.0) for gi in matched)
    w_miss = sum(WEIGHTS.get(ga.name, 1.0) for gi, ga in enumerate(gold.args) if gi not in matched)
    total = w_match + w_miss + unmatched_resp
    a = w_match / total if total else 0.0
    if len(resp) == 1:
        ident = 1.0
    else:
        pairs = list(itertools.combinations(sorted(matched), 2))
        ident = sum(1 for x, y in pairs if matched[x] & matched[y]) / len(pairs) if pairs else 1.0
    return a * (1 + ident) / 2


def _prepare(gold: list[GoldFact], hard: bool) -> list[GoldFact]:
    """Default mode: «Фаза» dropped from gold, difficult facts ignored; hard mode: modal facts dropped."""
    out = []
    for g in gold:
        if hard:
            if not g.modal:
                out.append(g)
        else:
            out.append(GoldFact(g.id, g.tag, [a for a in g.args if a.name != "фаза"], g.modal, g.hard))
    return out


def _metrics(gold: list[GoldFact], resp: list[ResponseFact], assign: list[int], hard: bool) -> Metrics:
    clusters: dict[int, list[ResponseFact]] = {}
    for r, a in zip(resp, assign):
        if a >= 0:
            clusters.setdefault(a, []).append(r)
    m = Metrics()
    for gi, g in enumerate(gold):
        members = clusters.get(gi, [])
        if g.hard and not hard:  # ignored: neither counted nor penalised
            continue
        q = cluster_quality(g, members)
        m.tp_std += q
        m.tp_test += q * len(members)
        m.n_std += 1
        m.n_test += len(members)
    m.n_test += sum(1 for a in assign if a < 0)
    return m


def _search(gold, resp, cands, hard) -> tuple[list[int], bool]:
    sizes = [len(c) + 1 for c in cands]
    if math.prod(sizes) <= EXACT_LIMIT:
        best, best_f1 = None, -1.0
        for assign in itertools.product(*[[*c, -1] for c in cands]):
            f1 = _metrics(gold, resp, list(assign), hard).f1
            if f1 > best_f1:
                best, best_f1 = list(assign), f1
        return best or [], False
    assign = [max(c, key=lambda g: cluster_quality(gold[g], [r])) if c else -1 for c, r in zip(cands, resp)]
    best_f1 = _metrics(gold, resp, assign, hard).f1
    improved = True
    while improved:
        improved = False
        for i, c in enumerate(cands):
            for option in [*c, -1]:
                trial = assign[:i] + [option] + assign[i + 1 :]
                f1 = _metrics(gold, resp, trial, hard).f1
                if f1 > best_f1 + 1e-12:
                    assign, best_f1, improved = trial, f1, True
    return assign, True


def score(doc: GoldDoc, response: list[ResponseFact], hard: bool = False) -> Outcome3:
    out = {t: Metrics() for t in [*SCORED_FACTS, "overall"]}
    clusters: list[tuple[GoldFact | None, list[ResponseFact], float]] = []
    greedy = 0
    for tag in SCORED_FACTS:
        gold = _prepare([g for g in doc.facts or [] if g.tag == tag], hard)
        resp = [r for r in response if r.tag == tag]
        cands = [[gi for gi, g in enumerate(gold) if _can_attach(g, r)] for r in resp]
        assign, was_greedy = _search(gold, resp, cands, hard)
        greedy += was_greedy
        m = _metrics(gold, resp, assign, hard)
        out[tag].add(m)
        out["overall"].add(m)
        for gi, g in enumerate(gold):
            members = [r for r, a in zip(resp, assign) if a == gi]
            clusters.append((g, members, cluster_quality(g, members)))
        clusters.extend((None, [r], 0.0) for r, a in zip(resp, assign) if a < 0)
    return Outcome3(out, clusters, greedy)


def gold_response(doc: GoldDoc) -> str:
    """First alternative of every argument of every scored gold fact, no modality/difficulty lines."""
    blocks = []
    for fact in doc.facts or []:
        if fact.tag not in SCORED_FACTS:
            continue
        lines = [fact.tag] + [f"{a.name}: {a.descr.split('|')[0].strip()}" for a in fact.args if a.name != "фаза"]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")
