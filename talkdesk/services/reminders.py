"""Reminders: what falls due when, from the data and the working calendar, and what was shown.

Nothing about a reminder is stored until something happens to it: the
candidates are worked out from the data each time (appointments, plans'
periods, follow-ups, waiting triggers), and `reminder_event` records, per reminder key, when it
was shown, snoozed or dismissed. A key names one reminder of one record by
kind and UUID ("appt:<uuid>:soon"), never by a name or a note. A record
whose time moved (an appointment rescheduled, a due date changed) has a new
due time, so the old state no longer applies and it reminds again.

Stages of one record supersede each other: when both the day-before and the
30-minute reminder of an appointment are due, only the later one is
reported and both are marked shown (likewise a follow-up or a trigger due and
overdue, a period's start and end), so catching up never floods.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    func,
    insert,
    select,
    type_coerce,
    update,
)

from talkdesk.domain.coverage import CoverageState
from talkdesk.domain.periods import Period, shift_period
from talkdesk.domain.values import AppointmentStatus, TriggerKind
from talkdesk.domain.workdays import WorkingCalendar
from talkdesk.services.calendar import CalendarService, read_overrides
from talkdesk.services.context import Context
from talkdesk.services.coverage import CoverageReport, CoverageService, MemberStatus, PlanCoverage
from talkdesk.services.follow_ups import OPEN_STATES
from talkdesk.storage.tables import (
    appointment,
    follow_up,
    person,
    reminder_event,
    talk_plan,
    talk_trigger,
)


class ReminderKind(StrEnum):
    """What a reminder is about; the UI words each kind."""

    APPOINTMENT_DAY_BEFORE = "appointment_day_before"
    APPOINTMENT_SOON = "appointment_soon"
    PERIOD_START = "period_start"
    PERIOD_END = "period_end"
    FOLLOW_UP_DUE = "follow_up_due"
    FOLLOW_UP_OVERDUE = "follow_up_overdue"
    TRIGGER_DUE = "trigger_due"
    TRIGGER_OVERDUE = "trigger_overdue"


# The first part of a key names its kind (the key is all a snooze or dismiss is given).
_PREFIX = {
    ReminderKind.APPOINTMENT_DAY_BEFORE: "appt",
    ReminderKind.APPOINTMENT_SOON: "appt",
    ReminderKind.PERIOD_START: "period-start",
    ReminderKind.PERIOD_END: "period-end",
    ReminderKind.FOLLOW_UP_DUE: "followup-due",
    ReminderKind.FOLLOW_UP_OVERDUE: "followup-overdue",
    ReminderKind.TRIGGER_DUE: "trigger-due",
    ReminderKind.TRIGGER_OVERDUE: "trigger-overdue",
}


class SnoozeChoice(StrEnum):
    HOUR = "hour"
    TOMORROW_MORNING = "tomorrow_morning"


@dataclass(frozen=True)
class ReminderSettings:
    """When reminders come (defaults of the issue); the same for every workspace for now."""

    morning: time = time(9, 0)  # the day before, period, follow-up, trigger reminders, "tomorrow"
    soon_before: timedelta = timedelta(minutes=30)
    snooze: timedelta = timedelta(hours=1)


@dataclass(frozen=True)
class Reminder:
    """One reminder, with what the UI needs to word and open it (ids, names, dates, counts).

    `due_at` is when it fell due; `remind_at` is when it comes (later if snoozed).
    `subject_id` is the appointment's, plan's, follow-up's or trigger's id by `kind`;
    `trigger_kind` is the event a trigger reminder is about.
    `count` (period reminders) is how many people have not had their talk this
    period, `scheduled` how many of them have an appointment.
    `supersedes` are the earlier stages of the same record that this one
    stands for; they are marked shown with it.
    """

    key: str
    kind: ReminderKind
    due_at: datetime
    subject_id: int
    subject_uuid: str
    remind_at: datetime
    person_id: int | None = None
    person_name: str = ""
    starts_at: datetime | None = None
    on: date | None = None
    plan_name: str = ""
    period: Period | None = None
    count: int = 0
    scheduled: int = 0
    trigger_kind: TriggerKind | None = None
    supersedes: tuple[Reminder, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        return (self.key, *(r.key for r in self.supersedes))

    @property
    def group(self) -> str:
        """The record (and period) whose stages supersede each other."""
        return _group(self.key, self.kind)


@dataclass(frozen=True)
class Digest:
    """What fell due while talkdesk was closed or asleep, shown once as one message."""

    at: datetime
    items: tuple[Reminder, ...] = ()

    @property
    def counts(self) -> tuple[tuple[ReminderKind, int], ...]:
        """How many of each kind, in the order of `ReminderKind`."""
        found = Counter(r.kind for r in self.items)
        return tuple((kind, found[kind]) for kind in ReminderKind if found[kind])

    def count(self, kind: ReminderKind) -> int:
        return sum(1 for r in self.items if r.kind is kind)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


@dataclass(frozen=True)
class _State:
    due_at: datetime | None
    shown_at: datetime | None
    dismissed_at: datetime | None
    snoozed_until: datetime | None


@dataclass(frozen=True)
class _Candidates:
    """Every reminder that the data calls for now (due or not), and future period starts."""

    reminders: list[Reminder]
    states: _States
    later: list[datetime]


@dataclass(frozen=True)
class _Data:
    """What reminders are worked out from, read in one go."""

    rules: _Rules
    report: CoverageReport
    plans: dict[int, tuple[str, datetime]]
    appointments: list[tuple[int, str, int, str, datetime, datetime]]
    items: list[tuple[int, str, int | None, str, date, datetime]]
    triggers: list[tuple[int, str, int, str, TriggerKind, date, datetime]]
    states: _States


class ReminderService:
    """Works reminders out from the data with the injected clock; records what became of them."""

    def __init__(
        self,
        ctx: Context,
        coverage: CoverageService,
        calendar: CalendarService,
        settings: ReminderSettings = ReminderSettings(),
    ) -> None:
        self._ctx = ctx
        self._coverage = coverage
        self._calendar = calendar
        self.settings = settings

    # -- asking ---------------------------------------------------------------------

    def due(self, now: datetime | None = None) -> list[Reminder]:
        """Reminders whose time has come and that were not shown, dismissed or snoozed past now.

        Of the stages of one record only the latest due one is returned (it
        supersedes the others), in the order they fell due.
        """
        now = now or self._ctx.now()
        return _due(self._candidates(now), now)

    def next_due_at(self, now: datetime | None = None) -> datetime | None:
        """The earliest time a reminder comes, so the engine sleeps until then.

        It is `now` or earlier when something is due already; None when nothing is ahead.
        """
        now = now or self._ctx.now()
        day = now.date()
        report = self._coverage.report(day)
        # Asked after every change: only times, no reminder objects. Each kind of record is
        # read in the order of its first reminder and left as soon as none can come earlier
        # than the best time found; reminder states are read only for the keys looked at.
        with self._ctx.db.reading() as conn:
            overrides = read_overrides(conn)
            plans = {
                pid: (uuid, created)
                for pid, uuid, created in conn.execute(
                    select(talk_plan.c.id, talk_plan.c.uuid, talk_plan.c.created_at)
                ).all()
            }
            last = _last_day(conn, day)
            calendar = self._calendar.calendar_with(overrides, range(day.year - 1, last.year + 2))
            rules = _Rules(calendar, self.settings)
            period_reminders, later = rules.periods(report, plans)
            earliest = _Earliest(conn)
            earliest.offer([(r.key, r.due_at) for r in period_reminders])
            parse_at, parse_day = datetime.fromisoformat, date.fromisoformat
            appointments = (
                (rules.appointment_first(starts), rules.appointment_stages, uuid, starts, updated)
                for _, uuid, _, _, starts, updated in (
                    (*row[:4], parse_at(row[4]), row[5])
                    for row in _rows(conn, _appointment_stmt(day))
                )
            )
            items = (
                (rules.follow_up_first(due), rules.follow_up_stages, uuid, due, created)
                for uuid, due, created in (
                    (row[1], parse_day(row[4]), row[5]) for row in _rows(conn, _follow_up_stmt())
                )
            )
            triggers = (
                (rules.trigger_first(due), rules.trigger_stages, uuid, due, created)
                for uuid, due, created in (
                    (row[1], parse_day(row[5]), row[6]) for row in _rows(conn, _trigger_stmt())
                )
            )
            # All records by their first reminder: stop at the first that cannot come earlier.
            batch: list[tuple[str, datetime]] = []
            for first, stages, uuid, on, stamp in heapq.merge(
                appointments, items, triggers, key=lambda record: record[0]
            ):
                if earliest.beyond(first):
                    break
                batch += stages(uuid, on, parse_at(stamp))
                if len(batch) >= 128:
                    earliest.offer(batch)
                    batch = []
            earliest.offer(batch)
        best = earliest.best
        ahead = [t for t in later if t > now]
        if best is not None:
            ahead.append(best)
        return min(ahead, default=None)

    def listed(self, now: datetime | None = None) -> list[Reminder]:
        """The in-app list: reminders shown and neither dismissed nor snoozed, the newest first."""
        now = now or self._ctx.now()
        found = self._candidates(now)
        latest: dict[str, Reminder] = {}
        for r in found.reminders:
            state = _current(found.states.get(r.key), r)
            if state is None or state.shown_at is None or state.dismissed_at is not None:
                continue
            latest[r.group] = r  # candidates come stage by stage: the later stage wins
        return sorted(latest.values(), key=lambda r: (r.remind_at, r.key), reverse=True)

    # -- recording ------------------------------------------------------------------

    def mark_shown(self, reminders: Iterable[Reminder], now: datetime | None = None) -> None:
        """Record reminders (and the stages they supersede) as shown, in one transaction.

        Idempotent: a reminder already shown keeps its first time.
        """
        now = now or self._ctx.now()
        with self._ctx.db.transaction() as conn:
            _record_shown(conn, list(reminders), now)

    def catch_up(self, now: datetime | None = None) -> Digest:
        """Everything due and never shown, as one digest, marked shown in the same transaction.

        For the start of the program and a resume from sleep: what fell due
        meanwhile is shown once, never as a flood and never again.
        """
        now = now or self._ctx.now()
        items = tuple(self.due(now))
        if items:
            with self._ctx.db.transaction() as conn:
                _record_shown(conn, list(items), now)
        return Digest(now, items)

    def snooze(self, key: str, until: datetime) -> None:
        """Show the reminder again at `until` (see `snooze_until` for the usual choices)."""
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            _upsert(conn, key, now, snoozed_until=until, shown_at=None)

    def snooze_until(self, choice: SnoozeChoice, now: datetime | None = None) -> datetime:
        """In an hour, or tomorrow morning: the next working day at the morning hour."""
        now = now or self._ctx.now()
        if choice is SnoozeChoice.HOUR:
            return now + self.settings.snooze
        calendar = self._calendar.calendar(range(now.year - 1, now.year + 2))
        return datetime.combine(calendar.next_working_day(now.date()), self.settings.morning)

    def dismiss(self, key: str) -> None:
        """Never show this reminder again (unless its record's time moves)."""
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            _upsert(conn, key, now, dismissed_at=now)

    # -- working out ------------------------------------------------------------------

    def _read(self, now: datetime) -> _Data:
        day = now.date()
        report = self._coverage.report(day)
        with self._ctx.db.reading() as conn:
            overrides = read_overrides(conn)
            plans = {
                pid: (uuid, created)
                for pid, uuid, created in conn.execute(
                    select(talk_plan.c.id, talk_plan.c.uuid, talk_plan.c.created_at)
                ).all()
            }
            appointments = _appointment_rows(conn, day)
            items = _follow_up_rows(conn)
            triggers = _trigger_rows(conn)
            states = _states(conn)
        last = max(
            [
                day,
                *(a[4].date() for a in appointments),
                *(f[4] for f in items),
                *(t[5] for t in triggers),
            ]
        )
        calendar = self._calendar.calendar_with(overrides, range(day.year - 1, last.year + 2))
        rules = _Rules(calendar, self.settings)
        return _Data(rules, report, plans, appointments, items, triggers, states)

    def _candidates(self, now: datetime) -> _Candidates:
        data = self._read(now)
        rules = data.rules
        reminders = [r for row in data.appointments for r in rules.appointment(*row)]
        period_reminders, later = rules.periods(data.report, data.plans)
        reminders += period_reminders
        reminders += [r for item in data.items for r in rules.follow_up(*item)]
        reminders += [r for row in data.triggers for r in rules.trigger(*row)]
        states = data.states
        with_snoozes = [_snoozed(r, states.get(r.key)) for r in reminders]
        return _Candidates(with_snoozes, states, later)


def _due(found: _Candidates, now: datetime) -> list[Reminder]:
    by_group: dict[str, list[Reminder]] = {}
    for r in found.reminders:
        if _waiting(found.states.get(r.key), r) and r.remind_at <= now:
            by_group.setdefault(r.group, []).append(r)
    out = []
    for stages in by_group.values():
        *earlier, latest = stages  # candidates come stage by stage
        out.append(replace(latest, supersedes=tuple(earlier)))
    return sorted(out, key=lambda r: (r.remind_at, r.key))


def _current(state: _State | None, r: Reminder) -> _State | None:
    """The recorded state if it is about this due time (a record whose time moved starts over)."""
    if state is None or (state.due_at is not None and state.due_at != r.due_at):
        return None
    return state


def _waiting(state: _State | None, r: Reminder) -> bool:
    """Not shown yet and not dismissed: it will come (or has come) at `remind_at`."""
    current = _current(state, r)
    return current is None or (current.shown_at is None and current.dismissed_at is None)


def _snoozed(r: Reminder, state: _State | None) -> Reminder:
    current = _current(state, r)
    if current is None or current.snoozed_until is None or current.snoozed_until <= r.due_at:
        return r
    return replace(r, remind_at=current.snoozed_until)


def _comes_at(state: _State | None, due_at: datetime) -> datetime | None:
    """When a reminder due at `due_at` comes (`_snoozed`), or None if it will not (`_waiting`)."""
    if state is None or (state.due_at is not None and state.due_at != due_at):
        return due_at
    if state.shown_at is not None or state.dismissed_at is not None:
        return None
    snoozed = state.snoozed_until
    return snoozed if snoozed is not None and snoozed > due_at else due_at


def _group(key: str, kind: ReminderKind) -> str:
    if kind in (ReminderKind.APPOINTMENT_DAY_BEFORE, ReminderKind.APPOINTMENT_SOON):
        return key.rsplit(":", 1)[0]
    if kind in (ReminderKind.PERIOD_START, ReminderKind.PERIOD_END):
        return "period:" + key.split(":", 1)[1]
    if kind in (ReminderKind.TRIGGER_DUE, ReminderKind.TRIGGER_OVERDUE):
        return "trigger:" + key.split(":", 1)[1]
    return "followup:" + key.split(":", 1)[1]


class _Rules:
    """The times of each reminder, on the working calendar."""

    def __init__(self, calendar: WorkingCalendar, settings: ReminderSettings) -> None:
        self._calendar = calendar
        self._settings = settings
        # Many records share due days: each working-day walk is done once per day asked.
        self._known: dict[tuple[date, bool, bool], date] = {}
        self._lead_days: dict[tuple[date, int], date] = {}

    def _morning(self, day: date) -> datetime:
        return datetime.combine(day, self._settings.morning)

    def _previous(self, day: date, include: bool = False) -> date:
        key = (day, False, include)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = self._calendar.previous_working_day(day, include=include)
        return found

    def _next(self, day: date, include: bool = False) -> date:
        key = (day, True, include)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = self._calendar.next_working_day(day, include=include)
        return found

    def appointment(
        self,
        appointment_id: int,
        uuid: str,
        person_id: int,
        person_name: str,
        starts_at: datetime,
        updated_at: datetime,
    ) -> list[Reminder]:
        """The working day before at the morning hour, then shortly before it starts.

        A time that had passed when the appointment was made (or last moved) is skipped.
        """
        return [
            Reminder(
                key=key,
                kind=kind,
                due_at=at,
                remind_at=at,
                subject_id=appointment_id,
                subject_uuid=uuid,
                person_id=person_id,
                person_name=person_name,
                starts_at=starts_at,
                on=starts_at.date(),
            )
            for kind, key, at in self._appointment(uuid, starts_at, updated_at)
        ]

    def appointment_stages(
        self, uuid: str, starts_at: datetime, updated_at: datetime
    ) -> list[tuple[str, datetime]]:
        """The keys and due times of `appointment`, without the reminders."""
        return [(key, at) for _, key, at in self._appointment(uuid, starts_at, updated_at)]

    def appointment_first(self, starts_at: datetime) -> datetime:
        """No stage of an appointment starting at `starts_at` is due earlier (rises with it)."""
        return min(
            self._morning(self._previous(starts_at.date())), starts_at - self._settings.soon_before
        )

    def _appointment(
        self, uuid: str, starts_at: datetime, updated_at: datetime
    ) -> list[tuple[ReminderKind, str, datetime]]:
        day_before = self._morning(self._previous(starts_at.date()))
        soon = starts_at - self._settings.soon_before
        return [
            (kind, f"appt:{uuid}:{suffix}", at)
            for kind, suffix, at in (
                (ReminderKind.APPOINTMENT_DAY_BEFORE, "day-before", day_before),
                (ReminderKind.APPOINTMENT_SOON, "soon", soon),
            )
            if at >= updated_at
        ]

    def periods(
        self, report: CoverageReport, plans: dict[int, tuple[str, datetime]]
    ) -> tuple[list[Reminder], list[datetime]]:
        """Per calendar plan: at the start of its period, and some working days before the end.

        The end comes `reminder_lead_days` working days before the period's
        last working day (counting that day). Only while someone is left to talk
        with. Also the start of each plan's next period, when the engine must
        look again. Rolling plans (every N weeks or months) have no common
        period: see `_rolling`.
        """
        out: list[Reminder] = []
        later: list[datetime] = []
        for plan in report.plans:
            if plan.plan_id not in plans:
                continue
            uuid, created = plans[plan.plan_id]
            period = plan.period
            if period is None:
                out += self._rolling(plan, uuid, created)
                continue
            later.append(self._start(shift_period(plan.cadence.kind, period, 1)))
            left = [m for m in plan.members if m.state is not CoverageState.DONE]
            if not left:
                continue
            scheduled = sum(1 for m in left if m.state is CoverageState.SCHEDULED)
            times = [(ReminderKind.PERIOD_START, self._start(period))]
            if plan.reminder_lead_days > 0:
                times.append((ReminderKind.PERIOD_END, self._end(period, plan.reminder_lead_days)))
            out += [
                Reminder(
                    key=f"{_PREFIX[kind]}:{uuid}:{period.start.isoformat()}",
                    kind=kind,
                    due_at=at,
                    remind_at=at,
                    subject_id=plan.plan_id,
                    subject_uuid=uuid,
                    plan_name=plan.name,
                    period=period,
                    on=period.last_day,
                    count=len(left),
                    scheduled=scheduled,
                )
                for kind, at in times
                if at >= created
            ]
        return out, later

    def _rolling(self, plan: PlanCoverage, uuid: str, created: datetime) -> list[Reminder]:
        """A rolling plan's people, each with their own deadline: `reminder_lead_days`
        working days before it, one reminder per plan and day for everyone it falls on
        ("N still to talk with by <the earliest of their deadlines>")."""
        if plan.reminder_lead_days <= 0:
            return []
        by_day: dict[date, list[MemberStatus]] = {}
        for member in plan.members:
            if member.state in (CoverageState.DONE, CoverageState.MISSED):
                continue
            day = self._lead_day(member.deadline, plan.reminder_lead_days)
            by_day.setdefault(day, []).append(member)
        out = []
        for day, members in sorted(by_day.items()):
            at = self._morning(day)
            if at < created:
                continue
            out.append(
                Reminder(
                    key=f"{_PREFIX[ReminderKind.PERIOD_END]}:{uuid}:rolling-{day.isoformat()}",
                    kind=ReminderKind.PERIOD_END,
                    due_at=at,
                    remind_at=at,
                    subject_id=plan.plan_id,
                    subject_uuid=uuid,
                    plan_name=plan.name,
                    on=min(m.deadline for m in members),
                    count=len(members),
                    scheduled=sum(1 for m in members if m.state is CoverageState.SCHEDULED),
                )
            )
        return out

    def _lead_day(self, deadline: date, lead: int) -> date:
        """`lead` working days before `deadline`, counting its last working day; many
        people and plans share a deadline, so each day's walk is done once."""
        key = (deadline, lead)
        found = self._lead_days.get(key)
        if found is None:
            last = self._previous(deadline, include=True)
            found = self._lead_days[key] = self._calendar.add_working_days(last, -(lead - 1))
        return found

    def _start(self, period: Period) -> datetime:
        return self._morning(self._calendar.next_working_day(period.start, include=True))

    def _end(self, period: Period, lead: int) -> datetime:
        return self._morning(max(self._lead_day(period.last_day, lead), period.start))

    def follow_up(
        self,
        item_id: int,
        uuid: str,
        person_id: int | None,
        person_name: str,
        due_on: date,
        created_at: datetime,
    ) -> list[Reminder]:
        """On its due day (the working day before, if that is a day off), then the working
        day after it, when it is overdue. Not for times that had passed when it was made."""
        return [
            Reminder(
                key=key,
                kind=kind,
                due_at=at,
                remind_at=at,
                subject_id=item_id,
                subject_uuid=uuid,
                person_id=person_id,
                person_name=person_name,
                on=due_on,
            )
            for kind, key, at in self._due_then_overdue(_FOLLOW_UP, uuid, due_on, created_at)
        ]

    def follow_up_stages(
        self, uuid: str, due_on: date, created_at: datetime
    ) -> list[tuple[str, datetime]]:
        """The keys and due times of `follow_up`, without the reminders."""
        return self._stages(_FOLLOW_UP, uuid, due_on, created_at)

    def follow_up_first(self, due_on: date) -> datetime:
        """No stage of a follow-up due on `due_on` is due earlier (rises with it)."""
        return self._first(_FOLLOW_UP, due_on)

    def trigger(
        self,
        trigger_id: int,
        uuid: str,
        person_id: int,
        person_name: str,
        kind: TriggerKind,
        due_on: date,
        created_at: datetime,
    ) -> list[Reminder]:
        """The working day before its due date, so the talk can still be held in time; then
        the working day after it, when it is overdue. Not for times that had passed when the
        event was entered (the Today page lists it anyway)."""
        return [
            Reminder(
                key=key,
                kind=reminder,
                due_at=at,
                remind_at=at,
                subject_id=trigger_id,
                subject_uuid=uuid,
                person_id=person_id,
                person_name=person_name,
                on=due_on,
                trigger_kind=kind,
            )
            for reminder, key, at in self._due_then_overdue(_TRIGGER, uuid, due_on, created_at)
        ]

    def trigger_stages(
        self, uuid: str, due_on: date, created_at: datetime
    ) -> list[tuple[str, datetime]]:
        """The keys and due times of `trigger`, without the reminders."""
        return self._stages(_TRIGGER, uuid, due_on, created_at)

    def trigger_first(self, due_on: date) -> datetime:
        """No stage of a trigger due on `due_on` is due earlier (rises with it)."""
        return self._first(_TRIGGER, due_on)

    def _first(self, rule: _DueRule, due_on: date) -> datetime:
        return self._morning(self._previous(due_on, include=rule.on_due_day))

    def _stages(
        self, rule: _DueRule, uuid: str, due_on: date, created_at: datetime
    ) -> list[tuple[str, datetime]]:
        return [(key, at) for _, key, at in self._due_then_overdue(rule, uuid, due_on, created_at)]

    def _due_then_overdue(
        self, rule: _DueRule, uuid: str, due_on: date, created_at: datetime
    ) -> list[tuple[ReminderKind, str, datetime]]:
        """A reminder when due and one when overdue, each at 09:00 on a working day; none for
        a time that had passed when the record was made."""
        overdue = self._morning(self._next(due_on))
        return [
            (kind, f"{_PREFIX[kind]}:{uuid}", at)
            for kind, at in ((rule.due, self._first(rule, due_on)), (rule.overdue, overdue))
            if at >= created_at
        ]


@dataclass(frozen=True)
class _DueRule:
    """Which kinds a dated record reminds with, and whether on its due day itself
    (a follow-up) or the working day before (a talk called for by an event)."""

    due: ReminderKind
    overdue: ReminderKind
    on_due_day: bool


_FOLLOW_UP = _DueRule(ReminderKind.FOLLOW_UP_DUE, ReminderKind.FOLLOW_UP_OVERDUE, True)
_TRIGGER = _DueRule(ReminderKind.TRIGGER_DUE, ReminderKind.TRIGGER_OVERDUE, False)


# -- reading and writing ------------------------------------------------------------


def _appointment_stmt(day: date) -> Select[Any]:
    """Planned appointments from the start of `day` on (earlier ones are past reminding)."""
    a = appointment.c
    return (
        select(a.id, a.uuid, a.person_id, person.c.name, _text(a.starts_at), _text(a.updated_at))
        .join(person, person.c.id == a.person_id)
        .where(
            a.status == AppointmentStatus.PLANNED.value,
            a.starts_at >= datetime.combine(day, time()),
        )
        .order_by(a.starts_at, a.id)
    )


def _appointment_rows(
    conn: Connection, day: date
) -> list[tuple[int, str, int, str, datetime, datetime]]:
    parse = datetime.fromisoformat
    return [
        (appointment_id, uuid, person_id, name, parse(starts_at), parse(updated_at))
        for appointment_id, uuid, person_id, name, starts_at, updated_at in conn.execute(
            _appointment_stmt(day)
        ).all()
    ]


def _follow_up_stmt() -> Select[Any]:
    """Open follow-ups that have a due date, the earliest due first."""
    f = follow_up.c
    return (
        select(
            f.id,
            f.uuid,
            f.person_id,
            func.coalesce(person.c.name, ""),
            _text(f.due_on),
            _text(f.created_at),
        )
        .outerjoin(person, person.c.id == f.person_id)
        .where(f.status.in_(OPEN_STATES), f.due_on.is_not(None))
        .order_by(f.due_on, f.id)
    )


def _follow_up_rows(conn: Connection) -> list[tuple[int, str, int | None, str, date, datetime]]:
    day, at = date.fromisoformat, datetime.fromisoformat
    return [
        (item_id, uuid, person_id, name, day(due_on), at(created_at))
        for item_id, uuid, person_id, name, due_on, created_at in conn.execute(
            _follow_up_stmt()
        ).all()
    ]


def _trigger_stmt() -> Select[Any]:
    """Triggers not yet answered by a talk, of people still here (as coverage lists them)."""
    t = talk_trigger.c
    return (
        select(
            t.id,
            t.uuid,
            t.person_id,
            person.c.name,
            t.kind,
            _text(t.due_on),
            _text(t.created_at),
        )
        .join(person, person.c.id == t.person_id)
        .where(t.talk_id.is_(None), person.c.active)
        .order_by(t.due_on, t.id)
    )


def _trigger_rows(
    conn: Connection,
) -> list[tuple[int, str, int, str, TriggerKind, date, datetime]]:
    day, at = date.fromisoformat, datetime.fromisoformat
    return [
        (trigger_id, uuid, person_id, name, TriggerKind(kind), day(due_on), at(created_at))
        for trigger_id, uuid, person_id, name, kind, due_on, created_at in conn.execute(
            _trigger_stmt()
        ).all()
    ]


def _rows(conn: Connection, stmt: Select[Any]) -> Iterator[Sequence[Any]]:
    """The rows of `stmt` as they are asked for, so a caller that has seen enough reads no more."""
    result = conn.execute(stmt)
    try:
        for rows in result.partitions(64):
            yield from rows
    finally:
        result.close()


def _last_day(conn: Connection, day: date) -> date:
    """The last day any appointment, follow-up or trigger falls on (the calendar's reach)."""
    a, f, t = appointment.c, follow_up.c, talk_trigger.c
    stmt = select(
        select(func.max(func.date(a.starts_at, type_=String)))
        .where(
            a.status == AppointmentStatus.PLANNED.value,
            a.starts_at >= datetime.combine(day, time()),
        )
        .scalar_subquery(),
        select(func.max(_text(f.due_on)))
        .where(f.status.in_(OPEN_STATES), f.due_on.is_not(None))
        .scalar_subquery(),
        select(func.max(_text(t.due_on)))
        .join(person, person.c.id == t.person_id)
        .where(t.talk_id.is_(None), person.c.active)
        .scalar_subquery(),
    )
    found = [date.fromisoformat(v[:10]) for v in conn.execute(stmt).one() if v is not None]
    return max([day, *found])


class _Earliest:
    """The earliest time a reminder comes among the stages offered; states read as needed."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.best: datetime | None = None

    def beyond(self, due_at: datetime) -> bool:
        """Nothing due at `due_at` or later can come before the best time found."""
        return self.best is not None and due_at >= self.best

    def offer(self, stages: list[tuple[str, datetime]]) -> None:
        stages = [stage for stage in stages if not self.beyond(stage[1])]
        if not stages:
            return
        states = _states(self._conn, [key for key, _ in stages])
        for key, due_at in stages:
            at = _comes_at(states.get(key), due_at)
            if at is not None and (self.best is None or at < self.best):
                self.best = at


def _text(column: ColumnElement[Any]) -> ColumnElement[str]:
    """A date or datetime column as stored (ISO text): `fromisoformat` parses it far faster
    than SQLAlchemy's per-row converters (thousands of rows each time the engine looks)."""
    return type_coerce(column, String)


class _States:
    """The recorded reminder states by key, each parsed when first asked for.

    Thousands are stored after a few years; working out the next time looks at few.
    """

    def __init__(self, rows: dict[str, tuple[str | None, str | None, str | None, str | None]]):
        self._rows = rows
        self._parsed: dict[str, _State] = {}

    def get(self, key: str) -> _State | None:
        state = self._parsed.get(key)
        if state is None:
            row = self._rows.get(key)
            if row is None:
                return None
            parse = datetime.fromisoformat
            due, shown, dismissed, snoozed = (None if v is None else parse(v) for v in row)
            state = self._parsed[key] = _State(due, shown, dismissed, snoozed)
        return state


def _states(conn: Connection, keys: Sequence[str] | None = None) -> _States:
    """The recorded states (of `keys` only, if given)."""
    r = reminder_event.c
    stmt = select(
        r.key, _text(r.due_at), _text(r.shown_at), _text(r.dismissed_at), _text(r.snoozed_until)
    )
    if keys is not None:
        stmt = stmt.where(r.key.in_(keys))
    return _States(
        {
            key: (due, shown, dismissed, snoozed)
            for key, due, shown, dismissed, snoozed in conn.execute(stmt).all()
        }
    )


def _record_shown(conn: Connection, reminders: list[Reminder], now: datetime) -> None:
    if not reminders:
        return
    states = _states(conn)
    for r in (s for shown in reminders for s in (shown, *shown.supersedes)):
        state = states.get(r.key)
        if state is None:
            conn.execute(
                insert(reminder_event).values(
                    key=r.key,
                    kind=r.kind.value,
                    due_at=r.due_at,
                    shown_at=now,
                    created_at=now,
                    updated_at=now,
                )
            )
            continue
        moved = state.due_at != r.due_at
        if state.shown_at is None or moved:
            values: dict[str, object] = {"shown_at": now, "due_at": r.due_at, "updated_at": now}
            if moved:  # its time moved (or it was snoozed before it was ever shown): start over
                values.update(dismissed_at=None, snoozed_until=None)
            conn.execute(
                update(reminder_event).where(reminder_event.c.key == r.key).values(**values)
            )


def _upsert(conn: Connection, key: str, now: datetime, **values: object) -> None:
    r = reminder_event.c
    result = conn.execute(
        update(reminder_event).where(r.key == key).values(**values, updated_at=now)
    )
    if result.rowcount == 0:
        conn.execute(
            insert(reminder_event).values(
                key=key, kind=_kind_of(key).value, created_at=now, updated_at=now, **values
            )
        )


def _kind_of(key: str) -> ReminderKind:
    prefix, _, rest = key.partition(":")
    if prefix == "appt":
        if rest.endswith(":soon"):
            return ReminderKind.APPOINTMENT_SOON
        return ReminderKind.APPOINTMENT_DAY_BEFORE
    for kind, known in _PREFIX.items():
        if known == prefix:
            return kind
    raise ValueError(f"not a reminder key: {prefix}")
