"""The output schema: one analysed article and its layers.

Every annotation is an offset pair ``start``/``end`` (end exclusive, in code
points) into ``Document.text``, the cleaned text, which never changes once
built.  Layers are lists of small typed records; ``Document.to_dict`` gives the
JSON form documented field by field in docs/schema.md.  Bump ``SCHEMA`` on any
incompatible change.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA = "svodka/1"

PER, LOC, ORG = "PER", "LOC", "ORG"


@dataclass(slots=True)
class Token:
    """A word or punctuation mark with its morphology and syntax (not in the JSON).

    ``head`` is the index of the syntactic head in ``Document.tokens``
    (-1 for the root of a sentence); ``rel`` the Universal Dependencies relation.
    """

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    feats: dict[str, str]
    head: int
    rel: str
    sent: int


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    first: int  # index of the first token in Document.tokens
    last: int  # index one past the last token


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    # "name" (a proper name), "descriptor" (a role description such as
    # «президент России»), "pronoun" (resolved by the quotes layer), "abbr", "adjective" (a place
    # adjective, «российского», entities/adjectives.py) or "common" (an organisation named by a common
    # noun, «правительство», entities/common_orgs.py); the last two are not names for factRuEval
    kind: str = "name"
    # For places: this mention acts as a political actor («Россия заявила»), not as a location
    # («в России»); factRuEval's LocOrg.
    geopolitical: bool = False


@dataclass(slots=True)
class Role:
    """A post held by a person: «госсекретарь США» = post «госсекретарь» + org «США»."""

    name: str  # the role as a reader says it, nominative: «помощник президента США по национальной безопасности»
    post: str  # the head noun phrase: «помощник президента»
    org: str | None = None  # entity id of the organisation or country, when resolved
    org_name: str | None = None
    start: int | None = None  # where the role is said in the text
    end: int | None = None
    # How the role reached the person: "text" (said beside the name or of the person: apposition, copula,
    # «работает кем»), "description" (a description pointing back, resolved by a post it fits) or "nearby"
    # (a lone occupation given to the salient person named just before it: a guess; facts may skip it).
    source: str = "text"


@dataclass(slots=True)
class NameParts:
    first: str | None = None
    middle: str | None = None  # patronymic («отчество»)
    last: str | None = None


@dataclass(slots=True)
class Entity:
    id: str
    type: str  # PER | LOC | ORG
    name: str  # canonical name, nominative
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    geopolitical: bool = False  # a country, city or region acting as a political actor
    parts: NameParts | None = None  # persons only
    variants: list[str] = field(default_factory=list)  # other names seen: «Соединенные Штаты», «РФ»


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Quote:
    id: str
    kind: str  # direct | indirect
    text: str
    start: int
    end: int
    speaker: str | None = None  # entity id
    speaker_name: str | None = None
    cue: Span | None = None
    verb: str | None = None  # lemma of the speech verb
    via: str | None = None  # entity id of the agency relaying it
    via_name: str | None = None


@dataclass(slots=True)
class Interval:
    start: str  # ISO date, inclusive
    end: str  # ISO date, inclusive


@dataclass(slots=True)
class TimeExpr:
    id: str
    text: str
    start: int
    end: int
    type: str  # date | time | duration | set
    # TIMEX3 style: 2013-06, 2013-06-17, 2013-W23, P2D, XXXX-09, PAST_REF; None for a date the
    # calendar has not («31 февраля 2013 года»: kept as text, with a warning on the Document)
    value: str | None
    interval: Interval | None = None
    anchor: str = "none"  # publication | previous | none
    mod: str | None = None  # PAST_REF, START, MID, END, APPROX, BEFORE, AFTER …


@dataclass(slots=True)
class Arg:
    role: str
    entity: str | None = None  # entity id
    time: str | None = None  # time id
    quote: str | None = None  # quote id
    text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Fact:
    id: str
    type: str  # Occupation, Meeting, Deal, Ownership, Visit, Call, Message, Participation, Statement
    args: list[Arg] = field(default_factory=list)
    status: str = "done"  # done | planned | possible | negated
    time: str | None = None  # time id
    evidence: Span | None = None
    count: int | None = None  # «дважды» → 2


@dataclass(slots=True)
class Brief:
    summary: str = ""
    keyphrases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    text: str
    title: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None
    id: str | None = None
    paragraphs: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    brief: Brief | None = None
    # What the analysis could not do as asked: a sentence split for the parser, a layer skipped
    # when the time budget ran out, an impossible date («layer: what happened»).
    warnings: list[str] = field(default_factory=list)
    # Internal layers, not serialised.
    tokens: list[Token] = field(default_factory=list, repr=False)
    sents: list[Sentence] = field(default_factory=list, repr=False)
    raw_offsets: Any = field(default=None, repr=False)  # array: clean index -> raw input index
    ner: list[Any] = field(default_factory=list, repr=False)  # natasha's NER spans (nlp.RawSpan), uncorrected
    # Positions in ``text`` of spaces that stand for a line break inside a paragraph of the input
    # (a caption or headline line run into the next one): no name runs across them.
    line_breaks: frozenset[int] = field(default_factory=frozenset, repr=False)
    schema: str = SCHEMA

    # -- access helpers ------------------------------------------------------
    def entity(self, entity_id: str | None) -> Entity | None:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def raw_offset(self, index: int) -> int:
        """Map an offset in ``text`` back to the raw input (identity when nothing was cleaned)."""
        if self.raw_offsets is None:
            return index
        if index >= len(self.raw_offsets):
            return (self.raw_offsets[-1] + 1 + index - len(self.raw_offsets)) if self.raw_offsets else index
        return self.raw_offsets[index]

    def sent_of(self, offset: int) -> Sentence | None:
        for sent in self.sents:
            if sent.start <= offset < sent.end:
                return sent
        return None

    # -- serialisation -------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema": self.schema}
        for f in fields(self):
            if f.name in _INTERNAL or f.name == "schema":
                continue
            out[f.name] = _plain(getattr(self, f.name))
        return out

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        schema = data.get("schema", SCHEMA)
        if schema != SCHEMA:
            raise ValueError(f"expected schema {SCHEMA!r}, got {schema!r}")
        brief = data.get("brief")
        return cls(
            text=data["text"],
            title=data.get("title"),
            published=data.get("published"),
            url=data.get("url"),
            id=data.get("id"),
            paragraphs=[Span(**p) for p in data.get("paragraphs", [])],
            entities=[_entity(e) for e in data.get("entities", [])],
            quotes=[_quote(q) for q in data.get("quotes", [])],
            times=[_time(t) for t in data.get("times", [])],
            facts=[_fact(f) for f in data.get("facts", [])],
            brief=Brief(**brief) if brief else None,
            warnings=list(data.get("warnings", [])),
        )


_INTERNAL = {"tokens", "sents", "raw_offsets", "ner", "line_breaks"}


def _plain(value: Any) -> Any:
    """JSON-ready data: what ``dataclasses.asdict`` gives, without its deep copies (5× faster)."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _entity(d: dict[str, Any]) -> Entity:
    d = dict(d)
    d["mentions"] = [Mention(**m) for m in d.get("mentions", [])]
    d["roles"] = [Role(**r) for r in d.get("roles", [])]
    d["parts"] = NameParts(**d["parts"]) if d.get("parts") else None
    return Entity(**d)


def _quote(d: dict[str, Any]) -> Quote:
    d = dict(d)
    d["cue"] = Span(**d["cue"]) if d.get("cue") else None
    return Quote(**d)


def _time(d: dict[str, Any]) -> TimeExpr:
    d = dict(d)
    d["interval"] = Interval(**d["interval"]) if d.get("interval") else None
    return TimeExpr(**d)


def _fact(d: dict[str, Any]) -> Fact:
    d = dict(d)
    d["args"] = [Arg(**a) for a in d.get("args", [])]
    d["evidence"] = Span(**d["evidence"]) if d.get("evidence") else None
    return Fact(**d)
