"""Coverage of plans over a workspace: due, done, scheduled, missed; people joining later."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import event

from talkdesk.domain.clock import FixedClock
from talkdesk.domain.coverage import CoverageState
from talkdesk.domain.periods import Period
from talkdesk.domain.values import CadenceKind, TriggerKind
from talkdesk.services.bundle import Services
from talkdesk.services.calendar import CalendarService
from talkdesk.services.coverage import CoverageReport, CoverageService, PlanCoverage
from talkdesk.services.people import PersonInput
from talkdesk.services.plans import PlanInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.talks import TalkInput
from tests.services.conftest import Office

S = CoverageState
Q4 = Period(date(2026, 10, 1), date(2027, 1, 1), date(2026, 12, 31))
Q3 = Period(date(2026, 7, 1), date(2026, 10, 1), date(2026, 9, 30))


@pytest.fixture
def coverage(services: Services) -> CoverageService:
    ctx = services.session.context
    return CoverageService(ctx, CalendarService(ctx))


@pytest.fixture
def quarterly(services: Services, office: Office) -> int:
    """The director talks with everyone of the office (a department) every quarter, since July."""
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


def _plan(report: CoverageReport, plan_id: int) -> PlanCoverage:
    return next(p for p in report.plans if p.plan_id == plan_id)


def _states(plan: PlanCoverage) -> dict[str, S]:
    return {m.person_name: m.state for m in plan.members}


def _talk(services: Services, talker: int, person: int, at: datetime) -> None:
    services.talks.create_talk(TalkInput(talker_id=talker, person_id=person, held_at=at))


def test_everyone_of_the_department_is_due_this_quarter(
    coverage: CoverageService, quarterly: int
) -> None:
    plan = _plan(coverage.report(), quarterly)
    assert plan.period == Q4
    assert _states(plan) == {"张三": S.DUE, "李四": S.DUE}  # the talker is not his own member
    line = plan.members[0]
    assert line.deadline == date(2026, 12, 31)
    assert line.days_left == 37
    assert line.working_days_left == 27  # no holiday left in 2026 after 24 November
    assert line.last_talk_on is None
    # Both missed the third quarter (the plan started in July).
    assert {(m.person_name, m.period) for m in plan.missed} == {("张三", Q3), ("李四", Q3)}


def test_a_talk_makes_the_person_done(
    services: Services, coverage: CoverageService, office: Office, quarterly: int
) -> None:
    _talk(services, office.leader, office.zhang, datetime(2026, 11, 3, 10, 0))
    _talk(services, office.leader, office.li, datetime(2026, 8, 20, 15, 0))
    plan = _plan(coverage.report(), quarterly)
    assert _states(plan) == {"张三": S.DONE, "李四": S.DUE}
    assert plan.count(S.DONE) == 1 and [m.person_name for m in plan.to_talk] == ["李四"]
    zhang = next(m for m in plan.members if m.person_name == "张三")
    assert zhang.last_talk_on == date(2026, 11, 3)
    # 李四 talked in the third quarter, so nothing was missed there; 张三 missed it.
    assert [(m.person_name, m.period) for m in plan.missed] == [("张三", Q3)]
    # The due line comes first, for a to-do list.
    assert plan.members[0].person_name == "李四"


def test_a_talk_by_someone_else_does_not_count(
    services: Services, coverage: CoverageService, office: Office, quarterly: int
) -> None:
    _talk(services, office.li, office.zhang, datetime(2026, 11, 3, 10, 0))
    assert _states(_plan(coverage.report(), quarterly))["张三"] is S.DUE


def test_a_talk_counts_for_every_plan_of_that_talker(
    services: Services, coverage: CoverageService, office: Office, quarterly: int
) -> None:
    monthly, _ = services.plans.create_plan(
        PlanInput(
            name="张三月度谈话",
            talker_id=office.leader,
            cadence=CadenceKind.MONTHLY,
            start_on=date(2026, 11, 1),
            person_ids=(office.zhang,),
        )
    )
    _talk(services, office.leader, office.zhang, datetime(2026, 11, 10, 9, 0))
    report = coverage.report()
    assert _states(_plan(report, monthly.id)) == {"张三": S.DONE}
    assert _states(_plan(report, quarterly))["张三"] is S.DONE


def test_a_person_joining_the_department_later_is_covered(
    services: Services, coverage: CoverageService, office: Office, quarterly: int
) -> None:
    sub, _ = services.people.add_department("文印室", parent_id=office.department)
    wang, _ = services.people.add_person(
        PersonInput("王五", sub.id, "科员", joined_on=date(2026, 11, 2))
    )
    plan = _plan(coverage.report(), quarterly)
    assert _states(plan)["王五"] is S.DUE
    line = next(m for m in plan.members if m.person_id == wang.id)
    assert line.person.department_name == "文印室"
    assert line.missed == ()  # joined after the third quarter
    # Someone who joins only next month is not covered yet; someone who left is not covered.
    services.people.add_person(PersonInput("赵六", office.department, joined_on=date(2026, 12, 1)))
    services.people.mark_left(office.li, date(2026, 11, 20))
    names = set(_states(_plan(coverage.report(), quarterly)))
    assert names == {"张三", "王五"}


def test_an_appointment_makes_the_person_scheduled(
    services: Services, coverage: CoverageService, office: Office, quarterly: int
) -> None:
    appt, _ = services.plans.schedule(
        office.leader, office.zhang, datetime(2026, 12, 3, 9, 30), "小会议室", plan_id=quarterly
    )
    plan = _plan(coverage.report(), quarterly)
    zhang = next(m for m in plan.members if m.person_name == "张三")
    assert zhang.state is S.SCHEDULED
    assert zhang.appointment_id == appt.id
    assert zhang.appointment_at == datetime(2026, 12, 3, 9, 30)
    services.plans.cancel(appt.id)
    assert _states(_plan(coverage.report(), quarterly))["张三"] is S.DUE


def test_hard_limit_makes_overdue_and_earlier_days_can_be_asked(
    services: Services, coverage: CoverageService, office: Office, clock: FixedClock
) -> None:
    plan, _ = services.plans.create_plan(
        PlanInput(
            name="月度谈话",
            talker_id=office.leader,
            cadence=CadenceKind.MONTHLY,
            start_on=date(2026, 1, 1),
            person_ids=(office.zhang, office.li),
            soft_days=30,
            hard_days=42,
        )
    )
    _talk(services, office.leader, office.zhang, datetime(2026, 10, 5, 9, 0))
    _talk(services, office.leader, office.li, datetime(2026, 10, 30, 9, 0))
    report = coverage.report()
    assert _states(_plan(report, plan.id)) == {"张三": S.OVERDUE, "李四": S.PENDING}
    overdue = _plan(report, plan.id).members[0]
    assert overdue.person_name == "张三" and overdue.days_left == -8
    assert overdue.working_days_left == -6  # 17 November to 24 November, Monday to Tuesday

    # `talkdesk due --on`: as things stood on 20 October.
    earlier = coverage.report(on=date(2026, 10, 20))
    assert _states(_plan(earlier, plan.id)) == {"张三": S.DONE, "李四": S.OVERDUE}


def test_every_n_weeks_plan_rolls_from_the_last_talk(
    services: Services, coverage: CoverageService, office: Office
) -> None:
    plan, _ = services.plans.create_plan(
        PlanInput(
            name="每四周",
            talker_id=office.leader,
            cadence=CadenceKind.EVERY_N_WEEKS,
            cadence_n=4,
            start_on=date(2026, 9, 1),
            person_ids=(office.zhang, office.li),
        )
    )
    # A talk long ago, before the plan started, does not count: the plan's start does.
    _talk(services, office.leader, office.zhang, datetime(2025, 3, 3, 9, 0))
    _talk(services, office.leader, office.li, datetime(2026, 11, 10, 9, 0))
    lines = {m.person_name: m for m in _plan(coverage.report(), plan.id).members}
    assert lines["李四"].state is S.DUE
    assert lines["李四"].deadline == date(2026, 12, 8)
    assert lines["张三"].state is S.OVERDUE
    assert lines["张三"].deadline == date(2026, 9, 29)
    assert lines["张三"].last_talk_on is None
    assert lines["李四"].last_talk_on == date(2026, 11, 10)


def test_waiting_triggers_and_paused_plans(
    services: Services, coverage: CoverageService, office: Office, quarterly: int
) -> None:
    trigger, _ = services.plans.add_trigger(
        office.zhang, TriggerKind.HARDSHIP, date(2026, 11, 20), within_days=7
    )
    report = coverage.report()
    assert [(t.id, t.person_name, t.days_left, t.state) for t in report.triggers] == [
        (trigger.id, "张三", 3, S.DUE)
    ]
    data = services.plans.plan_input(quarterly)
    services.plans.update_plan(quarterly, replace(data, active=False))
    assert coverage.report().plans == ()


def test_coverage_reads_a_few_queries_not_one_per_person(
    services: Services, coverage: CoverageService, office: Office, quarterly: int
) -> None:
    for i in range(30):
        services.people.add_person(PersonInput(f"新人{i}", office.department))
    engine = services.session.context.db.engine
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "workspace_info" not in statement:  # the calendar's years, stored once
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        report = coverage.report()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(_plan(report, quarterly).members) == 32
    assert len(statements) <= 10, statements


def test_the_report_is_kept_until_the_data_change(session: WorkspaceSession) -> None:
    services = Services(session)
    first = services.coverage.report(date(2026, 11, 24))
    assert services.coverage.report(date(2026, 11, 24)) is first  # nothing changed: kept
    assert services.coverage.report(date(2026, 11, 25)) is not first  # another day
    services.people.add_department("新部门")
    again = services.coverage.report(date(2026, 11, 24))
    assert again is not first  # a write happened: computed anew
