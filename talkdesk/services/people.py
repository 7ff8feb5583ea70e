"""Departments and people: the roster every plan and talk refers to."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Select, func, insert, or_, select, update

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import AuditAction, Gender
from talkdesk.services import audit
from talkdesk.services.changes import Changes, Entity
from talkdesk.services.context import Context, stamps
from talkdesk.services.pinyin import name_keys
from talkdesk.services.query import Page, insert_id, like_pattern
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


@dataclass(frozen=True)
class PersonRow:
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

    def department_by_name(self, conn: Connection, name: str) -> int | None:
        return conn.execute(select(department.c.id).where(department.c.name == name)).scalar()

    # -- people -----------------------------------------------------------------

    def people(
        self,
        flt: PeopleFilter = PeopleFilter(),
        page: Page = Page(),
        sort: PeopleSort = PeopleSort.NAME,
        descending: bool = False,
    ) -> list[PersonRow]:
        """One page of people matching the filter; names in pinyin (dictionary) order."""
        key = _SORT_COLUMNS[sort]
        order = [key.desc() if descending else key.asc(), person.c.pinyin, person.c.id]
        stmt = (
            self._filtered(select(*_PERSON_COLUMNS), flt)
            .order_by(*order)
            .offset(page.offset)
            .limit(page.limit)
        )
        with self._ctx.db.reading() as conn:
            return [_person_row(row) for row in conn.execute(stmt)]

    def count_people(self, flt: PeopleFilter = PeopleFilter()) -> int:
        stmt = self._filtered(select(func.count()).select_from(person), flt, join=False)
        with self._ctx.db.reading() as conn:
            return int(conn.execute(stmt).scalar_one())

    def person(self, person_id: int) -> PersonRow:
        stmt = self._filtered(select(*_PERSON_COLUMNS), PeopleFilter(include_left=True)).where(
            person.c.id == person_id
        )
        with self._ctx.db.reading() as conn:
            row = conn.execute(stmt).first()
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

    def _filtered(self, stmt: Select[Any], flt: PeopleFilter, join: bool = True) -> Select[Any]:
        if join:
            stmt = stmt.select_from(
                person.outerjoin(department, department.c.id == person.c.department_id)
            )
        if not flt.include_left:
            stmt = stmt.where(person.c.active)
        if flt.leaders_only:
            stmt = stmt.where(person.c.is_leader)
        if flt.department_id is not None:
            stmt = stmt.where(person.c.department_id.in_(self._subtree(flt.department_id)))
        text = flt.text.strip().lower()
        if text:
            stmt = stmt.where(
                or_(
                    person.c.name.like(like_pattern(text), escape="\\"),
                    person.c.pinyin.like(like_pattern(text, prefix_only=True), escape="\\"),
                    person.c.initials.like(like_pattern(text, prefix_only=True), escape="\\"),
                    person.c.position.like(like_pattern(text), escape="\\"),
                )
            )
        return stmt

    def _subtree(self, root: int) -> list[int]:
        with self._ctx.db.reading() as conn:
            return department_subtree(conn, root)


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


def _person_row(row: object) -> PersonRow:
    values = list(row)  # type: ignore[call-overload]
    values[6] = Gender(values[6])
    return PersonRow(*values)
