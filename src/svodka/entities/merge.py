"""Merging mentions into entities within one document.

Persons merge by surname (a full name first, then the surname alone, then a
lone first name), keeping namesakes with different first names apart.  Places
and organisations merge by their nominative name, by alias («Соединенные
Штаты» = «США») and by abbreviation («ООН» = «Организация Объединенных Наций»).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..document import NameParts, Token
from .declension import best_nominative, gender_of_first_name, gender_of_name_form, spellings
from .gazetteer import canonical, fixed_type
from .names import is_initial, restore_shape
from .ner import Candidate
from .variants import same_spelling

_FUNCTION_WORDS = frozenset({"и", "по", "в", "на", "для", "при", "of", "the", "and", "за", "с", "о", "об"})


@dataclass(slots=True)
class Cluster:
    type: str
    members: list[Candidate] = field(default_factory=list)
    first: str | None = None
    middle: str | None = None
    last: str | None = None
    key: str = ""

    firsts: set[str] = field(default_factory=set)  # every nominative the members' first names may be
    lasts: set[str] = field(default_factory=set)
    nominative_firsts: set[str] = field(default_factory=set)  # first names natasha saw in the nominative

    def add(self, cand: Candidate) -> None:
        self.members.append(cand)
        parts = cand.parts
        if parts:
            self.first = self.first or parts.first
            self.middle = self.middle or parts.middle
            self.last = self.last or parts.last
            self.firsts |= _spellings(cand, parts.first)
            self.lasts |= _spellings(cand, parts.last)
            form = cand.extra.get("forms", {}).get(parts.first) if parts.first else None
            if form and form[1] == "Nom":
                self.nominative_firsts.add(parts.first)


def _spellings(cand: Candidate, value: str | None) -> frozenset[str]:
    if not value:
        return frozenset()
    return spellings(value, cand.extra.get("forms", {}).get(value))


def _same_name(mine: str | None, spelled: set[str], cand: Candidate, value: str | None) -> bool:
    """One name part: the same word or variant, or a nominative both forms can come from
    («Анджелины Джоли» and «Джоли»; «Айшей» and «Айша»)."""
    return same_word(mine, value) or bool(value and spelled & _spellings(cand, value))


def _two_first_names(cl: Cluster, cand: Candidate) -> bool:
    """Two different first names the dictionary knows, both seen in the nominative («Александр»,
    «Александра»): two people, however alike the words."""
    first = cand.parts.first if cand.parts else None
    form = cand.extra.get("forms", {}).get(first) if first else None
    if not form or form[1] != "Nom" or gender_of_first_name(first) is None:
        return False
    if cl.last and cand.parts.last and _oblique_of(cand.parts.last, cl.last):
        return False  # «(Список Марьяна Шареца)» tagged nominative: «Шареца» is no woman's «Шарец»
    return any(
        not (_fold(other) == _fold(first) or same_spelling(other, first)) and gender_of_first_name(other) is not None
        for other in cl.nominative_firsts
    )


def _surname_sex(form: str) -> str | None:
    """The sex a Russian-type surname's surface form (lower case) can only belong to: «Назарбаевой»,
    «Черкасской» a woman's; «Удальцов», «Назарбаевым», «Черкасский» a man's."""
    if len(form) < 5:
        return None
    if form.endswith(("овой", "евой", "ёвой", "иной", "ыной", "ской", "цкой", "ская", "цкая")):
        return "Fem"
    if form.endswith(("ов", "ев", "ёв", "ин", "ын", "овым", "евым", "иным", "ский", "цкий", "ским", "цким")):
        return "Masc"
    return None


def _cluster_sex(cl: Cluster) -> str | None:
    """The sex of a cluster's person: its first name's, when the dictionary knows it of one sex, else
    what its surname forms say, when they all say one."""
    for first in cl.nominative_firsts or ({cl.first} if cl.first else set()):
        known = gender_of_first_name(first) or gender_of_name_form(first.lower(), True)
        if known:
            return known
    sexes = set()
    for m in cl.members:
        last = m.parts.last if m.parts else None
        form = m.extra.get("forms", {}).get(last) if last else None
        if form:
            sexes.add(_surname_sex(form[0]))
    sexes.discard(None)
    return sexes.pop() if len(sexes) == 1 else None


def _other_sex(cl: Cluster, cand: Candidate, word: str | None) -> bool:
    """A lone surname whose form belongs to the other sex than the cluster's person: «Удальцов» is
    not Анастасия Удальцова, «Назарбаевой» not Нурсултан Назарбаев (a man's and a woman's mention of
    one surname are two people of one family)."""
    form = cand.extra.get("forms", {}).get(word) if word else None
    mine = _surname_sex(form[0]) if form else None
    if mine is None and form and len(form[0]) > 5 and (
        form[0].endswith(("ове", "еве", "ёве", "ине", "ыне"))
        or (form[0].endswith(("ова", "ева", "ёва", "ина", "ына")) and form[1] in ("Gen", "Acc") and form[2] == "Masc")
    ):
        mine = "Masc"  # «указ Назарбаева» (a man's genitive; hers is «Назарбаевой»), «о Жиркове»
    if mine is None:
        return False
    theirs = _cluster_sex(cl)
    return theirs is not None and theirs != mine


def _oblique_of(word: str, surname: str) -> bool:
    """``word`` is a case form of a man's ``surname`` on a consonant that no woman's form explains:
    «Шареца» of «Шарец» (a woman's «Шарец» does not decline), not «Петрова» of «Петров»."""
    w, last = _fold(word), _fold(surname)
    return (
        w != last and last[-1:] in _CONSONANTS and w.startswith(last) and w[len(last):] in ("а", "у", "ом", "е")
        and not last.endswith(("ов", "ев", "ин", "ын"))
    )


def _fold(s: str | None) -> str:
    return (s or "").lower().replace("ё", "е")


def same_word(a: str | None, b: str | None) -> bool:
    """Equal, or the same stem with a different ending (a form pymorphy could not put in the nominative)."""
    a, b = _fold(a), _fold(b)
    if not a or not b:
        return False
    if a == b or same_spelling(a, b):
        return True
    if " " in a or " " in b:
        # word by word: «Чен Ын» and «Чен Ир» are two names, however alike the first four letters
        wa, wb = a.split(), b.split()
        return len(wa) == len(wb) and all(same_word(x, y) for x, y in zip(wa, wb))
    stem = min(len(a), len(b)) - 2
    if stem >= 4 and a[:stem] == b[:stem] and abs(len(a) - len(b)) <= 2:
        return True
    # A short surname on a consonant and its case forms: «Данн» and «По словам Данна», «Хван», «Хвану».
    short, long_ = sorted((a, b), key=len)
    return (
        len(short) >= 3
        and short[-1] in _CONSONANTS
        and long_.startswith(short)
        and long_[len(short) :] in ("а", "у", "ом", "е", "ым", "ем")
    )


_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")


def merge_persons(cands: list[Candidate]) -> list[Cluster]:
    clusters: list[Cluster] = []
    aliases = [c for c in cands if c.alias_of is not None]
    cands = [c for c in cands if c.alias_of is None]
    full = [c for c in cands if c.parts and c.parts.last and (c.parts.first or c.parts.middle)]
    rest = [c for c in cands if c not in full]
    for cand in full:
        p = cand.parts
        match = next(
            (
                cl
                for cl in clusters
                if _same_name(cl.last, cl.lasts, cand, p.last)
                and (not cl.first or _initial(cl.first, p.first) or _same_name(cl.first, cl.firsts, cand, p.first))
                and not _two_first_names(cl, cand)
            ),
            None,
        )
        if match is None:
            match = Cluster("PER", key=_fold(p.last))
            clusters.append(match)
        match.add(cand)
    for cand in sorted(rest, key=lambda c: c.start):
        p = cand.parts or NameParts()
        word = p.last or p.first or p.middle
        # A lone word may be a surname or a first name: try surnames first, the nearest before it.
        found = _nearest(
            [cl for cl in clusters if _same_name(cl.last, cl.lasts, cand, word) and not _other_sex(cl, cand, word)],
            cand.start,
        )
        if found is None:
            found = _nearest([cl for cl in clusters if _last_word_of(cl, cand, word)], cand.start)
        if found is not None and not (p.first and p.last):
            cand.parts = NameParts(last=word)
        if found is None:
            found = _nearest([cl for cl in clusters if same_word(cl.first, word) and cl.last], cand.start)
            if found is not None and not (p.first and p.last):
                cand.parts = NameParts(first=word)
        if found is None:
            found = next((cl for cl in clusters if not cl.last and same_word(cl.first, word)), None)
        if found is None:
            found = Cluster("PER", key=_fold(word))
            clusters.append(found)
        found.add(cand)
    _join_aliases(clusters, aliases)
    return clusters


def _join_aliases(clusters: list[Cluster], aliases: list[Candidate]) -> None:
    """Put each parenthesised alias in its main mention's cluster; it does not vote on the name."""
    home = {id(m): cl for cl in clusters for m in cl.members}
    for cand in aliases:
        cl = home.get(id(cand.alias_of))
        if cl is not None:
            cand.parts = None
            cl.members.append(cand)
            home[id(cand)] = cl


def _initial(a: str | None, b: str | None) -> bool:
    """«В. Путин» and «Владимир Путин»; «Дж. Эшби» and «Джеймс Эшби»."""
    if not (a and b):
        return False
    if not is_initial(a):
        a, b = b, a
    if not is_initial(a):
        return False
    a, b = _fold(a).rstrip("."), _fold(b).rstrip(".")
    return bool(a and b) and b.startswith(a)


def _nearest(clusters: list[Cluster], offset: int) -> Cluster | None:
    best, best_pos = None, None
    for cl in clusters:
        before = [m.start for m in cl.members if m.start <= offset]
        pos = max(before) if before else -min(m.start for m in cl.members)
        if best_pos is None or pos > best_pos:
            best, best_pos = cl, pos
    return best


def initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w.lower() not in _FUNCTION_WORDS).lower()


