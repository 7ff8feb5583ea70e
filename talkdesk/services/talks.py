"""Talk records: drafts, finalising, amendments, and the lists that show them.

Lists read only the short `talk` rows; the note text in `talk_note` is read
when one record is opened, so a list never decrypts the notes.

Recording a talk fulfils what it answers, in the same transaction: the
planned appointment of the same two people nearest to its time (on a day from
`FULFIL_DAYS_BEFORE` before to `FULFIL_DAYS_AFTER` after the talk's day) is
done, and every waiting trigger of the person that occurred by the talk's day
is answered. A finalised talk keeps what it fulfilled.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import Connection, DateTime, Select, bindparam, func, insert, select, update
from sqlalchemy.sql import ColumnElement

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import (
    AppointmentStatus,
    AuditAction,
    CareLevel,
    TalkKind,
    TalkState,
    Topic,
)
from talkdesk.services import audit, indexing
from talkdesk.services.changes import Changes, Entity
from talkdesk.services.context import Context, stamps
from talkdesk.services.info_values import read_json, write_json
from talkdesk.services.people import department_subtree
from talkdesk.services.query import (
    Page,
    as_text,
    driver_rows,
    enum_parser,
    ids_param,
    in_ids,
    insert_id,
    page_of,
)
from talkdesk.storage import search_index
from talkdesk.storage.search_index import Index
from talkdesk.storage.tables import (
    appointment,
    department,
    person,
    talk,
    talk_amendment,
    talk_note,
    talk_trigger,
)

FULFIL_DAYS_BEFORE = 14
"""How many days before a talk's day an appointment it fulfils may be set (held late, never
moved in the program)."""

FULFIL_DAYS_AFTER = 1
"""How many days after a talk's day an appointment it fulfils may be set (held a day early)."""

_person = person.alias("p")
_talker = person.alias("t")


@dataclass(frozen=True)
class TalkInput:
    """What the record form holds."""

    talker_id: int
    person_id: int
    held_at: datetime
    place: str = ""
    kind: TalkKind = TalkKind.REGULAR
    topics: tuple[Topic, ...] = ()
    content: str = ""
    problems: str = ""
    suggestions: str = ""
    care_level: CareLevel = CareLevel.NONE
    care_reason: str = ""
    private_notes: str = ""
    recorder: str = ""
    others_present: str = ""


@dataclass(frozen=True)
class Amendment:
    made_at: datetime
    reason: str
    text: str


class TalkListRow(NamedTuple):
    """A row of a talk list: never the notes (a named tuple: lists build many at a time)."""

    id: int
    uuid: str
    held_at: datetime
    person_id: int
    person_name: str
    department_name: str
    talker_id: int
    talker_name: str
    kind: TalkKind
    topics: tuple[Topic, ...]
    care_level: CareLevel
    state: TalkState
    place: str


@dataclass(frozen=True)
class TalkDetail:
    row: TalkListRow
    data: TalkInput
    finalised_at: datetime | None
    amendments: tuple[Amendment, ...]

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def is_final(self) -> bool:
        return self.row.state is TalkState.FINAL


@dataclass(frozen=True)
class TalkFilter:
    person_id: int | None = None
    talker_id: int | None = None
    department_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    kind: TalkKind | None = None
    state: TalkState | None = None


class TalkSort(StrEnum):
    HELD_AT = "held_at"
    PERSON = "person"
    TALKER = "talker"
    DEPARTMENT = "department"
    KIND = "kind"
    STATE = "state"


_SORT_COLUMNS: dict[TalkSort, ColumnElement[Any]] = {
    TalkSort.HELD_AT: talk.c.held_at,
    TalkSort.PERSON: _person.c.pinyin,
    TalkSort.TALKER: _talker.c.pinyin,
    TalkSort.DEPARTMENT: department.c.name,
    TalkSort.KIND: talk.c.kind,
    TalkSort.STATE: talk.c.state,
}

# `held_at` as stored (ISO text): `_list_row` parses it (faster than per-row converters).
_LIST_COLUMNS = (
    talk.c.id,
    talk.c.uuid,
    as_text(talk.c.held_at),
    talk.c.person_id,
    _person.c.name,
    func.coalesce(department.c.name, ""),
    talk.c.talker_id,
    _talker.c.name,
    talk.c.kind,
    talk.c.topics,
    talk.c.care_level,
    talk.c.state,
    talk.c.place,
)


OPEN_DRAFTS_KEY = "open_drafts"


def _open_drafts(conn: Connection) -> list[int]:
    ids = read_json(conn, OPEN_DRAFTS_KEY)
    return [i for i in ids if isinstance(i, int)] if isinstance(ids, list) else []


