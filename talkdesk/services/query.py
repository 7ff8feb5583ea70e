"""Small helpers shared by the list queries of several services."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Connection,
    Insert,
    Integer,
    Select,
    String,
    bindparam,
    func,
    literal_column,
    select,
    type_coerce,
)
from sqlalchemy.engine import Dialect


@dataclass(frozen=True)
class Page:
    """A window into a list: lists are read a page at a time, never whole."""

    offset: int = 0
    limit: int = 200


def page_of(stmt: Select[Any], page: Page) -> Select[Any]:
    """The statement with the page's OFFSET and LIMIT written into the SQL.

    With bound values, SQLite (which keeps the index statistics of `sqlite_stat4`)
    prepares some statements again at every execution, to plan for the values bound:
    ~50 us for a list's two-step statement. Build such statements once per page
    (`functools.lru_cache`): a list reads few distinct pages.
    """
    offset, limit = int(page.offset), int(page.limit)
    return stmt.offset(literal_column(str(offset), Integer)).limit(
        literal_column(str(limit), Integer)
    )


def one_of(column: ColumnElement[Any], values: Iterable[str]) -> ColumnElement[bool]:
    """`column IN ('a', 'b')` with constant values (enum codes) written into the SQL.

    `in_()` of a tuple makes an "expanding" parameter, which SQLAlchemy renders again
    at every execution (~45 us a statement); constants need no parameter at all.
    """
    quoted = ["'" + value.replace("'", "''") + "'" for value in values]
    return column.in_([literal_column(q, String) for q in quoted])


def in_ids(column: ColumnElement[Any], name: str) -> ColumnElement[bool]:
    """`column IN` the ids of parameter `name`, given as `ids_param(ids)` (a JSON array).

    One SQL text for any number of ids: an `in_(list)` or an expanding parameter is
    rendered (and prepared by SQLite) anew for every length of the list.
    """
    ids = func.json_each(bindparam(name, type_=String)).table_valued("value")
    return column.in_(select(ids.c.value))


def ids_param(ids: Iterable[int]) -> str:
    """The value of an `in_ids` parameter."""
    return json.dumps([int(i) for i in ids])


def as_text(column: ColumnElement[Any]) -> ColumnElement[str]:
    """A date or time column as stored (ISO text), for `driver_rows`: `date.fromisoformat`
    and `datetime.fromisoformat` parse it faster than SQLAlchemy's per-row converters."""
    return type_coerce(column, String)


def driver_rows(
    conn: Connection, stmt: Select[Any], params: Mapping[str, Any] | None = None
) -> Sequence[Any]:
    """The driver's rows of a statement built once, as tuples, with no per-row conversion:
    for lists, whose dates come as text (`as_text`) and whose codes go through `enum_parser`.

    The statement is compiled once (by SQLAlchemy, for this dialect) and then run on the
    driver's cursor: SQLAlchemy's execution costs ~40 us a statement (its compiled form
    looked up, the parameters processed, a result object made), as much as many of the
    reads themselves. A statement whose parameters need converting (dates) or rendering
    at each execution (expanding lists), or a connection someone listens to (the tests
    that count statements), goes through SQLAlchemy's execution as usual.
    """
    values = params or {}
    plan = None if conn.dispatch.before_cursor_execute else _plain_sql(stmt, conn.dialect)
    if plan is None:
        rows: Sequence[Any] = conn.execute(stmt, dict(values)).cursor.fetchall()
        return rows
    sql, spec = plan
    args = [values[name] if required else values.get(name, value) for name, required, value in spec]
    cursor = conn.connection.driver_connection.execute(sql, args)  # type: ignore[union-attr]
    rows = cursor.fetchall()
    return rows


@functools.lru_cache(maxsize=1024)
def _plain_sql(
    stmt: Select[Any], dialect: Dialect
) -> tuple[str, tuple[tuple[str, bool, Any], ...]] | None:
    """The SQL of a statement and its positional parameters (name, required, value given in
    the statement), if it can run on the driver as it is; else None."""
    compiled = stmt.compile(dialect=dialect)
    order = compiled.positiontup
    if order is None or compiled.post_compile_params or compiled.literal_execute_params:
        return None
    binds = compiled.binds
    if any(b.type.dialect_impl(dialect).bind_processor(dialect) for b in binds.values()):
        return None
    given = compiled.params
    spec = tuple((name, binds[name].required, given.get(name)) for name in order)
    return str(compiled), spec


def like_pattern(text: str, prefix_only: bool = False) -> str:
    """A LIKE pattern matching `text` literally (escape character `\\`)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%" if prefix_only else f"%{escaped}%"


def insert_id(conn: Connection, stmt: Insert) -> int:
    """Run an INSERT of one row and return its integer primary key."""
    key = conn.execute(stmt).inserted_primary_key
    assert key is not None
    return int(key[0])


E = TypeVar("E", bound=Enum)


def enum_parser(enum_type: type[E]) -> Callable[[str], E]:
    """A fast stored-value → member lookup: `Enum(value)` is slow in loops over list rows."""
    return {member.value: member for member in enum_type}.__getitem__