def merge_places_and_orgs(cands: list[Candidate]) -> list[Cluster]:
    by_key: dict[str, Cluster] = {}
    # «Комитет защиты журналистов (КЗЖ)»: the abbreviation joins the name here and wherever else it stands.
    same = {c.key: c.alias_of.key for c in cands if c.alias_of is not None}
    for cand in cands:
        key = same.get(cand.key, cand.key)
        cl = by_key.get(key)
        if cl is None:
            cl = by_key[key] = Cluster(cand.type, key=key)
        cl.add(cand)
    clusters = list(by_key.values())
    # Abbreviations: «МАГАТЭ» joins «Международное агентство по атомной энергии» when initials agree.
    abbrs = [cl for cl in clusters if re.fullmatch(r"[А-ЯЁA-Z]{2,7}", cl.members[0].normal)]
    for abbr in abbrs:
        letters = abbr.members[0].normal.lower()
        for other in clusters:
            if other is abbr or not other.members:
                continue
            words = other.members[0].normal.split()
            if len(words) >= 2 and initials(words) == letters:
                other.members.extend(abbr.members)
                abbr.members = []
                break
    out = [cl for cl in clusters if cl.members]
    for cl in out:
        cl.type = fixed_type(cl.members[0].normal) or Counter(m.type for m in cl.members).most_common(1)[0][0]
    return out


