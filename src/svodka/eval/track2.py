"""Track 2: one entity per person, place or organisation with its name attributes (README §4)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .gold import Attribute, GoldDoc, GoldEntity
from .match import Outcome, match
from .text import norm, response_blocks, similar

TAGS = ("per", "loc", "org")
ATTRS = {"per": ("firstname", "lastname", "patronymic", "nickname"), "org": ("name",), "loc": ("name",)}


@dataclass(eq=False, slots=True)
class ResponseEntity:
    tag: str
    attributes: list[Attribute] = field(default_factory=list)


def parse_response(data: str) -> list[ResponseEntity]:
    """Blank-line separated blocks: a type line, then ``attribute: value`` lines (all normalised)."""
    out: list[ResponseEntity] = []
    for block in response_blocks(data):
        tag = block[0].lower().strip(" :\r\n\t")
        tag = "loc" if tag == "locorg" else tag
        ent = ResponseEntity(tag)
        for attr_line in block[1:]:
            name, sep, value = attr_line.partition(":")
            if not sep:
                raise ValueError(f"attribute line without ':': {attr_line!r}")
            ent.attributes.append(Attribute(name.strip().lower(), {norm(value)}))
        if tag in TAGS:
            out.append(ent)
    return out


def _matches(gold: Attribute, resp: Attribute) -> bool:
    return gold.name == resp.name and any(similar(g, r) for g in gold.values for r in resp.values)


class Track2Scoring:
    def __init__(self, forgive_extra: bool = False):
        self.forgive_extra = forgive_extra

    def priority(self, s: GoldEntity, t: ResponseEntity) -> float:
        return self.quality(s, t)

    def quality(self, s: GoldEntity, t: ResponseEntity) -> float:
        hit_gold, hit_resp = set(), set()
        for ti, ta in enumerate(t.attributes):
            for si, sa in enumerate(s.attributes):
                if _matches(sa, ta):
                    hit_gold.add(si)
                    hit_resp.add(ti)
        tp = len(hit_gold)
        fn = len(s.attributes) - tp
        fp = 0 if self.forgive_extra else len(t.attributes) - len(hit_resp)
        total = tp + fn + fp
        return tp / total if total else 0.0

    def ignored(self, s: GoldEntity, matched: set[int]) -> bool:
        return s.ignored


def gold_entities(doc: GoldDoc) -> list[GoldEntity]:
    """Scored gold entities (with attributes, per/loc/org) in search order: tag, then id."""
    order = {t: i for i, t in enumerate(TAGS)}
    ents = [e for e in doc.entities or [] if e.attributes and e.tag in TAGS]
    return sorted(ents, key=lambda e: (order[e.tag], e.id))


def sorted_response(response: list[ResponseEntity]) -> list[ResponseEntity]:
    """Response entities in search order: by tag, then as written."""
    order = {t: i for i, t in enumerate(TAGS)}
    return sorted(response, key=lambda e: order[e.tag])


def score(doc: GoldDoc, response: list[ResponseEntity], simple: bool = False) -> Outcome:
    return match(gold_entities(doc), sorted_response(response), Track2Scoring(simple), TAGS)


def gold_response(doc: GoldDoc) -> str:
    """Every gold entity with its non-descriptor, non-wikidata lines, digit suffixes removed."""
    blocks = []
    for ent in doc.entities or []:
        if ent.tag not in TAGS:
            continue
        lines = [ent.tag]
        for key, value in ent.raw:
            key = key.strip("0123456789")
            if not (key.endswith("descr") or key.endswith("descriptor") or key == "wikidata"):
                lines.append(f"{key}: {value}")
        if len(lines) > 1:
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")