class TalksService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    # -- lists ------------------------------------------------------------------

    def list_talks(
        self,
        flt: TalkFilter = TalkFilter(),
        sort: TalkSort = TalkSort.HELD_AT,
        descending: bool = True,
        page: Page = Page(),
    ) -> list[TalkListRow]:
        with self._ctx.db.reading() as conn:
            where, params = _where(conn, flt)
            stmt = _list_select(where, sort, descending, page)
            return list(map(_list_row, driver_rows(conn, stmt, params)))

    def count_talks(self, flt: TalkFilter = TalkFilter()) -> int:
        with self._ctx.db.reading() as conn:
            where, params = _where(conn, flt)
            return int(driver_rows(conn, _count_select(where), params)[0][0])

    def rows_by_id(self, ids: list[int]) -> dict[int, TalkListRow]:
        """The list rows of these talks (search hits), keyed by id."""
        if not ids:
            return {}
        with self._ctx.db.reading() as conn:
            return {r.id: r for r in map(_list_row, driver_rows(conn, _BY_ID, _ids(ids)))}

    # -- one record ---------------------------------------------------------------

    def get_talk(self, talk_id: int) -> TalkDetail:
        with self._ctx.db.reading() as conn:
            return _detail(conn, talk_id)

    def create_talk(self, data: TalkInput) -> tuple[TalkDetail, Changes]:
        """A new record, saved as a draft."""
        _validate(data)
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            talk_id = insert_id(
                conn,
                insert(talk).values(**stamps(now), **_talk_values(data), state=TalkState.DRAFT),
            )
            conn.execute(insert(talk_note).values(talk_id=talk_id, **_note_values(data)))
            _index(conn, talk_id, data, "")
            audit.record(conn, now, AuditAction.CREATED, "talk", _uuid(conn, talk_id))
            changes = _fulfil(conn, now, talk_id, data)
            detail = _detail(conn, talk_id)
        return detail, Changes.of(Entity.TALK) | changes

    def update_draft(self, talk_id: int, data: TalkInput) -> tuple[TalkDetail, Changes]:
        """Save the form again; refused once the record is finalised.

        When the person, talker or time changed, what the talk fulfilled is
        released and worked out again for the new details.
        """
        _validate(data)
        now = self._ctx.now()
        changes = Changes.of(Entity.TALK)
        with self._ctx.db.transaction() as conn:
            old = _detail(conn, talk_id)
            if old.is_final:
                raise TalkdeskError(ErrorCode.FINALISED)
            if _fulfilment_key(old.data) != _fulfilment_key(data):
                changes |= _release(conn, now, talk_id)
            _unindex(conn, talk_id, old.data.held_at)
            conn.execute(
                update(talk)
                .where(talk.c.id == talk_id)
                .values(**_talk_values(data), updated_at=now)
            )
            conn.execute(
                update(talk_note).where(talk_note.c.talk_id == talk_id).values(**_note_values(data))
            )
            _index(conn, talk_id, data, "")
            if _fulfilment_key(old.data) != _fulfilment_key(data):
                changes |= _fulfil(conn, now, talk_id, data)
            detail = _detail(conn, talk_id)
        return detail, changes

    # -- drafts left open -----------------------------------------------------------

    def set_editing(self, talk_id: int, editing: bool) -> None:
        """Note that a record form has this draft open (or closed it properly).

        A draft still noted as open at the next start was open when talkdesk
        ended without closing it (a crash, a power cut): it is offered back.
        """
        # bookkeeping no reader caches: the coverage and statistics kept are still good
        with self._ctx.db.transaction(changes_records=False) as conn:
            ids = set(_open_drafts(conn))
            if (talk_id in ids) != editing:
                write_json(conn, OPEN_DRAFTS_KEY, sorted(ids ^ {talk_id}))

    def take_interrupted_drafts(self) -> list[TalkListRow]:
        """The drafts whose form was open when talkdesk last ended, newest first; asked
        once: they are no longer noted as open afterwards (they stay drafts in the list)."""
        with self._ctx.db.transaction(changes_records=False) as conn:
            ids = _open_drafts(conn)
            if not ids:
                return []
            write_json(conn, OPEN_DRAFTS_KEY, [])
            stmt = (
                _joined(select(*_LIST_COLUMNS))
                .where(talk.c.id.in_(ids), talk.c.state == TalkState.DRAFT)
                .order_by(talk.c.updated_at.desc())
            )
            return [_list_row(r) for r in conn.execute(stmt)]

    def finalise(self, talk_id: int) -> Changes:
        """定稿: the record becomes read-only; corrections become amendments."""
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            if _detail(conn, talk_id).is_final:
                raise TalkdeskError(ErrorCode.FINALISED)
            conn.execute(
                update(talk)
                .where(talk.c.id == talk_id)
                .values(state=TalkState.FINAL, finalised_at=now, updated_at=now)
            )
            audit.record(conn, now, AuditAction.FINALISED, "talk", _uuid(conn, talk_id))
        return Changes.of(Entity.TALK)

    def amend(self, talk_id: int, reason: str, text: str) -> Changes:
        """A correction of a finalised record, kept with its time and reason."""
        if not reason.strip():
            raise TalkdeskError(ErrorCode.INVALID_VALUE, field="reason")
        if not text.strip():
            raise TalkdeskError(ErrorCode.INVALID_VALUE, field="text")
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            old = _detail(conn, talk_id)
            if not old.is_final:
                raise TalkdeskError(ErrorCode.INVALID_VALUE, field="state")
            conn.execute(
                insert(talk_amendment).values(
                    **stamps(now), talk_id=talk_id, reason=reason.strip(), text=text.strip()
                )
            )
            _unindex(conn, talk_id, old.data.held_at)
            amended = "\n".join([*(a.text for a in old.amendments), text.strip()])
            _index(conn, talk_id, old.data, amended)
            audit.record(conn, now, AuditAction.AMENDED, "talk", old.row.uuid)
        return Changes.of(Entity.TALK)


