"""Export the stored documents as JSON lines (svodka's Document JSON) or Parquet (pyarrow)."""

from __future__ import annotations

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


def _parquet(engine: Engine, path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("parquet: needs pyarrow (pip install 'svodka[parquet]')") from None
    schema = pa.schema(
        [
            ("id", pa.int64()),
            ("hash", pa.string()),
            ("title", pa.string()),
            ("published", pa.string()),
            ("url", pa.string()),
            ("source", pa.string()),
            ("dup_group", pa.int64()),
            ("text", pa.string()),
            ("layers", pa.string()),
        ]
    )
    n, batch = 0, []
    with pq.ParquetWriter(str(path), schema) as writer:
        for doc in iter_documents(engine):
            c = doc["corpus"]
            layers = {k: v for k, v in doc.items() if k not in ("text", "corpus")}
            batch.append(
                {
                    "id": c["id"],
                    "hash": c["hash"],
                    "title": doc.get("title"),
                    "published": doc.get("published"),
                    "url": doc.get("url"),
                    "source": c["source"],
                    "dup_group": c["dup_group"],
                    "text": doc["text"],
                    "layers": json.dumps(layers, ensure_ascii=False),
                }
            )
            n += 1
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema))
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema))
    return n
