"""What needs doing on a day: appointments, who is due or overdue per plan, triggers, follow-ups.

One object for the Today page and `talkdesk due`, so the two always show the
same figures. Read in a few queries: the coverage report (itself a handful for
all plans), the appointments of the week, and the follow-ups due soon.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from talkdesk.domain.clock import today as today_of
from talkdesk.domain.coverage import CoverageState
from talkdesk.domain.periods import Period
from talkdesk.services.context import Context
from talkdesk.services.coverage import (
    CoverageService,
    MemberStatus,
    MissedPeriod,
    PlanCoverage,
    WaitingTrigger,
)
from talkdesk.services.follow_ups import FollowUpFilter, FollowUpListRow, FollowUpsService
from talkdesk.services.plans import AppointmentRow, PlansService
from talkdesk.services.query import Page

if TYPE_CHECKING:
    pass

FOLLOW_UP_DAYS = 7
"""A follow-up is "due" when its due date is within this many days from the day asked."""

# Enough for any real office; the Today page shows the first few of each list anyway.
_FOLLOW_UP_PAGE = Page(limit=2000)


@dataclass(frozen=True)
class PlanAgenda:
    """One plan's line-up for the day: its people still to talk with, and the misses.

    `to_talk` holds the due and overdue people, the most urgent first; the
    counts cover everyone the plan covers now.
    """

    plan_id: int
    name: str
    talker_id: int
    talker_name: str
    period: Period | None
    to_talk: tuple[MemberStatus, ...]
    missed: tuple[MissedPeriod, ...]
    covered: int
    done: int
    scheduled: int
    pending: int

    @property
    def overdue(self) -> int:
        return sum(1 for m in self.to_talk if m.state is CoverageState.OVERDUE)

    @property
    def due(self) -> int:
        return sum(1 for m in self.to_talk if m.state is CoverageState.DUE)

    @classmethod
    def of(cls, plan: PlanCoverage) -> PlanAgenda:
        urgent = (CoverageState.OVERDUE, CoverageState.DUE)
        return cls(
            plan_id=plan.plan_id,
            name=plan.name,
            talker_id=plan.talker_id,
            talker_name=plan.talker_name,
            period=plan.period,
            to_talk=tuple(m for m in plan.members if m.state in urgent),
            missed=plan.missed,
            covered=len(plan.members),
            done=plan.count(CoverageState.DONE),
            scheduled=plan.count(CoverageState.SCHEDULED),
            pending=plan.count(CoverageState.PENDING),
        )


@dataclass(frozen=True)
class Agenda:
    """Everything the day asks for, as of `on`.

    `week_end` is the Sunday of `on`'s week; `later_this_week` holds the
    appointments after today up to it. Follow-ups are open items: overdue
    (due before `on`) or due (from `on` to `on` + FOLLOW_UP_DAYS).
    """

    on: date
    week_end: date
    today: tuple[AppointmentRow, ...]
    later_this_week: tuple[AppointmentRow, ...]
    plans: tuple[PlanAgenda, ...]
    triggers: tuple[WaitingTrigger, ...]
    follow_ups_overdue: tuple[FollowUpListRow, ...]
    follow_ups_due: tuple[FollowUpListRow, ...]
    follow_ups_overdue_count: int  # all of them, also when only the first few are listed
    follow_ups_due_count: int

    @property
    def people_overdue(self) -> int:
        """Lines overdue in all plans (a person in two plans counts twice: two talks owed)."""
        return sum(p.overdue for p in self.plans)

    @property
    def people_due(self) -> int:
        return sum(p.due for p in self.plans)

    @property
    def missed(self) -> tuple[MissedPeriod, ...]:
        return tuple(m for p in self.plans for m in p.missed)

    @property
    def attention(self) -> int:
        """The count the navigation shows beside Today: talks owed now and follow-ups late."""
        overdue_triggers = sum(1 for t in self.triggers if t.state is CoverageState.OVERDUE)
        return (
            self.people_due + self.people_overdue + overdue_triggers + self.follow_ups_overdue_count
        )


class AgendaService:
    """The day's agenda, from coverage, appointments and follow-ups."""

    def __init__(
        self,
        ctx: Context,
        coverage: CoverageService,
        plans: PlansService,
        follow_ups: FollowUpsService,
    ) -> None:
        self._ctx = ctx
        self._coverage = coverage
        self._plans = plans
        self._follow_ups = follow_ups

    def agenda(self, on: date | None = None, follow_up_lines: int | None = None) -> Agenda:
        """The agenda of `on` (default today). With `follow_up_lines`, only that many
        follow-ups of each group are read (the rest are counted): a glance needs no more."""
        day = on or today_of(self._ctx.clock)
        week_end = day + timedelta(days=6 - day.weekday())
        report = self._coverage.report(day)
        tomorrow = datetime.combine(day + timedelta(days=1), time())
        booked = self._plans.appointments(
            datetime.combine(day, time()), datetime.combine(week_end + timedelta(days=1), time())
        )
        late = FollowUpFilter(open_only=True, overdue_on=day)
        soon = FollowUpFilter(
            open_only=True, due_from=day, overdue_on=day + timedelta(days=FOLLOW_UP_DAYS + 1)
        )
        page = _FOLLOW_UP_PAGE if follow_up_lines is None else Page(limit=follow_up_lines)
        overdue = tuple(self._follow_ups.list_follow_ups(late, page=page))
        due = tuple(self._follow_ups.list_follow_ups(soon, page=page))
        counted = follow_up_lines is not None
        return Agenda(
            on=day,
            week_end=week_end,
            today=tuple(a for a in booked if a.starts_at < tomorrow),
            later_this_week=tuple(a for a in booked if a.starts_at >= tomorrow),
            plans=tuple(PlanAgenda.of(p) for p in report.plans),
            triggers=report.triggers,
            follow_ups_overdue=overdue,
            follow_ups_due=due,
            follow_ups_overdue_count=self._follow_ups.count_follow_ups(late)
            if counted
            else len(overdue),
            follow_ups_due_count=self._follow_ups.count_follow_ups(soon) if counted else len(due),
        )
