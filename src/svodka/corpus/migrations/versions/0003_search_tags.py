"""Search tags: the full-text index also holds a document's dates and the surnames it names.

Revision ID: 0003
Revises: 0002

SQLite's FTS5 cannot narrow a match by another index, so the filters go into
the full-text index itself as tokens: the publication year, month and day
(``xxy2013``, ``xxm201305``, ``xxd20130508``, from `published` by the triggers)
and one token per person named (``documents.tags``: a hash of the surname, see
``names.person_tag``).  A filtered search is then one FTS5 query that intersects
posting lists.  The index of a store made before this revision is rebuilt.
PostgreSQL filters through its B-tree and GIN indexes as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _tokens(row: str) -> str:
    p = f"{row}.published"
    date = (
        f"CASE WHEN {p} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN ' xxy' || substr({p}, 1, 4) "
        f"|| ' xxm' || substr({p}, 1, 4) || substr({p}, 6, 2) "
        f"|| ' xxd' || substr({p}, 1, 4) || substr({p}, 6, 2) || substr({p}, 9, 2) ELSE '' END"
    )
    return f"{row}.lemmas || {date} || ' ' || coalesce({row}.tags, '')"


TRIGGERS = [
    "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
    f"INSERT INTO documents_fts(rowid, lemmas) VALUES (new.id, {_tokens('new')}); END",
    "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
    f"INSERT INTO documents_fts(documents_fts, rowid, lemmas) VALUES ('delete', old.id, {_tokens('old')}); END",
]


def _fill_tags(bind: sa.engine.Connection) -> None:
    """The person tokens of documents stored before this revision."""
    from svodka.corpus import tables as t
    from svodka.corpus.store import person_tags

    de = t.doc_entities
    rows = bind.execute(
        sa.select(de.c.doc_id, de.c.type, de.c.name, de.c.data).where(de.c.type == "PER").order_by(de.c.doc_id)
    ).all()
    by_doc: dict[int, list[dict]] = {}
    for r in rows:
        by_doc.setdefault(r.doc_id, []).append({"type": r.type, "name": r.name, "data": r.data or {}})
    updates = [{"d": doc, "tags": person_tags(ents)} for doc, ents in by_doc.items()]
    d = t.documents
    for i in range(0, len(updates), 10_000):
        bind.execute(sa.update(d).where(d.c.id == sa.bindparam("d")).values(tags=sa.bindparam("tags")),
                     updates[i : i + 10_000])


def upgrade() -> None:
    bind = op.get_bind()
    cols = {c["name"] for c in sa.inspect(bind).get_columns("documents")}
    if "tags" not in cols:
        op.add_column("documents", sa.Column("tags", sa.Text()))
        _fill_tags(bind)
    if bind.dialect.name != "sqlite":
        return
    old = bind.execute(sa.text("SELECT sql FROM sqlite_master WHERE name = 'documents_fts_ai'")).scalar()
    if old and "xxy" in old:
        return  # a new store: 0001 made these triggers already
    op.execute("DROP TRIGGER IF EXISTS documents_fts_ai")
    op.execute("DROP TRIGGER IF EXISTS documents_fts_ad")
    for statement in TRIGGERS:
        op.execute(statement)
    op.execute("INSERT INTO documents_fts(documents_fts) VALUES ('delete-all')")
    op.execute(f"INSERT INTO documents_fts(rowid, lemmas) SELECT d.id, {_tokens('d')} FROM documents d")


def downgrade() -> None:
    op.drop_column("documents", "tags")
