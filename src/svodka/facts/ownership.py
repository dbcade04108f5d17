"""Ownership: who owns a company («основатель MySQL Майкл Видениус»,
«DST, принадлежащая Юрию Мильнеру», «Цукерберг владеет Facebook»,
«доля правительства Китая в ICBC», «подконтрольный правительству банк»).

Four shapes over the syntax tree:
1. an owner noun («основатель», «совладелец») with its holder, found as a post's holder is,
   or through the first of coordinated nouns («директор и совладелец агентства») or «один из»;
2. a verb or participle of owning with its subject or the noun it modifies and a dative or
   object party («принадлежать», «подконтрольный», «владеть», «контролировать»);
3. a stake noun with the owner in its genitive and the property in its «в»-phrase
   («доля DST в Facebook», «пакет акций правительства в банке»);
4. an organisation noun with no name of its own («банк», «компания») stands for the last
   organisation named before it in the last sentences («подконтрольный правительству банк»).
"""

from __future__ import annotations

from ..document import LOC, ORG, PER, Arg, Fact
from .common import entity_through_shares, unnamed_org, with_parties
from .context import Context
from .lexicon import OWNER_NOUNS, STAKE_NOUNS, ownership_triggers
from .occupation import holder, post_org

# Founding a company makes its founder an owner, as «основатель» does («Кампрад основал IKEA»).
FOUND_VERBS = frozenset({"основать", "учредить", "создать", "организовать", "образовать", "запустить"})
# The words NEREL train writes between an owner and what it owns (data/ownership_triggers.tsv):
# its verbs own with their subject («Roche Holding купил Genentech»), its animate nouns are owner
# nouns («предприниматель»), its other nouns a parent's part («основной актив «Зарубежнефти»»).
_TRIGGERS = ownership_triggers()
OWN_VERBS = frozenset({"владеть", "принадлежать", "контролировать", "подконтрольный"}) | (_TRIGGERS["verb"] - FOUND_VERBS)
OWNERS = OWNER_NOUNS | _TRIGGERS["person"]
# «дочерняя компания Газпрома», «дочка банка»: the parent owns the child.
SUBSIDIARY = frozenset({"дочерний", "дочка"})
PARTS = frozenset({"дочка"}) | _TRIGGERS["noun"]
OWNER_TYPES = (PER, ORG, LOC)


