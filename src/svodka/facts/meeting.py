"""Meeting: who met whom, where and when («встреча Путина и Обамы состоится на саммите G8»)."""

from __future__ import annotations

from ..document import PER, Fact
from .common import add_party, common_noun, event_and_place, finish, genitive_parties, governing_verb, participant_args, plural_backref, with_parties
from .context import Context

MEETING_NOUNS = frozenset({"встреча", "переговоры", "беседа", "саммит-встреча"})
MEETING_VERBS = frozenset({"встретиться", "встречаться", "увидеться", "побеседовать", "переговорить"})
# «Обама принимает в Белом доме Саркози»: hosting a person is meeting them.
HOSTING_VERBS = frozenset({"принимать", "принять"})
# Verbs whose subjects hold the talks their noun names: «Путин и Абэ провели переговоры».
LIGHT_VERBS = frozenset({"провести", "проводить", "вести", "начать", "начинать", "продолжить", "продолжать", "завершить", "иметь", "состояться", "пройти", "проходить"})


def meetings(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    for i, t in enumerate(ctx.doc.tokens):
        if t.lemma in MEETING_NOUNS and common_noun(ctx, i) and not _phone(ctx, i):
            parties, verb = _noun_parties(ctx, i), governing_verb(ctx, i)
        elif t.pos == "VERB" and (t.lemma in MEETING_VERBS or (t.lemma in HOSTING_VERBS and _hosted(ctx, i))):
            parties, verb = [], i
            for p in ctx.subjects(i):
                add_party(ctx, parties, p if ctx.entity_type(p) == PER else None)
            for p in with_parties(ctx, i, (PER,)) + (_hosted(ctx, i) if t.lemma in HOSTING_VERBS else []):
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
    verb = governing_verb(ctx, i)
    if len(parties) < 2 and verb != i and ctx.tok(verb).lemma in LIGHT_VERBS and ctx.head(i) == verb:
        for p in ctx.subjects(verb):  # «Путин и Абэ провели переговоры»
            add_party(ctx, parties, p if ctx.entity_type(p) == PER else None)
    if len(parties) < 2 and ctx.prep(i) == "за":  # «поблагодарил Путина за беседу»
        verb = governing_verb(ctx, i)
        add_party(ctx, parties, ctx.subject(verb))
        for c in ctx.kids(verb, "obj"):
            add_party(ctx, parties, ctx.entity_at(c, (PER,)))
    return parties


def _hosted(ctx: Context, v: int) -> list[str]:
    """The people a hosting verb takes as its object («принимает … коллегу Николя Саркози»)."""
    out: list[str] = []
    for c in ctx.kids(v, "obj"):
        if ctx.prep(c) is None:
            for k in ctx.conj_group(c):
                add_party(ctx, out, ctx.entity_at(k, (PER,)))
    if not ctx.kids(v, "obj"):  # the parser hung the guest under the place («принимает в Белом доме президента Франции»)
        sent = ctx.sentence(v)
        for k in range(v + 1, min(sent.last, v + 8)):
            eid = ctx.entity_at(k, (PER,))
            if eid and ctx.tok(k).pos not in ("PRON", "DET") and ctx.prep(k) is None and ctx.case(k) in ("Acc", "Gen") \
                    and _within_clause(ctx, k, v):  # «своего коллегу Николя Саркози»: not the possessive
                return [eid]
    return out


def _within_clause(ctx: Context, k: int, v: int) -> bool:
    """Token ``k`` hangs from verb ``v`` with no other verb between them in the tree."""
    for a in ctx.ancestors(k):
        if a == v:
            return True
        if ctx.tok(a).pos in ("VERB", "AUX"):
            return False
    return False
