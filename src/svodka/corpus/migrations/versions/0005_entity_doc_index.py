"""An index on doc_entities (entity_id, doc_id): a merge of two entities reads their documents
from the index alone, not from the table's pages (link.py, ``_count_move``).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if "ix_doc_entities_entity_doc" not in {i["name"] for i in sa.inspect(bind).get_indexes("doc_entities")}:
        op.create_index("ix_doc_entities_entity_doc", "doc_entities", ["entity_id", "doc_id"])


def downgrade() -> None:
    op.drop_index("ix_doc_entities_entity_doc", "doc_entities")
