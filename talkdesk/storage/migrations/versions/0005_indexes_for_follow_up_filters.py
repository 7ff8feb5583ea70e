"""indexes for the Follow-ups page's filters and for search by kind of talk

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The lists are sorted by due date: each filter's index holds it, so the first screen
    # and the count are read from the index alone.
    op.create_index("ix_follow_up_handler_due", "follow_up", ["handler", "due_on"], unique=False)
    op.create_index("ix_follow_up_source_due", "follow_up", ["source", "due_on"], unique=False)
    op.drop_index("ix_follow_up_feedback_owed", table_name="follow_up")
    op.create_index(
        "ix_follow_up_feedback_owed_due",
        "follow_up",
        ["status", "due_on", "person_id", "ticket_code"],
        unique=False,
        sqlite_where=sa.text("feedback_on IS NULL"),
    )
    op.create_index("ix_talk_kind_held", "talk", ["kind", "held_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_talk_kind_held", table_name="talk")
    op.drop_index("ix_follow_up_feedback_owed_due", table_name="follow_up")
    op.create_index(
        "ix_follow_up_feedback_owed",
        "follow_up",
        ["status", "person_id", "ticket_code"],
        unique=False,
        sqlite_where=sa.text("feedback_on IS NULL"),
    )
    op.drop_index("ix_follow_up_source_due", table_name="follow_up")
    op.drop_index("ix_follow_up_handler_due", table_name="follow_up")
