"""Coverage: where one person of one plan stands in each period (done, scheduled, due, missed…).

The talks that count are those the plan's talker held with the person from
the person's anchor (the later of the plan's start and the day they joined)
up to today; a talk counts for every plan of that talker that covers the
person. Periods
come from `periods` (calendar, or rolling from the last talk). Each period
gets exactly one state:

Past periods (ended before today):
- DONE: a talk was held in it;
- MISSED: it ended without one.

The current period (it holds today), checked in this order:
- DONE: a talk was held in it (up to today);
- SCHEDULED: no talk yet, but a planned appointment falls in it, today or later;
- OVERDUE: the deadline has passed (red);
- DUE: the talk is due now (yellow);
- PENDING: the talk is needed this period but not due yet (before the soft limit).

Limits are counted in calendar days from the reference day: the last talk
that counts, or the anchor if there was none.

- soft_days: from reference + soft_days on, the talk is DUE; before, PENDING.
  Without a soft limit the talk is due for the whole period.
- hard_days: reference + hard_days is the last day the talk is on time; after
  it, OVERDUE. Without a hard limit a calendar period is never overdue: the
  talk is due until the period's last day, and the period is then MISSED.
  A rolling cadence's interval is itself a hard limit (the talk is due N
  weeks or months after the last one), which a shorter hard limit tightens.
- deadline: the earlier of that last on-time day and the period's due day;
  days left = deadline - today (0 on the last day, negative when overdue).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from talkdesk.domain.periods import (
    Cadence,
    Period,
    calendar_frame,
    periods_until,
    rolling_index,
    rolling_window,
)

_DAY = timedelta(days=1)


class CoverageState(StrEnum):
    DONE = "done"
    SCHEDULED = "scheduled"
    PENDING = "pending"
    DUE = "due"
    OVERDUE = "overdue"
    MISSED = "missed"

    @property
    def needs_talk(self) -> bool:
        """Still waiting for a talk in the current period (the lines of a to-do list)."""
        return self in (CoverageState.PENDING, CoverageState.DUE, CoverageState.OVERDUE)


@dataclass(frozen=True)
class Limits:
    """A plan's soft (yellow, "due") and hard (red, "overdue") limits in days; see module doc."""

    soft_days: int | None = None
    hard_days: int | None = None


@dataclass(frozen=True, slots=True)
class PeriodStatus:
    """One period of one person: its state, deadline and days left as of `today`.

    `talk_on` is the first counted talk in the period; `appointment_on` the
    first planned appointment in it from today on (current period only).
    """

    period: Period
    state: CoverageState
    deadline: date
    days_left: int
    talk_on: date | None = None
    appointment_on: date | None = None


@dataclass(frozen=True, slots=True)
class PersonCoverage:
    """The current period's status, recent missed periods, the last talk that counts."""

    current: PeriodStatus
    missed: tuple[Period, ...]
    last_talk_on: date | None


def assess(
    cadence: Cadence,
    limits: Limits,
    anchor: date,
    talks: Sequence[date],
    appointments: Sequence[date],
    today: date,
    history: int = 1,
    frame: tuple[Period, tuple[Period, ...]] | None = None,
) -> PersonCoverage | None:
    """Where a person stands today; None before their anchor (not covered yet).

    `talks` and `appointments` are sorted dates; talks before the anchor or after
    today do not count.
    Of the `history` periods just before the current one, those that ended
    without a talk are reported missed, oldest first.
    `frame` is `calendar_frame(cadence.kind, today, history)` for a calendar
    cadence, when the caller assesses many people at once (the same for all).
    """
    if today < anchor:
        return None
    held = _counted(talks, anchor, today)
    last = held[-1] if held else None
    if cadence.rolling:
        current, earlier = _rolling_current(cadence, anchor, held, today, history)
    else:
        current, before = frame or calendar_frame(cadence.kind, today, history)
        earlier = [p for p in before if p.end > anchor]
    missed = tuple(p for p in earlier if _first_in(held, p) is None) if earlier else ()
    status = _current_status(cadence, limits, anchor, held, appointments, today, current)
    return PersonCoverage(status, missed, last)


