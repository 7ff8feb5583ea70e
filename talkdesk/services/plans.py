"""Talk plans (who talks with whom, how often), triggers that call for a talk, appointments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Connection, delete, func, insert, select, update

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import AppointmentStatus, AuditAction, CadenceKind, TriggerKind
from talkdesk.services import audit
from talkdesk.services.calendar import CalendarService
from talkdesk.services.changes import Changes, Entity
from talkdesk.services.context import Context, stamps
from talkdesk.services.query import driver_rows, insert_id
from talkdesk.storage.tables import (
    appointment,
    department,
    person,
    plan_member,
    talk_plan,
    talk_trigger,
)

SLOT_TIME = time(9, 30)
"""The time a new appointment is first offered at: mid-morning, after the day's first tasks."""

PLACE_MAX = 200
"""The longest place the appointment table holds."""


@dataclass(frozen=True)
class PlanInput:
    name: str
    talker_id: int
    cadence: CadenceKind
    start_on: date
    cadence_n: int = 1
    person_ids: tuple[int, ...] = ()
    department_ids: tuple[int, ...] = ()
    soft_days: int | None = None
    hard_days: int | None = None
    reminder_lead_days: int = 3
    active: bool = True


TRIGGER_DEFAULT_DAYS: dict[TriggerKind, int] = {
    TriggerKind.NEW_POST: 30,
    TriggerKind.TRANSFER: 30,
    TriggerKind.HARDSHIP: 7,
    TriggerKind.AWARD_OR_DISCIPLINE: 15,
    TriggerKind.EVALUATION: 30,
    TriggerKind.REQUESTED: 7,
}
"""Within how many days an event usually calls for a talk (the user may change it per event):
a hardship or a request cannot wait; a new post or transfer allows the first month."""


def default_trigger_days(kind: TriggerKind) -> int:
    return TRIGGER_DEFAULT_DAYS.get(kind, 30)


class PersonChoice(NamedTuple):
    """An active person as the pickers offer them (searchable by pinyin); a named tuple:
    the talk form and the plan dialog read a few thousand at a time."""

    id: int
    name: str
    department_id: int | None
    department_name: str
    is_leader: bool
    pinyin: str
    initials: str


# Built once (a statement built per call costs its coercions and cache key every time).
_CHOICES = (
    select(
        person.c.id,
        person.c.name,
        person.c.department_id,
        func.coalesce(department.c.name, ""),
        person.c.is_leader,
        person.c.pinyin,
        person.c.initials,
    )
    .select_from(person.outerjoin(department, department.c.id == person.c.department_id))
    .where(person.c.active)
    .order_by(person.c.pinyin, person.c.id)
)


@dataclass(frozen=True)
class PlanRow:
    id: int
    uuid: str
    name: str
    talker_id: int
    talker_name: str
    cadence: CadenceKind
    cadence_n: int
    start_on: date
    active: bool
    member_count: int


@dataclass(frozen=True)
class TriggerRow:
    id: int
    uuid: str
    person_id: int
    kind: TriggerKind
    occurred_on: date
    due_on: date
    note: str
    talk_id: int | None


@dataclass(frozen=True)
class AppointmentRow:
    id: int
    uuid: str
    talker_id: int
    person_id: int
    person_name: str
    starts_at: datetime
    place: str
    status: AppointmentStatus
    plan_id: int | None
    trigger_id: int | None
    talk_id: int | None


