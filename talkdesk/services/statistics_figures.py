"""The figures of the statistics: periods, filters, the indicators and the records behind them.

Plain frozen values, no SQL: `statistics.StatisticsService` computes them, and
the Statistics page, the evaluation report and the ledger's summary show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.periods import add_months
from talkdesk.domain.values import CareLevel, Response, Topic
from talkdesk.services.follow_ups import FollowUpListRow
from talkdesk.services.talks import TalkListRow

MONTHS_SHOWN = 12
"""Talks per month are shown for this many months, the last one holding the period's end."""

RECORDS_LIMIT = 1000
"""At most this many records are listed behind a figure (the total is always counted)."""

# -- periods ---------------------------------------------------------------------------


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"
    CUSTOM = "custom"


_MONTHS = {
    PeriodKind.MONTH: 1,
    PeriodKind.QUARTER: 3,
    PeriodKind.HALF_YEAR: 6,
    PeriodKind.YEAR: 12,
}


@dataclass(frozen=True, order=True)
class ReportPeriod:
    """The days `start <= day < end` that statistics are asked for.

    Calendar kinds follow the calendar (quarters from Jan/Apr/Jul/Oct, halves
    from Jan/Jul); a custom period is any range of whole days.
    """

    start: date
    end: date
    kind: PeriodKind = PeriodKind.CUSTOM

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise TalkdeskError(ErrorCode.INVALID_VALUE, field="period")

    @classmethod
    def of(cls, kind: PeriodKind, day: date) -> ReportPeriod:
        """The calendar period of `kind` holding `day` (a custom kind gives that one day)."""
        if kind is PeriodKind.CUSTOM:
            return cls(day, day + timedelta(days=1))
        length = _MONTHS[kind]
        start = date(day.year, (day.month - 1) // length * length + 1, 1)
        return cls(start, add_months(start, length), kind)

    @classmethod
    def between(cls, first: date, last: date) -> ReportPeriod:
        """A custom period from `first` to `last`, both days included."""
        return cls(first, last + timedelta(days=1))

    @classmethod
    def parse(cls, text: str) -> ReportPeriod:
        """A period written as on the command line: 2026Q3, 2026H2, 2026, 2026-03, 2026M03."""
        value = text.strip().upper()
        try:
            if len(value) == 4 and value.isdigit():
                return cls.of(PeriodKind.YEAR, date(int(value), 1, 1))
            year, mark, number = int(value[:4]), value[4:5], int(value[5:])
            if mark == "Q" and 1 <= number <= 4:
                return cls.of(PeriodKind.QUARTER, date(year, 3 * number - 2, 1))
            if mark == "H" and 1 <= number <= 2:
                return cls.of(PeriodKind.HALF_YEAR, date(year, 6 * number - 5, 1))
            if mark in ("-", "M") and 1 <= number <= 12:
                return cls.of(PeriodKind.MONTH, date(year, number, 1))
        except ValueError:
            pass
        raise TalkdeskError(ErrorCode.INVALID_VALUE, field="period")

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def code(self) -> str:
        """Short and language-neutral: 2026Q3, 2026H2, 2026, 2026-03, 2026-01-05..2026-02-01."""
        year = self.start.year
        if self.kind is PeriodKind.YEAR:
            return str(year)
        if self.kind is PeriodKind.HALF_YEAR:
            return f"{year}H{1 + (self.start.month - 1) // 6}"
        if self.kind is PeriodKind.QUARTER:
            return f"{year}Q{1 + (self.start.month - 1) // 3}"
        if self.kind is PeriodKind.MONTH:
            return f"{year}-{self.start.month:02d}"
        return f"{self.start.isoformat()}..{self.last_day.isoformat()}"

    def shifted(self, k: int) -> ReportPeriod:
        """The period k periods later (earlier for negative k); a custom one moves by its length."""
        if self.kind is PeriodKind.CUSTOM:
            step = timedelta(days=self.days * k)
            return ReportPeriod(self.start + step, self.end + step)
        return ReportPeriod.of(self.kind, add_months(self.start, _MONTHS[self.kind] * k))

    def previous(self) -> ReportPeriod:
        return self.shifted(-1)

    def next(self) -> ReportPeriod:
        return self.shifted(1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day < self.end


def months_ending(period: ReportPeriod, count: int = MONTHS_SHOWN) -> tuple[date, ...]:
    """The first days of the `count` months up to the one holding the period's last day."""
    last = period.last_day.replace(day=1)
    return tuple(add_months(last, -k) for k in range(count - 1, -1, -1))


@dataclass(frozen=True)
class StatisticsFilter:
    """Narrow every figure to a department (with its sub-departments) and/or a talker."""

    department_id: int | None = None
    talker_id: int | None = None


EVERYTHING = StatisticsFilter()
"""No filter: the whole workspace."""


# -- the figures ---------------------------------------------------------------------


def _rate(part: int, whole: int) -> float | None:
    """A share from 0 to 1, or None when there is nothing to share (no division by zero)."""
    return part / whole if whole else None


NO_DEPARTMENT = "none"
"""The key of the people in no department (the organ's leaders, usually)."""


@dataclass(frozen=True)
class DepartmentCoverage:
    """One bar of the coverage chart: a department with everything below it."""

    department_id: int | None
    name: str
    covered: int
    talked: int

    @property
    def rate(self) -> float | None:
        return _rate(self.talked, self.covered)

    @property
    def key(self) -> str:
        """What `records(Indicator.COVERAGE, key)` takes to list these people."""
        return NO_DEPARTMENT if self.department_id is None else str(self.department_id)


@dataclass(frozen=True)
class CoverageFigures:
    covered: int
    talked: int
    departments: tuple[DepartmentCoverage, ...]

    @property
    def rate(self) -> float | None:
        return _rate(self.talked, self.covered)

    @property
    def missed(self) -> int:
        return self.covered - self.talked


@dataclass(frozen=True)
class MonthCount:
    month: date  # its first day
    talks: int

    @property
    def key(self) -> str:
        return f"{self.month.year}-{self.month.month:02d}"


@dataclass(frozen=True)
class FollowUpFigures:
    opened: int
    resolved: int
    unresolvable: int
    overdue: int
    resolved_on_time: int
    median_days_to_resolve: float | None

    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.resolved_on_time, self.resolved)

    @property
    def resolved_late(self) -> int:
        return self.resolved - self.resolved_on_time


@dataclass(frozen=True)
class FeedbackFigures:
    owed: int  # closed in the period, with someone to tell
    given: int
    satisfied: int
    partly: int
    not_satisfied: int

    @property
    def rate(self) -> float | None:
        return _rate(self.given, self.owed)

    @property
    def not_given(self) -> int:
        return self.owed - self.given

    @property
    def no_response(self) -> int:
        """Feedback given, but how the person took it was not recorded."""
        return self.given - self.satisfied - self.partly - self.not_satisfied

    def count(self, response: Response) -> int:
        return {
            Response.SATISFIED: self.satisfied,
            Response.PARTLY: self.partly,
            Response.NOT_SATISFIED: self.not_satisfied,
        }[response]


@dataclass(frozen=True)
class TopicCount:
    topic: Topic
    talks: int


@dataclass(frozen=True)
class CareFigures:
    people: int  # with a talk flagged for care in the period
    needs_care: int  # of them, flagged "needs care" at least once (the rest: "keep an eye on")
    talked_again: int

    @property
    def not_talked_again(self) -> int:
        return self.people - self.talked_again

    @property
    def rate(self) -> float | None:
        return _rate(self.talked_again, self.people)


@dataclass(frozen=True)
class Statistics:
    """Every indicator of one period under one filter.

    `as_of` is the day "overdue" is judged on: the period's last day, or today
    while the period is still running.
    """

    period: ReportPeriod
    filter: StatisticsFilter
    as_of: date
    talks: int
    people_talked: int
    coverage: CoverageFigures
    months: tuple[MonthCount, ...]
    follow_ups: FollowUpFigures
    feedback: FeedbackFigures
    topics: tuple[TopicCount, ...]
    care: CareFigures


# -- the records behind a figure --------------------------------------------------------


class Indicator(StrEnum):
    """What a bar or slice belongs to; `records` lists what it counts. The keys:

    TALKS: "" (the talks of the period); TALKS_PER_MONTH: a MonthCount.key ("2026-03");
    COVERAGE: a DepartmentCoverage.key, ALL or MISSED; FOLLOW_UPS: a FollowUpMeasure;
    FEEDBACK: a FeedbackSlice; TOPICS: a Topic value; CARE: a CareSlice.
    """

    TALKS = "talks"
    TALKS_PER_MONTH = "talks_per_month"
    COVERAGE = "coverage"
    FOLLOW_UPS = "follow_ups"
    FEEDBACK = "feedback"
    TOPICS = "topics"
    CARE = "care"


ALL = "all"
"""Coverage key: everyone covered."""
MISSED = "missed"
"""Coverage key: the people covered who had no talk in the period."""


class FollowUpMeasure(StrEnum):
    OPENED = "opened"
    RESOLVED = "resolved"
    UNRESOLVABLE = "unresolvable"
    OVERDUE = "overdue"
    RESOLVED_LATE = "resolved_late"


class FeedbackSlice(StrEnum):
    SATISFIED = "satisfied"
    PARTLY = "partly"
    NOT_SATISFIED = "not_satisfied"
    NO_RESPONSE = "no_response"
    NOT_GIVEN = "not_given"


class CareSlice(StrEnum):
    ALL = "all"
    TALKED_AGAIN = "talked_again"
    NOT_TALKED_AGAIN = "not_talked_again"


class RecordKind(StrEnum):
    TALKS = "talks"
    FOLLOW_UPS = "follow_ups"
    COVERED_PEOPLE = "covered_people"
    CARED_PEOPLE = "cared_people"


@dataclass(frozen=True)
class CoveredPerson:
    """A person a plan covers; `talked_on` is their last talk of the period, None if none."""

    id: int
    name: str
    department_name: str
    talked_on: date | None


@dataclass(frozen=True)
class CaredPerson:
    """A person flagged for care in the period: the first flagged talk, and the next talk."""

    id: int
    name: str
    department_name: str
    care_level: CareLevel  # the highest of the period
    flagged_on: date
    talk_id: int
    talked_again_on: date | None


@dataclass(frozen=True)
class Records:
    """The records behind one figure (the first RECORDS_LIMIT of `total`), of one kind."""

    kind: RecordKind
    total: int
    talks: tuple[TalkListRow, ...] = ()
    follow_ups: tuple[FollowUpListRow, ...] = ()
    covered: tuple[CoveredPerson, ...] = ()
    cared: tuple[CaredPerson, ...] = ()

    @property
    def shown(self) -> int:
        return len(self.talks) + len(self.follow_ups) + len(self.covered) + len(self.cared)


@dataclass(frozen=True)
class Talker:
    """Someone who leads talks: a leader or a plan's talker (the talker filter's choices)."""

    id: int
    name: str
