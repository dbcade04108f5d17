"""Mentions: natasha's NER spans tied to tokens, corrected where news needs it."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from ..document import Document, NameParts, Token
from ..nlp import RawSpan
from .gazetteer import alias_key, fixed_type
from .names import common_word_type, mention_case, mention_gender, person_word, phrase_nominative, split_name

# A span inside «» or "" is the name of an organisation, a newspaper or a film, not a person.
_QUOTES = "«»\"„“”"
_PREPOSITIONS_OF_PLACE = frozenset({"в", "во", "на", "из", "к", "ко", "по", "до", "через", "под", "над", "около", "вокруг"})


@dataclass(slots=True, eq=False)
class Candidate:
    start: int
    end: int
    type: str
    toks: list[int]
    kind: str = "name"
    normal: str = ""  # the mention in the nominative
    parts: NameParts | None = None
    key: str = ""  # merge key
    cluster: int = -1
    geopolitical: bool = False  # this mention acts as a political actor (factRuEval's LocOrg)
    alias_of: Candidate | None = None  # «Комитет защиты журналистов (КЗЖ)»: КЗЖ is the same entity
    extra: dict = field(default_factory=dict)


def token_range(tokens: list[Token], starts: list[int], start: int, end: int) -> list[int]:
    """Indices of the tokens lying inside [start, end)."""
    i = bisect.bisect_left(starts, start)
    if i > 0 and tokens[i - 1].end > start:
        i -= 1
    out = []
    while i < len(tokens) and tokens[i].start < end:
        out.append(i)
        i += 1
    return out


def closing_bracket(tokens: list[Token], j: int, longest: int) -> int | None:
    """Index of the «)» closing a «(» at j, at most ``longest`` tokens inside and in j's sentence."""
    if j >= len(tokens) or tokens[j].text != "(":
        return None
    k = j + 1
    while k < len(tokens) and tokens[k].sent == tokens[j].sent and k - j <= longest + 1:
        if tokens[k].text == ")":
            return k
        k += 1
    return None


def head_of(tokens: list[Token], idx: list[int]) -> int:
    """Position (in ``idx``) of the phrase's syntactic head: the token whose head lies outside."""
    inside = set(idx)
    for pos, i in enumerate(idx):
        if tokens[i].head not in inside:
            if tokens[i].pos in ("NOUN", "PROPN") or len(idx) == 1:
                return pos
    for pos, i in enumerate(idx):
        if tokens[i].pos in ("NOUN", "PROPN"):
            return pos
    return 0


def candidates(doc: Document, spans: list[RawSpan]) -> list[Candidate]:
    tokens = doc.tokens
    starts = [t.start for t in tokens]
    out: list[Candidate] = []
    # Words seen inside full names («Чжан Еп Хван») are names wherever they stand alone.
    # (A span natasha ran across a bulleted list, «Эль Сальвадор • Эфиопия», is no full name.)
    in_names = {
        w.lower()[:4]
        for sp in spans
        if sp.type == "PER"
        for piece in re.split(r"\s*[•·|;/—–()\[\]]\s*", sp.text)
        if " " in piece.strip()
        for w in piece.split()
    }
    # Tokens of natasha's full person names: a lone word listed beside one is a person too.
    person_at = frozenset(
        i
        for sp in spans
        if sp.type == "PER" and " " in sp.text.strip()
        for i in token_range(tokens, starts, sp.start, sp.end)
    )
    # Words natasha puts inside a person's name away from a sentence or line start («…дочь Серена
    # Уильямс»): a name's words there, whatever the dictionary says at a start.
    inside_names = frozenset(
        tokens[i].text.lower()
        for sp in spans
        if sp.type == "PER"
        for i in token_range(tokens, starts, sp.start, sp.end)
        if not _line_start(tokens, i, doc.line_breaks)
    )
    for span in spans:
        main: Candidate | None = None
        pieces = _split_parentheses(
            tokens, token_range(tokens, starts, span.start, span.end), span.type == "PER", doc.line_breaks
        )
        for idx, gloss in pieces:
            idx = _trim(tokens, idx)
            if span.type == "ORG":
                idx = _drop_people(tokens, idx)
            if span.type == "PER":
                idx = _drop_capitalised_words(tokens, idx, doc.line_breaks, inside_names)
                second = _second_name_at(tokens, idx)
                if second:
                    # «Рафаэль Корреа Эдвард Сноуден» (two captions), «брат Т.Донилона Майкл»
                    rest = idx[second:]
                    idx = idx[:second]
                    cand2 = Candidate(tokens[rest[0]].start, tokens[rest[-1]].end, "PER", rest)
                    normalise(doc, cand2)
                    out.append(cand2)
            if span.type == "PER" and _arabic_owner(tokens, idx):
                # «оператор Аль-Джазиры Сами аль-Хадж»: natasha runs the channel into the name
                owner = Candidate(tokens[idx[0]].start, tokens[idx[0]].end, "ORG", idx[:1])
                normalise(doc, owner)
                out.append(owner)
                idx = idx[1:]
            if not idx or not any(tokens[i].pos in ("PROPN", "NOUN", "ADJ", "X") for i in idx):
                continue  # «Все» cut off a span: no name without a noun, a proper noun or an adjective
            cand = Candidate(tokens[idx[0]].start, tokens[idx[-1]].end, span.type, idx)
            if not _plausible(doc, tokens, cand, in_names, person_at):
                continue
            normalise(doc, cand)
            cand.alias_of = main if gloss else None
            if not gloss:
                main = cand
            out.append(cand)
    return out


def _split_parentheses(
    tokens: list[Token], idx: list[int], person: bool = False, breaks: frozenset[int] = frozenset()
) -> list[tuple[list[int], bool]]:
    """Pieces of a span, each with whether it is a gloss in brackets of the piece before.

    «Билал Хассеин (Bilal Hussein)», «Комитет защиты журналистов (КЗЖ)»: a name and its other
    spelling or abbreviation are two mentions of one entity, not one long name.  Bullets and dashes
    separate list items natasha sometimes runs together («Монако • Намибия»): separate entities.
    A person's name has no comma either: «(Овечкин, Фёдоров)» are two people.  Nor does a name run
    across a line break: «Мик Джаггер\nРокер, которому…» is a caption and the next line's first
    word, «Челси Мэннинг\nБрэдли Мэннинг» two captions."""
    parts: list[tuple[list[int], bool]] = []
    cur: list[int] = []
    gloss = False
    for i in idx:
        text = tokens[i].text
        if cur and (tokens[i].sent != tokens[cur[-1]].sent or _broken(tokens, cur[-1], i, breaks)):
            # «…на Землю\n\nВсе дружно…»: no name spans two sentences or two lines
            parts.append((cur, gloss))
            cur = []
        if text in _SEPARATORS or (person and text == ","):
            if cur:
                parts.append((cur, gloss))
            cur = []
            gloss = text in ("(", "[") or (gloss and text not in (")", "]", ","))
        else:
            cur.append(i)
    if cur:
        parts.append((cur, gloss))
    return parts


_SEPARATORS = frozenset({"(", ")", "[", "]", "•", "·", "|", ";", "/", "—", "–"})


# Institutions named by a common noun and their country: «правительство Израиля», «МИД России».
# natasha tags only the country; news readers mean the body.  «японское правительство» stays a
# description: factRuEval does not count it as a name either.
INSTITUTIONS = frozenset(
    """правительство кабмин парламент мид министерство минобороны минфин минздрав минэкономразвития
    посольство консульство администрация мэрия армия полиция суд прокуратура генпрокуратура
    сборная госдеп госдепартамент конгресс сенат спецслужба разведка парламент правительство
    кабинет сейм бундестаг кнессет меджлис генштаб штаб минюст минтранс минприроды
    руководство делегация представительство пресс-служба комиссия комитет федерация
    канцелярия экипаж команда экспедиция""".split()
)
_NOT_ORGS = frozenset({"сми", "пао", "оао", "зао", "ооо", "ао"})


def institution_candidates(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """ORG mentions for «<institution> <country in genitive>»."""
    tokens = doc.tokens
    place_at = {c.toks[0]: c for c in cands if c.type == "LOC" or fixed_type(c.normal) == "LOC"}  # «экипаж МКС»
    taken = {i for c in cands if c.type == "ORG" for i in c.toks}
    out = []
    for i, tok in enumerate(tokens):
        if tok.lemma not in INSTITUTIONS or i in taken or tok.pos not in ("NOUN", "PROPN"):
            continue
        # «министерство сельского хозяйства Германии»: a genitive phrase may stand between.
        j = i + 1
        while j < len(tokens) and j - i <= 4 and j not in place_at and tokens[j].pos in ("ADJ", "NOUN") and (
            tokens[j].feats.get("Case") == "Gen"
        ):
            j += 1
        place = place_at.get(j)
        if place is not None and tokens[place.toks[0]].feats.get("Case") in ("Gen", None):
            idx = list(range(i, place.toks[-1] + 1))
        else:
            continue
        cand = Candidate(tokens[idx[0]].start, tokens[idx[-1]].end, "ORG", idx, kind="institution")
        normalise(doc, cand)
        cand.normal = cand.normal[:1].lower() + cand.normal[1:] if not tok.text.isupper() else cand.normal
        cand.key = alias_key(cand.normal)
        out.append(cand)
    return out


# Kinds of organisation that introduce a quoted name: «движение "Солидарность"», «ОАО «Газпром»».
ORG_KINDS = frozenset(
    """компания фирма банк институт движение партия фонд газета журнал телеканал канал радиостанция радио
    агентство холдинг концерн корпорация организация общество ассоциация союз совет центр клуб театр
    издательство группа оао зао ооо пао ао гуп фгуп муп нко комитет объединение сеть завод комбинат
    фабрика университет команда портал служба фракция блок коалиция издание студия лаборатория
    авиакомпания госкорпорация предприятие учреждение федерация академия телекомпания""".split()
)


def _quoted_spans(tokens: list[Token]) -> list[tuple[int, int]]:
    """(open, close) token indices of quote pairs within a sentence, up to eight words inside."""
    pairs, stack = [], []
    for i, tok in enumerate(tokens):
        t = tok.text
        if t in ("«", "„", "“") or (t == '"' and not stack):
            stack.append(i)
        elif t in ("»", "”", '"') and stack:
            j = stack.pop()
            if tokens[j].sent == tok.sent and 1 < i - j <= 9:
                pairs.append((j, i))
        if stack and tokens[stack[-1]].sent != tok.sent:
            stack.clear()
    return pairs


def quoted_candidates(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """ORG mentions for quoted names after a kind of organisation («институт «Коллективное действие»»),
    and for a quoted name inside a longer organisation («Русская служба «Голоса Америки»» holds
    «Голос Америки»).  natasha's mentions inside such quotes are dropped: «Америки» there is part
    of a name, not the country."""
    tokens = doc.tokens
    out: list[Candidate] = []
    for open_, close in _quoted_spans(tokens):
        inner = list(range(open_ + 1, close))
        if not tokens[inner[0]].text[:1].isupper() and not tokens[inner[0]].text[:1].isdigit():
            continue
        _balance_quotes(doc, cands, open_, close)
        kind = open_ > 0 and tokens[open_ - 1].lemma in ORG_KINDS
        covering = [c for c in cands if c.toks[0] <= open_ + 1 and c.toks[-1] >= close - 1 and c.type == "ORG"]
        # A quoted genitive inside a longer name is another organisation («службе «Голоса Америки»»);
        # a quoted name in apposition is the same one («ОАО «Газпром»»).
        head = head_of(tokens, inner)
        nested = any(c.toks[0] < open_ for c in covering) and tokens[inner[head]].feats.get("Case") == "Gen" and (
            tokens[open_ - 1].feats.get("Case") != "Gen"
        )
        if (covering and not nested) or not (kind or nested):
            continue
        for c in [c for c in cands if c.toks[0] >= open_ and c.toks[-1] <= close and c not in covering]:
            cands.remove(c)
        cand = Candidate(tokens[open_].start, tokens[close].end, "ORG", list(range(open_, close + 1)))
        cand.normal = "«" + phrase_nominative([tokens[i] for i in inner], head) + "»"
        cand.key = alias_key(cand.normal)
        out.append(cand)
    return out


def _balance_quotes(doc: Document, cands: list[Candidate], open_: int, close: int) -> None:
    """natasha often stops a name before its closing quote: «Русской службе «Голоса Америки»."""
    for c in cands:
        if c.toks[0] <= open_ < c.toks[-1] < close:
            c.toks = list(range(c.toks[0], close + 1))
            c.end = doc.tokens[close].end
            normalise(doc, c)


def _trim(tokens: list[Token], idx: list[int]) -> list[int]:
    while idx and not tokens[idx[-1]].text[:1].isalnum() and tokens[idx[-1]].text not in _QUOTES:
        idx = idx[:-1]
    while idx and not tokens[idx[0]].text[:1].isalnum() and tokens[idx[0]].text not in _QUOTES:
        idx = idx[1:]
    return idx


def _arabic_owner(tokens: list[Token], idx: list[int]) -> bool:
    """An «Аль-…» word in the genitive opening a longer person span, the name after it in another
    case: the organisation whose person it is («Аль-Джазиры», «Аль-Каиды»)."""
    if len(idx) < 3:
        return False
    first, second = tokens[idx[0]], tokens[idx[1]]
    return (
        first.text[:4].lower() in ("аль-", "эль-")
        and first.text[:1].isupper()
        and first.feats.get("Case") == "Gen"
        and second.feats.get("Case") not in ("Gen", None)
    )


def _drop_people(tokens: list[Token], idx: list[int]) -> list[int]:
    """«исследователи Брукхейвенской национальной лаборатории», «замглавы Федеральной миграционной
    службы»: natasha starts the organisation at the people who work there; its name is the genitive
    after them (not in «Врачи без границ», where no genitive follows).  Such a word alone is no
    organisation at all."""
    if not idx:
        return idx
    first = tokens[idx[0]]
    sentence_start = idx[0] == 0 or tokens[idx[0] - 1].sent != first.sent
    person = first.pos == "NOUN" and first.feats.get("Animacy") == "Anim" and (first.text[:1].islower() or sentence_start)
    if person and len(idx) == 1:
        return []
    if person and tokens[idx[1]].feats.get("Case") == "Gen":
        return idx[1:]
    return idx


def _broken(tokens: list[Token], a: int, b: int, breaks: frozenset[int]) -> bool:
    """A line break of the input lies between tokens a and b."""
    return bool(breaks) and any(p in breaks for p in range(tokens[a].end, tokens[b].start))


def _second_name_at(tokens: list[Token], idx: list[int]) -> int:
    """Where a second person's name begins inside one PER span, or 0: at a given name the
    dictionary knows (of one sex, in the nominative) after a full name's surname, when the second
    name has a surname too or the two disagree in case («Т.Донилона Майкл»).  Double given names
    («Хосе Мария», «Сара Джессика») follow another given name and stay one."""
    from .declension import gender_of_first_name
    from .names import _particle, name_kind

    words = [k for k, i in enumerate(idx) if tokens[i].text[:1].isalpha()]
    if any(_particle(tokens[idx[k]].text) for k in words):
        return 0  # «Абдалла ибн Абдель Азиз Аль Сауд»: an Arabic chain of names is one name
    for n, k in enumerate(words):
        if n < 2 or k == 0:
            continue
        tok, prev = tokens[idx[k]], tokens[idx[words[n - 1]]]
        if not tok.text[:1].isupper() or gender_of_first_name(tok.text) is None or name_kind(tok.text) != "first":
            continue
        if not prev.text.isalpha() or prev.text.isupper() or prev.text[:1].islower() or len(prev.text) <= 2:
            continue  # «Карл XVI Густав»: a regnal number
        if name_kind(prev.text) in ("first", "middle"):
            continue
        if words[n - 1] != k - 1:
            continue  # «Ким (Чен Ын)»: punctuation between is another matter
        after = len(words) - n
        if after >= 2 and name_kind(tokens[idx[words[n + 1]]].text) == "middle":
            continue  # «Соловьева Александра Васильевича»: surname, given name, patronymic
        if after >= 2 or prev.feats.get("Case") != tok.feats.get("Case"):
            return k
    return 0


def _line_start(tokens: list[Token], i: int, breaks: frozenset[int]) -> bool:
    """Token i opens a sentence or a line (a headline, a caption)."""
    return i == 0 or tokens[i - 1].sent != tokens[i].sent or _broken(tokens, i - 1, i, breaks)


def _drop_capitalised_words(
    tokens: list[Token], idx: list[int], breaks: frozenset[int] = frozenset(), names: frozenset[str] = frozenset()
) -> list[int]:
    """«Восьмидесятилетний Маккейн», «Космонавта Волкова», «Сама Тэтчер» at a sentence or line start:
    natasha takes the capital of the first word for a name's.  A word the dictionary knows, and
    never as a name, is not part of the person's name."""
    while len(idx) >= 2 and _line_start(tokens, idx[0], breaks):
        word = tokens[idx[0]].text
        if not word[:1].isupper() or word.isupper() or not _common_word(word.lower()) or word.lower() in names:
            break
        idx = idx[1:]
    return idx


@functools.lru_cache(maxsize=20_000)
def _common_word(word: str) -> bool:
    from ..models import morph_analyzer

    parses = morph_analyzer().parse(word)
    if not parses or any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses):
        return False
    if {"Geox", "Orgn"} & parses[0].tag.grammemes:
        return False
    # «Шестидесятивосьмилетняя» is not in the dictionary, but an age is no name
    return all(p.is_known for p in parses) or ("летн" in word and parses[0].tag.POS == "ADJF")


def _listed_with_people(doc: Document, tokens: list[Token], i: int, person_at: frozenset[int]) -> bool:
    """«Дженнифер Лопес, Энрике Иглесиас и Стинг»: a word the dictionary knows as a common noun,
    listed («,», «и») right beside a full person's name, is a stage name."""
    sent = tokens[i].sent
    for step in (-1, 1):
        j, k = i + step, i + 2 * step
        if 0 <= k < len(tokens) and tokens[k].sent == sent and tokens[j].text in (",", "и") and k in person_at:
            return True
    return False


def _plausible(
    doc: Document, tokens: list[Token], cand: Candidate, in_names: set[str], person_at: frozenset[int] = frozenset()
) -> bool:
    words = [tokens[i] for i in cand.toks if tokens[i].text[:1].isalpha()]
    if not words:
        return False
    if cand.type == "ORG" and all(t.text.lower() in _NOT_ORGS for t in words):
        return False  # «СМИ», a bare «ОАО»: kinds of organisation, not names
    if cand.type == "PER":
        # A person's name has a capitalised word, and is not inside quotes («Газпром», "Иван Грозный" the film).
        if not any(t.text[:1].isupper() for t in words):
            return False
        if len(words) == 1 and words[0].text.lower()[:4] not in in_names:
            # natasha takes lone capitalised words for people: «Маэстро», «Царицыно», «Феррари».
            kind = common_word_type(words[0].text)
            if kind == "X":
                return _listed_with_people(doc, tokens, cand.toks[0], person_at)
            if kind is not None:
                cand.type = kind
    return True


_APOSTROPHES = frozenset("'’ʼ`")


def _person_words(toks: list[Token]) -> tuple[list[str], dict[str, tuple[str, str | None, str | None]]]:
    """A person's name words in the nominative, and for each its surface form, case and gender
    (for the vote over all of a person's mentions, merge.canonical_person_parts).  razdel cuts
    «О’Рейли» and «д’Артаньян» at the apostrophe; the pieces, written together, are one word
    again (only its last piece declines)."""
    words: list[str] = []
    forms: dict[str, tuple[str, str | None, str | None]] = {}
    glue = False
    sex = mention_gender(toks)
    case = mention_case(toks)
    for prev, tok in zip([None, *toks], toks):
        touching = prev is not None and prev.end == tok.start
        if tok.text in _APOSTROPHES and touching and words:
            words[-1] += tok.text
            glue = True
        elif tok.text[:1].isalpha():
            word = person_word(tok, sex, case)
            if glue and touching:
                words[-1] += word
            else:
                words.append(word)
                forms[word] = (tok.text.lower(), case or tok.feats.get("Case"), sex or tok.feats.get("Gender"))
            glue = False
        else:
            glue = False
    return words, forms


def normalise(doc: Document, cand: Candidate) -> None:
    tokens = doc.tokens
    toks = [tokens[i] for i in cand.toks]
    if cand.type == "PER":
        words, cand.extra["forms"] = _person_words(toks)
        cand.parts = split_name(words)
        cand.normal = " ".join(words)
        cand.key = (cand.parts.last or cand.parts.first or cand.normal).lower().replace("ё", "е")
        return
    head = head_of(tokens, cand.toks)
    cand.normal = phrase_nominative(toks, head)
    cand.key = alias_key(cand.normal)


# Nouns whose genitive place is a piece of land, not an actor: «территория России», «жители Крыма».
_PLACE_OF = frozenset(
    """территория регион житель столица город село стадион север юг восток запад центр часть
    граница побережье окраина пригород провинция область район земля небо берег карта путешествие
    поездка тур турне маршрут климат природа погода население аэропорт порт улица""".split()
)
# Nouns that make even «в России» an actor: «посол в России» is accredited to the state.
_ACTOR_HEADS = frozenset({"посол", "посольство", "представительство", "представитель", "консульство", "атташе"})


def mark_geopolitical(doc: Document, cand: Candidate) -> None:
    """A place acts as a political actor («Россия заявила», «правительство России») unless it is where
    something happens («в России»), a piece of land («территория России») or a gloss «(Германия)»."""
    tokens = doc.tokens
    root = _conj_root(tokens, cand.toks[0])
    first = cand.toks[0]
    prev = tokens[first - 1] if first > 0 else None
    if prev is not None and prev.text == "(":
        cand.geopolitical = False
        return
    head = tokens[tokens[root].head] if tokens[root].head >= 0 else None
    if head is not None and head.lemma in _ACTOR_HEADS:
        cand.geopolitical = True
        return
    if _preposition_of(tokens, root) in _PREPOSITIONS_OF_PLACE:
        cand.geopolitical = False
        return
    if head is not None and tokens[root].rel == "nmod" and head.lemma in _PLACE_OF:
        cand.geopolitical = False
        return
    cand.geopolitical = True


def used_as_place(doc: Document, cand: Candidate) -> bool:
    """«в Кремле», «стены Белого дома»: the building; «Кремль заявил», «ставленник Кремля»: the
    administration in it (metonymy, which factRuEval tags as an organisation)."""
    tokens = doc.tokens
    root = _conj_root(tokens, cand.toks[head_of(tokens, cand.toks)])
    if _preposition_of(tokens, root) in _PREPOSITIONS_OF_PLACE:
        return True
    head = tokens[tokens[root].head] if tokens[root].head >= 0 else None
    return head is not None and tokens[root].rel == "nmod" and head.lemma in _PLACE_OF


def _conj_root(tokens: list[Token], i: int) -> int:
    """«в Калифорнии и Нью-Йорке»: a conjunct takes its context from the first conjunct."""
    seen = 0
    while tokens[i].rel == "conj" and tokens[i].head >= 0 and seen < 10:
        i = tokens[i].head
        seen += 1
    return i


def _preposition_of(tokens: list[Token], i: int) -> str | None:
    """The preposition governing token i: its 'case' dependent, else the word just before it."""
    sent = tokens[i].sent
    j = i - 1
    while j >= 0 and tokens[j].sent == sent and i - j <= 4:
        if tokens[j].head == i and tokens[j].rel == "case":
            return tokens[j].text.lower()
        j -= 1
    if i > 0 and tokens[i - 1].sent == sent and tokens[i - 1].pos == "ADP":
        return tokens[i - 1].text.lower()
    return None