def canonical_place_name(cl: Cluster, tokens: list[Token]) -> str:
    """The gazetteer's name when the text uses it («США» over «Соединенные Штаты»), else the most
    frequent nominative form: a text that only says «Государственная дума» or «Российская Федерация»
    keeps that name (factRuEval's gold names follow the text too).  The merge key still joins them."""
    named = [m for m in cl.members if m.alias_of is None] or cl.members
    forms = {m.normal.lower() for m in cl.members}
    for m in cl.members:
        canon = canonical(m.normal)
        if canon and canon.lower() in forms:
            return canon
    counts = Counter(m.normal for m in named)
    nominative = Counter(m.normal for m in named if _is_nominative(m, tokens))
    pick = nominative or counts
    return max(pick.items(), key=lambda kv: (kv[1], len(kv[0])))[0]


def _is_nominative(m: Candidate, tokens: list[Token]) -> bool:
    return any(tokens[i].feats.get("Case") == "Nom" for i in m.toks)


def canonical_person_parts(cl: Cluster, tokens: list[Token]) -> NameParts:
    """Vote each name part over the mentions, preferring forms seen in the nominative; a first name
    or surname of one word is then the nominative that explains most of its surface forms
    (declension.best_nominative), for the person's gender."""
    parts = NameParts()
    for attr in ("first", "middle", "last"):
        votes: Counter[str] = Counter()
        for m in cl.members:
            value = getattr(m.parts, attr) if m.parts else None
            if value and not is_initial(value):
                votes[value] += 3 if _is_nominative(m, tokens) else 1
        if votes:
            setattr(parts, attr, _fullest(votes))
    gender = _gender(cl, parts)
    for attr in ("first", "last"):
        value = getattr(parts, attr)
        if not value or " " in value or "-" in value or len(value) < 3:
            continue  # «Жан-Жак», «аль-Багдади», «Буш-младший» are put in the nominative piece by piece
        forms = []
        for m in cl.members:
            own = getattr(m.parts, attr) if m.parts else None
            form = m.extra.get("forms", {}).get(own) if own else None
            if form is not None and same_word(own, value):
                forms.append((form[0], _agreed_case(m, form) if attr == "last" else form[1]))
        best = best_nominative(forms, gender)
        if attr == "first" and gender_of_first_name(value) and any(f[1] == "Nom" for f in forms):
            continue  # a first name the dictionary knows, seen in the nominative: «Хельга», «Мира»
        if best and best != value.lower().replace("ё", "е"):
            setattr(parts, attr, restore_shape(best, value))
    return parts


