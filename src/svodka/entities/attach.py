"""Attaching role phrases to persons: as their roles, or as descriptions pointing back to them."""

from __future__ import annotations

from ..document import Entity, Mention, Role, Token
from .describe import PersonInfo, nearby_holder, phrase_words, resolve
from .gazetteer import alias_key
from .ner import Candidate, closing_bracket
from .roles import (RESOLVABLE, RolePhrase, find_role_phrases, is_predicate, is_profession, person_lemma, phrase_at,
                    post_lemma)


def attach_roles(
    tokens: list[Token],
    text: str,
    cands: list[Candidate],
    entity_of: dict[int, Entity],
    places: list[Entity],
) -> None:
    """Find role phrases; give them to the person they name, or resolve them as descriptions."""
    # Person names end a role phrase; places and organisations belong inside it («госсекретарь США»).
    blocked = {i for c in cands if entity_of[id(c)].type == "PER" for i in c.toks}
    persons: dict[str, PersonInfo] = {}
    starts: dict[int, Candidate] = {}
    ends: dict[int, Candidate] = {}
    for c in cands:
        ent = entity_of[id(c)]
        if ent.type == "PER":
            persons.setdefault(ent.id, PersonInfo(ent)).mentions.append(c.start)
            starts[c.toks[0]] = c
            ends[c.toks[-1]] = c
    name_at = {i: c for c in cands if entity_of[id(c)].type == "PER" for i in c.toks}
    place_by_token = {i: entity_of[id(c)] for c in cands if entity_of[id(c)].type != "PER" for i in c.toks}
    place_by_key = {alias_key(p.name): p for p in places}
    named = {i for c in cands for i in c.toks}
    phrases = find_role_phrases(tokens, blocked, named)
    held: dict[int, Candidate] = {}  # head token of an attached phrase -> the person holding it
    firsts: dict[int, int] = {}  # first token of an attached phrase -> its head
    loose: list[RolePhrase] = []
    for ph in phrases:
        ph = _with_quoted_org(ph, tokens, text, place_by_token)
        org = _org_of(ph, tokens, place_by_token, place_by_key)
        inner = _inner_holder(ph, tokens, starts, blocked, named)
        if inner is not None:  # «советник президента России Дмитрия Медведева»: Медведев is the president
            sub, holder = inner
            _add_role(persons[entity_of[id(holder)].id], sub, _org_of(sub, tokens, place_by_token, place_by_key), tokens)
        if ph.plural:
            for person in _listed_after(ph, tokens, starts):
                _add_role(persons[entity_of[id(person)].id], ph, org, tokens)
            continue
        ph = _with_principal(ph, tokens, text, starts)
        person = (_named_by(ph, tokens, starts, ends) or _subject_of(ph, tokens, name_at) or _apposed(ph, tokens, name_at)
                  or _fronted(ph, tokens, starts))
        if person is None:
            loose.append(ph)
            continue
        _add_role(persons[entity_of[id(person)].id], ph, org, tokens)
        held[ph.head] = person
        firsts[ph.first] = ph.head
    _alongside_held(loose, tokens, held, firsts)
    pending: list[RolePhrase] = []
    for ph in loose:
        person = held.get(ph.head) or _subject_of(ph, tokens, name_at, held)
        if person is not None:
            _add_role(persons[entity_of[id(person)].id], ph, _org_of(ph, tokens, place_by_token, place_by_key), tokens)
        elif not is_predicate(tokens, ph) and ph.cls in RESOLVABLE:
            pending.append(ph)
    states = {p.id for p in places if p.geopolitical}
    lone = [ph for ph in loose if ph.head not in held and ph not in pending and not is_predicate(tokens, ph)]
    for ph in pending:  # in text order, so a description resolved earlier informs a later one
        org = _org_of(ph, tokens, place_by_token, place_by_key)
        of_state = org[0] in states or (org[0] is None and ph.country is not None)
        info = resolve(ph, org, of_state, persons, tokens)
        if info is None:
            lone.append(ph)
            continue
        start, end = tokens[ph.first].start, tokens[ph.last].end
        info.entity.mentions.append(Mention(start, end, text[start:end], kind="descriptor"))
        if not ph.generic:
            _add_role(info, ph, org, tokens, "description")
    mentions: dict[str, int] = {}
    for c in cands:
        if entity_of[id(c)].type == "PER":
            mentions[entity_of[id(c)].id] = mentions.get(entity_of[id(c)].id, 0) + 1
    for ph in sorted(lone, key=lambda ph: ph.first):
        org = _org_of(ph, tokens, place_by_token, place_by_key)
        # A post held somewhere («министр», «глава компании») is guessed too, but such a guess makes no
        # Occupation fact (facts/occupation.py skips it): as facts they cost factRuEval t3 held-out 0.015.
        person = nearby_holder(ph, tokens, name_at, mentions, entity_of)
        lemma = tokens[ph.head].lemma
        if person is not None and any(r.post == lemma for info in persons.values() if info.entity is not entity_of[id(person)]
                                      for r in info.entity.roles):
            continue  # «скульптор» when the text named somebody else a sculptor: most likely that one
        if person is not None:
            _add_role(persons[entity_of[id(person)].id], ph, org, tokens, "nearby")


