"""The identity errors of `svodka eval nerel --errors`: which persons svodka split, which it wrongly merged.

Read on NEREL *train* only (dev is held out: its scores, never its errors).  A
*split* is a Wikidata person whose linked mentions went to several corpus
identities; a *wrong merge* is a corpus identity holding mentions of several
Wikidata persons.  Each line names the identity with the mention names and
documents, so a reader sees why the linker did what it did (`svodka person
NAME --why` explains one person in a real corpus).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .nerel_score import LinkedMention


def _label(ms: list[LinkedMention]) -> str:
    names = Counter(m.sys_name or "—" for m in ms)
    docs = sorted({m.doc for m in ms})
    shown = ", ".join(f"{n}×{k}" if k > 1 else n for n, k in names.most_common(4))
    more = f" +{len(docs) - 3} docs" if len(docs) > 3 else ""
    return f"[{shown}] in {', '.join(docs[:3])}{more}"


def identity_errors(linked: list[LinkedMention], identities: dict[tuple[str, str], str], shown: int = 60) -> str:
    """Splits and wrong merges, the ones costing most pairs first (a missed mention is no identity error)."""
    by_gold: dict[str, dict[str, list[LinkedMention]]] = defaultdict(lambda: defaultdict(list))
    by_sys: dict[str, dict[str, list[LinkedMention]]] = defaultdict(lambda: defaultdict(list))
    for m in linked:
        sys = identities.get((m.doc, m.entity)) if m.entity else None
        if sys is None:
            continue
        by_gold[m.qid][sys].append(m)
        by_sys[sys][m.qid].append(m)

    def cost(parts: dict[str, list[LinkedMention]]) -> int:
        sizes = [len(v) for v in parts.values()]
        return (sum(sizes) ** 2 - sum(s * s for s in sizes)) // 2  # pairs between the parts

    lines = []
    splits = sorted(((cost(p), q, p) for q, p in by_gold.items() if len(p) > 1), key=lambda x: (-x[0], x[1]))
    lines.append(f"## Splits: {len(splits)} Wikidata persons in several identities ({sum(c for c, _, _ in splits)} pairs)")
    for c, qid, parts in splits[:shown]:
        gold = next(iter(parts.values()))[0].gold_name
        lines.append(f"- {gold} ({qid}), {c} pairs lost:")
        for sys, ms in sorted(parts.items(), key=lambda kv: -len(kv[1])):
            lines.append(f"    {sys}: {len(ms)} mentions {_label(ms)}")
    merges = sorted(((cost(p), s, p) for s, p in by_sys.items() if len(p) > 1), key=lambda x: (-x[0], x[1]))
    lines.append(f"## Wrong merges: {len(merges)} identities holding several persons ({sum(c for c, _, _ in merges)} pairs)")
    for c, sys, parts in merges[:shown]:
        lines.append(f"- {sys}, {c} wrong pairs:")
        for qid, ms in sorted(parts.items(), key=lambda kv: -len(kv[1])):
            lines.append(f"    {ms[0].gold_name} ({qid}): {len(ms)} mentions {_label(ms)}")
    missed = sum(1 for m in linked if not m.entity or (m.doc, m.entity) not in identities)
    lines.append(f"## Linked mentions svodka did not find or link: {missed} of {len(linked)}")
    return "\n".join(lines) + "\n"
