"""`svodka eval times [DATA]` and the times section of `svodka analyze --format pretty`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from ..document import Document
from .app import eval_app, out, user_errors

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "times" / "dev.jsonl"
TYPE_NAMES = {"date": "дата", "time": "время", "duration": "длительность", "set": "повтор"}
ANCHOR_NAMES = {"publication": "публикация", "previous": "предыдущая", "none": ""}


def render_times(doc: Document) -> Table | None:
    """The times section of `svodka analyze --format pretty` (a Rich table), or None."""
    if not doc.times:
        return None
    table = Table(title="Время", title_justify="left", show_edge=False, expand=False)
    table.add_column("в тексте", style="bold")
    table.add_column("тип", style="dim")
    table.add_column("значение", style="cyan", no_wrap=True)
    table.add_column("интервал", no_wrap=True)
    table.add_column("отсчёт", style="dim")
    for t in doc.times:
        value = (t.value or "—") + (f" ({t.mod})" if t.mod and t.mod != t.value else "")
        span = ""
        if t.interval:
            span = t.interval.start if t.interval.start == t.interval.end else f"{t.interval.start}…{t.interval.end}"
        table.add_row(t.text, TYPE_NAMES.get(t.type, t.type), value, span, ANCHOR_NAMES.get(t.anchor, t.anchor))
    return table


@eval_app.command("times")
@user_errors
def eval_times(
    data: Annotated[Optional[Path], typer.Argument(help="JSON-lines dev set (default tests/data/times/dev.jsonl).")] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List missed, spurious and wrongly valued expressions.")] = False,
) -> None:
    """Score time expressions: extent P/R/F1 (strict and overlapping) and value accuracy on matches."""
    from ..models import load_models
    from ..times.score import load_records, score

    records = load_records(data or DEFAULT_DATA)
    result = score(records, load_models())
    table = Table(title=f"Times on {result.docs} documents", title_justify="left", show_edge=False)
    for col in ("extent", "gold", "found", "matched", "P", "R", "F1"):
        table.add_column(col, justify="left" if col == "extent" else "right")
    for name, matched, prf in (("strict", result.strict, result.strict_prf), ("overlap", result.relaxed, result.relaxed_prf)):
        table.add_row(name, str(result.gold), str(result.predicted), str(matched), *(f"{x:.3f}" for x in prf))
    out.print(table)
    out.print(
        f"on {result.strict} strict matches: value accuracy {result.value_accuracy:.3f}, "
        f"type accuracy {result.type_accuracy:.3f}, mod agreement {result.mod_accuracy:.3f}",
        highlight=False,
    )
    if errors:
        for miss in result.errors:
            detail = f" gold={miss.gold!r}" if miss.gold else ""
            detail += f" found={miss.got!r}" if miss.got else ""
            out.print(f"[yellow]{miss.kind}[/] {escape(f'{miss.doc}: {miss.text!r}{detail}')}", highlight=False, markup=True)
