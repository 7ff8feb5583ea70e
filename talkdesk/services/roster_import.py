"""Roster import: check a file's rows against the workspace, import them in one go, undo the last.

An import is one transaction: the departments it needs, the people, and an
`import_batch` row whose uuid marks everything it created. Undoing the last
import removes exactly those records, and only while nothing else refers to
them (a talk, a plan, a follow-up, a person put into an imported department);
otherwise it is refused with the reason. The audit log gets counts, never names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Row, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql import ColumnElement

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.roster import (
    ColumnMapping,
    DepartmentTarget,
    KnownDepartment,
    PersonKey,
    Refusal,
    RosterLayout,
    RosterReport,
    RowResult,
    Sheet,
    SourceKind,
    UndoRefusal,
    check_rows,
    find_layout,
    person_key,
)
from talkdesk.domain.values import AuditAction
from talkdesk.services import audit
from talkdesk.services.changes import Changes, Entity
from talkdesk.services.context import Context, new_uuid, stamps
from talkdesk.services.pinyin import name_keys
from talkdesk.services.query import enum_parser, insert_id
from talkdesk.services.roster_files import read_sheet, refused
from talkdesk.storage.tables import (
    appointment,
    department,
    follow_up,
    import_batch,
    person,
    plan_member,
    talk,
    talk_plan,
    talk_trigger,
)


@dataclass(frozen=True)
class RosterFile:
    """A file read, with its header found and its columns matched by their names."""

    file_name: str
    sheet: Sheet
    layout: RosterLayout


@dataclass(frozen=True)
class ImportSummary:
    people: int
    departments: int
    report: RosterReport


@dataclass(frozen=True)
class ImportBatchRow:
    """An import as the undo button shows it; `refusal` says why it cannot be undone now."""

    id: int
    uuid: str
    created_at: datetime
    source: SourceKind
    people: int
    departments: int
    undone_at: datetime | None
    refusal: UndoRefusal | None


@dataclass(frozen=True)
class UndoSummary:
    people: int
    departments: int


# Every column that refers to a person or a department: a record an undo must not orphan.
_PERSON_REFERENCES = (
    talk.c.person_id,
    talk.c.talker_id,
    appointment.c.person_id,
    appointment.c.talker_id,
    talk_trigger.c.person_id,
    follow_up.c.person_id,
    talk_plan.c.talker_id,
    plan_member.c.person_id,
)
_SOURCE = enum_parser(SourceKind)


class RosterService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    # -- reading and checking ----------------------------------------------------------

    def read(self, path: Path) -> RosterFile:
        return read_roster(path)

    def check(self, roster: RosterFile, mapping: ColumnMapping) -> RosterReport:
        """Each row's fate if imported now: ok, duplicate or error."""
        _refuse_without_name(mapping)
        with self._ctx.db.reading() as conn:
            return _report(conn, roster, mapping)

    # -- importing ---------------------------------------------------------------------

    def import_roster(
        self, roster: RosterFile, mapping: ColumnMapping, include_duplicates: bool = False
    ) -> tuple[ImportSummary, Changes]:
        """Import the good rows (and the duplicates, if asked) in one transaction.

        The rows are checked again inside the transaction, so a person added since
        the preview is still caught as a duplicate. Any failure leaves nothing behind.
        """
        _refuse_without_name(mapping)
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            report = _report(conn, roster, mapping)
            rows = report.to_import(include_duplicates)
            if not rows:
                return ImportSummary(0, 0, report), Changes()
            batch = new_uuid()
            batch_id = insert_id(
                conn,
                insert(import_batch).values(
                    {**stamps(now), "uuid": batch, "source": roster.sheet.kind.value}
                ),
            )
            made = _Departments(conn, now, batch)
            values = [_person_values(row, made.id_for(row.target), now, batch) for row in rows]
            conn.execute(insert(person), values)
            conn.execute(
                update(import_batch)
                .where(import_batch.c.id == batch_id)
                .values(people=len(values), departments=made.count)
            )
            audit.record(conn, now, AuditAction.IMPORTED, "person", batch, count=len(values))
            if made.count:
                audit.record(conn, now, AuditAction.CREATED, "department", count=made.count)
        summary = ImportSummary(len(values), made.count, report)
        return summary, Changes.of(Entity.PERSON, Entity.DEPARTMENT)

    # -- undoing -----------------------------------------------------------------------

    def last_import(self) -> ImportBatchRow | None:
        with self._ctx.db.reading() as conn:
            row = _last_batch(conn)
            if row is None:
                return None
            refusal = (
                UndoRefusal.NOTHING_TO_UNDO
                if row.undone_at is not None
                else _undo_refusal(conn, row.uuid)
            )
        return ImportBatchRow(
            row.id,
            row.uuid,
            row.created_at,
            _SOURCE(row.source),
            row.people,
            row.departments,
            row.undone_at,
            refusal,
        )

    def undo_last_import(self) -> tuple[UndoSummary, Changes]:
        """Remove the people and departments the last import created, if nothing uses them."""
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            row = _last_batch(conn)
            if row is None or row.undone_at is not None:
                raise TalkdeskError(
                    ErrorCode.UNDO_REFUSED, reason=UndoRefusal.NOTHING_TO_UNDO.value
                )
            refusal = _undo_refusal(conn, row.uuid)
            if refusal is not None:
                raise TalkdeskError(ErrorCode.UNDO_REFUSED, reason=refusal.value)
            try:
                people = conn.execute(delete(person).where(person.c.import_batch == row.uuid))
                departments = _delete_departments(conn, row.uuid)
            except IntegrityError:  # a reference the check above does not know of yet
                raise TalkdeskError(
                    ErrorCode.UNDO_REFUSED, reason=UndoRefusal.PEOPLE_IN_USE.value
                ) from None
            conn.execute(
                update(import_batch)
                .where(import_batch.c.id == row.id)
                .values(undone_at=now, updated_at=now)
            )
            audit.record(
                conn, now, AuditAction.IMPORT_UNDONE, "person", row.uuid, count=people.rowcount
            )
        summary = UndoSummary(people.rowcount, departments)
        return summary, Changes.of(Entity.PERSON, Entity.DEPARTMENT)


