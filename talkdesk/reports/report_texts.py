"""The evaluation report's words: English sources marked for lupdate, translated when written.

`QT_TRANSLATE_NOOP` only marks a literal (lupdate reads it); the writer passes
each through the caller's `translate`, so a Chinese user gets a Chinese report.
The names of the model's values use the screens' "labels" context.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from talkdesk.domain.values import CadenceKind, CareLevel, FollowUpStatus
from talkdesk.services.statistics_figures import PeriodKind, ReportPeriod

Translate = Callable[[str, str], str]
CONTEXT = "EvaluationReport"

CONFIDENTIAL = "内部资料 注意保密"
"""The mark of a report with care details: the same words in every language."""


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark `source` for translation in `context` (lupdate); translated when written."""
    return source


# -- the document ------------------------------------------------------------------------

DOCUMENT_TITLE = QT_TRANSLATE_NOOP("EvaluationReport", "Evaluation report on one-to-one talks")
TITLE = QT_TRANSLATE_NOOP(
    "EvaluationReport", "{unit} evaluation report on one-to-one talks, {period}"
)
TITLE_NO_UNIT = QT_TRANSLATE_NOOP(
    "EvaluationReport", "Evaluation report on one-to-one talks, {period}"
)
FILE_STEM = QT_TRANSLATE_NOOP("EvaluationReport", "Evaluation report on one-to-one talks")
PERIOD_LINE = QT_TRANSLATE_NOOP(
    "EvaluationReport", "Period: {start} to {end}    Compared with: {previous}"
)
SCOPE_ALL = QT_TRANSLATE_NOOP("EvaluationReport", "Scope: the whole unit")
SCOPE_DEPARTMENT = QT_TRANSLATE_NOOP(
    "EvaluationReport", "Scope: {department} and the departments under it"
)
AS_OF_LINE = QT_TRANSLATE_NOOP("EvaluationReport", "Figures as of {as_of}    Written on {made_on}")
FOOTER = QT_TRANSLATE_NOOP("EvaluationReport", "Page {page} of {pages}")

ORDINALS = (
    QT_TRANSLATE_NOOP("EvaluationReport", "1. "),
    QT_TRANSLATE_NOOP("EvaluationReport", "2. "),
    QT_TRANSLATE_NOOP("EvaluationReport", "3. "),
    QT_TRANSLATE_NOOP("EvaluationReport", "4. "),
    QT_TRANSLATE_NOOP("EvaluationReport", "5. "),
    QT_TRANSLATE_NOOP("EvaluationReport", "6. "),
    QT_TRANSLATE_NOOP("EvaluationReport", "7. "),
)
SUB_ORDINALS = (
    QT_TRANSLATE_NOOP("EvaluationReport", "(1) "),
    QT_TRANSLATE_NOOP("EvaluationReport", "(2) "),
    QT_TRANSLATE_NOOP("EvaluationReport", "(3) "),
)

OVERVIEW = QT_TRANSLATE_NOOP("EvaluationReport", "Overview")
INDICATORS = QT_TRANSLATE_NOOP("EvaluationReport", "Main indicators")
CHARTS = QT_TRANSLATE_NOOP("EvaluationReport", "Charts")
MISSED = QT_TRANSLATE_NOOP("EvaluationReport", "People due a talk who had none")
FOLLOW_UPS = QT_TRANSLATE_NOOP("EvaluationReport", "Follow-ups overdue or still owed feedback")
OVERDUE = QT_TRANSLATE_NOOP("EvaluationReport", "Overdue on {date} ({count})")
OWED = QT_TRANSLATE_NOOP(
    "EvaluationReport", "Closed in the period, feedback not yet given ({count})"
)
CARE = QT_TRANSLATE_NOOP("EvaluationReport", "People flagged for care")

