"""Appointments: scheduled, moved, called off, audited; the slot a new one is offered at."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import select

from talkdesk.domain.coverage import CoverageState
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import AppointmentStatus, CadenceKind
from talkdesk.services.bundle import Services
from talkdesk.services.calendar import YearDays
from talkdesk.services.changes import Entity
from talkdesk.services.plans import PlanInput, suggest_slot
from talkdesk.storage.tables import audit_event
from tests.services.conftest import Office

WEEK = (datetime(2026, 11, 23), datetime(2026, 11, 30))


def audit_rows(services: Services) -> list[tuple[str, str]]:
    with services.session.context.db.reading() as conn:
        rows = conn.execute(
            select(audit_event.c.action, audit_event.c.entity).where(
                audit_event.c.entity == "appointment"
            )
        )
        return [(a, e) for a, e in rows]


def test_reschedule_moves_the_appointment_and_is_audited(
    services: Services, office: Office
) -> None:
    plans = services.plans
    booked, changes = plans.schedule(
        office.leader, office.zhang, datetime(2026, 11, 25, 9, 30), " 二楼接待室 "
    )
    assert changes.any_of(Entity.APPOINTMENT) and booked.place == "二楼接待室"

    moved, changes = plans.reschedule(booked.id, datetime(2026, 11, 27, 15), "党员活动室")
    assert changes.any_of(Entity.APPOINTMENT)
    assert (moved.id, moved.starts_at, moved.place) == (
        booked.id,
        datetime(2026, 11, 27, 15),
        "党员活动室",
    )
    assert plans.appointment(booked.id) == moved
    assert [a.id for a in plans.appointments(*WEEK)] == [booked.id]
    assert plans.recent_places() == ["党员活动室"]  # the old place is no longer used anywhere
    assert audit_rows(services) == [("created", "appointment"), ("changed", "appointment")]


def test_cancelled_appointments_leave_the_week_and_cannot_be_moved(
    services: Services, office: Office
) -> None:
    plans = services.plans
    booked, _ = plans.schedule(office.leader, office.zhang, datetime(2026, 11, 25, 10), "会议室")
    plans.cancel(booked.id)
    assert plans.appointments(*WEEK) == []
    assert plans.appointment(booked.id).status is AppointmentStatus.CANCELLED
    for call in (
        lambda: plans.reschedule(booked.id, datetime(2026, 11, 26, 10), ""),
        lambda: plans.cancel(booked.id),
        lambda: plans.appointment(9999),
    ):
        with pytest.raises(TalkdeskError) as err:
            call()
        assert err.value.code is ErrorCode.NOT_FOUND
    assert len(audit_rows(services)) == 2


def test_bad_values_are_refused(services: Services, office: Office) -> None:
    plans = services.plans
    with pytest.raises(TalkdeskError) as err:
        plans.schedule(office.leader, office.leader, datetime(2026, 11, 25, 10))
    assert err.value.details == {"field": "person"}
    with pytest.raises(TalkdeskError) as err:
        plans.schedule(office.leader, office.zhang, datetime(2026, 11, 25, 10), "室" * 201)
    assert err.value.details == {"field": "place"}
    assert plans.appointments(*WEEK) == []


def test_a_booked_person_is_scheduled_and_due_again_when_called_off(
    services: Services, office: Office
) -> None:
    services.plans.create_plan(
        PlanInput(
            "办公室季度谈心谈话",
            office.leader,
            CadenceKind.QUARTERLY,
            date(2026, 10, 1),
            person_ids=(office.zhang,),
        )
    )

    def state() -> CoverageState:
        (plan,) = services.coverage.report(date(2026, 11, 24)).plans
        return next(m.state for m in plan.members if m.person_id == office.zhang)

    assert state() is CoverageState.DUE
    booked, _ = services.plans.schedule(office.leader, office.zhang, datetime(2026, 11, 30, 9, 30))
    assert state() is CoverageState.SCHEDULED
    services.plans.cancel(booked.id)
    assert state() is CoverageState.DUE


@pytest.mark.parametrize(
    ("on", "offered"),
    [
        (date(2026, 11, 24), date(2026, 11, 25)),  # Tuesday: Wednesday
        (date(2026, 11, 27), date(2026, 11, 30)),  # Friday: Monday
        (date(2026, 9, 30), date(2026, 10, 8)),  # before National Day: the first day after it
        (date(2026, 9, 18), date(2026, 9, 20)),  # Friday before a 调休 Sunday: that Sunday
    ],
)
def test_a_new_appointment_is_offered_on_the_next_working_day(
    services: Services, on: date, offered: date
) -> None:
    assert suggest_slot(services.calendar, on) == datetime.combine(offered, time(9, 30))


def test_the_slot_follows_the_users_calendar_corrections(services: Services) -> None:
    services.calendar.set_override(date(2026, 11, 25), working=False)  # a local day off
    assert suggest_slot(services.calendar, date(2026, 11, 24)) == datetime(2026, 11, 26, 9, 30)


def test_the_slot_in_a_year_the_package_does_not_know(services: Services) -> None:
    # only the user's word and the weekend rule: 31 Dec 2027 (Fri) → 3 Jan 2028 (Mon)
    calendar = type(services.calendar)(
        services.session.context, lambda year: YearDays(frozenset(), frozenset())
    )
    assert suggest_slot(calendar, date(2027, 12, 31)) == datetime(2028, 1, 3, 9, 30)
