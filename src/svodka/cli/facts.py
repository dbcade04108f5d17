"""The facts section of the pretty view, and `svodka brief PATH|--sample`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.console import Group
from rich.markup import escape
from rich.text import Text

from ..document import Document
from ..settings import Settings
from .app import app, out, user_errors

STATUS_STYLES = {"done": "green", "planned": "cyan", "possible": "yellow", "negated": "red"}


def render_facts(doc: Document) -> object | None:
    """The facts section of `svodka analyze --format pretty` (a Rich renderable), or None."""
    from ..facts.describe import fact_line

    if not doc.facts:
        return None
    lines = [Text("Факты", style="bold")]
    order = ("Meeting", "Visit", "Participation", "Call", "Message", "Deal", "Ownership", "Occupation", "Statement")
    for fact in sorted(doc.facts, key=lambda f: (order.index(f.type) if f.type in order else 99, f.evidence.start if f.evidence else 0)):
        line = Text("  ")
        line.append(fact_line(doc, fact), style=STATUS_STYLES.get(fact.status, ""))
        lines.append(line)
    return Group(*lines)


def render_brief(doc: Document) -> object:
    brief = doc.brief
    parts: list[Text] = [Text(doc.title or "", style="bold underline")] if doc.title else []
    if brief is None or not brief.summary:
        parts.append(Text("(краткое изложение не построено)", style="dim"))
        return Group(*parts)
    parts.append(Text(brief.summary))
    if brief.keyphrases:
        parts.append(Text("Ключевые слова: " + ", ".join(brief.keyphrases), style="cyan"))
    return Group(*parts)


@app.command()
@user_errors
def brief(
    path: Annotated[Optional[str], typer.Argument(help="A .txt, .html, .json or .jsonl file, or - for stdin.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD.")] = None,
    title: Annotated[Optional[str], typer.Option(help="Title, when the input has none.")] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Brief the bundled sample article.")] = False,
) -> None:
    """The title, a 2–4 sentence summary and 5–10 key phrases of an article."""
    from ..errors import InputError
    from .analyze import analyze_record, load_records
    from .app import err

    first, skipped = True, 0
    for rec in load_records(path, sample):
        try:
            if rec.error:
                raise InputError(rec.error)
            doc = analyze_record(rec, Settings(), published, title)
        except InputError as exc:
            # One bad record of a batch is skipped with its reason; the batch goes on.
            err.print(f"[yellow]skipped[/] {escape(rec.source)}: {escape(str(exc))}", highlight=False, markup=True)
            skipped += 1
            continue
        if not first:
            out.rule()
        out.print(render_brief(doc))
        first = False
    if skipped and first:
        raise typer.Exit(1)  # nothing could be briefed