def _inner_holder(ph: RolePhrase, tokens: list[Token], starts: dict[int, Candidate], blocked: set[int],
                  named: set[int]) -> tuple[RolePhrase, Candidate] | None:
    """A genitive name right after a post that is not itself a genitive says whose post it is; when the
    post's genitive chain ends in another post («советник президента России Дмитрия Медведева»,
    «представители администрации президента США Барака Обамы»), the name holds that inner post."""
    after = ph.last + 1
    cand = starts.get(after)
    if cand is None or tokens[after].sent != tokens[ph.head].sent:
        return None
    if tokens[after].feats.get("Case") != "Gen" or tokens[ph.head].feats.get("Case") in ("Gen", None):
        return None
    inner = [k for k in range(ph.head + 1, ph.last + 1) if tokens[k].pos == "NOUN"
             and tokens[k].feats.get("Case") == "Gen" and tokens[k].feats.get("Number") != "Plur"
             and (is_profession(tokens[k].lemma) or is_profession(person_lemma(tokens[k].text)))]
    if not inner:
        return None
    sub = phrase_at(tokens, inner[-1], blocked, named)
    if sub is None or sub.last != ph.last:
        return None
    return sub, cand


def _apposed(ph: RolePhrase, tokens: list[Token], name_at: dict[int, Candidate]) -> Candidate | None:
    """The parser's apposition between a post and a name that do not touch: «депутат от «Справедливой
    России» Илья Пономарев» (the name after the post's own dependents), «Стивен Бенджамин, адвокат из
    Ричмонда» (the post apposed to a name before it)."""
    head = tokens[ph.head]
    if 0 <= head.head < len(tokens) and head.rel == "appos" and head.head in name_at and head.head < ph.first:
        cand = name_at[head.head]
        if all(tokens[k].sent == head.sent for k in cand.toks) and not any(k in name_at for k in range(cand.toks[-1] + 1, ph.first)):
            return cand
    depth = 0
    for k in range(ph.last + 1, min(ph.last + 12, len(tokens))):
        t = tokens[k]
        if t.sent != head.sent:
            return None
        if t.text in ("«", "(", "„", "“"):
            depth += 1
        elif t.text in ("»", ")", "”"):
            depth -= 1
        elif depth <= 0 and (t.text in (",", "—", "–", ";", ":") or t.pos in ("VERB", "AUX")):
            return None
        if k in name_at:
            cand = name_at[k]
            if k == cand.toks[0] and t.rel == "appos" and t.head == ph.head and depth <= 0:
                return cand
            return None
    return None


def _fronted(ph: RolePhrase, tokens: list[Token], starts: dict[int, Candidate]) -> Candidate | None:
    """A post opening its sentence, a comma, then the name that is the sentence's subject: «Бывший прокурор
    из Майами, Рено проработала …», «Экономист по образованию, Мутарика работал …»."""
    head = tokens[ph.head]
    if head.feats.get("Case") != "Nom" or head.feats.get("Number") == "Plur":
        return None
    k = ph.first - 1
    while k >= 0 and tokens[k].sent == head.sent and tokens[k].pos == "ADJ":
        k -= 1  # «64-летний лидер …»
    if k >= 0 and tokens[k].sent == head.sent:
        return None
    comma = next((j for j in range(ph.last + 1, min(ph.last + 6, len(tokens)))
                  if tokens[j].text == "," or tokens[j].pos in ("VERB", "AUX") or tokens[j].sent != head.sent), None)
    if comma is None or tokens[comma].text != "," or tokens[comma].sent != head.sent:
        return None
    cand = starts.get(comma + 1)
    if cand is None or not any(tokens[i].rel in _SUBJECT for i in cand.toks):
        return None
    end = cand.toks[-1] + 1
    if end >= len(tokens) or tokens[end].text in (",", "и", "—", "–", "(") or tokens[end].sent != head.sent:
        return None  # «Президент России, Владимир Путин, …» is another rule's; a list is no subject
    return cand


