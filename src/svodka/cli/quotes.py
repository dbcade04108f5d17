"""`svodka quotes PATH|--sample`, `svodka eval quotes [DATA]`, and the quotes section of the pretty view."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from ..document import Document
from ..settings import Settings
from .app import app, err, eval_app, out, user_errors

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "quotes"
DEFAULT_FACTRU = Path(__file__).resolve().parents[4] / "shared" / "data" / "factru" / "devset"
DEFAULT_NEREL = Path(__file__).resolve().parents[4] / "shared" / "data" / "nerel"
KIND_NAMES = {"direct": "прямая", "indirect": "косвенная"}


class QuoteFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def render_quotes(doc: Document) -> Table | None:
    """The quotes section of `svodka analyze --format pretty` (a Rich table), or None."""
    if not doc.quotes:
        return None
    table = Table(title="Цитаты", title_justify="left", show_edge=False, expand=True)
    table.add_column("кто", style="bold", no_wrap=True)
    table.add_column("глагол", style="cyan", no_wrap=True)
    table.add_column("речь", style="dim", no_wrap=True)
    table.add_column("цитата", ratio=1, min_width=30)
    for q in doc.quotes:
        who = q.speaker_name or "—"
        if q.via_name:
            who += f" (через {q.via_name})"
        # No verb in «по его словам», «По мнению …»: show the source phrase's first words.
        words = [w for w in (q.cue.text.lower().split() if q.cue else []) if w not in ("его", "её", "ее", "их")]
        verb = q.verb or " ".join(words[:2])
        table.add_row(who, verb, KIND_NAMES.get(q.kind, q.kind), q.text)
    return table


def _quotes_record(doc: Document) -> dict:
    return {"id": doc.id, "title": doc.title, "quotes": doc.to_dict()["quotes"]}


@app.command()
@user_errors
def quotes(
    path: Annotated[Optional[str], typer.Argument(help="A .txt, .html, .json or .jsonl file, or - for stdin.")] = None,
    format: Annotated[QuoteFormat, typer.Option("--format", "-f", help="Output: table, json or jsonl (one quote a line).")] = QuoteFormat.table,
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD.")] = None,
    title: Annotated[Optional[str], typer.Option(help="Title, when the input has none.")] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Read the bundled sample article.")] = False,
) -> None:
    """Who said what: direct and reported speech with speakers, verbs and relaying agencies."""
    from ..errors import InputError
    from .analyze import analyze_record, load_records

    settings = Settings(times=False, facts=False, brief=False)
    records = []
    for rec in load_records(path, sample):
        if rec.error:
            err.print(f"[yellow]skipped[/] {escape(rec.source)}: {escape(rec.error)}", highlight=False, markup=True)
            continue
        try:
            doc = analyze_record(rec, settings, published, title)
        except InputError as exc:
            err.print(f"[yellow]skipped[/] {escape(rec.source)}: {escape(str(exc))}", highlight=False, markup=True)
            continue
        if format is QuoteFormat.table:
            table = render_quotes(doc)
            out.print(table if table is not None else "(цитат не найдено)")
        elif format is QuoteFormat.jsonl:
            for q in doc.to_dict()["quotes"]:
                print(json.dumps({"doc": doc.id or rec.source, **q}, ensure_ascii=False))
        else:
            records.append(_quotes_record(doc))
    if format is QuoteFormat.json:
        data = records[0] if len(records) == 1 else records
        print(json.dumps(data, ensure_ascii=False, indent=2))


@eval_app.command("quotes")
@user_errors
def eval_quotes(
    data: Annotated[Optional[Path], typer.Argument(help="Directory of annotated *.json files (default tests/data/quotes).")] = None,
    factru: Annotated[Optional[Path], typer.Option(help="factRuEval devset directory holding book_N.txt.")] = None,
    nerel: Annotated[Optional[Path], typer.Option(help="NEREL directory holding train/ and dev/.")] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List missed, extra and misattributed quotes.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Score quote detection (P/R/F1, spans overlapping by half the longer), speaker accuracy on matched
    quotes and end-to-end P/R/F1 (span and speaker right), for direct and indirect speech and in all."""
    import os

    from ..models import load_models
    from ..pipeline import analyze
    from ..quotes.score import evaluate

    data = data or DEFAULT_DATA
    factru = factru or Path(os.environ.get("SVODKA_FACTRU", DEFAULT_FACTRU))
    nerel = nerel or Path(os.environ.get("SVODKA_NEREL", DEFAULT_NEREL))
    models = load_models()
    settings = Settings(times=False, facts=False, brief=False)
    score = evaluate(data, factru, lambda text: analyze(text, settings=settings, models=models), nerel)
    rows = [*sorted(score.by_kind.items()), ("all", score)]
    if as_json:
        print(json.dumps({"docs": score.docs, **{kind: s.figures() for kind, s in rows}}, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"Quotes on {score.docs} documents", title_justify="left", show_edge=False)
    for col in ("", "gold", "found", "matched", "P", "R", "F1", "speaker acc.", "e2e P", "e2e R", "e2e F1"):
        table.add_column(col, justify="right" if col else "left")
    for kind, s in rows:
        table.add_row(
            kind, str(s.gold), str(s.pred), str(s.matched), f"{s.precision:.3f}", f"{s.recall:.3f}",
            f"{s.f1:.3f}", f"{s.speaker_accuracy:.3f}", f"{s.e2e_precision:.3f}", f"{s.e2e_recall:.3f}",
            f"{s.e2e_f1:.3f}", style="bold" if s is score else None,
        )
    out.print(table)
    if errors:
        for miss in score.misses:
            who = f" gold={miss.gold_speaker!r} found={miss.pred_speaker!r}" if miss.what != "missed" else f" gold={miss.gold_speaker!r}"
            out.print(f"[yellow]{miss.what}[/] {escape(f'{miss.doc}:{who} {miss.text[:100]!r}')}", highlight=False, markup=True)
