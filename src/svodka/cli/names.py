"""`svodka eval names`: normal forms of person mentions against tests/data/names."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from .app import eval_app, out, user_errors

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "names" / "dev"


@eval_app.command("names")
@user_errors
def eval_names(
    data: Annotated[Optional[Path], typer.Argument(help="Folder of gold *.json files (default tests/data/names/dev).")] = None,
    nerel: Annotated[Optional[Path], typer.Option(help="NEREL root holding train/ and dev/ (default ../shared/data/nerel).")] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List wrong and missed mentions (not on a held-out set).")] = False,
) -> None:
    """Score the canonical (nominative) names of person mentions."""
    from ..eval.names import evaluate_names
    from ..models import load_models
    from ..pipeline import analyze
    from ..settings import Settings

    models = load_models()
    settings = Settings(quotes=False, times=False, facts=False, brief=False)
    score = evaluate_names(data or DEFAULT_DATA, lambda text: analyze(text, settings=settings, models=models), nerel)
    table = Table(title=f"Person normal forms on {score.docs} documents", title_justify="left", show_edge=False)
    for col in ("gold mentions", "found as PER", "right / found", "right / all", "surname right / found"):
        table.add_column(col, justify="right")
    table.add_row(str(score.mentions), f"{score.found} ({score.coverage:.3f})", f"{score.accuracy:.3f}",
                  f"{score.accuracy_all:.3f}", f"{score.surname_right / score.found if score.found else 1.0:.3f}")
    out.print(table)
    if errors:
        for miss in score.misses:
            out.print(f"{miss.doc}: {miss.text!r} gold={miss.gold!r} found={miss.found!r}", highlight=False, markup=False)
