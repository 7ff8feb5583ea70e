"""Coverage of every active plan as of a day: who is done, scheduled, due, overdue or missed.

Read in a handful of queries for all plans together, never one per person:
plans, members, departments, people, the talks that count (recent ones, then
the last talk of the few pairs with none recently), planned appointments,
waiting triggers and the calendar overrides. The rules are `domain.coverage`.
"""

from __future__ import annotations

import json
from bisect import insort
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    and_,
    func,
    or_,
    select,
    type_coerce,
)

from talkdesk.domain.clock import today as today_of
from talkdesk.domain.coverage import CoverageState, Limits, PersonCoverage, assess
from talkdesk.domain.periods import (
    Cadence,
    Period,
    calendar_frame,
    calendar_period,
    shift_period,
)
from talkdesk.domain.values import AppointmentStatus, CadenceKind, TriggerKind
from talkdesk.domain.workdays import WorkingCalendar
from talkdesk.services.calendar import CalendarService, read_overrides
from talkdesk.services.context import Context
from talkdesk.storage.database import Database
from talkdesk.storage.tables import (
    appointment,
    department,
    person,
    plan_member,
    talk,
    talk_plan,
    talk_trigger,
)

# Lines of a plan in the order a to-do list wants them: the most urgent first.
_ORDER = {
    CoverageState.OVERDUE: 0,
    CoverageState.DUE: 1,
    CoverageState.PENDING: 2,
    CoverageState.SCHEDULED: 3,
    CoverageState.DONE: 4,
    CoverageState.MISSED: 5,
}


@dataclass(frozen=True, slots=True)
class Member:
    """A covered person as the lines show them; one object shared by all plans covering them."""

    id: int
    name: str
    department_name: str


@dataclass(frozen=True, slots=True)
class MemberStatus:
    """One person of one plan in the current period (a line of the Today page).

    Few fields, the rest read through: thousands are made at every refresh.
    """

    plan_id: int
    person: Member
    coverage: PersonCoverage
    working_days_left: int
    appointment_id: int | None = None
    appointment_at: datetime | None = None

    @property
    def person_id(self) -> int:
        return self.person.id

    @property
    def person_name(self) -> str:
        return self.person.name

    @property
    def state(self) -> CoverageState:
        return self.coverage.current.state

    @property
    def period(self) -> Period:
        return self.coverage.current.period

    @property
    def deadline(self) -> date:
        return self.coverage.current.deadline

    @property
    def days_left(self) -> int:
        return self.coverage.current.days_left

    @property
    def last_talk_on(self) -> date | None:
        return self.coverage.last_talk_on

    @property
    def missed(self) -> tuple[Period, ...]:
        return self.coverage.missed


@dataclass(frozen=True)
class MissedPeriod:
    plan_id: int
    person_id: int
    person_name: str
    period: Period


@dataclass(frozen=True)
class PlanCoverage:
    """A plan and its members' lines, the most urgent first.

    `period` is the plan's current calendar period; None for rolling cadences,
    whose windows are per person (see each line's `period`).
    """

    plan_id: int
    name: str
    talker_id: int
    talker_name: str
    cadence: Cadence
    limits: Limits
    reminder_lead_days: int
    period: Period | None
    members: tuple[MemberStatus, ...]

    def count(self, state: CoverageState) -> int:
        return sum(1 for m in self.members if m.state is state)

    @property
    def to_talk(self) -> tuple[MemberStatus, ...]:
        """The people still waiting for their talk this period (pending, due, overdue)."""
        return tuple(m for m in self.members if m.state.needs_talk)

    @property
    def missed(self) -> tuple[MissedPeriod, ...]:
        return tuple(
            MissedPeriod(self.plan_id, m.person.id, m.person.name, p)
            for m in self.members
            for p in m.coverage.missed
        )


@dataclass(frozen=True)
class WaitingTrigger:
    """An event that calls for a talk by `due_on`, not yet answered by one."""

    id: int
    person_id: int
    person_name: str
    kind: TriggerKind
    occurred_on: date
    due_on: date
    days_left: int
    working_days_left: int

    @property
    def state(self) -> CoverageState:
        return CoverageState.OVERDUE if self.days_left < 0 else CoverageState.DUE


@dataclass(frozen=True)
class CoverageReport:
    on: date
    plans: tuple[PlanCoverage, ...]
    triggers: tuple[WaitingTrigger, ...]

    @property
    def missed(self) -> tuple[MissedPeriod, ...]:
        return tuple(m for p in self.plans for m in p.missed)


@dataclass(frozen=True)
class _Plan:
    id: int
    name: str
    talker_id: int
    talker_name: str
    cadence: Cadence
    limits: Limits
    start_on: date
    reminder_lead_days: int


@dataclass(frozen=True)
class _Person:
    member: Member
    pinyin: str
    joined_on: date | None


