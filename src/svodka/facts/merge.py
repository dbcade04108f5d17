"""Merge facts that say the same thing twice (a repeated lead, a headline, a recap).

Two event facts of one type merge when their participants are the same people
and their times agree (one unknown, or one inside the other); the merged fact
keeps the more precise time and the union of the other arguments.
"""

from __future__ import annotations

from ..document import Fact, TimeExpr
from .context import Context, entity_key

PARTY_ROLES = frozenset({"participant", "who", "sender", "recipient", "owner", "property", "speaker"})
# Deals and stakes told in two sentences are two reports (another purchase, the stake after
# it: «DST приобрела акции Facebook в мае … Позже DST приобрела ещё 1,5 %»), as factRuEval
# annotates them; only a repeat within one sentence merges.
SEPARATE_REPORTS = frozenset({"Deal", "Ownership"})


def merge_facts(ctx: Context, facts: list[Fact]) -> list[Fact]:
    out: list[Fact] = []
    for fact in facts:
        for kept in out:
            if _same(ctx, kept, fact):
                _absorb(ctx, kept, fact)
                break
        else:
            out.append(fact)
    return out


def _parties(ctx: Context, fact: Fact) -> frozenset:
    return frozenset((a.role, entity_key(ctx.entity(a.entity)) or a.entity) for a in fact.args if a.role in PARTY_ROLES and a.entity)


def _same(ctx: Context, a: Fact, b: Fact) -> bool:
    if a.type != b.type or a.type == "Statement":
        return False
    if _parties(ctx, a) != _parties(ctx, b):
        return False
    if a.type == "Occupation":
        if _position_start(a) is not None and _position_start(a) == _position_start(b):
            return True  # one post in the text: the entity layer's role and the pattern agree on it
        return _position_key(ctx, a) == _position_key(ctx, b) and _compatible_where(ctx, a, b)
    if a.type in SEPARATE_REPORTS and not _same_sentence(a, b):
        return False
    if not all(_arg_agrees(ctx, a, b, role) for role in ("event", "place", "destination")):
        return False
    return _times_agree(ctx.time(a.time), ctx.time(b.time))


def _same_sentence(a: Fact, b: Fact) -> bool:
    return a.evidence is not None and b.evidence is not None and a.evidence.start == b.evidence.start


def _arg_agrees(ctx: Context, a: Fact, b: Fact, role: str) -> bool:
    """Both facts name this argument differently: two meetings, not one."""
    x = next((g for g in a.args if g.role == role), None)
    y = next((g for g in b.args if g.role == role), None)
    if x is None or y is None:
        return True
    if x.entity and y.entity:
        return ctx.same(x.entity, y.entity)
    return (x.text or "").lower()[:4] == (y.text or "").lower()[:4]


def _position_start(fact: Fact) -> int | None:
    return next((a.start for a in fact.args if a.role == "position"), None)


def _position_key(ctx: Context, fact: Fact) -> str:
    """The post's head noun, cut to a stem: «официальный представитель» ~ «представителя»."""
    for a in fact.args:
        if a.role != "position" or not a.text:
            continue
        if a.start is not None and a.end is not None:
            nouns = [ctx.tok(k).lemma for k in ctx.tokens_in(a.start, a.end) if ctx.tok(k).pos == "NOUN"]
            if nouns:
                return nouns[0][:5]
        return a.text.lower().split()[-1][:5] if a.text.split() else ""
    return ""


def _where_key(ctx: Context, fact: Fact):
    for a in fact.args:
        if a.role == "where":
            return entity_key(ctx.entity(a.entity)) if a.entity else ("text", (a.text or "").lower())
    return None


def _compatible_where(ctx: Context, a: Fact, b: Fact) -> bool:
    wa, wb = _where_key(ctx, a), _where_key(ctx, b)
    return wa is None or wb is None or wa == wb


def _span(t: TimeExpr) -> tuple[str, str]:
    if t.interval:
        return t.interval.start, t.interval.end
    return t.value, t.value


def _times_agree(a: TimeExpr | None, b: TimeExpr | None) -> bool:
    if a is None or b is None:
        return True
    (s1, e1), (s2, e2) = _span(a), _span(b)
    return (s1 <= s2 and e2 <= e1) or (s2 <= s1 and e1 <= e2) or s1.startswith(s2) or s2.startswith(s1)


def _absorb(ctx: Context, kept: Fact, other: Fact) -> None:
    t_kept, t_other = ctx.time(kept.time), ctx.time(other.time)
    if t_other is not None and (t_kept is None or _narrower(t_other, t_kept)):
        kept.time = other.time
    _longer_position(kept, other)
    roles = {a.role for a in kept.args}
    for arg in other.args:
        if arg.role not in roles and arg.role not in PARTY_ROLES:
            kept.args.append(arg)
    if kept.count is None:
        kept.count = other.count


def _narrower(a: TimeExpr, b: TimeExpr) -> bool:
    (s1, e1), (s2, e2) = _span(a), _span(b)
    if len(s1) != len(s2):
        return len(s1) > len(s2)
    return (s1, e1) != (s2, e2) and s2 <= s1 and e1 <= e2


def _longer_position(kept: Fact, other: Fact) -> None:
    """Keep the fuller post: «помощник президента» over «помощник»."""
    mine = next((a for a in kept.args if a.role == "position"), None)
    theirs = next((a for a in other.args if a.role == "position"), None)
    if mine and theirs and mine.text and theirs.text and len(theirs.text) > len(mine.text) and theirs.start is not None:
        kept.args[kept.args.index(mine)] = theirs