def _org_of(ph: RolePhrase, tokens: list[Token], place_by_token: dict[int, Entity], place_by_key: dict[str, Entity]) -> tuple[str | None, str | None]:
    """(entity id, name) of the organisation or country in a role phrase."""
    for i in range(ph.first, ph.last + 1):
        ent = place_by_token.get(i)
        if ent is not None:
            return ent.id, ent.name
    if ph.country:
        ent = place_by_key.get(alias_key(ph.country))
        return (ent.id if ent else None), (ent.name if ent else ph.country)
    return None, None


def _with_principal(ph: RolePhrase, tokens: list[Token], text: str, starts: dict[int, Candidate]) -> RolePhrase:
    """«помощник Хиллари Клинтон Хума Абедин»: a genitive name right after the post, with another
    name after it, belongs to the role («помощник Хиллари Клинтон»), and the second name holds it."""
    after = ph.last + 1
    gen = starts.get(after)
    if gen is None:
        return ph
    nxt = gen.toks[-1] + 1
    # an indeclinable name has no case: the parser's nmod from the post says whose («Врач Хиллари Клинтон Лиза Бардек»)
    whose = (tokens[after].rel == "nmod" and tokens[after].head == ph.head
             and nxt < len(tokens) and tokens[nxt].rel == "appos" and tokens[nxt].head == ph.head)
    if not whose and (tokens[after].feats.get("Case") != "Gen" or tokens[ph.head].feats.get("Case") == "Gen"):
        return ph
    if nxt not in starts or tokens[nxt].sent != tokens[ph.head].sent:
        return ph
    name = ph.name + " " + text[gen.start : gen.end]
    return RolePhrase(ph.first, gen.toks[-1], ph.head, ph.cls, name, ph.country, ph.direct)


def _named_by(ph: RolePhrase, tokens: list[Token], starts: dict[int, Candidate], ends: dict[int, Candidate]) -> Candidate | None:
    """The person a role phrase stands beside: «госсекретарь США Джон Керри», «Дмитрий Песков, пресс-секретарь».
    A name in the genitive after the post is whose post it is, not who holds it: «помощник Хиллари Клинтон»."""
    after = _past_brackets(tokens, ph.last + 1)  # «Генеральный секретарь ОФДД (…) Наттавут Сайкыа»
    while after < len(tokens) and tokens[after].pos == "ADJ" and any(ch.isdigit() for ch in tokens[after].text):
        after += 1  # «защитник «Зенита» 34-летний Бранислав Иванович»
    dash = after < len(tokens) and tokens[after].text in _DASHES and _clause_start(tokens, ph.first)
    if dash and after + 1 in starts and _clause_end(tokens, starts[after + 1].toks[-1] + 1):
        return starts[after + 1]  # «Министр обороны — Ицунори Онодэра.»
    if (after < len(tokens) and tokens[after].text in _DASHES and after + 1 in starts
            and tokens[after + 1].sent == tokens[ph.last].sent
            and tokens[after + 1].feats.get("Case") == tokens[ph.head].feats.get("Case") not in (None, "Nom")
            and _clause_end(tokens, starts[after + 1].toks[-1] + 1)):
        return starts[after + 1]  # «медаль у российского фехтовальщика — Тимура Сафина.»: the same case, an apposition
    if (after + 1 in starts and after < len(tokens) and tokens[after].text == ","
            and tokens[after + 1].sent == tokens[ph.last].sent and tokens[ph.head].feats.get("Case") == "Nom"
            and tokens[after + 1].feats.get("Case") in ("Nom", None) and tokens[ph.head].feats.get("Number") != "Plur"):
        end = starts[after + 1].toks[-1] + 1
        # «Президент России, Владимир Путин, заявил» (with a dash, «водитель — Андрей Липатов», it cost
        # factRuEval t3 held-out 0.6597 → 0.6532 for train R +0.004: left out)
        if end < len(tokens) and tokens[end].text == "," and not _listing(tokens, ph.first):
            return starts[after + 1]
    if after in starts and tokens[after].sent == tokens[ph.last].sent:
        name_case, post_case = tokens[after].feats.get("Case"), tokens[ph.head].feats.get("Case")
        appos = tokens[after].rel == "appos" and tokens[after].head == ph.head  # «уволил министра финансов Симеона Дянкова»
        if name_case == "Gen" and post_case not in ("Gen", None) and not appos:
            return None
        end = starts[after].toks[-1] + 1
        if tokens[ph.head].lemma in _AIDES and end < len(tokens) and tokens[end].lemma == "по":
            return None  # «Помощник Хиллари Клинтон по европейским делам»: whose aide, not who
        return starts[after]
    before = ph.first - 1
    nxt = ph.last + 1
    if before >= 1 and tokens[before].text == "(" and (before - 1) in ends and nxt < len(tokens) and tokens[nxt].text == ")":
        return ends[before - 1]  # «Йоахим Лёв (второй тренер)»
    dash_at = next((k for k in range(before, max(before - 4, 0), -1)
                    if tokens[k].text in _LONG_DASHES or not (tokens[k].pos in ("ADJ", "CCONJ") or tokens[k].text == ",")), None)
    if dash_at is not None and dash_at >= 1 and tokens[dash_at].text in _LONG_DASHES and (dash_at - 1) in ends:
        # «сын Максим — следователь, и дочь …», «Аленичев — советский и российский футболист, полузащитник»
        if nxt >= len(tokens) or tokens[nxt].text in (",", ".", ";") or tokens[nxt].sent != tokens[ph.last].sent:
            return ends[dash_at - 1]
    if before >= 1 and tokens[before].text == "," and (before - 1) in ends:
        nxt = ph.last + 1
        # «Джон Нэш, лауреат премии и американский математик»: a post coordinated with the next one
        also = (nxt + 1 < len(tokens) and tokens[nxt].text == "и" and tokens[nxt + 1].sent == tokens[nxt].sent
                and any(tokens[k].rel == "conj" and tokens[k].head == ph.head for k in range(nxt + 1, min(nxt + 5, len(tokens)))))
        if also or nxt >= len(tokens) or tokens[nxt].text in (",", ".", ")", "—", ";") or tokens[nxt].sent != tokens[ph.last].sent:
            return ends[before - 1]
    return None


