"""The nominative of a name word pymorphy does not know, from the declension of foreign names.

Russian declines foreign names by their ending and the bearer's sex («склонение фамилий»):
- a man's name on a consonant declines like «стол»: Коннелл, Коннелла, Коннеллу, Коннеллом,
  Коннелле; on «-ь»/«-й» like «конь»/«край»: Грималь, Грималя; Рэй, Рэя;
- a name on «-а»/«-я» declines like «мама»/«Мария», for men and women alike: Монтойя, Монтойи,
  Монтойе, Монтойю, Монтойей; Айша, Айши, Айшу;
- a woman's name on a consonant, and any name on «-о», «-и», «-у», «-е», «-ю», «-э», does not
  decline (несклоняемые): Табмен, Руссефф, Мали, Джоли, Шойгу;
- adjectival surnames decline as adjectives: Черкасским → Черкасский, Яровой → Яровая.

``nominatives`` lists, best first, the nominatives a surface form can come from given its case
(natasha's tag in context) and the bearer's gender; ``best_nominative`` picks, over all mentions
of one person, the form that explains the most of them (one «Честера», one «Честером»: Честер).
"""

from __future__ import annotations

import functools
from collections import Counter

from ..models import morph_analyzer
from .name_forms import known_nominative, seen_nominatives

_NAME_TAGS = {"Name", "Surn", "Patr"}
_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_VOWELS = frozenset("аеёиоуыэюя")
_HUSHING = frozenset("жшщчц")
_VELAR_HUSHING = frozenset("гкхжшщч")
_ADJECTIVAL = ("ого", "его", "ому", "ему", "ым", "им", "ую", "юю", "ской", "цкой")  # after them the genitive of «-а» is «-и» (Айша, Айши)


def _soft(stem: str) -> str:
    """A soft stem's nominative: «Грима|ля» → «Грималь», «Рэ|я» → «Рэй»."""
    return stem + ("й" if stem[-1:] in _VOWELS else "ь")


def _a(stem: str) -> list[str]:
    """The «-а»/«-я» nominatives of a stem, likelier first: «Монтой» → «Монтойя», «Айш» → «Айша»."""
    return [stem + "я"] if stem[-1:] in _VOWELS or stem.endswith("й") else [stem + "а", stem + "я"]


def _masc(word: str, case: str) -> list[str]:
    w = word
    out: list[str] = []
    if case in ("Gen", "Acc"):
        if w.endswith("а"):
            out.append(w[:-1])
        if w.endswith("я"):
            out.append(_soft(w[:-1]))
        if w.endswith("ы"):
            out.append(w[:-1] + "а")
        if w.endswith("и"):
            out += [w[:-1] + "а"] if w[-2:-1] in _VELAR_HUSHING else [w[:-1] + "я"]
        if case == "Acc" and w.endswith("у"):
            out.append(w[:-1] + "а")
        if case == "Acc" and w.endswith("ю"):
            out.append(w[:-1] + "я")
    elif case == "Dat":
        if w.endswith("у"):
            out.append(w[:-1])
        if w.endswith("ю"):
            out.append(_soft(w[:-1]))
        if w.endswith("е"):
            out += _a(w[:-1])
        if w.endswith("и"):
            out.append(w[:-1] + "я")
    elif case == "Ins":
        if w.endswith("цом") and w[-4:-3] not in _VOWELS:
            out.append(w[:-3] + "ец")  # the stressed «-цом» of a fleeting «е»: Озерцом → Озерец
        if w.endswith("ом"):
            out.append(w[:-2])
        if w.endswith(("ем", "ём")):
            out.append(w[:-2] if w[-3:-2] in _HUSHING else _soft(w[:-2]))
        if w.endswith("ой"):
            out.append(w[:-2] + "а")
        if w.endswith("ей"):
            out += ([w[:-2] + "а"] if w[-3:-2] in _HUSHING else []) + [w[:-2] + "я"]
    elif case == "Loc":
        if w.endswith("е"):
            out += [w[:-1], _soft(w[:-1]), *_a(w[:-1])]
        if w.endswith("и"):
            out.append(w[:-1] + "я")
    return out


def _femn(word: str, case: str) -> list[str]:
    w = word
    out: list[str] = []
    if case == "Gen":
        if w.endswith("ы"):
            out.append(w[:-1] + "а")
        if w.endswith("и"):
            out += [w[:-1] + "а"] if w[-2:-1] in _VELAR_HUSHING else [w[:-1] + "я"]
    elif case in ("Dat", "Loc"):
        if w.endswith("е"):
            out += _a(w[:-1])
        if w.endswith("и"):
            out.append(w[:-1] + "я")
    elif case == "Acc":
        if w.endswith("у"):
            out.append(w[:-1] + "а")
        if w.endswith("ю"):
            out.append(w[:-1] + "я")
    elif case == "Ins":
        if w.endswith(("ой", "ою")):
            out.append(w[:-2] + "а")
        if w.endswith(("ей", "ею")):
            out += ([w[:-2] + "а"] if w[-3:-2] in _HUSHING else []) + [w[:-2] + "я"]
    if case in ("Gen", "Dat", "Loc", "Ins") and w.endswith("ой") and len(w) > 4:
        out.append(w[:-2] + "а")  # «Немцовой» → «Немцова»
    return out


