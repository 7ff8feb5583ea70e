"""Display names of the data model's enumerations, in the user's language, in one place.

Built on each call (not cached at import) so a language switch takes effect
at once. Every string is a literal inside `QCoreApplication.translate` so that
lupdate finds it.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from talkdesk.domain.coverage import CoverageState
from talkdesk.domain.values import (
    AppointmentStatus,
    CadenceKind,
    CareLevel,
    FeedbackHow,
    FollowUpSource,
    FollowUpStatus,
    Gender,
    Response,
    Role,
    TalkKind,
    TalkState,
    Topic,
    TriggerKind,
)


def label(value: StrEnum) -> str:
    """The display name of any enumeration value of talkdesk.domain.values."""
    names = _names_for(type(value))
    return names.get(value, str(value))


def topics_text(topics: Iterable[Topic]) -> str:
    """Topics as one short line, in the order given: 工作、思想."""
    return QCoreApplication.translate("labels", ", ").join(label(t) for t in topics)


def cadence_text(kind: CadenceKind, n: int = 1) -> str:
    """A plan's cadence in words, with its N for the 'every N weeks/months' kinds."""
    if kind is CadenceKind.EVERY_N_WEEKS:
        return QCoreApplication.translate("labels", "Every {n} weeks").format(n=n)
    if kind is CadenceKind.EVERY_N_MONTHS:
        return QCoreApplication.translate("labels", "Every {n} months").format(n=n)
    return label(kind)


def yes_no(value: bool) -> str:
    if value:
        return QCoreApplication.translate("labels", "Yes")
    return QCoreApplication.translate("labels", "No")


def _names_for(kind: type[StrEnum]) -> dict[StrEnum, str]:
    builders = {
        Role: _roles,
        TalkState: _talk_states,
        TalkKind: _talk_kinds,
        Topic: _topics,
        CareLevel: _care_levels,
        FollowUpStatus: _follow_up_statuses,
        FollowUpSource: _follow_up_sources,
        FeedbackHow: _feedback_hows,
        Response: _responses,
        CadenceKind: _cadences,
        TriggerKind: _triggers,
        AppointmentStatus: _appointment_statuses,
        Gender: _genders,
        CoverageState: _coverage_states,
    }
    build = builders.get(kind)
    return build() if build is not None else {}  # type: ignore[return-value]


def _roles() -> dict[Role, str]:
    return {
        Role.LEADER: QCoreApplication.translate("labels", "Leader"),
        Role.SECRETARY: QCoreApplication.translate("labels", "Secretary"),
    }


def _talk_states() -> dict[TalkState, str]:
    return {
        TalkState.DRAFT: QCoreApplication.translate("labels", "Draft"),
        TalkState.FINAL: QCoreApplication.translate("labels", "Finalised"),
    }


def _talk_kinds() -> dict[TalkKind, str]:
    return {
        TalkKind.REGULAR: QCoreApplication.translate("labels", "Regular talk"),
        TalkKind.NEW_POST: QCoreApplication.translate("labels", "New-post talk"),
        TalkKind.TRANSFER: QCoreApplication.translate("labels", "Transfer talk"),
        TalkKind.CARING: QCoreApplication.translate("labels", "Caring talk"),
        TalkKind.REMINDING: QCoreApplication.translate("labels", "Reminding talk"),
        TalkKind.REQUESTED: QCoreApplication.translate("labels", "Requested talk"),
        TalkKind.OTHER: QCoreApplication.translate("labels", "Other talk"),
    }


def _topics() -> dict[Topic, str]:
    return {
        Topic.WORK: QCoreApplication.translate("labels", "Work"),
        Topic.BUSINESS: QCoreApplication.translate("labels", "Professional skills"),
        Topic.IDEOLOGY: QCoreApplication.translate("labels", "Thinking"),
        Topic.LIFE: QCoreApplication.translate("labels", "Life"),
        Topic.CAREER: QCoreApplication.translate("labels", "Career"),
        Topic.CONCERNS: QCoreApplication.translate("labels", "Concerns and requests"),
        Topic.HEALTH: QCoreApplication.translate("labels", "Health"),
    }


def _care_levels() -> dict[CareLevel, str]:
    return {
        CareLevel.NONE: QCoreApplication.translate("labels", "No special care"),
        CareLevel.WATCH: QCoreApplication.translate("labels", "Keep an eye on"),
        CareLevel.CARE: QCoreApplication.translate("labels", "Needs care"),
    }


