"""The ledger (台账): talks and follow-ups of a period, read in chunks for an Excel export.

What a ledger holds, for a period and the chosen filters:

- the talks held in the period (oldest first) with the names of the person,
  their department and the talker; never the private notes, and the care
  level and reason only when the user asked for care details;
- the follow-ups of those talks, plus those created in the period (a
  follow-up from the suggestion box has no talk: it is in the ledger of the
  period it was recorded in, unless a filter on talks is set);
- a summary counted by the database with the same conditions.

Rows are streamed: each list is one statement read in chunks from an open
cursor, so a ledger of a hundred thousand talks never holds them all.
"""

from __future__ import annotations

import functools
from collections.abc import Generator
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, NamedTuple

from sqlalchemy import (
    Connection,
    DateTime,
    Select,
    and_,
    bindparam,
    false,
    func,
    literal,
    or_,
    select,
    union,
)
from sqlalchemy.sql import ColumnElement

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import (
    CareLevel,
    FeedbackHow,
    FollowUpSource,
    FollowUpStatus,
    Response,
    TalkKind,
    TalkState,
    Topic,
)
from talkdesk.services.context import Context
from talkdesk.services.people import department_subtree
from talkdesk.services.query import enum_parser
from talkdesk.services.talks import parse_topics
from talkdesk.storage.tables import (
    department,
    follow_up,
    person,
    talk,
    talk_amendment,
    talk_note,
    workspace_info,
)

CHUNK = 500
"""Rows per chunk: large enough that a chunk costs little, small enough for a smooth bar."""


@dataclass(frozen=True)
class LedgerFilter:
    """What the ledger covers: the period (both days included) and optional filters.

    `department_id` includes the departments under it. `talker_id`, `kind`,
    `topic` and `state` are about talks, so with any of them set only the
    follow-ups of matching talks are listed. `status` selects follow-ups only.
    """

    date_from: date
    date_to: date
    department_id: int | None = None
    talker_id: int | None = None
    kind: TalkKind | None = None
    topic: Topic | None = None
    state: TalkState | None = None
    status: FollowUpStatus | None = None
    include_care: bool = False


class LedgerTalk(NamedTuple):
    """A line of the talks sheet. `care_level` is None and `care_reason` empty unless the
    ledger includes care details."""

    id: int
    held_at: datetime
    person_name: str
    department_name: str
    position: str
    talker_name: str
    kind: TalkKind
    topics: tuple[Topic, ...]
    place: str
    others_present: str
    recorder: str
    content: str
    problems: str
    suggestions: str
    amendments: str
    follow_ups: int
    state: TalkState
    care_level: CareLevel | None
    care_reason: str


class LedgerFollowUp(NamedTuple):
    """A line of the follow-ups sheet (an anonymous suggestion has no person name)."""

    id: int
    title: str
    detail: str
    source: FollowUpSource
    person_name: str
    department_name: str
    talk_id: int | None
    talk_on: date | None
    talker_name: str
    handler: str
    created_on: date
    due_on: date | None
    status: FollowUpStatus
    closed_on: date | None
    resolution: str
    feedback_on: date | None
    feedback_how: FeedbackHow | None
    feedback_text: str
    response: Response | None
    overdue: bool


@dataclass(frozen=True)
class LedgerCounts:
    """How many rows each sheet will have: known before the first row is read (progress)."""

    talks: int
    follow_ups: int

    @property
    def total(self) -> int:
        return self.talks + self.follow_ups


@dataclass(frozen=True)
class LedgerSummary:
    """What the ledger's sheets hold, counted with the ledger's own conditions: the rows
    of each sheet and how they divide (groups largest first; `care` is empty unless care
    details are included). The indicators of the period (feedback given, overdue, …) are
    the statistics service's, so that they read the same everywhere."""

    talks: int
    by_department: tuple[tuple[str, int], ...]
    by_talker: tuple[tuple[str, int], ...]
    by_kind: tuple[tuple[TalkKind, int], ...]
    care: tuple[tuple[CareLevel, int], ...]
    follow_ups: int
    by_status: tuple[tuple[FollowUpStatus, int], ...]
    today: date


@dataclass(frozen=True)
class LedgerHeading:
    """What the title and the summary say about the ledger besides its rows."""

    unit: str
    department_name: str | None
    talker_name: str | None