# -- helpers ----------------------------------------------------------------------


def _joined(stmt: Select[Any]) -> Select[Any]:
    return stmt.select_from(
        talk.join(_person, _person.c.id == talk.c.person_id)
        .join(_talker, _talker.c.id == talk.c.talker_id)
        .outerjoin(department, department.c.id == _person.c.department_id)
    )


# Filters as named conditions with bound parameters of the same names: each list statement
# is built once per combination of filters, so SQLAlchemy reuses it (and its cache key).
_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "person": talk.c.person_id == bindparam("person"),
    "talker": talk.c.talker_id == bindparam("talker"),
    # an expanding list, not `in_ids`: SQLite plans for the departments' few ids (through the
    # person index) only when it sees them; a JSON list makes it read every item
    "departments": _person.c.department_id.in_(bindparam("departments", expanding=True)),
    "held_from": talk.c.held_at >= bindparam("held_from", type_=DateTime),
    "held_to": talk.c.held_at <= bindparam("held_to", type_=DateTime),
    "kind": talk.c.kind == bindparam("kind"),
    "state": talk.c.state == bindparam("state"),
}


def _where(conn: Connection, flt: TalkFilter) -> tuple[tuple[str, ...], dict[str, object]]:
    """The conditions that apply, by name, and their parameters."""
    values: dict[str, object] = {
        "person": flt.person_id,
        "talker": flt.talker_id,
        "departments": None
        if flt.department_id is None
        else department_subtree(conn, flt.department_id),
        "held_from": None if flt.date_from is None else datetime.combine(flt.date_from, time.min),
        "held_to": None if flt.date_to is None else datetime.combine(flt.date_to, time.max),
        "kind": None if flt.kind is None else flt.kind.value,
        "state": None if flt.state is None else flt.state.value,
    }
    used = {name: value for name, value in values.items() if value is not None}
    return tuple(used), used


@functools.lru_cache(maxsize=512)
def _list_select(
    where: tuple[str, ...], sort: TalkSort, descending: bool, page: Page
) -> Select[Any]:
    key = _SORT_COLUMNS[sort]
    order = [key.desc(), talk.c.id.desc()] if descending else [key.asc(), talk.c.id.asc()]
    stmt = _joined(select(*_LIST_COLUMNS)).where(*(_CONDITIONS[n] for n in where))
    return page_of(stmt.order_by(*order), page)


@functools.cache
def _count_select(where: tuple[str, ...]) -> Select[Any]:
    stmt = select(func.count()).select_from(talk)
    if "departments" in where:
        stmt = stmt.join(_person, _person.c.id == talk.c.person_id)
    return stmt.where(*(_CONDITIONS[n] for n in where))


_KIND = enum_parser(TalkKind)
_CARE = enum_parser(CareLevel)
_STATE = enum_parser(TalkState)
_TOPIC = {t.value: t for t in Topic}


_MOMENT = datetime.fromisoformat


