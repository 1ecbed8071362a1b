"""staff screens: who handles a report, the follow-up notice opt-out, school replies passed

Adds ``reports.handler_member_id`` (the member handling the case) and
``school_members.followup_notices`` (mail when a reporter writes again; on by default).

School replies were stored with ``moderated_at`` empty, so they looked like follow-ups
awaiting moderation; they never go through moderation, so they are passed as written.

Revision ID: t15_staff_screens
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "t15_staff_screens"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("handler_member_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_reports_handler_member", "school_members",
                                    ["handler_member_id"], ["id"])
    with op.batch_alter_table("school_members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("followup_notices", sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
    op.execute(sa.text("UPDATE messages SET moderated_at = created_at "
                       "WHERE author = 'school' AND moderated_at IS NULL"))


def downgrade() -> None:
    # the stamp on school replies is true for every one of them; it stays
    with op.batch_alter_table("school_members", schema=None) as batch_op:
        batch_op.drop_column("followup_notices")
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_constraint("fk_reports_handler_member", type_="foreignkey")
        batch_op.drop_column("handler_member_id")
