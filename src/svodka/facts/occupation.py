"""Occupation: who holds which post where («госсекретарь США Джон Керри»).

Three sources, merged later by ``merge``:
1. the roles the entity layer attached to a person;
2. descriptor mentions («президента России» as a mention of Путин);
3. patterns over the syntax tree around a post noun («должность»):
   apposition («президент США Барак Обама», «Василий Шумов, лидер „Центра“»)
   and copular clauses («стал председателем …», «является директором …»).
The place of work (``where``) is the first organisation or place in the
genitive chain under the post («министр торговли Китая», «фотограф
еженедельника „Пермский обозреватель“»), or a country adjective («российский
президент»).
"""

from __future__ import annotations

from ..document import LOC, ORG, PER, Arg, Fact
from ..entities.roles import POSTS as ENTITY_POSTS
from ..entities.roles import names_occupation
from .context import Context, find_named
from .heading import headings
from .lexicon import GEO_ADJECTIVES, ORG_NOUNS, POST_ADJECTIVES, POSTS, org_heads

# Verbs linking a person to a post: «является/стал/остаётся/назначен/избран председателем».
COPULAS = frozenset({"быть", "являться", "стать", "становиться", "оставаться", "остаться", "работать", "служить", "назначить", "избрать", "переизбрать", "утвердить", "занимать", "занять"})
# «пост», «должность» stand for the post named in their genitive: «на посту главы».
POST_HOLDERS = frozenset({"пост", "должность", "кресло"})


def occupations(ctx: Context) -> list[Fact]:
    facts = _from_roles(ctx)
    for i, t in enumerate(ctx.doc.tokens):
        # Substantivised adjectives («управляющий», «рабочий») are posts too, unless they modify a noun.
        # natasha tags a capitalised post («Председатель Правительства») as a proper noun.
        nounlike = t.pos == "NOUN" or (t.pos == "ADJ" and t.rel != "amod") or (t.pos == "PROPN" and i not in ctx.token_entity)
        if not nounlike or not is_post(t.lemma) or t.feats.get("Number") == "Plur":
            continue
        found = holder(ctx, i)
        if found is None:
            continue
        facts.append(_fact(ctx, found[0], i, found[1]))
        ctx.post_holder[i] = found[0]  # «с министром … Озерцом»: later rules read the post as the person
    return facts + headings(ctx)


def is_post(lemma: str) -> bool:
    return lemma in POSTS or lemma.split("-")[-1] in POSTS or lemma.startswith(("экс-", "вице-", "зам"))


def holder(ctx: Context, i: int) -> tuple[str, int | None] | None:
    """The person holding the post named by token ``i``, with the token where the name
    starts when it follows the post (the place of work must lie between them)."""
    right = name_to_the_right(ctx, i)
    if right:
        return right
    own = ctx.descr_entity.get(i)
    if own and ctx.entity_type(own) == PER:
        ent = ctx.entity(own)
        if ent is not None and ent.roles:
            # The entity layer already made the description a role of this person («глава российского
            # государства» is its «президент России»; «американский дипломат» is no post): one post, one fact.
            return None
        return own, None  # a descriptor mention of a known person
    left = name_to_the_left(ctx, i)
    if left:
        return left, None
    t = ctx.tok(i)
    head = t.head
    if head >= 0 and ctx.tok(head).lemma in POST_HOLDERS:
        head = ctx.tok(head).head
    if head >= 0 and ctx.tok(head).lemma in COPULAS and t.rel in ("obl", "xcomp", "obj", "nmod"):
        if ctx.tok(head).lemma in ("назначить", "избрать", "переизбрать", "утвердить"):
            for c in ctx.kids(head, "obj", "nsubj:pass"):
                eid = ctx.entity_at(c, (PER,))
                if eid:
                    return eid, None
        subj = ctx.subject(head)
        return (subj, None) if ctx.entity_type(subj) == PER else None
    return None


