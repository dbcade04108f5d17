"""Export the stored documents as JSON lines (svodka's Document JSON) or Parquet (pyarrow)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from ..errors import ConfigError
from . import tables as t

FORMATS = ("jsonl", "parquet")
BATCH = 500


def iter_documents(engine: Engine) -> Iterator[dict[str, Any]]:
    """Every document as its Document JSON plus corpus fields (hash, source, duplicate group, entity links)."""
    d, de = t.documents, t.doc_entities
    cols = [d.c.id, d.c.hash, d.c.source, d.c.dup_group, d.c.text, d.c.layers]
    with engine.connect() as conn:
        last = -1
        while True:
            rows = conn.execute(select(*cols).where(d.c.id > last).order_by(d.c.id).limit(BATCH)).all()
            if not rows:
                return
            links: dict[int, dict[str, str | None]] = {}
            for r in conn.execute(
                select(de.c.doc_id, de.c.local_id, de.c.entity_id).where(de.c.doc_id.in_([r.id for r in rows]))
            ):
                links.setdefault(r.doc_id, {})[r.local_id] = r.entity_id
            for r in rows:
                layers = dict(r.layers)
                yield {
                    "schema": layers.pop("schema", None),
                    "text": r.text,
                    **layers,
                    "corpus": {
                        "id": r.id,
                        "hash": r.hash,
                        "source": r.source,
                        "dup_group": r.dup_group,
                        "entities": links.get(r.id, {}),
                    },
                }
            last = rows[-1].id


def export(engine: Engine, out: str | Path | IO[str], fmt: str = "jsonl") -> int:
    """Write every document to ``out`` (a path, or a text stream for jsonl); returns how many."""
    if fmt not in FORMATS:
        raise ConfigError(f"format: expected one of {', '.join(FORMATS)}, got {fmt!r}")
    if fmt == "parquet":
        if not isinstance(out, (str, Path)):
            raise ConfigError("parquet: expected an output file path, got a stream")
        return _parquet(engine, Path(out))
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8") as fh:
            return _jsonl(engine, fh)
    return _jsonl(engine, out)


def _jsonl(engine: Engine, fh: IO[str]) -> int:
    n = 0
    for doc in iter_documents(engine):
        fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
        n += 1
    return n


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _schemas():  # type: ignore[no-untyped-def]
    import pyarrow as pa

    s, i64, i32 = pa.string(), pa.int64(), pa.int32()
    arg = pa.struct([("role", s), ("entity", s), ("time", s), ("quote", s), ("text", s)])
    role = pa.struct([("name", s), ("post", s), ("org_name", s)])
    return {
        "documents": pa.schema([("id", i64), ("hash", s), ("title", s), ("published", pa.date32()), ("url", s),
                                ("ext_id", s), ("source", s), ("dup_group", i64), ("text", s), ("n_entities", i32),
                                ("n_quotes", i32), ("n_times", i32), ("n_facts", i32), ("schema", s)]),
        "entities": pa.schema([("doc_id", i64), ("local_id", s), ("type", s), ("name", s), ("entity_id", s),
                               ("roles", pa.list_(role)), ("variants", pa.list_(s))]),
        "mentions": pa.schema([("doc_id", i64), ("n", i32), ("entity_local", s), ("start", i32), ("end", i32),
                               ("text", s), ("kind", s)]),
        "quotes": pa.schema([("doc_id", i64), ("n", i32), ("local_id", s), ("kind", s), ("text", s), ("start", i32),
                             ("end", i32), ("speaker", s), ("speaker_name", s)]),
        "times": pa.schema([("doc_id", i64), ("n", i32), ("local_id", s), ("type", s), ("value", s), ("text", s),
                            ("start", i32), ("end", i32), ("interval_start", pa.date32()), ("interval_end", pa.date32())]),
        "facts": pa.schema([("doc_id", i64), ("n", i32), ("local_id", s), ("type", s), ("status", s), ("when", s),
                            ("args", pa.list_(arg))]),
    }


def _row(name: str, r: Any) -> dict[str, Any]:
    m = dict(r._mapping)
    if name == "documents":
        m["published"] = _date(m["published"])
    elif name == "entities":
        data = m.pop("data") or {}
        m["roles"] = [{k: x.get(k) for k in ("name", "post", "org_name")} for x in data.get("roles") or [] if x]
        m["variants"] = list(data.get("variants") or [])
    elif name == "times":
        m["interval_start"], m["interval_end"] = _date(m["interval_start"]), _date(m["interval_end"])
    elif name == "facts":
        data = m.pop("data") or {}
        m["args"] = [{k: a.get(k) for k in ("role", "entity", "time", "quote", "text")} for a in data.get("args") or []]
    return m


def parquet_paths(path: Path) -> dict[str, Path]:
    """The documents go to ``path``; each layer to a sibling: c.parquet, c.entities.parquet, …"""
    stem = path.name.removesuffix(".parquet")
    return {name: path if name == "documents" else path.with_name(f"{stem}.{name}.parquet") for name in _TABLES}


_TABLES = ("documents", "entities", "mentions", "quotes", "times", "facts")


def _parquet(engine: Engine, path: Path) -> int:
    """Typed Parquet tables, one file each: documents (published as a date) and every layer, keyed by doc_id."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("parquet: needs pyarrow (pip install 'svodka[parquet]')") from None
    schemas = _schemas()
    sources = {"documents": t.documents, "entities": t.doc_entities, "mentions": t.mentions, "quotes": t.quotes,
               "times": t.times, "facts": t.facts}
    n = 0
    with engine.connect() as conn:
        for name, target in parquet_paths(path).items():
            table, schema = sources[name], schemas[name]
            cols = [table.c[c] for c in schema.names if c in table.c] + (
                [table.c.data] if name in ("entities", "facts") else [])
            key = table.c.id if name == "documents" else table.c.doc_id
            with pq.ParquetWriter(str(target), schema) as writer:
                last, wrote = None, False
                while True:  # documents in id order, BATCH at a time (bounded memory)
                    ids_q = select(t.documents.c.id).order_by(t.documents.c.id).limit(BATCH)
                    if last is not None:
                        ids_q = ids_q.where(t.documents.c.id > last)
                    ids = list(conn.execute(ids_q).scalars())
                    if not ids:
                        break
                    rows = [_row(name, r) for r in conn.execute(select(*cols).where(key.in_(ids)).order_by(*table.primary_key.columns))]
                    writer.write_table(pa.Table.from_pylist(rows, schema))
                    wrote, last = True, ids[-1]
                    if name == "documents":
                        n += len(rows)
                if not wrote:
                    writer.write_table(pa.Table.from_pylist([], schema))
    return n