def _follow_up_statuses() -> dict[FollowUpStatus, str]:
    return {
        FollowUpStatus.OPEN: QCoreApplication.translate("labels", "Open"),
        FollowUpStatus.IN_PROGRESS: QCoreApplication.translate("labels", "In progress"),
        FollowUpStatus.RESOLVED: QCoreApplication.translate("labels", "Resolved"),
        FollowUpStatus.UNRESOLVABLE: QCoreApplication.translate("labels", "Cannot be resolved"),
    }


def _follow_up_sources() -> dict[FollowUpSource, str]:
    return {
        FollowUpSource.TALK: QCoreApplication.translate("labels", "Talk"),
        FollowUpSource.SUGGESTION_BOX: QCoreApplication.translate("labels", "Suggestion box"),
        FollowUpSource.SURVEY: QCoreApplication.translate("labels", "Survey"),
        FollowUpSource.OTHER: QCoreApplication.translate("labels", "Other source"),
    }


def _feedback_hows() -> dict[FeedbackHow, str]:
    return {
        FeedbackHow.IN_PERSON: QCoreApplication.translate("labels", "In person"),
        FeedbackHow.PHONE: QCoreApplication.translate("labels", "By phone"),
        FeedbackHow.WRITING: QCoreApplication.translate("labels", "In writing"),
    }


def _responses() -> dict[Response, str]:
    return {
        Response.SATISFIED: QCoreApplication.translate("labels", "Satisfied"),
        Response.PARTLY: QCoreApplication.translate("labels", "Partly satisfied"),
        Response.NOT_SATISFIED: QCoreApplication.translate("labels", "Not satisfied"),
    }


def _cadences() -> dict[CadenceKind, str]:
    return {
        CadenceKind.MONTHLY: QCoreApplication.translate("labels", "Monthly"),
        CadenceKind.QUARTERLY: QCoreApplication.translate("labels", "Quarterly"),
        CadenceKind.HALF_YEARLY: QCoreApplication.translate("labels", "Every half year"),
        CadenceKind.YEARLY: QCoreApplication.translate("labels", "Yearly"),
        CadenceKind.EVERY_N_WEEKS: QCoreApplication.translate("labels", "Every few weeks"),
        CadenceKind.EVERY_N_MONTHS: QCoreApplication.translate("labels", "Every few months"),
    }


def _triggers() -> dict[TriggerKind, str]:
    return {
        TriggerKind.NEW_POST: QCoreApplication.translate("labels", "New post"),
        TriggerKind.TRANSFER: QCoreApplication.translate("labels", "Transfer"),
        TriggerKind.HARDSHIP: QCoreApplication.translate("labels", "Hardship"),
        TriggerKind.AWARD_OR_DISCIPLINE: QCoreApplication.translate(
            "labels", "Award or discipline"
        ),
        TriggerKind.EVALUATION: QCoreApplication.translate("labels", "Evaluation"),
        TriggerKind.REQUESTED: QCoreApplication.translate("labels", "Asked for a talk"),
    }


def _appointment_statuses() -> dict[AppointmentStatus, str]:
    return {
        AppointmentStatus.PLANNED: QCoreApplication.translate("labels", "Planned"),
        AppointmentStatus.DONE: QCoreApplication.translate("labels", "Done"),
        AppointmentStatus.CANCELLED: QCoreApplication.translate("labels", "Cancelled"),
    }


def _genders() -> dict[Gender, str]:
    return {
        Gender.UNKNOWN: QCoreApplication.translate("labels", "Not given"),
        Gender.MALE: QCoreApplication.translate("labels", "Male"),
        Gender.FEMALE: QCoreApplication.translate("labels", "Female"),
    }


def _coverage_states() -> dict[CoverageState, str]:
    return {
        CoverageState.DONE: QCoreApplication.translate("labels", "Done"),
        CoverageState.SCHEDULED: QCoreApplication.translate("labels", "Scheduled"),
        CoverageState.PENDING: QCoreApplication.translate("labels", "Not yet due"),
        CoverageState.DUE: QCoreApplication.translate("labels", "Due"),
        CoverageState.OVERDUE: QCoreApplication.translate("labels", "Overdue"),
        CoverageState.MISSED: QCoreApplication.translate("labels", "Missed"),
    }
