"""Scores as a Rich table for the terminal and as the factRuEval section of docs/quality.md."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from rich.table import Table

from .metrics import Metrics
from .run import EvalResult

SECTION = "## factRuEval-2016 (entities, tracks 1–3)"
TITLES = {
    "track1": "Track 1 (mentions), locorg separate",
    "track1_folded": "Track 1 (mentions), locorg folded into loc (-l)",
    "track2": "Track 2 (entities with name attributes)",
    "track3": "Track 3 (facts), default (easy) mode",
}
TARGETS = {"track1": 0.88, "track1_folded": 0.92, "track2": 0.86}


def tables(result: EvalResult, fold_locorg: bool | None = None) -> list[Table]:
    """One Rich table per scored track; ``fold_locorg`` picks one track-1 mode (None: both)."""
    out = []
    for key, rows in result.scores.items():
        if fold_locorg is not None and key.startswith("track1") and (key == "track1_folded") != fold_locorg:
            continue
        table = Table(title=TITLES[key], title_justify="left")
        for col in ("type", "P", "R", "F1", "TP1", "TP2", "in std", "in test"):
            table.add_column(col, justify="left" if col == "type" else "right")
        for tag, m in rows.items():
            style = "bold" if tag == "overall" else None
            table.add_row(tag, *_cells(m), style=style)
        out.append(table)
    return out


def _cells(m: Metrics) -> list[str]:
    return [f"{m.precision:.4f}", f"{m.recall:.4f}", f"{m.f1:.4f}", f"{m.tp_std:.2f}", f"{m.tp_test:.2f}",
            str(m.n_std), str(m.n_test)]


def markdown(result: EvalResult, command: str) -> str:
    """The factRuEval section of docs/quality.md (heading included)."""
    lines = [SECTION, "", f"Measured {dt.date.today().isoformat()} on the development set "
             f"({result.documents} documents, {result.seconds:.0f} s) with our own implementation of the "
             "official metrics (src/svodka/eval/; devset README §3–5). Reproduce with `make eval`, i.e.:", "",
             "```", command, "```", "",
             "`--export DIR` writes the responses in the official format; `--response DIR` scores such a folder; "
             "`--errors FILE` lists the entity layer's errors by kind with examples.", ""]
    summary = [f"| {TITLES[k]} | {rows['overall'].precision:.4f} | {rows['overall'].recall:.4f} | "
               f"**{rows['overall'].f1:.4f}** | {_target(k)} |" for k, rows in result.scores.items()]
    lines += ["| track | P | R | F1 | target |", "|---|---:|---:|---:|---:|", *summary, ""]
    for key, rows in result.scores.items():
        lines += [f"### {TITLES[key]}", "", "| type | P | R | F1 | TP1 | TP2 | in std | in test |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]
        lines += [f"| {tag} | " + " | ".join(_cells(m)) + " |" for tag, m in rows.items()]
        lines.append("")
    lines += _notes(result)
    return "\n".join(lines).rstrip() + "\n"


def _target(key: str) -> str:
    return f"≥ {TARGETS[key]:.2f}" if key in TARGETS else "–"


def _notes(result: EvalResult) -> list[str]:
    notes = [
        "Notes:",
        "",
        "- Ceilings of the metric itself, checked by tests/test_eval_factru.py: a response built from the gold "
        "scores 0.9966 on track 1 (discontinuous gold mentions cannot be written as one range), 1.0 on tracks 2 "
        "and 3.",
        "- Track 3's official search is exponential; ours is exhaustive up to 20,000 assignments per document "
        "and fact type, greedy beyond (documents matched greedily this run: "
        f"{result.greedy.get('track3', 0)}). Job titles are lemmatised with pymorphy3 in place of the scorer's "
        "list of 346 job word forms.",
    ]
    if result.skipped:
        notes.append(f"- Documents with problems: {len(result.skipped)} — "
                     + "; ".join(f"{n}: {r}" for n, r in result.skipped[:5]))
    if result.mismatches:
        notes.append(f"- Track-1 offsets that do not round-trip to the raw text: {sum(map(len, result.mismatches.values()))} "
                     f"mentions in {len(result.mismatches)} documents.")
    return notes


def update_quality(path: Path, section: str, heading: str = SECTION) -> None:
    """Replace the section under ``heading`` (factRuEval's by default) of a markdown file (or append it);
    other sections stay as they are."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Quality\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1)
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text, encoding="utf-8")