class PlansService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    # -- plans --------------------------------------------------------------------

    def list_plans(self) -> list[PlanRow]:
        stmt = (
            select(
                talk_plan.c.id,
                talk_plan.c.uuid,
                talk_plan.c.name,
                talk_plan.c.talker_id,
                person.c.name,
                talk_plan.c.cadence,
                talk_plan.c.cadence_n,
                talk_plan.c.start_on,
                talk_plan.c.active,
            )
            .join(person, person.c.id == talk_plan.c.talker_id)
            .order_by(talk_plan.c.active.desc(), talk_plan.c.name, talk_plan.c.id)
        )
        with self._ctx.db.reading() as conn:
            covered = covered_people(conn)
            return [
                PlanRow(*r[:5], CadenceKind(r[5]), *r[6:], len(covered.get(r[0], ())))
                for r in conn.execute(stmt)
            ]

    def plan_input(self, plan_id: int) -> PlanInput:
        with self._ctx.db.reading() as conn:
            row = conn.execute(select(talk_plan).where(talk_plan.c.id == plan_id)).first()
            if row is None:
                raise TalkdeskError(ErrorCode.NOT_FOUND)
            members = conn.execute(
                select(plan_member.c.person_id, plan_member.c.department_id).where(
                    plan_member.c.plan_id == plan_id
                )
            ).all()
        m = row._mapping
        return PlanInput(
            name=m["name"],
            talker_id=m["talker_id"],
            cadence=CadenceKind(m["cadence"]),
            start_on=m["start_on"],
            cadence_n=m["cadence_n"],
            person_ids=tuple(p for p, _ in members if p is not None),
            department_ids=tuple(d for _, d in members if d is not None),
            soft_days=m["soft_days"],
            hard_days=m["hard_days"],
            reminder_lead_days=m["reminder_lead_days"],
            active=m["active"],
        )

    def create_plan(self, data: PlanInput) -> tuple[PlanRow, Changes]:
        values = _plan_values(data)
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            plan_id = insert_id(conn, insert(talk_plan).values(**stamps(now), **values))
            _set_members(conn, plan_id, data)
            audit.record(conn, now, AuditAction.CREATED, "plan")
        return self._row(plan_id), Changes.of(Entity.PLAN)

    def update_plan(self, plan_id: int, data: PlanInput) -> tuple[PlanRow, Changes]:
        values = _plan_values(data)
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            result = conn.execute(
                update(talk_plan).where(talk_plan.c.id == plan_id).values(**values, updated_at=now)
            )
            if result.rowcount == 0:
                raise TalkdeskError(ErrorCode.NOT_FOUND)
            _set_members(conn, plan_id, data)
            audit.record(conn, now, AuditAction.CHANGED, "plan")
        return self._row(plan_id), Changes.of(Entity.PLAN)

    def set_active(self, plan_id: int, active: bool) -> tuple[PlanRow, Changes]:
        """Pause a plan (nobody is due in it, its reminders stop) or resume it."""
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            result = conn.execute(
                update(talk_plan)
                .where(talk_plan.c.id == plan_id)
                .values(active=active, updated_at=now)
            )
            if result.rowcount == 0:
                raise TalkdeskError(ErrorCode.NOT_FOUND)
            audit.record(conn, now, AuditAction.CHANGED, "plan")
        return self._row(plan_id), Changes.of(Entity.PLAN)

    def person_choices(self) -> list[PersonChoice]:
        """Every active person, leaders first, then in pinyin order: the plan dialog's pickers.

        Read whole: a few thousand short rows at most, searched in memory as the user types.
        """
        with self._ctx.db.reading() as conn:
            rows = driver_rows(conn, _CHOICES)
        everyone = [
            PersonChoice(i, n, d, dn, bool(lead), py, ini) for i, n, d, dn, lead, py, ini in rows
        ]
        # Leaders moved ahead here: SQLite then walks the pinyin index instead of sorting
        # every row (3 ms, not 7.5, on 2,000 people); the order within each part is kept.
        return [p for p in everyone if p.is_leader] + [p for p in everyone if not p.is_leader]

    def _row(self, plan_id: int) -> PlanRow:
        return next(p for p in self.list_plans() if p.id == plan_id)

    # -- triggers -----------------------------------------------------------------

    def add_trigger(
        self, person_id: int, kind: TriggerKind, occurred_on: date, within_days: int, note: str = ""
    ) -> tuple[TriggerRow, Changes]:
        """An event in a person's life that calls for a talk within `within_days`."""
        if within_days < 0:
            raise TalkdeskError(ErrorCode.INVALID_VALUE, field="within_days")
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            trigger_id = insert_id(
                conn,
                insert(talk_trigger).values(
                    **stamps(now),
                    person_id=person_id,
                    kind=kind.value,
                    occurred_on=occurred_on,
                    due_on=occurred_on + timedelta(days=within_days),
                    note=note.strip(),
                ),
            )
        row = next(t for t in self.triggers(person_id) if t.id == trigger_id)
        return row, Changes.of(Entity.TRIGGER)

    def triggers(
        self, person_id: int | None = None, waiting_only: bool = False
    ) -> list[TriggerRow]:
        stmt = select(
            talk_trigger.c.id,
            talk_trigger.c.uuid,
            talk_trigger.c.person_id,
            talk_trigger.c.kind,
            talk_trigger.c.occurred_on,
            talk_trigger.c.due_on,
            talk_trigger.c.note,
            talk_trigger.c.talk_id,
        ).order_by(talk_trigger.c.due_on)
        if person_id is not None:
            stmt = stmt.where(talk_trigger.c.person_id == person_id)
        if waiting_only:
            stmt = stmt.where(talk_trigger.c.talk_id.is_(None))
        with self._ctx.db.reading() as conn:
            return [TriggerRow(*r[:3], TriggerKind(r[3]), *r[4:]) for r in conn.execute(stmt)]

    # -- appointments ---------------------------------------------------------------

    def schedule(
        self,
        talker_id: int,
        person_id: int,
        starts_at: datetime,
        place: str = "",
        plan_id: int | None = None,
        trigger_id: int | None = None,
    ) -> tuple[AppointmentRow, Changes]:
        if talker_id == person_id:
            raise TalkdeskError(ErrorCode.INVALID_VALUE, field="person")
        place = _place(place)
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            new_id = insert_id(
                conn,
                insert(appointment).values(
                    **stamps(now),
                    talker_id=talker_id,
                    person_id=person_id,
                    starts_at=starts_at,
                    place=place,
                    status=AppointmentStatus.PLANNED.value,
                    plan_id=plan_id,
                    trigger_id=trigger_id,
                ),
            )
            row = _appointments(conn, appointment.c.id == new_id)[0]
            audit.record(conn, now, AuditAction.CREATED, "appointment", row.uuid)
        return row, Changes.of(Entity.APPOINTMENT)

    def reschedule(
        self, appointment_id: int, starts_at: datetime, place: str
    ) -> tuple[AppointmentRow, Changes]:
        """Move a planned appointment to another time or place (the same two people meet)."""
        place = _place(place)
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            result = conn.execute(
                update(appointment)
                .where(
                    appointment.c.id == appointment_id,
                    appointment.c.status == AppointmentStatus.PLANNED.value,
                )
                .values(starts_at=starts_at, place=place, updated_at=now)
            )
            if result.rowcount == 0:  # gone, cancelled or already held
                raise TalkdeskError(ErrorCode.NOT_FOUND)
            row = _appointments(conn, appointment.c.id == appointment_id)[0]
            audit.record(conn, now, AuditAction.CHANGED, "appointment", row.uuid)
        return row, Changes.of(Entity.APPOINTMENT)

    def cancel(self, appointment_id: int) -> Changes:
        """Call a planned appointment off; the row stays (cancelled) for the record."""
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            result = conn.execute(
                update(appointment)
                .where(
                    appointment.c.id == appointment_id,
                    appointment.c.status == AppointmentStatus.PLANNED.value,
                )
                .values(status=AppointmentStatus.CANCELLED.value, updated_at=now)
            )
            if result.rowcount == 0:
                raise TalkdeskError(ErrorCode.NOT_FOUND)
            uuid = conn.execute(
                select(appointment.c.uuid).where(appointment.c.id == appointment_id)
            ).scalar_one()
            audit.record(conn, now, AuditAction.CHANGED, "appointment", uuid)
        return Changes.of(Entity.APPOINTMENT)

    def appointment(self, appointment_id: int) -> AppointmentRow:
        """One appointment, whatever its status."""
        with self._ctx.db.reading() as conn:
            rows = _appointments(conn, appointment.c.id == appointment_id)
        if not rows:
            raise TalkdeskError(ErrorCode.NOT_FOUND)
        return rows[0]

    def recent_places(self, limit: int = 8) -> list[str]:
        """Places of appointments, the most recently used first: the dialog offers them again."""
        last_used = func.max(appointment.c.updated_at)
        stmt = (
            select(appointment.c.place)
            .where(appointment.c.place != "")
            .group_by(appointment.c.place)
            .order_by(last_used.desc())
            .limit(limit)
        )
        with self._ctx.db.reading() as conn:
            return list(conn.execute(stmt).scalars())

    def appointments(self, start: datetime, end: datetime) -> list[AppointmentRow]:
        """Planned appointments in [start, end), in time order."""
        with self._ctx.db.reading() as conn:
            return _appointments(
                conn,
                appointment.c.starts_at >= start,
                appointment.c.starts_at < end,
                appointment.c.status == AppointmentStatus.PLANNED.value,
            )


