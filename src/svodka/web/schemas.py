"""Request and response models of the HTTP API: what the OpenAPI schema at /openapi.json shows.

The document models mirror svodka.document (schema svodka/1, docs/schema.md).  Every id
that is a store's document id is a string in JSON: those are 60-bit integers, beyond
JavaScript's 2^53.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field, field_validator


def clean_text(value: str | None) -> str | None:
    """Lone surrogates (possible in JSON as "\\ud800") become U+FFFD, one character for one,
    so every offset stays the same; NUL becomes a space."""
    if value is None:
        return None
    if "\x00" in value:
        value = value.replace("\x00", " ")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in value)
    return value


class AnalyzeRequest(BaseModel):
    text: str = Field(..., description="The article body (its first paragraph may be the title).")
    title: str | None = None
    published: str | None = Field(None, description="Publication date YYYY-MM-DD: the anchor of relative dates.")
    url: str | None = None
    quotes: bool = True
    times: bool = True
    facts: bool = True

    @field_validator("text", "title", "published", "url")
    @classmethod
    def _clean(cls, value: str | None) -> str | None:
        return clean_text(value)

    @field_validator("published")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            raise ValueError("нужна дата ГГГГ-ММ-ДД") from None


class Sample(BaseModel):
    title: str | None
    text: str
    published: str | None


class Error(BaseModel):
    error: str = Field(..., description="What went wrong, in Russian, to show as is.")
    code: str = Field(..., description="Stable machine-readable code: validation_error, not_found, too_large …")
    details: list[dict] | None = Field(None, description="For validation errors: field, type, detail.")


class SpanOut(BaseModel):
    start: int
    end: int
    text: str


class MentionOut(SpanOut):
    kind: str = "name"
    geopolitical: bool = False


class RoleOut(BaseModel):
    name: str
    post: str
    org: str | None = None
    org_name: str | None = None
    start: int | None = None
    end: int | None = None
    source: str = Field("text", description="text | description | nearby: how the role reached the person (docs/schema.md)")


class NamePartsOut(BaseModel):
    first: str | None = None
    middle: str | None = None
    last: str | None = None


class EntityOut(BaseModel):
    id: str
    type: str = Field(..., description="PER | LOC | ORG")
    name: str
    mentions: list[MentionOut] = []
    roles: list[RoleOut] = []
    geopolitical: bool = False
    parts: NamePartsOut | None = None
    variants: list[str] = []


class QuoteOut(BaseModel):
    id: str
    kind: str = Field(..., description="direct | indirect")
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_name: str | None = None
    cue: SpanOut | None = None
    verb: str | None = None
    via: str | None = None
    via_name: str | None = None


class IntervalOut(BaseModel):
    start: str
    end: str


class TimeOut(BaseModel):
    id: str
    text: str
    start: int
    end: int
    type: str
    value: str = Field(..., description="TIMEX3 value; the page shows readable.times[id] instead")
    interval: IntervalOut | None = None
    anchor: str = "none"
    mod: str | None = None


class ArgOut(BaseModel):
    role: str
    entity: str | None = None
    time: str | None = None
    quote: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None


class FactOut(BaseModel):
    id: str
    type: str
    args: list[ArgOut] = []
    status: str = "done"
    time: str | None = None
    evidence: SpanOut | None = None
    count: int | None = None


class BriefOut(BaseModel):
    summary: str = ""
    keyphrases: list[str] = []


class Readable(BaseModel):
    times: dict[str, str] = Field({}, description="time id → its calendar value in words («17–18 июня 2013»)")
    facts: dict[str, str] = Field({}, description="fact id → the fact as a sentence in Russian")


class Reprint(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    source: str


class DocumentOut(BaseModel):
    schema_: str = Field("svodka/1", alias="schema")
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    id: str | None = None
    paragraphs: list[SpanOut] = []
    entities: list[EntityOut] = []
    quotes: list[QuoteOut] = []
    times: list[TimeOut] = []
    facts: list[FactOut] = []
    brief: BriefOut | None = None
    readable: Readable = Readable()
    warnings: list[str] = []
    source: str | None = Field(None, description="Stored documents: the file or feed it came from.")
    reprints: list[Reprint] = Field([], description="Stored documents: the other members of its reprint group.")

    model_config = {"populate_by_name": True}


class HitOut(BaseModel):
    id: str
    title: str | None
    published: str | None
    url: str | None
    source: str
    score: float
    snippet: str
    marks: list[tuple[int, int]] = Field([], description="Matched words: offsets into snippet")
    dup_group: str | None = None
    reprints: int = Field(0, description="Other documents in its reprint group")


class MonthCount(BaseModel):
    month: str | None = Field(..., description="YYYY-MM, null for undated documents")
    count: int


class SearchOut(BaseModel):
    query: str
    total: int = Field(..., description="Stories matched (a reprint group counts once)")
    offset: int
    limit: int
    hits: list[HitOut]
    months: list[MonthCount] = Field([], description="Matching documents per month of publication")


class RoleSpanOut(BaseModel):
    name: str
    post: str | None
    org_name: str | None
    first_seen: str | None
    last_seen: str | None
    n_docs: int


class QuoteItemOut(BaseModel):
    text: str
    kind: str
    date: str | None
    title: str | None
    source: str
    url: str | None
    doc_id: str
    reprints: int = 0


class TimelineItem(BaseModel):
    date: str | None = Field(..., description="ISO date to plot: the fact's date, else its document's")
    when: str = Field(..., description="The fact's time in words")
    type: str
    title: str = Field(..., description="The fact type in Russian")
    status: str
    text: str
    doc_id: str
    doc_title: str | None


class Candidate(BaseModel):
    id: str
    name: str
    n_docs: int
    first_seen: str | None = None
    last_seen: str | None = None


class CoPerson(BaseModel):
    name: str
    count: int


class DocRef(BaseModel):
    id: str
    title: str | None
    published: str | None
    source: str
    dup_group: str | None = None


class PersonOut(BaseModel):
    ambiguous: bool = Field(False, description="True when the name fits several people: see candidates")
    candidates: list[Candidate] = []
    id: str | None = None
    name: str | None = None
    variants: list[str] = []
    first_seen: str | None = None
    last_seen: str | None = None
    n_docs: int = 0
    roles: list[RoleSpanOut] = []
    quotes: list[QuoteItemOut] = []
    people: list[CoPerson] = []
    timeline: list[TimelineItem] = []
    documents: list[DocRef] = []


class DupGroup(BaseModel):
    id: str
    size: int
    documents: list[DocRef]


class DupsOut(BaseModel):
    total: int
    offset: int
    groups: list[DupGroup]


class Health(BaseModel):
    status: str = "ok"
    version: str
    corpus: bool = Field(..., description="Whether a store is attached (--db)")
    documents: int | None = None
