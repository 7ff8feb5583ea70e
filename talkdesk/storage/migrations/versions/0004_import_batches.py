"""import batches: what a roster import created, so the last import can be undone

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("departments", sa.Integer(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch")),
        sa.UniqueConstraint("uuid", name=op.f("uq_import_batch_uuid")),
    )
    # person.import_batch exists since 0001; a department gets one too (a plain ADD COLUMN,
    # so the table is not rebuilt).
    op.add_column("department", sa.Column("import_batch", sa.String(length=36), nullable=True))
    op.create_index("ix_department_import_batch", "department", ["import_batch"], unique=False)
    op.create_index("ix_person_import_batch", "person", ["import_batch"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_person_import_batch", table_name="person")
    op.drop_index("ix_department_import_batch", table_name="department")
    op.execute("ALTER TABLE department DROP COLUMN import_batch")  # SQLite 3.35+, no rebuild
    op.drop_table("import_batch")
