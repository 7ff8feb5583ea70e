"""The day's agenda over a small office: who is due, appointments, triggers, follow-ups."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event

from talkdesk.domain.coverage import CoverageState
from talkdesk.domain.values import CadenceKind, FollowUpStatus, TriggerKind
from talkdesk.services.agenda import AgendaService
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.plans import PlanInput
from talkdesk.services.talks import TalkInput
from tests.services.conftest import Office

TODAY = date(2026, 11, 24)  # a Tuesday (the test clock)


@pytest.fixture
def agenda(services: Services) -> AgendaService:
    return services.agenda


@pytest.fixture
def quarterly(services: Services, office: Office) -> int:
    plan, _ = services.plans.create_plan(
        PlanInput(
            name="办公室季度谈心谈话",
            talker_id=office.leader,
            cadence=CadenceKind.QUARTERLY,
            start_on=date(2026, 7, 1),
            department_ids=(office.department,),
        )
    )
    return plan.id


def test_a_quarterly_plan_over_a_department_lists_its_people_as_due(
    services: Services, office: Office, quarterly: int, agenda: AgendaService
) -> None:
    # Q3 had a talk with 张三 only: 李四's Q3 was missed
    services.talks.create_talk(TalkInput(office.leader, office.zhang, datetime(2026, 8, 3, 9)))
    day = agenda.agenda()
    assert day.on == TODAY and day.week_end == date(2026, 11, 29)
    (plan,) = day.plans
    assert plan.plan_id == quarterly and plan.name == "办公室季度谈心谈话"
    assert plan.period is not None and plan.period.start == date(2026, 10, 1)
    assert [(m.person_name, m.state) for m in plan.to_talk] == [
        ("李四", CoverageState.DUE),
        ("张三", CoverageState.DUE),
    ]
    first = plan.to_talk[0]
    assert first.deadline == date(2026, 12, 31) and first.days_left == 37
    assert 0 < first.working_days_left < first.days_left  # weekends and holidays left out
    assert (plan.covered, plan.done, plan.due, plan.overdue) == (2, 0, 2, 0)
    assert [(m.person_name, m.period.start) for m in day.missed] == [("李四", date(2026, 7, 1))]
    assert day.people_due == 2 and day.attention == 2

    # a talk with 李四 today: done, and the counts change
    services.talks.create_talk(TalkInput(office.leader, office.li, datetime(2026, 11, 24, 9)))
    (plan,) = agenda.agenda().plans
    assert [m.person_name for m in plan.to_talk] == ["张三"]
    assert (plan.done, plan.due) == (1, 1)


def test_appointments_of_today_and_later_this_week(
    services: Services, office: Office, quarterly: int, agenda: AgendaService
) -> None:
    plans = services.plans
    plans.schedule(office.leader, office.zhang, datetime(2026, 11, 24, 15), "二楼", quarterly)
    plans.schedule(office.leader, office.li, datetime(2026, 11, 27, 10))
    plans.schedule(office.leader, office.li, datetime(2026, 11, 30, 9))  # next week
    cancelled, _ = plans.schedule(office.leader, office.li, datetime(2026, 11, 26, 9))
    plans.cancel(cancelled.id)
    day = agenda.agenda()
    assert [(a.person_name, a.place) for a in day.today] == [("张三", "二楼")]
    assert [a.starts_at for a in day.later_this_week] == [datetime(2026, 11, 27, 10)]
    # both have a talk booked in the quarter: nobody left to chase
    (plan,) = day.plans
    assert plan.to_talk == () and plan.scheduled == 2


def test_overdue_and_soon_due_follow_ups_and_waiting_triggers(
    services: Services, office: Office, agenda: AgendaService
) -> None:
    fu = services.follow_ups
    late, _ = fu.create(FollowUpInput("食堂", office.zhang, due_on=TODAY - timedelta(days=3)))
    soon, _ = fu.create(FollowUpInput("车位", office.li, due_on=TODAY + timedelta(days=7)))
    fu.create(FollowUpInput("宿舍", office.li, due_on=TODAY + timedelta(days=8)))  # not yet
    fu.create(FollowUpInput("无期限", office.li))
    closed, _ = fu.create(FollowUpInput("报销", office.li, due_on=TODAY - timedelta(days=9)))
    fu.set_status(closed.id, FollowUpStatus.RESOLVED, "已办")
    services.plans.add_trigger(office.li, TriggerKind.HARDSHIP, date(2026, 11, 1), 14)

    day = agenda.agenda()
    assert [f.id for f in day.follow_ups_overdue] == [late.id]
    assert [f.id for f in day.follow_ups_due] == [soon.id]
    (trigger,) = day.triggers
    assert trigger.person_name == "李四" and trigger.state is CoverageState.OVERDUE
    assert trigger.days_left == -9
    assert day.attention == 2  # the overdue trigger and the overdue follow-up

    # the same day seen a week later: 车位 is overdue too
    later = agenda.agenda(TODAY + timedelta(days=8))
    assert [f.title for f in later.follow_ups_overdue] == ["食堂", "车位"]
    assert [f.title for f in later.follow_ups_due] == ["宿舍"]


def test_the_agenda_is_read_in_a_few_queries(
    services: Services, office: Office, quarterly: int, agenda: AgendaService
) -> None:
    for i in range(5):
        services.follow_ups.create(FollowUpInput(f"事项{i}", office.zhang, due_on=TODAY))
    statements: list[str] = []
    engine = services.session.context.db.engine

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", count)
    try:
        agenda.agenda()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    selects = [
        s
        for s in statements
        if s.lstrip().upper().startswith(("SELECT", "WITH"))
        and "workspace_info" not in s  # the calendar's years, stored once
    ]
    assert len(selects) <= 12, selects


def test_a_glance_reads_the_first_follow_ups_and_counts_the_rest(
    services: Services, office: Office
) -> None:
    for i in range(5):
        services.follow_ups.create(
            FollowUpInput(f"事项{i}", office.zhang, due_on=date(2026, 11, 1 + i))
        )
    services.follow_ups.create(FollowUpInput("本周事项", office.li, due_on=date(2026, 11, 26)))
    full = services.agenda.agenda(date(2026, 11, 24))
    glance = services.agenda.agenda(date(2026, 11, 24), follow_up_lines=2)
    assert len(full.follow_ups_overdue) == 5 and full.follow_ups_overdue_count == 5
    assert [f.title for f in glance.follow_ups_overdue] == ["事项0", "事项1"]
    assert glance.follow_ups_overdue_count == 5
    assert glance.follow_ups_due_count == full.follow_ups_due_count == 1
    assert glance.attention == full.attention