class LedgerService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def heading(self, flt: LedgerFilter) -> LedgerHeading:
        """The unit's name and the names of the chosen department and talker."""
        _check(flt)
        with self._ctx.db.reading() as conn:
            unit = conn.execute(
                select(workspace_info.c.value).where(workspace_info.c.key == "unit")
            ).scalar_one_or_none()
            return LedgerHeading(
                unit=unit or "",
                department_name=_name(conn, department, flt.department_id),
                talker_name=_name(conn, person, flt.talker_id),
            )

    def talkers(self) -> list[tuple[int, str]]:
        """Everyone who has held a talk, by pinyin: the choices of the talker filter."""
        held = select(talk.c.id).where(talk.c.talker_id == person.c.id).exists()
        stmt = select(person.c.id, person.c.name).where(held).order_by(person.c.pinyin)
        with self._ctx.db.reading() as conn:
            return [(int(i), str(n)) for i, n in conn.execute(stmt)]

    def counts(self, flt: LedgerFilter) -> LedgerCounts:
        _check(flt)
        with self._ctx.db.reading() as conn:
            talk_where, follow_where, params = _conditions(conn, flt)
            talks = conn.execute(_talk_count(talk_where), params).scalar_one()
            follow_ups = conn.execute(_follow_up_count(follow_where), params).scalar_one()
        return LedgerCounts(int(talks), int(follow_ups))

    def talk_chunks(
        self, flt: LedgerFilter, size: int = CHUNK
    ) -> Generator[list[LedgerTalk], None, None]:
        """The talks, oldest first, `size` at a time, from one open cursor.

        The connection is held until the iterator is exhausted or closed, so a
        caller that stops early should close it (a `for` loop left by an
        exception does, when the generator is collected; `contextlib.closing`
        makes it certain).
        """
        _check(flt)
        care = flt.include_care
        with self._ctx.db.reading() as conn:
            talk_where, _, params = _conditions(conn, flt)
            result = conn.execution_options(yield_per=size).execute(
                _talk_rows(talk_where, care), params
            )
            for part in result.partitions():
                yield [_talk_row(r, care) for r in part]

    def follow_up_chunks(
        self, flt: LedgerFilter, size: int = CHUNK
    ) -> Generator[list[LedgerFollowUp], None, None]:
        """The follow-ups in the order of their talks (or of their own date), `size` at a time."""
        _check(flt)
        today = self._ctx.now().date()
        with self._ctx.db.reading() as conn:
            _, follow_where, params = _conditions(conn, flt)
            result = conn.execution_options(yield_per=size).execute(
                _follow_up_rows(follow_where), params
            )
            for part in result.partitions():
                yield [_follow_up_row(r, today) for r in part]

    def summary(self, flt: LedgerFilter) -> LedgerSummary:
        _check(flt)
        today = self._ctx.now().date()
        with self._ctx.db.reading() as conn:
            talk_where, follow_where, params = _conditions(conn, flt)

            def groups(key: ColumnElement[Any], shown: ColumnElement[Any]) -> list[Any]:
                stmt = _talk_groups(talk_where, key, shown)
                return list(conn.execute(stmt, params))

            by_department = [(name, n) for _, name, n in groups(_person.c.department_id, _dep)]
            by_talker = [(name, n) for _, name, n in groups(talk.c.talker_id, _talker.c.name)]
            by_kind = [(_KIND(kind), n) for _, kind, n in groups(talk.c.kind, talk.c.kind)]
            care = (
                [(_CARE(lvl), n) for _, lvl, n in groups(talk.c.care_level, talk.c.care_level)]
                if flt.include_care
                else []
            )
            statuses = conn.execute(_follow_up_groups(follow_where), params).all()
        return LedgerSummary(
            talks=sum(n for _, n in by_department),
            by_department=tuple(by_department),
            by_talker=tuple(by_talker),
            by_kind=tuple(by_kind),
            care=tuple(care),
            follow_ups=sum(n for _, n in statuses),
            by_status=tuple((_STATUS(status), n) for status, n in statuses),
            today=today,
        )


# -- helpers ----------------------------------------------------------------------

_person = person.alias("lp")  # the person talked with
_talker = person.alias("lt")
_owner = person.alias("lo")  # a follow-up's own person
_owner_department = department.alias("lod")
_dep = func.coalesce(department.c.name, "")

_TALK_FILTERS = ("talker", "kind", "topic", "state")


def _check(flt: LedgerFilter) -> None:
    if flt.date_to < flt.date_from:
        raise TalkdeskError(ErrorCode.INVALID_VALUE, field="date_to")


def _name(conn: Connection, table: Any, row_id: int | None) -> str | None:
    if row_id is None:
        return None
    found = conn.execute(select(table.c.name).where(table.c.id == row_id)).scalar_one_or_none()
    if found is None:
        raise TalkdeskError(ErrorCode.NOT_FOUND)
    return str(found)