NO_CHARTS = QT_TRANSLATE_NOOP("EvaluationReport", "The charts were not included in this report.")
FIGURE = QT_TRANSLATE_NOOP("EvaluationReport", "Figure {n}: {title}")
NOBODY_MISSED = QT_TRANSLATE_NOOP(
    "EvaluationReport", "Everyone due a talk under the plans was talked with in the period."
)
NO_PLANS = QT_TRANSLATE_NOOP("EvaluationReport", "No talk plan covered anyone in the period.")
NONE_LISTED = QT_TRANSLATE_NOOP("EvaluationReport", "None.")
FIRST_ONLY = QT_TRANSLATE_NOOP("EvaluationReport", "Only the first {shown} of {total} are listed.")
NOBODY_FLAGGED = QT_TRANSLATE_NOOP("EvaluationReport", "Nobody was flagged for care in the period.")

# -- table headings ------------------------------------------------------------------------

INDICATOR = QT_TRANSLATE_NOOP("EvaluationReport", "Indicator")
THIS_PERIOD = QT_TRANSLATE_NOOP("EvaluationReport", "This period ({period})")
PREVIOUS_PERIOD = QT_TRANSLATE_NOOP("EvaluationReport", "Previous period ({period})")
CHANGE = QT_TRANSLATE_NOOP("EvaluationReport", "Change")
NUMBER = QT_TRANSLATE_NOOP("EvaluationReport", "No.")
PERSON = QT_TRANSLATE_NOOP("EvaluationReport", "Person")
DEPARTMENT = QT_TRANSLATE_NOOP("EvaluationReport", "Department")
PLAN = QT_TRANSLATE_NOOP("EvaluationReport", "Talk plan (cadence)")
PERIOD = QT_TRANSLATE_NOOP("EvaluationReport", "Period without a talk")
ITEM = QT_TRANSLATE_NOOP("EvaluationReport", "Follow-up item")
HANDLER = QT_TRANSLATE_NOOP("EvaluationReport", "Handled by")
DUE = QT_TRANSLATE_NOOP("EvaluationReport", "Due")
DAYS_OVERDUE = QT_TRANSLATE_NOOP("EvaluationReport", "Days overdue")
STATUS_NOW = QT_TRANSLATE_NOOP("EvaluationReport", "Status now")
CARE_LEVEL = QT_TRANSLATE_NOOP("EvaluationReport", "Care")
FLAGGED_ON = QT_TRANSLATE_NOOP("EvaluationReport", "Flagged on")
REASON = QT_TRANSLATE_NOOP("EvaluationReport", "Reason")
TALKED_AGAIN_ON = QT_TRANSLATE_NOOP("EvaluationReport", "Talked with again on")
NOT_YET = QT_TRANSLATE_NOOP("EvaluationReport", "Not yet")
ANONYMOUS = QT_TRANSLATE_NOOP("EvaluationReport", "Anonymous")
PLAN_CADENCE = QT_TRANSLATE_NOOP("EvaluationReport", "{plan} ({cadence})")
NO_PLAN = QT_TRANSLATE_NOOP("EvaluationReport", "(plan no longer active)")
DASH = "—"

# -- the indicators ------------------------------------------------------------------------

COVERAGE = QT_TRANSLATE_NOOP("EvaluationReport", "Coverage (people due a talk who had one)")
TALKS = QT_TRANSLATE_NOOP("EvaluationReport", "Talks held")
PEOPLE_TALKED = QT_TRANSLATE_NOOP("EvaluationReport", "People talked with")
OPENED = QT_TRANSLATE_NOOP("EvaluationReport", "Follow-ups opened")
RESOLVED = QT_TRANSLATE_NOOP("EvaluationReport", "Follow-ups resolved")
UNRESOLVABLE = QT_TRANSLATE_NOOP("EvaluationReport", "Follow-ups that cannot be resolved")
OVERDUE_ITEMS = QT_TRANSLATE_NOOP("EvaluationReport", "Follow-ups overdue (at the period's end)")
ON_TIME = QT_TRANSLATE_NOOP("EvaluationReport", "Resolved on time")
MEDIAN = QT_TRANSLATE_NOOP("EvaluationReport", "Median days to resolve")
FEEDBACK = QT_TRANSLATE_NOOP("EvaluationReport", "Feedback given")
SATISFIED = QT_TRANSLATE_NOOP("EvaluationReport", "Responses: satisfied")
PARTLY = QT_TRANSLATE_NOOP("EvaluationReport", "Responses: partly satisfied")
NOT_SATISFIED = QT_TRANSLATE_NOOP("EvaluationReport", "Responses: not satisfied")
CARED_AGAIN = QT_TRANSLATE_NOOP("EvaluationReport", "People flagged for care talked with again")