def _agreed_case(m: Candidate, form: tuple[str, str | None, str | None]) -> str | None:
    """The surname's case, or its first name's where the tagger calls the surname nominative and the
    first name plainly declines: «Дариги Назарбаевой», «Садика Хана» (a name agrees in case)."""
    if form[1] not in ("Nom", None) or not (m.parts and m.parts.first):
        return form[1]
    if form[0][-1:] in "оиуеюэ":
        return form[1]  # «Андриану Канду»: a surname on such a vowel, seen unchanged, is indeclinable
    first = m.extra.get("forms", {}).get(m.parts.first)
    if first and first[1] not in ("Nom", None) and first[0] != m.parts.first.lower().replace("ё", "е"):
        return first[1]
    return form[1]


def _fullest(votes: Counter[str]) -> str:
    """The winning value, where a lone «Кроуфорд» votes for «Скотт Кроуфорд» of the same person
    (the fullest name the article gives is the canonical one)."""
    total = Counter(votes)
    for short in votes:
        longer = [v for v in votes if " " in v and " " not in short and same_word(v.split()[-1], short)]
        if longer:
            # the compound that spells the word alike, then the likelier one: «ва Мутарика», not «ва Мутарик»
            home = max(longer, key=lambda v: (_fold(v.split()[-1]) == _fold(short), votes[v]))
            total[home] += votes[short]
            total[short] = 0
    return max(total, key=lambda v: (total[v], len(v.split())))


def _last_word_of(cl: Cluster, cand: Candidate, word: str | None) -> bool:
    """A surname word and the last word of the cluster's compound surname («Кроуфорду» and «Скотт
    Кроуфорд», «Киршнер» and «Фернандес де Киршнер»)."""
    return bool(cl.last and " " in cl.last and word and " " not in word) and _same_name(
        cl.last.split()[-1], set(), cand, word
    )


def _gender(cl: Cluster, parts: NameParts) -> str | None:
    """The person's gender: the majority of natasha's tags on the name words (which agree with the
    verb and adjectives around them), where a first name the dictionary knows, seen in the
    nominative, counts twice more («Арлена Спектера» is no woman: «Арлена» is not nominative)."""
    votes: Counter[str] = Counter()
    for m in cl.members:
        for value, (word, case, g) in m.extra.get("forms", {}).items():
            if g in ("Masc", "Fem"):
                votes[g] += 1
            if case == "Nom" and m.parts and m.parts.first and word == m.parts.first.lower():
                known = gender_of_first_name(word)
                if known:
                    votes[known] += 2
            # the words themselves: «Хельга Филиппова» tagged masculine genitive is a woman
            # («Хельга» is only a woman's name), «Дариги Назарбаевой» too («-евой»)
            known = gender_of_name_form(word, value == (m.parts.first if m.parts else None))
            if known:
                votes[known] += 3
    return votes.most_common(1)[0][0] if votes else None
