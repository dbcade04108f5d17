"""Participation: who takes part in an event («примет участие в саммите G20 в Санкт-Петербурге»)."""

from __future__ import annotations

from ..document import ORG, PER, Arg, Fact
from .common import event_and_place, event_arg, finish
from .context import Context
from .lexicon import EVENT_NOUNS

PARTICIPATE_VERBS = frozenset({"участвовать", "поучаствовать"})


def participations(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    for i, t in enumerate(ctx.doc.tokens):
        if t.lemma == "участие" and t.head >= 0 and ctx.tok(t.head).lemma in ("принять", "принимать"):
            verb = t.head
        elif t.pos == "VERB" and t.lemma in PARTICIPATE_VERBS:
            verb = i
        else:
            continue
        who = ctx.subject(verb)
        if who is None or ctx.entity_type(who) not in (PER, ORG):
            continue
        event = _event(ctx, i, verb)
        if event is None:
            continue
        args = [Arg(role="who", entity=who), event_arg(ctx, event)]
        args += [a for a in event_and_place(ctx, [event, verb]) if a.role == "place"]
        facts.append(finish(ctx, Fact(id="", type="Participation", args=args), verb))
    return facts


def _event(ctx: Context, i: int, verb: int) -> int | None:
    """The event noun under «участие в …», or the next one to the right in the clause
    (the parser often hangs «в саммите» on a neighbouring noun)."""
    for j in (i, verb):
        for c in ctx.kids(j, "nmod", "obl"):
            if ctx.prep(c) in ("в", "во") and (ctx.tok(c).lemma in EVENT_NOUNS or ctx.entity_type(ctx.token_entity.get(c)) == ORG):
                return c
    sent = ctx.sentence(i)
    for k in range(i + 1, min(sent.last, i + 6)):
        if ctx.tok(k).lemma in EVENT_NOUNS and ctx.prep(k) in ("в", "во"):
            return k
    return None

