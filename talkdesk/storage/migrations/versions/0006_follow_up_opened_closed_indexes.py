"""indexes on when a follow-up was opened and closed, for a period's statistics

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 17:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A period's figures read the items opened, closed or overdue in it: each part of that
    # condition is an index range, so a year reads ~9,000 of 79,000 items, not all of them.
    op.create_index("ix_follow_up_created", "follow_up", ["created_at"], unique=False)
    op.create_index("ix_follow_up_closed", "follow_up", ["closed_on"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_follow_up_closed", table_name="follow_up")
    op.drop_index("ix_follow_up_created", table_name="follow_up")