def name_to_the_right(ctx: Context, i: int) -> tuple[str, int] | None:
    """«координатор движения „Левый фронт“ Сергей Удальцов»: the first person name after
    the post, read left to right (the parser often hangs every name of a list on the
    first post).  A comma only continues a list of posts («депутат …, сопредседатель …»)."""
    sent = ctx.sentence(i)
    for k in range(i + 1, min(sent.last, i + 14)):
        if _across_lines(ctx, i, k):
            return None
        eid = ctx.token_entity.get(k)
        if eid and ctx.entity_type(eid) == PER:
            # «помощник Хиллари Клинтон», «муж актрисы Сергей Сенин»: a name in another
            # case is the post's complement, not its holder.
            case, own = ctx.case(k), ctx.case(i)
            if case is not None and own is not None and case != own:
                # an animate accusative is written as the genitive: the tagger gives the name's words
                # either («акционера … Сулеймана(Gen) Керимова(Acc)»); one word in the post's case does
                j = k + 1
                while j < sent.last and ctx.token_entity.get(j) == eid and case != own:
                    case = ctx.case(j) if own == "Acc" and ctx.case(j) == "Acc" else case
                    j += 1
            return (eid, k) if case is None or own is None or case == own else None
        t = ctx.tok(k)
        if t.text == ",":
            nxt = k + 1
            while nxt < sent.last and ctx.tok(nxt).pos == "ADJ":
                nxt += 1
            if nxt >= sent.last or not (ctx.tok(nxt).pos == "NOUN" and is_post(ctx.tok(nxt).lemma)):
                return None
        elif t.pos in ("VERB", "AUX", "CCONJ", "SCONJ") or t.text in ("—", "–", ":", ";", "(", ")"):
            return None
        elif ctx.descr_entity.get(k) and ctx.descr_entity.get(k) != ctx.descr_entity.get(i):
            return None
    return None


def name_to_the_left(ctx: Context, i: int) -> str | None:
    """«Василий Шумов, лидер московского „Центра“», «Крис Хелмбрехт — директор»."""
    k = i - 1
    while k >= 0 and k in ctx.kids(i, "amod"):
        k -= 1
    if k < 1 or ctx.tok(k).sent != ctx.tok(i).sent:
        return None
    if ctx.tok(k).text in (",", "—", "–", "-"):
        eid = ctx.token_entity.get(k - 1)
        if eid and ctx.entity_type(eid) == PER:
            return eid
    if ctx.tok(k).text in (",", "и"):
        return _name_before_apposition(ctx, i, k)
    return None


# A short apposition between a name and a second post: «Ковач — политик и лидер партии», «Брода,
# известного борца с ксенофобией, члена Общественной палаты».
APPOSITION_WORDS = 6


def _name_before_apposition(ctx: Context, i: int, k: int) -> str | None:
    """The name before one apposition that ends at token ``k`` («и» or a comma) right before the post
    at ``i``; with a comma the name must agree with the post in case (else it is a list of others)."""
    for j in range(k - 1, max(-1, k - 1 - APPOSITION_WORDS), -1):
        t = ctx.tok(j)
        if t.sent != ctx.tok(i).sent or t.pos in ("VERB", "AUX", "SCONJ", "PRON") or t.text in ("(", ")", ":", ";", "«", "»"):
            return None
        if t.text in (",", "—", "–", "-"):
            eid = ctx.token_entity.get(j - 1) if j >= 1 else None
            if not eid or ctx.entity_type(eid) != PER:
                return None
            agree = ctx.tok(k).text == "и" or None in (ctx.case(j - 1), ctx.case(i)) or ctx.case(j - 1) == ctx.case(i)
            return eid if agree else None
        if j in ctx.token_entity:
            return None
    return None


def _across_lines(ctx: Context, a: int, b: int) -> bool:
    lo, hi = sorted((a, b))
    return "\n" in ctx.doc.text[ctx.tok(lo).end : ctx.tok(hi).start]


def _fact(ctx: Context, who: str, i: int, name_at: int | None) -> Fact:
    first, last = _position_span(ctx, i)
    args = [Arg(role="who", entity=who), ctx.text_arg("position", first, last)]
    where = org_phrase(ctx, i, name_at) or post_org(ctx, i, who, name_at)
    if where is not None:
        args.append(where)
    return Fact(id="", type="Occupation", args=args, evidence=ctx.evidence(i))


