"""The initial corpus schema: tables, plus the full-text index each backend has.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# SQLite: an FTS5 index over our lemmas (external content: the lemmas are stored once,
# in documents), kept in step by triggers so every writer, the synthetic generator too,
# gets it for free.  unicode61 with diacritics kept: folding «й» into «и» would merge words.
_SQLITE_FTS = [
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "lemmas, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    # the triggers as revision 0003 defines them (a new store is made with tables.py's columns)
]

# PostgreSQL: the `russian` snowball configuration over the text plus our lemmas as
# `simple` words, in one generated column under a GIN index.  A tsvector holds at most
# 1 MB, hence the left(): the head of a huge record is still found.
_POSTGRES_FTS = [
    "ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
    "to_tsvector('russian', left(text, 300000)) || to_tsvector('simple', left(lemmas, 300000))) STORED",
    "CREATE INDEX ix_documents_tsv ON documents USING GIN (tsv)",
]


def upgrade() -> None:
    from svodka.corpus.tables import metadata

    # The tables as tables.py defined them at this revision; later revisions use op.* steps.
    bind = op.get_bind()
    metadata.create_all(bind)
    if bind.dialect.name == "sqlite":
        from importlib import import_module

        triggers = import_module("svodka.corpus.migrations.versions.0003_search_tags").TRIGGERS
        for statement in _SQLITE_FTS + triggers:
            op.execute(statement)
    else:
        for statement in _POSTGRES_FTS:
            op.execute(statement)


def downgrade() -> None:
    from svodka.corpus.tables import metadata

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")
    metadata.drop_all(bind)
