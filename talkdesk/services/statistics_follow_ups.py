"""The follow-up and feedback figures of a period: which items each figure counts, decided once
for the counting and for the lists behind the bars."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import IntFlag

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    case,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
)

from talkdesk.domain.values import FollowUpStatus, Response
from talkdesk.services.statistics_figures import (
    FeedbackFigures,
    FeedbackSlice,
    FollowUpFigures,
    FollowUpMeasure,
    Indicator,
)
from talkdesk.services.statistics_scope import Scope, enum_key, iso_text
from talkdesk.storage.tables import follow_up


class _Mark(IntFlag):
    """What the period asks of a follow-up, as bits computed by SQLite for each item."""

    OPENED = 1  # created in the period
    CLOSED = 2  # closed (either way) in the period
    RESOLVED = 4  # its status is "resolved" (else, if closed, "cannot be resolved")
    ON_TIME = 8  # closed on or before its due day, or it has none
    OVERDUE = 16  # due before the judging day and not closed by then
    SOMEONE = 32  # a person or a ticket holder to give feedback to
    TOLD = 64  # feedback given


_CLOSED_STATES = (FollowUpStatus.RESOLVED.value, FollowUpStatus.UNRESOLVABLE.value)


def _marks(scope: Scope) -> tuple[ColumnElement[int], ColumnElement[bool]]:
    """Each item's marks as one integer, and the condition keeping the items the period
    concerns (opened or closed in it, or overdue on its judging day)."""
    f, period, as_of = follow_up.c, scope.period, scope.as_of
    opened = and_(f.created_at >= scope.start_at, f.created_at < scope.end_at)
    closed = and_(
        f.status.in_(_CLOSED_STATES), f.closed_on >= period.start, f.closed_on < period.end
    )
    if as_of < period.start:  # a period still to come: nothing is overdue in it yet
        overdue: ColumnElement[bool] = false()
        concerned = or_(opened, closed)
    else:
        due_and_there = and_(
            f.due_on < as_of, f.created_at < datetime.combine(as_of + timedelta(days=1), time())
        )
        still_open, closed_later = f.closed_on.is_(None), f.closed_on > as_of
        overdue = and_(due_and_there, or_(still_open, closed_later))
        # the same items, as four index ranges (opened, closed, open, closed after as_of):
        # a year reads its ~9,000 items instead of all 79,000 (19 ms instead of 115)
        concerned = or_(
            opened, closed, and_(still_open, due_and_there), and_(closed_later, due_and_there)
        )
    marks = [
        (opened, _Mark.OPENED),
        (closed, _Mark.CLOSED),
        (f.status == FollowUpStatus.RESOLVED.value, _Mark.RESOLVED),
        (or_(f.due_on.is_(None), f.closed_on <= f.due_on), _Mark.ON_TIME),
        (overdue, _Mark.OVERDUE),
        (or_(f.person_id.is_not(None), f.ticket_code.is_not(None)), _Mark.SOMEONE),
        (f.feedback_on.is_not(None), _Mark.TOLD),
    ]
    total: ColumnElement[int] = sum(
        (case((condition, int(mark)), else_=0) for condition, mark in marks), literal(0)
    )
    return total, concerned


def _is(mask: int, *marks: _Mark) -> bool:
    return all(mask & m for m in marks)


def _resolved(mask: int) -> bool:
    return _is(mask, _Mark.CLOSED, _Mark.RESOLVED)


def _owed(mask: int) -> bool:
    """Closed in the period with someone to tell: feedback is owed."""
    return _is(mask, _Mark.CLOSED, _Mark.SOMEONE)


_MEASURES: dict[FollowUpMeasure, Callable[[int], bool]] = {
    FollowUpMeasure.OPENED: lambda m: _is(m, _Mark.OPENED),
    FollowUpMeasure.RESOLVED: _resolved,
    FollowUpMeasure.UNRESOLVABLE: lambda m: _is(m, _Mark.CLOSED) and not m & _Mark.RESOLVED,
    FollowUpMeasure.OVERDUE: lambda m: _is(m, _Mark.OVERDUE),
    FollowUpMeasure.RESOLVED_LATE: lambda m: _resolved(m) and not m & _Mark.ON_TIME,
}
"""Which marks make an item count in each follow-up figure (its bar lists the same items)."""


def _told(mask: int, response: str | None) -> bool:
    return _owed(mask) and _is(mask, _Mark.TOLD)


_SLICES: dict[FeedbackSlice, Callable[[int, str | None], bool]] = {
    FeedbackSlice.SATISFIED: lambda m, r: _told(m, r) and r == Response.SATISFIED.value,
    FeedbackSlice.PARTLY: lambda m, r: _told(m, r) and r == Response.PARTLY.value,
    FeedbackSlice.NOT_SATISFIED: lambda m, r: _told(m, r) and r == Response.NOT_SATISFIED.value,
    FeedbackSlice.NO_RESPONSE: lambda m, r: _told(m, r) and r is None,
    FeedbackSlice.NOT_GIVEN: lambda m, r: _owed(m) and not m & _Mark.TOLD,
}
"""Which items each slice of the feedback chart holds."""


@dataclass(frozen=True)
class Group:
    """Follow-ups of the period with the same marks, response and days taken to resolve."""

    mask: int
    response: str | None
    days: int | None
    count: int


def follow_up_groups(conn: Connection, scope: Scope) -> list[Group]:
    """One pass over the follow-ups (nothing indexes when an item was opened or closed),
    grouped by marks, response and days to resolve: a few hundred groups for any period."""
    f = follow_up.c
    mask, concerned = _marks(scope)
    days = case(
        (
            and_(f.status == FollowUpStatus.RESOLVED.value, f.closed_on.is_not(None)),
            func.julianday(f.closed_on)
            - func.julianday(func.substr(iso_text(f.created_at), 1, 10)),
        ),
        else_=None,
    )
    stmt = (
        select(mask.label("mask"), f.response, days.label("days"), func.count())
        .where(concerned, *scope.follow_up_conditions())
        .group_by(literal_column("mask"), f.response, literal_column("days"))
    )
    return [
        Group(m, response, None if d is None else round(d), n)
        for m, response, d, n in conn.execute(stmt).all()
    ]


def follow_up_masks(conn: Connection, scope: Scope) -> list[tuple[int, int, str | None]]:
    """(id, marks, response) of the follow-ups the period concerns, the newest first."""
    f = follow_up.c
    mask, concerned = _marks(scope)
    stmt = (
        select(f.id, mask, f.response)
        .where(concerned, *scope.follow_up_conditions())
        .order_by(f.created_at.desc(), f.id.desc())
    )
    return [(i, m, r) for i, m, r in conn.execute(stmt).all()]


def follow_up_figures(groups: Sequence[Group]) -> FollowUpFigures:
    def count(measure: FollowUpMeasure) -> int:
        return sum(g.count for g in groups if _MEASURES[measure](g.mask))

    resolved = [(g.days, g.count) for g in groups if _resolved(g.mask) and g.days is not None]
    return FollowUpFigures(
        opened=count(FollowUpMeasure.OPENED),
        resolved=count(FollowUpMeasure.RESOLVED),
        unresolvable=count(FollowUpMeasure.UNRESOLVABLE),
        overdue=count(FollowUpMeasure.OVERDUE),
        resolved_on_time=count(FollowUpMeasure.RESOLVED) - count(FollowUpMeasure.RESOLVED_LATE),
        median_days_to_resolve=_median(resolved),
    )


def feedback_figures(groups: Sequence[Group]) -> FeedbackFigures:
    def count(part: FeedbackSlice) -> int:
        return sum(g.count for g in groups if _SLICES[part](g.mask, g.response))

    return FeedbackFigures(
        owed=sum(g.count for g in groups if _owed(g.mask)),
        given=sum(g.count for g in groups if _told(g.mask, g.response)),
        satisfied=count(FeedbackSlice.SATISFIED),
        partly=count(FeedbackSlice.PARTLY),
        not_satisfied=count(FeedbackSlice.NOT_SATISFIED),
    )


def _median(counted: Iterable[tuple[int, int]]) -> float | None:
    """The median of values given as (value, how many times)."""
    values = sorted(counted)
    total = sum(n for _, n in values)
    if not total:
        return None
    low, high = (total - 1) // 2, total // 2  # the middle position(s), from 0
    found: list[int] = []
    seen = 0
    for value, n in values:
        found += [value] * sum(1 for position in (low, high) if seen <= position < seen + n)
        seen += n
    return (found[0] + found[1]) / 2


def follow_up_choice(indicator: Indicator, key: str) -> Callable[[int, str | None], bool]:
    """Which items a follow-up bar or a feedback slice lists: the figures' own rules."""
    if indicator is Indicator.FOLLOW_UPS:
        measure = _MEASURES[enum_key(FollowUpMeasure, key)]
        return lambda mask, _response: measure(mask)
    return _SLICES[enum_key(FeedbackSlice, key)]
