"""Follow-up items: the closed loop from a problem raised to the feedback given.

Every change of an item is also written to its history (`follow_up_event`),
so the page can show how it went, and the evaluation can count it.
"""

from __future__ import annotations

import functools
import secrets
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
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
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.sql import ColumnElement

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.recovery import ALPHABET
from talkdesk.domain.search_terms import match_expression
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
from talkdesk.services.query import (
    Page,
    as_text,
    driver_rows,
    enum_parser,
    ids_param,
    in_ids,
    insert_id,
    like_pattern,
    one_of,
    page_of,
)
from talkdesk.storage import search_index
from talkdesk.storage.search_index import Index
from talkdesk.storage.tables import department, follow_up, follow_up_event, person, talk

OPEN_STATES = (FollowUpStatus.OPEN.value, FollowUpStatus.IN_PROGRESS.value)
TICKET_LEN = 8
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0"})
CLOSED_STATES = (FollowUpStatus.RESOLVED.value, FollowUpStatus.UNRESOLVABLE.value)


class EventKind(StrEnum):
    """What an event of an item's history records; its note holds the words or the value."""

    CREATED = "created"
    PROGRESS = "progress"  # note: what was done
    STATUS = "status"  # note: why (the resolution, the reason it cannot be resolved)
    FEEDBACK = "feedback"  # note: what the person was told
    CHANGED = "changed"  # what, detail or person edited
    HANDLER = "handler"  # note: the new handler
    DUE = "due"  # note: the new due date (ISO), empty when it was cleared


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
    ticket_code: str | None = None

    def is_overdue(self, today: date) -> bool:
        return not self.status.is_closed and self.due_on is not None and self.due_on < today

    @property
    def feedback_owed(self) -> bool:
        """Closed, nobody told yet, and someone to tell (the person or the ticket holder)."""
        return (
            self.status.is_closed
            and self.feedback_on is None
            and (self.person_id is not None or self.ticket_code is not None)
        )


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
    talk_held_at: datetime | None = None

    @property
    def id(self) -> int:
        return self.row.id


@dataclass(frozen=True)
class FollowUpFilter:
    """Which items a list shows; every field left at its default lets all through.

    Attributes:
        text: a person's name (any part), pinyin or initials (from the start), words of
            the item's title, or a ticket code (typed any way: case, dashes, spaces).
        overdue_on: due before this date (with `due_from`: a window of due dates).
        no_due: items with no due date.
    """

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
    text: str = ""
    no_due: bool = False


class FollowUpSort(StrEnum):
    DUE_ON = "due_on"
    CREATED = "created"
    STATUS = "status"
    PERSON = "person"
    HANDLER = "handler"
    TITLE = "title"
    DEPARTMENT = "department"
    SOURCE = "source"
    FEEDBACK = "feedback"


_SORT_COLUMNS: dict[FollowUpSort, ColumnElement[Any]] = {
    FollowUpSort.DUE_ON: follow_up.c.due_on,
    FollowUpSort.CREATED: follow_up.c.created_at,
    FollowUpSort.STATUS: follow_up.c.status,
    FollowUpSort.PERSON: person.c.pinyin,
    FollowUpSort.HANDLER: follow_up.c.handler,
    FollowUpSort.TITLE: follow_up.c.title,
    FollowUpSort.DEPARTMENT: department.c.position,
    FollowUpSort.SOURCE: follow_up.c.source,
    FollowUpSort.FEEDBACK: follow_up.c.feedback_on,
}

# The dates as stored (ISO text): `_list_row` parses them (faster than per-row converters).
_LIST_COLUMNS = (
    follow_up.c.id,
    follow_up.c.uuid,
    follow_up.c.title,
    follow_up.c.person_id,
    func.coalesce(person.c.name, ""),
    func.coalesce(department.c.name, ""),
    follow_up.c.source,
    follow_up.c.handler,
    as_text(follow_up.c.due_on),
    follow_up.c.status,
    as_text(follow_up.c.feedback_on),
    as_text(follow_up.c.created_at),
    follow_up.c.ticket_code,
)
_N_LIST = len(_LIST_COLUMNS)


