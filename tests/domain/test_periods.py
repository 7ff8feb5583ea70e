"""Periods: calendar months to years tile the timeline; every-N windows roll from the last talk."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talkdesk.domain.periods import (
    Cadence,
    Period,
    add_months,
    calendar_period,
    calendar_periods,
    periods_until,
    rolling_periods,
)
from talkdesk.domain.values import CadenceKind

CALENDAR = [CadenceKind.MONTHLY, CadenceKind.QUARTERLY, CadenceKind.HALF_YEARLY, CadenceKind.YEARLY]
DAY = timedelta(days=1)

days = st.dates(date(2015, 1, 1), date(2035, 12, 31))
cadences = st.one_of(
    st.builds(Cadence, st.sampled_from(CALENDAR)),
    st.builds(
        Cadence,
        st.sampled_from([CadenceKind.EVERY_N_WEEKS, CadenceKind.EVERY_N_MONTHS]),
        st.integers(1, 8),
    ),
)


def test_month_arithmetic_clamps_to_the_month_end() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)  # leap year
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 31), 2) == date(2026, 3, 31)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)  # over the year end
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


@pytest.mark.parametrize(
    ("kind", "on", "start", "last"),
    [
        (CadenceKind.MONTHLY, date(2024, 2, 29), date(2024, 2, 1), date(2024, 2, 29)),
        (CadenceKind.MONTHLY, date(2026, 12, 31), date(2026, 12, 1), date(2026, 12, 31)),
        (CadenceKind.QUARTERLY, date(2026, 1, 1), date(2026, 1, 1), date(2026, 3, 31)),
        (CadenceKind.QUARTERLY, date(2026, 6, 30), date(2026, 4, 1), date(2026, 6, 30)),
        (CadenceKind.QUARTERLY, date(2026, 7, 1), date(2026, 7, 1), date(2026, 9, 30)),
        (CadenceKind.QUARTERLY, date(2026, 11, 24), date(2026, 10, 1), date(2026, 12, 31)),
        (CadenceKind.HALF_YEARLY, date(2026, 6, 30), date(2026, 1, 1), date(2026, 6, 30)),
        (CadenceKind.HALF_YEARLY, date(2026, 7, 1), date(2026, 7, 1), date(2026, 12, 31)),
        (CadenceKind.YEARLY, date(2026, 12, 31), date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_calendar_periods_follow_the_calendar(
    kind: CadenceKind, on: date, start: date, last: date
) -> None:
    period = calendar_period(kind, on)
    assert (period.start, period.last_day, period.due_on) == (start, last, last)
    assert on in period


def test_quarters_of_a_year() -> None:
    quarters = calendar_periods(CadenceKind.QUARTERLY, date(2026, 2, 10), date(2026, 12, 1))
    assert [p.start for p in quarters] == [
        date(2026, 1, 1),
        date(2026, 4, 1),
        date(2026, 7, 1),
        date(2026, 10, 1),
    ]


def test_every_two_weeks_rolls_from_the_last_talk() -> None:
    cadence = Cadence(CadenceKind.EVERY_N_WEEKS, 2)
    talks = [date(2026, 1, 5), date(2026, 3, 1)]
    periods = rolling_periods(cadence, date(2026, 1, 1), talks, date(2026, 3, 20))
    assert periods == [
        Period(date(2026, 1, 1), date(2026, 1, 6), date(2026, 1, 15)),  # closed by the talk
        Period(date(2026, 1, 6), date(2026, 1, 20), date(2026, 1, 19)),  # due 2 weeks after it
        Period(date(2026, 1, 20), date(2026, 2, 3), date(2026, 2, 2)),
        Period(date(2026, 2, 3), date(2026, 2, 17), date(2026, 2, 16)),
        Period(date(2026, 2, 17), date(2026, 3, 2), date(2026, 3, 2)),  # closed on 1 March
        Period(date(2026, 3, 2), date(2026, 3, 16), date(2026, 3, 15)),
        Period(date(2026, 3, 16), date(2026, 3, 30), date(2026, 3, 29)),
    ]


def test_every_month_from_the_31st_keeps_the_day_without_drifting() -> None:
    cadence = Cadence(CadenceKind.EVERY_N_MONTHS, 1)
    periods = rolling_periods(cadence, date(2024, 1, 31), [], date(2024, 5, 1))
    assert [p.due_on for p in periods] == [
        date(2024, 2, 29),
        date(2024, 3, 31),
        date(2024, 4, 30),
        date(2024, 5, 31),
    ]


def test_nothing_before_the_anchor() -> None:
    assert (
        periods_until(Cadence(CadenceKind.MONTHLY), date(2026, 12, 1), [], date(2026, 11, 30)) == []
    )


def test_a_cadence_needs_a_positive_n() -> None:
    with pytest.raises(ValueError):
        Cadence(CadenceKind.EVERY_N_WEEKS, 0)


@given(cadences, days, st.lists(days, max_size=12), st.integers(0, 800))
def test_periods_tile_the_timeline(
    cadence: Cadence, anchor: date, talk_days: list[date], span: int
) -> None:
    until = anchor + timedelta(days=span)
    talks = sorted(talk_days)
    periods = periods_until(cadence, anchor, talks, until)
    assert periods, "a started plan always has a current period"
    assert anchor in periods[0]
    assert until in periods[-1]
    for before, after in pairwise(periods):
        assert before.end == after.start  # no gap, no overlap
    for p in periods:
        assert p.start < p.end
        assert p.start <= p.due_on
    if cadence.is_rolling:
        for p in periods:
            held = sorted({t for t in talks if t in p and t <= until})  # later ones: future
            # A window holds talks of one day at most, and a talk ends it that day.
            assert len(held) <= 1
            if held:
                assert held[0] == p.last_day
            else:
                assert p.last_day == p.due_on
    else:
        assert periods[0].start <= anchor
        for p in periods:
            assert calendar_period(cadence.kind, p.start) == p
            assert calendar_period(cadence.kind, p.last_day) == p


@given(st.sampled_from(CALENDAR), days)
def test_every_day_is_in_its_own_calendar_period(kind: CadenceKind, day: date) -> None:
    period = calendar_period(kind, day)
    assert day in period
    assert (
        period.start.day == 1
        and (period.start.month - 1)
        % {
            CadenceKind.MONTHLY: 1,
            CadenceKind.QUARTERLY: 3,
            CadenceKind.HALF_YEARLY: 6,
            CadenceKind.YEARLY: 12,
        }[kind]
        == 0
    )
    assert period.end.day == 1
    assert calendar_period(kind, period.end).start == period.end


@given(st.integers(1, 6), days, st.lists(days, max_size=8), st.integers(0, 400))
def test_the_next_talk_is_due_n_weeks_after_the_last_one(
    n: int, anchor: date, talk_days: list[date], span: int
) -> None:
    cadence = Cadence(CadenceKind.EVERY_N_WEEKS, n)
    until = anchor + timedelta(days=span)
    talks = sorted(t for t in talk_days if anchor <= t <= until)
    periods = rolling_periods(cadence, anchor, talks, until)
    for before, after in pairwise(periods):
        if before.last_day in talks:
            assert after.due_on == before.last_day + timedelta(weeks=n)
        else:
            assert after.due_on == before.due_on + timedelta(weeks=n)
