"""Names in the nominative, and a person's name split into first, middle and last.

natasha's own normalisation leaves «Бараком Обамой» as «Барак Обамой»: its
lemmatiser does not know foreign surnames.  We inflect each word on its own with
pymorphy3, choosing the analysis whose case (падеж) and gender (род) agree with
what natasha's tagger saw in context, and keep a word unchanged when it is
already nominative or indeclinable (Fixd: «Керри», «Шойгу»).
"""

from __future__ import annotations

import functools

from ..document import NameParts, Token
from .declension import corrected_case, gender_of_name_form, nominatives, parse_word, unknown_name

# UD case names (natasha) -> OpenCorpora grammemes (pymorphy).
_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct", "Voc": "voct"}
# pymorphy's second genitive, accusative and locative («чаю», «в саду») count as the first.
_CASE_ALT = {"gen2": "gent", "acc2": "accs", "loc2": "loct", "gen1": "gent", "loc1": "loct"}
_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_NAME_TAGS = {"Name", "Surn", "Patr"}


def _agrees(tok: Token) -> bool:
    """Adjectives, determiners and participles agree with their noun («согласование»); so does a
    capitalised adjective the tagger calls a proper noun («Соединённого Королевства»)."""
    return tok.pos in ("ADJ", "DET") or tok.feats.get("VerbForm") == "Part" or tok.rel == "amod"


def restore_shape(word: str, like: str) -> str:
    """Give ``word`` the capitalisation of ``like`` («путин», «Путина» → «Путин»); no «ё» the source lacks."""
    if "ё" not in like.lower():
        word = word.replace("ё", "е")
    if "-" in like and word.count("-") == like.count("-") and not like.isupper():
        # «аль-Багдади», «Жан-Жак»: each piece keeps its own capitalisation
        return "-".join(restore_shape(w, lk) for w, lk in zip(word.split("-"), like.split("-")))
    if like.isupper() and len(like) > 1:
        return word.upper()
    if len(like) > 3 and like[:-1].isupper() and like[-1].islower() and len(word) == len(like) - 1:
        return word.upper()  # an abbreviation with a case ending: «МИДа» → «МИД»
    if like[:1].isupper():
        return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))
    return word


@functools.lru_cache(maxsize=50_000)
def _nominative(word: str, case: str | None, gender: str | None, person: bool) -> str:
    if not word[:1].isalpha():
        return word
    if case in (None, "Nom") or not _is_cyrillic(word):
        return word
    want_cases = {_CASE.get(case)}
    if person and case == "Acc" and gender != "Fem":
        # A man's accusative is his genitive («заменить Гаррета»); pymorphy's guesses for an
        # unknown word take it for inanimate, whose accusative is the nominative.
        want_cases.add("gent")
    want_gender = _GENDER.get(gender or "")
    parses = []
    for p in parse_word(word):
        if "Fixd" in p.tag:  # indeclinable («Керри», «Шойгу»), unless a likelier analysis came first
            break
        if p.tag.POS in ("NOUN", "ADJF") and _CASE_ALT.get(p.tag.case, p.tag.case) in want_cases:
            parses.append(p)
    if person:
        parses = [p for p in parses if _NAME_TAGS & p.tag.grammemes or not p.is_known]
    best = next(
        (p for p in parses if not (want_gender and p.tag.gender and want_gender != str(p.tag.gender) and "ms-f" not in p.tag.grammemes)),
        None,
    )
    if best is None and person and want_gender == "masc":
        # «Хуану Пабло Монтойе»: a man's surname in -а/-я declines like a feminine noun
        # (Монтойя, Гойя, Сантана), so pymorphy's guess for it is feminine.
        best = next((p for p in parses if not p.is_known and p.normal_form.endswith(("а", "я"))), None)
    if best is None:
        return word
    number = "sing" if best.tag.number == "sing" or person else best.tag.number
    inflected = best.inflect({"nomn", number} if number else {"nomn"}) or best.inflect({"nomn"})
    if inflected is None:
        return word
    return restore_shape(inflected.word, word)


