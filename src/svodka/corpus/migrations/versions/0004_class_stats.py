"""Statistics per name class, so that linking merges entities without reading their mentions.

Revision ID: 0004
Revises: 0003

`name_classes.stats` holds each class's statistics (names, dates, roles: stats.class_stats).
A store linked before this revision has no such statistics: its derived rows are dropped and
its documents marked pending, so the next ingest (or `svodka relink`) links them again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from svodka.corpus import tables as t

    bind = op.get_bind()
    cols = {c["name"] for c in sa.inspect(bind).get_columns("name_classes")}
    if "stats" in cols:
        return  # a new store: 0002 made the table with it
    op.add_column("name_classes", sa.Column("stats", sa.JSON()))
    if bind.execute(sa.select(t.name_classes.c.id).limit(1)).first() is None:
        return
    for table in (t.entity_roles, t.entities, t.name_classes, t.link_keys):
        bind.execute(sa.delete(table))
    bind.execute(sa.update(t.doc_entities).values(entity_id=None, class_id=None))
    bind.execute(sa.update(t.documents).values(dup_group=None, linked=False))


def downgrade() -> None:
    op.drop_column("name_classes", "stats")