def _position_span(ctx: Context, i: int) -> tuple[int, int]:
    """The post's words: title adjectives on the left («чрезвычайный и полномочный посол»),
    genitive complements that are not names on the right («министр иностранных дел»,
    «заместитель начальника») and a «по»-phrase of the post's field («министр по делам
    разведки»)."""
    first = last = i
    adjectives = {i}
    while first - 1 >= 0 and ctx.tok(first - 1).head in adjectives and (
        ctx.tok(first - 1).lemma in POST_ADJECTIVES or ctx.tok(first - 1).lemma == "и" or ctx.tok(first - 1).rel == "conj"
    ):
        first -= 1
        adjectives.add(first)
    while ctx.tok(first).pos == "CCONJ":
        first += 1
    j = i
    while True:
        nxt = [c for c in ctx.kids(j, "nmod") if c > last and ctx.prep(c) is None and ctx.case(c) == "Gen"
               and c not in ctx.token_entity and ctx.tok(c).lemma not in ORG_NOUNS
               and ctx.tok(c).lemma not in org_heads() and ctx.tok(c).pos == "NOUN"]
        if not nxt or any(ctx.tok(k).head != nxt[0] for k in range(last + 1, nxt[0])):
            break
        j = last = nxt[0]
    for c in ctx.kids(i, "nmod"):
        field_ = ctx.subtree(c)
        if ctx.prep(c) == "по" and field_[0] == last + 1 and field_ == list(range(field_[0], field_[-1] + 1)) \
                and not any(k in ctx.token_entity for k in field_):
            last = field_[-1]
    return first, last


# «зав. кафедрой»: these posts take their unit in the instrumental.
INSTRUMENTAL_POSTS = frozenset({"зав", "заведующий", "завед"})


def org_phrase(ctx: Context, i: int, name_at: int | None) -> Arg | None:
    """«лидер фракции КПРФ», «член президиума совета», «представитель вооружённых сил»: a genitive
    complement headed by a noun that heads organisations in NEREL (facts/lexicon.org_heads) and is
    no name itself is the place of work as a whole, the name inside it included (factRuEval's
    «where» is «фракция КПРФ», not «КПРФ»)."""
    _first, last = _position_span(ctx, i)
    for c in sorted(set(ctx.kids(last, "nmod")) | set(ctx.kids(i, "nmod"))):
        t = ctx.tok(c)
        if c <= last or (name_at is not None and c >= name_at) or c in ctx.token_entity or ctx.prep(c) is not None:
            continue
        case_ok = ctx.case(c) == "Gen" or (ctx.case(c) == "Ins" and ctx.tok(i).lemma.rstrip(".") in INSTRUMENTAL_POSTS)
        if t.lemma not in org_heads() or t.pos != "NOUN" or not case_ok or _across_lines(ctx, i, c):
            continue
        end = phrase_end(ctx, c, name_at)
        start = min(k for k in ctx.kids(c, "amod") if k > last) if [k for k in ctx.kids(c, "amod") if k > last] else c
        # The name inside («КПРФ») is kept as the argument's entity: the phrase is what the text says,
        # the entity what it links to (exports write the phrase, facts/describe.arg_text too).
        inner = [e for k in range(start, end + 1) if (e := ctx.token_entity.get(k)) and ctx.entity_type(e) in (ORG, LOC)]
        inner.sort(key=lambda e: ctx.entity_type(e) != ORG)
        return ctx.text_arg("where", start, end, entity=inner[0] if inner else None)
    return None


def phrase_end(ctx: Context, c: int, name_at: int | None) -> int:
    """The last token of the contiguous run of ``c``'s subtree from ``c`` on, stopping before a comma,
    a bracket, a dash or the holder's name."""
    sub = set(ctx.subtree(c))
    end = c
    while end + 1 in sub and (name_at is None or end + 1 < name_at) and ctx.tok(end + 1).text not in (",", "(", ")", "—", "–", ";", ":"):
        end += 1
    while end > c and ctx.tok(end).pos in ("CCONJ", "ADP", "PUNCT") and ctx.tok(end).text not in ("»", '"'):
        end -= 1
    return end


