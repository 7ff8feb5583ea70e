"""The schema as SQLAlchemy Core tables: what Alembic migrates and services query.

Long note text lives in `talk_note`, apart from `talk`, so that lists read
short rows and never decrypt the pages that hold the notes.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _ids() -> list[Column[object]]:
    """Integer key for joins, UUID for merging bundles across workspaces, times for audit."""
    return [
        Column("id", Integer, primary_key=True),
        Column("uuid", String(36), nullable=False, unique=True),
        Column("created_at", DateTime, nullable=False),
        Column("updated_at", DateTime, nullable=False),
    ]


workspace_info = Table(
    "workspace_info",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

department = Table(
    "department",
    metadata,
    *_ids(),
    Column("name", String(100), nullable=False),
    Column("parent_id", ForeignKey("department.id", ondelete="RESTRICT")),
    Column("position", Integer, nullable=False, default=0),
    Column("import_batch", String(36)),  # the uuid of the import that created it
    UniqueConstraint("parent_id", "name", name="uq_department_parent_name"),
    Index("ix_department_import_batch", "import_batch"),
)

person = Table(
    "person",
    metadata,
    *_ids(),
    Column("name", String(50), nullable=False),
    Column("pinyin", String(200), nullable=False, default=""),
    Column("initials", String(50), nullable=False, default=""),
    Column("gender", String(10), nullable=False, default=""),
    Column("department_id", ForeignKey("department.id", ondelete="RESTRICT")),
    Column("position", String(100), nullable=False, default=""),
    Column("phone", String(50), nullable=False, default=""),
    Column("party_member", Boolean, nullable=False, default=False),
    Column("joined_on", Date),
    Column("is_leader", Boolean, nullable=False, default=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("left_on", Date),
    Column("import_batch", String(36)),  # the uuid of the import that created them
    Index("ix_person_department", "department_id", "active"),
    Index("ix_person_import_batch", "import_batch"),
    Index("ix_person_pinyin", "pinyin"),
    Index("ix_person_initials", "initials"),
)

# A roster import: what it created is marked with its uuid, so the last one can be undone.
import_batch = Table(
    "import_batch",
    metadata,
    *_ids(),
    Column("source", String(10), nullable=False),
    Column("people", Integer, nullable=False, default=0),
    Column("departments", Integer, nullable=False, default=0),
    Column("undone_at", DateTime),
)

talk_plan = Table(
    "talk_plan",
    metadata,
    *_ids(),
    Column("name", String(100), nullable=False),
    Column("talker_id", ForeignKey("person.id", ondelete="RESTRICT"), nullable=False),
    Column("cadence", String(20), nullable=False),
    Column("cadence_n", Integer, nullable=False, default=1),
    Column("soft_days", Integer),
    Column("hard_days", Integer),
    Column("start_on", Date, nullable=False),
    Column("reminder_lead_days", Integer, nullable=False, default=3),
    Column("active", Boolean, nullable=False, default=True),
)

plan_member = Table(
    "plan_member",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", ForeignKey("talk_plan.id", ondelete="CASCADE"), nullable=False),
    Column("person_id", ForeignKey("person.id", ondelete="CASCADE")),
    Column("department_id", ForeignKey("department.id", ondelete="CASCADE")),
    Index("ix_plan_member_plan", "plan_id"),
)

talk_trigger = Table(
    "talk_trigger",
    metadata,
    *_ids(),
    Column("person_id", ForeignKey("person.id", ondelete="RESTRICT"), nullable=False),
    Column("kind", String(30), nullable=False),
    Column("occurred_on", Date, nullable=False),
    Column("due_on", Date, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("talk_id", ForeignKey("talk.id", ondelete="SET NULL")),
    Index("ix_talk_trigger_person", "person_id"),
)

appointment = Table(
    "appointment",
    metadata,
    *_ids(),
    Column("plan_id", ForeignKey("talk_plan.id", ondelete="SET NULL")),
    Column("trigger_id", ForeignKey("talk_trigger.id", ondelete="SET NULL")),
    Column("talker_id", ForeignKey("person.id", ondelete="RESTRICT"), nullable=False),
    Column("person_id", ForeignKey("person.id", ondelete="RESTRICT"), nullable=False),
    Column("starts_at", DateTime, nullable=False),
    Column("place", String(200), nullable=False, default=""),
    Column("status", String(20), nullable=False),
    Column("talk_id", ForeignKey("talk.id", ondelete="SET NULL")),
    Index("ix_appointment_starts", "starts_at"),
    Index("ix_appointment_person", "person_id"),
)

talk = Table(
    "talk",
    metadata,
    *_ids(),
    Column("talker_id", ForeignKey("person.id", ondelete="RESTRICT"), nullable=False),
    Column("person_id", ForeignKey("person.id", ondelete="RESTRICT"), nullable=False),
    Column("recorder", String(50), nullable=False, default=""),
    Column("others_present", String(200), nullable=False, default=""),
    Column("held_at", DateTime, nullable=False),
    Column("place", String(200), nullable=False, default=""),
    Column("kind", String(20), nullable=False),
    Column("topics", String(200), nullable=False, default=""),
    Column("care_level", String(10), nullable=False, default="none"),
    Column("state", String(10), nullable=False),
    Column("finalised_at", DateTime),
    Column("template_id", ForeignKey("template.id", ondelete="SET NULL")),
    Index("ix_talk_person_held", "person_id", "held_at"),
    Index("ix_talk_talker_held", "talker_id", "held_at"),
    Index("ix_talk_held", "held_at"),
    Index("ix_talk_kind_held", "kind", "held_at"),
    # coverage: the last talk of each talker with each person
    Index("ix_talk_person_talker_held", "person_id", "talker_id", "held_at"),
)

talk_note = Table(
    "talk_note",
    metadata,
    Column("talk_id", ForeignKey("talk.id", ondelete="CASCADE"), primary_key=True),
    Column("content", Text, nullable=False, default=""),
    Column("problems", Text, nullable=False, default=""),
    Column("suggestions", Text, nullable=False, default=""),
    Column("care_reason", Text, nullable=False, default=""),
    Column("private_notes", Text, nullable=False, default=""),
)

talk_amendment = Table(
    "talk_amendment",
    metadata,
    *_ids(),
    Column("talk_id", ForeignKey("talk.id", ondelete="CASCADE"), nullable=False),
    Column("reason", Text, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_talk_amendment_talk", "talk_id"),
)

follow_up = Table(
    "follow_up",
    metadata,
    *_ids(),
    Column("source", String(20), nullable=False),
    Column("talk_id", ForeignKey("talk.id", ondelete="SET NULL")),
    Column("person_id", ForeignKey("person.id", ondelete="RESTRICT")),
    Column("ticket_code", String(20)),
    Column("title", String(300), nullable=False),
    Column("detail", Text, nullable=False, default=""),
    Column("handler", String(100), nullable=False, default=""),
    Column("due_on", Date),
    Column("status", String(20), nullable=False),
    Column("resolution", Text, nullable=False, default=""),
    Column("closed_on", Date),
    Column("feedback_on", Date),
    Column("feedback_how", String(20)),
    Column("feedback_text", Text, nullable=False, default=""),
    Column("response", String(20)),
    Index("ix_follow_up_status_due", "status", "due_on"),
    # items closed but the person not yet told, by due date (the list's order)
    Index(
        "ix_follow_up_feedback_owed_due",
        "status",
        "due_on",
        "person_id",
        "ticket_code",
        sqlite_where=text("feedback_on IS NULL"),
    ),
    Index("ix_follow_up_handler_due", "handler", "due_on"),
    Index("ix_follow_up_source_due", "source", "due_on"),
    Index("ix_follow_up_created", "created_at"),
    Index("ix_follow_up_closed", "closed_on"),
    Index("ix_follow_up_person", "person_id"),
    Index("ix_follow_up_talk", "talk_id"),
)

follow_up_event = Table(
    "follow_up_event",
    metadata,
    *_ids(),
    Column("follow_up_id", ForeignKey("follow_up.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("status", String(20)),
    Column("note", Text, nullable=False, default=""),
    Index("ix_follow_up_event_item", "follow_up_id"),
)

template = Table(
    "template",
    metadata,
    *_ids(),
    Column("name", String(100), nullable=False),
    Column("builtin", Boolean, nullable=False, default=False),
    Column("prompts", Text, nullable=False, default="{}"),
)

audit_event = Table(
    "audit_event",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("action", String(30), nullable=False),
    Column("entity", String(30), nullable=False, default=""),
    Column("entity_uuid", String(36)),
    Column("count", Integer),
    Index("ix_audit_event_at", "at"),
)

# What became of each reminder (shown, snoozed, dismissed), so none is shown twice.
# `key` names the reminder by kind and record UUID ("appt:<uuid>:soon"): never a name or a note.
reminder_event = Table(
    "reminder_event",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(120), nullable=False, unique=True),
    Column("kind", String(30), nullable=False),
    Column("due_at", DateTime),
    Column("shown_at", DateTime),
    Column("dismissed_at", DateTime),
    Column("snoozed_until", DateTime),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)
