"""Enumerations of the data model, stored by their string values."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    LEADER = "leader"
    SECRETARY = "secretary"


class TalkState(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


class TalkKind(StrEnum):
    REGULAR = "regular"
    NEW_POST = "new_post"
    TRANSFER = "transfer"
    CARING = "caring"
    REMINDING = "reminding"
    REQUESTED = "requested"
    OTHER = "other"


class Topic(StrEnum):
    WORK = "work"
    BUSINESS = "business"
    IDEOLOGY = "ideology"
    LIFE = "life"
    CAREER = "career"
    CONCERNS = "concerns"
    HEALTH = "health"


class CareLevel(StrEnum):
    NONE = "none"
    WATCH = "watch"
    CARE = "care"


class FollowUpStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    UNRESOLVABLE = "unresolvable"

    @property
    def is_closed(self) -> bool:
        return self in (FollowUpStatus.RESOLVED, FollowUpStatus.UNRESOLVABLE)


class FollowUpSource(StrEnum):
    TALK = "talk"
    SUGGESTION_BOX = "suggestion_box"
    SURVEY = "survey"
    OTHER = "other"


class FeedbackHow(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    WRITING = "writing"


class Response(StrEnum):
    SATISFIED = "satisfied"
    PARTLY = "partly"
    NOT_SATISFIED = "not_satisfied"


class CadenceKind(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"
    EVERY_N_WEEKS = "every_n_weeks"
    EVERY_N_MONTHS = "every_n_months"


class TriggerKind(StrEnum):
    NEW_POST = "new_post"
    TRANSFER = "transfer"
    HARDSHIP = "hardship"
    AWARD_OR_DISCIPLINE = "award_or_discipline"
    EVALUATION = "evaluation"
    REQUESTED = "requested"


class AppointmentStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class Gender(StrEnum):
    UNKNOWN = ""
    MALE = "male"
    FEMALE = "female"


class AuditAction(StrEnum):
    CREATED_WORKSPACE = "created_workspace"
    OPENED = "opened"
    CREATED = "created"
    CHANGED = "changed"
    FINALISED = "finalised"
    AMENDED = "amended"
    EXPORTED = "exported"
    IMPORTED = "imported"
    IMPORT_UNDONE = "import_undone"
    PASSWORD_CHANGED = "password_changed"
    RECOVERED = "recovered"
    BACKED_UP = "backed_up"