def _is_cyrillic(word: str) -> bool:
    return any("а" <= ch.lower() <= "я" or ch in "ёЁ" for ch in word)


def mention_gender(toks: list[Token]) -> str | None:
    """The bearer's sex by the name words themselves, where they agree and natasha's tag may not
    («Слова Дариги Назарбаевой»: «-евой» is a woman's form; «Грету Тунберг»: «Грета» is only a
    woman's name): 'Masc', 'Fem' or None.  A first name seen declined beside an unchanged surname
    on a consonant is a woman's («обязал Александру Райсман»: a man would be «Райсману»)."""
    words = [t.text.lower() for t in toks if t.text[:1].isalpha() and t.text[:1].isupper()]
    if not words:
        return None
    votes = {gender_of_name_form(w, False) for w in words[1:] or words} - {None}
    if len(words) > 1 and _declined_first_name(words[0]):
        # a first name surely not in the nominative, of one sex («Грету»; not «Арлена», which may be
        # a woman's nominative or a man's genitive)
        votes |= {gender_of_name_form(words[0], True)} - {None}
    if len(words) == 2 and not votes:
        first, last = words
        if (
            last[-1:] not in "аяоиуеюэыьй" and unknown_name(last) and len(last) > 2
            and toks[-1].feats.get("Case") not in (None, "Nom") and _declined_first_name(first)
        ):
            votes = {"Fem"}
    return votes.pop() if len(votes) == 1 else None


@functools.lru_cache(maxsize=20_000)
def _declined_first_name(word: str) -> bool:
    """The dictionary knows ``word`` as a singular first name, never in the nominative («Александру»,
    «Грету»; not «Зин», a plural)."""
    names = [
        p for p in parse_word(word)
        if p.is_known and "Name" in p.tag and "Fixd" not in p.tag and p.tag.number == "sing" and p.tag.case != "voct"
    ]  # not the informal vocative «Зин!»
    return bool(names) and not any(p.tag.case == "nomn" for p in names)


def mention_case(toks: list[Token]) -> str | None:
    """'Dat' for a name natasha calls nominative whose first name the dictionary knows only as a
    dative and whose surname ends as a dative does («данью … Жоржу Мельесу»: a name agrees in case;
    not «Исаму Акасаки», a Japanese nominative), else None."""
    words = [t for t in toks if t.text[:1].isalpha()]
    if len(words) != 2 or any(t.feats.get("Case") != "Nom" for t in words):
        return None
    first, last = (t.text.lower() for t in words)
    oblique = corrected_case(last, "Nom")
    first_names = [p for p in parse_word(first) if p.is_known and "Name" in p.tag]
    if oblique != "Nom" and not (first_names and all(p.tag.case == "nomn" for p in first_names)):
        return oblique  # a name agrees in case: «Дева Пателя», «Юлия Цезаря» (the surname is surely oblique)
    names = [p for p in parse_word(first) if p.is_known and "Name" in p.tag]
    if names and all(p.tag.case == "datv" for p in names) and last.endswith(("у", "ю")) and len(last) > 3:
        return "Dat"
    return None


def person_word(tok: Token, gender: str | None = None, case: str | None = None) -> str:
    """One word of a person's name, in the nominative: the dictionary's when it knows the name,
    else by the declension of foreign names (declension.nominatives); ``gender`` (mention_gender)
    and ``case`` (mention_case) outweigh natasha's tags."""
    case = case or corrected_case(tok.text.lower(), tok.feats.get("Case"))
    if gender is None and not (case == "Gen" and tok.feats.get("Case") == "Nom"):
        gender = tok.feats.get("Gender")  # a misread case's gender is the misreading's too («Дева Пателя», Fem)
    head, sep, tail = tok.text.rpartition("-")
    if sep and head and tail.lower().startswith(("младш", "старш")):
        # «Джона Хантсмана-младшего»: the name and the adjective decline apart
        return _name_word(head, case, gender) + "-" + _inflect_like(tail, case or "Nom", gender, "Sing", False)
    return _name_word(tok.text, case, gender)