def _indeclinable(word: str, gender: str | None) -> bool:
    """A form that may be the nominative itself in any case: a vowel other than «-а»/«-я» at the end
    (Джоли, Шойгу), or a woman's name on a consonant (Табмен)."""
    last = word[-1:]
    if last in "оиуеюэ":  # not «-ы»: no name's nominative singular ends so («Фазлуллы» is Фазлулла's genitive)
        return True
    return gender == "Fem" and last not in _VOWELS and last not in "ьй"


def _dictionary_nominatives(parses: list, case: str, want_gender: str | None, known_name: bool) -> list[str]:
    """The nominatives of the dictionary's name (and, for no known name, adjective) analyses."""
    out: list[str] = []
    want = _CASE.get(case)
    for p in parses:
        if p.tag.POS not in ("NOUN", "ADJF") or "Fixd" in p.tag or p.tag.number == "plur":
            continue  # a plural is no one's name: «Ким» is not the genitive plural of «Кима»
        if not p.is_known and not (p.tag.POS == "NOUN" and _NAME_TAGS & p.tag.grammemes and not known_name):
            continue  # the guesser's name analyses count for unknown words («Тушнолобовым», «Жана-Шарля»)
        if not (_NAME_TAGS & p.tag.grammemes or (p.tag.POS == "ADJF" and not known_name)):
            continue
        if p.tag.case != want and not (case == "Acc" and want_gender != "femn" and p.tag.case == "gent"):
            continue
        grams = {"nomn", "sing"} | ({want_gender} if want_gender and p.tag.POS == "ADJF" else set())
        if want_gender and p.tag.POS == "NOUN" and p.tag.gender and str(p.tag.gender) != want_gender and "ms-f" not in p.tag.grammemes:
            if "Surn" not in p.tag or want_gender == "masc":
                continue  # «Назарбаевой» is a woman's form whatever the tagger says
            grams.add(want_gender)  # «Назарбаевой»: the surname Назарбаев, a woman's form
        inflected = p.inflect(grams)
        if inflected is not None and inflected.word not in out:
            out.append(inflected.word)
    return out


@functools.lru_cache(maxsize=50_000)
def nominatives(word: str, case: str | None, gender: str | None) -> tuple[str, ...]:
    """Nominatives ``word`` (lower case) may come from in ``case`` for a bearer of ``gender``
    (UD names: Masc, Fem), best first; a nominative NEREL train's Wikidata names give the form
    (entities.name_forms) goes first."""
    out = _rule_nominatives(word, case, gender)
    folded = word.replace("ё", "е")
    seen = [_keep_yo(w, word) for w in seen_nominatives(folded, gender)]
    if seen and (case not in (None, "Nom", "Voc") or not known_nominative(folded, None)):
        # «Скрипаля» → «Скрипаль», «Меркель» stays: the forms seen for a Wikidata name
        return tuple(seen + [w for w in out if w not in seen])
    if len(out) > 1:
        known = [w for w in out if known_nominative(w.replace("ё", "е"), gender)]
        if known and known[0] != out[0]:
            return (known[0], *[w for w in out if w != known[0]])
    return out


def _keep_yo(nominative: str, word: str) -> str:
    """The lexicon spells «ё» as «е»: give the nominative back the «ё» of the text's own form
    («Алёхиной» → «Алёхина», not «Алехина»)."""
    chars = list(nominative)
    for i, (a, b) in enumerate(zip(nominative, word)):
        if b == "ё" and a == "е":
            chars[i] = "ё"
    return "".join(chars)


