"""Visit: who travels where («Барак Обама совершит визит в Россию», «посетил Пекин»)."""

from __future__ import annotations

from ..document import LOC, ORG, PER, Arg, Fact
from .common import finish, governing_verb
from .context import Context

VISIT_NOUNS = frozenset({"визит", "поездка", "посещение", "турне", "вояж"})
ARRIVE_VERBS = frozenset({"прибыть", "прибывать", "приехать", "приезжать", "прилететь", "прилетать", "отправиться", "направиться", "поехать", "съездить", "побывать", "посетить", "посещать", "наведаться"})
DESTINATION_PREPS = frozenset({"в", "во", "на"})
# Light verbs whose subject makes the visit: «совершить/нанести визит».
VISIT_LIGHT_VERBS = frozenset({"совершить", "совершать", "нанести", "наносить", "планировать", "начать", "завершить", "отправиться"})


def visits(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    for i, t in enumerate(ctx.doc.tokens):
        if t.pos == "NOUN" and t.lemma in VISIT_NOUNS:
            verb = governing_verb(ctx, i)
            who = _noun_visitor(ctx, i)
            if who is None and verb != i and ctx.tok(verb).lemma in VISIT_LIGHT_VERBS:
                who = ctx.subject(verb)  # «Обама совершит визит в Россию»
            dest = _destination(ctx, i) or (_destination(ctx, verb) if verb != i else None)
        elif t.pos == "VERB" and t.lemma in ARRIVE_VERBS:
            who, dest = ctx.subject(i), _destination(ctx, i)
        else:
            continue
        if who is None or dest is None or ctx.same(who, dest) or ctx.entity_type(who) not in (PER, ORG):
            continue
        fact = Fact(id="", type="Visit", args=[Arg(role="who", entity=who), Arg(role="destination", entity=dest)])
        facts.append(finish(ctx, fact, i))
    return facts


def _noun_visitor(ctx: Context, i: int) -> str | None:
    for c in ctx.kids(i, "nmod", "det"):
        if ctx.prep(c) is None and (ctx.case(c) == "Gen" or ctx.tok(c).rel == "det"):
            eid = ctx.entity_at(c, (PER, ORG))
            if eid:
                return eid
    return None


def _destination(ctx: Context, i: int) -> str | None:
    for c in ctx.kids(i, "nmod", "obl", "obj"):
        eid = ctx.token_entity.get(c)
        if not eid or ctx.entity_type(eid) != LOC:
            continue
        if ctx.tok(c).rel == "obj" and ctx.tok(i).lemma in ("посетить", "посещать", "посещение"):
            return eid
        if ctx.prep(c) in DESTINATION_PREPS and ctx.case(c) == "Acc":
            return eid
        if ctx.tok(i).lemma == "посещение" and ctx.case(c) == "Gen":
            return eid
    return None