def _name_word(text: str, case: str | None, gender: str | None) -> str:
    if text.lower() in _PARTICLES:
        return text  # «Абу», «бин», «де» do not decline
    pieces = text.split("-")
    if len(pieces) > 1 and all(p[:1].isupper() and p.isalpha() for p in pieces) and all(
        unknown_name(p.lower()) for p in pieces
    ):
        # «Мигеля Диаса-Канеля», «Тимом Бернерсом-Ли»: each part of a double name declines
        return "-".join(_name_word(p, case, gender) for p in pieces)
    prefix, word = _split_particle(text)
    if _is_cyrillic(word) and unknown_name(word.lower()):
        return prefix + restore_shape(nominatives(word.lower(), case, gender)[0], word)
    known = _nominative(word, case, gender, True)
    if known == word and _is_cyrillic(word) and (only := _one_first_name(word.lower(), gender)):
        # «Грету» tagged dative, «Лиле» genitive: the dictionary's one first name of those forms
        return prefix + restore_shape(only, word)
    if known == word and case not in (None, "Nom") and _is_cyrillic(word):
        known = restore_shape(nominatives(word.lower(), case, gender)[0], word)
    return prefix + known


@functools.lru_cache(maxsize=20_000)
def _one_first_name(word: str, gender: str | None) -> str | None:
    """The one nominative of the dictionary's first-name analyses of ``word`` in any case, of
    ``gender`` when given, when no analysis is a nominative singular (a form natasha mis-tagged)."""
    names = [p for p in parse_word(word) if p.is_known and "Name" in p.tag and "Fixd" not in p.tag and p.tag.number == "sing"]
    if not word.endswith(("у", "ю")) or not names or any(p.tag.case == "nomn" for p in names):
        return None  # only a woman's accusative on «-у»/«-ю» («Грету»): «Исаму», «Бени» may be nominatives
    names = [p for p in names if p.tag.gender == "femn" and p.tag.case == "accs"]
    want = _GENDER.get(gender or "")
    fits = {p.normal_form for p in names if not want or str(p.tag.gender) == want or "ms-f" in p.tag.grammemes}
    return fits.pop() if len(fits) == 1 else None


def _split_particle(word: str) -> tuple[str, str]:
    """«аль-Джабера» → («аль-», «Джабера»): the article does not decline, the name after it does."""
    head, sep, rest = word.partition("-")
    if sep and rest and head.lower() in _HYPHEN_PARTICLES:
        return head + sep, rest
    return "", word


_HYPHEN_PARTICLES = frozenset({"аль", "эль", "ад", "ас", "ар", "ан", "аш", "ат", "аз", "ат", "ибн", "бен", "бин", "абд"})


def name_kind(word: str) -> str | None:
    """'first', 'middle' or 'last' by pymorphy's name tags (Name, Patr, Surn), None if unknown."""
    return _name_kind(word.lower())


@functools.lru_cache(maxsize=50_000)
def _name_kind(word: str) -> str | None:
    # Only dictionary analyses count: pymorphy's guesses for unknown words call «Гиффордс» and
    # «Тютин» first names.  A plural first name («Корнеев» as «Корней») is no evidence either.
    scores = {"first": 0.0, "middle": 0.0, "last": 0.0}
    for parse in parse_word(word):
        if not parse.is_known:
            continue
        if "Name" in parse.tag and parse.tag.number == "sing":
            scores["first"] += parse.score
        elif "Patr" in parse.tag:
            scores["middle"] += parse.score
        elif "Surn" in parse.tag:
            scores["last"] += parse.score
    kind, score = max(scores.items(), key=lambda kv: (kv[1], kv[0] == "last"))
    return kind if score >= 0.3 else None


