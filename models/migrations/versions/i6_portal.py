"""school portal: e-mail confirmation token and the invitation wrap's KDF parameters

Revision ID: i6_portal
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i6_portal"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("school_members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email_token_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("invite_wrap_salt", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("invite_wrap_kdf", sa.String(length=200), nullable=True))
        batch_op.create_index("ix_school_members_email_token_hash", ["email_token_hash"],
                              unique=False)
        batch_op.create_index("ix_school_members_invite_token_hash", ["invite_token_hash"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("school_members", schema=None) as batch_op:
        batch_op.drop_index("ix_school_members_invite_token_hash")
        batch_op.drop_index("ix_school_members_email_token_hash")
        batch_op.drop_column("invite_wrap_kdf")
        batch_op.drop_column("invite_wrap_salt")
        batch_op.drop_column("email_token_hash")
