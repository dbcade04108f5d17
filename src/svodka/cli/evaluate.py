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
    split: Annotated[str, typer.Option("--split", help="all, tune or heldout (a fixed hash split, eval/splits.py); tune on 'tune' only.")] = "all",
) -> None:
    """Score tracks 1–3 of factRuEval-2016 (P, R, F1 per type) against the gold in DATA_DIR."""
    from ..eval import evaluate_factru
    from ..eval.report import markdown, split_table, tables, update_quality
    from ..eval.splits import SPLITS

    chosen = _tracks(tracks)
    if not data_dir.is_dir():
        fail(f"DATA_DIR: expected a folder of factRuEval gold files, got {str(data_dir)!r}")
    if response is not None and not response.is_dir():
        fail(f"--response: expected a folder of book_N.taskK files, got {str(response)!r}")
    if errors is not None and 1 not in chosen and 2 not in chosen:
        fail("--errors: needs track 1 or 2 in --tracks")
    if split not in SPLITS:
        fail(f"--split: expected one of {', '.join(SPLITS)}, got {split!r}")
    if errors is not None and split != "tune":
        err.print("[yellow]note[/] --errors lists held-out documents too: read them only for --split tune", highlight=False)
    with err.status("scoring factRuEval…") as status:
        result = evaluate_factru(
            data_dir, chosen, export_dir=export, response_dir=response, split=split,
            keep_details=errors is not None or (split == "all"),
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
    if split == "all":
        out.print(split_table(result))
    out.print(f"{result.documents} documents, {result.seconds:.1f} s ({result.source})", highlight=False)
    if report is not None:
        command = f"svodka eval factru {shlex.quote(str(data_dir))} --tracks {','.join(map(str, chosen))}"
        command += f" --split {split}" if split != "all" else ""
        command += f" --report {shlex.quote(str(report))}" + (f" --response {shlex.quote(str(response))}" if response else "")
        update_quality(report, markdown(result, command))
        err.print(f"wrote the factRuEval section of {report}", highlight=False)
    if export is not None:
        err.print(f"wrote responses to {export}", highlight=False)
    if errors is not None:
        from ..eval.errors import analyse

        errors.write_text(analyse(result), encoding="utf-8")
        err.print(f"wrote the error analysis to {errors}", highlight=False)


@eval_app.command("nerel")
@user_errors
def nerel(
    data_dir: Annotated[Path, typer.Argument(help="NEREL split folder (ID.txt + ID.ann, brat standoff), e.g. ../shared/data/nerel/dev.")],
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", help="Score only the first N documents (by name).")] = None,
    identity: Annotated[bool, typer.Option("--identity/--no-identity", help="Ingest into a temporary corpus and score cross-article identity.")] = True,
    report: Annotated[Optional[Path], typer.Option("--report", help="Write this split's NEREL section of this markdown file (e.g. docs/quality.md).")] = None,
    times_errors: Annotated[Optional[Path], typer.Option("--times-errors", help="Write the time-extent errors (missed, extra, boundary), grouped and counted, to this file. For train only: dev is held out.")] = None,
    errors: Annotated[Optional[Path], typer.Option("--errors", help="Write the PER/LOC/ORG mention errors by kind (markdown) here; tuning splits only.")] = None,
    identity_errors: Annotated[Optional[Path], typer.Option("--identity-errors", help="Write the identity splits and wrong merges to this file (train only: dev is held out).")] = None,
) -> None:
    """Score svodka on NEREL (mentions, times, roles, facts, person identity) against the gold in DATA_DIR."""
    from ..eval.nerel import evaluate_nerel
    from ..eval.nerel_report import markdown, table
    from ..eval.report import update_quality

    if not data_dir.is_dir():
        fail(f"DATA_DIR: expected a folder of NEREL ID.txt/ID.ann files, got {str(data_dir)!r}")
    if limit is not None and limit < 1:
        fail(f"--limit: expected a positive number, got {limit}")
    with err.status("scoring NEREL…") as status:
        found: list | None = [] if errors is not None else None
        result = evaluate_nerel(data_dir, limit=limit, identity=identity, errors=found,
                                progress=lambda name: status.update(f"scoring NEREL… {name}"))
    for name, reason in result.skipped[:SHOWN]:
        err.print(f"[yellow]skipped[/] {name}: {reason}", highlight=False)
    if len(result.skipped) > SHOWN:
        err.print(f"[yellow]skipped[/] … and {len(result.skipped) - SHOWN} more", highlight=False)
    if result.documents == 0:
        fail(f"no document could be scored in {data_dir}")
    out.print(table(result, data_dir.name))
    out.print(f"{result.documents} documents, {result.seconds:.1f} s", highlight=False)
    if times_errors is not None:
        from ..eval.nerel_times import listing

        times_errors.write_text(listing(result.time_errors), encoding="utf-8")
        err.print(f"wrote the time-extent errors to {times_errors}", highlight=False)
    if identity_errors is not None and result.identity_errors:
        identity_errors.write_text(result.identity_errors, encoding="utf-8")
        err.print(f"wrote the identity errors to {identity_errors}", highlight=False)
    if report is not None:
        command = f"svodka eval nerel {shlex.quote(str(data_dir))}" + (f" --limit {limit}" if limit else "")
        command += ("" if identity else " --no-identity") + f" --report {shlex.quote(str(report))}"
        heading, section = markdown(result, data_dir.name, command)
        update_quality(report, section, heading)
        err.print(f"wrote the {heading!r} section of {report}", highlight=False)
    if errors is not None:
        from ..eval.nerel_errors import markdown as errors_markdown

        errors.write_text(errors_markdown(found or []), encoding="utf-8")
        err.print(f"wrote the mention errors to {errors}", highlight=False)
