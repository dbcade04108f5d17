"""The corpus schema as SQLAlchemy 2 tables (the Alembic migrations create the same).

Every key is natural, so two stores that hold the same documents hold the same
rows whatever order the documents arrived in: a document's id is the first 60
bits of the SHA-256 of its cleaned text, a layer row is keyed by its document
and its ordinal, a corpus entity by a hash of its identity key.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# In SQLite, only INTEGER PRIMARY KEY is the rowid itself (64-bit): one b-tree fewer, and the
# full-text index reads its content straight by rowid.
DOC_ID = BigInteger().with_variant(Integer, "sqlite")

documents = Table(
    "documents",
    metadata,
    Column("id", DOC_ID, primary_key=True, autoincrement=False),
    Column("hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("published", String(10), index=True),  # ISO date, so string order is date order
    Column("url", Text),
    Column("ext_id", Text),  # the record's own id, if it had one
    Column("source", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("lemmas", Text, nullable=False),  # our lemmas, space separated: the full-text index reads these
    Column("layers", JSON, nullable=False),  # Document.to_dict() without the text
    Column("minhash", LargeBinary),
    Column("dup_group", BigInteger, index=True),  # id of the group's first document; NULL when unique
    Column("n_entities", Integer, nullable=False),
    Column("n_mentions", Integer, nullable=False),
    Column("n_quotes", Integer, nullable=False),
    Column("n_times", Integer, nullable=False),
    Column("n_facts", Integer, nullable=False),
    Column("schema", String(32), nullable=False),
)


def _doc_fk() -> Column:
    return Column("doc_id", DOC_ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


doc_entities = Table(
    "doc_entities",
    metadata,
    _doc_fk(),
    Column("local_id", String(64), primary_key=True),
    Column("type", String(8), nullable=False),
    Column("name", Text, nullable=False),
    Column("entity_id", String(32), index=True),  # the corpus entity, set by linking
    Column("data", JSON, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    _doc_fk(),
    Column("n", Integer, primary_key=True),
    Column("entity_local", String(64), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    _doc_fk(),
    Column("n", Integer, primary_key=True),
    Column("local_id", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("speaker", String(64)),  # local entity id in the document
    Column("speaker_name", Text),
    Column("data", JSON, nullable=False),
)

times = Table(
    "times",
    metadata,
    _doc_fk(),
    Column("n", Integer, primary_key=True),
    Column("local_id", String(64), nullable=False),
    Column("type", String(16), nullable=False),
    Column("value", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("interval_start", String(10)),
    Column("interval_end", String(10)),
    Column("data", JSON, nullable=False),
)

facts = Table(
    "facts",
    metadata,
    _doc_fk(),
    Column("n", Integer, primary_key=True),
    Column("local_id", String(64), nullable=False),
    Column("type", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("when", String(64)),  # the fact's time value, else the publication date
    Column("data", JSON, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("type", String(8), nullable=False),
    Column("name", Text, nullable=False),
    Column("first_name", Text),
    Column("middle_name", Text),
    Column("last_name", Text),
    Column("variants", JSON, nullable=False),
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    Column("n_docs", Integer, nullable=False),
)
Index("ix_entities_name", entities.c.name)
Index("ix_entities_last_name", entities.c.last_name)

entity_roles = Table(
    "entity_roles",
    metadata,
    Column("entity_id", String(32), ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("name", Text, primary_key=True),
    Column("post", Text),
    Column("org_name", Text),
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    Column("n_docs", Integer, nullable=False),
)

errors = Table(
    "errors",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),  # hash of source, line and reason
    Column("source", Text, nullable=False),
    Column("line", Integer),
    Column("reason", Text, nullable=False),
    Column("excerpt", Text),
)

# Tables in dependency order, as exported and compared.
CONTENT_TABLES = (documents, doc_entities, mentions, quotes, times, facts, entities, entity_roles, errors)