Pair = tuple[int, int]  # (talker id, person id)


class CoverageService:
    """Coverage of all active plans; `history` earlier periods are checked for missed talks."""

    def __init__(self, ctx: Context, calendar: CalendarService) -> None:
        self._ctx = ctx
        self._calendar = calendar
        self._cached: tuple[Database, tuple[int, date, int], CoverageReport] | None = None

    def report(self, on: date | None = None, history: int = 1) -> CoverageReport:
        """Every active plan's members and states on `on` (default today); waiting triggers.

        The Today page, the reminders and the plans page all ask for the same report;
        it is computed once and kept until the data change (the database's generation).
        """
        day = on or today_of(self._ctx.clock)
        db = self._ctx.db
        key = (db.generation, day, history)
        cached = self._cached
        if cached is not None and cached[0] is db and cached[1] == key:
            return cached[2]
        report = self._compute(day, history)
        self._cached = (db, key, report)
        return report

    def _compute(self, day: date, history: int) -> CoverageReport:
        with self._ctx.db.reading() as conn:
            plans = _plans(conn)
            roster = _roster(conn, plans)
            facts = _Facts.read(conn, plans, roster, day, history)
            overrides = read_overrides(conn)
        calendar = self._calendar.calendar_with(overrides, range(day.year - 1, day.year + 2))
        working_days = _WorkingDaysLeft(calendar, day)
        out = tuple(_plan_coverage(p, roster, facts, day, history, working_days) for p in plans)
        triggers = tuple(
            WaitingTrigger(
                *row[:6],
                days_left=(row[5] - day).days,
                working_days_left=working_days(row[5]),
            )
            for row in facts.triggers
        )
        return CoverageReport(day, out, triggers)


# -- reading ------------------------------------------------------------------------


def _plans(conn: Connection) -> list[_Plan]:
    stmt = (
        select(
            talk_plan.c.id,
            talk_plan.c.name,
            talk_plan.c.talker_id,
            person.c.name,
            talk_plan.c.cadence,
            talk_plan.c.cadence_n,
            talk_plan.c.soft_days,
            talk_plan.c.hard_days,
            talk_plan.c.start_on,
            talk_plan.c.reminder_lead_days,
        )
        .join(person, person.c.id == talk_plan.c.talker_id)
        .where(talk_plan.c.active)
        .order_by(talk_plan.c.name, talk_plan.c.id)
    )
    rows = conn.execute(stmt).all()
    return [
        _Plan(
            pid,
            name,
            talker,
            talker_name,
            Cadence(CadenceKind(kind), n if kind in _ROLLING else 1),
            Limits(soft, hard),
            start,
            lead,
        )
        for pid, name, talker, talker_name, kind, n, soft, hard, start, lead in rows
    ]


_ROLLING = (CadenceKind.EVERY_N_WEEKS.value, CadenceKind.EVERY_N_MONTHS.value)
_KINDS = {kind.value: kind for kind in TriggerKind}


def _text(column: ColumnElement[Any]) -> ColumnElement[str]:
    """A date or datetime column as stored (ISO text): `fromisoformat` parses it far faster
    than SQLAlchemy's per-row converters (thousands of rows at every refresh)."""
    return type_coerce(column, String)


def _fetch(conn: Connection, stmt: Select[Any]) -> Sequence[Any]:
    """The driver's rows of a statement whose columns need no conversion (ids, text):
    thousands of rows at every refresh, and building result rows costs more than reading."""
    return conn.execute(stmt).cursor.fetchall()


@dataclass(frozen=True)
class _Roster:
    """Each plan's people now."""

    members: dict[int, tuple[_Person, ...]]


def _roster(conn: Connection, plans: list[_Plan]) -> _Roster:
    """Each plan's people now: named ones plus everyone active in its departments' subtrees.

    Membership is resolved on the day asked, so a person who joins a
    department later is covered from then on; people who left are not
    covered any more; the talker is never their own member.
    """
    children: dict[int | None, list[int]] = defaultdict(list)
    names: dict[int, str] = {}
    for dep_id, parent_id, name in conn.execute(
        select(department.c.id, department.c.parent_id, department.c.name)
    ):
        children[parent_id].append(dep_id)
        names[dep_id] = name
    if not plans:
        return _Roster({})
    people: dict[int, _Person] = {}
    by_department: dict[int | None, list[int]] = defaultdict(list)
    stmt = select(
        person.c.id,
        person.c.name,
        person.c.pinyin,
        person.c.department_id,
        _text(person.c.joined_on),
    ).where(person.c.active)
    for person_id, name, pinyin, department_id, joined in _fetch(conn, stmt):
        department_name = names.get(department_id, "") if department_id is not None else ""
        joined_on = date.fromisoformat(joined) if joined else None
        people[person_id] = _Person(Member(person_id, name, department_name), pinyin, joined_on)
        by_department[department_id].append(person_id)
    talker_of = {p.id: p.talker_id for p in plans}
    chosen: dict[int, set[int]] = defaultdict(set)
    for plan_id, person_id, department_id in conn.execute(
        select(plan_member.c.plan_id, plan_member.c.person_id, plan_member.c.department_id).where(
            plan_member.c.plan_id.in_(list(talker_of))
        )
    ):
        if person_id is not None:
            chosen[plan_id].add(person_id)
        if department_id is not None:
            stack = [department_id]
            while stack:
                current = stack.pop()
                chosen[plan_id].update(by_department.get(current, ()))
                stack.extend(children.get(current, ()))
    members = {
        plan_id: tuple(people[i] for i in sorted(ids) if i in people and i != talker_of[plan_id])
        for plan_id, ids in chosen.items()
    }
    return _Roster(members)


