"""moderation: per-report marking key (public half) for moderator-marked phrases

Revision ID: i5_moderation
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i5_moderation"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mark_public_key", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("mark_suite_id", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_column("mark_suite_id")
        batch_op.drop_column("mark_public_key")