def post_org(ctx: Context, i: int, who: str, name_at: int | None) -> Arg | None:
    """The organisation or place the post belongs to (before the holder's name, when
    the name follows the post)."""
    frontier, seen, nouns = [i], {i}, [i]
    for _depth in range(4):
        nxt = []
        for j in frontier:
            for c in ctx.kids(j, "nmod", "appos", "flat", "flat:foreign"):
                if c in seen or ctx.prep(c) not in (None, "от", "при") or (name_at is not None and c >= name_at):
                    continue
                if _across_lines(ctx, i, c):  # a sentence the segmenter ran over a paragraph break
                    continue
                seen.add(c)
                eid = ctx.token_entity.get(c)
                if eid and not ctx.same(eid, who) and ctx.entity_type(eid) in (ORG, LOC):
                    return Arg(role="where", entity=eid)
                if eid and ctx.entity_type(eid) == PER:
                    continue  # do not cross into the holder's own name
                if ctx.tok(c).pos in ("NOUN", "PROPN"):
                    nxt.append(c)
                    nouns.append(c)
        frontier = nxt
        if not frontier:
            break
    for c in (a for n in nouns for a in ctx.kids(n, "amod")):
        country = GEO_ADJECTIVES.get(ctx.tok(c).lemma)
        if country:
            eid = find_named(ctx, country)
            return Arg(role="where", entity=eid) if eid else Arg(role="where", text=country)
    return None


def _from_roles(ctx: Context) -> list[Fact]:
    """Occupations from the roles the entity layer attached to persons.  Roles of
    ownership («основатель MySQL») are left to the Ownership rule, and a role whose
    post stands right before another person's name is not trusted."""
    from .lexicon import OWNER_NOUNS

    facts = []
    for ent in ctx.doc.entities:
        if ent.type != PER:
            continue
        for role in ent.roles:
            head = role.post.split()[0].lower() if role.post.split() else ""
            if role.source == "nearby" and (head in ENTITY_POSTS or role.org or role.org_name):
                continue  # a post guessed for the salient person (entities/describe.nearby_holder): a role, no fact
            if not head or head in OWNER_NOUNS:
                continue
            if not (is_post(head) or head in ENTITY_POSTS or ((role.org or role.org_name) and names_occupation(head))):
                continue  # an occupation with no place of work («писатель»), a fan of a club: a role, not a post held
            position = _role_position(ctx, role)
            if position.start is not None:
                i = ctx.token_at(position.start)
                right = name_to_the_right(ctx, i)
                if (right and not ctx.same(right[0], ent.id)) or ctx.tok(i).feats.get("Number") == "Plur":
                    continue
            args = [Arg(role="who", entity=ent.id), position]
            phrase = org_phrase(ctx, ctx.token_at(position.start), _name_start(ctx, ent.id, role)) if position.start is not None else None
            if phrase is not None:
                args.append(phrase)
            elif role.org:
                args.append(Arg(role="where", entity=role.org))
            elif role.org_name:
                args.append(Arg(role="where", text=role.org_name))
            evidence = ctx.evidence(_token_at(ctx, role.start)) if role.start is not None else None
            facts.append(Fact(id="", type="Occupation", args=args, evidence=evidence))
    return facts


def _name_start(ctx: Context, eid: str, role) -> int | None:
    """The token where the holder's name starts when it follows the post («лидер фракции КПРФ
    Владимир Беспалов»), so that the place of work stops before it."""
    ent = ctx.entity(eid)
    if ent is None or role.start is None:
        return None
    after = [m.start for m in ent.mentions if m.start > role.start]
    return ctx.token_at(min(after)) if after else None


def _role_position(ctx: Context, role) -> Arg:
    """The post's words in the text: the role's first noun with its title adjectives
    and complements (as for posts found here), kept inside the role's span."""
    if role.start is None:
        return Arg(role="position", text=role.post)
    span = ctx.tokens_in(role.start, role.end if role.end is not None else role.start + len(role.post))
    nouns = [k for k in span if ctx.tok(k).pos == "NOUN"]
    if not nouns:
        return Arg(role="position", text=role.post)
    first, last = _position_span(ctx, nouns[0])
    return ctx.text_arg("position", max(first, span.start), min(last, span.stop - 1))


def _token_at(ctx: Context, offset: int) -> int:
    return ctx.token_at(offset)
