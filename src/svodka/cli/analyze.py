"""`svodka analyze`: one article (or a JSON-lines batch) in, JSON or a readable view out."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from rich.markup import escape

from ..errors import InputError
from ..readers import Record, read_path, read_text_record
from ..pipeline import analyze_record  # noqa: F401  (re-exported for the other commands)
from ..settings import Settings
from .app import app, fail, out, user_errors
from .render import render_document


class Format(str, Enum):
    pretty = "pretty"
    json = "json"
    jsonl = "jsonl"


def load_records(path: Optional[str], sample: bool) -> list[Record] | object:
    """The records behind a PATH argument or --sample."""
    if sample:
        from .. import sample_text

        return [read_text_record(sample_text(), "sample")]
    if path is None:
        fail("give a PATH (or - for standard input), or --sample")
    return read_path(path)


def error_record(rec: Record, reason: str) -> dict:
    return {"error": reason, "source": rec.source, "line": rec.line, "id": rec.id}


@app.command()
@user_errors
def analyze(
    path: Annotated[Optional[str], typer.Argument(help="A .txt, .html, .json or .jsonl file, or - for stdin.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output: pretty, json or jsonl.")] = Format.pretty,
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD (relative dates resolve against it).")] = None,
    title: Annotated[Optional[str], typer.Option(help="Title, when the input has none.")] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Analyse the bundled sample article.")] = False,
    quotes: Annotated[bool, typer.Option(help="Extract quotes.")] = True,
    times: Annotated[bool, typer.Option(help="Extract times.")] = True,
    facts: Annotated[bool, typer.Option(help="Extract facts.")] = True,
    brief: Annotated[bool, typer.Option(help="Make the brief.")] = True,
    workers: Annotated[int, typer.Option(help="Worker processes for a JSON-lines batch.")] = 1,
    dask: Annotated[Optional[str], typer.Option(help="Dask scheduler address (tcp://host:8786), or 'local'.")] = None,
) -> None:
    """Analyse an article: entities with roles, quotes, times, facts, brief."""
    settings = Settings(quotes=quotes, times=times, facts=facts, brief=brief and facts)
    records = load_records(path, sample)
    batch = path is not None and Path(path).name.endswith((".jsonl", ".jsonl.gz", ".ndjson"))
    failures = 0
    first = True
    for rec, doc in _results(records, settings, published, title, workers, dask, batch):
        batch = batch or rec.line is not None  # JSON lines on stdin are a batch too
        if isinstance(doc, str):
            failures += 1
            _emit_error(rec, doc, format, batch)
            continue
        if format is Format.pretty:
            if not first:
                out.rule()
            render_document(doc, out)
        elif format is Format.json and not batch:
            out.print_json(data=doc.to_dict()) if out.is_terminal else print(doc.to_json(indent=2))
        else:
            print(doc.to_json())
        first = False
    if failures and not batch:
        raise typer.Exit(1)


def _results(records, settings, published, title, workers, dask, batch):
    """(record, Document or error reason) in input order, here or over worker processes / Dask."""
    if workers > 1 or dask:
        from ..batch import analyze_records
        from ..document import Document

        for outcome in analyze_records(records, settings=settings, workers=workers, dask=dask, published=published, title=title):
            yield outcome.record, (outcome.error if outcome.error else Document.from_dict(outcome.doc))
        return
    for rec in records:
        if rec.error:
            yield rec, rec.error
            continue
        in_batch = batch or rec.line is not None  # a JSON line, from a file or stdin
        try:
            yield rec, analyze_record(rec, settings, published, title)
        except InputError as exc:
            if not in_batch:
                raise
            yield rec, str(exc)
        except Exception as exc:  # one odd record must not cost the batch; a single file shows the bug
            if not in_batch:
                raise
            yield rec, f"internal error: {type(exc).__name__}: {exc}"


def _emit_error(rec: Record, reason: str, format: Format, batch: bool) -> None:
    from .app import err

    if not batch:
        fail(f"{rec.source}: {reason}")
    if format is Format.pretty:
        err.print(f"[yellow]skipped[/] {escape(rec.source)}: {escape(reason)}", highlight=False, markup=True)
    else:
        print(json.dumps(error_record(rec, reason), ensure_ascii=False))
