"""pdf delivery: one password per report, stored only wrapped; no key slots, no school-wide password

Revision ID: t12_report_pdf_passwords
Revises: i7_pdf_key_slots

The school-wide password (``school_pdf_passwords``) and its pre-computed key slots
(``pdf_key_slots``) are dropped: an unused slot is a file key in clear, and two copies of
the database opened every PDF written between them. A PDF encrypted before this revision
keeps its report: the report's data key is untouched, so at ``ozvise onboarding release``
it reaches the school as before (portal on the extended plan); only that old PDF's
school-wide password is gone with the table.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "t12_report_pdf_passwords"
down_revision: str | None = "i7_pdf_key_slots"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "report_pdf_passwords",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.String(length=32), nullable=False),
        sa.Column("recipient", sa.String(length=16), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column("suite_id", sa.String(length=64), nullable=False),
        sa.Column("wrapped_password", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"],
                                name=op.f("fk_report_pdf_passwords_report_id_reports")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_pdf_passwords")),
        sa.UniqueConstraint("report_id", "recipient", "recipient_id",
                            name="report_pdf_password_recipient"),
    )
    with op.batch_alter_table("report_pdf_passwords", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_pdf_passwords_report_id"), ["report_id"],
                              unique=False)
    with op.batch_alter_table("pdf_key_slots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pdf_key_slots_school_id"))
    op.drop_table("pdf_key_slots")
    with op.batch_alter_table("school_pdf_passwords", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_school_pdf_passwords_school_id"))
    op.drop_table("school_pdf_passwords")


def downgrade() -> None:
    """Recreate the old tables empty (their contents cannot come back)."""
    op.create_table(
        "school_pdf_passwords",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=16), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column("suite_id", sa.String(length=64), nullable=False),
        sa.Column("wrapped_password", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("released_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["school_id"], ["schools.id"],
                                name=op.f("fk_school_pdf_passwords_school_id_schools")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_pdf_passwords")),
        sa.UniqueConstraint("school_id", "recipient", "recipient_id",
                            name="pdf_password_recipient"),
    )
    with op.batch_alter_table("school_pdf_passwords", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_school_pdf_passwords_school_id"), ["school_id"],
                              unique=False)
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
    op.drop_table("report_pdf_passwords")
