"""One person's page in a few queries: who they are, their talks and follow-ups, plans, triggers.

The timeline reads the newest talks through the (person_id, held_at) index
and the person's follow-ups through theirs, each limited, and merges them in
memory, so a person with a thousand talks costs the same as one with ten.
Coverage is not worked out again: the person's lines are picked from
`CoverageService.report`, which every page shares and which is cached until
the data change. Lists show no note text, and never the private notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    bindparam,
    func,
    select,
    type_coerce,
)

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
from talkdesk.services.coverage import CoverageService, MemberStatus
from talkdesk.services.follow_ups import OPEN_STATES
from talkdesk.services.people import PeopleService, PersonRow
from talkdesk.services.query import enum_parser
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

    def profile(
        self, person_id: int, on: date | None = None, limit: int = TIMELINE_PAGE
    ) -> PersonProfile:
        """The person (NOT_FOUND if there is none), the newest `limit` lines of their
        timeline, their plans' coverage and their triggers, as of `on` (default today)."""
        day = on or today_of(self._ctx.clock)
        row = self._people.person(person_id)
        with self._ctx.db.reading() as conn:
            timeline = _timeline(conn, person_id, limit)
            last_talk = conn.execute(_LAST_TALK, {"person": person_id}).scalar()
            open_items = conn.execute(_OPEN_COUNT, {"person": person_id}).scalar_one()
            triggers = _triggers(conn, person_id, day)
        return PersonProfile(
            person=row,
            on=day,
            timeline=timeline,
            last_talk_at=last_talk,
            open_follow_ups=int(open_items),
            plans=self.plan_lines(person_id, day),
            triggers=triggers,
        )

    def timeline(self, person_id: int, limit: int = TIMELINE_PAGE) -> Timeline:
        """The newest `limit` lines of the person's timeline ("show more" asks for more)."""
        with self._ctx.db.reading() as conn:
            return _timeline(conn, person_id, limit)

    def plan_lines(self, person_id: int, on: date | None = None) -> tuple[PlanLine, ...]:
        """The person's line in each active plan covering them, from the shared coverage report.

        A plan does not list someone who left, its own talker, or someone not covered
        yet (the plan starts, or they join, after `on`).
        """
        report = self._coverage.report(on)
        return tuple(
            PlanLine(p.plan_id, p.name, p.talker_id, p.talker_name, p.cadence, member)
            for p in report.plans
            for member in p.members
            if member.person.id == person_id
        )


# -- reading ------------------------------------------------------------------------

_talker = person.alias("talker")


def _text(column: ColumnElement[Any]) -> ColumnElement[str]:
    """A date or time column as stored (ISO text), for `_fetch`."""
    return type_coerce(column, String)


# Built once, with bound parameters: the statements (and SQLAlchemy's cache keys) are reused.
_TALKS = (
    select(
        talk.c.id,
        _text(talk.c.held_at),
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
    .limit(bindparam("limit"))
)
_FOLLOW_UPS = (
    select(
        follow_up.c.id,
        _text(follow_up.c.created_at),
        follow_up.c.handler,
        follow_up.c.title,
        follow_up.c.status,
        _text(follow_up.c.due_on),
    )
    .where(follow_up.c.person_id == bindparam("person"))
    .order_by(follow_up.c.created_at.desc(), follow_up.c.id.desc())
    .limit(bindparam("limit"))
)
_TALK_COUNT = select(func.count()).select_from(talk).where(talk.c.person_id == bindparam("person"))
_FOLLOW_UP_COUNT = (
    select(func.count()).select_from(follow_up).where(follow_up.c.person_id == bindparam("person"))
)
_OPEN_COUNT = _FOLLOW_UP_COUNT.where(follow_up.c.status.in_(OPEN_STATES))
_LAST_TALK = (
    select(talk.c.held_at)
    .where(talk.c.person_id == bindparam("person"))
    .order_by(talk.c.held_at.desc())
    .limit(1)
)
_answer = talk.alias("answer")
_TRIGGERS = (
    select(
        talk_trigger.c.id,
        talk_trigger.c.kind,
        talk_trigger.c.occurred_on,
        talk_trigger.c.due_on,
        talk_trigger.c.note,
        talk_trigger.c.talk_id,
        _answer.c.held_at,
    )
    .outerjoin(_answer, _answer.c.id == talk_trigger.c.talk_id)
    .where(talk_trigger.c.person_id == bindparam("person"))
)

_KIND = enum_parser(TalkKind)
_CARE = enum_parser(CareLevel)
_STATE = enum_parser(TalkState)
_STATUS = enum_parser(FollowUpStatus)
_TRIGGER = enum_parser(TriggerKind)


def _timeline(conn: Connection, person_id: int, limit: int) -> Timeline:
    params = {"person": person_id, "limit": limit}
    talk_kind, follow_up_kind, none = TimelineKind.TALK, TimelineKind.FOLLOW_UP, CareLevel.NONE
    at = datetime.fromisoformat
    rows = [
        TimelineRow(
            talk_kind,
            talk_id,
            at(held_at),
            talker,
            _KIND(kind),
            parse_topics(topics),
            _CARE(care),
            _STATE(state),
        )
        for talk_id, held_at, talker, kind, topics, care, state in _fetch(conn, _TALKS, params)
    ]
    rows += [
        TimelineRow(
            follow_up_kind,
            item_id,
            at(created_at),
            handler,
            None,
            (),
            none,
            None,
            title,
            _STATUS(status),
            date.fromisoformat(due_on) if due_on else None,
        )
        for item_id, created_at, handler, title, status, due_on in _fetch(conn, _FOLLOW_UPS, params)
    ]
    # newest first; at the same moment a talk shows above the follow-ups it raised
    rows.sort(key=lambda r: (r.at, r.kind is talk_kind, r.id), reverse=True)
    return Timeline(
        rows=tuple(rows[:limit]),
        talks=int(conn.execute(_TALK_COUNT, params).scalar_one()),
        follow_ups=int(conn.execute(_FOLLOW_UP_COUNT, params).scalar_one()),
    )


def _fetch(conn: Connection, stmt: Select[Any], params: dict[str, int]) -> Sequence[Any]:
    """The driver's rows, unconverted: dates come as ISO text (`_text`), which
    `fromisoformat` parses far faster than SQLAlchemy's per-row converters."""
    return conn.execute(stmt, params).cursor.fetchall()


def _triggers(conn: Connection, person_id: int, day: date) -> tuple[TriggerLine, ...]:
    """Waiting triggers first (the earliest due first), then the answered, newest first."""
    lines = [
        TriggerLine(
            trigger_id,
            _TRIGGER(kind),
            occurred_on,
            due_on,
            note,
            talk_id,
            talk_at,
            (due_on - day).days,
        )
        for trigger_id, kind, occurred_on, due_on, note, talk_id, talk_at in conn.execute(
            _TRIGGERS, {"person": person_id}
        )
    ]
    waiting = sorted((t for t in lines if not t.answered), key=lambda t: (t.due_on, t.id))
    answered = sorted(
        (t for t in lines if t.answered), key=lambda t: (t.occurred_on, t.id), reverse=True
    )
    return (*waiting, *answered)
