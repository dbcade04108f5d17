"""Call: talks by telephone («дважды говорил со своим американским коллегой по телефону»)."""

from __future__ import annotations

from ..document import PER, Fact
from .common import add_party, finish, participant_args, plural_backref, with_parties
from .context import Context, find_named
from .lexicon import GEO_ADJECTIVES

TALK_VERBS = frozenset({"говорить", "поговорить", "разговаривать", "побеседовать", "беседовать", "общаться", "пообщаться", "провести", "проводить", "обсудить", "обсуждать"})
CALL_VERBS = frozenset({"созвониться", "позвонить", "звонить", "перезвонить"})
CALL_NOUNS = frozenset({"разговор", "переговоры", "беседа", "звонок"})
# Multiplicative adverbs («наречия кратности»): how many times.
TIMES_WORDS = {"дважды": 2, "трижды": 3, "четырежды": 4, "неоднократно": None, "однажды": 1}


def calls(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    for i, t in enumerate(ctx.doc.tokens):
        verb = _trigger(ctx, i)
        if verb is None:
            continue
        parties: list[str] = []
        add_party(ctx, parties, ctx.subject(verb))
        for p in with_parties(ctx, verb, (PER,)) + (with_parties(ctx, i, (PER,)) if i != verb else []):
            add_party(ctx, parties, p)
        if t.lemma in ("позвонить", "звонить"):
            for c in ctx.kids(verb, "iobj", "obl", "obj"):
                if ctx.case(c) == "Dat" and ctx.prep(c) is None:
                    add_party(ctx, parties, ctx.entity_at(c, (PER,)))
        for c in ctx.kids(verb, "obl") + ctx.kids(i, "nmod"):
            if ctx.tok(c).lemma == "коллега" and ctx.prep(c) in ("с", "со") and parties:
                add_party(ctx, parties, _colleague(ctx, c, parties[0]))
        if len(parties) < 2:
            parties = plural_backref(ctx, i, ("Call", "Meeting")) or []
        if len(parties) < 2:
            continue
        fact = Fact(id="", type="Call", args=participant_args(parties), count=_count(ctx, verb))
        facts.append(finish(ctx, fact, verb))
    return facts


def _trigger(ctx: Context, i: int) -> int | None:
    """The verb of a phone conversation, or None."""
    t = ctx.tok(i)
    if t.pos == "VERB" and t.lemma in CALL_VERBS:
        return i
    if t.lemma == "телефон" and ctx.prep(i) == "по" and t.head >= 0 and ctx.tok(t.head).lemma in TALK_VERBS | CALL_NOUNS:
        return t.head
    if t.lemma in CALL_NOUNS and any(ctx.tok(c).lemma == "телефонный" for c in ctx.kids(i, "amod")):
        return i
    return None


def _count(ctx: Context, verb: int) -> int | None:
    for c in ctx.kids(verb, "advmod", "obl"):
        t = ctx.tok(c)
        if t.lemma in TIMES_WORDS:
            return TIMES_WORDS[t.lemma]
        if t.lemma == "раз":
            for n in ctx.kids(c, "nummod", "nummod:gov"):
                if ctx.tok(n).text.isdigit():
                    return int(ctx.tok(n).text)
    return None


def _colleague(ctx: Context, i: int, me: str) -> str | None:
    """«своим американским коллегой» → the person holding a post in the США, not ``me``."""
    country = next((GEO_ADJECTIVES[ctx.tok(c).lemma] for c in ctx.kids(i, "amod") if ctx.tok(c).lemma in GEO_ADJECTIVES), None)
    if country is None:
        return None
    place = find_named(ctx, country)
    my_posts = {_post(a.text) for f in ctx.facts if f.type == "Occupation" and _who(f) == me for a in f.args if a.role == "position"}
    best: tuple[int, str] | None = None
    for fact in ctx.facts:
        if fact.type != "Occupation" or ctx.same(_who(fact), me):
            continue
        where = next((a for a in fact.args if a.role == "where"), None)
        if where is None or not (where.entity == place or (where.text or "") == country):
            continue
        post = next((_post(a.text) for a in fact.args if a.role == "position"), "")
        score = 2 if post in my_posts else 1
        if best is None or score > best[0]:
            best = (score, _who(fact))
    return best[1] if best else None


def _who(fact: Fact) -> str | None:
    return next((a.entity for a in fact.args if a.role == "who"), None)


def _post(text: str | None) -> str:
    return (text or "").lower()[:5]
