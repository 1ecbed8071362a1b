"""conversation: remember which school key a message key is wrapped to

Revision ID: i6_conversation
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i6_conversation"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("school_key_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_messages_school_key_id_school_keys"),
                                    "school_keys", ["school_key_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_messages_school_key_id_school_keys"),
                                 type_="foreignkey")
        batch_op.drop_column("school_key_id")
