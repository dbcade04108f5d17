"""One analysed document → its rows, written in one transaction (all or nothing).

The rows are built in the worker process that analysed the document, so the
writer only inserts.  A document is keyed by the hash of its cleaned text; a
second writer of the same text (a re-run, a reprint byte for byte) is a no-op.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from ..document import Document
from . import tables as t
from .dedup import band_rows
from .names import person_name, person_tag
from .text import body_words, document_lemmas, minhash_bytes


def text_hash(text: str) -> tuple[str, int]:
    """SHA-256 of the cleaned text, and the document id: its first 60 bits (fits any BIGINT)."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return digest, int(digest[:15], 16)


def scrub(value: str | None) -> str | None:
    """Drop NUL and lone surrogates from a text field (PostgreSQL and UTF-8 refuse them)."""
    if value is None:
        return None
    return value.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


def error_id(source: str, line: int | None, reason: str) -> int:
    return int(hashlib.sha256(f"{source}\0{line}\0{reason}".encode("utf-8", "replace")).hexdigest()[:15], 16)


@dataclass(slots=True)
class Rows:
    """Everything one document adds to the store."""

    doc: dict[str, Any]
    entities: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    times: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    bands: list[dict[str, Any]] = field(default_factory=list)  # its LSH buckets (dedup.py)

    @property
    def id(self) -> int:
        return self.doc["id"]


def build_rows(doc: Document, source: str, ext_id: str | None = None) -> Rows:
    digest, doc_id = text_hash(doc.text)
    layers = doc.to_dict()
    layers.pop("text", None)
    rows = Rows(doc={})
    # the layers' dicts, made once by to_dict, are also each row's data
    for ent, data in zip(doc.entities, layers["entities"], strict=True):
        rows.entities.append(
            {"doc_id": doc_id, "local_id": ent.id, "type": ent.type, "name": ent.name, "entity_id": None, "data": data}
        )
        for m in ent.mentions:
            rows.mentions.append(
                {
                    "doc_id": doc_id,
                    "n": len(rows.mentions),
                    "entity_local": ent.id,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "kind": m.kind,
                }
            )
    for n, (q, q_data) in enumerate(zip(doc.quotes, layers["quotes"], strict=True)):
        rows.quotes.append(
            {
                "doc_id": doc_id,
                "n": n,
                "local_id": q.id,
                "kind": q.kind,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker,
                "speaker_name": q.speaker_name,
                "data": q_data,
            }
        )
    time_values = {}
    for n, (tx, tx_data) in enumerate(zip(doc.times, layers["times"], strict=True)):
        if tx.value is None:  # an impossible date («31 февраля»): nothing to search or date by
            continue
        time_values[tx.id] = tx.value
        rows.times.append(
            {
                "doc_id": doc_id,
                "n": n,
                "local_id": tx.id,
                "type": tx.type,
                "value": tx.value,
                "text": tx.text,
                "start": tx.start,
                "end": tx.end,
                "interval_start": tx.interval.start if tx.interval else None,
                "interval_end": tx.interval.end if tx.interval else None,
                "data": tx_data,
            }
        )
    for n, (f, f_data) in enumerate(zip(doc.facts, layers["facts"], strict=True)):
        rows.facts.append(
            {
                "doc_id": doc_id,
                "n": n,
                "local_id": f.id,
                "type": f.type,
                "status": f.status,
                "when": time_values.get(f.time or "", doc.published),
                "data": f_data,
            }
        )
    rows.doc = {
        "id": doc_id,
        "hash": digest,
        "title": doc.title,
        "published": doc.published,
        "url": doc.url,
        "ext_id": ext_id,
        "source": source,
        "text": doc.text,
        "lemmas": document_lemmas(doc),
        "layers": layers,
        "minhash": minhash_bytes(body_words(doc)),
        "dup_group": None,
        "n_entities": len(rows.entities),
        "n_mentions": len(rows.mentions),
        "n_quotes": len(rows.quotes),
        "n_times": len(rows.times),
        "n_facts": len(rows.facts),
        "schema": doc.schema,
        "tags": person_tags(rows.entities),
    }
    rows.bands = band_rows(doc_id, rows.doc["minhash"])
    return rows


def person_tags(entities: list[dict[str, Any]]) -> str | None:
    """The `tags` of a document: one full-text token per person it names (see names.person_tag)."""
    tags = {person_tag(person_name({**e["data"], "name": e["name"]})) for e in entities if e["type"] == "PER"}
    return " ".join(sorted(t_ for t_ in tags if t_)) or None


def has_document(conn: Connection, doc_id: int) -> bool:
    return conn.execute(select(t.documents.c.id).where(t.documents.c.id == doc_id)).first() is not None


def write_rows(engine: Engine, rows: Rows) -> bool:
    """Insert one document and its layers in one transaction; False when it was already stored.

    Errors an earlier run recorded for the same source (an analysis that failed
    then) go in the same transaction: the errors table lists what is missing.
    """
    try:
        with engine.begin() as conn:
            if has_document(conn, rows.id):
                return False
            conn.execute(delete(t.errors).where(t.errors.c.source == rows.doc["source"]))
            conn.execute(insert(t.documents), [rows.doc])
            for table, batch in (
                (t.doc_entities, rows.entities),
                (t.mentions, rows.mentions),
                (t.quotes, rows.quotes),
                (t.times, rows.times),
                (t.facts, rows.facts),
                (t.lsh_bands, rows.bands),
            ):
                if batch:
                    conn.execute(insert(table), batch)
    except IntegrityError:  # another writer stored the same text between our check and insert
        return False
    return True


def write_error(engine: Engine, source: str, reason: str, line: int | None = None, excerpt: str | None = None) -> bool:
    """Record a bad input once (keyed by source, line and reason); False when already recorded."""
    source, reason = scrub(source) or "", scrub(reason) or ""
    eid = error_id(source, line, reason)
    row = {"id": eid, "source": source, "line": line, "reason": reason, "excerpt": scrub((excerpt or "")[:300]) or None}
    try:
        with engine.begin() as conn:
            if conn.execute(select(t.errors.c.id).where(t.errors.c.id == eid)).first():
                return False
            conn.execute(insert(t.errors), [row])
    except IntegrityError:
        return False
    return True
