"""The PER/LOC/ORG mention errors of a NEREL run, by kind, for `svodka eval nerel --errors` (tuning splits only).

Kinds follow the exact-match score of eval/nerel_score.py, so that the counts add up to its misses:
- boundary: a gold and a system span of the same type overlap but differ (one error listed once, as a pair);
- type: the same extent (or an overlapping one) was found with another type;
- missing: a gold outermost span nothing of any type overlaps;
- extra: a system span that overlaps no gold span and that the scorer does not excuse (an inner span,
  an unscored entity such as NATIONALITY or FACILITY — the scorer counts neither).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from .brat import BratDoc
from .nerel_score import TYPES, _inner, _outer, _unscored
from .nerel_view import SysView

CONTEXT = 40


@dataclass(frozen=True, slots=True)
class MentionError:
    kind: str  # boundary, type, missing, extra
    doc: str
    gold: tuple[str, int, int] | None
    system: tuple[str, int, int] | None
    gold_text: str
    system_text: str
    context: str
    gold_type: str | None = None  # the NEREL type of the gold span (COUNTRY, CITY …), for grouping

    @property
    def label(self) -> str:
        g = self.gold[0] if self.gold else "-"
        s = self.system[0] if self.system else "-"
        return f"{self.kind} {g}->{s}" if self.kind == "type" else f"{self.kind} {self.gold[0] if self.gold else s}"


def _overlap(a, b) -> bool:
    return a[1] < b[2] and b[1] < a[2]


def mention_errors(gold: BratDoc, view: SysView) -> list[MentionError]:
    outer = _outer(gold, TYPES)
    inner = _inner(gold, TYPES)
    unscored = _unscored(gold)
    nerel_type = {(e.start, e.end): e.type for e in gold.entities.values() if e.type in TYPES}
    system = sorted({(t, s, e) for t, s, e, _ in view.mentions})
    text = gold.text

    def ctx(s: int, e: int) -> str:
        left, right = text[max(0, s - CONTEXT):s], text[e:e + CONTEXT]
        return (left + "[" + text[s:e] + "]" + right).replace("\n", " ")

    def err(kind, g, s) -> MentionError:
        lo = min(x[1] for x in (g, s) if x)
        hi = max(x[2] for x in (g, s) if x)
        return MentionError(kind, gold.name, g, s, text[g[1]:g[2]] if g else "", text[s[1]:s[2]] if s else "",
                            ctx(lo, hi), nerel_type.get((g[1], g[2])) if g else None)

    def scored_fp(s) -> bool:
        """Mirrors nerel_score._spans: a system span the exact score counts as wrong."""
        over = any(g[0] == s[0] and _overlap(s, g) for g in outer)
        if not over and (any(i[0] == s[0] and _overlap(s, i) for i in inner) or (s[1], s[2]) in unscored):
            return False
        return s not in outer and s not in inner

    missed = [g for g in sorted(outer) if g not in system]
    wrong = [s for s in system if scored_fp(s)]
    used: set = set()
    out: list[MentionError] = []
    for g in missed:
        near = [s for s in wrong if _overlap(s, g)]
        same = [s for s in near if s[0] == g[0]]
        pick = (same or near or [None])[0]
        if pick is None:
            out.append(err("missing", g, None))
        else:
            out.append(err("boundary" if pick[0] == g[0] else "type", g, pick))
            used.update(same or near)
    for s in wrong:
        if s in used:
            continue
        g = next((g for g in sorted(outer) if _overlap(s, g)), None)
        e = err("extra" if g is None else ("boundary" if g[0] == s[0] else "type"), g, s)
        if g is None:  # what NEREL has there, if anything (NATIONALITY, FACILITY, an inner span …)
            near = [x for x in gold.entities.values() if x.start < s[2] and s[1] < x.end]
            if near:
                e = replace(e, gold_type="~" + "; ".join(f"{x.type} «{x.text}»" for x in near[:2]))
        out.append(e)
    return out


def markdown(errors: list[MentionError], examples: int = 200) -> str:
    """Counts by kind and type, then the commonest surface texts and examples of each class."""
    lines = ["# NEREL mention errors", "", f"{len(errors)} errors.", "", "| class | count |", "|---|---:|"]
    classes = Counter(e.label for e in errors)
    lines += [f"| {c} | {n} |" for c, n in classes.most_common()]
    for cls, n in classes.most_common():
        group = [e for e in errors if e.label == cls]
        lines += ["", f"## {cls} ({n})", ""]
        texts = Counter((e.gold_text or e.system_text, e.system_text if e.gold else "") for e in group)
        lines += ["Commonest: " + "; ".join(f"«{g}»" + (f"→«{s}»" if s and s != g else "") + f" ×{k}"
                                            for (g, s), k in texts.most_common(30)), ""]
        for e in group[:examples]:
            note = f" ({e.gold_type})" if e.gold_type else ""
            lines.append(f"- {e.doc}{note}: gold «{e.gold_text}» sys «{e.system_text}» — {e.context}")
    return "\n".join(lines) + "\n"
