"""`svodka eval names`: normal forms of person mentions against tests/data/names."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from ..errors import InputError
from .app import eval_app, out, user_errors

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "names" / "dev"


@eval_app.command("names")
@user_errors
def eval_names(
    data: Annotated[Optional[Path], typer.Argument(help="Folder of gold *.json files (default tests/data/names/dev).")] = None,
    nerel: Annotated[Optional[Path], typer.Option(help="NEREL root holding train/ and dev/ (default ../shared/data/nerel).")] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List wrong and missed mentions (not on a held-out set).")] = False,
    links: Annotated[Optional[Path], typer.Option(
        "--links", help="Instead: agreement of the names of NEREL's Wikidata-linked PERSON mentions in this NEREL "
        "folder (train only for --errors): one surname per linked person.")] = None,
    every: Annotated[int, typer.Option(help="With --links: every n-th document only.")] = 1,
) -> None:
    """Score the canonical (nominative) names of person mentions."""
    from ..models import load_models
    from ..pipeline import analyze
    from ..settings import Settings

    models = load_models()
    settings = Settings(quotes=False, times=False, facts=False, brief=False)
    analyse = lambda text: analyze(text, settings=settings, models=models)  # noqa: E731
    if links is not None:
        _links(links, analyse, every, errors)
        return
    from ..eval.names import evaluate_names

    score = evaluate_names(data or DEFAULT_DATA, analyse, nerel)
    table = Table(title=f"Person normal forms on {score.docs} documents", title_justify="left", show_edge=False)
    for col in ("gold mentions", "found as PER", "right / found", "right / all", "surname right / found"):
        table.add_column(col, justify="right")
    table.add_row(str(score.mentions), f"{score.found} ({score.coverage:.3f})", f"{score.accuracy:.3f}",
                  f"{score.accuracy_all:.3f}", f"{score.surname_right / score.found if score.found else 1.0:.3f}")
    out.print(table)
    if errors:
        for miss in score.misses:
            out.print(f"{miss.doc}: {miss.text!r} gold={miss.gold!r} found={miss.found!r}", highlight=False, markup=False)


def _links(folder: Path, analyse, every: int, errors: bool) -> None:
    from ..eval.names import evaluate_links

    if errors and folder.resolve().name == "dev":
        raise InputError("NEREL dev is held out: read its scores, not its errors")
    score = evaluate_links(folder, analyse, every)
    found = sum(1 for m in score.mentions if m.found)
    table = Table(title=f"Wikidata-linked PERSON mentions of {score.docs} NEREL documents", title_justify="left",
                  show_edge=False)
    for col in ("linked", "found as PER", "surname = person's majority", "name = majority in article",
                "surname in Wikidata label"):
        table.add_column(col, justify="right")
    cells = [f"{ok / n:.4f} ({ok}/{n})" if n else "–" for ok, n in (score.consistent(), score.in_article(), score.label_surname())]
    table.add_row(str(len(score.mentions)), f"{found} ({found / max(len(score.mentions), 1):.3f})", *cells)
    out.print(table)
    if errors:
        for qid, label, major, ms in score.disagreements():
            found_names = ", ".join(f"{m.doc}: {m.text!r}→{m.found!r}" for m in ms)
            out.print(f"{qid} {label!r} majority {major!r}: {found_names}", highlight=False, markup=False)
