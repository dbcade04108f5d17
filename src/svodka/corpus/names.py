"""Person names and place/organisation names reduced to comparable keys.

The entity layer gives canonical nominative names and name parts; when a
document carries only the surface form («Джоном Керри»), we bring each word to
its dictionary form with pymorphy3 ourselves, so «Керри», «Джона Керри» and
«Джон Керри» compare equal across documents.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from typing import Any

from .text import WORD, fold


@dataclass(frozen=True, slots=True)
class PersonName:
    first: str | None
    middle: str | None  # patronymic («отчество»)
    last: str | None

    @property
    def full(self) -> bool:
        return bool(self.first and self.last)

    def display(self) -> str:
        return " ".join(p.title() for p in (self.first, self.middle, self.last) if p)


@functools.lru_cache(maxsize=20_000)
def _word_base(word: str) -> tuple[str, str]:
    """(dictionary form, kind) of a name word; kind is first, middle, last or word."""
    from ..models import morph_analyzer

    for p in morph_analyzer().parse(word):
        tags = p.tag
        if "Name" in tags:
            return fold(p.normal_form), "first"
        if "Patr" in tags:
            return fold(p.normal_form), "middle"
        if "Surn" in tags:
            return fold(p.normal_form), "last"
    parses = morph_analyzer().parse(word)
    return (fold(parses[0].normal_form) if parses else fold(word)), "word"


def person_name(data: dict[str, Any]) -> PersonName:
    """Name parts of a document's person entity (stored as its JSON dict)."""
    parts = data.get("parts") or {}
    if parts.get("last") or parts.get("first"):
        return tidy(PersonName(*(fold(parts[k]) if parts.get(k) else None for k in ("first", "middle", "last"))))
    words = [w for w in WORD.findall(data.get("name") or "") if w]
    bases = [_word_base(w) for w in words]
    if len(bases) == 1:
        base, kind = bases[0]
        return PersonName(base, None, None) if kind == "first" else PersonName(None, None, base)
    if len(bases) == 2:
        (a, ka), (b, kb) = bases
        if ka == "last" and kb == "first":  # «Путин Владимир»: surname first, as in lists
            return PersonName(b, None, a)
        return PersonName(a, None, b)
    if len(bases) >= 3:
        kinds = [k for _, k in bases]
        if kinds[0] == "last" and kinds[-1] == "middle":  # «Путин Владимир Владимирович»
            return PersonName(bases[1][0], bases[2][0], bases[0][0])
        return PersonName(bases[0][0], bases[1][0] if len(bases) == 3 else None, bases[-1][0])
    return PersonName(None, None, None)


def _nominative_first(word: str) -> str:
    """A first name the entity layer left oblique («Анжелиной Джоли») → the dictionary's nominative.

    Only for a word the dictionary knows as a name and never as a nominative singular: «Никиты» →
    «никита», while «Мишель» or an unknown foreign name stays as it is."""
    from ..models import morph_analyzer

    names = [p for p in morph_analyzer().parse(word) if p.is_known and "Name" in p.tag]
    if not names or any({"nomn", "sing"} <= p.tag.grammemes for p in names):
        return word
    return fold(names[0].normal_form)


def _known_first(word: str) -> bool:
    from ..models import morph_analyzer

    return any(p.is_known and "Name" in p.tag for p in morph_analyzer().parse(word))


def _singular_last(word: str) -> str:
    """A surname the entity layer left plural («Владимир Путины») → the singular, when the
    dictionary knows the word only as a plural surname (never as a singular one)."""
    from ..models import morph_analyzer

    surn = [p for p in morph_analyzer().parse(word) if p.is_known and "Surn" in p.tag]
    if not surn or any("sing" in p.tag.grammemes for p in surn) or not all("plur" in p.tag for p in surn):
        return word
    return fold(surn[0].normal_form)


