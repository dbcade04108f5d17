"""Ownership: who owns a company («основатель MySQL Майкл Видениус»,
«DST, принадлежащая Юрию Мильнеру», «Цукерберг владеет Facebook»)."""

from __future__ import annotations

from ..document import LOC, ORG, PER, Arg, Fact
from .context import Context
from .lexicon import OWNER_NOUNS
from .occupation import holder, post_org

OWN_VERBS = frozenset({"владеть", "принадлежать", "контролировать"})


def ownerships(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    for i, t in enumerate(ctx.doc.tokens):
        if t.lemma in OWNER_NOUNS and t.pos in ("NOUN", "ADJ"):
            pair = _by_noun(ctx, i)
        elif t.lemma in OWN_VERBS and t.pos == "VERB":
            pair = _by_verb(ctx, i)
        else:
            continue
        if pair is None:
            continue
        owners, prop = pair
        for owner in owners:
            if owner and prop and not ctx.same(owner, prop):
                args = [Arg(role="owner", entity=owner), Arg(role="property", entity=prop)]
                facts.append(Fact(id="", type="Ownership", args=args, evidence=ctx.evidence(i)))
    return facts


def _by_noun(ctx: Context, i: int) -> tuple[list[str], str] | None:
    found = holder(ctx, i)  # the same places as a post's holder, copulas included
    if found is None:
        return None
    owner, name_at = found
    prop = post_org(ctx, i, owner, name_at)
    if prop is None or not prop.entity or ctx.entity_type(prop.entity) != ORG:
        return None
    return [owner], prop.entity


def _by_verb(ctx: Context, v: int) -> tuple[list[str], str] | None:
    t = ctx.tok(v)
    if t.lemma == "принадлежать":
        # «DST, принадлежащая Юрию Мильнеру»: a participle hangs from the property.
        # Read the name right before the comma first: the parser often misplaces the participle.
        prop = ctx.token_entity.get(v - 2) if v >= 2 and ctx.tok(v - 1).text == "," else None
        if ctx.entity_type(prop) != ORG:
            prop = ctx.token_entity.get(t.head) if t.rel == "acl" and t.head >= 0 else None
        if ctx.entity_type(prop) != ORG:
            prop = None
        if prop is None:
            subj = ctx.kids(v, "nsubj")
            prop = ctx.entity_at(subj[0], (ORG,)) if subj else None
        owners = [ctx.entity_at(k, (PER, ORG, LOC)) for c in ctx.kids(v, "iobj", "obl", "obj") if ctx.case(c) == "Dat" for k in ctx.conj_group(c)]
        return ([o for o in owners if o], prop) if prop else None
    owner = ctx.subject(v)
    props = [ctx.entity_at(c, (ORG,)) for c in ctx.kids(v, "obj", "obl") if ctx.prep(c) is None]
    props = [p for p in props if p]
    if owner and props:
        return [owner], props[0]
    return None