def suggest_slot(calendar: CalendarService, on: date, at: time = SLOT_TIME) -> datetime:
    """When to offer a new appointment: the next working day after `on`, at `at`.

    Never today (a talk wants notice), never a weekend or holiday, and a 调休
    Saturday counts as the working day it is.
    """
    day = calendar.calendar(range(on.year, on.year + 2)).next_working_day(on)
    return datetime.combine(day, at)


def _place(place: str) -> str:
    place = place.strip()
    if len(place) > PLACE_MAX:
        raise TalkdeskError(ErrorCode.INVALID_VALUE, field="place")
    return place


def _plan_values(data: PlanInput) -> dict[str, object]:
    name = data.name.strip()
    if not name:
        raise TalkdeskError(ErrorCode.INVALID_VALUE, field="name")
    if data.cadence_n < 1:
        raise TalkdeskError(ErrorCode.INVALID_VALUE, field="cadence_n")
    if data.soft_days and data.hard_days and data.hard_days < data.soft_days:
        raise TalkdeskError(ErrorCode.INVALID_VALUE, field="hard_days")
    return {
        "name": name,
        "talker_id": data.talker_id,
        "cadence": data.cadence.value,
        "cadence_n": data.cadence_n,
        "start_on": data.start_on,
        "soft_days": data.soft_days,
        "hard_days": data.hard_days,
        "reminder_lead_days": data.reminder_lead_days,
        "active": data.active,
    }