def _conditions(
    conn: Connection, flt: LedgerFilter
) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, object]]:
    """The talk conditions and the follow-up conditions that apply, by name, and the
    parameters of both (named conditions: each statement is built once per shape)."""
    values: dict[str, object] = {
        "departments": None
        if flt.department_id is None
        else department_subtree(conn, flt.department_id),
        "talker": flt.talker_id,
        "kind": None if flt.kind is None else flt.kind.value,
        "topic": None if flt.topic is None else f",{flt.topic.value},",
        "state": None if flt.state is None else flt.state.value,
        "status": None if flt.status is None else flt.status.value,
    }
    used = {name: value for name, value in values.items() if value is not None}
    talk_where = tuple(n for n in used if n != "status")
    follow_where = tuple(used)
    params = {
        **used,
        "held_from": datetime.combine(flt.date_from, time.min),
        "held_to": datetime.combine(flt.date_to, time.max),
    }
    return talk_where, follow_where, params


_IN_PERIOD = and_(
    talk.c.held_at >= bindparam("held_from", type_=DateTime),
    talk.c.held_at <= bindparam("held_to", type_=DateTime),
)
_CREATED_IN_PERIOD = and_(
    follow_up.c.created_at >= bindparam("held_from", type_=DateTime),
    follow_up.c.created_at <= bindparam("held_to", type_=DateTime),
)

# Conditions on a talk (its person is `_person`), by filter name.
_TALK_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "departments": _person.c.department_id.in_(bindparam("departments", expanding=True)),
    "talker": talk.c.talker_id == bindparam("talker"),
    "kind": talk.c.kind == bindparam("kind"),
    # topics are stored as comma-separated codes: match a whole code
    "topic": func.instr(literal(",").concat(talk.c.topics).concat(","), bindparam("topic")) > 0,
    "state": talk.c.state == bindparam("state"),
}


def _talk_joins(stmt: Select[Any]) -> Select[Any]:
    return stmt.select_from(
        talk.join(_person, _person.c.id == talk.c.person_id)
        .join(_talker, _talker.c.id == talk.c.talker_id)
        .outerjoin(department, department.c.id == _person.c.department_id)
    )


def _talk_matches(where: tuple[str, ...]) -> list[ColumnElement[bool]]:
    return [_TALK_CONDITIONS[n] for n in where]


@functools.cache
def _talk_rows(where: tuple[str, ...], care: bool) -> Select[Any]:
    follow_ups = (
        select(func.count())
        .where(follow_up.c.talk_id == talk.c.id)
        .correlate(talk)
        .scalar_subquery()
    )
    amendments = (
        select(func.group_concat(talk_amendment.c.text, "\n"))
        .where(talk_amendment.c.talk_id == talk.c.id)
        .correlate(talk)
        .scalar_subquery()
    )
    columns: list[Any] = [
        talk.c.id,
        talk.c.held_at,
        _person.c.name,
        _dep,
        _person.c.position,
        _talker.c.name,
        talk.c.kind,
        talk.c.topics,
        talk.c.place,
        talk.c.others_present,
        talk.c.recorder,
        talk_note.c.content,
        talk_note.c.problems,
        talk_note.c.suggestions,
        amendments,
        follow_ups,
        talk.c.state,
    ]
    if care:
        columns += [talk.c.care_level, talk_note.c.care_reason]
    # never talk_note.private_notes
    stmt = _talk_joins(select(*columns)).outerjoin(talk_note, talk_note.c.talk_id == talk.c.id)
    return stmt.where(_IN_PERIOD, *_talk_matches(where)).order_by(talk.c.held_at, talk.c.id)


@functools.cache
def _talk_count(where: tuple[str, ...]) -> Select[Any]:
    stmt = select(func.count()).select_from(talk)
    if "departments" in where:
        stmt = stmt.join(_person, _person.c.id == talk.c.person_id)
    return stmt.where(_IN_PERIOD, *_talk_matches(where))


@functools.cache
def _talk_groups(
    where: tuple[str, ...], key: ColumnElement[Any], shown: ColumnElement[Any]
) -> Select[Any]:
    n = func.count()
    stmt = _talk_joins(select(key, func.min(shown), n)).where(_IN_PERIOD, *_talk_matches(where))
    return stmt.group_by(key).order_by(n.desc(), func.min(shown))


