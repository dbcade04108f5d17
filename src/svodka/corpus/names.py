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
        return PersonName(*(fold(parts[k]) if parts.get(k) else None for k in ("first", "middle", "last")))
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
