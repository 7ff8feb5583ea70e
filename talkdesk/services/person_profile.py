"""One person's page in a few queries: who they are, their talks and follow-ups, plans, triggers.

The timeline reads the newest talks through the (person_id, held_at) index
and the person's follow-ups through theirs, each limited, and merges them in
memory, so a person with a thousand talks costs the same as one with ten.
Coverage is not worked out again: the person's lines are picked from
`CoverageService.report`, which every page shares and which is cached until
the data change. Lists show no note text, and never the private notes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Connection, Select, bindparam, func, select

from talkdesk.domain.clock import today as today_of
from talkdesk.domain.coverage import CoverageState
from talkdesk.domain.periods import Cadence, Period
from talkdesk.domain.values import (
    CareLevel,
    FollowUpStatus,
    TalkKind,
    TalkState,
    Topic,
    TriggerKind,
)
from talkdesk.services.context import Context
from talkdesk.services.coverage import (
    CoverageReport,
    CoverageService,
    MemberStatus,
    PlanCoverage,
)
from talkdesk.services.follow_ups import OPEN_STATES
from talkdesk.services.people import PeopleService, PersonRow
from talkdesk.services.query import Page, as_text, driver_rows, enum_parser, one_of, page_of
from talkdesk.services.talks import parse_topics
from talkdesk.storage.tables import follow_up, person, talk, talk_trigger

TIMELINE_PAGE = 200
"""Timeline rows read at first and added by each "show more": a screen's worth many times over."""


class TimelineKind(StrEnum):
    TALK = "talk"
    FOLLOW_UP = "follow_up"


class TimelineRow(NamedTuple):
    """A talk or a follow-up of the person, as one line of their timeline (no note text).

    `at` is when the talk was held, or when the follow-up was raised; `who` the
    talker, or the follow-up's handler.
    """

    kind: TimelineKind
    id: int
    at: datetime
    who: str
    talk_kind: TalkKind | None = None
    topics: tuple[Topic, ...] = ()
    care_level: CareLevel = CareLevel.NONE
    talk_state: TalkState | None = None
    title: str = ""
    status: FollowUpStatus | None = None
    due_on: date | None = None

    @property
    def is_talk(self) -> bool:
        return self.kind is TimelineKind.TALK

    @property
    def is_care(self) -> bool:
        """A talk flagged for watch or care: lists show its details only after a click."""
        return self.care_level is not CareLevel.NONE

    def is_overdue(self, today: date) -> bool:
        return (
            self.status is not None
            and not self.status.is_closed
            and self.due_on is not None
            and self.due_on < today
        )


@dataclass(frozen=True)
class Timeline:
    """The newest rows of the person's timeline, and how many talks and follow-ups they have."""

    rows: tuple[TimelineRow, ...]
    talks: int
    follow_ups: int

    @property
    def total(self) -> int:
        return self.talks + self.follow_ups

    @property
    def complete(self) -> bool:
        return len(self.rows) >= self.total


@dataclass(frozen=True)
class PlanLine:
    """Where the person stands in one active plan that covers them (today's period)."""

    plan_id: int
    plan_name: str
    talker_id: int
    talker_name: str
    cadence: Cadence
    status: MemberStatus

    @property
    def state(self) -> CoverageState:
        return self.status.state

    @property
    def deadline(self) -> date:
        return self.status.deadline

    @property
    def days_left(self) -> int:
        return self.status.days_left

    @property
    def last_talk_on(self) -> date | None:
        return self.status.last_talk_on

    @property
    def appointment_at(self) -> datetime | None:
        return self.status.appointment_at

    @property
    def missed(self) -> tuple[Period, ...]:
        return self.status.missed


@dataclass(frozen=True)
class TriggerLine:
    """An event of the person that called for a talk: waiting for it, or answered by one.

    `state` is DONE once answered, else DUE or OVERDUE by `due_on` (the Today page's words).
    """

    id: int
    kind: TriggerKind
    occurred_on: date
    due_on: date
    note: str
    talk_id: int | None
    talk_at: datetime | None
    days_left: int

    @property
    def answered(self) -> bool:
        return self.talk_id is not None

    @property
    def state(self) -> CoverageState:
        if self.answered:
            return CoverageState.DONE
        return CoverageState.OVERDUE if self.days_left < 0 else CoverageState.DUE


