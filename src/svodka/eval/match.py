"""One-to-one matching of gold and response objects for tracks 1 and 2.

The official scorers run one exhaustive recursive search per document that
maximises the document's F1: gold objects are taken in order (per, loc, org,
locorg, then id); a gold object with a perfect candidate must take one; a
response that perfectly matches another gold object is not offered to an
imperfect one; a gold object may stay unmatched only when it has no
candidate, or a single candidate that others also want.

Here the same search runs separately on each connected component of the
candidate graph (gold and response objects that can pair), which gives the
same leaves without the exponential product across unrelated names.  With
``tp_std == tp_test`` the document F1 is ``2·TP/(N_std + N_test)``, a ratio of
sums over components, so the best combination of component leaves is found
exactly by Dinkelbach's iteration (maximise ``TP − ρ·N`` per component, update
``ρ``).  A component with more than ``LEAF_LIMIT`` leaves is matched greedily
(perfect pairs first, then by descending quality) and counted in
``Outcome.greedy``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .metrics import Metrics

LEAF_LIMIT = 5000


class Scoring(Protocol):
    def priority(self, s: Any, t: Any) -> float: ...

    def quality(self, s: Any, t: Any) -> float: ...

    def ignored(self, s: Any, matched: set[int]) -> bool: ...


@dataclass(slots=True)
class Outcome:
    pairs: list[tuple[int, int]]
    metrics: dict[str, Metrics]  # per gold tag and "overall"
    greedy: int = 0  # components matched greedily


def match(std: Sequence[Any], test: Sequence[Any], scoring: Scoring, tags: Sequence[str],
          links: Callable[[int], list[int]] = lambda i: []) -> Outcome:
    """Match ``std`` to ``test`` (both already in search order; objects have ``.tag``).

    ``links(i)`` names gold objects whose ignored status depends on gold ``i``'s
    (identical token sets): they are kept in one component.
    """
    prio = {}
    for i, s in enumerate(std):
        for j, t in enumerate(test):
            if s.tag == t.tag:
                p = scoring.priority(s, t)
                if p:
                    prio[i, j] = p
    qual = {k: scoring.quality(std[k[0]], test[k[1]]) for k in prio}
    components = _components(len(std), len(test), prio, links)
    options, greedy = [], 0
    for gold, resp in components:
        leaves = _leaves(gold, resp, prio)
        if leaves is None:
            greedy += 1
            leaves = [_greedy(gold, resp, prio, qual)]
        options.append([(_score(gold, resp, pairs, std, scoring, qual), pairs) for pairs in leaves])
    chosen = _dinkelbach(options)
    pairs = sorted(p for leaf in chosen for p in leaf)
    return Outcome(pairs, evaluate(std, test, pairs, scoring, qual, tags), greedy)


def evaluate(std, test, pairs, scoring: Scoring, qual: dict, tags: Sequence[str]) -> dict[str, Metrics]:
    """TP, N_std, N_test per gold tag and overall for one matching."""
    matched = {i for i, _ in pairs}
    matched_t = {j for _, j in pairs}
    out = {tag: Metrics() for tag in [*tags, "overall"]}
    for i, j in pairs:
        if scoring.ignored(std[i], matched):
            continue
        for key in (std[i].tag, "overall"):
            m = out[key]
            m.tp_std += qual[i, j]
            m.tp_test += qual[i, j]
            m.n_std += 1
            m.n_test += 1
    for i, s in enumerate(std):
        if i not in matched and not scoring.ignored(s, matched):
            out[s.tag].n_std += 1
            out["overall"].n_std += 1
    for j, t in enumerate(test):
        if j not in matched_t:
            out[t.tag].n_test += 1
            out["overall"].n_test += 1
    return out


def _components(n_std: int, n_test: int, prio: dict, links) -> list[tuple[list[int], list[int]]]:
    parent = list(range(n_std + n_test))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in prio:
        parent[find(i)] = find(n_std + j)
    for i in range(n_std):
        for k in links(i):
            parent[find(i)] = find(k)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for x in range(n_std + n_test):
        g = groups.setdefault(find(x), ([], []))
        (g[0] if x < n_std else g[1]).append(x if x < n_std else x - n_std)
    return list(groups.values())


def _leaves(gold: list[int], resp: list[int], prio: dict) -> list[list[tuple[int, int]]] | None:
    """All matchings the official recursion visits in this component, or None past LEAF_LIMIT."""
    out: list[list[tuple[int, int]]] = []

    def rec(std: list[int], test: list[int], pairs: list[tuple[int, int]]) -> bool:
        if not std or not test:
            out.append(pairs)
            return len(out) <= LEAF_LIMIT
        cur = std[0]
        cands = [t for t in test if (cur, t) in prio]
        perfect = [t for t in cands if prio[cur, t] == 1]
        possible, max_alt = 0, 0
        for t in perfect or cands:
            possible += 1
            alt, skip = 0, False
            for k in std:
                pk = prio.get((k, t), 0)
                if pk == 1 and prio[cur, t] < 1:
                    skip = True
                if pk:
                    alt += 1
                max_alt = max(max_alt, alt)
            if skip:
                continue
            if not rec(std[1:], [x for x in test if x != t], [*pairs, (cur, t)]):
                return False
        if possible == 0 or (possible == 1 and max_alt > 1):
            return rec(std[1:], test, pairs)
        return True

    return out if rec(gold, resp, []) else None


def _greedy(gold: list[int], resp: list[int], prio: dict, qual: dict) -> list[tuple[int, int]]:
    cands = sorted(((i, j) for i in gold for j in resp if (i, j) in prio),
                   key=lambda k: (prio[k] < 1, -qual[k], k))
    used_s, used_t, pairs = set(), set(), []
    for i, j in cands:
        if i not in used_s and j not in used_t:
            used_s.add(i)
            used_t.add(j)
            pairs.append((i, j))
    return pairs


def _score(gold, resp, pairs, std, scoring: Scoring, qual) -> tuple[float, int]:
    """(TP, N_std + N_test) contributed by one component under one matching."""
    matched = {i for i, _ in pairs}
    tp, n = 0.0, 0
    for i, j in pairs:
        if not scoring.ignored(std[i], matched):
            tp += qual[i, j]
            n += 2
    n += sum(1 for i in gold if i not in matched and not scoring.ignored(std[i], matched))
    n += len(resp) - len(pairs)
    return tp, n


def _dinkelbach(options: list[list[tuple[tuple[float, int], list]]]) -> list[list]:
    """Pick one leaf per component maximising ΣTP / ΣN (ties: the first leaf, as the official search)."""
    rho = 0.0
    for _ in range(100):
        picks = [max(opts, key=lambda o: o[0][0] - rho * o[0][1]) for opts in options]
        tp = sum(p[0][0] for p in picks)
        n = sum(p[0][1] for p in picks)
        new = tp / n if n else 0.0
        if new <= rho + 1e-12:
            break
        rho = new
    return [p[1] for p in picks]
