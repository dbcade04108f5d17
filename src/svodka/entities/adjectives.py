"""Place adjectives as mentions of their place: «российского министра» mentions Россия.

A relational adjective of a country or a city names it as much as the noun does; NEREL annotates it
as the place («российского» is a COUNTRY, «московского суда» a CITY).  factRuEval does not: its
mentions are names.  So these mentions get their own kind, ``adjective``: the factRuEval export
(track 1 takes names and abbreviations) leaves them out, the NEREL view takes them in.  They are
added after roles are attached, so roles, quotes' descriptors and facts see the entities as before.

The lexicon (data/geo_adjectives.tsv, scripts/build_geo_adjectives.py) comes from NEREL train: the
adjective lemmas annotated as places, each with the place it stands for.
"""

from __future__ import annotations

import functools
from importlib.resources import files

from ..document import LOC, ORG, Document, Entity, Mention, Token
from .gazetteer import alias_key, canonical, is_geopolitical

KIND = "adjective"


@functools.cache
def lexicon() -> dict[str, str]:
    """Adjective lemma → the place's name (canonical where the gazetteer knows an alias)."""
    out: dict[str, str] = {}
    text = files("svodka").joinpath("data/geo_adjectives.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        lemma, place = line.split("\t")[:2]
        out[lemma] = canonical(place) or place
    return out


def _lemma(tok: Token) -> str:
    return (tok.lemma or tok.text).lower().replace("ё", "е")


def add_adjective_mentions(doc: Document, entities: list[Entity]) -> list[Entity]:
    """Adds an ``adjective`` mention to the place each place adjective outside a name stands for,
    creating the place when the text does not name it; returns the places created."""
    known = lexicon()
    tokens = doc.tokens
    inside = _named_chars(entities)
    by_key: dict[str, Entity] = {}
    for ent in entities:
        if ent.type in (LOC, ORG):
            for name in (ent.name, *ent.variants):
                by_key.setdefault(alias_key(name), ent)
    created: list[Entity] = []
    for tok in tokens:
        if not tok.text[:1].isalpha() or tok.start in inside:
            continue
        place = known.get(_lemma(tok))
        if place is None:
            continue
        ent = by_key.get(alias_key(place))
        if ent is None:
            ent = Entity(id=f"e{len(entities) + len(created) + 1}", type=LOC, name=place)
            ent.geopolitical = is_geopolitical(place)
            by_key[alias_key(place)] = ent
            created.append(ent)
        ent.mentions.append(Mention(tok.start, tok.end, doc.text[tok.start:tok.end], kind=KIND))
    for ent in {id(e): e for e in by_key.values()}.values():
        ent.mentions.sort(key=lambda m: (m.start, m.end))
    return created


def _named_chars(entities: list[Entity]) -> set[int]:
    """Start offsets of characters inside name mentions: «Российская академия наук» keeps its adjective."""
    out: set[int] = set()
    for ent in entities:
        for m in ent.mentions:
            if m.kind in ("name", "abbr"):
                out.update(range(m.start, m.end))
    return out
