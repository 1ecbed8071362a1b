"""school trust: a registration is a claim until verified; register-channel confirmations

Existing registrations were never verified, so they become ``pending``: no new data key
is wrapped to their keys until the register address or the operator confirms them
(``ozvise schools pending`` lists them, ``ozvise schools verify`` verifies). Schools that
had unregistered become ``ended``.

Revision ID: t11_school_verification
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "t11_school_verification"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_VERIFICATION = sa.Enum("pending", "verified", "revoked", "ended", name="verification",
                        native_enum=False, length=32)
_PURPOSE = sa.Enum("registration", "recovery", name="confirmationpurpose", native_enum=False,
                   length=32)


def upgrade() -> None:
    with op.batch_alter_table("schools", schema=None) as batch_op:
        batch_op.add_column(sa.Column("verification", _VERIFICATION, nullable=True))
        batch_op.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("verified_by", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("verification_evidence", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True))
    schools = sa.table("schools", sa.column("registered_at", sa.DateTime(timezone=True)),
                       sa.column("unregistered_at", sa.DateTime(timezone=True)),
                       sa.column("claimed_at", sa.DateTime(timezone=True)),
                       sa.column("verification", sa.String))
    op.execute(schools.update().where(schools.c.registered_at.is_not(None),
                                      schools.c.unregistered_at.is_(None))
               .values(verification="pending", claimed_at=schools.c.registered_at,
                       registered_at=None))
    op.execute(schools.update().where(schools.c.unregistered_at.is_not(None))
               .values(verification="ended"))
    op.create_table(
        "school_confirmations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("purpose", _PURPOSE, nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("sent_to", sa.String(length=254), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["school_members.id"],
                                name=op.f("fk_school_confirmations_member_id_school_members")),
        sa.ForeignKeyConstraint(["school_id"], ["schools.id"],
                                name=op.f("fk_school_confirmations_school_id_schools")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_confirmations")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_school_confirmations_token_hash")),
    )
    op.create_index(op.f("ix_school_confirmations_school_id"), "school_confirmations",
                    ["school_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_school_confirmations_school_id"), table_name="school_confirmations")
    op.drop_table("school_confirmations")
    with op.batch_alter_table("schools", schema=None) as batch_op:
        batch_op.drop_column("revoked_at")
        batch_op.drop_column("verification_evidence")
        batch_op.drop_column("verified_by")
        batch_op.drop_column("verified_at")
        batch_op.drop_column("claimed_at")
        batch_op.drop_column("verification")
