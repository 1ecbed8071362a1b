"""moderation key: moderators' copies sealed; the clear redacted copies emptied

Revision ID: t13_moderation_key
Revises: 0001

- ``moderation_keys`` and ``moderation_copies``; each moderator's wrap of the key;
  ``reports.redacted_version_ct`` (the version passed on, sealed for the school).
- ``reports.redacted_text`` becomes nullable and is emptied for every report already
  decided (nobody reads it any more). A report still waiting keeps its clear copy only
  until the operator runs ``ozvise moderators init-key`` (or ``seal-pending``), which
  seals it and empties the column: sealing needs the moderation key, which is created
  there, with its recovery key shown to the operator. ``messages.redacted_text`` likewise.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "t13_moderation_key"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = ("pending_moderation", "second_look")


def upgrade() -> None:
    op.create_table(
        "moderation_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("suite_id", sa.String(length=64), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("recovery_wrap", sa.LargeBinary(), nullable=True),
        sa.Column("successor_id", sa.Integer(), nullable=True),
        sa.Column("successor_wrap", sa.LargeBinary(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_keys")),
    )
    op.create_table(
        "moderation_copies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.String(length=32), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("subject", sa.String(length=40), nullable=False),
        sa.Column("moderation_key_id", sa.Integer(), nullable=False),
        sa.Column("suite_id", sa.String(length=64), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=False),
        sa.Column("body_ct", sa.LargeBinary(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"],
                                name=op.f("fk_moderation_copies_report_id_reports")),
        sa.ForeignKeyConstraint(["message_id"], ["messages.id"], ondelete="CASCADE",
                                name=op.f("fk_moderation_copies_message_id_messages")),
        sa.ForeignKeyConstraint(["moderation_key_id"], ["moderation_keys.id"],
                                name=op.f("fk_moderation_copies_moderation_key_id_moderation_keys")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_copies")),
        sa.UniqueConstraint("report_id", "subject", name="moderation_copy_subject"),
    )
    with op.batch_alter_table("moderation_copies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_moderation_copies_report_id"), ["report_id"])
        batch_op.create_index(batch_op.f("ix_moderation_copies_message_id"), ["message_id"])
        batch_op.create_index(batch_op.f("ix_moderation_copies_moderation_key_id"),
                              ["moderation_key_id"])
    with op.batch_alter_table("moderators", schema=None) as batch_op:
        batch_op.add_column(sa.Column("moderation_key_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("key_wrap", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("key_wrap_salt", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("key_wrap_kdf", sa.String(length=200), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_moderators_moderation_key_id_moderation_keys"), "moderation_keys",
            ["moderation_key_id"], ["id"])
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("redacted_version_ct", sa.LargeBinary(), nullable=True))
        batch_op.alter_column("redacted_text", existing_type=sa.Text(), nullable=True)
    reports = sa.table("reports", sa.column("status", sa.String()),
                       sa.column("redacted_text", sa.Text()))
    op.execute(reports.update().where(reports.c.status.not_in(OPEN)).values(redacted_text=None))
    messages = sa.table("messages", sa.column("moderated_at", sa.DateTime()),
                        sa.column("redacted_text", sa.Text()))
    op.execute(messages.update().where(messages.c.moderated_at.is_not(None))
               .values(redacted_text=None))


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_column("redacted_version_ct")
    with op.batch_alter_table("moderators", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_moderators_moderation_key_id_moderation_keys"),
                                 type_="foreignkey")
        batch_op.drop_column("key_wrap_kdf")
        batch_op.drop_column("key_wrap_salt")
        batch_op.drop_column("key_wrap")
        batch_op.drop_column("moderation_key_id")
    op.drop_table("moderation_copies")
    op.drop_table("moderation_keys")
