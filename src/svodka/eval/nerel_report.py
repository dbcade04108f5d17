"""NEREL scores as a Rich table and as a per-split section of docs/quality.md."""

from __future__ import annotations

import datetime as dt

from rich.table import Table

from .metrics import Metrics
from .nerel import NerelResult

ROWS = [  # (key, label)
    ("mentions_exact/PER", "PER mentions, exact"), ("mentions_exact/LOC", "LOC mentions, exact"),
    ("mentions_exact/ORG", "ORG mentions, exact"), ("mentions_exact/overall", "PER/LOC/ORG mentions, exact"),
    ("mentions/PER", "PER mentions, overlap"), ("mentions/LOC", "LOC mentions, overlap"),
    ("mentions/ORG", "ORG mentions, overlap"), ("mentions/overall", "PER/LOC/ORG mentions, overlap"),
    ("times_exact/overall", "DATE/TIME extents, exact"), ("times/overall", "DATE/TIME extents, overlap"),
    ("roles/post", "roles: profession of a WORKS_AS person (P: roles at gold persons)"),
    ("roles/org", "roles: profession with its WORKPLACE (recall)"),
    ("facts/Occupation", "facts: Occupation ~ WORKS_AS/WORKPLACE"),
    ("facts/Ownership", "facts: Ownership ~ OWNER_OF/FOUNDED_BY"),
    ("facts/Participation", "facts: Participation/Meeting ~ PARTICIPANT_IN an EVENT"),
    ("identity/pairwise", "person identity across articles, pairwise"),
    ("identity/bcubed", "person identity across articles, B-cubed"),
    ("identity_outer/pairwise", "person identity, mentions not nested in another name, pairwise"),
    ("identity_outer/bcubed", "person identity, mentions not nested in another name, B-cubed"),
    ("names/normal_form", "PER normal form = Wikidata name (accuracy)"),
    ("names/found", "linked PER mentions svodka found (share)"),
]


def _cells(m: Metrics) -> list[str]:
    """A measure svodka's side cannot be counted for (role workplaces) shows its recall alone."""
    p, f = (f"{m.precision:.4f}", f"{m.f1:.4f}") if m.n_test else ("–", "–")
    return [p, f"{m.recall:.4f}", f, f"{m.tp_std:.0f}", str(m.n_std), str(m.n_test)]


def table(result: NerelResult, split: str) -> Table:
    t = Table(title=f"NEREL {split}: {result.documents} documents", title_justify="left")
    for col in ("measure", "P", "R", "F1", "TP", "in gold", "in svodka"):
        t.add_column(col, justify="left" if col == "measure" else "right")
    for key, label in ROWS:
        if key in result.scores:
            t.add_row(label, *_cells(result.scores[key]), style="bold" if key.endswith("overall") else None)
    return t


def markdown(result: NerelResult, split: str, command: str) -> tuple[str, str]:
    """(heading, section) for docs/quality.md, one section per split."""
    heading = f"## NEREL v1.1 {split}: measured"
    lines = [heading, "", f"Measured {dt.date.today().isoformat()}: {result.documents} documents, "
             f"{result.seconds:.0f} s. Reproduce with:", "", "```", command, "```", "",
             "| measure | P | R | F1 | TP | in gold | in svodka |", "|---|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {label} | " + " | ".join(_cells(result.scores[key])) + " |"
              for key, label in ROWS if key in result.scores]
    if result.skipped:
        lines += ["", f"Documents with problems: {len(result.skipped)} — "
                  + "; ".join(f"{n}: {r}" for n, r in result.skipped[:5])]
    return heading, "\n".join(lines).rstrip() + "\n"
