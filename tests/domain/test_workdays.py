"""The working calendar: weekends, holidays, 调休 working days and the user's corrections."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from talkdesk.domain.workdays import WorkingCalendar

# China 2026 as announced (the `holidays` package agrees; see tests/services/test_calendar.py).
HOLIDAYS_2026 = frozenset(
    date(2026, m, d)
    for m, d in [
        (1, 1), (1, 2), (2, 16), (2, 17), (2, 18), (2, 19), (2, 20), (2, 23), (4, 5), (4, 6),
        (5, 1), (5, 2), (5, 4), (5, 5), (6, 19), (9, 25),
        (10, 1), (10, 2), (10, 3), (10, 5), (10, 6), (10, 7),
    ]
)  # fmt: skip
WORKING_WEEKENDS_2026 = frozenset(
    date(2026, m, d) for m, d in [(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)]
)
CHINA_2026 = WorkingCalendar(HOLIDAYS_2026, WORKING_WEEKENDS_2026)

days = st.dates(date(2025, 6, 1), date(2027, 6, 30))


def test_tiaoxiu_weekend_days_are_working_days() -> None:
    assert CHINA_2026.is_working_day(date(2026, 1, 4))  # a Sunday
    assert CHINA_2026.is_working_day(date(2026, 2, 14))  # a Saturday
    assert not CHINA_2026.is_working_day(date(2026, 10, 6))  # a Tuesday in the holiday week
    assert not CHINA_2026.is_working_day(date(2026, 11, 28))  # an ordinary Saturday
    assert CHINA_2026.is_working_day(date(2026, 11, 24))  # an ordinary Tuesday


def test_the_national_day_week_is_skipped() -> None:
    assert CHINA_2026.next_working_day(date(2026, 9, 30)) == date(2026, 10, 8)
    assert CHINA_2026.previous_working_day(date(2026, 10, 8)) == date(2026, 9, 30)
    # Thursday 8th, Friday 9th, then the 调休 Saturday 10th.
    assert CHINA_2026.add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 10)
    assert CHINA_2026.working_days_between(date(2026, 9, 30), date(2026, 10, 10)) == 3
    assert CHINA_2026.working_days_in(date(2026, 10, 1), date(2026, 10, 12)) == [
        date(2026, 10, 8),
        date(2026, 10, 9),
        date(2026, 10, 10),
    ]


def test_working_days_before_a_period_end() -> None:
    # Three working days before the end of the year 2026 (Thursday 31 December).
    assert CHINA_2026.working_days_before(date(2026, 12, 31), 3) == date(2026, 12, 28)
    # Before the spring festival week, the 调休 Saturday counts.
    assert CHINA_2026.working_days_before(date(2026, 2, 24), 1) == date(2026, 2, 14)
    assert CHINA_2026.working_days_before(date(2026, 2, 24), 2) == date(2026, 2, 13)


def test_next_working_day_including_the_day_itself() -> None:
    assert CHINA_2026.next_working_day(date(2026, 2, 14), include=True) == date(2026, 2, 14)
    assert CHINA_2026.next_working_day(date(2026, 2, 15), include=True) == date(2026, 2, 24)


def test_overrides_correct_days_both_ways() -> None:
    corrected = CHINA_2026.with_overrides([(date(2026, 10, 6), True), (date(2026, 11, 24), False)])
    assert corrected.is_working_day(date(2026, 10, 6))
    assert not corrected.is_working_day(date(2026, 11, 24))
    assert CHINA_2026.is_working_day(date(2026, 11, 24))  # the original is unchanged
    back = corrected.with_overrides([(date(2026, 1, 4), False)])
    assert not back.is_working_day(date(2026, 1, 4))


def _naive_between(cal: WorkingCalendar, start: date, end: date) -> int:
    if end < start:
        return -_naive_between(cal, end, start)
    return sum(
        cal.is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1)
    )


@given(days, days)
def test_counting_agrees_with_looking_at_every_day(start: date, end: date) -> None:
    assert CHINA_2026.working_days_between(start, end) == _naive_between(CHINA_2026, start, end)


@given(days, st.integers(-40, 40))
def test_adding_working_days_lands_on_a_working_day_and_counts_back(day: date, n: int) -> None:
    landed = CHINA_2026.add_working_days(day, n)
    if n >= 0 or CHINA_2026.is_working_day(day):
        # Counting is over (earlier, later], so going back from a day off counts one fewer.
        assert CHINA_2026.working_days_between(day, landed) == n
    if n:
        assert CHINA_2026.is_working_day(landed)
        assert (landed > day) == (n > 0)
    if CHINA_2026.is_working_day(day):
        assert CHINA_2026.add_working_days(landed, -n) == day


@given(days)
def test_next_and_previous_working_day_skip_only_days_off(day: date) -> None:
    following = CHINA_2026.next_working_day(day)
    assert following > day and CHINA_2026.is_working_day(following)
    assert CHINA_2026.working_days_between(day, following - timedelta(days=1)) == 0
    earlier = CHINA_2026.previous_working_day(day)
    assert earlier < day and CHINA_2026.is_working_day(earlier)
