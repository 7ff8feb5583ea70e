"""The ledger workbook's words: its columns, the names of the model's values, its texts.

English sources marked with `QT_TRANSLATE_NOOP` (lupdate reads the literals);
the writer translates them with the caller's `translate`. The names of kinds,
topics and states use the screens' "labels" context, so they read the same as
on the screens.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from talkdesk.domain.values import (
    CareLevel,
    FeedbackHow,
    FollowUpSource,
    FollowUpStatus,
    Response,
    TalkKind,
    TalkState,
    Topic,
)

CONTEXT = "LedgerWorkbook"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark `source` for translation in `context` (lupdate); translated when written."""
    return source


@dataclass(frozen=True)
class Column:
    header: str  # English source in CONTEXT
    width: float
    wrap: bool = False


TALK_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Record no."), 8),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Date"), 11),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Person"), 10),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Department"), 14),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Position"), 12),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Talker"), 10),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Kind of talk"), 12),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Topics"), 16, wrap=True),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Place"), 12, wrap=True),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Others present"), 12, wrap=True),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Recorder"), 9),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "What was said"), 50, wrap=True),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Problems raised"), 30, wrap=True),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Opinions and suggestions"), 30, wrap=True),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Corrections"), 24, wrap=True),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Number of follow-ups"), 9),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "State"), 8),
)
CARE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Care"), 10),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Reason for care"), 30, wrap=True),
)
FOLLOW_UP_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Item no."), 8),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Follow-up item"), 30, wrap=True),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Details"), 36, wrap=True),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Source"), 10),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Person"), 10),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Department"), 14),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Record no."), 8),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Talk date"), 11),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Talker"), 10),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Handled by"), 12),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Recorded on"), 11),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Due"), 11),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Status"), 10),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Overdue"), 7),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Closed on"), 11),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Outcome"), 30, wrap=True),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Feedback on"), 11),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Feedback how"), 10),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Feedback given"), 30, wrap=True),
    Column(QT_TRANSLATE_NOOP("LedgerWorkbook", "Person's response"), 10),
)

# The names of the model's values, in the screens' "labels" context (ui/labels.py).
LABELS: dict[StrEnum, str] = {
    TalkKind.REGULAR: QT_TRANSLATE_NOOP("labels", "Regular talk"),
    TalkKind.NEW_POST: QT_TRANSLATE_NOOP("labels", "New-post talk"),
    TalkKind.TRANSFER: QT_TRANSLATE_NOOP("labels", "Transfer talk"),
    TalkKind.CARING: QT_TRANSLATE_NOOP("labels", "Caring talk"),
    TalkKind.REMINDING: QT_TRANSLATE_NOOP("labels", "Reminding talk"),
    TalkKind.REQUESTED: QT_TRANSLATE_NOOP("labels", "Requested talk"),
    TalkKind.OTHER: QT_TRANSLATE_NOOP("labels", "Other talk"),
    Topic.WORK: QT_TRANSLATE_NOOP("labels", "Work"),
    Topic.BUSINESS: QT_TRANSLATE_NOOP("labels", "Professional skills"),
    Topic.IDEOLOGY: QT_TRANSLATE_NOOP("labels", "Thinking"),
    Topic.LIFE: QT_TRANSLATE_NOOP("labels", "Life"),
    Topic.CAREER: QT_TRANSLATE_NOOP("labels", "Career"),
    Topic.CONCERNS: QT_TRANSLATE_NOOP("labels", "Concerns and requests"),
    Topic.HEALTH: QT_TRANSLATE_NOOP("labels", "Health"),
    TalkState.DRAFT: QT_TRANSLATE_NOOP("labels", "Draft"),
    TalkState.FINAL: QT_TRANSLATE_NOOP("labels", "Finalised"),
    CareLevel.NONE: QT_TRANSLATE_NOOP("labels", "No special care"),
    CareLevel.WATCH: QT_TRANSLATE_NOOP("labels", "Keep an eye on"),
    CareLevel.CARE: QT_TRANSLATE_NOOP("labels", "Needs care"),
    FollowUpStatus.OPEN: QT_TRANSLATE_NOOP("labels", "Open"),
    FollowUpStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("labels", "In progress"),
    FollowUpStatus.RESOLVED: QT_TRANSLATE_NOOP("labels", "Resolved"),
    FollowUpStatus.UNRESOLVABLE: QT_TRANSLATE_NOOP("labels", "Cannot be resolved"),
    FollowUpSource.TALK: QT_TRANSLATE_NOOP("labels", "Talk"),
    FollowUpSource.SUGGESTION_BOX: QT_TRANSLATE_NOOP("labels", "Suggestion box"),
    FollowUpSource.SURVEY: QT_TRANSLATE_NOOP("labels", "Survey"),
    FollowUpSource.OTHER: QT_TRANSLATE_NOOP("labels", "Other source"),
    FeedbackHow.IN_PERSON: QT_TRANSLATE_NOOP("labels", "In person"),
    FeedbackHow.PHONE: QT_TRANSLATE_NOOP("labels", "By phone"),
    FeedbackHow.WRITING: QT_TRANSLATE_NOOP("labels", "In writing"),
    Response.SATISFIED: QT_TRANSLATE_NOOP("labels", "Satisfied"),
    Response.PARTLY: QT_TRANSLATE_NOOP("labels", "Partly satisfied"),
    Response.NOT_SATISFIED: QT_TRANSLATE_NOOP("labels", "Not satisfied"),
}

