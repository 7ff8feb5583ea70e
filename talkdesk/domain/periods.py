"""Periods of a plan's cadence: calendar months to years, or windows rolling from the last talk.

Calendar cadences (monthly; quarterly from Jan/Apr/Jul/Oct; half-yearly from
Jan/Jul; yearly) cut the timeline into the same periods for everyone. A
person's first period is the one that holds their anchor (the later of the
plan's start and the day they joined).

Every-N-weeks and every-N-months cadences roll per person. The next talk is
due N weeks or months after the last one (or after the anchor, if there was
none), on the same day of the month, clamped to the month's end (31 Jan + 1
month = 28 or 29 Feb; 31 Jan + 2 months = 31 Mar, counted from 31 Jan again,
so the day never drifts). The window in which that talk is expected runs from
the day after the last talk (from the anchor itself for the first window) to
the due day:

- a talk inside the window ends it that day (the window is done), and the
  next window starts the next day, due N after that talk;
- a window that reaches its due day without a talk is missed, and the next
  window starts the day after, due N after the previous due day.

Either way the periods of one person follow each other without gap or
overlap. A period is half-open: `start <= day < end`.
"""

from __future__ import annotations

from bisect import bisect_left
from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from talkdesk.domain.values import CadenceKind

_DAY = timedelta(days=1)
_CALENDAR_MONTHS = {
    CadenceKind.MONTHLY: 1,
    CadenceKind.QUARTERLY: 3,
    CadenceKind.HALF_YEARLY: 6,
    CadenceKind.YEARLY: 12,
}


@dataclass(frozen=True, order=True)
class Period:
    """Days `start <= day < end`; a talk held by `due_on` is on time.

    `due_on` is the last day of a calendar period; for a rolling window it is
    the day the talk is due, which stays the same when a talk ends the window
    early.
    """

    start: date
    end: date
    due_on: date

    @property
    def last_day(self) -> date:
        return self.end - _DAY

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day < self.end


@dataclass(frozen=True)
class Cadence:
    """How often a plan's people are talked with: a kind and, for every-N kinds, N."""

    kind: CadenceKind
    n: int = 1
    # Derived from `kind` once: asked for every person of a plan.
    rolling: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.n < 1:
            raise ValueError("a cadence needs n >= 1")
        rolling = self.kind in (CadenceKind.EVERY_N_WEEKS, CadenceKind.EVERY_N_MONTHS)
        object.__setattr__(self, "rolling", rolling)

    @property
    def is_rolling(self) -> bool:
        """Windows roll from the last talk (every N weeks or months), not calendar periods."""
        return self.rolling

    def shift(self, origin: date, k: int = 1) -> date:
        """The k-th due day after `origin`: k·N weeks or k·N months (clamped) later."""
        if self.kind is CadenceKind.EVERY_N_WEEKS:
            return origin + timedelta(weeks=self.n * k)
        if self.kind is CadenceKind.EVERY_N_MONTHS:
            return add_months(origin, self.n * k)
        return add_months(origin, _CALENDAR_MONTHS[self.kind] * k)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the end of a shorter month."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    if day.day <= 28:
        return date(year, month, day.day)
    return date(year, month, min(day.day, monthrange(year, month)[1]))


# -- calendar cadences ----------------------------------------------------------


@lru_cache(maxsize=4096)  # pure, and asked for the same few days for every person of a plan
def calendar_period(kind: CadenceKind, on: date) -> Period:
    """The calendar period of `kind` that holds `on`."""
    length = _CALENDAR_MONTHS[kind]
    start = date(on.year, (on.month - 1) // length * length + 1, 1)
    end = add_months(start, length)
    return Period(start, end, end - _DAY)


@lru_cache(maxsize=4096)
def shift_period(kind: CadenceKind, period: Period, k: int) -> Period:
    """The calendar period k periods after `period` (before it for negative k)."""
    return calendar_period(kind, add_months(period.start, _CALENDAR_MONTHS[kind] * k))


@lru_cache(maxsize=256)
def calendar_frame(kind: CadenceKind, on: date, history: int) -> tuple[Period, tuple[Period, ...]]:
    """The period holding `on` and the `history` periods before it, oldest first."""
    current = calendar_period(kind, on)
    earlier = tuple(shift_period(kind, current, -j) for j in range(history, 0, -1))
    return current, earlier


def calendar_periods(kind: CadenceKind, start: date, until: date) -> list[Period]:
    """Every period from the one holding `start` to the one holding `until`, in order."""
    out: list[Period] = []
    current = calendar_period(kind, start)
    while current.start <= until:
        out.append(current)
        current = calendar_period(kind, current.end)
    return out


# -- rolling cadences -----------------------------------------------------------


def rolling_index(cadence: Cadence, origin: date, day: date) -> int:
    """The smallest k >= 1 whose due day `cadence.shift(origin, k)` is on or after `day`."""
    if cadence.kind is CadenceKind.EVERY_N_WEEKS:
        span = 7 * cadence.n
        return max(1, -(-(day - origin).days // span))
    months = (day.year - origin.year) * 12 + day.month - origin.month
    k = max(1, months // cadence.n)
    while cadence.shift(origin, k) < day:
        k += 1
    while k > 1 and cadence.shift(origin, k - 1) >= day:
        k -= 1
    return k


def rolling_window(cadence: Cadence, origin: date, from_anchor: bool, k: int) -> Period:
    """The k-th window after `origin` (a talk, or the anchor if `from_anchor`), not ended early."""
    due = cadence.shift(origin, k)
    if k == 1:
        start = origin if from_anchor else origin + _DAY
    else:
        start = cadence.shift(origin, k - 1) + _DAY
    return Period(start, due + _DAY, due)


def rolling_periods(
    cadence: Cadence, anchor: date, talks: Sequence[date], until: date
) -> list[Period]:
    """Every window from the anchor to the one holding `until`; `talks` sorted, any range."""
    out: list[Period] = []
    origin, from_anchor, k = anchor, True, 1
    while True:
        window = rolling_window(cadence, origin, from_anchor, k)
        i = bisect_left(talks, window.start)
        talk = talks[i] if i < len(talks) else None
        if talk is not None and talk <= min(window.due_on, until):
            out.append(Period(window.start, talk + _DAY, window.due_on))
            if talk == until:
                return out
            origin, from_anchor, k = talk, False, 1
            continue
        out.append(window)
        if until in window:
            return out
        k += 1


# -- either ---------------------------------------------------------------------


def periods_until(
    cadence: Cadence, anchor: date, talks: Sequence[date], until: date
) -> list[Period]:
    """A person's periods from their anchor to the one holding `until` (empty if not started)."""
    if until < anchor:
        return []
    if cadence.rolling:
        return rolling_periods(cadence, anchor, talks, until)
    return calendar_periods(cadence.kind, anchor, until)