# Verbs whose subject holds the post named in their predicate: «стал продюсером», «работает санитаркой».
_HOLDING_VERBS = frozenset({"быть", "являться", "стать", "становиться", "оставаться", "остаться", "работать",
                            "служить", "трудиться", "назначить", "назначать", "избрать", "переизбрать", "считаться",
                            "числиться", "устроиться", "пойти", "начинать", "начать", "занимать", "занять",
                            "покинуть", "покидать", "уйти", "оставить", "сохранить", "сменить", "признать",
                            "утвердить", "выбрать", "объявить", "называть", "назвать"})
# Verbs that make their object hold the post: «Путин назначил Андрея Воробьёва губернатором».
_APPOINTING = frozenset({"назначить", "назначать", "избрать", "переизбрать", "утвердить", "признать", "выбрать",
                         "объявить", "называть", "назвать"})
# Verbs that take the post from their object: «освободил Петрова от должности министра».
_REMOVING = frozenset({"освободить", "освобождать", "уволить", "увольнять", "снять", "снимать", "отстранить",
                       "отстранять", "отправить", "сместить", "лишить", "рекомендовать", "выдвинуть", "предложить",
                       "вернуть", "перевести"})
# Nouns standing for the post in their genitive: «пост министра», «должность посла».
_POST_HOLDERS = frozenset({"пост", "должность", "кресло"})
_SUBJECT = ("nsubj", "nsubj:pass")