def _rule_nominatives(word: str, case: str | None, gender: str | None) -> tuple[str, ...]:
    case = corrected_case(word, case)
    if case in (None, "Nom", "Voc") or not word[:1].isalpha():
        return (word,)
    parses = parse_word(word)
    # «Айши» is in the dictionary only as an indeclinable man's name: no evidence for a woman's «Айша».
    known_name = [p for p in parses if p.is_known and _NAME_TAGS & p.tag.grammemes and "Fixd" not in p.tag]
    want = _CASE.get(case)
    want_gender = {"Masc": "masc", "Fem": "femn"}.get(gender or "")
    out = _dictionary_nominatives(parses, case, want_gender, bool(known_name))
    if not out and known_name and not any(p.tag.case == "nomn" and p.tag.number == "sing" for p in known_name):
        # a form natasha mis-tagged («Грету» as a dative): the dictionary's one first name of the
        # bearer's sex in any case («обязал Александру Райсман»: a woman, Александра)
        # (only a woman's accusative on «-у»/«-ю»: «Исаму», «Бени», «Акира» may be nominatives)
        fits = {
            p.normal_form for p in known_name
            if "Name" in p.tag and p.tag.number == "sing" and p.tag.case == "accs" and p.tag.gender == "femn"
            and want_gender in (None, "femn") and word.endswith(("у", "ю"))
        }
        out = list(fits) if len(fits) == 1 else []
    if not out and known_name and want_gender and not _indeclinable(word, gender):
        # «с премьером Мирославой Немцовой»: the tagger gives the name the post's gender; the
        # dictionary knows only a woman's «Мирослава» (but «Тони» may be a man's nominative)
        out = _dictionary_nominatives(parses, case, None, True)
    fixed = [p for p in parses if p.is_known and "Fixd" in p.tag and _NAME_TAGS & p.tag.grammemes]
    if fixed and not known_name and any(
        not want_gender or "ms-f" in p.tag.grammemes or str(p.tag.gender) == want_gender for p in fixed
    ):
        return (word,)  # the dictionary's indeclinable name («Николя», «Саркози»)
    from_dictionary = bool(out)
    # «Хельга» tagged genitive: likelier the dictionary's nominative than a man's «Хельг» (but «Данна»
    # beside «Данн» still counts for «Данн» in the vote of best_nominative)
    # (not for a bearer of the other sex: «Садика Хана», «Фатиха Акина» are men, «Хана» and
    # «Акина» the dictionary's women's names)
    own_first = known_name and not out and _in_dictionary_nominative(word, want_gender)
    if not known_name or not out:
        if not known_name:
            # «Николая Чудотворца»: a common noun in a name keeps its own nominative (fleeting «е»)
            out += [w for w in _noun_nominatives(parses, want) if w not in out]
        guessed = [p for p in parses if not p.is_known and p.tag.POS == "ADJF" and p.tag.case == want]
        if guessed and word.endswith(_ADJECTIVAL):
            # «Рымашевского»: only adjectives end so; the guesser knows their nominative
            grams = {"nomn", "sing"} | ({want_gender} if want_gender else set())
            out += [i.word for i in (guessed[0].inflect(grams),) if i is not None and i.word not in out]
        rules = _femn(word, case) if gender == "Fem" else _masc(word, case) if gender == "Masc" else (
            _masc(word, case) + _femn(word, case)
        )
        out += [w for w in rules if w not in out and len(w) > 1]
    if _indeclinable(word, gender) or any("Fixd" in p.tag for p in parses[:1]):
        # An unknown «-и» is likelier indeclinable (Уитни, Джоли, Жауи) than the genitive of a «-я»
        # or «-а» name, except after «и» (Гарсии) and after г, к, х, ж, ш, ч, щ (Айши).
        # So is any such form of a man's name («Радонски»), and one the dictionary knows only as
        # another sex's name («Тони» is not «Тоня»).
        plain = word.endswith("и") and word[-2:-1] not in {"и"} | (set() if gender == "Masc" else _VELAR_HUSHING)
        if (not known_name and plain) or (known_name and not from_dictionary):
            out.insert(0, word)
        else:
            out.append(word)
    if own_first:
        out = [word] + [w for w in out if w != word]
    return tuple(out) or (word,)


_UD_CASE = {v: k for k, v in _CASE.items()}


@functools.lru_cache(maxsize=50_000)
def corrected_case(word: str, case: str | None) -> str | None:
    """natasha's case, unless it says nominative for a word the dictionary knows only in one other
    case: «сотрудника Мирзу Субелиани» (мирза, accusative), tagged nominative beside an
    indeclinable surname."""
    if case != "Nom":
        return case
    parses = [p for p in parse_word(word) if p.is_known]
    known = [p for p in parses if p.tag.POS == "NOUN"]
    cases = {str(p.tag.case) for p in known}
    # Only a genitive, accusative or instrumental (an object the tagger misread: «Анжелиной»), never «Исаму» (dictionary: the
    # dative of «Исам») or «Фоссе» (the locative of «Фосс»): a foreign «-у»/«-е» is likelier indeclinable.
    if (
        known and len(known) == len(parses) and len(cases) == 1 and cases <= {"gent", "accs", "ablt"}
        and not any("Fixd" in p.tag for p in known) and all(_NAME_TAGS & p.tag.grammemes for p in known[:1])
    ):
        return _UD_CASE.get(cases.pop(), case)
    if not parses and word.endswith("ы") and word[-2:-1] not in _VOWELS and len(word) > 3:
        # an unknown name on «-ы» is no nominative singular (a Russian name never ends so): the
        # genitive of «-а» («муллы Фазлуллы» → Фазлулла)
        guessed = [p for p in parse_word(word) if p.tag.POS == "NOUN" and p.tag.number == "sing"]
        if guessed and all(p.tag.case == "gent" for p in guessed):
            return "Gen"
    return case