SHARE = QT_TRANSLATE_NOOP("EvaluationReport", "{percent} ({part} of {whole})")
DAYS = QT_TRANSLATE_NOOP("EvaluationReport", "{n} days")
UP_POINTS = QT_TRANSLATE_NOOP("EvaluationReport", "up {n} points")
DOWN_POINTS = QT_TRANSLATE_NOOP("EvaluationReport", "down {n} points")
UP = QT_TRANSLATE_NOOP("EvaluationReport", "up {n}")
DOWN = QT_TRANSLATE_NOOP("EvaluationReport", "down {n}")
LONGER = QT_TRANSLATE_NOOP("EvaluationReport", "{n} days longer")
SHORTER = QT_TRANSLATE_NOOP("EvaluationReport", "{n} days shorter")
SAME = QT_TRANSLATE_NOOP("EvaluationReport", "no change")

# -- the summary ----------------------------------------------------------------------------

SUMMARY_TALKS = QT_TRANSLATE_NOOP(
    "EvaluationReport", "In {period}, {talks} talk(s) were held with {people} people."
)
SUMMARY_NO_TALKS = QT_TRANSLATE_NOOP("EvaluationReport", "No talk was recorded in {period}.")
SUMMARY_TALKS_CHANGE = QT_TRANSLATE_NOOP(
    "EvaluationReport",
    "In {period}, {talks} talk(s) were held with {people} people ({change} on the previous "
    "period).",
)
ROSE = QT_TRANSLATE_NOOP("EvaluationReport", "{indicator} rose from {before} to {now}")
FELL = QT_TRANSLATE_NOOP("EvaluationReport", "{indicator} fell from {before} to {now}")
STAYED = QT_TRANSLATE_NOOP("EvaluationReport", "{indicator} stayed at {now}")
NO_PREVIOUS = QT_TRANSLATE_NOOP(
    "EvaluationReport", "{indicator} was {now} (no figure for the previous period)"
)
NO_FIGURE = QT_TRANSLATE_NOOP(
    "EvaluationReport", "{indicator} has no figure for this period (it was {before})"
)
NEXT_SENTENCE = QT_TRANSLATE_NOOP("EvaluationReport", "{before} {sentence}")
SEPARATOR = QT_TRANSLATE_NOOP("EvaluationReport", "; ")
FULL_STOP = QT_TRANSLATE_NOOP("EvaluationReport", ".")
COVERAGE_NAME = QT_TRANSLATE_NOOP("EvaluationReport", "coverage")
ON_TIME_NAME = QT_TRANSLATE_NOOP("EvaluationReport", "the share resolved on time")
MEDIAN_NAME = QT_TRANSLATE_NOOP("EvaluationReport", "the median time to resolve")
FEEDBACK_NAME = QT_TRANSLATE_NOOP("EvaluationReport", "the share given feedback")
SUMMARY_FOLLOW_UPS = QT_TRANSLATE_NOOP(
    "EvaluationReport",
    "{opened} follow-up(s) were opened and {resolved} resolved; on {date}, {overdue} were overdue.",
)
SUMMARY_RESPONSES = QT_TRANSLATE_NOOP(
    "EvaluationReport",
    "Of the {given} follow-up(s) whose outcome was told, {satisfied} left the person satisfied, "
    "{partly} partly satisfied and {not_satisfied} not satisfied.",
)
SUMMARY_MISSED = QT_TRANSLATE_NOOP(
    "EvaluationReport",
    "{missed} of the {covered} people due a talk under the plans had none in the period "
    "(listed below).",
)
SUMMARY_NONE_MISSED = QT_TRANSLATE_NOOP(
    "EvaluationReport", "All {covered} people due a talk under the plans were talked with."
)
SUMMARY_CARE = QT_TRANSLATE_NOOP(
    "EvaluationReport",
    "Of the {people} people flagged for care, {again} were talked with again.",
)

# -- the reviewer's box ------------------------------------------------------------------------

