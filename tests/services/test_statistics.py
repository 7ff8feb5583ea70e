"""Statistics of a period: every figure checked against counts made here from the records."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from talkdesk.domain.clock import FixedClock
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import (
    CadenceKind,
    CareLevel,
    FeedbackHow,
    FollowUpSource,
    FollowUpStatus,
    Response,
    Topic,
)
from talkdesk.services.bundle import Services
from talkdesk.services.demo import generate
from talkdesk.services.follow_ups import FollowUpDetail, FollowUpFilter, FollowUpInput
from talkdesk.services.people import PeopleFilter, PersonInput, PersonRow
from talkdesk.services.plans import PlanInput
from talkdesk.services.query import Page
from talkdesk.services.statistics_figures import (
    ALL,
    MISSED,
    NO_DEPARTMENT,
    CareSlice,
    FeedbackSlice,
    FollowUpMeasure,
    Indicator,
    PeriodKind,
    ReportPeriod,
    Statistics,
    StatisticsFilter,
)
from talkdesk.services.talks import TalkInput, TalkListRow
from tests.services.conftest import Office

NOW = datetime(2026, 11, 24, 9, 30)
Q4 = ReportPeriod.of(PeriodKind.QUARTER, date(2026, 11, 1))
Q3 = ReportPeriod.of(PeriodKind.QUARTER, date(2026, 8, 1))
EVERYTHING = Page(0, 1_000_000)


# -- periods -----------------------------------------------------------------------------


def test_calendar_periods_and_their_neighbours() -> None:
    assert ReportPeriod(date(2026, 10, 1), date(2027, 1, 1), PeriodKind.QUARTER) == Q4
    assert Q4.code == "2026Q4" and Q4.last_day == date(2026, 12, 31)
    assert Q4.previous() == Q3 and Q3.next() == Q4
    assert ReportPeriod.of(PeriodKind.QUARTER, date(2026, 1, 5)).previous().code == "2025Q4"
    half = ReportPeriod.of(PeriodKind.HALF_YEAR, date(2026, 9, 30))
    assert (half.start, half.end, half.code) == (date(2026, 7, 1), date(2027, 1, 1), "2026H2")
    assert half.previous().code == "2026H1"
    year = ReportPeriod.of(PeriodKind.YEAR, date(2026, 5, 5))
    assert (year.code, year.days, year.previous().code) == ("2026", 365, "2025")
    feb = ReportPeriod.of(PeriodKind.MONTH, date(2024, 2, 29))
    assert (feb.code, feb.days, feb.next().code) == ("2024-02", 29, "2024-03")
    for code in ("2026Q3", "2026H2", "2026", "2026-03"):
        assert ReportPeriod.parse(code).code == code
    assert ReportPeriod.parse("2026m3").code == "2026-03"


def test_a_custom_period_compares_with_as_many_days_before() -> None:
    weeks = ReportPeriod.between(date(2026, 11, 2), date(2026, 11, 15))
    assert weeks.kind is PeriodKind.CUSTOM and weeks.days == 14
    assert weeks.previous() == ReportPeriod.between(date(2026, 10, 19), date(2026, 11, 1))
    assert weeks.code == "2026-11-02..2026-11-15"


@pytest.mark.parametrize("text", ["2026Q5", "2026H0", "26Q1", "2026-13", "Q3", "", "2026Qx"])
def test_a_period_not_understood_is_refused(text: str) -> None:
    with pytest.raises(TalkdeskError) as err:
        ReportPeriod.parse(text)
    assert err.value.code is ErrorCode.INVALID_VALUE


def test_an_empty_range_is_refused() -> None:
    with pytest.raises(TalkdeskError):
        ReportPeriod(date(2026, 1, 2), date(2026, 1, 2))


# -- a small office, by hand --------------------------------------------------------------


@pytest.fixture
def quarterly(services: Services, office: Office) -> int:
    """The director talks with the whole office (a department) every quarter since July."""
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


def _talk(
    services: Services,
    talker: int,
    person: int,
    at: datetime,
    topics: tuple[Topic, ...] = (Topic.WORK,),
    care: CareLevel = CareLevel.NONE,
) -> int:
    detail, _ = services.talks.create_talk(
        TalkInput(talker, person, at, topics=topics, care_level=care)
    )
    return detail.id


@dataclass(frozen=True)
class Items:
    on_due_day: int  # resolved on its due day: on time, feedback satisfied
    late: int  # resolved after its due day, no feedback yet
    overdue: int  # open, due before today
    from_q3: int  # opened in Q3, overdue at its end, closed in Q4 as cannot be resolved
    box: int  # an anonymous suggestion, resolved without a due day, told through its ticket


@pytest.fixture
def items(services: Services, office: Office, clock: FixedClock, quarterly: int) -> Items:
    fu = services.follow_ups

    def at(day: date) -> None:
        clock.set(datetime.combine(day, datetime.min.time()) + timedelta(hours=10))

    oct12 = _talk(
        services,
        office.leader,
        office.zhang,
        datetime(2026, 10, 12, 10),
        (Topic.WORK, Topic.LIFE),
        CareLevel.CARE,
    )
    _talk(services, office.leader, office.zhang, datetime(2026, 11, 3, 10), (Topic.WORK,))
    aug = _talk(services, office.leader, office.li, datetime(2026, 8, 20, 15), (Topic.CAREER,))

    at(date(2026, 10, 12))
    a, _ = fu.create(FollowUpInput("A", office.zhang, talk_id=oct12, due_on=date(2026, 10, 20)))
    at(date(2026, 10, 13))
    b, _ = fu.create(FollowUpInput("B", office.zhang, talk_id=oct12, due_on=date(2026, 10, 15)))
    at(date(2026, 10, 14))
    c, _ = fu.create(FollowUpInput("C", office.zhang, talk_id=oct12, due_on=date(2026, 11, 1)))
    at(date(2026, 9, 1))
    d, _ = fu.create(FollowUpInput("D", office.li, talk_id=aug, due_on=date(2026, 9, 10)))
    at(date(2026, 10, 5))
    e, _ = fu.create(FollowUpInput("E", source=FollowUpSource.SUGGESTION_BOX))

    at(date(2026, 10, 2))
    fu.set_status(d.id, FollowUpStatus.UNRESOLVABLE, "政策不允许")
    fu.record_feedback(d.id, date(2026, 10, 3), FeedbackHow.PHONE, "已解释", Response.PARTLY)
    at(date(2026, 10, 6))
    fu.set_status(e.id, FollowUpStatus.RESOLVED, "已更换")
    fu.record_feedback(e.id, date(2026, 10, 6), FeedbackHow.WRITING, "已公示")
    at(date(2026, 10, 20))
    fu.set_status(a.id, FollowUpStatus.RESOLVED, "已办结")
    fu.record_feedback(
        a.id, date(2026, 10, 21), FeedbackHow.IN_PERSON, "已告知", Response.SATISFIED
    )
    at(date(2026, 10, 25))
    fu.set_status(b.id, FollowUpStatus.RESOLVED, "已办结")
    clock.set(NOW)
    return Items(a.id, b.id, c.id, d.id, e.id)


def _ids(services: Services, period: ReportPeriod, indicator: Indicator, key: str) -> set[int]:
    found = services.statistics.records(period, indicator, key)
    rows = found.talks or found.follow_ups or found.covered or found.cared
    assert found.total == len(rows)
    return {r.id for r in rows}


def test_the_figures_of_a_quarter(services: Services, office: Office, items: Items) -> None:
    stats = services.statistics.compute(Q4)
    assert stats.as_of == NOW.date()  # the quarter is running: judged today
    assert (stats.talks, stats.people_talked) == (2, 1)

    coverage = stats.coverage
    assert (coverage.covered, coverage.talked, coverage.rate) == (2, 1, 0.5)
    [office_bar] = coverage.departments
    assert (office_bar.name, office_bar.covered, office_bar.talked) == ("办公室", 2, 1)
    missed = services.statistics.records(Q4, Indicator.COVERAGE, MISSED)
    assert [(p.name, p.talked_on) for p in missed.covered] == [("李四", None)]
    everyone = services.statistics.records(Q4, Indicator.COVERAGE, office_bar.key)
    # the missed first, then those talked with (with their last talk of the period)
    assert [(p.name, p.talked_on) for p in everyone.covered] == [
        ("李四", None),
        ("张三", date(2026, 11, 3)),
    ]

    assert stats.months[0].key == "2026-01"
    by_month = {m.key: m.talks for m in stats.months}
    assert by_month == {**{f"2026-{m:02d}": 0 for m in range(1, 13)}, "2026-08": 1} | {
        "2026-10": 1,
        "2026-11": 1,
    }

    fu = stats.follow_ups
    assert (fu.opened, fu.resolved, fu.unresolvable, fu.overdue) == (4, 3, 1, 1)
    # A was resolved on its due day: on time, as is E, which had no due day; B was late
    assert (fu.resolved_on_time, fu.resolved_late) == (2, 1)
    assert fu.on_time_rate == pytest.approx(2 / 3)
    assert fu.median_days_to_resolve == 8  # E 1 day, A 8, B 12
    ids = {m: _ids(services, Q4, Indicator.FOLLOW_UPS, m.value) for m in FollowUpMeasure}
    assert ids == {
        FollowUpMeasure.OPENED: {items.on_due_day, items.late, items.overdue, items.box},
        FollowUpMeasure.RESOLVED: {items.on_due_day, items.late, items.box},
        FollowUpMeasure.UNRESOLVABLE: {items.from_q3},
        FollowUpMeasure.OVERDUE: {items.overdue},
        FollowUpMeasure.RESOLVED_LATE: {items.late},
    }

    fb = stats.feedback
    assert (fb.owed, fb.given, fb.not_given) == (4, 3, 1)  # D, E and A told; B not yet
    assert (fb.satisfied, fb.partly, fb.not_satisfied, fb.no_response) == (1, 1, 0, 1)
    assert fb.rate == 0.75
    slices = {s: _ids(services, Q4, Indicator.FEEDBACK, s.value) for s in FeedbackSlice}
    assert slices == {
        FeedbackSlice.SATISFIED: {items.on_due_day},
        FeedbackSlice.PARTLY: {items.from_q3},
        FeedbackSlice.NOT_SATISFIED: set(),
        FeedbackSlice.NO_RESPONSE: {items.box},
        FeedbackSlice.NOT_GIVEN: {items.late},
    }

    topics = {t.topic: t.talks for t in stats.topics}
    assert topics == {**dict.fromkeys(Topic, 0), Topic.WORK: 2, Topic.LIFE: 1}
    life = services.statistics.records(Q4, Indicator.TOPICS, Topic.LIFE.value)
    assert [t.held_at for t in life.talks] == [datetime(2026, 10, 12, 10)]

    care = stats.care
    assert (care.people, care.needs_care, care.talked_again, care.rate) == (1, 1, 1, 1.0)
    [cared] = services.statistics.records(Q4, Indicator.CARE, CareSlice.ALL.value).cared
    assert (cared.name, cared.care_level, cared.flagged_on) == (
        "张三",
        CareLevel.CARE,
        date(2026, 10, 12),
    )
    assert cared.talked_again_on == date(2026, 11, 3)
    assert not services.statistics.records(
        Q4, Indicator.CARE, CareSlice.NOT_TALKED_AGAIN.value
    ).cared

    talks = services.statistics.records(Q4, Indicator.TALKS)
    assert [t.held_at.date() for t in talks.talks] == [date(2026, 11, 3), date(2026, 10, 12)]
    august = services.statistics.records(Q4, Indicator.TALKS_PER_MONTH, "2026-08")
    assert [t.person_name for t in august.talks] == ["李四"]


def test_the_previous_quarter_is_judged_on_its_last_day(
    services: Services, office: Office, items: Items
) -> None:
    assert services.statistics.previous(Q4) == Q3
    stats = services.statistics.compute(Q3)
    assert stats.as_of == date(2026, 9, 30)
    fu = stats.follow_ups
    # D was due on 10 September and still open on 30 September: overdue then, closed since
    assert (fu.opened, fu.resolved, fu.unresolvable, fu.overdue) == (1, 0, 0, 1)
    assert _ids(services, Q3, Indicator.FOLLOW_UPS, "overdue") == {items.from_q3}
    assert fu.median_days_to_resolve is None and fu.on_time_rate is None
    assert stats.coverage.talked == 1 and stats.coverage.covered == 2
    assert stats.feedback.owed == 0 and stats.feedback.rate is None


def test_an_empty_period_has_zeros_and_no_rates(
    services: Services, office: Office, items: Items
) -> None:
    period = ReportPeriod.of(PeriodKind.QUARTER, date(2025, 2, 1))  # before everything
    stats = services.statistics.compute(period)
    assert (stats.talks, stats.people_talked) == (0, 0)
    assert stats.coverage.covered == 0 and stats.coverage.rate is None  # the plan began later
    assert all(d.rate is None for d in stats.coverage.departments)
    assert [m.talks for m in stats.months] == [0] * 12
    fu = stats.follow_ups
    assert (fu.opened, fu.resolved, fu.unresolvable, fu.overdue) == (0, 0, 0, 0)
    assert fu.median_days_to_resolve is None and fu.on_time_rate is None
    assert stats.feedback.owed == 0 and stats.feedback.rate is None
    assert all(t.talks == 0 for t in stats.topics)
    assert stats.care.people == 0 and stats.care.rate is None
    for indicator, key in (
        (Indicator.TALKS, ""),
        (Indicator.COVERAGE, ALL),
        (Indicator.FOLLOW_UPS, "opened"),
        (Indicator.FEEDBACK, "satisfied"),
        (Indicator.TOPICS, "work"),
        (Indicator.CARE, "all"),
    ):
        assert services.statistics.records(period, indicator, key).total == 0


def test_a_period_to_come_has_nothing_overdue(
    services: Services, office: Office, items: Items
) -> None:
    stats = services.statistics.compute(ReportPeriod.of(PeriodKind.QUARTER, date(2027, 2, 1)))
    assert stats.follow_ups.overdue == 0 and stats.coverage.talked == 0
    assert stats.coverage.covered == 2  # everyone is still covered: all due, none talked with yet


def test_a_department_with_nobody(services: Services, office: Office, items: Items) -> None:
    empty, _ = services.people.add_department("档案室")
    stats = services.statistics.compute(Q4)
    bars = {d.name: (d.covered, d.talked, d.rate) for d in stats.coverage.departments}
    assert bars == {"办公室": (2, 1, 0.5), "档案室": (0, 0, None)}
    assert services.statistics.records(Q4, Indicator.COVERAGE, str(empty.id)).total == 0

    only = services.statistics.compute(Q4, StatisticsFilter(department_id=empty.id))
    assert (only.talks, only.coverage.covered, only.coverage.rate) == (0, 0, None)
    assert [(d.name, d.covered) for d in only.coverage.departments] == [("档案室", 0)]
    fu = only.follow_ups
    assert (fu.opened, fu.resolved, fu.overdue, only.feedback.owed, only.care.people) == (
        0,
        0,
        0,
        0,
        0,
    )


def test_sub_departments_count_with_their_department(
    services: Services, office: Office, quarterly: int
) -> None:
    sub, _ = services.people.add_department("文秘组", office.department)
    wu, _ = services.people.add_person(PersonInput("吴六", sub.id))
    _talk(services, office.leader, wu.id, datetime(2026, 10, 9, 9))
    stats = services.statistics.compute(Q4)
    assert [(d.name, d.covered, d.talked) for d in stats.coverage.departments] == [("办公室", 3, 1)]
    mine = services.statistics.compute(Q4, StatisticsFilter(department_id=office.department))
    assert [(d.name, d.covered, d.talked) for d in mine.coverage.departments] == [
        ("办公室", 2, 0),
        ("文秘组", 1, 1),
    ]
    group = services.statistics.records(
        Q4, Indicator.COVERAGE, str(sub.id), StatisticsFilter(department_id=office.department)
    )
    assert [p.name for p in group.covered] == ["吴六"]
    assert mine.talks == 1 and mine.coverage.talked == 1


def test_people_in_no_department_have_a_bar_of_their_own(
    services: Services, office: Office
) -> None:
    deputy, _ = services.people.add_person(PersonInput("赵副局长", None, is_leader=True))
    services.plans.create_plan(
        PlanInput(
            "班子谈话", office.leader, CadenceKind.YEARLY, date(2026, 1, 1), person_ids=(deputy.id,)
        )
    )
    stats = services.statistics.compute(Q4)
    [bar] = [d for d in stats.coverage.departments if d.department_id is None]
    assert (bar.key, bar.covered, bar.talked) == (NO_DEPARTMENT, 1, 0)
    found = services.statistics.records(Q4, Indicator.COVERAGE, NO_DEPARTMENT)
    assert [p.name for p in found.covered] == ["赵副局长"]


def test_a_talker_filter_keeps_that_talker_s_plans_talks_and_follow_ups(
    services: Services, office: Office, items: Items
) -> None:
    other, _ = services.people.add_person(PersonInput("钱副主任", office.department))
    services.plans.create_plan(
        PlanInput(
            "钱副主任谈话", other.id, CadenceKind.MONTHLY, date(2026, 1, 1), person_ids=(office.li,)
        )
    )
    talk = _talk(services, other.id, office.li, datetime(2026, 11, 5, 9), (Topic.HEALTH,))
    services.follow_ups.create(FollowUpInput("F", office.li, talk_id=talk))

    theirs = services.statistics.compute(Q4, StatisticsFilter(talker_id=other.id))
    assert (theirs.talks, theirs.people_talked) == (1, 1)
    assert (theirs.coverage.covered, theirs.coverage.talked) == (1, 1)
    assert theirs.follow_ups.opened == 1 and theirs.follow_ups.resolved == 0
    assert {t.topic: t.talks for t in theirs.topics}[Topic.HEALTH] == 1
    assert theirs.care.people == 0

    leader = StatisticsFilter(talker_id=office.leader)
    mine = services.statistics.compute(Q4, leader)
    assert (mine.talks, mine.coverage.covered, mine.coverage.talked) == (2, 3, 1)
    # the anonymous suggestion came from no talk: not the director's
    assert (mine.follow_ups.opened, mine.follow_ups.resolved) == (3, 2)
    assert mine.care.people == 1
    assert _ids(services, Q4, Indicator.TALKS, "") == _ids(services, Q4, Indicator.TALKS, "")
    talks = services.statistics.records(Q4, Indicator.TALKS, "", leader)
    assert {t.talker_id for t in talks.talks} == {office.leader} and talks.total == 2

    everyone = services.statistics.compute(Q4)
    assert everyone.talks == 3 and everyone.coverage.covered == 3  # 钱 is in the office too
    assert everyone.coverage.talked == 2


def test_a_person_who_left_before_the_period_is_not_counted(
    services: Services, office: Office, quarterly: int
) -> None:
    services.people.mark_left(office.li, date(2026, 9, 15))
    assert services.statistics.compute(Q4).coverage.covered == 1
    assert services.statistics.compute(Q3).coverage.covered == 2  # still there in Q3


def test_figures_are_kept_until_the_data_change(
    services: Services, office: Office, quarterly: int
) -> None:
    first = services.statistics.compute(Q4)
    assert services.statistics.compute(Q4) is first
    _talk(services, office.leader, office.li, datetime(2026, 11, 20, 9))
    again = services.statistics.compute(Q4)
    assert again is not first and again.talks == first.talks + 1


def test_a_key_not_understood_is_refused(services: Services, office: Office) -> None:
    for indicator, key in (
        (Indicator.FOLLOW_UPS, "nonsense"),
        (Indicator.TOPICS, "weather"),
        (Indicator.TALKS_PER_MONTH, "March"),
        (Indicator.CARE, ""),
    ):
        with pytest.raises(TalkdeskError) as err:
            services.statistics.records(Q4, indicator, key)
        assert err.value.code is ErrorCode.INVALID_VALUE


def test_talkers_are_leaders_and_plan_talkers(
    services: Services, office: Office, quarterly: int
) -> None:
    assert [t.name for t in services.statistics.talkers()] == ["王主任"]


# -- the demo workspace, counted independently -----------------------------------------------


@pytest.fixture
def demo(services: Services) -> Services:
    generate(services.session.context, people=40, years=2, seed=7)
    return services


def _expected(services: Services, period: ReportPeriod, flt: StatisticsFilter) -> dict[str, object]:
    """Every figure counted here, in plain Python over what the services list."""
    today = NOW.date()
    as_of = min(period.last_day, today)
    people = {p.id: p for p in services.people.people(PeopleFilter(include_left=True), EVERYTHING)}
    in_department = _department_people(services, people, flt.department_id)

    def talk_counts(t: TalkListRow) -> bool:
        return (flt.talker_id is None or t.talker_id == flt.talker_id) and t.person_id in (
            in_department
        )

    all_talks = [t for t in services.talks.list_talks(page=EVERYTHING) if talk_counts(t)]
    talks = [t for t in all_talks if t.held_at.date() in period]

    # coverage: plan members present in the period, talked with by a talker of their plans
    covered: dict[int, set[int]] = {}
    for plan in services.plans.list_plans():
        if not plan.active or plan.start_on >= period.end:
            continue
        if flt.talker_id is not None and plan.talker_id != flt.talker_id:
            continue
        members = set(services.plans.plan_input(plan.id).person_ids)
        for dep in services.plans.plan_input(plan.id).department_ids:
            members |= _department_people(services, people, dep)
        for m in members - {plan.talker_id}:
            p = people[m]
            present = (p.joined_on is None or p.joined_on < period.end) and (
                p.active or (p.left_on is not None and p.left_on >= period.start)
            )
            if present and m in in_department:
                covered.setdefault(m, set()).add(plan.talker_id)
    pairs = {(t.talker_id, t.person_id) for t in talks}
    talked = {m for m, talkers in covered.items() if any((t, m) in pairs for t in talkers)}

    # follow-ups
    talker_talks = {t.id for t in all_talks}
    details: list[FollowUpDetail] = []
    for row in services.follow_ups.list_follow_ups(FollowUpFilter(), page=EVERYTHING):
        detail = services.follow_ups.get(row.id)
        if flt.talker_id is not None and detail.talk_id not in talker_talks:
            continue
        if flt.department_id is not None and row.person_id not in in_department:
            continue
        details.append(detail)

    def closed_in(d: FollowUpDetail) -> bool:
        return d.row.status.is_closed and d.closed_on is not None and d.closed_on in period

    resolved = [d for d in details if closed_in(d) and d.row.status is FollowUpStatus.RESOLVED]
    owed = [d for d in details if closed_in(d) and (d.row.person_id or d.ticket_code)]
    given = [d for d in owed if d.row.feedback_on is not None]
    days = sorted((d.closed_on - d.row.created_at.date()).days for d in resolved if d.closed_on)
    median = None
    if days:
        half = len(days) // 2
        median = float(days[half]) if len(days) % 2 else (days[half - 1] + days[half]) / 2

    # care
    flagged: dict[int, datetime] = {}
    for t in sorted(talks, key=lambda t: t.held_at):
        if t.care_level is not CareLevel.NONE:
            flagged.setdefault(t.person_id, t.held_at)
    every_talk = services.talks.list_talks(page=EVERYTHING)
    again = {
        p
        for p, first in flagged.items()
        if any(t.person_id == p and t.held_at > first for t in every_talk)
    }
    months = [t.held_at.strftime("%Y-%m") for t in all_talks]
    return {
        "talks": len(talks),
        "people_talked": len({t.person_id for t in talks}),
        "covered": len(covered),
        "talked": len(talked),
        "months": Counter(months),
        "opened": sum(1 for d in details if d.row.created_at.date() in period),
        "resolved": len(resolved),
        "unresolvable": sum(
            1 for d in details if closed_in(d) and d.row.status is FollowUpStatus.UNRESOLVABLE
        ),
        "on_time": sum(
            1
            for d in resolved
            if d.row.due_on is None or (d.closed_on and d.closed_on <= d.row.due_on)
        ),
        "overdue": 0
        if as_of < period.start
        else sum(
            1
            for d in details
            if d.row.due_on is not None
            and d.row.due_on < as_of
            and d.row.created_at.date() <= as_of
            and (d.closed_on is None or d.closed_on > as_of)
        ),
        "median": median,
        "owed": len(owed),
        "given": len(given),
        "responses": Counter(d.response for d in given),
        "topics": Counter(topic for t in talks for topic in t.topics),
        "cared": len(flagged),
        "needs_care": len({t.person_id for t in talks if t.care_level is CareLevel.CARE}),
        "again": len(again),
    }


def _department_people(
    services: Services, people: dict[int, PersonRow], department_id: int | None
) -> set[int]:
    if department_id is None:
        return set(people)
    flt = PeopleFilter(department_id=department_id, include_left=True)
    return {p.id for p in services.people.people(flt, EVERYTHING)}


def _check(services: Services, stats: Statistics) -> None:
    want = _expected(services, stats.period, stats.filter)
    assert (stats.talks, stats.people_talked) == (want["talks"], want["people_talked"])
    assert (stats.coverage.covered, stats.coverage.talked) == (want["covered"], want["talked"])
    assert sum(d.covered for d in stats.coverage.departments) == want["covered"]
    months = want["months"]
    assert isinstance(months, Counter)
    assert [m.talks for m in stats.months] == [months[m.key] for m in stats.months]
    fu = stats.follow_ups
    assert (fu.opened, fu.resolved, fu.unresolvable, fu.overdue) == (
        want["opened"],
        want["resolved"],
        want["unresolvable"],
        want["overdue"],
    )
    assert fu.resolved_on_time == want["on_time"]
    assert fu.median_days_to_resolve == want["median"]
    fb = stats.feedback
    assert (fb.owed, fb.given) == (want["owed"], want["given"])
    responses = want["responses"]
    assert isinstance(responses, Counter)
    assert (fb.satisfied, fb.partly, fb.not_satisfied, fb.no_response) == (
        responses[Response.SATISFIED],
        responses[Response.PARTLY],
        responses[Response.NOT_SATISFIED],
        responses[None],
    )
    topics = want["topics"]
    assert isinstance(topics, Counter)
    assert {t.topic: t.talks for t in stats.topics} == {t: topics[t] for t in Topic}
    care = stats.care
    assert (care.people, care.needs_care, care.talked_again) == (
        want["cared"],
        want["needs_care"],
        want["again"],
    )


def _check_records(services: Services, stats: Statistics) -> None:
    """Each bar's or slice's list holds as many records as the bar says."""
    records = services.statistics.records
    period, flt = stats.period, stats.filter
    assert records(period, Indicator.TALKS, "", flt).total == stats.talks
    for month in stats.months:
        assert records(period, Indicator.TALKS_PER_MONTH, month.key, flt).total == month.talks
    for bar in stats.coverage.departments:
        found = records(period, Indicator.COVERAGE, bar.key, flt)
        assert found.total == bar.covered
        assert sum(p.talked_on is not None for p in found.covered) == bar.talked
    assert records(period, Indicator.COVERAGE, MISSED, flt).total == stats.coverage.missed
    fu = stats.follow_ups
    for measure, count in (
        (FollowUpMeasure.OPENED, fu.opened),
        (FollowUpMeasure.RESOLVED, fu.resolved),
        (FollowUpMeasure.UNRESOLVABLE, fu.unresolvable),
        (FollowUpMeasure.OVERDUE, fu.overdue),
        (FollowUpMeasure.RESOLVED_LATE, fu.resolved_late),
    ):
        assert records(period, Indicator.FOLLOW_UPS, measure.value, flt).total == count
    fb = stats.feedback
    for part, count in (
        (FeedbackSlice.SATISFIED, fb.satisfied),
        (FeedbackSlice.PARTLY, fb.partly),
        (FeedbackSlice.NOT_SATISFIED, fb.not_satisfied),
        (FeedbackSlice.NO_RESPONSE, fb.no_response),
        (FeedbackSlice.NOT_GIVEN, fb.not_given),
    ):
        assert records(period, Indicator.FEEDBACK, part.value, flt).total == count
    for topic in stats.topics:
        assert records(period, Indicator.TOPICS, topic.topic.value, flt).total == topic.talks
    care = stats.care
    for part, count in (
        (CareSlice.ALL, care.people),
        (CareSlice.TALKED_AGAIN, care.talked_again),
        (CareSlice.NOT_TALKED_AGAIN, care.not_talked_again),
    ):
        assert records(period, Indicator.CARE, part.value, flt).total == count


@pytest.mark.parametrize(
    "period",
    [
        Q4,
        Q3,
        ReportPeriod.of(PeriodKind.HALF_YEAR, date(2026, 3, 1)),
        ReportPeriod.of(PeriodKind.YEAR, date(2025, 3, 1)),
        ReportPeriod.of(PeriodKind.MONTH, date(2026, 11, 1)),
        ReportPeriod.between(date(2025, 12, 10), date(2026, 2, 20)),
    ],
    ids=lambda p: p.code,
)
def test_demo_figures_match_counts_made_from_the_records(
    demo: Services, period: ReportPeriod
) -> None:
    stats = demo.statistics.compute(period)
    assert stats.talks > 0 and stats.follow_ups.opened > 0
    _check(demo, stats)
    _check_records(demo, stats)
    if NOW.date() in period:  # judged today: the same count as the Today page's card
        today = FollowUpFilter(open_only=True, overdue_on=NOW.date())
        assert stats.follow_ups.overdue == demo.follow_ups.count_follow_ups(today)


def test_demo_figures_under_a_department_and_a_talker(demo: Services) -> None:
    departments = demo.people.departments()
    top = next(d for d in departments if any(c.parent_id == d.id for c in departments))
    talker = demo.statistics.talkers()[0]
    year = ReportPeriod.of(PeriodKind.YEAR, date(2026, 1, 1))
    for flt in (
        StatisticsFilter(department_id=top.id),
        StatisticsFilter(talker_id=talker.id),
        StatisticsFilter(department_id=top.id, talker_id=talker.id),
    ):
        stats = demo.statistics.compute(year, flt)
        _check(demo, stats)
        _check_records(demo, stats)
    narrowed = demo.statistics.compute(year, StatisticsFilter(department_id=top.id))
    assert 0 < narrowed.talks < demo.statistics.compute(year).talks
