"""Copy a whole store from SQLite into a new PostgreSQL database, with COPY.

    python -m svodka.corpus.transfer SQLITE_PATH postgresql://…/newdb

Every table of the schema, derived ones included (identities, name classes, duplicate groups, LSH bands),
goes over as it is, so the copy needs no relink: moving a grown SQLite store to PostgreSQL, or giving the
scale benchmark a PostgreSQL store of a million documents in minutes instead of the hour a build with
a relink takes there.  The target is migrated to the head revision first (its schema, its generated
full-text column); its secondary indexes are dropped while rows stream in and made once at the end, and,
where the role may (a superuser), foreign-key triggers are off during the load (the source already
satisfied them).  Rows are read and written in chunks, so memory stays bounded whatever the store's size.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

from sqlalchemy import text

from . import tables as t
from .engine import make_engine

CHUNK = 50_000


def _secondary_indexes(conn) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(name, definition) of the target's indexes that back no constraint (those stay)."""
    rows = conn.execute(text(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"))
    return [(r[0], r[1]) for r in rows]


def copy_store(source: Path, target: str, progress=None) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Copy the SQLite store at ``source`` into the empty PostgreSQL database ``target``; rows per table."""
    engine = make_engine(target)  # migrates the new database to head
    if engine.dialect.name != "postgresql":
        raise ValueError(f"target must be a PostgreSQL URL, not {target!r}")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    counts: dict[str, int] = {}
    raw = engine.raw_connection()
    try:
        pg = raw.driver_connection  # psycopg 3
        with engine.connect() as conn:
            later = _secondary_indexes(conn)
        cur = pg.cursor()
        try:
            cur.execute("SET session_replication_role = replica")  # no FK triggers while loading (superuser)
        except Exception:  # noqa: BLE001 — an ordinary role loads with the checks on, only slower
            pg.rollback()
        for name, _ in later:
            cur.execute(f'DROP INDEX IF EXISTS "{name}"')
        for table in t.metadata.sorted_tables:
            cols = [c.name for c in table.columns]
            have = {r[1] for r in src.execute(f'PRAGMA table_info("{table.name}")')}
            cols = [c for c in cols if c in have]
            cur.execute(f'DELETE FROM "{table.name}"')  # rows a migration seeded (link_state)
            quoted = ", ".join(f'"{c}"' for c in cols)
            rows = src.execute(f'SELECT {quoted} FROM "{table.name}"')
            n = 0
            while chunk := rows.fetchmany(CHUNK):
                with cur.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as cp:
                    for row in chunk:
                        cp.write_row(row)
                n += len(chunk)
                if progress:
                    progress(table.name, n)
            counts[table.name] = n
            pg.commit()
        for _, definition in later:
            cur.execute(definition)
        cur.execute("SET session_replication_role = DEFAULT")
        pg.commit()
        pg.autocommit = True
        cur.execute("VACUUM ANALYZE")
    finally:
        raw.close()
        src.close()
        engine.dispose()
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", type=Path, help="a SQLite store")
    ap.add_argument("target", help="postgresql://… of an empty database")
    a = ap.parse_args(argv)
    if not a.source.is_file():
        print(f"no such store: {a.source}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    counts = copy_store(a.source, a.target,
                        progress=lambda name, n: print(f"\r{name}: {n:,}", end="", file=sys.stderr, flush=True))
    print(f"\n{sum(counts.values()):,} rows in {time.perf_counter() - started:.0f} s: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
