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
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    false,
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
    Column("linked", Boolean, nullable=False, server_default=false(), index=True),  # identities and groups done
    Column("tags", Text),  # full-text tokens of the persons it names (names.person_tag), for filtered search
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
    Column("class_id", String(40), index=True),  # its name class (see identity.py), set by linking
)

# A merge of two entities counts their shared documents from this index alone (link.py)
Index("ix_doc_entities_entity_doc", doc_entities.c.entity_id, doc_entities.c.doc_id)

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
    Column("link_key", Text),  # repr of the identity key the id hashes
    Column("names", JSON),  # display name → mentions so spelt: the name is the most frequent
    Column("name_folded", Text),  # the name in lower case, «ё» as «е»: looked up by an index
)
Index("ix_entities_name", entities.c.name)
Index("ix_entities_last_name", entities.c.last_name)
Index("ix_entities_first_name", entities.c.first_name)
Index("ix_entities_name_folded", entities.c.name_folded)

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

# Incremental linking (link.py): what identities and groups are built from, kept between ingests.
name_classes = Table(  # mentions that link alike: a person's name parts and posts, or an entity's name key
    "name_classes",
    metadata,
    Column("id", String(40), primary_key=True),  # hash of the class
    Column("block", Text, nullable=False, index=True),  # classes that decide together (a surname)
    Column("type", String(8), nullable=False),
    Column("data", JSON, nullable=False),
    Column("n", Integer, nullable=False),  # mentions (document entities) in the class
    Column("entity_id", String(32), index=True),
    Column("stats", JSON),  # its mentions' statistics (stats.class_stats): an entity's are its classes'
)

link_keys = Table(  # name keys of places and organisations (their own and their variants') → entity
    "link_keys",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("entity_id", String(32), nullable=False, index=True),
)

lsh_bands = Table(  # MinHash LSH: a document is in one bucket per band; near-duplicates share one
    "lsh_bands",
    metadata,
    Column("band", SmallInteger, primary_key=True),
    Column("bucket", BigInteger, primary_key=True),
    Column("doc_id", DOC_ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)
Index("ix_lsh_bands_doc_id", lsh_bands.c.doc_id)

link_state = Table(  # one row: a linking transaction updates it first, so linkers take turns
    "link_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("runs", BigInteger, nullable=False),
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
CONTENT_TABLES = (
    documents,
    doc_entities,
    mentions,
    quotes,
    times,
    facts,
    entities,
    entity_roles,
    name_classes,
    link_keys,
    lsh_bands,
    errors,
)
