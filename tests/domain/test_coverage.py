"""Coverage rules: exactly one state per person and period; soft and hard limits; missed periods."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from talkdesk.domain.coverage import CoverageState, Limits, assess, timeline
from talkdesk.domain.periods import Cadence, Period
from talkdesk.domain.values import CadenceKind

S = CoverageState
QUARTERLY = Cadence(CadenceKind.QUARTERLY)
MONTHLY = Cadence(CadenceKind.MONTHLY)
TODAY = date(2026, 11, 24)
START = date(2026, 1, 1)
Q4 = Period(date(2026, 10, 1), date(2027, 1, 1), date(2026, 12, 31))
Q3 = Period(date(2026, 7, 1), date(2026, 10, 1), date(2026, 9, 30))

days = st.dates(date(2023, 1, 1), date(2027, 12, 31))
cadences = st.one_of(
    st.builds(
        Cadence,
        st.sampled_from(
            [
                CadenceKind.MONTHLY,
                CadenceKind.QUARTERLY,
                CadenceKind.HALF_YEARLY,
                CadenceKind.YEARLY,
            ]
        ),
    ),
    st.builds(
        Cadence,
        st.sampled_from([CadenceKind.EVERY_N_WEEKS, CadenceKind.EVERY_N_MONTHS]),
        st.integers(1, 6),
    ),
)
limits = st.builds(Limits, st.none() | st.integers(0, 120), st.none() | st.integers(0, 200)).filter(
    lambda lim: lim.soft_days is None or lim.hard_days is None or lim.soft_days <= lim.hard_days
)


def test_a_talk_in_the_quarter_makes_it_done() -> None:
    found = assess(QUARTERLY, Limits(), START, [date(2026, 10, 12)], [], TODAY)
    assert found is not None
    assert found.current.state is S.DONE
    assert found.current.talk_on == date(2026, 10, 12)
    assert found.current.period == Q4
    assert found.missed == (Q3,)  # nothing in the third quarter
    assert found.last_talk_on == date(2026, 10, 12)


def test_without_a_talk_the_quarter_is_due_until_its_last_day() -> None:
    found = assess(QUARTERLY, Limits(), START, [date(2026, 8, 3)], [], TODAY)
    assert found is not None
    assert found.current.state is S.DUE
    assert found.current.deadline == date(2026, 12, 31)
    assert found.current.days_left == 37
    assert found.missed == ()


def test_an_appointment_in_the_period_makes_it_scheduled() -> None:
    found = assess(QUARTERLY, Limits(), START, [], [date(2026, 12, 2)], TODAY)
    assert found is not None and found.current.state is S.SCHEDULED
    assert found.current.appointment_on == date(2026, 12, 2)
    # An appointment after the period does not count, nor one already past.
    later = assess(QUARTERLY, Limits(), START, [], [date(2027, 1, 4)], TODAY)
    assert later is not None and later.current.state is S.DUE
    past = assess(QUARTERLY, Limits(), START, [], [date(2026, 11, 20)], TODAY)
    assert past is not None and past.current.state is S.DUE


def test_soft_and_hard_limits_count_from_the_last_talk() -> None:
    # Ideal every month, at most six weeks.
    lim = Limits(soft_days=30, hard_days=42)
    pending = assess(MONTHLY, lim, START, [date(2026, 10, 30)], [], TODAY)
    assert pending is not None and pending.current.state is S.PENDING
    assert pending.current.deadline == date(2026, 11, 30)  # the month ends before the hard limit
    due = assess(MONTHLY, lim, START, [date(2026, 10, 20)], [], TODAY)
    assert due is not None and due.current.state is S.DUE
    assert due.current.deadline == date(2026, 12, 1) - timedelta(days=1)
    overdue = assess(MONTHLY, lim, START, [date(2026, 10, 5)], [], TODAY)
    assert overdue is not None and overdue.current.state is S.OVERDUE
    assert overdue.current.deadline == date(2026, 11, 16)
    assert overdue.current.days_left == -8


def test_limits_count_from_joining_when_there_was_no_talk() -> None:
    joined = date(2026, 11, 10)
    found = assess(MONTHLY, Limits(soft_days=20, hard_days=30), joined, [], [], TODAY)
    assert found is not None and found.current.state is S.PENDING
    assert found.missed == ()  # nothing before joining


def test_not_covered_before_the_anchor() -> None:
    assert assess(QUARTERLY, Limits(), date(2026, 12, 1), [], [], TODAY) is None


def test_talks_before_the_plan_started_do_not_count() -> None:
    found = assess(MONTHLY, Limits(), date(2026, 11, 15), [date(2026, 11, 2)], [], TODAY)
    assert found is not None and found.current.state is S.DUE
    assert found.last_talk_on is None


def test_every_two_months_overdue_after_the_interval_and_missed_windows() -> None:
    cadence = Cadence(CadenceKind.EVERY_N_MONTHS, 2)
    found = assess(cadence, Limits(), START, [date(2026, 3, 31)], [], TODAY, history=3)
    assert found is not None
    assert found.current.state is S.OVERDUE
    assert found.current.deadline == date(2026, 5, 31)
    assert found.current.period == Period(date(2026, 10, 1), date(2026, 12, 1), date(2026, 11, 30))
    assert [p.due_on for p in found.missed] == [
        date(2026, 5, 31),
        date(2026, 7, 31),
        date(2026, 9, 30),
    ]


def test_every_n_weeks_right_after_a_talk_is_due_again_in_n_weeks() -> None:
    cadence = Cadence(CadenceKind.EVERY_N_WEEKS, 4)
    found = assess(cadence, Limits(soft_days=21), START, [date(2026, 11, 20)], [], TODAY)
    assert found is not None
    assert found.current.state is S.PENDING
    assert found.current.deadline == date(2026, 12, 18)
    today_talk = assess(cadence, Limits(), START, [date(2026, 11, 20), TODAY], [], TODAY)
    assert today_talk is not None and today_talk.current.state is S.DONE


def test_a_leap_day_talk_counts_for_february() -> None:
    found = assess(MONTHLY, Limits(), date(2024, 1, 1), [date(2024, 2, 29)], [], date(2024, 2, 29))
    assert found is not None and found.current.state is S.DONE
    nxt = assess(MONTHLY, Limits(), date(2024, 1, 1), [date(2024, 2, 29)], [], date(2024, 3, 1))
    assert nxt is not None and nxt.current.state is S.DUE and nxt.missed == ()


def test_year_end_the_december_talk_does_not_count_for_january() -> None:
    found = assess(MONTHLY, Limits(), date(2025, 1, 1), [date(2025, 12, 31)], [], date(2026, 1, 1))
    assert found is not None and found.current.state is S.DUE
    assert found.current.period.start == date(2026, 1, 1)


@given(
    cadences,
    limits,
    days,
    st.lists(days, max_size=10),
    st.lists(days, max_size=3),
    st.integers(0, 900),
    st.integers(1, 4),
)
def test_exactly_one_state_per_period_and_assess_agrees_with_the_timeline(
    cadence: Cadence,
    lim: Limits,
    anchor: date,
    talk_days: list[date],
    appointment_days: list[date],
    span: int,
    history: int,
) -> None:
    today = anchor + timedelta(days=span)
    talks, appointments = sorted(talk_days), sorted(appointment_days)
    statuses = timeline(cadence, lim, anchor, talks, appointments, today)
    found = assess(cadence, lim, anchor, talks, appointments, today, history)
    assert found is not None and statuses
    *past, current = statuses
    for status in past:
        assert status.period.end <= today
        held = [t for t in talks if t in status.period and t >= anchor]
        assert status.state is (S.DONE if held else S.MISSED)
    assert today in current.period
    assert current.state is not S.MISSED
    assert (current.state is S.DONE) == any(
        t in current.period and anchor <= t <= today for t in talks
    )
    assert (current.state is S.OVERDUE) == (
        current.days_left < 0 and current.state is not S.SCHEDULED and current.state is not S.DONE
    )
    assert found.current == current
    recent = past[-history:] if history else []
    assert found.missed == tuple(s.period for s in recent if s.state is S.MISSED)
    held = [t for t in talks if anchor <= t <= today]
    assert found.last_talk_on == (held[-1] if held else None)


@given(cadences, days, st.lists(days, max_size=10), st.integers(0, 900))
def test_a_calendar_plan_without_limits_is_never_overdue(
    cadence: Cadence, anchor: date, talk_days: list[date], span: int
) -> None:
    found = assess(cadence, Limits(), anchor, sorted(talk_days), [], anchor + timedelta(days=span))
    assert found is not None
    if not cadence.is_rolling:
        assert found.current.state in (S.DONE, S.DUE)
    else:
        assert found.current.state in (S.DONE, S.DUE, S.OVERDUE)