def _subject_of(ph: RolePhrase, tokens: list[Token], name_at: dict[int, Candidate],
                held: dict[int, Candidate] | None = None) -> Candidate | None:
    """The named person a post is said of: a copula («Анна Смирнова — заслуженная артистка России»,
    «Иван Петров стал продюсером»), «работает/служит кем», «в качестве эксперта», «занимал пост
    министра», also through a relative clause or a participle («Мария, которая работает санитаркой»,
    «Обама, занимавший пост президента»)."""
    h = ph.head
    acting = next((k for k in range(ph.first, min(ph.first + 2, ph.head)) if tokens[k].lemma in ("исполнять", "исполняющий")), None)
    if acting is not None:
        h = acting  # «Исполняющим обязанности губернатора назначен …»: the participle is what is predicated
    if 0 <= tokens[h].head < len(tokens) and tokens[tokens[h].head].lemma in _POST_HOLDERS and tokens[h].rel == "nmod":
        h = tokens[h].head  # the post is said of whoever holds «пост», «должность», «кресло»
    head = tokens[h]
    kids = [k for k in range(len(tokens)) if tokens[k].head == h and tokens[k].sent == head.sent]
    subject = next((k for k in kids if tokens[k].rel in _SUBJECT), None)
    if subject is None and head.rel == "root" and h == ph.head and tokens[h].feats.get("Number") != "Plur":
        # a post standing as a sentence of its own in a run about one person: «С 1991 года — президент
        # фестиваля «КРОК»», «Генерал-полковник.»
        if not any(tokens[k].sent == head.sent for k in name_at):
            return _topic(tokens, head.sent, None, name_at)
        return None
    vi = head.head
    lin = h - 1
    while lin > 0 and tokens[lin].pos == "ADP":
        lin -= 1
    adjacent = (head.lemma in _POST_HOLDERS and 0 <= lin != vi and tokens[lin].pos in ("VERB", "AUX")
                and tokens[lin].sent == head.sent)
    if adjacent:
        vi = lin  # «занимал должность первого замминистра»: the verb right before the post noun, whatever the parse
    if subject is None and 0 <= vi < len(tokens):
        verb = tokens[vi]
        as_whom = any(tokens[k].lemma == "в" and k + 1 < len(tokens) and tokens[k + 1].lemma == "качество" for k in kids)
        post_noun = head.lemma in _POST_HOLDERS and (head.rel in ("obl", "obj") or adjacent)
        # «уходит с поста директора», «покинул должность», «вступил в должность»: a post noun under any verb
        holds = post_noun or (verb.lemma in _HOLDING_VERBS and head.rel in ("xcomp", "obl", "obj")
                              and (head.feats.get("Case") in ("Ins", "Nom")
                                   or (head.pos == "VERB" and head.text.endswith(("ом", "ем", "ой", "ей")))))
        if verb.pos in ("VERB", "AUX") and (holds or as_whom):
            deps = [k for k in range(len(tokens)) if tokens[k].head == vi and tokens[k].sent == head.sent]
            subject = next((k for k in deps if tokens[k].rel in _SUBJECT), None)
            obj = next((k for k in deps if tokens[k].rel == "obj" and k != h), None)
            if verb.lemma in _APPOINTING and (head.feats.get("Case") == "Ins" or post_noun) and obj is not None:
                subject = obj  # the one appointed, not the one appointing («назначил Иванова на пост посла»)
            elif verb.lemma in _REMOVING and post_noun and obj is not None:
                subject = obj  # «освободил Петрова от должности министра», «уволил с поста»
            if subject is not None and tokens[subject].lemma == "который" and verb.rel == "acl:relcl":
                subject = verb.head  # «Мария, которая работает санитаркой»: the noun the clause is about
            elif subject is None and verb.rel == "acl":
                before = _name_before_comma(tokens, vi, name_at)
                if before is not None:
                    return before  # «Радия Хабирова, сейчас занимающего пост заместителя …»
                subject = verb.head  # «Барак Обама, занимавший пост президента»
            if subject is None and verb.rel != "acl":
                return _subject_of_verb(tokens, vi, name_at)
    if subject is None or subject < 0:
        return None
    if tokens[subject].lemma == "он" and tokens[subject].pos == "PRON" and tokens[subject].feats.get("Number") != "Plur":
        return _named_before(tokens, subject, name_at)  # «Сейчас он работает спецпредставителем президента»
    if subject in name_at:
        return name_at[subject]
    if held and subject in held:
        return held[subject]  # «Мэром Детройта избран баскетболист Дэйв Бинг»: the subject is a post someone holds
    # «её тренером стал американец Дэвид Сало»: the name stands in apposition to the subject
    return next((name_at[k] for k in range(subject + 1, min(subject + 3, len(tokens)))
                 if k in name_at and tokens[k].head == subject and tokens[k].rel == "appos"), None)


def _name_before_comma(tokens: list[Token], verb: int, name_at: dict[int, Candidate]) -> Candidate | None:
    """The name a participle right after it is said of: «Радия Хабирова, сейчас занимающего …»."""
    j = verb - 1
    while j > 0 and tokens[j].pos == "ADV":
        j -= 1
    if j > 0 and tokens[j].text == "," and j - 1 in name_at and tokens[j - 1].sent == tokens[verb].sent:
        return name_at[j - 1]
    return None


