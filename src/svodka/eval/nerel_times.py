"""The time-extent error listing of `svodka eval nerel --times-errors FILE`.

Errors come from eval/nerel_score.py (``TimeError``): gold DATE/TIME spans svodka
missed, svodka times NEREL has not (a time that meets only an AGE, or only a DATE glued
into a name such as «ЧМ-2018», is aside, as in the score; PRESENT_REF times are not in the
NEREL view), and boundary mismatches.  They are grouped by shape — lower case,
digits as «N» — so that a rule's worth shows as a count; a few contexts per shape.
Read it on NEREL train only: dev is held out (docs/quality.md).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from .nerel_score import TimeError

KINDS = ("missed", "extra", "boundary")
EXAMPLES = 3


def shape(text: str | None) -> str:
    return re.sub(r"\d+", "N", " ".join((text or "").lower().split()))


def listing(errors: Iterable[TimeError], examples: int = EXAMPLES) -> str:
    by_kind: dict[str, dict[str, list[TimeError]]] = {k: defaultdict(list) for k in KINDS}
    for err in errors:
        key = shape(err.gold if err.kind != "extra" else err.system)
        if err.kind == "boundary":
            key = f"{key}  ←  {shape(err.system)}"
        by_kind[err.kind][key].append(err)
    lines = []
    for kind in KINDS:
        groups = by_kind[kind]
        total = sum(map(len, groups.values()))
        lines += [f"## {kind}: {total}", ""]
        for key, errs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            lines.append(f"{len(errs):5d}  {key}")
            lines += [f"         {e.doc}: {e.context}" for e in errs[:examples]]
        lines.append("")
    return "\n".join(lines)