def timeline(
    cadence: Cadence,
    limits: Limits,
    anchor: date,
    talks: Sequence[date],
    appointments: Sequence[date],
    today: date,
) -> list[PeriodStatus]:
    """Every period from the anchor to today's with its one state (reports, tests)."""
    held = _counted(talks, anchor, today)
    out: list[PeriodStatus] = []
    for period in periods_until(cadence, anchor, held, today):
        if today in period:
            out.append(_current_status(cadence, limits, anchor, held, appointments, today, period))
            continue
        talk_on = _first_in(held, period)
        state = CoverageState.DONE if talk_on else CoverageState.MISSED
        deadline = period.due_on
        out.append(PeriodStatus(period, state, deadline, (deadline - today).days, talk_on))
    return out


def _rolling_current(
    cadence: Cadence, anchor: date, held: Sequence[date], today: date, history: int
) -> tuple[Period, list[Period]]:
    """Today's window and the `history` windows before it, oldest first.

    Walks back from the last talk only as far as `history` asks, so this costs
    the same after ten years as after one.
    """
    origin, from_anchor = _origin_before(anchor, held, today + _DAY)
    k = rolling_index(cadence, origin, today)
    window = rolling_window(cadence, origin, from_anchor, k)
    if not from_anchor and origin == today:
        # A talk today ends the window that held it: that one is current.
        origin, from_anchor = _origin_before(anchor, held, today)
        k = rolling_index(cadence, origin, today)
        full = rolling_window(cadence, origin, from_anchor, k)
        window = Period(full.start, today + _DAY, full.due_on)
    earlier: list[Period] = []
    while len(earlier) < history:
        if k > 1:
            k -= 1
            earlier.append(rolling_window(cadence, origin, from_anchor, k))
            continue
        if from_anchor:
            break
        # The window ended by the talk at `origin`, seen from the talk before it.
        talk_day = origin
        origin, from_anchor = _origin_before(anchor, held, talk_day)
        k = rolling_index(cadence, origin, talk_day)
        full = rolling_window(cadence, origin, from_anchor, k)
        earlier.append(Period(full.start, talk_day + _DAY, full.due_on))
    earlier.reverse()
    return window, earlier


def _origin_before(anchor: date, held: Sequence[date], before: date) -> tuple[date, bool]:
    """What windows roll from: the last talk before `before` if on or after the anchor."""
    i = bisect_left(held, before)
    if i and held[i - 1] >= anchor:
        return held[i - 1], False
    return anchor, True


def _current_status(
    cadence: Cadence,
    limits: Limits,
    anchor: date,
    held: Sequence[date],
    appointments: Sequence[date],
    today: date,
    period: Period,
) -> PeriodStatus:
    talk_on = _first_in(held, period)
    if talk_on is not None:
        return PeriodStatus(
            period, CoverageState.DONE, period.due_on, (period.due_on - today).days, talk_on
        )
    reference = held[-1] if held else anchor
    deadline = period.due_on
    on_time = _last_on_time(cadence, limits, reference)
    if on_time is not None:
        deadline = min(deadline, on_time)
    days_left = (deadline - today).days
    i = bisect_left(appointments, max(today, period.start))
    booked = appointments[i] if i < len(appointments) and appointments[i] < period.end else None
    if booked is not None:
        state = CoverageState.SCHEDULED
    elif days_left < 0:
        state = CoverageState.OVERDUE
    elif limits.soft_days is None or today >= reference + timedelta(days=limits.soft_days):
        state = CoverageState.DUE
    else:
        state = CoverageState.PENDING
    return PeriodStatus(period, state, deadline, days_left, None, booked)


def _last_on_time(cadence: Cadence, limits: Limits, reference: date) -> date | None:
    """The last day a talk is on time under the hard limit (and a rolling cadence's interval)."""
    hard = None if limits.hard_days is None else reference + timedelta(days=limits.hard_days)
    if cadence.rolling:
        interval = cadence.shift(reference)
        return interval if hard is None else min(hard, interval)
    return hard


def _counted(talks: Sequence[date], anchor: date, today: date) -> Sequence[date]:
    """The talks from the anchor to today (most often all of them: no copy then)."""
    if not talks or (talks[0] >= anchor and talks[-1] <= today):
        return talks
    return talks[bisect_left(talks, anchor) : bisect_right(talks, today)]


def _first_in(days: Sequence[date], period: Period) -> date | None:
    i = bisect_left(days, period.start)
    return days[i] if i < len(days) and days[i] < period.end else None