def _subject_of_verb(tokens: list[Token], verb: int, name_at: dict[int, Candidate]) -> Candidate | None:
    """The person a holding verb with no subject of its own is said of: the subject of the verb it is
    coordinated with («Анна окончила институт и работала санитаркой»), or, for a finite verb heading a
    sentence of its own, the person the sentence before was about («Петров родился в Липецке. Работал
    инженером»): the name that was its subject, in the gender of the verb."""
    for _ in range(4):
        tok = tokens[verb]
        deps = [k for k in range(len(tokens)) if tokens[k].head == verb and tokens[k].sent == tok.sent]
        subject = next((k for k in deps if tokens[k].rel in _SUBJECT), None)
        if subject is not None:
            if subject in name_at:
                return name_at[subject]
            if tokens[subject].lemma == "он" and tokens[subject].pos == "PRON" and tokens[subject].feats.get("Number") != "Plur":
                return _named_before(tokens, subject, name_at)
            return None
        if tok.rel == "conj" and 0 <= tok.head < len(tokens) and tokens[tok.head].pos in ("VERB", "AUX"):
            verb = tok.head
            continue
        break
    tok = tokens[verb]
    if tok.rel != "root" or tok.feats.get("VerbForm") not in ("Fin", "Part") or tok.feats.get("Number") == "Plur" or tok.sent == 0:
        return None
    return _topic(tokens, tok.sent, tok.feats.get("Gender"), name_at)


TOPIC_DEPTH = 4  # sentences back through which a run of subject-less sentences keeps its person


def _topic(tokens: list[Token], sent: int, gender: str | None, name_at: dict[int, Candidate]) -> Candidate | None:
    """The person a sentence with no subject of its own is about: the one person who was the subject of
    the sentence before, or of an earlier one when the sentences between have no subject either
    («Назаров родился в Москве. Окончил институт. Работал прорисовщиком»), within TOPIC_DEPTH."""
    for s in range(sent - 1, max(sent - 1 - TOPIC_DEPTH, -1), -1):
        subject = _sentence_subject(tokens, s, gender, name_at, main=True)
        if subject is not None or not _subjectless(tokens, s, gender, name_at):
            return subject
    return None


def _subjectless(tokens: list[Token], sent: int, gender: str | None, name_at: dict[int, Candidate]) -> bool:
    """Sentence ``sent`` goes on about the person before it: its root is a singular finite verb with no
    subject («Окончил институт»), or one whose subject is «он»/«она» in ``gender``; and it names nobody."""
    idx = [k for k, t in enumerate(tokens) if t.sent == sent]
    if not idx or any(k in name_at for k in idx):
        return False
    root = next((k for k in idx if tokens[k].rel == "root"), None)
    if root is None:
        return False
    tok = tokens[root]
    if tok.pos not in ("VERB", "AUX") or tok.feats.get("Number") == "Plur":
        return False
    if gender is not None and tok.feats.get("Gender") not in (None, gender):
        return False
    subjects = [k for k in idx if tokens[k].head == root and tokens[k].rel in _SUBJECT]
    return all(tokens[k].lemma == "он" and tokens[k].pos == "PRON" and tokens[k].feats.get("Number") != "Plur"
               and (gender is None or tokens[k].feats.get("Gender") in (None, gender)) for k in subjects)


def _sentence_subject(tokens: list[Token], sent: int, gender: str | None,
                      name_at: dict[int, Candidate], main: bool = False) -> Candidate | None:
    """The one person named as a subject in sentence ``sent`` (of ``gender`` when given), else None;
    with ``main``, only a subject of the sentence's root or of a verb coordinated with it (not of a
    clause inside: «(которое возглавлял Михаил Ходорковский)»)."""
    found: list[Candidate] = []
    for k, cand in name_at.items():
        tok = tokens[k]
        if tok.sent != sent or k != cand.toks[0] or cand in found:
            continue
        subj = [i for i in cand.toks if tokens[i].rel in _SUBJECT]
        if main and not any(_main_verb(tokens, tokens[i].head) for i in subj):
            continue
        if subj:
            found.append(cand)
    if len(found) != 1:
        return None
    cand = found[0]
    got = next((tokens[i].feats.get("Gender") for i in cand.toks if tokens[i].feats.get("Gender")), None)
    return cand if gender is None or got in (None, gender) else None


def _main_verb(tokens: list[Token], k: int) -> bool:
    """Token k is its sentence's root, or coordinated with it."""
    for _ in range(4):
        if not 0 <= k < len(tokens):
            return False
        if tokens[k].rel == "root":
            return True
        if tokens[k].rel != "conj":
            return False
        k = tokens[k].head
    return False