# -- helpers ------------------------------------------------------------------------------


def read_roster(path: Path) -> RosterFile:
    """Read the file (no database work) and guess its layout from the header names."""
    sheet = read_sheet(path)
    return RosterFile(path.name, sheet, find_layout(sheet))


def _refuse_without_name(mapping: ColumnMapping) -> None:
    if not mapping.has_name:
        raise refused(Refusal.NO_NAME_COLUMN)


def _report(conn: Connection, roster: RosterFile, mapping: ColumnMapping) -> RosterReport:
    departments = [
        KnownDepartment(*r)
        for r in conn.execute(select(department.c.id, department.c.name, department.c.parent_id))
    ]
    existing: set[PersonKey] = {
        person_key(name, DepartmentTarget(department_id))
        for name, department_id in conn.execute(select(person.c.name, person.c.department_id))
    }
    return check_rows(roster.sheet, roster.layout, mapping, departments, existing)


class _Departments:
    """The departments an import creates, each once, below the deepest existing one."""

    def __init__(self, conn: Connection, now: datetime, batch: str) -> None:
        self._conn = conn
        self._now = now
        self._batch = batch
        self._made: dict[tuple[int | None, str], int] = {}
        self._position = conn.execute(select(func.count()).select_from(department)).scalar_one()

    @property
    def count(self) -> int:
        return len(self._made)

    def id_for(self, target: DepartmentTarget) -> int | None:
        current = target.existing_id
        for name in target.missing:
            key = (current, name.casefold())
            made = self._made.get(key)
            if made is None:
                made = self._made[key] = insert_id(
                    self._conn,
                    insert(department).values(
                        **stamps(self._now),
                        name=name,
                        parent_id=current,
                        position=self._position,
                        import_batch=self._batch,
                    ),
                )
                self._position += 1
            current = made
        return current


def _person_values(
    row: RowResult, department_id: int | None, now: datetime, batch: str
) -> dict[str, object]:
    data = row.person
    pinyin, initials = name_keys(data.name)
    return {
        **stamps(now),
        "name": data.name,
        "pinyin": pinyin,
        "initials": initials,
        "department_id": department_id,
        "position": data.position,
        "gender": data.gender.value,
        "phone": data.phone,
        "party_member": data.party_member,
        "joined_on": data.joined_on,
        "is_leader": data.is_leader,
        "active": True,
        "left_on": None,
        "import_batch": batch,
    }


def _last_batch(conn: Connection) -> Row[Any] | None:
    return conn.execute(select(import_batch).order_by(import_batch.c.id.desc()).limit(1)).first()


def _undo_refusal(conn: Connection, batch: str) -> UndoRefusal | None:
    """Why removing the batch's records would orphan or remove something else, if it would."""
    people = select(person.c.id).where(person.c.import_batch == batch)
    for column in _PERSON_REFERENCES:
        if conn.execute(select(column).where(column.in_(people)).limit(1)).first():
            return UndoRefusal.PEOPLE_IN_USE
    departments = select(department.c.id).where(department.c.import_batch == batch)
    others = (
        select(person.c.id).where(
            person.c.department_id.in_(departments), _not_from(person.c.import_batch, batch)
        ),
        select(department.c.id).where(
            department.c.parent_id.in_(departments), _not_from(department.c.import_batch, batch)
        ),
        select(plan_member.c.id).where(plan_member.c.department_id.in_(departments)),
    )
    for stmt in others:
        if conn.execute(stmt.limit(1)).first():
            return UndoRefusal.DEPARTMENTS_IN_USE
    return None


def _not_from(column: ColumnElement[Any], batch: str) -> ColumnElement[bool]:
    return or_(column.is_(None), column != batch)


def _delete_departments(conn: Connection, batch: str) -> int:
    """Children before their parents (a department's parent is RESTRICTed)."""
    rows = conn.execute(
        select(department.c.id, department.c.parent_id).where(department.c.import_batch == batch)
    ).all()
    parents = {dep_id: parent_id for dep_id, parent_id in rows}

    def depth(dep_id: int) -> int:
        n, parent = 0, parents.get(dep_id)
        while parent in parents and n < len(parents):
            n, parent = n + 1, parents.get(parent)
        return n

    for dep_id in sorted(parents, key=depth, reverse=True):
        conn.execute(delete(department).where(department.c.id == dep_id))
    return len(parents)