@functools.lru_cache(maxsize=100_000)
def parse_word(word: str) -> tuple:
    """pymorphy3's analyses of a word, once per word: names and their declension ask often."""
    return tuple(morph_analyzer().parse(word))


def _noun_nominatives(parses: list, want: str | None) -> list[str]:
    out = []
    for p in parses:
        if (
            p.is_known and p.tag.POS == "NOUN" and p.tag.animacy == "anim"  # not «озерцо», a small lake
            and p.tag.case == want and p.tag.number == "sing" and "Fixd" not in p.tag
        ):
            inflected = p.inflect({"nomn", "sing"})
            if inflected is not None:
                out.append(inflected.word)
    return out


@functools.lru_cache(maxsize=50_000)
def unknown_name(word: str) -> bool:
    """The dictionary has no declinable name analysis of ``word`` (lower case)."""
    return not any(p.is_known and _NAME_TAGS & p.tag.grammemes and "Fixd" not in p.tag for p in parse_word(word))


def spellings(value: str, form: tuple[str, str | None, str | None] | None) -> frozenset[str]:
    """Every nominative a name part may stand for: its own, and those its surface ``form``
    ((word, case, gender) in context) can come from, for either sex."""
    out = {value.lower().replace("ё", "е")}
    if form is not None:
        word, case, gender = form
        for g in {gender, None}:
            out.update(nominatives(word, case, g))
    return frozenset(out)


def best_nominative(forms: list[tuple[str, str | None]], gender: str | None) -> str | None:
    """The nominative that explains the most of one person's surface ``forms`` ((word, case) pairs,
    words in lower case); ties go to the form most often ranked first.  None without forms."""
    if not forms:
        return None
    explained: Counter[str] = Counter()
    first: Counter[str] = Counter()
    for word, case in forms:
        cands = nominatives(word, case, gender)
        for c in set(cands):
            explained[c] += 1
        first[cands[0]] += 1
    return max(explained, key=lambda c: (explained[c], first[c], _in_dictionary_nominative(c), c in {w for w, _ in forms}))


@functools.lru_cache(maxsize=50_000)
def _in_dictionary_nominative(word: str, gender: str | None = None) -> bool:
    """The dictionary knows ``word`` as a name in the nominative singular («Мамука», not «Мамуке»),
    of ``gender`` (OpenCorpora: masc, femn) when given."""
    return any(
        p.is_known and _NAME_TAGS & p.tag.grammemes and p.tag.case == "nomn" and p.tag.number == "sing"
        and (gender is None or str(p.tag.gender) == gender or "ms-f" in p.tag.grammemes)
        for p in parse_word(word)
    )


@functools.lru_cache(maxsize=50_000)
def gender_of_name_form(word: str, first: bool) -> str | None:
    """'Masc' or 'Fem' when ``word`` (lower case), in any case, is a ``first`` name the dictionary
    knows only of one sex («Ирины», «Хельга»; not «Саши»; a surname «Хана» is no woman's name), or a
    woman's surname form no man's form spells («Назарбаевой», «Черкасской»: the genitive of a
    man's «-ов» is «-ова»)."""
    if word.endswith(("овой", "евой", "ёвой", "иной", "ыной", "ской", "цкой")) and len(word) > 5:
        return "Fem"
    if not first:
        return None
    names = [p for p in parse_word(word) if p.is_known and _NAME_TAGS & p.tag.grammemes]
    if not names or any(p.tag.gender not in ("masc", "femn") or "ms-f" in p.tag.grammemes for p in names):
        return None
    if not all("Name" in p.tag for p in names):
        return None
    genders = {str(p.tag.gender) for p in names}
    return {"masc": "Masc", "femn": "Fem"}.get(genders.pop()) if len(genders) == 1 else None


@functools.lru_cache(maxsize=50_000)
def gender_of_first_name(word: str) -> str | None:
    """'Masc' or 'Fem' when the dictionary knows ``word`` as a first name in the nominative of one sex."""
    genders = {
        str(p.tag.gender)
        for p in parse_word(word.lower())
        if p.is_known and "Name" in p.tag and p.tag.case == "nomn" and p.tag.number == "sing"
    }
    if genders == {"masc"}:
        return "Masc"
    if genders == {"femn"}:
        return "Fem"
    return None