def _list_row(r: Any) -> TalkListRow:
    """A row of `_LIST_COLUMNS` (`held_at` as ISO text)."""
    return TalkListRow(
        r[0],
        r[1],
        _MOMENT(r[2]),
        r[3],
        r[4],
        r[5],
        r[6],
        r[7],
        _KIND(r[8]),
        parse_topics(r[9]),
        _CARE(r[10]),
        _STATE(r[11]),
        r[12],
    )


_BY_ID = _joined(select(*_LIST_COLUMNS)).where(in_ids(talk.c.id, "ids"))
_n = talk_note.c
_WITH_NOTES = (
    _joined(
        select(
            *_LIST_COLUMNS,
            _n.content,
            _n.problems,
            _n.suggestions,
            _n.private_notes,
            _n.care_reason,
        )
    )
    .outerjoin(talk_note, _n.talk_id == talk.c.id)
    .where(in_ids(talk.c.id, "ids"))
)
_AMENDED = (
    select(talk_amendment.c.talk_id, talk_amendment.c.text)
    .where(in_ids(talk_amendment.c.talk_id, "ids"))
    .order_by(talk_amendment.c.created_at, talk_amendment.c.id)
)


def _ids(ids: list[int]) -> dict[str, object]:
    return {"ids": ids_param(ids)}


def rows_with_texts(conn: Connection, ids: list[int]) -> dict[int, tuple[TalkListRow, str, str]]:
    """These talks' list rows with their searched text, (public, private), as the indexes
    hold it (search's hits); a talk with no note row has none."""
    if not ids:
        return {}
    amended: dict[int, list[str]] = {}
    for talk_id, text in driver_rows(conn, _AMENDED, _ids(ids)):
        amended.setdefault(talk_id, []).append(text)
    out = {}
    for r in driver_rows(conn, _WITH_NOTES, _ids(ids)):
        row = _list_row(r)
        content, problems, suggestions, notes, reason = r[13:]
        if content is None:  # no note row
            public = private = ""
        else:
            extra = "\n".join(amended.get(row.id, []))
            public = indexing.talk_public_text(content, problems, suggestions, extra)
            private = indexing.talk_private_text(notes, reason)
        out[row.id] = (row, public, private)
    return out


@functools.cache
def parse_topics(stored: str) -> tuple[Topic, ...]:
    """Topics as stored (comma-separated codes); unknown codes from a newer version are skipped."""
    return tuple(_TOPIC[t] for t in stored.split(",") if t in _TOPIC)


# One record and its amendments, built once (a statement built per call costs more than
# reading the record: its cache key, the coercions).
_DETAIL = (
    _joined(
        select(
            *_LIST_COLUMNS,
            talk.c.recorder,
            talk.c.others_present,
            talk.c.finalised_at,
            talk_note.c.content,
            talk_note.c.problems,
            talk_note.c.suggestions,
            talk_note.c.care_reason,
            talk_note.c.private_notes,
        )
    )
    .outerjoin(talk_note, talk_note.c.talk_id == talk.c.id)
    .where(talk.c.id == bindparam("talk_id"))
)
_AMENDMENTS = (
    select(talk_amendment.c.created_at, talk_amendment.c.reason, talk_amendment.c.text)
    .where(talk_amendment.c.talk_id == bindparam("talk_id"))
    .order_by(talk_amendment.c.created_at, talk_amendment.c.id)
)


def _detail(conn: Connection, talk_id: int) -> TalkDetail:
    row = conn.execute(_DETAIL, {"talk_id": talk_id}).first()
    if row is None:
        raise TalkdeskError(ErrorCode.NOT_FOUND)
    head = _list_row(row)
    recorder, others, finalised_at, content, problems, suggestions, care_reason, notes = row[13:]
    data = TalkInput(
        talker_id=head.talker_id,
        person_id=head.person_id,
        held_at=head.held_at,
        place=head.place,
        kind=head.kind,
        topics=head.topics,
        content=content or "",
        problems=problems or "",
        suggestions=suggestions or "",
        care_level=head.care_level,
        care_reason=care_reason or "",
        private_notes=notes or "",
        recorder=recorder,
        others_present=others,
    )
    amendments = tuple(Amendment(*a) for a in conn.execute(_AMENDMENTS, {"talk_id": talk_id}))
    return TalkDetail(head, data, finalised_at, amendments)


def _validate(data: TalkInput) -> None:
    if data.talker_id == data.person_id:
        raise TalkdeskError(ErrorCode.INVALID_VALUE, field="person")


def _talk_values(data: TalkInput) -> dict[str, object]:
    return {
        "talker_id": data.talker_id,
        "person_id": data.person_id,
        "held_at": data.held_at,
        "place": data.place.strip(),
        "kind": data.kind.value,
        "topics": ",".join(t.value for t in data.topics),
        "care_level": data.care_level.value,
        "recorder": data.recorder.strip(),
        "others_present": data.others_present.strip(),
    }


