"""Follow-up items: the closed loop from a problem raised to the feedback given.

Every change of an item is also written to its history (`follow_up_event`),
so the page can show how it went, and the evaluation can count it.
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import (
    Connection,
    Date,
    Select,
    and_,
    bindparam,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.sql import ColumnElement

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.recovery import ALPHABET
from talkdesk.domain.values import (
    AuditAction,
    FeedbackHow,
    FollowUpSource,
    FollowUpStatus,
    Response,
)
from talkdesk.services import audit
from talkdesk.services.changes import Changes, Entity
from talkdesk.services.context import Context, stamps
from talkdesk.services.indexing import follow_up_text
from talkdesk.services.people import department_subtree
from talkdesk.services.query import Page, enum_parser, insert_id, paged
from talkdesk.storage import search_index
from talkdesk.storage.search_index import Index
from talkdesk.storage.tables import department, follow_up, follow_up_event, person

OPEN_STATES = (FollowUpStatus.OPEN.value, FollowUpStatus.IN_PROGRESS.value)
CLOSED_STATES = (FollowUpStatus.RESOLVED.value, FollowUpStatus.UNRESOLVABLE.value)


class EventKind(StrEnum):
    CREATED = "created"
    PROGRESS = "progress"
    STATUS = "status"
    FEEDBACK = "feedback"
    CHANGED = "changed"


@dataclass(frozen=True)
class FollowUpInput:
    title: str
    person_id: int | None = None
    source: FollowUpSource = FollowUpSource.TALK
    talk_id: int | None = None
    detail: str = ""
    handler: str = ""
    due_on: date | None = None


class FollowUpListRow(NamedTuple):
    """A row of the follow-ups list (a named tuple: lists build many at a time)."""

    id: int
    uuid: str
    title: str
    person_id: int | None
    person_name: str
    department_name: str
    source: FollowUpSource
    handler: str
    due_on: date | None
    status: FollowUpStatus
    feedback_on: date | None
    created_at: datetime

    def is_overdue(self, today: date) -> bool:
        return not self.status.is_closed and self.due_on is not None and self.due_on < today


@dataclass(frozen=True)
class FollowUpEvent:
    at: datetime
    kind: EventKind
    status: FollowUpStatus | None
    note: str


@dataclass(frozen=True)
class FollowUpDetail:
    row: FollowUpListRow
    talk_id: int | None
    ticket_code: str | None
    detail: str
    resolution: str
    closed_on: date | None
    feedback_how: FeedbackHow | None
    feedback_text: str
    response: Response | None
    events: tuple[FollowUpEvent, ...]

    @property
    def id(self) -> int:
        return self.row.id


@dataclass(frozen=True)
class FollowUpFilter:
    status: FollowUpStatus | None = None
    open_only: bool = False
    person_id: int | None = None
    department_id: int | None = None
    handler: str | None = None
    source: FollowUpSource | None = None
    overdue_on: date | None = None
    due_from: date | None = None
    feedback_owed: bool = False
    talk_id: int | None = None


class FollowUpSort(StrEnum):
    DUE_ON = "due_on"
    CREATED = "created"
    STATUS = "status"
    PERSON = "person"
    HANDLER = "handler"
    TITLE = "title"


_SORT_COLUMNS: dict[FollowUpSort, ColumnElement[Any]] = {
    FollowUpSort.DUE_ON: follow_up.c.due_on,
    FollowUpSort.CREATED: follow_up.c.created_at,
    FollowUpSort.STATUS: follow_up.c.status,
    FollowUpSort.PERSON: person.c.pinyin,
    FollowUpSort.HANDLER: follow_up.c.handler,
    FollowUpSort.TITLE: follow_up.c.title,
}

_LIST_COLUMNS = (
    follow_up.c.id,
    follow_up.c.uuid,
    follow_up.c.title,
    follow_up.c.person_id,
    func.coalesce(person.c.name, ""),
    func.coalesce(department.c.name, ""),
    follow_up.c.source,
    follow_up.c.handler,
    follow_up.c.due_on,
    follow_up.c.status,
    follow_up.c.feedback_on,
    follow_up.c.created_at,
)


class FollowUpsService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    # -- lists ------------------------------------------------------------------

    def list_follow_ups(
        self,
        flt: FollowUpFilter = FollowUpFilter(),
        sort: FollowUpSort = FollowUpSort.DUE_ON,
        descending: bool = False,
        page: Page = Page(),
    ) -> list[FollowUpListRow]:
        with self._ctx.db.reading() as conn:
            where, params = _where(conn, flt)
            rows = conn.execute(_list_select(where, sort, descending), {**params, **page.params()})
            return [_list_row(r) for r in rows.all()]

    def count_follow_ups(self, flt: FollowUpFilter = FollowUpFilter()) -> int:
        with self._ctx.db.reading() as conn:
            where, params = _where(conn, flt)
            return int(conn.execute(_count_select(where), params).scalar_one())

    def rows_by_id(self, ids: list[int]) -> dict[int, FollowUpListRow]:
        if not ids:
            return {}
        with self._ctx.db.reading() as conn:
            stmt = _joined(select(*_LIST_COLUMNS)).where(follow_up.c.id.in_(ids))
            return {r.id: r for r in map(_list_row, conn.execute(stmt))}

    # -- one item -----------------------------------------------------------------

    def get(self, item_id: int) -> FollowUpDetail:
        with self._ctx.db.reading() as conn:
            return _detail(conn, item_id)

    def create(self, data: FollowUpInput) -> tuple[FollowUpDetail, Changes]:
        title = data.title.strip()
        if not title:
            raise TalkdeskError(ErrorCode.INVALID_VALUE, field="title")
        now = self._ctx.now()
        anonymous = data.person_id is None and data.source is FollowUpSource.SUGGESTION_BOX
        with self._ctx.db.transaction() as conn:
            item_id = insert_id(
                conn,
                insert(follow_up).values(
                    **stamps(now),
                    source=data.source.value,
                    talk_id=data.talk_id,
                    person_id=data.person_id,
                    ticket_code=new_ticket_code() if anonymous else None,
                    title=title,
                    detail=data.detail.strip(),
                    handler=data.handler.strip(),
                    due_on=data.due_on,
                    status=FollowUpStatus.OPEN.value,
                ),
            )
            _event(conn, now, item_id, EventKind.CREATED, FollowUpStatus.OPEN)
            _reindex(conn, item_id)
            detail = _detail(conn, item_id)
            audit.record(conn, now, AuditAction.CREATED, "follow_up", detail.row.uuid)
        return detail, Changes.of(Entity.FOLLOW_UP)

    def update(self, item_id: int, data: FollowUpInput) -> tuple[FollowUpDetail, Changes]:
        """Change what, who handles it and when it is due (not its status)."""
        if not data.title.strip():
            raise TalkdeskError(ErrorCode.INVALID_VALUE, field="title")
        values = {
            "title": data.title.strip(),
            "detail": data.detail.strip(),
            "handler": data.handler.strip(),
            "due_on": data.due_on,
            "person_id": data.person_id,
        }
        return self._change(item_id, values, EventKind.CHANGED, None, "")

    def set_status(
        self, item_id: int, status: FollowUpStatus, note: str = ""
    ) -> tuple[FollowUpDetail, Changes]:
        """Move the item on; closing it needs a resolution (or a reason it cannot be)."""
        if status.is_closed and not note.strip():
            raise TalkdeskError(ErrorCode.INVALID_VALUE, field="resolution")
        values: dict[str, object] = {"status": status.value}
        if status.is_closed:
            values.update(resolution=note.strip(), closed_on=self._ctx.now().date())
        else:
            values.update(closed_on=None)
        return self._change(item_id, values, EventKind.STATUS, status, note)

    def add_progress(self, item_id: int, note: str) -> tuple[FollowUpDetail, Changes]:
        if not note.strip():
            raise TalkdeskError(ErrorCode.INVALID_VALUE, field="note")
        return self._change(item_id, {}, EventKind.PROGRESS, None, note)

    def record_feedback(
        self,
        item_id: int,
        on: date,
        how: FeedbackHow,
        text: str,
        response: Response | None = None,
    ) -> tuple[FollowUpDetail, Changes]:
        """The person was told the outcome: when, how, what, and how they took it."""
        values = {
            "feedback_on": on,
            "feedback_how": how.value,
            "feedback_text": text.strip(),
            "response": response.value if response else None,
        }
        return self._change(item_id, values, EventKind.FEEDBACK, None, text)

    def bulk_update(
        self, item_ids: list[int], handler: str | None = None, due_on: date | None = None
    ) -> Changes:
        """Give many items a new handler and/or due date in one step."""
        values: dict[str, object] = {}
        if handler is not None:
            values["handler"] = handler.strip()
        if due_on is not None:
            values["due_on"] = due_on
        if not values or not item_ids:
            return Changes()
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            conn.execute(
                update(follow_up)
                .where(follow_up.c.id.in_(item_ids))
                .values(**values, updated_at=now)
            )
            for item_id in item_ids:
                _event(conn, now, item_id, EventKind.CHANGED, None, "")
            audit.record(conn, now, AuditAction.CHANGED, "follow_up", count=len(item_ids))
        return Changes.of(Entity.FOLLOW_UP)

    def _change(
        self,
        item_id: int,
        values: Mapping[str, object],
        kind: EventKind,
        status: FollowUpStatus | None,
        note: str,
    ) -> tuple[FollowUpDetail, Changes]:
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            result = conn.execute(
                update(follow_up).where(follow_up.c.id == item_id).values(**values, updated_at=now)
            )
            if result.rowcount == 0:
                raise TalkdeskError(ErrorCode.NOT_FOUND)
            _event(conn, now, item_id, kind, status, note)
            _reindex(conn, item_id)
            detail = _detail(conn, item_id)
            audit.record(conn, now, AuditAction.CHANGED, "follow_up", detail.row.uuid)
        return detail, Changes.of(Entity.FOLLOW_UP)


def new_ticket_code() -> str:
    """A code for an anonymous suggestion, so an answer can be matched to whoever holds it."""
    return "".join(secrets.choice(ALPHABET) for _ in range(8))


# -- helpers ----------------------------------------------------------------------


def _joined(stmt: Select[Any]) -> Select[Any]:
    return stmt.select_from(
        follow_up.outerjoin(person, person.c.id == follow_up.c.person_id).outerjoin(
            department, department.c.id == person.c.department_id
        )
    )


# Filters as named conditions with bound parameters of the same names: each list statement
# is built once per combination of filters, so SQLAlchemy reuses it (and its cache key).
_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "status": follow_up.c.status == bindparam("status"),
    "open_only": follow_up.c.status.in_(OPEN_STATES),
    "person": follow_up.c.person_id == bindparam("person"),
    "talk": follow_up.c.talk_id == bindparam("talk"),
    "departments": person.c.department_id.in_(bindparam("departments", expanding=True)),
    "handler": follow_up.c.handler == bindparam("handler"),
    "source": follow_up.c.source == bindparam("source"),
    "overdue_on": and_(
        follow_up.c.status.in_(OPEN_STATES),
        follow_up.c.due_on < bindparam("overdue_on", type_=Date),
    ),
    "due_from": follow_up.c.due_on >= bindparam("due_from", type_=Date),
    # Closed, not yet told, and there is someone to tell (a person or a ticket holder).
    "feedback_owed": and_(
        follow_up.c.status.in_(CLOSED_STATES),
        follow_up.c.feedback_on.is_(None),
        or_(follow_up.c.person_id.is_not(None), follow_up.c.ticket_code.is_not(None)),
    ),
}


def _where(conn: Connection, flt: FollowUpFilter) -> tuple[tuple[str, ...], dict[str, object]]:
    """The conditions that apply, by name, and their parameters."""
    values: dict[str, object] = {
        "status": None if flt.status is None else flt.status.value,
        "open_only": flt.open_only or None,
        "person": flt.person_id,
        "talk": flt.talk_id,
        "departments": None
        if flt.department_id is None
        else department_subtree(conn, flt.department_id),
        "handler": flt.handler,
        "source": None if flt.source is None else flt.source.value,
        "overdue_on": flt.overdue_on,
        "due_from": flt.due_from,
        "feedback_owed": flt.feedback_owed or None,
    }
    used = {name: value for name, value in values.items() if value is not None}
    return tuple(used), used


@functools.cache
def _list_select(where: tuple[str, ...], sort: FollowUpSort, descending: bool) -> Select[Any]:
    key = _SORT_COLUMNS[sort]
    # Items without a due date sort last either way.
    order = [key.is_(None), key.desc() if descending else key.asc(), follow_up.c.id]
    stmt = _joined(select(*_LIST_COLUMNS)).where(*(_CONDITIONS[n] for n in where))
    return paged(stmt.order_by(*order))


@functools.cache
def _count_select(where: tuple[str, ...]) -> Select[Any]:
    stmt = select(func.count()).select_from(follow_up)
    if "departments" in where:
        stmt = stmt.join(person, person.c.id == follow_up.c.person_id)
    return stmt.where(*(_CONDITIONS[n] for n in where))


_SOURCE = enum_parser(FollowUpSource)
_STATUS = enum_parser(FollowUpStatus)


def _list_row(r: Any) -> FollowUpListRow:
    return FollowUpListRow(
        r[0], r[1], r[2], r[3], r[4], r[5], _SOURCE(r[6]), r[7], r[8], _STATUS(r[9]), r[10], r[11]
    )


def _detail(conn: Connection, item_id: int) -> FollowUpDetail:
    row = conn.execute(
        _joined(
            select(
                *_LIST_COLUMNS,
                follow_up.c.talk_id,
                follow_up.c.ticket_code,
                follow_up.c.detail,
                follow_up.c.resolution,
                follow_up.c.closed_on,
                follow_up.c.feedback_how,
                follow_up.c.feedback_text,
                follow_up.c.response,
            )
        ).where(follow_up.c.id == item_id)
    ).first()
    if row is None:
        raise TalkdeskError(ErrorCode.NOT_FOUND)
    talk_id, ticket, detail, resolution, closed_on, how, feedback, response = row[12:]
    events = tuple(
        FollowUpEvent(at, EventKind(kind), FollowUpStatus(status) if status else None, note)
        for at, kind, status, note in conn.execute(
            select(
                follow_up_event.c.created_at,
                follow_up_event.c.kind,
                follow_up_event.c.status,
                follow_up_event.c.note,
            )
            .where(follow_up_event.c.follow_up_id == item_id)
            .order_by(follow_up_event.c.created_at, follow_up_event.c.id)
        )
    )
    return FollowUpDetail(
        row=_list_row(row),
        talk_id=talk_id,
        ticket_code=ticket,
        detail=detail,
        resolution=resolution,
        closed_on=closed_on,
        feedback_how=FeedbackHow(how) if how else None,
        feedback_text=feedback,
        response=Response(response) if response else None,
        events=events,
    )


def _event(
    conn: Connection,
    now: datetime,
    item_id: int,
    kind: EventKind,
    status: FollowUpStatus | None,
    note: str = "",
) -> None:
    conn.execute(
        insert(follow_up_event).values(
            **stamps(now),
            follow_up_id=item_id,
            kind=kind.value,
            status=status.value if status else None,
            note=note.strip(),
        )
    )


def _reindex(conn: Connection, item_id: int) -> None:
    row = conn.execute(
        select(
            follow_up.c.created_at,
            follow_up.c.title,
            follow_up.c.detail,
            follow_up.c.resolution,
            follow_up.c.feedback_text,
        ).where(follow_up.c.id == item_id)
    ).one()
    search_index.remove(conn, Index.FOLLOW_UP, row[0], item_id)
    search_index.put(conn, Index.FOLLOW_UP, row[0], item_id, follow_up_text(*row[1:]))