# Texts of the workbook (lupdate reads these literals; `_LedgerWriter._t` translates them).
SHEET_TALKS = QT_TRANSLATE_NOOP("LedgerWorkbook", "Talks")
SHEET_FOLLOW_UPS = QT_TRANSLATE_NOOP("LedgerWorkbook", "Follow-ups")
SHEET_SUMMARY = QT_TRANSLATE_NOOP("LedgerWorkbook", "Summary")
TITLE = QT_TRANSLATE_NOOP("LedgerWorkbook", "{unit} {what}, {start} to {end}")
WHAT_TALKS = QT_TRANSLATE_NOOP("LedgerWorkbook", "ledger of talks")
WHAT_FOLLOW_UPS = QT_TRANSLATE_NOOP("LedgerWorkbook", "ledger of follow-ups")
WHAT_SUMMARY = QT_TRANSLATE_NOOP("LedgerWorkbook", "summary of the ledger")
FOOTER = QT_TRANSLATE_NOOP("LedgerWorkbook", "Page &P of &N")
YES = QT_TRANSLATE_NOOP("LedgerWorkbook", "Yes")
ALL = QT_TRANSLATE_NOOP("LedgerWorkbook", "All")
NO_DEPARTMENT = QT_TRANSLATE_NOOP("LedgerWorkbook", "(no department)")
PERIOD = QT_TRANSLATE_NOOP("LedgerWorkbook", "Period")
DEPARTMENT = QT_TRANSLATE_NOOP("LedgerWorkbook", "Department")
TALKER = QT_TRANSLATE_NOOP("LedgerWorkbook", "Talker")
KIND = QT_TRANSLATE_NOOP("LedgerWorkbook", "Kind of talk")
TOPIC = QT_TRANSLATE_NOOP("LedgerWorkbook", "Topic")
STATE = QT_TRANSLATE_NOOP("LedgerWorkbook", "State")
STATUS = QT_TRANSLATE_NOOP("LedgerWorkbook", "Follow-up status")
EXPORTED_ON = QT_TRANSLATE_NOOP("LedgerWorkbook", "Exported on")
TALKS = QT_TRANSLATE_NOOP("LedgerWorkbook", "Number of talks")
CARE = QT_TRANSLATE_NOOP("LedgerWorkbook", "Care")
FOLLOW_UPS = QT_TRANSLATE_NOOP("LedgerWorkbook", "Number of follow-ups")
ITEM_STATUS = QT_TRANSLATE_NOOP("LedgerWorkbook", "Status")
IN_THE_LEDGER = QT_TRANSLATE_NOOP("LedgerWorkbook", "In this ledger")
INDICATORS = QT_TRANSLATE_NOOP("LedgerWorkbook", "Indicators of the period")
INDICATORS_NOTE = QT_TRANSLATE_NOOP(
    "LedgerWorkbook",
    "As on the Statistics page: the department and talker filters apply, the others do not.",
)
TALKS_HELD = QT_TRANSLATE_NOOP("LedgerWorkbook", "Talks held")
PEOPLE_TALKED = QT_TRANSLATE_NOOP("LedgerWorkbook", "People talked with")
COVERED = QT_TRANSLATE_NOOP("LedgerWorkbook", "People due a talk under the plans")
COVERED_TALKED = QT_TRANSLATE_NOOP("LedgerWorkbook", "Of them, talked with")
COVERAGE = QT_TRANSLATE_NOOP("LedgerWorkbook", "Coverage")
OPENED = QT_TRANSLATE_NOOP("LedgerWorkbook", "Follow-ups opened")
RESOLVED = QT_TRANSLATE_NOOP("LedgerWorkbook", "Follow-ups resolved")
ON_TIME = QT_TRANSLATE_NOOP("LedgerWorkbook", "Resolved on time")
ON_TIME_RATE = QT_TRANSLATE_NOOP("LedgerWorkbook", "Resolved on time (share of resolved)")
UNRESOLVABLE = QT_TRANSLATE_NOOP("LedgerWorkbook", "Follow-ups that cannot be resolved")
OVERDUE_ON = QT_TRANSLATE_NOOP("LedgerWorkbook", "Follow-ups overdue on {day}")
MEDIAN = QT_TRANSLATE_NOOP("LedgerWorkbook", "Median days to resolve")
OWED = QT_TRANSLATE_NOOP("LedgerWorkbook", "Closed follow-ups with someone to tell")
GIVEN = QT_TRANSLATE_NOOP("LedgerWorkbook", "Of them, feedback given")
GIVEN_RATE = QT_TRANSLATE_NOOP("LedgerWorkbook", "Feedback given (share)")
RESPONSE = QT_TRANSLATE_NOOP("LedgerWorkbook", "The person's response: {response}")
CARED = QT_TRANSLATE_NOOP("LedgerWorkbook", "People flagged for care")
CARED_AGAIN = QT_TRANSLATE_NOOP("LedgerWorkbook", "Of them, talked with again")
