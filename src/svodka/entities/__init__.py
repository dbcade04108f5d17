"""The entity layer: persons, places and organisations, each once, with mentions and roles.

Steps: natasha's NER spans (nlp.parse) → mentions tied to tokens and put in the
nominative (ner, names) → merged into entities (merge) → roles and role
descriptions attached to persons (roles, attach).
"""

from __future__ import annotations

from ..document import LOC, ORG, PER, Document, Entity, Mention
from ..models import Models
from ..nlp import parse
from .adjectives import add_adjective_mentions
from .attach import attach_roles
from .common_orgs import add_common_org_mentions
from .extend import extend_orgs
from .latin import latin_candidates
from .gazetteer import SEATS_OF_POWER, is_geopolitical
from .glosses import drop_vehicles, gloss_candidates, media_candidates
from .merge import canonical_person_parts, canonical_place_name, merge_persons, merge_places_and_orgs
from .names import full_name
from .ner import candidates, institution_candidates, mark_geopolitical, quoted_candidates, used_as_place
from .repeats import missed_places, repeated_surnames, surnames_as_places

__all__ = ["extract_entities"]


def extract_entities(doc: Document, models: Models) -> list[Entity]:
    """The entity layer, from the parse (``doc.tokens`` and natasha's spans in ``doc.ner``);
    parses first if the pipeline's parse component has not run."""
    if not doc.sents and doc.text.strip():
        parse(doc, models)
    cands = candidates(doc, doc.ner)
    cands += quoted_candidates(doc, cands)
    cands += institution_candidates(doc, cands)
    cands += gloss_candidates(doc, cands)
    cands += media_candidates(doc, cands)
    cands += latin_candidates(doc, cands)
    cands = drop_vehicles(doc, cands)
    cands += repeated_surnames(doc, cands)
    cands += missed_places(doc, cands)
    surnames_as_places(doc, cands)
    extend_orgs(doc, cands)
    tokens = doc.tokens
    person_clusters = merge_persons([c for c in cands if c.type == PER])
    other_clusters = merge_places_and_orgs([c for c in cands if c.type != PER])

    entities: list[Entity] = []
    entity_of: dict[int, Entity] = {}
    for cl in person_clusters:
        parts = canonical_person_parts(cl, tokens)
        ent = Entity(id="", type=PER, name=full_name(parts) or cl.members[0].normal, parts=parts)
        entities.append(ent)
        for m in cl.members:
            entity_of[id(m)] = ent
    places: list[Entity] = []
    for cl in other_clusters:
        name = canonical_place_name(cl, tokens)
        if name.lower().replace("ё", "е") in SEATS_OF_POWER:
            places_used = sum(1 if used_as_place(doc, m) else -1 for m in cl.members)
            cl.type = LOC if places_used >= 0 else ORG
        ent = Entity(id="", type=cl.type, name=name)
        ent.geopolitical = cl.type == LOC and is_geopolitical(name)
        entities.append(ent)
        places.append(ent)
        for m in cl.members:
            entity_of[id(m)] = ent
            if ent.geopolitical:
                mark_geopolitical(doc, m)

    cands = _homed(cands, entity_of)
    for cand in cands:
        ent = entity_of[id(cand)]
        ent.mentions.append(
            Mention(cand.start, cand.end, doc.text[cand.start : cand.end], kind="name", geopolitical=cand.geopolitical)
        )
        if cand.normal and cand.normal != ent.name and cand.normal not in ent.variants and ent.type != PER:
            ent.variants.append(cand.normal)

    # Ids follow the first mention; descriptions attached later never come before a name.
    for ent in entities:
        ent.mentions.sort(key=lambda m: (m.start, m.end))
    entities.sort(key=lambda e: e.mentions[0].start)
    for i, ent in enumerate(entities, 1):
        ent.id = f"e{i}"
    attach_roles(tokens, doc.text, cands, entity_of, places)
    for ent in entities:
        ent.mentions.sort(key=lambda m: (m.start, m.end))
        ent.roles.sort(key=lambda r: r.start if r.start is not None else -1)
    # After the roles, which read names and descriptors only: mentions NEREL counts and factRuEval does not.
    entities += add_common_org_mentions(doc, entities)
    entities += add_adjective_mentions(doc, entities)
    return entities


def _homed(cands: list, entity_of: dict[int, Entity]) -> list:
    """The candidates that belong to an entity.  An alias is merged with its main mention's
    type only; one whose main is of another type («Эфиопия[Гру»: a person «Гру» glossing a
    place) joins its main's entity, as an alias means "the same entity"."""
    out = []
    for cand in cands:
        main = cand
        while id(main) not in entity_of and main.alias_of is not None and main.alias_of is not cand:
            main = main.alias_of
        if id(main) in entity_of:
            entity_of[id(cand)] = entity_of[id(main)]
            out.append(cand)
    return out
