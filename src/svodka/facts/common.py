"""Helpers the event rules share: participants, place and event, time and status."""

from __future__ import annotations

from ..document import LOC, ORG, PER, Arg, Fact
from .context import Context
from .lexicon import EVENT_NOUNS, ORG_NOUNS
from .status import status_of

# Nouns naming a share of a company: the company is in their genitive («акции Facebook»).
SHARE_NOUNS = frozenset({"акция", "доля", "пакет", "актив", "бизнес", "подразделение", "отделение", "компания", "производитель", "разработчик"})
# «на полях саммита», «в рамках форума», «в ходе визита»: frames around an event noun.
EVENT_FRAMES = frozenset({"поле", "рамка", "ход", "время", "кулуары"})
# Plural words pointing back to the two sides of the last event: «у лидеров», «стороны».
PLURAL_BACKREFS = frozenset({"лидер", "сторона", "президент", "они", "глава", "политик", "руководитель", "премьер"})
COMITATIVE = frozenset({"с", "со"})  # «с кем»: the comitative preposition
ANAPHOR_SENTENCES = 2  # how many sentences back an unnamed «компания» may point


def common_noun(ctx: Context, i: int) -> bool:
    """A common noun, or a capitalised one the tagger took for a name outside every name
    («Переговоры Лаврова с Керри прошли …», «Сделка закрыта»)."""
    t = ctx.tok(i)
    return t.pos == "NOUN" or (t.pos == "PROPN" and i not in ctx.token_entity)


def add_party(ctx: Context, parties: list[str], eid: str | None) -> None:
    if eid and not any(ctx.same(eid, p) for p in parties):
        parties.append(eid)


def with_parties(ctx: Context, i: int, types=(PER, ORG)) -> list[str]:
    """Entities joined to token ``i`` by «с» («встреча с Керри», «говорил с коллегой»)."""
    out: list[str] = []
    for c in ctx.kids(i, "nmod", "obl"):
        if ctx.prep(c) in COMITATIVE:
            for k in ctx.conj_group(c):
                add_party(ctx, out, ctx.entity_at(k, types))
    return out


def genitive_parties(ctx: Context, i: int, types=(PER, ORG)) -> list[str]:
    """«встреча Путина и Обамы», «встреча между X и Y», «его встреча»."""
    out: list[str] = []
    for c in ctx.kids(i, "nmod"):
        if (ctx.prep(c) is None and ctx.case(c) == "Gen") or ctx.prep(c) == "между":
            for k in ctx.conj_group(c):
                add_party(ctx, out, ctx.entity_at(k, types))
    for c in ctx.kids(i, "det", "nmod:poss"):
        add_party(ctx, out, ctx.pronoun_entity.get(c))
    return out


def governing_verb(ctx: Context, i: int) -> int:
    """The verb a noun trigger hangs from («заявил на встрече» → заявил), or the noun itself."""
    for j in ctx.ancestors(i):
        if ctx.tok(j).pos in ("VERB", "AUX"):
            return j
    return i


def plural_backref(ctx: Context, i: int, types: tuple[str, ...]) -> list[str] | None:
    """«у лидеров будет возможность провести двустороннюю встречу» → the parties of the
    last two-sided event in the previous sentences."""
    sent = ctx.sentence(i)
    words = [ctx.tok(k) for k in range(sent.first, sent.last)]
    if not any((t.lemma in PLURAL_BACKREFS and t.feats.get("Number") == "Plur") or t.lemma in ("двусторонний", "они") for t in words):
        return None
    for fact in reversed(ctx.facts):
        if fact.type in types and fact.evidence and fact.evidence.start < sent.start:
            parties = [a.entity for a in fact.args if a.role == "participant" and a.entity]
            if len(parties) >= 2:
                return parties
    return None


def event_and_place(ctx: Context, heads: list[int], skip: set[int] | None = None) -> list[Arg]:
    """The event («на саммите G8») and the place («в Кремле», «в Северной Ирландии»)
    attached to any of ``heads`` or to the event noun."""
    skip = skip or set()
    event: Arg | None = None
    place: Arg | None = None
    queue = list(heads)
    seen = set(queue) | skip
    while queue:
        j = queue.pop(0)
        for c in ctx.kids(j, "obl", "nmod"):
            if c in seen:
                continue
            seen.add(c)
            t, prep = ctx.tok(c), ctx.prep(c)
            eid = ctx.token_entity.get(c)
            if place is None and eid and ctx.entity_type(eid) == LOC and prep in ("в", "во", "на") and ctx.case(c) == "Loc":
                place = Arg(role="place", entity=eid)
            elif t.lemma in EVENT_FRAMES and prep in ("на", "в", "во"):
                queue.append(c)
            elif event is None and t.lemma in EVENT_NOUNS and t.lemma not in ("встреча", "визит", "переговоры") and (prep in ("на", "в", "во") or ctx.tok(j).lemma in EVENT_FRAMES):
                event = event_arg(ctx, c)
                queue.append(c)
    return [a for a in (event, place) if a is not None]


