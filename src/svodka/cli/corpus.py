"""Corpus commands: `svodka ingest`, `relink`, `dups`, `search`, `person`, `export` (see svodka.corpus)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from ..settings import Settings
from .app import app, err, fail, out, user_errors

DbOption = Annotated[
    Optional[str],
    typer.Option(
        "--db", envvar="SVODKA_DB", help="sqlite:///file.db, a file path, or postgresql://… [default: ./svodka.db]"
    ),
]


def _corpus(db: Optional[str], create: bool = False):
    """The store; a reading command on a store that does not exist is an error (a mistyped
    path), only ``svodka ingest`` creates one."""
    from ..corpus import Corpus
    from ..corpus.browse import require_store

    if not create:
        require_store(db)
    return Corpus(db)


@app.command()
@user_errors
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders (.txt .html .jsonl .jsonl.gz, recursively) or - for JSON lines on stdin."),
    ],
    db: DbOption = None,
    workers: Annotated[
        Optional[int], typer.Option("--workers", "-w", min=1, help="Analysing processes [default: all cores].")
    ] = None,
    quotes: Annotated[bool, typer.Option(help="Extract quotes.")] = True,
    times: Annotated[bool, typer.Option(help="Extract times.")] = True,
    facts: Annotated[bool, typer.Option(help="Extract facts.")] = True,
    published: Annotated[
        Optional[str], typer.Option(help="Publication date YYYY-MM-DD for records that carry none (plain text).")
    ] = None,
    dask: Annotated[
        Optional[str], typer.Option(help="Analyse on Dask: a scheduler address (tcp://host:8786), or 'local'.")
    ] = None,
    link: Annotated[bool, typer.Option(help="Link identities and reprints as documents arrive (--no-link: later, by relink).")] = True,
) -> None:
    """Analyse articles into the store; what is stored already is skipped, bad records go to the errors table."""
    from ..corpus.search import iso_date

    settings = Settings(quotes=quotes, times=times, facts=facts, brief=facts)
    published = iso_date(published, "published")
    corpus = _corpus(db, create=True)
    columns = (
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} docs/s"),
        TextColumn("+{task.fields[added]} ={task.fields[skipped]} !{task.fields[errors]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=False, disable=not err.is_terminal) as bar:
        task = bar.add_task("ingest", total=None, rate=0.0, added=0, skipped=0, errors=0)

        def progress(stats) -> None:  # type: ignore[no-untyped-def]
            bar.update(
                task,
                total=stats.total,
                completed=stats.seen,
                rate=stats.docs_per_second,
                added=stats.added,
                skipped=stats.skipped,
                errors=stats.errors,
            )

        stats = corpus.ingest(*paths, workers=workers, settings=settings, progress=progress, published=published,
                              dask=dask, link=link)
    out.print(
        f"{stats.added} added, {stats.skipped} already stored, {stats.errors} errors "
        f"in {stats.seconds:.1f} s ({stats.docs_per_second:.1f} docs/s)",
        highlight=False,
    )
    if stats.errors:
        for e in corpus.errors()[:5]:
            line = f":{e['line']}" if e["line"] and ":" not in e["source"] else ""
            err.print(f"[yellow]error[/] {escape(e['source'])}{line}: {escape(e['reason'])}", highlight=False, markup=True)
        err.print("all errors are kept in the store's errors table", highlight=False)


@app.command()
@user_errors
def relink(
    db: DbOption = None,
    chunk: Annotated[int, typer.Option(min=1, help="Documents linked per transaction (memory grows with it).")] = 500,
) -> None:
    """Recompute identities and duplicate groups from scratch (after a change of the linking rules)."""
    import time

    started = time.perf_counter()
    n = _corpus(db).relink(chunk=chunk)
    out.print(f"{n} documents linked in {time.perf_counter() - started:.1f} s", highlight=False)


@app.command()
@user_errors
def dups(db: DbOption = None) -> None:
    """List groups of near-duplicate documents (reprints)."""
    groups = _corpus(db).duplicates()
    if not groups:
        out.print("no duplicate groups")
        return
    for i, group in enumerate(groups, 1):
        out.print(f"[bold]group {i}[/] ({len(group)} documents)", markup=True)
        for d in group:
            out.print(
                f"  {escape(d['published'] or '—'):10}  {escape(d['title'] or '(no title)')}  [dim]{escape(d['source'])}[/]",
                highlight=False,
                markup=True,
            )


@app.command()
@user_errors
def search(
    query: Annotated[str, typer.Argument(help="Words to find (any inflection).")],
    db: DbOption = None,
    person: Annotated[Optional[str], typer.Option(help="Only documents about this person.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 10,
) -> None:
    """Ranked documents with highlighted snippets."""
    hits = _corpus(db).search(query, person=person, since=since, until=until, limit=limit)
    if not hits:
        out.print("no documents found")
        return
    for h in hits:
        out.print(
            f"[bold]{escape(h.title or '(no title)')}[/]  {escape(h.published or '')}  [dim]{escape(h.source)}[/]",
            highlight=False,
            markup=True,
        )
        out.print(
            "  "
            + h.highlighted("\x00", "\x01").replace("[", "\\[").replace("\x00", "[bold yellow]").replace("\x01", "[/]"),
            highlight=False,
            markup=True,
        )


@app.command()
@user_errors
def person(
    name: Annotated[str, typer.Argument(help="A name: «Керри», «Джон Керри».")],
    db: DbOption = None,
    why: Annotated[bool, typer.Option("--why", help="Explain which evidence linked each of the person's mentions.")] = False,
) -> None:
    """A person across the corpus: roles, quotes with dates and sources, co-occurring people, facts."""
    corpus = _corpus(db)
    view = corpus.person(name)
    if view is None:
        fail(f"no person named {name!r} in the store")
    out.print(
        f"[bold]{escape(view.name)}[/]  {view.n_docs} documents, {escape(view.first_seen or '?')} … {escape(view.last_seen or '?')}",
        highlight=False,
        markup=True,
    )
    if view.variants:
        out.print("  also: " + escape(", ".join(view.variants)), highlight=False)
    if view.others:
        out.print("  [dim]namesakes: " + escape(", ".join(view.others)) + "[/]", highlight=False, markup=True)
    _section("Roles", [_role_line(r) for r in view.roles])
    _section("Quotes", [_quote_line(q) for q in view.quotes])
    _section("With", [f"{escape(n)}  [dim]{c} docs[/]" for n, c in view.people])
    _section("Timeline", [_fact_line(f) for f in view.facts])
    if why:
        _section("Why these mentions", [_why_line(w) for w in corpus.person_why(view.id)])


def _why_line(w) -> str:  # type: ignore[no-untyped-def]
    posts = f" ({escape(', '.join(w.posts))})" if w.posts else ""
    written = f" as {escape(', '.join(w.names))}" if w.names and w.names != [w.name] else ""
    docs = ", ".join(map(str, w.docs)) + (f" +{w.n_docs - len(w.docs)}" if w.n_docs > len(w.docs) else "")
    return (f"{escape(w.name)}{posts}: {w.mentions} mentions{written} [dim](docs {docs})[/]\n"
            f"      {escape(w.why)}")


def _span(first: str | None, last: str | None) -> str:
    return f"{first or ''}{' … ' + last if last and last != first else ''}"


def _role_line(r) -> str:  # type: ignore[no-untyped-def]
    return f"{escape(r.name)}  [dim]{escape(_span(r.first_seen, r.last_seen))} ({r.n_docs} docs)[/]"


def _quote_line(q) -> str:  # type: ignore[no-untyped-def]
    text = f"«{escape(q.text)}»" if q.kind == "direct" else escape(q.text)
    where = [q.kind, escape(q.title or q.source)] + ([escape(q.url)] if q.url else [])
    if q.reprints:
        where.append(f"+{q.reprints} reprints")
    return f"{escape(q.date or '—')}  {text}  [dim]({'; '.join(where)})[/]"


def _fact_line(f) -> str:  # type: ignore[no-untyped-def]
    status = "" if f.status == "done" else f" ({f.status})"
    return f"{escape(f.when or '—')}  {escape(f.type)}{status}: {escape(f.text)}  [dim]{escape(f.title or f.source)}[/]"


def _section(title: str, lines: list[str]) -> None:
    out.print(f"\n[bold underline]{title}[/]", markup=True)
    for line in lines or ["[dim]none[/]"]:
        out.print("  " + line, highlight=False, markup=True)


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"


@app.command()
@user_errors
def export(
    db: DbOption = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    out_path: Annotated[
        Optional[Path], typer.Option("--out", "-o", help="Output file [default: stdout for jsonl].")
    ] = None,
) -> None:
    """Every stored document as svodka JSON lines or a Parquet table."""
    corpus = _corpus(db)
    if format is ExportFormat.parquet and out_path is None:
        fail("parquet needs --out FILE")
    n = corpus.export(out_path if out_path is not None else sys.stdout, format.value)
    err.print(f"{n} documents exported", highlight=False)
