"""Departments and people: the roster every plan and talk refers to."""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import Connection, Select, bindparam, func, insert, or_, select, update
from sqlalchemy.sql import ColumnElement

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import AuditAction, Gender
from talkdesk.services import audit
from talkdesk.services.changes import Changes, Entity
from talkdesk.services.context import Context, stamps
from talkdesk.services.pinyin import name_keys
from talkdesk.services.query import Page, enum_parser, insert_id, like_pattern, page_of
from talkdesk.storage.tables import department, person


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    uuid: str
    name: str
    parent_id: int | None
    position: int
    active_people: int


@dataclass(frozen=True)
class PersonInput:
    """What a user fills in for a person."""

    name: str
    department_id: int | None = None
    position: str = ""
    gender: Gender = Gender.UNKNOWN
    phone: str = ""
    party_member: bool = False
    joined_on: date | None = None
    is_leader: bool = False


class PersonRow(NamedTuple):
    """A row of the people list (a named tuple: lists build hundreds of these at a time)."""

    id: int
    uuid: str
    name: str
    department_id: int | None
    department_name: str
    position: str
    gender: Gender
    phone: str
    party_member: bool
    joined_on: date | None
    is_leader: bool
    active: bool
    left_on: date | None

    def to_input(self) -> PersonInput:
        return PersonInput(**{f.name: getattr(self, f.name) for f in fields(PersonInput)})


class PeopleSort(StrEnum):
    NAME = "name"
    DEPARTMENT = "department"
    POSITION = "position"
    JOINED = "joined"
    STATUS = "status"


_SORT_COLUMNS: dict[PeopleSort, Any] = {
    PeopleSort.NAME: person.c.pinyin,
    PeopleSort.DEPARTMENT: department.c.position,
    PeopleSort.POSITION: person.c.position,
    PeopleSort.JOINED: person.c.joined_on,
    PeopleSort.STATUS: person.c.active,
}


@dataclass(frozen=True)
class PeopleFilter:
    text: str = ""
    department_id: int | None = None
    include_left: bool = False
    leaders_only: bool = False


_PERSON_COLUMNS = (
    person.c.id,
    person.c.uuid,
    person.c.name,
    person.c.department_id,
    func.coalesce(department.c.name, "").label("department_name"),
    person.c.position,
    person.c.gender,
    person.c.phone,
    person.c.party_member,
    person.c.joined_on,
    person.c.is_leader,
    person.c.active,
    person.c.left_on,
)


class PeopleService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    # -- departments ------------------------------------------------------------

    def departments(self) -> list[DepartmentRow]:
        """Every department with its count of active people, in display order."""
        active = (
            select(person.c.department_id, func.count().label("n"))
            .where(person.c.active)
            .group_by(person.c.department_id)
            .subquery()
        )
        stmt = (
            select(
                department.c.id,
                department.c.uuid,
                department.c.name,
                department.c.parent_id,
                department.c.position,
                func.coalesce(active.c.n, 0),
            )
            .outerjoin(active, active.c.department_id == department.c.id)
            .order_by(department.c.position, department.c.id)
        )
        with self._ctx.db.reading() as conn:
            return [DepartmentRow(*row) for row in conn.execute(stmt)]

    def add_department(
        self, name: str, parent_id: int | None = None
    ) -> tuple[DepartmentRow, Changes]:
        name = _required(name, "name")
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            _refuse_sibling_named(conn, name, parent_id)
            position = conn.execute(select(func.count()).select_from(department)).scalar_one()
            new_id = insert_id(
                conn,
                insert(department).values(
                    **stamps(now), name=name, parent_id=parent_id, position=position
                ),
            )
            audit.record(conn, now, AuditAction.CREATED, "department")
        row = next(d for d in self.departments() if d.id == new_id)
        return row, Changes.of(Entity.DEPARTMENT)

    def rename_department(self, department_id: int, name: str) -> Changes:
        name = _required(name, "name")
        with self._ctx.db.transaction() as conn:
            parent = conn.execute(
                select(department.c.parent_id).where(department.c.id == department_id)
            ).first()
            if parent is None:
                raise TalkdeskError(ErrorCode.NOT_FOUND)
            _refuse_sibling_named(conn, name, parent[0], besides=department_id)
            result = conn.execute(
                update(department)
                .where(department.c.id == department_id)
                .values(name=name, updated_at=self._ctx.now())
            )
            if result.rowcount == 0:
                raise TalkdeskError(ErrorCode.NOT_FOUND)
        return Changes.of(Entity.DEPARTMENT, Entity.PERSON)

    # -- people -----------------------------------------------------------------

    def people(
        self,
        flt: PeopleFilter = PeopleFilter(),
        page: Page = Page(),
        sort: PeopleSort = PeopleSort.NAME,
        descending: bool = False,
    ) -> list[PersonRow]:
        """One page of people matching the filter; names in pinyin (dictionary) order."""
        with self._ctx.db.reading() as conn:
            where, params = _where(conn, flt)
            stmt = _people_select(where, sort, descending, page)
            rows = conn.execute(stmt, params).all()
        return [_person_row(row) for row in rows]

    def count_people(self, flt: PeopleFilter = PeopleFilter()) -> int:
        with self._ctx.db.reading() as conn:
            where, params = _where(conn, flt)
            return int(conn.execute(_people_count(where), params).scalar_one())

    def person(self, person_id: int) -> PersonRow:
        with self._ctx.db.reading() as conn:
            row = conn.execute(_PERSON_BY_ID, {"person_id": person_id}).first()
        if row is None:
            raise TalkdeskError(ErrorCode.NOT_FOUND)
        return _person_row(row)

    def add_person(self, data: PersonInput) -> tuple[PersonRow, Changes]:
        values = _person_values(data)
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            person_id = insert_id(conn, insert(person).values(**stamps(now), **values, active=True))
            audit.record(conn, now, AuditAction.CREATED, "person")
        return self.person(person_id), Changes.of(Entity.PERSON, Entity.DEPARTMENT)

    def update_person(self, person_id: int, data: PersonInput) -> tuple[PersonRow, Changes]:
        self._update(person_id, **_person_values(data))
        return self.person(person_id), Changes.of(Entity.PERSON, Entity.DEPARTMENT)

    def mark_left(self, person_id: int, on: date) -> Changes:
        """The person left: kept with every record, no longer listed or planned for."""
        self._update(person_id, active=False, left_on=on)
        return Changes.of(Entity.PERSON, Entity.DEPARTMENT)

    def reinstate(self, person_id: int) -> Changes:
        self._update(person_id, active=True, left_on=None)
        return Changes.of(Entity.PERSON, Entity.DEPARTMENT)

    def _update(self, person_id: int, **values: object) -> None:
        now = self._ctx.now()
        with self._ctx.db.transaction() as conn:
            result = conn.execute(
                update(person).where(person.c.id == person_id).values(**values, updated_at=now)
            )
            if result.rowcount == 0:
                raise TalkdeskError(ErrorCode.NOT_FOUND)
            audit.record(conn, now, AuditAction.CHANGED, "person")


