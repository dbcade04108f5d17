"""Statement: one fact per quote of the quotes layer (speaker and quote id)."""

from __future__ import annotations

from ..document import Arg, Fact, Span
from .context import Context


def statements(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    for q in ctx.doc.quotes:
        args = []
        if q.speaker:
            args.append(Arg(role="speaker", entity=q.speaker))
        args.append(Arg(role="quote", quote=q.id))
        if q.via:
            args.append(Arg(role="via", entity=q.via))
        facts.append(Fact(id="", type="Statement", args=args, status="done", evidence=_evidence(ctx, q)))
    return facts


def _evidence(ctx: Context, q) -> Span:
    end = max(q.end, q.cue.end if q.cue else q.end)
    start = min(q.start, q.cue.start if q.cue else q.start)
    first = ctx.doc.sent_of(start)
    last = ctx.doc.sent_of(max(start, end - 1))
    a = first.start if first else start
    b = last.end if last else end
    return Span(a, b, ctx.doc.text[a:b])
