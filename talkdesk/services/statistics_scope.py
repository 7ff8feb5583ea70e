"""The period and filter of one statistics computation, as the conditions of its queries."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Connection,
    DateTime,
    Select,
    String,
    TextClause,
    bindparam,
    select,
    text,
    type_coerce,
)

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.services.people import department_subtree
from talkdesk.services.statistics_figures import ReportPeriod, StatisticsFilter
from talkdesk.storage.tables import department, follow_up, person, talk


class Scope:
    """The period and filter of one computation, as the conditions of its queries."""

    def __init__(self, period: ReportPeriod, flt: StatisticsFilter, today: date) -> None:
        self.period = period
        self.filter = flt
        self.as_of = min(period.last_day, today)
        self.start_at = datetime.combine(period.start, time())
        self.end_at = datetime.combine(period.end, time())
        self.names: dict[int, str] = {}
        self.children: dict[int | None, list[int]] = defaultdict(list)
        self.departments: list[int] | None = None  # the filter's department and all below

    def read_departments(self, conn: Connection) -> None:
        stmt = select(department.c.id, department.c.parent_id, department.c.name).order_by(
            department.c.position, department.c.id
        )
        for dep_id, parent_id, name in conn.execute(stmt):
            self.names[dep_id] = name
            self.children[parent_id].append(dep_id)
        if self.filter.department_id is not None:
            self.departments = department_subtree(conn, self.filter.department_id)

    def people_in_departments(self) -> Select[Any]:
        assert self.departments is not None
        return select(person.c.id).where(person.c.department_id.in_(self.departments))

    def talks(
        self,
        columns: str,
        first: datetime | None = None,
        end: datetime | None = None,
        *,
        where: str = "",
        group_by: str = "",
        order_by: str = "",
        **values: object,
    ) -> TextClause:
        """A statement over the talks held from `first` to before `end` (the period unless
        given), by the filter's talker, with its departments' people.

        Written out for its index hint: once a workspace has planner statistics
        (ANALYZE), SQLite prefers skip-scanning (person, held_at) to reading the plain
        range of ix_talk_held, five to ten times slower for a year of talks. The hint is
        left out when a talker or departments narrow the talks: their own indexes are
        the right ones then. `values` are the parameters `where` names.
        """
        conditions = ["held_at >= :first", "held_at < :end"]
        params = [
            bindparam("first", first or self.start_at, type_=DateTime),
            bindparam("end", end or self.end_at, type_=DateTime),
            *(bindparam(name, value) for name, value in values.items()),
        ]
        if self.filter.talker_id is not None:
            conditions.append("talker_id = :talker")
            params.append(bindparam("talker", self.filter.talker_id))
        if self.departments is not None:
            conditions.append(
                "person_id IN (SELECT id FROM person WHERE department_id IN :departments)"
            )
            params.append(bindparam("departments", self.departments, expanding=True))
        if where:
            conditions.append(where)
        narrowed = self.filter.talker_id is not None or self.departments is not None
        hint = "" if narrowed else " INDEXED BY ix_talk_held"
        sql = f"SELECT {columns} FROM talk{hint} WHERE {' AND '.join(conditions)}"
        if group_by:
            sql += f" GROUP BY {group_by}"
        if order_by:
            sql += f" ORDER BY {order_by}"
        return text(sql).bindparams(*params)

    def follow_up_conditions(self) -> list[ColumnElement[bool]]:
        """Follow-ups of the department's people, raised in the talker's talks."""
        out: list[ColumnElement[bool]] = []
        if self.filter.talker_id is not None:
            talks_of = select(talk.c.id).where(talk.c.talker_id == self.filter.talker_id)
            out.append(follow_up.c.talk_id.in_(talks_of))
        if self.departments is not None:
            out.append(follow_up.c.person_id.in_(self.people_in_departments()))
        return out

    def bars(self) -> tuple[list[int], dict[int | None, int | None]]:
        """The coverage bars in display order, and each department's bar.

        Without a department filter, a bar per top department (holding all below
        it); with one, a bar for the department's own people and one per child.
        """
        root = self.filter.department_id
        group_of: dict[int | None, int | None] = {None: None}

        def walk(dep_id: int, group: int) -> None:
            group_of[dep_id] = group
            for child in self.children.get(dep_id, ()):
                walk(child, group)

        if root is None:
            tops = list(self.children.get(None, ()))
            for top in tops:
                walk(top, top)
            return tops, group_of
        if root not in self.names:
            return [], group_of
        group_of[root] = root
        for child in self.children.get(root, ()):
            walk(child, child)
        return [root, *self.children.get(root, ())], group_of


def iso_text(column: ColumnElement[Any]) -> ColumnElement[str]:
    """A stored date or time as its ISO text: compared and parsed far faster than converted."""
    return type_coerce(column, String)


E = TypeVar("E", bound=StrEnum)


def enum_key(kind: type[E], key: str) -> E:
    try:
        return kind(key)
    except ValueError:
        raise TalkdeskError(ErrorCode.INVALID_VALUE, field="key") from None
