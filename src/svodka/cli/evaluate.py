"""`svodka eval factru`: score svodka (or a response folder) on factRuEval-2016 gold."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from .app import err, eval_app, fail, out, user_errors

SHOWN = 5  # problems listed one by one before the rest are counted


def _tracks(value: str) -> tuple[int, ...]:
    try:
        tracks = tuple(sorted({int(x) for x in value.split(",") if x.strip()}))
    except ValueError:
        tracks = ()
    if not tracks or any(t not in (1, 2, 3) for t in tracks):
        fail(f"--tracks: expected a comma-separated subset of 1,2,3, got {value!r}")
    return tracks


@eval_app.command("factru")
@user_errors
def factru(
    data_dir: Annotated[Path, typer.Argument(help="factRuEval gold folder (book_N.txt/.tokens/.spans/.objects/.coref/.facts).")],
    tracks: Annotated[str, typer.Option("--tracks", "-t", help="Tracks to score, e.g. 1,2 or 3.")] = "1,2,3",
    export: Annotated[Optional[Path], typer.Option("--export", help="Write response files book_N.taskK here (official format).")] = None,
    report: Annotated[Optional[Path], typer.Option("--report", help="Write the factRuEval section of this markdown file (e.g. docs/quality.md).")] = None,
    fold_locorg: Annotated[bool, typer.Option("--fold-locorg", "-l", help="Show track 1 with locorg folded into loc.")] = False,
    response: Annotated[Optional[Path], typer.Option("--response", help="Score this response folder instead of running svodka.")] = None,
    errors: Annotated[Optional[Path], typer.Option("--errors", help="Write an analysis of track 1–2 errors (markdown) here.")] = None,
) -> None:
    """Score tracks 1–3 of factRuEval-2016 (P, R, F1 per type) against the gold in DATA_DIR."""
    from ..eval import evaluate_factru
    from ..eval.report import markdown, tables, update_quality

    chosen = _tracks(tracks)
    if not data_dir.is_dir():
        fail(f"DATA_DIR: expected a folder of factRuEval gold files, got {str(data_dir)!r}")
    if response is not None and not response.is_dir():
        fail(f"--response: expected a folder of book_N.taskK files, got {str(response)!r}")
    if errors is not None and 1 not in chosen and 2 not in chosen:
        fail("--errors: needs track 1 or 2 in --tracks")
    with err.status("scoring factRuEval…") as status:
        result = evaluate_factru(
            data_dir, chosen, export_dir=export, response_dir=response, keep_details=errors is not None,
            progress=lambda name: status.update(f"scoring factRuEval… {name}"),
        )
    for name, reason in result.skipped[:SHOWN]:
        err.print(f"[yellow]skipped[/] {escape(f'{name}: {reason}')}", highlight=False, markup=True)
    if len(result.skipped) > SHOWN:
        err.print(f"[yellow]skipped[/] … and {len(result.skipped) - SHOWN} more", highlight=False, markup=True)
    for name, bad in list(result.mismatches.items())[:SHOWN]:
        err.print(f"[yellow]offsets[/] {escape(f'{name}: {len(bad)} mention(s) do not round-trip, e.g. {bad[0]}')}", highlight=False, markup=True)
    if result.documents == 0:
        fail(f"no document could be scored in {data_dir}")
    if result.failed == result.documents:
        fail(f"svodka failed on every document ({result.skipped[0][1]})")
    for table in tables(result, fold_locorg if 1 in chosen else None):
        out.print(table)
    out.print(f"{result.documents} documents, {result.seconds:.1f} s ({result.source})", highlight=False)
    if report is not None:
        command = f"svodka eval factru {shlex.quote(str(data_dir))} --tracks {','.join(map(str, chosen))}"
        command += f" --report {shlex.quote(str(report))}" + (f" --response {shlex.quote(str(response))}" if response else "")
        update_quality(report, markdown(result, command))
        err.print(f"wrote the factRuEval section of {report}", highlight=False)
    if export is not None:
        err.print(f"wrote responses to {export}", highlight=False)
    if errors is not None:
        from ..eval.errors import analyse

        errors.write_text(analyse(result), encoding="utf-8")
        err.print(f"wrote the error analysis to {errors}", highlight=False)
