"""abuse resistance: login throttle per (account, client), TOTP steps, job locks, audit MAC

Revision ID: t14a_abuse_resistance
Revises: 0001

Existing audit entries get their MAC from ``ozvise db upgrade`` right after the
migrations (the key is outside the database, so the migration itself cannot compute it).
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "t14a_abuse_resistance"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "login_throttles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=40), nullable=False),
        sa.Column("client", sa.String(length=32), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("blocked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_throttles")),
        sa.UniqueConstraint("account", "client", name="uq_login_throttles_account_client"),
    )
    op.create_index(op.f("ix_login_throttles_updated_at"), "login_throttles", ["updated_at"])
    op.create_table(
        "totp_steps",
        sa.Column("account", sa.String(length=40), nullable=False),
        sa.Column("last_step", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("account", name=op.f("pk_totp_steps")),
    )
    op.create_table(
        "job_locks",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("holder", sa.String(length=80), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_job_locks")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mac", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_column("mac")
    op.drop_table("job_locks")
    op.drop_table("totp_steps")
    op.drop_index(op.f("ix_login_throttles_updated_at"), table_name="login_throttles")
    op.drop_table("login_throttles")