def _note_values(data: TalkInput) -> dict[str, str]:
    return {
        "content": data.content,
        "problems": data.problems,
        "suggestions": data.suggestions,
        "care_reason": data.care_reason,
        "private_notes": data.private_notes,
    }


def _index(conn: Connection, talk_id: int, data: TalkInput, amendments: str) -> None:
    public = indexing.talk_public_text(data.content, data.problems, data.suggestions, amendments)
    search_index.put(conn, Index.TALK, data.held_at, talk_id, public)
    private = indexing.talk_private_text(data.private_notes, data.care_reason)
    search_index.put(conn, Index.TALK_PRIVATE, data.held_at, talk_id, private)


def _unindex(conn: Connection, talk_id: int, held_at: datetime) -> None:
    search_index.remove(conn, Index.TALK, held_at, talk_id)
    search_index.remove(conn, Index.TALK_PRIVATE, held_at, talk_id)


# -- what a talk fulfils ------------------------------------------------------------


def _fulfilment_key(data: TalkInput) -> tuple[int, int, datetime]:
    """The details that decide what a talk fulfils."""
    return data.talker_id, data.person_id, data.held_at


def _fulfil(conn: Connection, now: datetime, talk_id: int, data: TalkInput) -> Changes:
    """Mark done the appointment this talk keeps and answer the person's waiting triggers.

    The appointment is the planned one of the same talker and person nearest
    to the talk's time within the window; a trigger is answered when it
    occurred on or before the talk's day (a talk cannot answer a later event).
    """
    a = appointment.c
    day = data.held_at.date()
    window_start = datetime.combine(day - timedelta(days=FULFIL_DAYS_BEFORE), time.min)
    window_end = datetime.combine(day + timedelta(days=FULFIL_DAYS_AFTER + 1), time.min)
    candidates = conn.execute(
        select(a.id, a.uuid, a.starts_at).where(
            a.status == AppointmentStatus.PLANNED.value,
            a.talker_id == data.talker_id,
            a.person_id == data.person_id,
            a.starts_at >= window_start,
            a.starts_at < window_end,
        )
    ).all()
    changes = Changes()
    if candidates:
        found = min(candidates, key=lambda r: (abs(r.starts_at - data.held_at), r.id))
        conn.execute(
            update(appointment)
            .where(a.id == found.id)
            .values(status=AppointmentStatus.DONE.value, talk_id=talk_id, updated_at=now)
        )
        audit.record(conn, now, AuditAction.CHANGED, "appointment", found.uuid)
        changes |= Changes.of(Entity.APPOINTMENT)
    t = talk_trigger.c
    answered = list(
        conn.execute(
            select(t.uuid).where(
                t.person_id == data.person_id,
                t.talk_id.is_(None),
                t.occurred_on <= day,
            )
        ).scalars()
    )
    if answered:
        conn.execute(
            update(talk_trigger).where(t.uuid.in_(answered)).values(talk_id=talk_id, updated_at=now)
        )
        for uuid in answered:
            audit.record(conn, now, AuditAction.CHANGED, "trigger", uuid)
        changes |= Changes.of(Entity.TRIGGER)
    return changes


def _release(conn: Connection, now: datetime, talk_id: int) -> Changes:
    """Undo what a draft fulfilled: its appointment is planned again, its triggers wait again."""
    changes = Changes()
    a = appointment.c
    kept = list(conn.execute(select(a.uuid).where(a.talk_id == talk_id)).scalars())
    if kept:
        conn.execute(
            update(appointment)
            .where(a.talk_id == talk_id)
            .values(status=AppointmentStatus.PLANNED.value, talk_id=None, updated_at=now)
        )
        for uuid in kept:
            audit.record(conn, now, AuditAction.CHANGED, "appointment", uuid)
        changes |= Changes.of(Entity.APPOINTMENT)
    t = talk_trigger.c
    answered = list(conn.execute(select(t.uuid).where(t.talk_id == talk_id)).scalars())
    if answered:
        conn.execute(
            update(talk_trigger).where(t.talk_id == talk_id).values(talk_id=None, updated_at=now)
        )
        for uuid in answered:
            audit.record(conn, now, AuditAction.CHANGED, "trigger", uuid)
        changes |= Changes.of(Entity.TRIGGER)
    return changes


def _uuid(conn: Connection, talk_id: int) -> str:
    return str(conn.execute(select(talk.c.uuid).where(talk.c.id == talk_id)).scalar_one())
