"""Roles and role descriptions.

A role phrase is a post noun with its dependents: «госсекретарь США»,
«помощник президента США по национальной безопасности», «глава российского
государства».  Standing right before a person's name (apposition, «приложение»)
it is that person's role; after the name and a comma likewise; standing alone
it is a description («дескрипция») pointing back to a person named in the text,
and becomes one of that person's mentions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.resources import files

from ..document import Token
from .gazetteer import GEO_ADJECTIVES
from .names import phrase_nominative

# Post nouns (lemmas) -> the class used to tell whether two descriptions can be one person.  Any other
# occupation, rank or title comes from data (``professions``); its class is its own lemma.
POSTS: dict[str, str] = {
    "президент": "head_of_state", "премьер": "head_of_government", "премьер-министр": "head_of_government",
    "госсекретарь": "foreign_minister", "министр": "minister", "глава": "head", "руководитель": "head",
    "пресс-секретарь": "press_secretary", "представитель": "spokesman", "помощник": "aide", "советник": "aide",
    "председатель": "chairman", "директор": "director", "гендиректор": "director", "губернатор": "governor",
    "мэр": "mayor", "посол": "ambassador", "спикер": "speaker", "депутат": "deputy", "сенатор": "senator",
    "генсек": "secretary_general", "секретарь": "secretary", "вице-президент": "vice_president",
    "вице-премьер": "vice_premier", "замминистра": "deputy_minister", "заместитель": "deputy_head",
    "канцлер": "head_of_government", "король": "monarch", "королева": "monarch", "принц": "monarch",
    "командующий": "commander", "главнокомандующий": "commander", "прокурор": "prosecutor", "генпрокурор": "prosecutor",
    "судья": "judge", "основатель": "founder", "владелец": "owner", "совладелец": "owner", "акционер": "owner",
    "начальник": "head", "префект": "head", "атташе": "diplomat", "патриарх": "patriarch", "митрополит": "bishop",
    "аналитик": "analyst", "эксперт": "expert", "политолог": "expert", "экономист": "expert", "адвокат": "lawyer",
    "тренер": "coach", "капитан": "captain", "президент-элект": "head_of_state", "шеф": "head", "лидер": "leader",
    "дипломат": "diplomat", "политик": "politician", "глава-": "head", "бундестренер": "coach",
    "астронавт": "astronaut", "космонавт": "astronaut", "член": "member", "координатор": "coordinator",
    "сопредседатель": "chairman", "вице-губернатор": "deputy_head", "замглавы": "deputy_head",
    "экс-премьер": "head_of_government", "экс-председатель": "chairman", "экс-президент": "head_of_state",
    "полпред": "envoy", "архиепископ": "bishop", "епископ": "bishop", "генерал": "officer",
    "генерал-майор": "officer", "генерал-лейтенант": "officer", "полковник": "officer", "редактор": "editor",
    "главред": "editor", "солист": "musician", "вратарь": "player", "защитник": "player",
    "полузащитник": "player", "нападающий": "player", "фотограф": "photographer", "оператор": "cameraman",
    "докладчик": "rapporteur", "царь": "monarch", "парламентарий": "deputy",
}
# Descriptions that name a kind of person, not a post: they point back but add no role.
GENERIC = {"diplomat", "leader", "politician"}
# Which classes a generic word can stand for.
_GENERIC_FITS = {
    "diplomat": {"foreign_minister", "ambassador", "diplomat", "minister_foreign"},
    "leader": {"head_of_state", "head_of_government", "head", "chairman", "leader"},
    "politician": {"head_of_state", "head_of_government", "foreign_minister", "minister", "deputy", "senator", "speaker"},
}
# Classes whose standalone descriptions we resolve to a person (others are too vague: «эксперт»).
RESOLVABLE = {"head_of_state", "head_of_government", "foreign_minister", "minister", "press_secretary", "spokesman",
              "aide", "governor", "mayor", "ambassador", "chairman", "director", "head", "diplomat", "leader",
              "secretary_general", "speaker"}
_COPULAS = {"стать", "являться", "быть", "назначить", "избрать", "считаться", "становиться", "оставаться", "остаться"}
_SKIP_ADJ = {"первый", "второй", "последний", "свой", "этот", "тот", "наш", "его", "её", "их", "весь", "такой", "который"}
_RIGHT_ADP = {"по", "при"}


# Feminine suffixes: «бегунья», «санитарка», «поэтесса» name the occupation of «бегун», «санитар», «поэт».
_FEMININE = ("ья", "ка", "ница", "есса", "иня", "ша")


@functools.cache
def _lexicon() -> dict[str, tuple[int, int]]:
    """Head lemma → (PROFESSION spans it heads, of them a named person's WORKS_AS), built from NEREL
    train by scripts/build_professions.py (provenance in the file's header)."""
    text = files("svodka").joinpath("data/professions.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if not line.startswith("#"))
    return {cols[1]: (int(cols[2]), int(cols[3])) for cols in rows if cols[0] == "head"}


def professions() -> frozenset[str]:
    """Head lemmas of occupations, posts, ranks and titles from data."""
    return frozenset(_lexicon())


# Share of a word's PROFESSION spans that NEREL links to a named person (WORKS_AS): high for occupations
# («горничная» 5/6, «актер» 74/95), low for kinds of people («болельщик» 2/11, «полицейский» 1/59).
OCCUPATION_SHARE = 0.3


def linked_share(lemma: str) -> float:
    """Of the NEREL train PROFESSION spans the word heads, the share that is a named person's WORKS_AS
    (0 for a word not in the data)."""
    lemma = lemma.replace("ё", "е").removeprefix("экс-")
    n, linked = _lexicon().get(lemma, (0, 0))
    return linked / n if n else 0.0


def names_occupation(lemma: str) -> bool:
    """An occupation a named person holds, not a kind of people: a data word NEREL mostly links to a
    named person."""
    return linked_share(lemma) >= OCCUPATION_SHARE


@functools.lru_cache(maxsize=50_000)
def is_profession(lemma: str) -> bool:
    """A post or occupation noun: the hand-classed posts, the data lexicon, or a feminine form of one.
    Cached: a pure function of the word (the lexicons are fixed), asked of every noun many times."""
    lemma = lemma.replace("ё", "е").removeprefix("экс-")
    known = _lexicon()
    if lemma in POSTS or lemma in known:
        return True
    if any(lemma.endswith(suf) and lemma[: -len(suf)] in known for suf in _FEMININE):
        return True
    if lemma.endswith("ница") and lemma[:-4] + "ник" in known:
        return True  # «бортпроводница» of «бортпроводник»
    if "-" in lemma.strip("-"):
        # a compound of a known occupation: «рок-музыкант», «фотограф-любитель», «тренер-победитель»
        first, _, rest = lemma.partition("-")
        return (first in known or rest in known) and first not in _NOT_PARTS
    return lemma.startswith("зам") and lemma[3:] in known  # «замгендиректор», «замгубернатор»


_INFINITIVE = ("ть", "ться", "ти", "чь", "чься", "тись")


@functools.lru_cache(maxsize=50_000)
def person_lemma(word: str) -> str:
    """pymorphy's lemma of a word read as a person noun when it can be one, as the lexicon was built
    (scripts/build_professions.py): natasha's «аятолла», «хавбека» are pymorphy's «аятолл», «хавбек»."""
    from ..models import morph_analyzer

    parses = morph_analyzer().parse(word.lower())
    person = next((p for p in parses if p.tag.POS == "NOUN" and "anim" in p.tag), None)
    best = person or parses[0]
    return best.normal_form.replace("ё", "е") if best.tag.POS == "NOUN" else word.lower()


@functools.lru_cache(maxsize=50_000)
def participle_lemma(word: str) -> str | None:
    """The masculine nominative of a word pymorphy reads first as a participle or adjective («управляющим» →
    «управляющий»), as the lexicon names a substantivised participle; None for any other word."""
    from ..models import morph_analyzer

    first = morph_analyzer().parse(word.lower())[0]
    if first.tag.POS not in ("PRTF", "ADJF"):
        return None
    form = first.inflect({"masc", "sing", "nomn"})
    return form.word.replace("ё", "е") if form else None


def post_lemma(tok: Token) -> str:
    """The lemma a role's post is named by: the token's, or a substantivised participle's own nominative
    («управляющим»: natasha's «управлять» → «управляющий»)."""
    sub = participle_lemma(tok.text) if tok.lemma.endswith(_INFINITIVE) else None
    return sub if sub and is_profession(sub) else tok.lemma


# First parts of compounds that name no occupation of the person: «экс-» is a time, «вице-» another post.
_NOT_PARTS = frozenset({"экс", "вице", "лже", "анти", "пост"})


@dataclass(slots=True)
class RolePhrase:
    first: int  # token index
    last: int  # token index, inclusive
    head: int  # token index of the post noun
    cls: str
    name: str  # nominative
    country: str | None  # from a geo adjective («российского» → Россия)
    direct: bool  # a post said outright, not a periphrasis or a generic word
    plural: bool = False  # «актрисы …»: a role of each of the names listed right after it, nothing else

    @property
    def generic(self) -> bool:
        return self.cls in GENERIC


def post_class(lemmas: list[str], head_lemma: str) -> str:
    """The class of a post, sharpening «глава»/«министр» by their dependents."""
    cls = POSTS.get(head_lemma, head_lemma)
    rest = set(lemmas)
    if cls == "head":
        if "государство" in rest:
            return "head_of_state"
        if rest & {"правительство", "кабмин", "кабинет"}:
            return "head_of_government"
        if "мид" in rest or ("ведомство" in rest and "внешнеполитический" in rest):
            return "foreign_minister"
    if cls == "minister" and "иностранный" in rest:
        return "foreign_minister"
    return cls


def fits(desc_cls: str, role_cls: str) -> bool:
    if desc_cls == role_cls:
        return True
    if desc_cls in GENERIC:
        return role_cls in _GENERIC_FITS[desc_cls]
    return False


def find_role_phrases(tokens: list[Token], blocked: set[int], named: set[int] | frozenset[int] = frozenset()) -> list[RolePhrase]:
    """Every post phrase in the text, outermost first; ``blocked`` are tokens of person names,
    ``named`` those of any name (a capitalised post outside them is a post: «Президент России»)."""
    phrases: list[RolePhrase] = []
    used: set[int] = set()
    for i, tok in enumerate(tokens):
        # natasha tags some occupations as adjectives («бегунья», «полицейский»): substantivised, not modifying
        nounlike = tok.pos == "NOUN" or (tok.pos == "ADJ" and tok.rel != "amod") or (tok.pos == "PROPN" and i not in named)
        # and a compound noun tagged as a verb («инженером-конструктором»): a lemma that is no infinitive
        nounlike = nounlike or (tok.pos == "VERB" and "-" in tok.text and not tok.lemma.endswith(_INFINITIVE))
        # a substantivised participle natasha lemmatises as its verb («Управляющий фонда», «управляющим» → управлять)
        sub = (tok.pos in ("NOUN", "VERB") and tok.lemma.endswith(_INFINITIVE) and tok.rel not in ("amod", "acl")
               and i not in blocked and participle_lemma(tok.text))
        if sub and is_profession(sub):
            nounlike = True
        elif i in used or i in blocked or not nounlike or not (is_profession(tok.lemma) or is_profession(person_lemma(tok.text))):
            continue
        if i in used:
            continue
        # «представители Роскосмоса» are several people, never one person's role, but a list of names
        # may follow them («актрисы Гвинет Пэлтроу, Анджелина Джоли»): the attaching step decides.
        phrase = phrase_at(tokens, i, blocked, named)
        if phrase is None:
            continue
        used.update(range(phrase.first, phrase.last + 1))
        phrases.append(phrase)
    return phrases


def phrase_at(tokens: list[Token], head: int, blocked: set[int], named: set[int] | frozenset[int] = frozenset()) -> RolePhrase | None:
    tok = tokens[head]
    first = head
    while first > 0:
        prev = tokens[first - 1]
        if prev.sent != tok.sent or prev.pos != "ADJ" or prev.lemma in _SKIP_ADJ or first - 1 in blocked:
            break
        if any(ch.isdigit() for ch in prev.text):
            break  # «26-летний сержант»: an age, not part of the post
        if prev.feats.get("Case") != tok.feats.get("Case"):
            break
        first -= 1
    last = head
    j = head + 1
    while j < len(tokens) and tokens[j].sent == tok.sent and j not in blocked:
        t = tokens[j]
        if t.pos in ("NOUN", "PROPN", "ADJ") and t.feats.get("Case") == "Gen":
            last = j
        elif j == head + 1 and t.pos == "NOUN" and t.feats.get("Case") == "Ins" and t.head == head and t.rel == "nmod":
            last = j  # «командующий войсками Сибирского военного округа»: what the post commands
        elif t.pos in ("PROPN", "X") and not t.feats.get("Case") and t.text[:1].isupper():
            last = j  # indeclinable abbreviations and foreign names: «США», «G8», «Sex Pistols»
        elif j in named and last == j - 1:
            last = j  # the rest of an organisation's name: «Департамента искусства и культуры»
        elif t.pos == "ADP" and t.lemma in _RIGHT_ADP and j + 1 < len(tokens):
            k = j + 1
            while k < len(tokens) and tokens[k].pos == "ADJ" and k not in blocked:
                k += 1
            if k < len(tokens) and tokens[k].pos == "NOUN" and k not in blocked:
                last = k
                j = k
            else:
                break
        else:
            break
        j += 1
    span = tokens[first : last + 1]
    lemmas = [t.lemma for t in span]
    cls = post_class(lemmas, tok.lemma)
    country = next((GEO_ADJECTIVES[t.lemma] for t in span if t.pos == "ADJ" and t.lemma in GEO_ADJECTIVES), None)
    name = phrase_nominative(span, head - first)
    if name[:1].isupper() and first == _sentence_start(tokens, first):
        name = name[:1].lower() + name[1:]  # «Госсекретарь США» at a sentence start is «госсекретарь США»
    direct = tok.lemma not in ("глава", "руководитель", "шеф") and cls not in GENERIC
    acting = _acting_before(tokens, first)
    if acting is not None and tok.feats.get("Number") != "Plur":
        # «исполняющим обязанности губернатора» → «исполняющий обязанности губернатора»: the post stays a genitive
        words = " ".join(t.text for t in tokens[first : last + 1])
        prefix = "временно " if acting < first - 2 else ""
        fem = tokens[first - 2].feats.get("Gender") == "Fem"
        name = prefix + ("исполняющая" if fem else "исполняющий") + " обязанности " + words
        return RolePhrase(acting, last, head, cls, name, country, direct)
    oblique = tok.feats.get("Case") not in (None, "Nom")
    sub = participle_lemma(tok.text) if oblique or tok.lemma.endswith(_INFINITIVE) else None
    if sub and not tok.lemma.endswith(_INFINITIVE) and sub != tok.lemma.replace("ё", "е"):
        sub = None  # only a participle natasha names by its verb, or one it leaves in its case («ведущим концерта»)
    if sub and is_profession(sub) and tok.feats.get("Number") != "Plur":
        # a substantivised participle: «главным управляющим General Motors» → «главный управляющий General Motors»
        before = phrase_nominative(tokens[first:head + 1], head - first).split()[:-1] if first < head else []
        name = " ".join(before + [sub] + [t.text for t in tokens[head + 1 : last + 1]])
        if first == _sentence_start(tokens, first):
            name = name[:1].lower() + name[1:]
    elif tok.pos == "VERB" and first == head:  # «инженером-конструктором» mis-tagged: its lemma is its nominative
        name = " ".join([tok.lemma] + [t.text for t in tokens[head + 1 : last + 1]])
    if tok.feats.get("Number") == "Plur":
        # each one's role in the singular: «игроки сборной Испании» → «игрок сборной Испании»
        own = sub if sub and is_profession(sub) else tok.lemma
        name = " ".join([own] + [t.text for t in tokens[head + 1 : last + 1]])
        return RolePhrase(head, last, head, cls, name, country, direct, plural=True)
    return RolePhrase(first, last, head, cls, name, country, direct)


def _acting_before(tokens: list[Token], first: int) -> int | None:
    """First token of «(временно) исполняющий обязанности» right before a post in the genitive, if any."""
    if first < 2 or tokens[first].feats.get("Case") != "Gen":
        return None
    duties, verb = tokens[first - 1], tokens[first - 2]
    if duties.lemma != "обязанность" or verb.lemma not in ("исполнять", "исполняющий") or verb.sent != tokens[first].sent:
        return None
    return first - 3 if first >= 3 and tokens[first - 3].lemma == "временно" else first - 2


def _sentence_start(tokens: list[Token], i: int) -> int:
    while i > 0 and tokens[i - 1].sent == tokens[i].sent:
        i -= 1
    if tokens[i].text in ("«", '"', "—", "-", "„", "“"):
        return i + 1
    return i


def is_predicate(tokens: list[Token], phrase: RolePhrase) -> bool:
    """«стал первым американским госсекретарем»: a role said of someone, not a reference to them."""
    head = tokens[phrase.head]
    parent = tokens[head.head] if head.head >= 0 else None
    return parent is not None and parent.lemma in _COPULAS