def _set_members(conn: Connection, plan_id: int, data: PlanInput) -> None:
    conn.execute(delete(plan_member).where(plan_member.c.plan_id == plan_id))
    rows = [{"plan_id": plan_id, "person_id": p, "department_id": None} for p in data.person_ids]
    rows += [
        {"plan_id": plan_id, "person_id": None, "department_id": d} for d in data.department_ids
    ]
    if rows:
        conn.execute(insert(plan_member), rows)


def covered_people(conn: Connection) -> dict[int, set[int]]:
    """Per plan, the active people it covers: those named, and everyone in its departments
    and their sub-departments (so people who join a department later are covered too),
    never the plan's own talker."""
    children: dict[int | None, list[int]] = {}
    for dep_id, parent_id in conn.execute(select(department.c.id, department.c.parent_id)):
        children.setdefault(parent_id, []).append(dep_id)
    staff: dict[int | None, list[int]] = {}
    for person_id, dep_id in conn.execute(
        select(person.c.id, person.c.department_id).where(person.c.active)
    ):
        staff.setdefault(dep_id, []).append(person_id)
    active = {p for people in staff.values() for p in people}
    covered: dict[int, set[int]] = {}
    talkers: dict[int, int] = {}
    for plan_id, person_id, dep_id, talker_id in conn.execute(
        select(
            plan_member.c.plan_id,
            plan_member.c.person_id,
            plan_member.c.department_id,
            talk_plan.c.talker_id,
        ).join(talk_plan, talk_plan.c.id == plan_member.c.plan_id)
    ):
        talkers[plan_id] = talker_id
        members = covered.setdefault(plan_id, set())
        if person_id is not None and person_id in active:
            members.add(person_id)
        stack = [dep_id] if dep_id is not None else []
        while stack:
            current = stack.pop()
            members.update(staff.get(current, ()))
            stack.extend(children.get(current, ()))
    for plan_id, talker_id in talkers.items():
        covered[plan_id].discard(talker_id)  # a leader does not talk with themself
    return covered


def _appointments(conn: Connection, *where: Any) -> list[AppointmentRow]:
    stmt = (
        select(
            appointment.c.id,
            appointment.c.uuid,
            appointment.c.talker_id,
            appointment.c.person_id,
            person.c.name,
            appointment.c.starts_at,
            appointment.c.place,
            appointment.c.status,
            appointment.c.plan_id,
            appointment.c.trigger_id,
            appointment.c.talk_id,
        )
        .join(person, person.c.id == appointment.c.person_id)
        .where(*where)
        .order_by(appointment.c.starts_at)
    )
    return [AppointmentRow(*r[:7], AppointmentStatus(r[7]), *r[8:]) for r in conn.execute(stmt)]