@functools.lru_cache(maxsize=50_000)
def common_word_type(word: str) -> str | None:
    """What a lone capitalised word is when the dictionary knows it only as something else than a
    name: 'LOC' (Geox: «Царицыно»), 'ORG' (Orgn: «Феррари»), 'X' (a common noun: «Маэстро»), else None."""
    parses = [p for p in parse_word(word.lower()) if p.is_known]
    if not parses or any(_NAME_TAGS & p.tag.grammemes for p in parses):
        return None
    if any("Geox" in p.tag for p in parses):
        return "LOC"
    if any("Orgn" in p.tag for p in parses):
        return "ORG"
    # Only a word in its dictionary form: «Шумов» and «Куниц» are also plural genitives of common
    # nouns, but they are surnames here.
    if any(p.normal_form == word.lower() for p in parses):
        return "X"
    return None


def split_name(words: list[str]) -> NameParts:
    """Name parts of a person mention, from its nominative words.

    One word is a surname unless the dictionary knows it only as a first name
    (natasha's NER tags «Лавровым» and «Керри» alone; both are surnames).
    """
    words = [w for w in words if w[:1].isalpha()]
    if not words:
        return NameParts()
    if len(words) > 1 and is_initial(words[0]) and not is_initial(words[-1]):
        # «У.Баффет», «Дж.Эшби»: an initial is a given name, whatever the dictionary makes of «У»
        rest = split_name(words[1:])
        return NameParts(first=words[0], middle=rest.first or rest.middle, last=rest.last)
    if len(words) > 1 and not is_initial(words[0]) and all(is_initial(w) for w in words[1:]):
        # «Михальчука И. Ф.», «Арсланов А.Г.»: the surname first, its initials after it
        return NameParts(first=words[1], middle=words[2] if len(words) > 2 else None, last=words[0])
    kinds = [name_kind(w) for w in words]
    if len(words) == 1:
        if kinds[0] == "first":
            return NameParts(first=words[0])
        if kinds[0] == "middle":
            return NameParts(middle=words[0])
        return NameParts(last=words[0])
    if len(words) == 2:
        # «Ху Цзиньтао», «Ким Чен Ын»: Chinese and Korean names put the surname first; not
        # «Хуан Пабло», whose second word the dictionary knows as a Western name.
        if words[0].lower() in EAST_ASIAN_SURNAMES and kinds[1] not in ("last", "first"):
            return NameParts(first=words[1], last=words[0])
        # «Путин Владимир»: surname first when the dictionary says so.
        if kinds[0] == "last" and kinds[1] == "first":
            return NameParts(first=words[1], last=words[0])
        if kinds[1] == "middle":
            return NameParts(first=words[0], middle=words[1])
        return NameParts(first=words[0], last=words[1])
    if len(words) == 3 and words[0].lower() in EAST_ASIAN_SURNAMES and not {kinds[1], kinds[2]} & {"first", "last", "middle"}:
        return NameParts(first=f"{words[1]} {words[2]}", last=words[0])  # «Ким Чен Ир», «Хван Чжан Еп»
    if kinds[0] == "last" and kinds[2] == "middle":
        return NameParts(first=words[1], middle=words[2], last=words[0])
    if kinds[1] == "middle":
        return NameParts(first=words[0], middle=words[1], last=" ".join(words[2:]))
    if len(words) == 3 and kinds[1] != "last" and words[1][:1].isupper() and not _particle(words[1]):
        # «Хуан Пабло Монтойя», «Реджеп Тайип Эрдоган»: two given names, then the surname.
        return NameParts(first=f"{words[0]} {words[1]}", last=words[2])
    # «Жан Клод Ван Дамм», «Ким Чен Ын»: first word first, the rest the surname.
    return NameParts(first=words[0], last=" ".join(words[1:]))