# -- the list's statements, built once per combination of filters ------------------------

_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "active": person.c.active.is_(True),
    "leaders": person.c.is_leader.is_(True),
    "departments": person.c.department_id.in_(bindparam("departments", expanding=True)),
    "text": or_(
        person.c.name.like(bindparam("contains"), escape="\\"),
        person.c.pinyin.like(bindparam("prefix"), escape="\\"),
        person.c.initials.like(bindparam("prefix"), escape="\\"),
        person.c.position.like(bindparam("contains"), escape="\\"),
    ),
}


def _where(conn: Connection, flt: PeopleFilter) -> tuple[tuple[str, ...], dict[str, object]]:
    """The names of the conditions that apply, and their parameters."""
    names: list[str] = []
    params: dict[str, object] = {}
    if not flt.include_left:
        names.append("active")
    if flt.leaders_only:
        names.append("leaders")
    if flt.department_id is not None:
        names.append("departments")
        params["departments"] = department_subtree(conn, flt.department_id)
    text = flt.text.strip().lower()
    if text:
        names.append("text")
        params.update(contains=like_pattern(text), prefix=like_pattern(text, prefix_only=True))
    return tuple(names), params


def _joined(stmt: Select[Any]) -> Select[Any]:
    return stmt.select_from(person.outerjoin(department, department.c.id == person.c.department_id))


# Built once: a statement built per call costs more than the read (its cache key, coercions).
_PERSON_BY_ID = _joined(select(*_PERSON_COLUMNS)).where(person.c.id == bindparam("person_id"))


@functools.lru_cache(maxsize=512)
def _people_select(
    where: tuple[str, ...], sort: PeopleSort, descending: bool, page: Page
) -> Select[Any]:
    key = _SORT_COLUMNS[sort]
    # Ties in name order; a repeated key would keep SQLite from walking the pinyin index.
    ties = [person.c.id] if sort is PeopleSort.NAME else [person.c.pinyin, person.c.id]
    stmt = _joined(select(*_PERSON_COLUMNS)).where(*(_CONDITIONS[n] for n in where))
    return page_of(stmt.order_by(key.desc() if descending else key.asc(), *ties), page)


@functools.cache
def _people_count(where: tuple[str, ...]) -> Select[Any]:
    return select(func.count()).select_from(person).where(*(_CONDITIONS[n] for n in where))


def department_subtree(conn: Connection, root: int) -> list[int]:
    """The department and all below it: people of a sub-department belong to it too."""
    children: dict[int | None, list[int]] = {}
    for dep_id, parent_id in conn.execute(select(department.c.id, department.c.parent_id)):
        children.setdefault(parent_id, []).append(dep_id)
    out, stack = [], [root]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(children.get(current, []))
    return out


def _refuse_sibling_named(
    conn: Connection, name: str, parent_id: int | None, besides: int | None = None
) -> None:
    """Two departments under one parent may not share a name (SQL's UNIQUE lets NULL parents)."""
    clash = conn.execute(
        select(department.c.id).where(
            department.c.name == name,
            department.c.parent_id.is_(parent_id)
            if parent_id is None
            else department.c.parent_id == parent_id,
            department.c.id != (besides or 0),
        )
    ).first()
    if clash is not None:
        raise TalkdeskError(ErrorCode.DUPLICATE, field="name")


def _required(value: str, field: str) -> str:
    value = value.strip()
    if not value:
        raise TalkdeskError(ErrorCode.INVALID_VALUE, field=field)
    return value


def _person_values(data: PersonInput) -> dict[str, object]:
    name = _required(data.name, "name")
    pinyin, initials = name_keys(name)
    return {
        "name": name,
        "pinyin": pinyin,
        "initials": initials,
        "department_id": data.department_id,
        "position": data.position.strip(),
        "gender": data.gender.value,
        "phone": data.phone.strip(),
        "party_member": data.party_member,
        "joined_on": data.joined_on,
        "is_leader": data.is_leader,
    }


_GENDER = enum_parser(Gender)


def _person_row(r: Any) -> PersonRow:
    return PersonRow(
        r[0], r[1], r[2], r[3], r[4], r[5], _GENDER(r[6]), r[7], r[8], r[9], r[10], r[11], r[12]
    )
