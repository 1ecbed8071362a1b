"""staff screens: the school's own replies count as passed when written

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
    op.execute(sa.text("UPDATE messages SET moderated_at = created_at "
                       "WHERE author = 'school' AND moderated_at IS NULL"))


def downgrade() -> None:
    pass  # the stamp is true for every school reply; nothing to undo
