"""The working calendar: which days an office works, with public holidays and 调休 days.

China moves working days around its public holidays: a holiday week is paid
for by making a Saturday or Sunday nearby a working day (调休). So a day is a
working day when it is listed as an extra working day, or when it is neither a
weekend day nor a holiday. The sets come from outside (the `holidays` package
and the user's own corrections, see `services.calendar`); this module only
answers questions about them, so reminders and due dates are testable here.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

_DAY = timedelta(days=1)
SATURDAY_SUNDAY = frozenset({5, 6})


@dataclass(frozen=True)
class WorkingCalendar:
    """Holidays and extra working days over a weekend rule (weekday numbers, Monday = 0).

    An extra working day wins over a holiday listed for the same date, as an
    explicit correction should.
    """

    holidays: frozenset[date] = frozenset()
    extra_working_days: frozenset[date] = frozenset()
    weekend: frozenset[int] = field(default=SATURDAY_SUNDAY)
    # Derived: the days that differ from the plain weekend rule, sorted, for counting fast.
    _off: tuple[date, ...] = field(init=False, repr=False, compare=False)
    _on: tuple[date, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        off = sorted(
            d
            for d in self.holidays
            if d.weekday() not in self.weekend and d not in self.extra_working_days
        )
        on = sorted(
            d for d in self.extra_working_days if d.weekday() in self.weekend or d in self.holidays
        )
        object.__setattr__(self, "_off", tuple(off))
        object.__setattr__(self, "_on", tuple(on))

    def with_overrides(self, overrides: Iterable[tuple[date, bool]]) -> WorkingCalendar:
        """A calendar with some days set to working (True) or to days off (False)."""
        holidays, extra = set(self.holidays), set(self.extra_working_days)
        for day, working in overrides:
            if working:
                holidays.discard(day)
                extra.add(day)
            else:
                extra.discard(day)
                holidays.add(day)
        return WorkingCalendar(frozenset(holidays), frozenset(extra), self.weekend)

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_working_days:
            return True
        return day.weekday() not in self.weekend and day not in self.holidays

    def next_working_day(self, day: date, *, include: bool = False) -> date:
        """The first working day after `day` (or `day` itself if `include` and it is one)."""
        current = day if include else day + _DAY
        while not self.is_working_day(current):
            current += _DAY
        return current

    def previous_working_day(self, day: date, *, include: bool = False) -> date:
        """The last working day before `day` (or `day` itself if `include` and it is one)."""
        current = day if include else day - _DAY
        while not self.is_working_day(current):
            current -= _DAY
        return current

    def add_working_days(self, day: date, n: int) -> date:
        """The n-th working day after `day` (before it for negative n); `day` itself if n is 0."""
        step = _DAY if n >= 0 else -_DAY
        current, left = day, abs(n)
        while left:
            current += step
            if self.is_working_day(current):
                left -= 1
        return current

    def working_days_before(self, day: date, n: int) -> date:
        """The date n working days before `day`: "remind three working days before the end"."""
        return self.add_working_days(day, -n)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative, counting (end, start], when end is earlier.

        So the answer is 0 when `end` is `start`, and 1 when `end` is the next
        working day: "working days left" until a deadline.
        """
        if end < start:
            return -self.working_days_between(end, start)
        # Weekdays by whole weeks, then the exceptions in range: fast over long spans.
        first, last = start + _DAY, end + _DAY  # [first, last)
        weeks, rest = divmod((last - first).days, 7)
        count = weeks * (7 - len(self.weekend))
        count += sum((first.weekday() + i) % 7 not in self.weekend for i in range(rest))
        count -= _count_in(self._off, first, last)
        count += _count_in(self._on, first, last)
        return count

    def working_days_in(self, start: date, end: date) -> list[date]:
        """The working days in [start, end), in order."""
        out, current = [], start
        while current < end:
            if self.is_working_day(current):
                out.append(current)
            current += _DAY
        return out


def _count_in(days: tuple[date, ...], start: date, end: date) -> int:
    """How many of the sorted `days` fall in [start, end)."""
    return bisect_left(days, end) - bisect_left(days, start)
