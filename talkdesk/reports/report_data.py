"""What the evaluation report says, gathered from the services: plain values, no private notes.

The figures are the statistics service's for the period and the one before
(the same numbers as the Statistics page and the ledger's summary); the lists
are the records behind the figures (`StatisticsService.records`), so the list of
people not talked with has as many lines as the coverage figure says were
missed. Care details (who was flagged, why) are read only when the user asked
for them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Generic, TypeVar

from talkdesk.domain.clock import today as today_of
from talkdesk.domain.values import CadenceKind, CareLevel, FollowUpStatus
from talkdesk.services.follow_ups import FollowUpListRow
from talkdesk.services.statistics_figures import (
    MISSED,
    CaredPerson,
    CareSlice,
    FeedbackSlice,
    FollowUpMeasure,
    Indicator,
    PeriodKind,
    ReportPeriod,
    Statistics,
    StatisticsFilter,
)

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services

T = TypeVar("T")

REPORT_KINDS = (PeriodKind.QUARTER, PeriodKind.HALF_YEAR)
"""The periods an evaluation report is written for."""


@dataclass(frozen=True)
class PlanName:
    """A plan covering a person, as the missed list names it."""

    name: str
    cadence: CadenceKind
    n: int


@dataclass(frozen=True)
class MissedPerson:
    """Someone a plan covers who had no talk in the period with a talker of their plans."""

    name: str
    department: str
    plans: tuple[PlanName, ...]


@dataclass(frozen=True)
class FollowUpLine:
    """A follow-up of the lists: overdue on the judging day, or closed and owed feedback."""

    title: str
    person: str  # empty for an anonymous item
    department: str
    handler: str
    due_on: date | None
    status: FollowUpStatus


@dataclass(frozen=True)
class CaredLine:
    """A person flagged for care in the period (only in a report with care details)."""

    name: str
    department: str
    level: CareLevel
    flagged_on: date
    reason: str
    talked_again_on: date | None


@dataclass(frozen=True)
class Listed(Generic[T]):
    """The first lines of a list (at most the statistics' limit) and how many there are."""

    lines: tuple[T, ...]
    total: int

    @property
    def cut(self) -> bool:
        return self.total > len(self.lines)


@dataclass(frozen=True)
class ReportData:
    """Everything the evaluation report shows.

    Attributes:
        department: the name of the department the figures are narrowed to, None for all.
        cared: the people flagged for care, None unless care details were asked for
            (then the report is marked 内部资料 注意保密).
    """

    unit: str
    department: str | None
    made_on: date
    stats: Statistics
    previous: Statistics
    missed: Listed[MissedPerson]
    overdue: Listed[FollowUpLine]
    owed: Listed[FollowUpLine]
    cared: Listed[CaredLine] | None = None

    @property
    def period(self) -> ReportPeriod:
        return self.stats.period

    @property
    def confidential(self) -> bool:
        return self.cared is not None

    @property
    def records(self) -> int:
        """How many records the report sums up or lists (its audit line counts them)."""
        listed = self.missed.total + self.overdue.total + self.owed.total
        return self.stats.talks + listed + (self.cared.total if self.cared else 0)


def last_complete_period(kind: PeriodKind, today: date) -> ReportPeriod:
    """The last quarter (or half-year) that has ended: the one a report is usually for."""
    return ReportPeriod.of(kind, today).previous()


def load_report_data(
    services: Services,
    period: ReportPeriod,
    department_id: int | None = None,
    include_care: bool = False,
) -> ReportData:
    """Read the report's figures and lists (on the database thread: a few queries)."""
    flt = StatisticsFilter(department_id=department_id)
    statistics = services.statistics
    stats = statistics.compute(period, flt)
    previous = statistics.compute(statistics.previous(period), flt)
    missed = statistics.records(period, Indicator.COVERAGE, MISSED, flt)
    overdue = statistics.records(period, Indicator.FOLLOW_UPS, FollowUpMeasure.OVERDUE, flt)
    owed = statistics.records(period, Indicator.FEEDBACK, FeedbackSlice.NOT_GIVEN, flt)
    plans = _plans_of(services, period, {p.id for p in missed.covered})
    cared: Listed[CaredLine] | None = None
    if include_care:
        found = statistics.records(period, Indicator.CARE, CareSlice.ALL, flt)
        cared = Listed(tuple(_cared(services, c) for c in found.cared), found.total)
    return ReportData(
        unit=services.session.info().unit.strip(),
        department=_department_name(services, department_id),
        made_on=today_of(services.session.context.clock),
        stats=stats,
        previous=previous,
        missed=Listed(
            tuple(
                MissedPerson(p.name, p.department_name, plans.get(p.id, ())) for p in missed.covered
            ),
            missed.total,
        ),
        overdue=Listed(tuple(map(_follow_up_line, overdue.follow_ups)), overdue.total),
        owed=Listed(tuple(map(_follow_up_line, owed.follow_ups)), owed.total),
        cared=cared,
    )


def _plans_of(
    services: Services, period: ReportPeriod, people: set[int]
) -> dict[int, tuple[PlanName, ...]]:
    """The active plans (begun before the period ended) covering each of these people now:
    membership as it stands, as the statistics read it."""
    if not people:
        return {}
    started = {p.id for p in services.plans.list_plans() if p.active and p.start_on < period.end}
    out: dict[int, list[PlanName]] = defaultdict(list)
    for plan in services.coverage.report().plans:
        if plan.plan_id not in started:
            continue
        name = PlanName(plan.name, plan.cadence.kind, plan.cadence.n)
        for member in plan.members:
            if member.person_id in people:
                out[member.person_id].append(name)
    return {person_id: tuple(names) for person_id, names in out.items()}


def _department_name(services: Services, department_id: int | None) -> str | None:
    if department_id is None:
        return None
    return next((d.name for d in services.people.departments() if d.id == department_id), "")


def _follow_up_line(row: FollowUpListRow) -> FollowUpLine:
    return FollowUpLine(
        title=row.title,
        person=row.person_name if row.person_id is not None else "",
        department=row.department_name,
        handler=row.handler,
        due_on=row.due_on,
        status=row.status,
    )


def _cared(services: Services, person: CaredPerson) -> CaredLine:
    """A flagged person with the reason given in their first flagged talk of the period."""
    reason = services.talks.get_talk(person.talk_id).data.care_reason.strip()
    return CaredLine(
        name=person.name,
        department=person.department_name,
        level=person.care_level,
        flagged_on=person.flagged_on,
        reason=reason,
        talked_again_on=person.talked_again_on,
    )