REVIEW_LABEL = QT_TRANSLATE_NOOP("EvaluationReport", "Reviewer's comments:")
REVIEWER = QT_TRANSLATE_NOOP("EvaluationReport", "Reviewer (signature): ______________")
REVIEW_DATE = QT_TRANSLATE_NOOP("EvaluationReport", "Date: ____________")

# -- periods and dates ------------------------------------------------------------------------

_QUARTERS = (
    QT_TRANSLATE_NOOP("EvaluationReport", "Q1 {year}"),
    QT_TRANSLATE_NOOP("EvaluationReport", "Q2 {year}"),
    QT_TRANSLATE_NOOP("EvaluationReport", "Q3 {year}"),
    QT_TRANSLATE_NOOP("EvaluationReport", "Q4 {year}"),
)
_HALVES = (
    QT_TRANSLATE_NOOP("EvaluationReport", "first half of {year}"),
    QT_TRANSLATE_NOOP("EvaluationReport", "second half of {year}"),
)
_YEAR = QT_TRANSLATE_NOOP("EvaluationReport", "the year {year}")
_MONTH = QT_TRANSLATE_NOOP("EvaluationReport", "{year}-{month:02}")
_RANGE = QT_TRANSLATE_NOOP("EvaluationReport", "{start} to {end}")
_DATE = QT_TRANSLATE_NOOP("EvaluationReport", "{year}-{month:02}-{day:02}")

CADENCES: dict[CadenceKind, str] = {
    CadenceKind.MONTHLY: QT_TRANSLATE_NOOP("labels", "Monthly"),
    CadenceKind.QUARTERLY: QT_TRANSLATE_NOOP("labels", "Quarterly"),
    CadenceKind.HALF_YEARLY: QT_TRANSLATE_NOOP("labels", "Every half year"),
    CadenceKind.YEARLY: QT_TRANSLATE_NOOP("labels", "Yearly"),
    CadenceKind.EVERY_N_WEEKS: QT_TRANSLATE_NOOP("labels", "Every {n} weeks"),
    CadenceKind.EVERY_N_MONTHS: QT_TRANSLATE_NOOP("labels", "Every {n} months"),
}
STATUSES: dict[FollowUpStatus, str] = {
    FollowUpStatus.OPEN: QT_TRANSLATE_NOOP("labels", "Open"),
    FollowUpStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("labels", "In progress"),
    FollowUpStatus.RESOLVED: QT_TRANSLATE_NOOP("labels", "Resolved"),
    FollowUpStatus.UNRESOLVABLE: QT_TRANSLATE_NOOP("labels", "Cannot be resolved"),
}
CARE_LEVELS: dict[CareLevel, str] = {
    CareLevel.NONE: QT_TRANSLATE_NOOP("labels", "No special care"),
    CareLevel.WATCH: QT_TRANSLATE_NOOP("labels", "Keep an eye on"),
    CareLevel.CARE: QT_TRANSLATE_NOOP("labels", "Needs care"),
}


def period_words(period: ReportPeriod, translate: Translate) -> str:
    """The period as people say it: 2026年第三季度, 2026年下半年 (Q3 2026, second half of 2026)."""
    year = period.start.year
    if period.kind is PeriodKind.QUARTER:
        source = _QUARTERS[(period.start.month - 1) // 3]
    elif period.kind is PeriodKind.HALF_YEAR:
        source = _HALVES[(period.start.month - 1) // 6]
    elif period.kind is PeriodKind.YEAR:
        source = _YEAR
    elif period.kind is PeriodKind.MONTH:
        return translate(CONTEXT, _MONTH).format(year=year, month=period.start.month)
    else:
        return translate(CONTEXT, _RANGE).format(
            start=date_words(period.start, translate), end=date_words(period.last_day, translate)
        )
    return translate(CONTEXT, source).format(year=year)


def date_words(day: date, translate: Translate) -> str:
    """2026年9月30日 in Chinese, 2026-09-30 in English."""
    return translate(CONTEXT, _DATE).format(year=day.year, month=day.month, day=day.day)


def cadence_words(kind: CadenceKind, n: int, translate: Translate) -> str:
    return translate("labels", CADENCES[kind]).format(n=n)