def _named_before(tokens: list[Token], pron: int, name_at: dict[int, Candidate]) -> Candidate | None:
    """The person a «он»/«она» stands for: the last person named in its sentence or the one before,
    when the name's gender agrees and no other person of that gender is named between."""
    want = tokens[pron].feats.get("Gender")
    # the person the text is about just then: the subject of the sentence before, if it is one person
    # («Абэ работает в правительствах Мори и Коидзуми. С 2003 года он был секретарём партии»)
    if tokens[pron].sent > 0 and not any(k < pron and tokens[k].sent == tokens[pron].sent for k in name_at):
        subject = _topic(tokens, tokens[pron].sent, want, name_at)
        if subject is not None:
            return subject
    first_sent = tokens[pron].sent - 1
    k = pron - 1
    while k >= 0 and tokens[k].sent >= first_sent:
        cand = name_at.get(k)
        if cand is not None:
            gender = next((tokens[i].feats.get("Gender") for i in cand.toks if tokens[i].feats.get("Gender")), None)
            if gender == want:
                return cand
            if gender is None:
                return None
        k -= 1
    return None


def _listing(tokens: list[Token], first: int) -> bool:
    """A comma or «и» right before a post: it is an item of a list («Петров, министр, Иванов, …»)."""
    return first > 0 and tokens[first - 1].text in (",", "и") and tokens[first - 1].sent == tokens[first].sent


_DASHES = ("—", "–", "-")
# A typographic dash, not a hyphen typed between words (which also joins list items: «Жено - немецкий режиссёр»).
_LONG_DASHES = ("—", "–")
_OPEN_QUOTES = ("«", '"', "„", "“", "''", "'")
_CLOSE_QUOTES = ("»", '"', "“", "”", "''", "'")


def _clause_start(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].sent != tokens[i].sent or tokens[i - 1].text in (";", ":", ".")


def _clause_end(tokens: list[Token], i: int) -> bool:
    return i >= len(tokens) or tokens[i].sent != tokens[i - 1].sent or tokens[i].text in (".", ",", ";", "(")


def _with_quoted_org(ph: RolePhrase, tokens: list[Token], text: str, place_by_token: dict[int, Entity]) -> RolePhrase:
    """«защитник «Зенита»», «горничная отеля ''Sofitel''»: an organisation in quotes right after the post belongs to it."""
    j = ph.last + 1
    if j >= len(tokens) or tokens[j].text not in _OPEN_QUOTES:
        return ph
    k = next((k for k in range(j + 1, min(j + 10, len(tokens))) if tokens[k].text in _CLOSE_QUOTES), None)
    if k is None or tokens[k].sent != tokens[j].sent or not any(i in place_by_token for i in range(j + 1, k)):
        return ph
    name = ph.name + " " + text[tokens[j].start : tokens[k].end]
    return RolePhrase(ph.first, k, ph.head, ph.cls, name, ph.country, ph.direct, ph.plural)


def _listed_after(ph: RolePhrase, tokens: list[Token], starts: dict[int, Candidate]) -> list[Candidate]:
    """The names listed right after a plural post: «актрисы Гвинет Пэлтроу, Анджелина Джоли и Кара Делевинь»."""
    out: list[Candidate] = []
    at = ph.last + 1
    skipped = 0  # «руководителя РУСАДА: …», «с такими режиссёрами, как …», «артистов были …»
    while (skipped < 2 and at < len(tokens) and tokens[at].sent == tokens[ph.head].sent
           and (tokens[at].text in (":", "—", "–", ",", "(") or tokens[at].lemma in ("как", "быть"))):
        at += 1
        skipped += 1
    if skipped and (at not in starts or (tokens[at - 1].text == "," and skipped == 1)):
        return []  # a comma alone ends the phrase: «представители МВД, Иван Петров …» is no list
    case = tokens[ph.head].feats.get("Case")
    while at in starts and tokens[at].sent == tokens[ph.head].sent:
        if tokens[at].feats.get("Case") == "Gen" and case != "Gen" and not _in_case(tokens, starts[at], ph.head, case):
            break  # «представители Владимира Путина»: whose, not who
        out.append(starts[at])
        at = _past_brackets(tokens, starts[at].toks[-1] + 1)  # «Илья Шкуренев (многоборье), Антонина Кривошапка»
        if at < len(tokens) and tokens[at].text in (",", "и"):
            at += 1
            if at + 1 < len(tokens) and tokens[at].lemma == "а" and tokens[at + 1].lemma == "также":
                at += 2  # «…, а также Сирил Вангрикен»
            while at < len(tokens) and tokens[at].pos == "ADJ" and any(ch.isdigit() for ch in tokens[at].text):
                at += 1  # «и 22-летний Сирил Вангрикен»: an age before the next name
        else:
            break
    return out if len(out) > 1 or (out and (ph.last + 1 == out[0].toks[0] or skipped)) else []


_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


