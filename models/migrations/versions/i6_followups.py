"""conversation: a moderator may withhold a reporter's follow-up (spam)

Revision ID: i6_followups
Revises: i6_conversation
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i6_followups"
down_revision: str | None = "i6_conversation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("withheld_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_column("withheld_at")
