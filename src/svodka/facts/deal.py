"""Deal: a purchase, an investment, a loan or a fine between two parties
(«Sun приобрела MySQL», «Google вложила в Zynga», «ФАС оштрафовала МТС»).

The ``type`` strings are factRuEval's: «купля/продажа», «инвестиции»,
«займ/возвращение займа», «наложение/выплата штрафа».
"""

from __future__ import annotations

from ..document import LOC, ORG, PER, Arg, Fact
from .common import add_party, common_noun, unnamed_org, entity_through_shares, finish, governing_verb, party_unit, with_parties
from .context import Context

DEAL_TYPES = {
    "купить": "купля/продажа", "приобрести": "купля/продажа", "приобретать": "купля/продажа",
    "продать": "купля/продажа", "продавать": "купля/продажа", "покупать": "купля/продажа",
    "покупка": "купля/продажа", "продажа": "купля/продажа", "приобретение": "купля/продажа",
    "поглотить": "купля/продажа", "поглощение": "купля/продажа", "выкупить": "купля/продажа",
    "прикупить": "купля/продажа", "слияние": "купля/продажа",
    "инвестировать": "инвестиции", "вложить": "инвестиции", "вкладывать": "инвестиции",
    "инвестиция": "инвестиции", "вложение": "инвестиции",
    "финансировать": "инвестиции", "профинансировать": "инвестиции", "финансирование": "инвестиции",
    "оштрафовать": "наложение/выплата штрафа", "штрафовать": "наложение/выплата штрафа",
    "штраф": "наложение/выплата штрафа",
    "кредит": "займ/возвращение займа", "заем": "займ/возвращение займа", "займ": "займ/возвращение займа",
    "одолжить": "займ/возвращение займа", "кредитовать": "займ/возвращение займа",
    "скупать": "купля/продажа", "скупить": "купля/продажа", "купля": "купля/продажа",
    "сделка": "купля/продажа", "распродажа": "купля/продажа", "перепродать": "купля/продажа",
    "грант": "займ/возвращение займа", "задолженность": "займ/возвращение займа",
    "долг": "займ/возвращение займа", "заимствование": "займ/возвращение займа",
    "санкция": "наложение/выплата штрафа",
    # A contract names no kind of deal: the fact keeps its parties and leaves the type out.
    # (Agreements, «соглашение», are deals only through their object: «соглашение о покупке»;
    # «соглашение об отмене виз» is none.)
    "контракт": "", "договор": "",
    # An agreement is a deal through its object only: «соглашение о покупке» (the purchase makes
    # the fact) or «соглашение о поставках газа» (services, below); «соглашение об отмене виз» is none.
    "соглашение": "",
}
# A contract for work or supplies is a deal of services («контракт на поставку газа», «договор
# на строительство АЭС»): factRuEval's «услуги».
SERVICE_NOUNS = frozenset({"поставка", "строительство", "обслуживание", "разработка", "ремонт", "производство",
                           "перевозка", "услуга", "модернизация", "монтаж", "проектирование", "снабжение"})
CONTRACTS = frozenset({"контракт", "договор", "соглашение"})
AGREEMENTS = frozenset({"соглашение"})  # a deal only when its object is a service
PARTY_TYPES = (ORG, PER, LOC)
# Prepositions of a deal's other party: «у сотрудников», «между X и Y», «санкции против X»,
# «долг перед Газпромом», «кредит от МВФ»; without one the party is in the accusative,
# genitive, dative or (the agent of «покупка X компанией Y») the instrumental.
PARTY_PREPS = (None, "у", "в", "на", "с", "со", "для", "между", "против", "перед", "от")
CASES = ("Acc", "Gen", "Dat", "Ins")
# Sanctions take the verb's subject as a party only when it imposes them («США ввели санкции»),
# not when it suffers or escapes them («прикрывали Иран от санкций»).
IMPOSED = frozenset({"санкция"})
IMPOSING_VERBS = frozenset({"ввести", "вводить", "наложить", "налагать", "применить", "применять", "продлить", "продлевать", "объявить", "расширить", "ужесточить"})


