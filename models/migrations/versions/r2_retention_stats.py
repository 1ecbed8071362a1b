"""retention: the status a report had before anonymisation, for the school's statistics

Revision ID: r2_retention_stats
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "r2_retention_stats"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            "status_before_anonymisation",
            sa.Enum("pending_moderation", "second_look", "spam", "awaiting_pdf_delivery",
                    "delivered", "in_progress", "resolved", "anonymised",
                    name="reportstatus", native_enum=False, length=32),
            nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_column("status_before_anonymisation")
