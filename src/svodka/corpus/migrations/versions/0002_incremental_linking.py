"""Incremental linking: name classes, link keys, LSH bands, a linked flag, indexed entity names.

Revision ID: 0002
Revises: 0001

A store made by 0001 (before this revision) gets the new columns and tables, the
LSH bands of its stored signatures, and every document marked unlinked with its
old identities dropped: the next ingest (or ``svodka relink``) links them all.
A new store got everything from 0001 already (it creates tables.py's tables), so
each step here checks first.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from svodka.corpus import tables as t
    from svodka.corpus.dedup import band_rows

    bind = op.get_bind()
    inspector = sa.inspect(bind)
    have = set(inspector.get_table_names())
    for table in (t.name_classes, t.link_keys, t.lsh_bands, t.link_state):
        if table.name not in have:
            table.create(bind)
    added = False
    for table, names in ((t.documents, ["linked"]), (t.doc_entities, ["class_id"]),
                         (t.entities, ["link_key", "names", "name_folded"])):
        cols = {c["name"] for c in inspector.get_columns(table.name)}
        for name in names:
            if name not in cols:
                added = True
                col = table.c[name]
                op.add_column(table.name, sa.Column(name, col.type, nullable=col.nullable,
                                                    server_default=col.server_default.arg if col.server_default else None))
    if added:  # an old store: index the new columns, fill the bands, link everything again
        for ix in (*t.documents.indexes, *t.doc_entities.indexes, *t.entities.indexes):
            existing = {i["name"] for i in sa.inspect(bind).get_indexes(ix.table.name)}
            if ix.name not in existing:
                ix.create(bind)
        rows = bind.execute(sa.select(t.documents.c.id, t.documents.c.minhash).where(t.documents.c.minhash.isnot(None)))
        batch: list[dict] = []
        for r in rows:
            batch += band_rows(r.id, r.minhash)
            if len(batch) > 10_000:
                bind.execute(sa.insert(t.lsh_bands), batch)
                batch = []
        if batch:
            bind.execute(sa.insert(t.lsh_bands), batch)
        bind.execute(sa.delete(t.entity_roles))
        bind.execute(sa.delete(t.entities))
        bind.execute(sa.update(t.doc_entities).values(entity_id=None))
        bind.execute(sa.update(t.documents).values(dup_group=None, linked=False))
    if bind.execute(sa.select(t.link_state.c.id)).first() is None:
        bind.execute(sa.insert(t.link_state), [{"id": 1, "runs": 0}])


def downgrade() -> None:
    for name in ("link_state", "lsh_bands", "link_keys", "name_classes"):
        op.drop_table(name)
