"""The readable terminal view of a Document (``--format pretty``)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..document import Document

TYPE_TITLES = {"PER": "Люди", "ORG": "Организации", "LOC": "Места"}


def entity_table(doc: Document, etype: str) -> Table | None:
    ents = [e for e in doc.entities if e.type == etype]
    if not ents:
        return None
    table = Table(title=TYPE_TITLES.get(etype, etype), title_justify="left", show_edge=False, expand=False)
    table.add_column("имя", style="bold")
    table.add_column("роль" if etype == "PER" else "", style="cyan")
    table.add_column("упоминаний", justify="right")
    table.add_column("как названы", style="dim")
    ents.sort(key=lambda e: (-len(e.mentions), e.mentions[0].start if e.mentions else 0))
    for ent in ents:
        if etype == "PER":
            extra = "; ".join(r.name for r in ent.roles)
        else:
            extra = "геополитический" if ent.geopolitical else ""
        forms = sorted({m.text for m in ent.mentions} - {ent.name})
        table.add_row(ent.name, extra, str(len(ent.mentions)), ", ".join(forms))
    return table


def render_document(doc: Document, console: Console) -> None:
    from .facts import render_facts
    from .quotes import render_quotes
    from .times import render_times

    head = Text(doc.title or doc.text[:80], style="bold underline")
    if doc.published:
        head.append(f"  {doc.published}", style="dim")
    console.print(head)
    for etype in ("PER", "ORG", "LOC"):
        table = entity_table(doc, etype)
        if table is not None:
            console.print()
            console.print(table)
    for render in (render_quotes, render_times, render_facts):
        section = render(doc)
        if section is not None:
            console.print()
            console.print(section)
