"""`svodka analyze`: one article (or a JSON-lines batch) in, JSON or a readable view out."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import InputError
from ..readers import Record, read_path, read_text_record
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


def analyze_record(rec: Record, settings: Settings, published: Optional[str], title: Optional[str]):
    from ..pipeline import analyze

    return analyze(
        rec.text,
        title=title or rec.title,
        published=published or rec.published,
        url=rec.url,
        id=rec.id,
        settings=settings,
    )


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
) -> None:
    """Analyse an article: entities with roles, quotes, times, facts, brief."""
    settings = Settings(quotes=quotes, times=times, facts=facts, brief=brief and facts)
    records = load_records(path, sample)
    batch = path is not None and Path(path).name.endswith((".jsonl", ".jsonl.gz", ".ndjson"))
    failures = 0
    first = True
    for rec in records:
        if rec.error:
            failures += 1
            _emit_error(rec, rec.error, format, batch)
            continue
        try:
            doc = analyze_record(rec, settings, published, title)
        except InputError as exc:
            if not batch:
                raise
            failures += 1
            _emit_error(rec, str(exc), format, batch)
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


def _emit_error(rec: Record, reason: str, format: Format, batch: bool) -> None:
    from .app import err

    if not batch:
        fail(f"{rec.source}: {reason}")
    if format is Format.pretty:
        err.print(f"[yellow]skipped[/] {rec.source}: {reason}", highlight=False)
    else:
        print(json.dumps(error_record(rec, reason), ensure_ascii=False))