def _follow_up_joins(stmt: Select[Any]) -> Select[Any]:
    return stmt.select_from(
        follow_up.outerjoin(talk, talk.c.id == follow_up.c.talk_id)
        .outerjoin(_person, _person.c.id == talk.c.person_id)
        .outerjoin(_talker, _talker.c.id == talk.c.talker_id)
        .outerjoin(_owner, _owner.c.id == follow_up.c.person_id)
        .outerjoin(_owner_department, _owner_department.c.id == _owner.c.department_id)
    )


def _follow_up_where(where: tuple[str, ...]) -> list[ColumnElement[bool]]:
    """A follow-up belongs to the ledger when its talk does (held in the period, or the
    item created in it) or, without a talk, when it was created in the period and no filter
    only a talk can match is set; the department is its talk's person's, else its own.

    The candidates (of talks held in the period, or created in it) are found first, each
    way by itself: one OR over both would look up the talk of every follow-up stored.
    """
    candidates = union(
        select(follow_up.c.id)
        .select_from(talk.join(follow_up, follow_up.c.talk_id == talk.c.id))
        .where(_IN_PERIOD),
        select(follow_up.c.id).where(_CREATED_IN_PERIOD),
    )
    of_talk = and_(
        follow_up.c.talk_id.is_not(None),
        *_talk_matches(tuple(n for n in where if n != "status")),
    )
    if any(n in where for n in _TALK_FILTERS):
        without_talk: ColumnElement[bool] = false()
    else:
        own = [follow_up.c.talk_id.is_(None)]
        if "departments" in where:
            own.append(_owner.c.department_id.in_(bindparam("departments", expanding=True)))
        without_talk = and_(*own)
    conditions = [follow_up.c.id.in_(candidates), or_(of_talk, without_talk)]
    if "status" in where:
        conditions.append(follow_up.c.status == bindparam("status"))
    return conditions


_TALK_DAY = func.coalesce(talk.c.held_at, follow_up.c.created_at)


@functools.cache
def _follow_up_rows(where: tuple[str, ...]) -> Select[Any]:
    stmt = _follow_up_joins(
        select(
            follow_up.c.id,
            follow_up.c.title,
            follow_up.c.detail,
            follow_up.c.source,
            func.coalesce(_owner.c.name, ""),
            func.coalesce(_owner_department.c.name, ""),
            follow_up.c.talk_id,
            talk.c.held_at,
            func.coalesce(_talker.c.name, ""),
            follow_up.c.handler,
            follow_up.c.created_at,
            follow_up.c.due_on,
            follow_up.c.status,
            follow_up.c.closed_on,
            follow_up.c.resolution,
            follow_up.c.feedback_on,
            follow_up.c.feedback_how,
            follow_up.c.feedback_text,
            follow_up.c.response,
        )
    )
    return stmt.where(*_follow_up_where(where)).order_by(_TALK_DAY, follow_up.c.id)


@functools.cache
def _follow_up_count(where: tuple[str, ...]) -> Select[Any]:
    return _follow_up_joins(select(func.count())).where(*_follow_up_where(where))


@functools.cache
def _follow_up_groups(where: tuple[str, ...]) -> Select[Any]:
    n = func.count()
    stmt = _follow_up_joins(select(follow_up.c.status, n)).where(*_follow_up_where(where))
    return stmt.group_by(follow_up.c.status).order_by(n.desc(), follow_up.c.status)


_KIND = enum_parser(TalkKind)
_CARE = enum_parser(CareLevel)
_STATE = enum_parser(TalkState)
_SOURCE = enum_parser(FollowUpSource)
_STATUS = enum_parser(FollowUpStatus)
_HOW = enum_parser(FeedbackHow)
_RESPONSE = enum_parser(Response)


def _talk_row(r: Any, care: bool) -> LedgerTalk:
    return LedgerTalk(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        r[5],
        _KIND(r[6]),
        parse_topics(r[7]),
        r[8],
        r[9],
        r[10],
        r[11] or "",
        r[12] or "",
        r[13] or "",
        r[14] or "",
        r[15],
        _STATE(r[16]),
        _CARE(r[17]) if care else None,
        (r[18] or "") if care else "",
    )


def _follow_up_row(r: Any, today: date) -> LedgerFollowUp:
    status = _STATUS(r[12])
    due_on = r[11]
    return LedgerFollowUp(
        r[0],
        r[1],
        r[2],
        _SOURCE(r[3]),
        r[4],
        r[5],
        r[6],
        r[7].date() if r[7] is not None else None,
        r[8],
        r[9],
        r[10].date(),
        due_on,
        status,
        r[13],
        r[14],
        r[15],
        _HOW(r[16]) if r[16] else None,
        r[17],
        _RESPONSE(r[18]) if r[18] else None,
        not status.is_closed and due_on is not None and due_on < today,
    )
