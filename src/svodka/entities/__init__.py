"""The entity layer: persons, places and organisations, each once, with mentions and roles."""

from __future__ import annotations

from ..document import Document, Entity, Mention
from ..models import Models
from ..nlp import parse

__all__ = ["extract_entities"]


def extract_entities(doc: Document, models: Models) -> list[Entity]:
    spans = parse(doc, models)
    by_key: dict[tuple[str, str], Entity] = {}
    for span in spans:
        key = (span.type, span.text)
        ent = by_key.get(key)
        if ent is None:
            ent = by_key[key] = Entity(id=f"e{len(by_key) + 1}", type=span.type, name=span.text)
        ent.mentions.append(Mention(span.start, span.end, span.text))
    return list(by_key.values())