class FollowUpsService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        # (generation, filter) -> count, learned from a first page that held every item:
        # a list asks for its page and then its count, and the page already told
        self._known_count: tuple[tuple[int, FollowUpFilter], int] | None = None

    # -- lists ------------------------------------------------------------------

    def list_follow_ups(
        self,
        flt: FollowUpFilter = FollowUpFilter(),
        sort: FollowUpSort = FollowUpSort.DUE_ON,
        descending: bool = False,
        page: Page = Page(),
    ) -> list[FollowUpListRow]:
        db = self._ctx.db
        generation = db.generation
        with db.reading() as conn:
            where, params = _where(conn, flt)
            stmt = _list_select(where, sort, descending, page)
            rows = list(map(_list_row, driver_rows(conn, stmt, params)))
        if page.offset == 0 and len(rows) < page.limit:
            self._known_count = ((generation, flt), len(rows))
        return rows

    def count_follow_ups(self, flt: FollowUpFilter = FollowUpFilter()) -> int:
        db = self._ctx.db
        known = self._known_count
        if known is not None and known[0] == (db.generation, flt):
            return known[1]
        with db.reading() as conn:
            where, params = _where(conn, flt)
            return int(driver_rows(conn, _count_select(where), params)[0][0])

    def rows_by_id(self, ids: list[int]) -> dict[int, FollowUpListRow]:
        if not ids:
            return {}
        with self._ctx.db.reading() as conn:
            return rows_by_id(conn, ids)

    def handlers(self) -> list[str]:
        """Everyone who handles an item now, for the handler filter and for completion."""
        with self._ctx.db.reading() as conn:
            stmt = (
                select(follow_up.c.handler)
                .where(follow_up.c.handler != "")
                .distinct()
                .order_by(follow_up.c.handler)
            )
            return list(conn.execute(stmt).scalars())

    # -- one item -----------------------------------------------------------------

    def get(self, item_id: int) -> FollowUpDetail:
        with self._ctx.db.reading() as conn:
            return _detail(conn, item_id)

    def create(self, data: FollowUpInput) -> tuple[FollowUpDetail, Changes]:
        title = data.title.strip()
        if not title:
            raise TalkdeskError(ErrorCode.INVALID_VALUE, field="title")
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            item_id = insert_id(
                conn,
                insert(follow_up).values(
                    **stamps(now),
                    source=data.source.value,
                    talk_id=data.talk_id,
                    person_id=data.person_id,
                    ticket_code=new_ticket_code() if _needs_ticket(data) else None,
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
        """Change what, whom it concerns, who handles it and when it is due (not its status).

        The history says what changed: a new handler and a new due date each get their
        own event (with the new value), any other edit one "changed" event.
        """
        title = data.title.strip()
        if not title:
            raise TalkdeskError(ErrorCode.INVALID_VALUE, field="title")
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            old = conn.execute(
                select(
                    follow_up.c.title,
                    follow_up.c.detail,
                    follow_up.c.person_id,
                    follow_up.c.handler,
                    follow_up.c.due_on,
                    follow_up.c.source,
                    follow_up.c.ticket_code,
                ).where(follow_up.c.id == item_id)
            ).first()
            if old is None:
                raise TalkdeskError(ErrorCode.NOT_FOUND)
            values: dict[str, object] = {
                "title": title,
                "detail": data.detail.strip(),
                "handler": data.handler.strip(),
                "due_on": data.due_on,
                "person_id": data.person_id,
            }
            source = _SOURCE(old.source)
            if old.ticket_code is None and _needs_ticket(replace(data, source=source)):
                values["ticket_code"] = new_ticket_code()  # made anonymous: someone holds a code
            conn.execute(
                update(follow_up).where(follow_up.c.id == item_id).values(**values, updated_at=now)
            )
            if (title, values["detail"], data.person_id) != (old.title, old.detail, old.person_id):
                _event(conn, now, item_id, EventKind.CHANGED, None)
            if values["handler"] != old.handler:
                _event(conn, now, item_id, EventKind.HANDLER, None, str(values["handler"]))
            if data.due_on != old.due_on:
                _event(conn, now, item_id, EventKind.DUE, None, _iso(data.due_on))
            _reindex(conn, item_id)
            detail = _detail(conn, item_id)
            audit.record(conn, now, AuditAction.CHANGED, "follow_up", detail.row.uuid)
        return detail, Changes.of(Entity.FOLLOW_UP)

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
        """Give many items a new handler and/or due date in one step (one transaction)."""
        values: dict[str, object] = {}
        if handler is not None:
            values["handler"] = handler.strip()
        if due_on is not None:
            values["due_on"] = due_on
        if not values or not item_ids:
            return Changes()
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            found = list(
                conn.execute(select(follow_up.c.id).where(follow_up.c.id.in_(item_ids))).scalars()
            )
            if not found:
                raise TalkdeskError(ErrorCode.NOT_FOUND)
            conn.execute(
                update(follow_up).where(follow_up.c.id.in_(found)).values(**values, updated_at=now)
            )
            for item_id in found:
                if "handler" in values:
                    _event(conn, now, item_id, EventKind.HANDLER, None, str(values["handler"]))
                if due_on is not None:
                    _event(conn, now, item_id, EventKind.DUE, None, _iso(due_on))
            audit.record(conn, now, AuditAction.CHANGED, "follow_up", count=len(found))
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
    return "".join(secrets.choice(ALPHABET) for _ in range(TICKET_LEN))


def ticket_text(code: str) -> str:
    """A ticket code as it is shown and read out: `ABCD-EFGH`."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}" if len(code) == TICKET_LEN else code


def normalise_ticket(typed: str) -> str:
    """The stored form of a ticket code as typed: full-width, case, dashes, spaces and the
    letters read as digits (I, L, O) forgiven."""
    plain = unicodedata.normalize("NFKC", typed).upper()
    return "".join(ch for ch in plain if ch.isalnum()).translate(_CONFUSABLE)


def _needs_ticket(data: FollowUpInput) -> bool:
    """An anonymous item from outside a talk: the code is how its author hears the answer."""
    return data.person_id is None and data.source is not FollowUpSource.TALK


def _iso(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


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
    "open_only": one_of(follow_up.c.status, OPEN_STATES),
    "person": follow_up.c.person_id == bindparam("person"),
    "talk": follow_up.c.talk_id == bindparam("talk"),
    # an expanding list, not `in_ids`: SQLite plans for the departments' few ids (through the
    # person index) only when it sees them; a JSON list makes it read every item
    "departments": person.c.department_id.in_(bindparam("departments", expanding=True)),
    "handler": follow_up.c.handler == bindparam("handler"),
    "source": follow_up.c.source == bindparam("source"),
    "overdue_on": and_(
        one_of(follow_up.c.status, OPEN_STATES),
        follow_up.c.due_on < bindparam("overdue_on", type_=Date),
    ),
    "due_from": follow_up.c.due_on >= bindparam("due_from", type_=Date),
    # Closed, not yet told, and there is someone to tell (a person or a ticket holder).
    "feedback_owed": and_(
        # `status || ''` keeps SQLite off the wide (status, due_on) index: the small partial
        # index of items not yet fed back is 100x quicker (2 ms, not 200, on 79,000 items)
        one_of(follow_up.c.status.concat(""), CLOSED_STATES),
        follow_up.c.feedback_on.is_(None),
        or_(follow_up.c.person_id.is_not(None), follow_up.c.ticket_code.is_not(None)),
    ),
    "no_due": follow_up.c.due_on.is_(None),
}
# The conditions on the person's columns: the count joins the person only for these.
_ON_PERSON = frozenset({"departments"})
# The conditions that select few items through an index (see `_list_select`).
_FEW = frozenset({"person", "talk"})

# The search text matches any of these, each found through an index (never by reading every
# item): the people it names, the words of the items (the full-text index), a ticket code.
_TEXT_PARTS: dict[str, ColumnElement[bool]] = {
    "people": in_ids(follow_up.c.person_id, "people"),
    "words": follow_up.c.id.in_(
        select(search_index.record_of(search_index.rowid_column(Index.FOLLOW_UP)))
        .select_from(search_index.fts_table(Index.FOLLOW_UP))
        .where(literal_column(Index.FOLLOW_UP.value).op("MATCH")(bindparam("words")))
    ),
    # ticket holders are anonymous: the person index finds those few
    "ticket": and_(follow_up.c.person_id.is_(None), follow_up.c.ticket_code == bindparam("ticket")),
}


# The people a search text names: any part of the name, the start of its pinyin or initials.
_PEOPLE_NAMED = select(person.c.id).where(
    or_(
        person.c.name.like(bindparam("contains"), escape="\\"),
        person.c.pinyin.like(bindparam("prefix"), escape="\\"),
        person.c.initials.like(bindparam("prefix"), escape="\\"),
    )
)


def _condition(name: str) -> ColumnElement[bool]:
    """A named condition; "text:people+words" is the search text's, of those parts."""
    if name.startswith("text:"):
        return or_(*(_TEXT_PARTS[part] for part in name.removeprefix("text:").split("+")))
    return _CONDITIONS[name]


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
        "no_due": flt.no_due or None,
    }
    used = {name: value for name, value in values.items() if value is not None}
    params = dict(used)
    text = flt.text.strip()
    if text:
        parts, text_params = _text_search(conn, text)
        used["text:" + "+".join(parts)] = True
        params.update(text_params)
    return tuple(used), params


def _text_search(conn: Connection, text: str) -> tuple[list[str], dict[str, object]]:
    """The parts of the search text's condition that can match, and their parameters."""
    lowered = text.lower()
    contains = like_pattern(lowered)
    prefix = like_pattern(lowered.replace(" ", ""), prefix_only=True)
    people = [
        r[0] for r in driver_rows(conn, _PEOPLE_NAMED, {"contains": contains, "prefix": prefix})
    ]
    parts: list[str] = ["people"]
    params: dict[str, object] = {"people": ids_param(people)}
    words = match_expression(text)
    if words is not None:
        parts.append("words")
        params["words"] = words
    ticket = normalise_ticket(text)
    if len(ticket) == TICKET_LEN and all(ch in ALPHABET for ch in ticket):
        parts.append("ticket")
        params["ticket"] = ticket
    return parts, params


@functools.lru_cache(maxsize=512)
def _list_select(
    where: tuple[str, ...], sort: FollowUpSort, descending: bool, page: Page
) -> Select[Any]:
    """The page's ids first (filtered and sorted on as few columns as possible, often from an
    index alone), then the rows of just those: sorting whole rows of a big table for one page
    reads every row (seconds over 80,000 items; the ids alone take milliseconds).

    A filter on one person or one talk selects few items through its index: those are read
    and sorted whole in one step, as reading each item twice would cost more."""
    key = _SORT_COLUMNS[sort]
    # Items without a due date sort last either way.
    order = [key.is_(None), key.desc() if descending else key.asc(), follow_up.c.id]
    if _FEW & set(where):
        stmt = _joined(select(*_LIST_COLUMNS)).where(*(_condition(n) for n in where))
        return page_of(stmt.order_by(*order), page)
    on_department = sort is FollowUpSort.DEPARTMENT
    on_person = on_department or sort is FollowUpSort.PERSON or bool(_ON_PERSON & set(where))
    source: Any = follow_up
    if on_person:
        source = source.outerjoin(person, person.c.id == follow_up.c.person_id)
    if on_department:
        source = source.outerjoin(department, department.c.id == person.c.department_id)
    ids = page_of(
        select(follow_up.c.id.label("page_id"))
        .select_from(source)
        .where(*(_condition(n) for n in where))
        .order_by(*order),
        page,
    ).subquery("page")
    rows = (
        ids.join(follow_up, follow_up.c.id == ids.c.page_id)
        .outerjoin(person, person.c.id == follow_up.c.person_id)
        .outerjoin(department, department.c.id == person.c.department_id)
    )
    return select(*_LIST_COLUMNS).select_from(rows).order_by(*order)


@functools.cache
def _count_select(where: tuple[str, ...]) -> Select[Any]:
    stmt = select(func.count()).select_from(follow_up)
    if _ON_PERSON.intersection(where):
        stmt = stmt.outerjoin(person, person.c.id == follow_up.c.person_id)
    return stmt.where(*(_condition(n) for n in where))


_SOURCE = enum_parser(FollowUpSource)
_STATUS = enum_parser(FollowUpStatus)


_DAY = date.fromisoformat
_MOMENT = datetime.fromisoformat


def _list_row(r: Any) -> FollowUpListRow:
    """A row of `_LIST_COLUMNS` (dates as ISO text)."""
    return FollowUpListRow(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        r[5],
        _SOURCE(r[6]),
        r[7],
        _DAY(r[8]) if r[8] else None,
        _STATUS(r[9]),
        _DAY(r[10]) if r[10] else None,
        _MOMENT(r[11]),
        r[12],
    )


_BY_ID = _joined(select(*_LIST_COLUMNS)).where(in_ids(follow_up.c.id, "ids"))


_WITH_TEXTS = _joined(
    select(*_LIST_COLUMNS, follow_up.c.detail, follow_up.c.resolution, follow_up.c.feedback_text)
).where(in_ids(follow_up.c.id, "ids"))


def rows_by_id(conn: Connection, ids: list[int]) -> dict[int, FollowUpListRow]:
    """The list rows of these items, keyed by id."""
    return {r.id: r for r in map(_list_row, driver_rows(conn, _BY_ID, {"ids": ids_param(ids)}))}


def rows_with_texts(conn: Connection, ids: list[int]) -> dict[int, tuple[FollowUpListRow, str]]:
    """These items' list rows with their searched text, as the index holds it (search's hits)."""
    if not ids:
        return {}
    out = {}
    for r in driver_rows(conn, _WITH_TEXTS, {"ids": ids_param(ids)}):
        row = _list_row(r)
        out[row.id] = (row, follow_up_text(row.title, *r[_N_LIST:]))
    return out


def _detail(conn: Connection, item_id: int) -> FollowUpDetail:
    row = conn.execute(
        select(
            *_LIST_COLUMNS,
            follow_up.c.talk_id,
            follow_up.c.detail,
            follow_up.c.resolution,
            follow_up.c.closed_on,
            follow_up.c.feedback_how,
            follow_up.c.feedback_text,
            follow_up.c.response,
            talk.c.held_at,
        )
        .select_from(
            follow_up.outerjoin(person, person.c.id == follow_up.c.person_id)
            .outerjoin(department, department.c.id == person.c.department_id)
            .outerjoin(talk, talk.c.id == follow_up.c.talk_id)
        )
        .where(follow_up.c.id == item_id)
    ).first()
    if row is None:
        raise TalkdeskError(ErrorCode.NOT_FOUND)
    talk_id, detail, resolution, closed_on, how, feedback, response, held_at = row[_N_LIST:]
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
        ticket_code=row.ticket_code,
        detail=detail,
        resolution=resolution,
        closed_on=closed_on,
        feedback_how=FeedbackHow(how) if how else None,
        feedback_text=feedback,
        response=Response(response) if response else None,
        events=events,
        talk_held_at=held_at,
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