@dataclass(frozen=True)
class _Facts:
    """The talks, appointments and triggers that coverage needs, keyed by (talker, person)."""

    talks: dict[Pair, list[date]]
    appointments: dict[Pair, list[tuple[datetime, int]]]
    triggers: list[tuple[int, int, str, TriggerKind, date, date]]

    @classmethod
    def read(
        cls, conn: Connection, plans: list[_Plan], roster: _Roster, day: date, history: int
    ) -> _Facts:
        # Each pair's earliest anchor: no talk before it counts in any of its plans.
        pairs: dict[Pair, date] = {}
        for plan in plans:
            for m in roster.members.get(plan.id, ()):
                anchor = _anchor(plan, m)
                pair = (plan.talker_id, m.member.id)
                pairs[pair] = min(anchor, pairs.get(pair, anchor))
        end = datetime.combine(day + timedelta(days=1), time())
        talks = _recent_talks(conn, pairs.keys(), _lookback(plans, day, history), end)
        quiet = {pair: since for pair, since in pairs.items() if pair not in talks}
        if quiet:
            talks.update(_last_talks(conn, quiet, end))
        return cls(talks, _appointments(conn, pairs.keys(), day), _triggers(conn))


def _recent_talks(
    conn: Connection, pairs: Collection[Pair], since: dict[int, datetime], end: datetime
) -> dict[Pair, list[date]]:
    """Talks of the plans' pairs from each talker's lookback day to `end`, sorted per pair.

    One range of the (talker, held_at) index per talker, so only recent talks are read.
    """
    talks: dict[Pair, list[date]] = defaultdict(list)
    if not since:
        return talks
    recent = or_(
        *(
            and_(talk.c.talker_id == talker, talk.c.held_at >= first)
            for talker, first in since.items()
        )
    )
    # The day as text: parsing it is far cheaper than a full datetime per row.
    held_on = func.date(talk.c.held_at, type_=String)
    stmt = select(talk.c.talker_id, talk.c.person_id, held_on).where(recent, talk.c.held_at < end)
    parse = date.fromisoformat
    days: dict[str, date] = {}  # thousands of talks on a few hundred days
    for talker_id, person_id, day in _fetch(conn, stmt):
        pair = (talker_id, person_id)
        if pair in pairs:
            talk_day = days.get(day)
            if talk_day is None:
                talk_day = days[day] = parse(day)
            talks[pair].append(talk_day)
    for held in talks.values():
        held.sort()
    return talks