# Particles that belong to a surname («Роберт Де Ниро», «Бингу ва Мутарика», «Людвиг ван Бетховен»):
# a bare mention keeps them, so the surname is the particle with the word after it.
PARTICLES = frozenset("де да ди дель делла дос дю ла ле ван фон дер цу бин ибн аль эль ва бен".split())


_NOT_NAMES = frozenset({"NOUN", "ADJF", "PREP", "ADVB", "CONJ", "PRCL", "NPRO"})


def _is_title(word: str) -> bool:
    """A word that is no first name before a surname: «Сэр», «Прислуга», «Пресс-агент»,
    «Шестидесятивосьмилетняя», «Отношения», «Вместо».  The dictionary's first reading is a common
    noun, an adjective or a function word, and no reading is a name («Роза», «Лев» have name
    readings; «Серена» is to the dictionary a verb form: it stays a first name).  An unknown word
    counts only as a person noun or an adjective (guessed from its ending); else it may be foreign."""
    from ..models import morph_analyzer

    parses = morph_analyzer().parse(word)
    if not parses or any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses):
        return False
    top = parses[0]
    if top.tag.POS not in _NOT_NAMES:
        return False
    return top.is_known or top.tag.POS == "ADJF" or (top.tag.POS == "NOUN" and "-" in word)


@functools.lru_cache(maxsize=20_000)
def tidy(p: PersonName) -> PersonName:
    """Name parts as the linker compares them.  The entity layer's parts sometimes hold several
    words or a wrong one: initials in the first name («В В Путин»), a title («Сэр Алекс
    Фергюсон»), a repeated or run-on name in the surname («Джоли Анджелина Джоли», «Каприлес
    Радонски»), a particle taken for a first name («Де Ниро»).
    The first word of a surname is the one a bare mention uses (Spanish paternal surname first),
    the first name word of a first name is the given name; two initials are first and middle."""
    first, middle, last = p.first, p.middle, p.last
    if first in PARTICLES and last:
        first, last = None, f"{first} {last}"
    if first and not last and not middle and len(first) > 1 and " " not in first and not _known_first(first):
        first, last = None, first  # a lone «Баффет» the entity layer took for a first name: a surname
    if first and len(first.split()) > 1:
        words = first.split()
        if all(len(w) == 1 for w in words[:2]):
            first, middle = words[0], middle or words[1]
        elif all(len(w) <= 3 for w in words):  # «Ким Чен Ын»: the given name is two syllables
            pass
        else:
            first = next((w for w in words if not _is_title(w)), None)
    elif first and len(first) > 1 and last and _is_title(first):
        first = None
    if last and len(last.split()) > 1:
        words = last.split()
        if words[0] in PARTICLES:
            last = " ".join(words[:2])
        elif all(len(w) > 3 for w in words):  # «Ким Чен Ын», «Ли Куан Ю»: syllables of one name stay
            last = words[0]
    if first and len(first) > 1:
        first = _nominative_first(first)
    if last and len(last) > 1 and " " not in last:
        last = _singular_last(last)
    return PersonName(first, middle, last)


def person_tag(p: PersonName) -> str | None:
    """The full-text token a document gets for a person it names: a hash of the surname (else the first name).

    Search narrows to a person's documents with it inside the full-text index;
    namesakes share it, so the person's own documents are picked out after.
    """
    key = p.last or p.first
    if not key:
        return None
    return "xxp" + hashlib.sha1(key.encode()).hexdigest()[:12]


def name_key(name: str) -> str:
    """A place or organisation name as a key: each word in its dictionary form («России» → «россия»)."""
    words = WORD.findall(name)
    if len(words) == 1 and (words[0].isupper() or any(c.isdigit() for c in words[0])):
        return fold(words[0])  # an abbreviation or code («США», «G8») does not inflect
    return " ".join(_word_base(w)[0] if not w.isupper() else fold(w) for w in words)


def posts(data: dict[str, Any]) -> frozenset[str]:
    """The posts a document gives a person («госсекретарь», «министр иностранных дел»), folded."""
    return frozenset(fold(r.get("post") or r.get("name") or "") for r in data.get("roles") or [] if r)