def deals(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    for i, t in enumerate(ctx.doc.tokens):
        kind = DEAL_TYPES.get(t.lemma)
        if kind is None or not (t.pos == "VERB" or common_noun(ctx, i)) or (t.pos != "VERB" and kind == "" and _names_a_deal(ctx, i)):
            continue
        parties: list[str] = []
        objects: list[str] = []
        phrases: dict[str, Arg] = {}  # party → the unit of it the text names («отделении Bank of East Asia»)
        # The tagger sometimes takes a verb for a noun («прикупил» as NOUN); its lemma tells.
        verb_like = t.pos == "VERB" or t.lemma.endswith(("ть", "ться", "чь"))
        subject = _party(ctx, ctx.subject(i)) if verb_like else None
        if verb_like and subject is None:  # «Компания купила …»: an unnamed company is the one named last
            subj = ctx.kids(i, "nsubj", "nsubj:pass")
            subject = _party(ctx, unnamed_org(ctx, subj[0])) if subj else None
        for c in _objects(ctx, i):
            for k in ctx.conj_group(c):
                for eid in _entities_through_shares(ctx, k, avoid=subject):
                    add_party(ctx, objects, _party(ctx, eid))
                    unit = party_unit(ctx, eid, k, role="participant")
                    if unit is not None:
                        phrases.setdefault(eid, unit)
        if verb_like:
            add_party(ctx, parties, subject)
        elif len(objects) < 2:  # «банк подписал соглашение о покупке доли …»: the buyer is the verb's subject
            verb = governing_verb(ctx, i)
            if verb != i and ctx.distance(i, verb) <= 3 and (t.lemma not in IMPOSED or ctx.tok(verb).lemma in IMPOSING_VERBS):
                for subj in ctx.subjects(verb):  # «Газпром и Нафтогаз подписали контракт»
                    add_party(ctx, parties, _party(ctx, subj))
                if t.lemma not in IMPOSED:  # «Бекхэм подписал с клубом «Гэлакси» контракт»: the other side
                    for p in with_parties(ctx, verb, PARTY_TYPES):
                        add_party(ctx, parties, _party(ctx, p))
                # «Россия дала Украине кредит»: the other party is the light verb's recipient;
                # «суд приговорил компанию к штрафу», «обязал банк выплатить штраф»: its object
                for c in ctx.kids(verb, "iobj", "obl", "obj"):
                    if c != i and ctx.prep(c) is None and (ctx.case(c) == "Dat" or ctx.tok(c).rel == "obj"):
                        add_party(ctx, parties, _party(ctx, ctx.entity_at(c, PARTY_TYPES)))
                # «объявила о выделении Интерполу гранта»: a recipient of a noun between them
                for j in _path(ctx, i, verb):
                    for c in ctx.kids(j, "iobj", "obl", "nmod"):
                        if c != i and ctx.prep(c) is None and ctx.case(c) == "Dat":
                            add_party(ctx, parties, _party(ctx, ctx.entity_at(c, PARTY_TYPES)))
        for eid in objects:
            add_party(ctx, parties, eid)
        if len(parties) < 2:
            continue
        if t.lemma in CONTRACTS and any(ctx.tok(c).lemma in SERVICE_NOUNS for c in ctx.kids(i, "nmod")):
            kind = "услуги"
        elif t.lemma in AGREEMENTS:
            continue
        args = [phrases.get(p) or Arg(role="participant", entity=p) for p in parties] + ([Arg(role="type", text=kind)] if kind else [])
        facts.append(finish(ctx, Fact(id="", type="Deal", args=args), i))
    return facts


def _party(ctx: Context, eid: str | None) -> str | None:
    if eid is None:
        return None
    ent = ctx.entity(eid)
    if ent is None or ent.type not in PARTY_TYPES or (ent.type == LOC and not ent.geopolitical):
        return None
    return eid


def _objects(ctx: Context, i: int) -> list[int]:
    """Objects, genitive complements and «у/в/на/с» phrases of the trigger."""
    out = []
    for c in ctx.kids(i, "obj", "iobj", "obl", "obl:agent", "nmod"):  # «куплена корпорацией Microsoft»: the agent
        prep = ctx.prep(c)
        # A name the tagger gave no case («покупке «ТНК-BP»») is a complement like any other.
        caseless_name = ctx.case(c) is None and c in ctx.token_entity
        if prep in PARTY_PREPS and (prep is not None or ctx.tok(c).rel == "obj" or ctx.case(c) in CASES or caseless_name):
            out.append(c)
    return out


def _names_a_deal(ctx: Context, i: int) -> bool:
    """«соглашение о покупке доли»: the agreement's own deal noun makes the fact."""
    return any(DEAL_TYPES.get(ctx.tok(c).lemma) for c in ctx.kids(i, "nmod"))


def _entities_through_shares(ctx: Context, i: int, avoid: str | None = None) -> list[str]:
    """The party at token i, or behind a share or company noun there, with the parties joined to
    it by «и» («слияние компаний Oracle и Sun Microsystems»)."""
    found = entity_through_shares(ctx, i, PARTY_TYPES, avoid=avoid)
    if found is None:
        return []
    out = [found]
    for j in _tokens_of(ctx, found, i):
        for k in ctx.conj_group(j):
            eid = ctx.entity_at(k, PARTY_TYPES)
            if eid and eid not in out:
                out.append(eid)
    return out


def _tokens_of(ctx: Context, eid: str, near: int) -> list[int]:
    """Tokens of the mention of ``eid`` nearest after token ``near`` (within a few words)."""
    return [j for j in range(near, min(near + 6, len(ctx.doc.tokens))) if ctx.entity_at(j, PARTY_TYPES) == eid]


def _path(ctx: Context, i: int, verb: int) -> list[int]:
    """The nouns between a trigger and the verb it hangs from («о выделении … гранта»)."""
    out = []
    for j in ctx.ancestors(i):
        if j == verb:
            break
        out.append(j)
    return out
