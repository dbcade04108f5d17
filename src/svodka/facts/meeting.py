"""Meeting: who met whom, where and when («встреча Путина и Обамы состоится на саммите G8»)."""

from __future__ import annotations

from ..document import PER, Fact
from .common import add_party, event_and_place, finish, genitive_parties, governing_verb, participant_args, plural_backref, with_parties
from .context import Context

MEETING_NOUNS = frozenset({"встреча", "переговоры", "беседа", "саммит-встреча"})
MEETING_VERBS = frozenset({"встретиться", "встречаться", "увидеться", "побеседовать", "переговорить"})


def meetings(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    for i, t in enumerate(ctx.doc.tokens):
        if t.pos == "NOUN" and t.lemma in MEETING_NOUNS and not _phone(ctx, i):
            parties, verb = _noun_parties(ctx, i), governing_verb(ctx, i)
        elif t.pos == "VERB" and t.lemma in MEETING_VERBS:
            parties, verb = [], i
            for p in ctx.subjects(i):
                add_party(ctx, parties, p if ctx.entity_type(p) == PER else None)
            for p in with_parties(ctx, i, (PER,)):
                add_party(ctx, parties, p)
        else:
            continue
        if len(parties) < 2:
            parties = plural_backref(ctx, i, ("Meeting",)) or []
        if len(parties) < 2:
            continue
        fact = Fact(id="", type="Meeting", args=participant_args(parties))
        fact.args += event_and_place(ctx, [i, verb] if verb != i else [i])
        facts.append(finish(ctx, fact, i))
        ctx.facts.append(fact)
    return facts


def _phone(ctx: Context, i: int) -> bool:
    """«телефонные переговоры» are a Call."""
    return any(ctx.tok(c).lemma == "телефонный" for c in ctx.kids(i, "amod"))


def _noun_parties(ctx: Context, i: int) -> list[str]:
    parties = genitive_parties(ctx, i, (PER,))
    others = with_parties(ctx, i, (PER,))
    if others and len(parties) < 1:
        verb = governing_verb(ctx, i)
        add_party(ctx, parties, ctx.subject(verb) if verb != i else None)
    for p in others:
        add_party(ctx, parties, p)
    if len(parties) < 2 and ctx.prep(i) == "за":  # «поблагодарил Путина за беседу»
        verb = governing_verb(ctx, i)
        add_party(ctx, parties, ctx.subject(verb))
        for c in ctx.kids(verb, "obj"):
            add_party(ctx, parties, ctx.entity_at(c, (PER,)))
    return parties