def ownerships(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    for i, t in enumerate(ctx.doc.tokens):
        if t.lemma in OWNERS and t.pos in ("NOUN", "ADJ"):
            pair = _by_noun(ctx, i)
        elif t.lemma in OWN_VERBS and t.pos in ("VERB", "ADJ"):
            pair = _by_verb(ctx, i)
        elif t.lemma in FOUND_VERBS and t.pos in ("VERB", "ADJ"):
            pair = _by_founding(ctx, i)
        elif t.lemma in STAKE_NOUNS and t.pos == "NOUN":
            pair = _by_stake(ctx, i)
        elif t.pos == "NOUN" and (t.lemma in PARTS or any(ctx.tok(c).lemma in SUBSIDIARY for c in ctx.kids(i, "amod"))):
            pair = _by_parent(ctx, i)
        elif t.pos == "PROPN" and ctx.entity_type(ctx.token_entity.get(i)) == PER:
            pair = _by_genitive_owner(ctx, i)
        else:
            continue
        if pair is None:
            continue
        owners, prop = pair
        for owner in owners:
            # Two organisations are told apart by id: a loose key confuses «банк Китая» with «правительство Китая».
            if owner and prop and owner != prop and (ctx.entity_type(owner) == ORG or not ctx.same(owner, prop)):
                args = [Arg(role="owner", entity=owner), Arg(role="property", entity=prop)]
                facts.append(Fact(id="", type="Ownership", args=args, evidence=ctx.evidence(i)))
    return facts


def _by_noun(ctx: Context, i: int) -> tuple[list[str], str] | None:
    found = holder(ctx, i)  # the same places as a post's holder, copulas included
    if found is None:
        found = _holder_elsewhere(ctx, i)
    if found is None:
        return None
    owner, name_at = found
    owners = [owner]
    if name_at is not None:  # «Создатели Google Ларри Пейдж и Сергей Брин»
        owners += [o for c in ctx.kids(name_at, "conj") if (o := ctx.entity_at(c, (PER,))) and o not in owners]
    prop = post_org(ctx, i, owner, name_at)
    if prop is None:  # «создатель и руководитель издательства «Геометрия»»: the conjuncts share the complement
        prop = next((p for c in ctx.kids(i, "conj") if c > i and (p := post_org(ctx, c, owner, name_at))), None)
    if prop is not None and prop.entity and ctx.entity_type(prop.entity) == ORG:
        return owners, prop.entity
    prop_id = _relative_antecedent(ctx, i) or unnamed_org(ctx, i)
    return (owners, prop_id) if prop_id else None


def _holder_elsewhere(ctx: Context, i: int) -> tuple[str, int | None] | None:
    """«директор и совладелец агентства»: the holder of the first conjunct; «Жено — режиссёр,
    один из создателей театра»: the person or post before the comma of «один»."""
    t = ctx.tok(i)
    if t.rel == "conj" and t.head >= 0 and t.head < i:
        found = ctx.post_holder.get(t.head)
        if found:
            return found, None
    anchor = t.head if t.head >= 0 and ctx.tok(t.head).lemma == "один" and t.head < i else i
    k = anchor - 1
    while k >= 0 and ctx.tok(k).head == anchor and ctx.tok(k).rel == "amod":
        k -= 1
    if k >= 1 and ctx.tok(k).text in (",", "—", "–", "-") and ctx.tok(k).sent == t.sent:
        eid = ctx.entity_at(k - 1, (PER,))
        if eid:
            return eid, None
    return None


def _by_verb(ctx: Context, v: int) -> tuple[list[str], str] | None:
    t = ctx.tok(v)
    if t.lemma in ("принадлежать", "подконтрольный"):
        # «DST, принадлежащая Юрию Мильнеру»: a participle hangs from the property.
        # Read the name right before the comma first: the parser often misplaces the participle.
        prop = _name_before_comma(ctx, v)
        if ctx.entity_type(prop) != ORG:
            prop = ctx.token_entity.get(t.head) if t.rel in ("acl", "amod") and t.head >= 0 else None
        if ctx.entity_type(prop) != ORG:
            prop = None
        if prop is None:  # «государству принадлежит 51 % акций «Роснефти»»: the company behind the stake
            subj = ctx.kids(v, "nsubj", "nsubj:pass")
            prop = entity_through_shares(ctx, subj[0], (ORG,)) if subj else None
        if prop is None:
            prop = _modifiedunnamed_org(ctx, v)
        owners = [_relative_antecedent(ctx, v, k) or ctx.entity_at(k, OWNER_TYPES)
                  for c in ctx.kids(v, "iobj", "obl", "obj") if ctx.case(c) == "Dat" for k in ctx.conj_group(c)]
        return ([o for o in owners if o], prop) if prop else None
    owner = ctx.subject(v)
    # «акции Facebook, которыми они владеют»: a relative object stands for the noun of its clause
    objs = [_antecedent_token(ctx, c) for c in ctx.kids(v, "obj", "obl") if ctx.prep(c) is None]
    props = [entity_through_shares(ctx, c, (ORG,)) for c in objs if c is not None]
    props = [p for p in props if p]
    if owner and props:
        return [owner], props[0]
    return None


def _name_before_comma(ctx: Context, v: int) -> str | None:
    """«Газета «Ведомости», принадлежащая …»: the name right before the participle's comma,
    past its closing quote."""
    k = v - 1
    if k < 1 or ctx.tok(k).text != ",":
        return None
    k -= 1
    while k > 0 and ctx.tok(k).text in ("»", '"', "“", "”") :
        k -= 1
    return ctx.token_entity.get(k)


def _by_founding(ctx: Context, v: int) -> tuple[list[str], str] | None:
    """«Ингвар Кампрад основал IKEA», «Вангелис и Сидерас создали группу Aphrodite's Child»:
    people founding a named organisation (an organisation creating one is a reorganisation)."""
    t = ctx.tok(v)
    if (t.feats.get("VerbForm") == "Part" or t.pos == "ADJ") and t.rel != "root":
        return _by_founding_participle(ctx, v)
    if t.feats.get("Voice") == "Pass":  # «Apple была основана Стивом Джобсом и Стивом Возняком»
        owners = [o for c in ctx.kids(v, "obl:agent", "obl") if ctx.prep(c) is None and ctx.case(c) == "Ins"
                  for k in ctx.conj_group(c) if (o := _person_at(ctx, k))]
        props = [p for c in ctx.kids(v, "nsubj:pass") if (p := ctx.entity_at(c, (ORG,)))]
        return (owners, props[0]) if owners and props else None
    owners = [o for o in ctx.subjects(v) if ctx.entity_type(o) == PER]
    together = [v, *(c for c in ctx.kids(v, "advmod") if ctx.tok(c).lemma in ("вместе", "совместно"))]
    owners += [o for j in together for o in with_parties(ctx, j, (PER,)) if o not in owners]  # «вместе с Вангелисом создали»
    # «Манзарек основал группу вместе с Моррисоном»: a bare unnamed «группа» is the organisation named
    # last («организовали преступную группу» describes a new one)
    props = [p for c in ctx.kids(v, "obj") if ctx.prep(c) is None and (p := ctx.entity_at(c, (ORG,)) or (
             None if ctx.kids(c, "amod", "acl") else unnamed_org(ctx, c)))]
    return (owners, props[0]) if owners and props else None


def _person_at(ctx: Context, k: int) -> str | None:
    """The person at token ``k``, or named in apposition to a noun there («его другом Стивом Возняком»)."""
    return ctx.entity_at(k, (PER,)) or next((e for c in ctx.kids(k, "appos") if (e := ctx.entity_at(c, (PER,)))), None)


def _by_founding_participle(ctx: Context, v: int) -> tuple[list[str], str] | None:
    """«основанной Р. Оззи компании Groove Networks»: the founder is the instrumental agent
    and the company the noun the participle modifies; «Дэвид Карп, основавший Tumblr»: the
    founder is that noun and the company the participle's object."""
    t = ctx.tok(v)
    if t.head < 0 or not (t.rel.startswith("acl") or t.rel == "amod"):
        return None
    if t.feats.get("Voice") == "Pass":
        owners = [o for c in ctx.kids(v, "obl", "nmod") if ctx.prep(c) is None and ctx.case(c) == "Ins"
                  for k in ctx.conj_group(c) if (o := ctx.entity_at(k, (PER,)))]
        prop = ctx.entity_at(t.head, (ORG,))
        return (owners, prop) if owners and prop else None
    owner = ctx.entity_at(t.head, (PER,))
    props = [p for c in ctx.kids(v, "obj") if ctx.prep(c) is None and (p := ctx.entity_at(c, (ORG,)))]
    return ([owner], props[0]) if owner and props else None


# Kinds of organisation a person's genitive owns («клуб «Челси» Романа Абрамовича», «холдинг
# «Базовый элемент» Олега Дерипаски»); not «правительство Медведева» or «партия Прохорова», which
# a person leads rather than owns.
OWNED_KINDS = frozenset({"клуб", "компания", "холдинг", "концерн", "корпорация", "группа", "банк", "газета", "журнал",
                         "телеканал", "радиостанция", "издание", "издательство", "сеть", "империя", "фирма", "агентство"})


def _by_genitive_owner(ctx: Context, i: int) -> tuple[list[str], str] | None:
    """«клуб «Челси» Романа Абрамовича», «рок-группа «Конвой» Макса Фадеева», «холдинг Олега Дерипаски
    «Базовый элемент»»: a person's name in the genitive beside a named company of a kind that is owned,
    hanging from the kind noun or from the company's name."""
    t = ctx.tok(i)
    owner = ctx.token_entity[i]
    if i > 0 and ctx.token_entity.get(i - 1) == owner:
        return None  # not the name's first word
    if ctx.case(i) != "Gen" or ctx.prep(i) is not None or t.rel not in ("nmod", "appos") or t.head < 0:
        return None
    h = t.head
    named = ctx.token_entity.get(h)
    if ctx.entity_type(named) == ORG and h < i and ctx.tok(h).head >= 0 and _owned_kind(ctx, ctx.tok(h).head):
        h = ctx.tok(h).head  # «рок-группой «Конвой» Макса Фадеева»: the owner hangs from the name
    if h > i or not _owned_kind(ctx, h):
        return None
    names = [c for c in ctx.kids(h, "appos", "flat", "flat:foreign", "nmod")
             if (e := ctx.token_entity.get(c)) and ctx.entity_type(e) == ORG]
    before = [c for c in names if c < i]
    after = [c for c in names if c > i]
    last = i
    while ctx.token_entity.get(last + 1) == owner:
        last += 1
    if before:
        prop = ctx.token_entity[before[0]]
        span = range(h + 1, i)
    elif after:
        prop = ctx.token_entity[after[0]]
        span = range(last + 1, after[0])
    else:
        return None
    # only quotes and the names' own words between the company's name and the owner's
    between = [k for k in span if ctx.token_entity.get(k) not in (prop, owner) and ctx.tok(k).text not in ("«", "»", '"')]
    return ([owner], prop) if not between else None


def _owned_kind(ctx: Context, h: int) -> bool:
    lemma = ctx.tok(h).lemma
    return lemma in OWNED_KINDS or lemma.rsplit("-", 1)[-1] in OWNED_KINDS  # «рок-группа», «медиа-холдинг»


def _by_parent(ctx: Context, i: int) -> tuple[list[str], str] | None:
    """«дочерняя компания Газпрома „Газпром нефть“»: the parent in the genitive owns the
    company named beside the noun."""
    parents = [p for c in ctx.kids(i, "nmod") if ctx.prep(c) is None and ctx.case(c) in ("Gen", None) and (p := ctx.entity_at(c, (ORG,)))]
    # «„Вымпелком“ является дочерней компанией Telenor»: the child is the copula's subject
    child = ctx.token_entity.get(i) or next((e for c in ctx.kids(i, "appos", "flat", "flat:foreign", "nmod", "nsubj")
                                             if (e := ctx.entity_at(c, (ORG,))) and e not in parents), None)
    t = ctx.tok(i)
    if child is None and t.rel == "xcomp" and t.head >= 0:  # «является дочерней компанией»
        child = ctx.subject(t.head)
    if not parents or ctx.entity_type(child) != ORG:
        return None
    return parents[:1], child


def _antecedent_token(ctx: Context, k: int) -> int | None:
    """Token ``k``, or the noun a relative «который» there stands for."""
    if ctx.tok(k).lemma != "который":
        return k
    for a in ctx.ancestors(k):
        if ctx.tok(a).rel.startswith("acl") and ctx.tok(a).head >= 0:
            return ctx.tok(a).head
    return None


def _relative_antecedent(ctx: Context, i: int, k: int | None = None) -> str | None:
    """«Facebook, основатель которой Марк Цукерберг», «Самрук-Казына, которой принадлежит …»:
    the organisation a relative «который» under token ``i`` (or the token ``k`` itself) stands for."""
    rel = k if k is not None and ctx.tok(k).lemma == "который" else next((c for c in ctx.kids(i) if ctx.tok(c).lemma == "который"), None)
    if rel is None:
        return None
    for a in ctx.ancestors(rel):
        if ctx.tok(a).rel.startswith("acl") and ctx.tok(a).head >= 0:
            return ctx.entity_at(ctx.tok(a).head, (ORG,))
    return None


def _by_stake(ctx: Context, i: int) -> tuple[list[str], str] | None:
    """«доля правительства Китая в ICBC», «доля DST в Facebook»."""
    owners: list[str] = []
    prop = None
    for c in ctx.kids(i, "nmod"):
        prep = ctx.prep(c)
        if prep is None and ctx.case(c) in ("Gen", None):
            owners += [o for k in ctx.conj_group(c) if (o := _party(ctx, k))]
        elif prep in ("в", "во") and prop is None:
            prop = entity_through_shares(ctx, c, (ORG,))
    return (owners, prop) if owners and prop else None


def _party(ctx: Context, k: int) -> str | None:
    eid = ctx.entity_at(k, OWNER_TYPES)
    ent = ctx.entity(eid)
    if ent is None or (ent.type == LOC and not ent.geopolitical):
        return None
    return eid


def _modifiedunnamed_org(ctx: Context, v: int) -> str | None:
    """«подконтрольный китайскому правительству банк»: the noun the participle stands before."""
    sent = ctx.sentence(v)
    for k in range(v + 1, min(sent.last, v + 8)):
        if ctx.tok(k).pos == "NOUN" and ctx.tok(k).head != v and k not in ctx.kids(v):
            return unnamed_org(ctx, k) if ctx.case(k) == ctx.case(v) else None
    return None
