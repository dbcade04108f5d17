"""Occupation from verbs of heading: «Харада, ранее возглавлявший отдел России в МИДе», «партия,
возглавляемая Бхутто», «Вайдман руководил отделом экономики», «управляющий компанией FaceCash».

factRuEval annotates these as Occupation facts with a place of work and, unless a post noun
says it («управляющий»), no position; NEREL as WORKPLACE relations.  Three shapes:
1. a finite verb or an infinitive: the holder is its subject, the place its object
   (accusative for «возглавлять», instrumental for «руководить», «управлять»);
2. an active participle («возглавлявший», «руководящий»): the holder is the noun it modifies;
3. a passive participle («возглавляемая»): the place is the noun it modifies, the holder its
   instrumental agent («возглавляемой ею партии»: a pronoun resolved to its person).
"""

from __future__ import annotations

from ..document import LOC, ORG, PER, Arg, Fact
from .context import Context
from .lexicon import org_heads

HEADING_VERBS = frozenset({"возглавлять", "возглавить", "руководить", "управлять", "возглавляемый", "руководимый"})
# «руководить отделом», «управлять компанией»: the place is in the instrumental; «возглавлять» takes it
# in the accusative.
INSTRUMENTAL = frozenset({"руководить", "управлять", "руководимый"})
PASSIVE = frozenset({"возглавляемый", "руководимый"})


def headings(ctx: Context) -> list[Fact]:
    from .occupation import is_post, phrase_end

    facts: list[Fact] = []
    for v, t in enumerate(ctx.doc.tokens):
        if t.lemma not in HEADING_VERBS or t.pos not in ("VERB", "ADJ", "NOUN"):
            continue
        participle = t.feats.get("VerbForm") == "Part" or t.pos == "ADJ" or (t.pos == "NOUN" and is_post(t.lemma))
        if t.lemma in PASSIVE or (participle and (t.feats.get("Voice") == "Pass" or ctx.kids(v, "obl:agent"))):
            who = _agent(ctx, v)
            where = _place(ctx, t.head, phrase_end) if t.rel in ("acl", "amod") and t.head >= 0 else None
        else:
            if participle and t.rel in ("acl", "amod", "appos", "acl:relcl"):
                who = _holder_noun(ctx, t.head) if t.head >= 0 else None
                who = who or _name_before_comma(ctx, v)
            else:
                subj = ctx.subject(v)
                who = subj if ctx.entity_type(subj) == PER else None
            where = next((p for c in _objects(ctx, v) if (p := _place(ctx, c, phrase_end))), None)
        if who is None or where is None:
            continue
        args = [Arg(role="who", entity=who)]
        if is_post(t.lemma) or is_post(t.text.lower()):  # «управляющий компанией»: a post noun as well as a verb
            args.append(ctx.text_arg("position", v, v))
        args.append(where)
        facts.append(Fact(id="", type="Occupation", args=args, evidence=ctx.evidence(v)))
    return facts


def _objects(ctx: Context, v: int) -> list[int]:
    case = "Ins" if ctx.tok(v).lemma in INSTRUMENTAL else "Acc"
    return [c for c in ctx.kids(v, "obj", "obl", "iobj") if ctx.prep(c) is None and (ctx.case(c) in (case, None) or ctx.tok(c).rel == "obj")]


def _agent(ctx: Context, v: int) -> str | None:
    for c in ctx.kids(v, "obl:agent", "obl", "nmod", "obj"):
        if ctx.prep(c) is None and ctx.case(c) == "Ins":
            eid = ctx.entity_at(c, (PER,))
            if eid:
                return eid
    return None


def _holder_noun(ctx: Context, k: int) -> str | None:
    """The person a participle's noun names: the name in apposition first («посол Японии Синдзи
    Харада, возглавлявший …»: not whoever else the post «посол» was resolved to)."""
    for c in ctx.kids(k, "appos", "flat:name"):
        eid = ctx.token_entity.get(c)
        if eid and ctx.entity_type(eid) == PER:
            return eid
    return ctx.entity_at(k, (PER,))


def _name_before_comma(ctx: Context, v: int) -> str | None:
    """«Иван Петров, ранее возглавлявший …»: the name right before the participle's comma (the parser
    sometimes leaves the participle without its noun)."""
    k = v - 1
    while k >= 0 and ctx.tok(k).head == v and ctx.tok(k).rel == "advmod":
        k -= 1
    if k >= 1 and ctx.tok(k).text == "," and ctx.tok(k).sent == ctx.tok(v).sent:
        eid = ctx.token_entity.get(k - 1)
        return eid if eid and ctx.entity_type(eid) == PER else None
    return None


def _place(ctx: Context, c: int, phrase_end) -> Arg | None:
    """The organisation at token ``c``: a named one, or a phrase headed by an organisation noun
    («отдел России в японском МИДе» → «отдел России»)."""
    if ctx.tok(c).lemma == "который":
        return None
    eid = ctx.entity_at(c, (ORG,))
    if eid:
        return Arg(role="where", entity=eid)
    if ctx.tok(c).lemma in org_heads() and ctx.tok(c).pos == "NOUN":
        start = min([k for k in ctx.kids(c, "amod") if k < c] + [c])
        end = phrase_end(ctx, c, None)
        inner = [e for k in range(start, end + 1) if (e := ctx.token_entity.get(k)) and ctx.entity_type(e) in (ORG, LOC)]
        return ctx.text_arg("where", start, end, entity=inner[0] if inner else None)
    return None