def _in_case(tokens: list[Token], cand: Candidate, post: int, case: str | None) -> bool:
    """A name the tagger read as a genitive is in the post's own case after all: the parser apposes it to
    the post, or every word of a full name can be that case by pymorphy («актёры Хельга Филиппова»,
    not «представители Владимира Путина»: «Владимира» is no nominative)."""
    from ..models import morph_analyzer

    first = tokens[cand.toks[0]]
    if first.rel == "appos" and first.head == post:
        return True
    words = [tokens[i].text for i in cand.toks if tokens[i].text[:1].isalpha() and len(tokens[i].text) > 1]
    if case not in _CASES or len(words) < 2:
        return False
    for word in words:
        parses = morph_analyzer().parse(word)
        named = [p for p in parses if {"Name", "Surn", "Patr"} & set(str(p.tag).replace(" ", ",").split(","))] or parses
        if not any(p.tag.case == _CASES[case] or "Fixd" in p.tag for p in named):
            return False
    return True


def _alongside_held(loose: list[RolePhrase], tokens: list[Token], held: dict[int, Candidate], firsts: dict[int, int]) -> None:
    """Give a loose post the holder of a post it is coordinated with («актриса, общественный деятель и
    журналист Ксения Собчак») or that stands right after it («Эмир Катара шейх Хамад»): ``held`` gains
    its head.  ``firsts`` maps the first token of each held phrase to its head."""
    for _ in range(4):  # a chain of posts settles in as many rounds as it is long
        grew = False
        for ph in loose:
            if ph.head in held:
                continue
            tok = tokens[ph.head]
            nxt = ph.last + 1
            if (nxt < len(tokens) and tokens[nxt].pos == "PROPN" and tokens[nxt].rel == "appos"
                    and tokens[nxt].head == ph.head):
                continue  # «певица Глюкоза, музыкант Алексей Кортнев»: a name of its own, one the NER missed
            rels = ("conj", "appos")  # «народная артистка СССР, оперная певица Елена Образцова»
            mate = tok.head if tok.rel in rels and tok.head in held else None
            if mate is None:
                mate = next((h for h in held if tokens[h].rel in rels and tokens[h].head == ph.head), None)
            if mate is None:
                mate = firsts.get(ph.last + 1)
            if mate is not None and tokens[mate].sent == tok.sent:
                held[ph.head] = held[mate]
                firsts[ph.first] = ph.head
                grew = True
        if not grew:
            return


# Posts held for someone: a name after them may be the principal, not the holder.
_AIDES = frozenset({"помощник", "советник", "заместитель", "представитель", "пресс-секретарь"})


def _past_brackets(tokens: list[Token], i: int) -> int:
    """The token after a bracketed aside starting at i (up to 8 words), else i."""
    k = closing_bracket(tokens, i, 8)
    return k + 1 if k is not None else i


def _add_role(info: PersonInfo, ph: RolePhrase, org: tuple[str | None, str | None], tokens: list[Token],
              source: str = "text") -> None:
    info.words.append(phrase_words(ph, tokens))
    country = alias_key(org[1]) if org[1] else None
    role = Role(
        name=ph.name,
        post=post_lemma(tokens[ph.head]),
        org=org[0],
        org_name=org[1],
        start=tokens[ph.first].start,
        end=tokens[ph.last].end,
        source=source,
    )
    same = [k for k, (cls, ctry, _) in enumerate(info.posts) if cls == ph.cls and (ctry == country or ctry is None or country is None)]
    if same and all(info.entity.roles[k].post != role.post for k in same) and source == "text":
        # «президент Ганы, глава государства Джон Махама»: the same post said beside the name in other words
        # is kept too (as a resolved description it is not: «глава российского государства» stays folded
        # into «президент России»; keeping those too gave NEREL dev R +0.008 but changes the sample's roles)
        same = []
    for k, (cls, ctry, direct) in enumerate(info.posts):
        if k in same:
            # The same post said twice: keep the more explicit wording («президент России» over
            # «глава российского государства»; «госсекретарь США» over «госсекретарь»).
            better = (ph.direct, country is not None) > (direct, ctry is not None)
            if better and source != "nearby":  # a guess never replaces what the text said
                info.entity.roles[k] = role
                info.posts[k] = (cls, country, ph.direct)
            return
    # A kind of person said right beside the name («лидер Радикальной партии Олег Ляшко», «американский
    # дипломат») is a role too; as a description standing alone it only points back (see the caller).
    info.posts.append((ph.cls, country, ph.direct))
    info.entity.roles.append(role)