def event_arg(ctx: Context, i: int) -> Arg:
    """«саммите G8», «саммита АТЭС»: the event noun with the organisation name right after it."""
    for c in ctx.kids(i, "appos", "nmod", "flat", "flat:foreign"):
        eid = ctx.token_entity.get(c)
        if c > i and eid and ctx.entity_type(eid) == ORG and ctx.prep(c) is None and _only_modifiers_between(ctx, i, c):
            last = c
            while last + 1 < len(ctx.doc.tokens) and ctx.token_entity.get(last + 1) == eid:
                last += 1  # the rest of a multi-word name («G 8» is two tokens)
            return ctx.text_arg("event", i, last, entity=eid)
    return ctx.text_arg("event", i, i)


def _only_modifiers_between(ctx: Context, i: int, c: int) -> bool:
    return all(ctx.tok(k).head in (i, c) or not ctx.tok(k).text[:1].isalnum() for k in range(i + 1, c))


def finish(ctx: Context, fact: Fact, trigger: int, time_anchor: int | None = None) -> Fact:
    """Attach time, status and evidence to an event fact."""
    t = ctx.time_near(trigger if time_anchor is None else time_anchor)
    fact.time = t.id if t else None
    fact.status = status_of(ctx, trigger, t)
    fact.evidence = ctx.evidence(trigger)
    return fact


def participant_args(parties: list[str], role: str = "participant") -> list[Arg]:
    return [Arg(role=role, entity=p) for p in parties]


def entity_through_shares(ctx: Context, i: int, types: tuple[str, ...] = (ORG, PER, LOC), avoid: str | None = None) -> str | None:
    """The party at token i, or behind a share or company noun there («5% акций Facebook»)."""
    eid = ctx.entity_at(i, types)
    if eid:
        return eid
    # «сервиса «Авто.ру»», «студию Lucasfilm»: a common noun with the name in apposition right after it
    if ctx.tok(i).pos == "NOUN":
        for c in ctx.kids(i, "appos", "flat:foreign"):
            if i < c <= i + 2 and (eid := ctx.entity_at(c, types)):
                return eid
    # «5% акций Facebook», «контрольной доли в отделении Bank of East Asia»
    frontier = [i] if ctx.tok(i).lemma in SHARE_NOUNS or ctx.tok(i).pos == "NUM" or ctx.tok(i).text == "%" else []
    for _depth in range(3):
        nxt = []
        for j in frontier:
            for c in ctx.kids(j, "nmod", "appos", "flat"):
                if ctx.prep(c) in (None, "в"):
                    eid = ctx.entity_at(c, types)
                    if eid:
                        return eid
                    nxt.append(c)
        frontier = nxt
    if ctx.tok(i).lemma in SHARE_NOUNS:  # «акции социальной сети»: the company named last
        anaphor = unnamed_org(ctx, i, avoid)
        if anaphor and ctx.entity_type(anaphor) in types:
            return anaphor
    return None


def unnamed_org(ctx: Context, i: int, avoid: str | None = None) -> str | None:
    """The organisation an unnamed «компания», «банк» at token ``i`` (or in its genitive)
    stands for: the last one named before it, in this sentence or the last ones."""
    noun = next((k for k in [i, *ctx.kids(i, "nmod")] if ctx.tok(k).lemma in ORG_NOUNS and ctx.prep(k) is None), None)
    if noun is None or ctx.tok(noun).feats.get("Number") == "Plur":
        return None
    if any(ctx.token_entity.get(c) for c in ctx.kids(noun, "appos", "nmod", "flat", "flat:foreign")):
        return None  # named right there («компании Oracle»): not an anaphor
    first_sent = max(0, ctx.tok(noun).sent - ANAPHOR_SENTENCES)
    for k in range(noun - 1, -1, -1):
        if ctx.tok(k).sent < first_sent:
            break
        eid = ctx.token_entity.get(k)
        if eid and eid != avoid and ctx.entity_type(eid) == ORG:  # not the buyer itself
            return eid
    return None


def party_unit(ctx: Context, eid: str, k: int, role: str) -> Arg | None:
    """«в американском отделении Bank of East Asia»: when the name of ``eid`` under token ``k`` hangs
    from a noun that heads organisations (facts/lexicon.org_heads) and is no name itself, the party
    is that unit, as a phrase linked to the entity (factRuEval annotates the unit as its own
    organisation)."""
    from .lexicon import org_heads
    from .occupation import phrase_end

    sub = set(ctx.subtree(k))
    for j in sorted(sub):
        if ctx.token_entity.get(j) != eid:
            continue
        h = ctx.head(j)
        if h < 0 or h not in sub or h in ctx.token_entity or h > j or ctx.tok(h).lemma not in org_heads() or ctx.tok(h).pos != "NOUN":
            return None
        start = min([a for a in ctx.kids(h, "amod") if a < h] + [h])
        last = j
        while last + 1 < len(ctx.doc.tokens) and ctx.token_entity.get(last + 1) == eid:
            last += 1  # the whole name, whatever the parser hung its words from
        return ctx.text_arg(role, start, max(last, phrase_end(ctx, h, None)), entity=eid)
    return None
