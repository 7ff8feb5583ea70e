"""A person's page read in one call: the timeline, coverage in each plan, triggers."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event

from talkdesk.domain.coverage import CoverageState
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import CadenceKind, CareLevel, FollowUpStatus, TalkKind, TriggerKind
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.person_profile import TimelineKind
from talkdesk.services.plans import PlanInput
from talkdesk.services.talks import TalkInput
from tests.services.conftest import Office

TODAY = date(2026, 11, 24)  # the test clock's day


def _talk(services: Services, office: Office, at: datetime, **more: object) -> int:
    detail, _ = services.talks.create_talk(
        TalkInput(talker_id=office.leader, person_id=office.zhang, held_at=at, **more)
    )
    return detail.id


def _item(services: Services, office: Office, title: str, talk_id: int | None = None) -> int:
    detail, _ = services.follow_ups.create(
        FollowUpInput(title=title, person_id=office.zhang, talk_id=talk_id, handler="办公室")
    )
    return detail.id


def test_the_timeline_merges_talks_and_follow_ups_newest_first(
    services: Services, office: Office
) -> None:
    old = _talk(services, office, datetime(2026, 3, 2, 10), kind=TalkKind.NEW_POST)
    recent = _talk(
        services,
        office,
        datetime(2026, 11, 20, 15),
        topics=(),
        content="谈了工作",
        private_notes="只有我知道的事",
        care_level=CareLevel.WATCH,
        care_reason="家中老人住院",
    )
    item = _item(services, office, "协调解决子女入学", recent)  # raised now: 2026-11-24 09:30
    services.follow_ups.set_status(item, FollowUpStatus.IN_PROGRESS)
    services.talks.create_talk(
        TalkInput(talker_id=office.leader, person_id=office.li, held_at=datetime(2026, 11, 21, 9))
    )

    profile = services.profiles.profile(office.zhang)

    assert profile.person.name == "张三"
    assert profile.person.department_name == "办公室"
    assert profile.on == TODAY
    rows = profile.timeline.rows
    assert [(r.kind, r.id) for r in rows] == [
        (TimelineKind.FOLLOW_UP, item),
        (TimelineKind.TALK, recent),
        (TimelineKind.TALK, old),
    ]
    assert (profile.timeline.talks, profile.timeline.follow_ups) == (2, 1)
    assert profile.timeline.complete
    assert rows[0].title == "协调解决子女入学"
    assert rows[0].status is FollowUpStatus.IN_PROGRESS
    assert rows[0].who == "办公室"
    assert rows[1].who == "王主任"
    assert rows[1].is_care
    assert rows[2].talk_kind is TalkKind.NEW_POST
    assert profile.last_talk_at == datetime(2026, 11, 20, 15)
    assert profile.open_follow_ups == 1
    # no note text reaches the page, least of all the private notes or the care reason
    shown = repr(profile)
    for secret in ("只有我知道的事", "家中老人住院", "谈了工作"):
        assert secret not in shown


def test_the_timeline_is_limited_and_says_how_much_more_there_is(
    services: Services, office: Office
) -> None:
    start = datetime(2026, 1, 5, 9)
    talks = [_talk(services, office, start + timedelta(days=7 * i)) for i in range(5)]
    _item(services, office, "一件事")
    _item(services, office, "另一件事")

    profile = services.profiles.profile(office.zhang, limit=3)
    assert len(profile.timeline.rows) == 3
    assert profile.timeline.total == 7
    assert not profile.timeline.complete
    assert [r.kind for r in profile.timeline.rows] == [
        TimelineKind.FOLLOW_UP,
        TimelineKind.FOLLOW_UP,
        TimelineKind.TALK,
    ]
    assert profile.timeline.rows[2].id == talks[-1]

    more = services.profiles.timeline(office.zhang, limit=6)
    assert [r.id for r in more.rows if r.is_talk] == talks[::-1][:4]
    assert services.profiles.timeline(office.zhang, limit=200).complete


def test_coverage_in_each_plan_covering_the_person(services: Services, office: Office) -> None:
    quarterly, _ = services.plans.create_plan(
        PlanInput(
            name="季度谈心谈话",
            talker_id=office.leader,
            cadence=CadenceKind.QUARTERLY,
            start_on=date(2026, 7, 1),
            department_ids=(office.department,),
        )
    )
    monthly, _ = services.plans.create_plan(
        PlanInput(
            name="每月谈话",
            talker_id=office.leader,
            cadence=CadenceKind.MONTHLY,
            start_on=date(2026, 7, 1),
            person_ids=(office.li,),
            hard_days=20,
        )
    )
    _talk(services, office, datetime(2026, 10, 9, 10))  # 张三 in this quarter

    zhang = services.profiles.profile(office.zhang).plans
    assert [(p.plan_name, p.state) for p in zhang] == [("季度谈心谈话", CoverageState.DONE)]
    [line] = zhang
    assert line.plan_id == quarterly.id
    assert line.talker_name == "王主任"
    assert line.cadence.kind is CadenceKind.QUARTERLY
    assert line.last_talk_on == date(2026, 10, 9)
    assert line.deadline == date(2026, 12, 31)
    assert line.missed  # nothing in the third quarter

    li = {p.plan_id: p for p in services.profiles.profile(office.li).plans}
    assert li[quarterly.id].state is CoverageState.DUE  # no limits: due all quarter
    assert li[monthly.id].state is CoverageState.OVERDUE  # 20 days from the plan's start
    assert li[monthly.id].last_talk_on is None
    assert services.profiles.profile(office.leader).plans == ()  # the talker is no member


def test_triggers_waiting_and_answered(services: Services, office: Office) -> None:
    plans = services.plans
    answered, _ = plans.add_trigger(office.zhang, TriggerKind.NEW_POST, date(2026, 9, 1), 30)
    talk_id = _talk(services, office, datetime(2026, 9, 10, 10))
    late, _ = plans.add_trigger(office.zhang, TriggerKind.HARDSHIP, date(2026, 11, 10), 7, "住院")
    soon, _ = plans.add_trigger(office.zhang, TriggerKind.REQUESTED, date(2026, 11, 23), 7)

    triggers = services.profiles.profile(office.zhang).triggers
    assert [t.id for t in triggers] == [late.id, soon.id, answered.id]
    assert [t.state for t in triggers] == [
        CoverageState.OVERDUE,
        CoverageState.DUE,
        CoverageState.DONE,
    ]
    assert triggers[0].note == "住院"
    assert triggers[0].days_left == -7
    assert triggers[1].days_left == 6
    assert (triggers[2].talk_id, triggers[2].talk_at) == (talk_id, datetime(2026, 9, 10, 10))
    assert services.profiles.profile(office.li).triggers == ()


def test_an_unknown_person_is_not_found(services: Services, office: Office) -> None:
    with pytest.raises(TalkdeskError) as raised:
        services.profiles.profile(9999)
    assert raised.value.code is ErrorCode.NOT_FOUND


def test_read_in_a_few_queries_however_long_the_history(services: Services, office: Office) -> None:
    start = datetime(2025, 1, 6, 9)
    for i in range(40):
        talk_id = _talk(services, office, start + timedelta(days=7 * i))
        _item(services, office, f"事项{i}", talk_id)
    services.plans.add_trigger(office.zhang, TriggerKind.NEW_POST, date(2026, 9, 1), 30)
    services.coverage.report()  # the shared report, as the Today page leaves it
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    engine = services.session.context.db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        profile = services.profiles.profile(office.zhang)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert profile.timeline.total == 80
    assert len(profile.timeline.rows) == 80
    assert len(statements) <= 8


def test_plan_lines_follow_the_coverage_after_a_change(services: Services, office: Office) -> None:
    plan, _ = services.plans.create_plan(
        PlanInput(
            name="季度谈心谈话",
            talker_id=office.leader,
            cadence=CadenceKind.QUARTERLY,
            start_on=date(2026, 10, 1),
            person_ids=(office.zhang, office.li),
        )
    )
    profiles = services.profiles
    assert [p.state for p in profiles.profile(office.zhang).plans] == [CoverageState.DUE]
    assert [p.state for p in profiles.plan_lines(office.li)] == [CoverageState.DUE]
    _talk(services, office, datetime(2026, 11, 2, 10))  # 张三's talk this quarter
    assert [p.state for p in profiles.profile(office.zhang).plans] == [CoverageState.DONE]
    assert [p.state for p in profiles.plan_lines(office.li)] == [CoverageState.DUE]
    assert profiles.plan_lines(office.leader) == ()  # the talker is no member
    assert [p.plan_id for p in profiles.plan_lines(office.zhang)] == [plan.id]
