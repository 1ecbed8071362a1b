"""pdf delivery: single-use PDF key slots prepared under a school's PDF password

Revision ID: i7_pdf_key_slots
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i7_pdf_key_slots"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pdf_key_slots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("u_value", sa.LargeBinary(), nullable=False),
        sa.Column("o_value", sa.LargeBinary(), nullable=False),
        sa.Column("file_key", sa.LargeBinary(), nullable=False),
        sa.Column("ue_value", sa.LargeBinary(), nullable=False),
        sa.Column("oe_value", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["school_id"], ["schools.id"],
                                name=op.f("fk_pdf_key_slots_school_id_schools")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pdf_key_slots")),
    )
    with op.batch_alter_table("pdf_key_slots", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pdf_key_slots_school_id"), ["school_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pdf_key_slots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pdf_key_slots_school_id"))
    op.drop_table("pdf_key_slots")