@dataclass(frozen=True)
class PersonProfile:
    """Everything the person's page shows, as of `on`."""

    person: PersonRow
    on: date
    timeline: Timeline
    last_talk_at: datetime | None
    open_follow_ups: int
    plans: tuple[PlanLine, ...]
    triggers: tuple[TriggerLine, ...]

    @property
    def waiting_triggers(self) -> tuple[TriggerLine, ...]:
        return tuple(t for t in self.triggers if not t.answered)


class PersonProfileService:
    def __init__(self, ctx: Context, people: PeopleService, coverage: CoverageService) -> None:
        self._ctx = ctx
        self._people = people
        self._coverage = coverage
        # the coverage report last asked for, and its lines by person once asked for again
        self._lines: (
            tuple[CoverageReport, dict[int, list[tuple[PlanCoverage, MemberStatus]]] | None] | None
        ) = None

    def profile(
        self, person_id: int, on: date | None = None, limit: int = TIMELINE_PAGE
    ) -> PersonProfile:
        """The person (NOT_FOUND if there is none), the newest `limit` lines of their
        timeline, their plans' coverage and their triggers, as of `on` (default today)."""
        day = on or today_of(self._ctx.clock)
        row = self._people.person(person_id)
        with self._ctx.db.reading() as conn:
            rows = _timeline_rows(conn, person_id, limit)
            talks, items, open_items, last_talk = driver_rows(
                conn, _PROFILE_COUNTS, {"person": person_id}
            )[0]
            triggers = _triggers(conn, person_id, day)
        return PersonProfile(
            person=row,
            on=day,
            timeline=Timeline(rows, talks, items),
            last_talk_at=_MOMENT(last_talk) if last_talk else None,
            open_follow_ups=open_items,
            plans=self.plan_lines(person_id, day),
            triggers=triggers,
        )

    def timeline(self, person_id: int, limit: int = TIMELINE_PAGE) -> Timeline:
        """The newest `limit` lines of the person's timeline ("show more" asks for more)."""
        with self._ctx.db.reading() as conn:
            rows = _timeline_rows(conn, person_id, limit)
            talks, items = driver_rows(conn, _COUNTS, {"person": person_id})[0]
        return Timeline(rows, talks, items)

    def plan_lines(self, person_id: int, on: date | None = None) -> tuple[PlanLine, ...]:
        """The person's line in each active plan covering them, from the shared coverage report.

        A plan does not list someone who left, its own talker, or someone not covered
        yet (the plan starts, or they join, after `on`). A report asked for a second time
        (it is cached until the data change) is sorted by person once, not searched again.
        """
        report = self._coverage.report(on)
        known = self._lines
        if known is None or known[0] is not report:
            self._lines = (report, None)
            return tuple(_lines_of(report, person_id))
        by_person = known[1]
        if by_person is None:
            by_person = {}
            for plan, member in _members(report):
                by_person.setdefault(member.person.id, []).append((plan, member))
            self._lines = (report, by_person)
        return tuple(_line(plan, member) for plan, member in by_person.get(person_id, ()))


def _members(report: CoverageReport) -> Iterator[tuple[PlanCoverage, MemberStatus]]:
    return ((plan, member) for plan in report.plans for member in plan.members)


def _lines_of(report: CoverageReport, person_id: int) -> Iterator[PlanLine]:
    return (_line(p, m) for p in report.plans for m in p.members if m.person.id == person_id)


def _line(plan: PlanCoverage, member: MemberStatus) -> PlanLine:
    return PlanLine(plan.plan_id, plan.name, plan.talker_id, plan.talker_name, plan.cadence, member)


# -- reading ------------------------------------------------------------------------

_talker = person.alias("talker")


@functools.lru_cache(maxsize=32)
def _talks_page(limit: int) -> Select[Any]:
    """The person's newest talks: one statement per `limit` (the SQL holds it, see `page_of`)."""
    stmt = (
        select(
            talk.c.id,
            as_text(talk.c.held_at),
            _talker.c.name,
            talk.c.kind,
            talk.c.topics,
            talk.c.care_level,
            talk.c.state,
        )
        .join(_talker, _talker.c.id == talk.c.talker_id)
        .where(talk.c.person_id == bindparam("person"))
        # newest first along the (person_id, held_at) index; its rowid settles ties
        .order_by(talk.c.held_at.desc(), talk.c.id.desc())
    )
    return page_of(stmt, Page(0, limit))


