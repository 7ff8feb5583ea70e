"""indexes for coverage and for follow-ups awaiting feedback

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 04:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("talk", schema=None) as batch_op:
        batch_op.create_index(
            "ix_talk_person_talker_held", ["person_id", "talker_id", "held_at"], unique=False
        )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(
            "ix_follow_up_feedback_owed",
            ["status", "person_id", "ticket_code"],
            unique=False,
            sqlite_where=sa.text("feedback_on IS NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_feedback_owed")
    with op.batch_alter_table("talk", schema=None) as batch_op:
        batch_op.drop_index("ix_talk_person_talker_held")