def _last_talks(conn: Connection, quiet: dict[Pair, date], end: datetime) -> dict[Pair, list[date]]:
    """The last talk between each pair's anchor and `end`, for pairs with none recently.

    One query for all: each pair is one seek in the (person, talker, held_at)
    index, back from `end` and never past its anchor. (The (person, held_at)
    index would walk back through the person's talks with everyone else: a
    pair that never talked read the person's whole history.)
    """
    rows = [
        [t, p, datetime.combine(since, time()).isoformat(sep=" ")]
        for (t, p), since in quiet.items()
    ]
    wanted = func.json_each(json.dumps(sorted(rows))).table_valued("value").alias("wanted")
    pairs = select(
        func.json_extract(wanted.c.value, "$[0]").label("talker_id"),
        func.json_extract(wanted.c.value, "$[1]").label("person_id"),
        func.json_extract(wanted.c.value, "$[2]").label("since"),
    ).subquery("pairs")
    last = (
        select(talk.c.held_at)
        .where(
            talk.c.person_id == pairs.c.person_id,
            talk.c.talker_id == pairs.c.talker_id,
            talk.c.held_at < end,
            talk.c.held_at >= pairs.c.since,
        )
        .order_by(talk.c.held_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    stmt = select(pairs.c.talker_id, pairs.c.person_id, last)
    return {
        (talker_id, person_id): [held_at.date()]
        for talker_id, person_id, held_at in conn.execute(stmt).all()
        if held_at is not None
    }


def _appointments(
    conn: Connection, pairs: Collection[Pair], day: date
) -> dict[Pair, list[tuple[datetime, int]]]:
    """Planned appointments from `day` on, sorted per pair."""
    a = appointment.c
    stmt = select(a.talker_id, a.person_id, _text(a.starts_at), a.id).where(
        a.status == AppointmentStatus.PLANNED.value,
        a.starts_at >= datetime.combine(day, time()),
    )
    booked: dict[Pair, list[tuple[datetime, int]]] = defaultdict(list)
    for talker_id, person_id, starts_at, appointment_id in _fetch(conn, stmt):
        if (talker_id, person_id) in pairs:
            at = datetime.fromisoformat(starts_at)
            insort(booked[talker_id, person_id], (at, appointment_id))
    return booked


def _triggers(conn: Connection) -> list[tuple[int, int, str, TriggerKind, date, date]]:
    """Triggers not yet answered by a talk, of people still here, the earliest due first."""
    parse = date.fromisoformat
    t = talk_trigger.c
    stmt = (
        select(t.id, t.person_id, person.c.name, t.kind, _text(t.occurred_on), _text(t.due_on))
        .join(person, person.c.id == t.person_id)
        .where(t.talk_id.is_(None), person.c.active)
        .order_by(t.due_on, t.id)
    )
    return [
        (trigger_id, person_id, name, _KINDS[kind], parse(occurred), parse(due))
        for trigger_id, person_id, name, kind, occurred, due in _fetch(conn, stmt)
    ]


def _lookback(plans: Iterable[_Plan], day: date, history: int) -> dict[int, datetime]:
    """Per talker, the earliest day whose talks can change a state: start of the oldest period."""
    out: dict[int, datetime] = {}
    for plan in plans:
        if plan.cadence.rolling:
            first = plan.cadence.shift(day, -(history + 1))
        else:
            current = calendar_period(plan.cadence.kind, day)
            first = shift_period(plan.cadence.kind, current, -history).start
        at = datetime.combine(first, time())
        out[plan.talker_id] = min(at, out.get(plan.talker_id, at))
    return out


# -- computing ----------------------------------------------------------------------


class _WorkingDaysLeft:
    """Working days from `day` to a deadline, remembered: most lines share a few deadlines."""

    def __init__(self, calendar: WorkingCalendar, day: date) -> None:
        self._calendar = calendar
        self._day = day
        self._known: dict[date, int] = {}

    def __call__(self, deadline: date) -> int:
        known = self._known.get(deadline)
        if known is None:
            known = self._known[deadline] = self._calendar.working_days_between(self._day, deadline)
        return known


def _anchor(plan: _Plan, member: _Person) -> date:
    """From when the plan covers the person: its start, or their joining if later."""
    joined = member.joined_on
    return plan.start_on if joined is None or joined < plan.start_on else joined


def _plan_coverage(
    plan: _Plan,
    roster: _Roster,
    facts: _Facts,
    day: date,
    history: int,
    working_days: _WorkingDaysLeft,
) -> PlanCoverage:
    lines: list[tuple[int, int, str, MemberStatus]] = []
    no_talks: list[date] = []
    # The same for every member: looked up once (a calendar cadence's periods, the plan's limits).
    cadence, limits, talker_id, plan_id = plan.cadence, plan.limits, plan.talker_id, plan.id
    frame = None if cadence.rolling else calendar_frame(cadence.kind, day, history)
    start_on = plan.start_on
    talks, appointments, order = facts.talks, facts.appointments, _ORDER
    for member in roster.members.get(plan_id, ()):
        joined = member.joined_on
        anchor = start_on if joined is None or joined < start_on else joined
        person = member.member
        pair = (talker_id, person.id)
        booked = appointments.get(pair)
        found = assess(
            cadence,
            limits,
            anchor,
            talks.get(pair, no_talks),
            [at.date() for at, _ in booked] if booked else no_talks,
            day,
            history,
            frame,
        )
        if found is None:
            continue  # not covered yet: joins or the plan starts after `day`
        status = found.current
        at, appointment_id = None, None
        if booked and status.appointment_on is not None:
            at, appointment_id = next(b for b in booked if b[0].date() == status.appointment_on)
        line = MemberStatus(
            plan_id, person, found, working_days(status.deadline), appointment_id, at
        )
        lines.append((order[status.state], status.days_left, member.pinyin, line))
    lines.sort(key=lambda item: item[:3])
    period = None if frame is None else frame[0]
    return PlanCoverage(
        plan.id,
        plan.name,
        plan.talker_id,
        plan.talker_name,
        plan.cadence,
        plan.limits,
        plan.reminder_lead_days,
        period,
        tuple(item[3] for item in lines),
    )