@functools.lru_cache(maxsize=32)
def _follow_ups_page(limit: int) -> Select[Any]:
    stmt = (
        select(
            follow_up.c.id,
            as_text(follow_up.c.created_at),
            follow_up.c.handler,
            follow_up.c.title,
            follow_up.c.status,
            as_text(follow_up.c.due_on),
        )
        .where(follow_up.c.person_id == bindparam("person"))
        .order_by(follow_up.c.created_at.desc(), follow_up.c.id.desc())
    )
    return page_of(stmt, Page(0, limit))


# The counts in one statement (each a scalar subquery through the person's index).
def _count_of(table: Any, *where: ColumnElement[bool]) -> Any:
    column = table.c.person_id
    return (
        select(func.count())
        .select_from(table)
        .where(column == bindparam("person"), *where)
        .scalar_subquery()
    )


_COUNTS = select(_count_of(talk), _count_of(follow_up))
_PROFILE_COUNTS = select(
    _count_of(talk),
    _count_of(follow_up),
    _count_of(follow_up, one_of(follow_up.c.status, OPEN_STATES)),
    select(as_text(func.max(talk.c.held_at)))
    .where(talk.c.person_id == bindparam("person"))
    .scalar_subquery(),
)
_answer = talk.alias("answer")
_TRIGGERS = (
    select(
        talk_trigger.c.id,
        talk_trigger.c.kind,
        as_text(talk_trigger.c.occurred_on),
        as_text(talk_trigger.c.due_on),
        talk_trigger.c.note,
        talk_trigger.c.talk_id,
        as_text(_answer.c.held_at),
    )
    .outerjoin(_answer, _answer.c.id == talk_trigger.c.talk_id)
    .where(talk_trigger.c.person_id == bindparam("person"))
)

_KIND = enum_parser(TalkKind)
_CARE = enum_parser(CareLevel)
_STATE = enum_parser(TalkState)
_STATUS = enum_parser(FollowUpStatus)
_TRIGGER = enum_parser(TriggerKind)
_MOMENT = datetime.fromisoformat
_DAY = date.fromisoformat


def _timeline_rows(conn: Connection, person_id: int, limit: int) -> tuple[TimelineRow, ...]:
    """The newest `limit` of the person's talks and follow-ups, merged: newest first; at
    the same moment a talk shows above the follow-ups it raised. Each list comes sorted
    so (by time, then id) and is merged as it is read; only the rows shown are made."""
    params = {"person": person_id}
    talks = driver_rows(conn, _talks_page(limit), params)
    items = driver_rows(conn, _follow_ups_page(limit), params)
    talk_at = [_MOMENT(r[1]) for r in talks]
    item_at = [_MOMENT(r[1]) for r in items]
    talk_kind, follow_up_kind, none = TimelineKind.TALK, TimelineKind.FOLLOW_UP, CareLevel.NONE
    rows: list[TimelineRow] = []
    append = rows.append
    t = f = 0
    n_talks, n_items = len(talks), len(items)
    for _ in range(min(limit, n_talks + n_items)):
        if f >= n_items or (t < n_talks and talk_at[t] >= item_at[f]):
            talk_id, _, talker, kind, topics, care, state = talks[t]
            append(
                TimelineRow(
                    talk_kind,
                    talk_id,
                    talk_at[t],
                    talker,
                    _KIND(kind),
                    parse_topics(topics),
                    _CARE(care),
                    _STATE(state),
                )
            )
            t += 1
        else:
            item_id, _, handler, title, status, due_on = items[f]
            append(
                TimelineRow(
                    follow_up_kind,
                    item_id,
                    item_at[f],
                    handler,
                    None,
                    (),
                    none,
                    None,
                    title,
                    _STATUS(status),
                    _DAY(due_on) if due_on else None,
                )
            )
            f += 1
    return tuple(rows)


def _triggers(conn: Connection, person_id: int, day: date) -> tuple[TriggerLine, ...]:
    """Waiting triggers first (the earliest due first), then the answered, newest first."""
    lines = []
    for trigger_id, kind, occurred, due, note, talk_id, talk_at in driver_rows(
        conn, _TRIGGERS, {"person": person_id}
    ):
        due_on = _DAY(due)
        lines.append(
            TriggerLine(
                trigger_id,
                _TRIGGER(kind),
                _DAY(occurred),
                due_on,
                note,
                talk_id,
                _MOMENT(talk_at) if talk_at else None,
                (due_on - day).days,
            )
        )
    waiting = sorted((t for t in lines if not t.answered), key=lambda t: (t.due_on, t.id))
    answered = sorted(
        (t for t in lines if t.answered), key=lambda t: (t.occurred_on, t.id), reverse=True
    )
    return (*waiting, *answered)