# The commonest Chinese and Korean surnames, written in Russian (Palladius transcription).  Not
# «Хуан» (Huang): in Russian news it is far more often Juan («Хуан Карлос», «Хуан Суареш»).
EAST_ASIAN_SURNAMES = frozenset(
    """ван ли чжан лю чэнь чэн ян чжао у чжоу сюй сунь ма чжу ху го хэ гао линь ло чжэн лян се сун тан
    хань фэн дэн цао пэн цзэн сяо тянь дун пань юань цай цзян юй ду е вэй су люй дин жэнь лу шэнь ши яо
    вэнь цзя цинь сюэ мао ким пак пан чон чен мун хван""".split()
)
# Particles inside Arabic, Dutch and other names: «бин Ладен», «ван Гог», «аль-Асад».
_PARTICLES = ("бин", "ибн", "ван", "фон", "де", "дель", "да", "ле", "ла", "аль", "эль", "абу", "абд")


def _particle(word: str) -> bool:
    low = word.lower()
    return low in _PARTICLES or low.startswith(("аль-", "эль-", "ад-", "ас-", "ар-"))


def is_initial(word: str) -> bool:
    """An initial of a given name: one capital («У.»), or a two-letter one («Дж.» Джон, Джордж;
    «Вл.» Владимир), not a surname without vowels («Нг»)."""
    w = word.rstrip(".")
    return bool(w) and w[:1].isupper() and (len(w) == 1 or w.lower() in _TWO_LETTER_INITIALS)


_TWO_LETTER_INITIALS = frozenset({"дж", "вл", "ст", "вс", "св", "хр", "бр"})


def full_name(parts: NameParts) -> str:
    """The name as a reader writes it: «Барак Обама», but «Ким Чен Ир» (surname first)."""
    if parts.last and parts.last.lower() in EAST_ASIAN_SURNAMES:
        return " ".join(p for p in (parts.last, parts.first) if p)
    return " ".join(p for p in (parts.first, parts.middle, parts.last) if p)


def phrase_nominative(tokens: list[Token], head: int) -> str:
    """A noun phrase in the nominative: the head and the adjectives agreeing with it change,
    genitive dependents stay («помощником президента США» → «помощник президента США»)."""
    head_tok = tokens[head]
    case = head_tok.feats.get("Case")
    number = head_tok.feats.get("Number")
    out = []
    for i, tok in enumerate(tokens):
        word = tok.text
        if case and case != "Nom" and (i == head or (_agrees(tok) and tok.feats.get("Case") == case and i < head)):
            word = _inflect_like(tok.text, case, head_tok.feats.get("Gender"), number, tok.pos == "NOUN" or i == head)
        out.append(word)
    text = out[0]
    for prev, tok, word in zip(tokens, tokens[1:], out[1:]):
        text += (" " if tok.start > prev.end else "") + word
    return text


_UNLIKELY_LEMMAS = frozenset({"больший"})


@functools.lru_cache(maxsize=50_000)
def _inflect_like(word: str, case: str, gender: str | None, number: str | None, noun: bool) -> str:
    if word.isupper() and len(word) > 1:
        return word  # an abbreviation does not decline: «лидер ИГ» is not «иго»
    want_case = _CASE.get(case)
    grams = {"nomn"}
    if number == "Plur":
        grams.add("plur")
    parses = parse_word(word.lower())
    # «Большим театром»: pymorphy scores «больший» and «большой» alike; names mean the latter.
    parses = sorted(parses, key=lambda p: p.normal_form in _UNLIKELY_LEMMAS)
    for parse in parses:
        if _CASE_ALT.get(parse.tag.case, parse.tag.case) != want_case:
            continue
        if noun and parse.tag.POS != "NOUN":
            continue
        if not noun and parse.tag.POS not in ("ADJF", "PRTF", "NUMR", "NPRO"):
            continue
        g = set(grams)
        if not noun and number != "Plur" and gender in _GENDER:
            g.add(_GENDER[gender])
        inflected = parse.inflect(g)
        if inflected:
            return restore_shape(inflected.word, word)
    return word
