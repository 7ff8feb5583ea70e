"""The full-text index inside the encrypted database, kept in step with talks and follow-ups.

Index rowids encode the record's date and id (`date_seconds << 24 | id`), so the
first page of hits in date order is taken inside FTS (`ORDER BY rowid DESC
LIMIT n`) and never by sorting every hit of a common word.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    TableClause,
    bindparam,
    cast,
    func,
    literal_column,
    table,
    text,
)

from talkdesk.domain.search_terms import index_tokens, match_expression

_ID_BITS = 24
_ID_MASK = (1 << _ID_BITS) - 1
_EPOCH = datetime(1970, 1, 1)


class Index(StrEnum):
    TALK = "talk_fts"
    TALK_PRIVATE = "talk_private_fts"
    FOLLOW_UP = "follow_up_fts"


def doc_rowid(when: datetime, record_id: int) -> int:
    if record_id > _ID_MASK:
        raise ValueError("record id beyond what the index key holds")
    seconds = max(0, int((when - _EPOCH).total_seconds()))
    return (seconds << _ID_BITS) | record_id


def record_id(rowid: int) -> int:
    return rowid & _ID_MASK


def put(conn: Connection, index: Index, when: datetime, rid: int, body: str) -> None:
    """Index `body` for the record (replacing nothing: call `remove` first on change)."""
    if body.strip():
        conn.execute(
            text(f"INSERT INTO {index.value}(rowid, body) VALUES (:r, :b)"),
            {"r": doc_rowid(when, rid), "b": index_tokens(body)},
        )


def remove(conn: Connection, index: Index, when: datetime, rid: int) -> None:
    conn.execute(text(f"DELETE FROM {index.value} WHERE rowid = :r"), {"r": doc_rowid(when, rid)})


def put_many(conn: Connection, index: Index, docs: list[tuple[datetime, int, str]]) -> None:
    rows = [
        {"r": doc_rowid(when, rid), "b": index_tokens(body)}
        for when, rid, body in docs
        if body.strip()
    ]
    if rows:
        conn.execute(text(f"INSERT INTO {index.value}(rowid, body) VALUES (:r, :b)"), rows)


def find(
    conn: Connection,
    index: Index,
    query: str,
    limit: int | None,
    before: int | None = None,
    since: int | None = None,
) -> list[int]:
    """Rowids of the newest `limit` (None: all) documents matching `query`, newest first,
    with `since <= rowid < before`."""
    expr = match_expression(query)
    if expr is None:
        return []
    sql = f"SELECT rowid FROM {index.value} WHERE {index.value} MATCH :q"
    params: dict[str, object] = {"q": expr}
    if before is not None:
        sql += " AND rowid < :before"
        params["before"] = before
    if since is not None:
        sql += " AND rowid >= :since"
        params["since"] = since
    sql += " ORDER BY rowid DESC"
    if limit is None:
        # every hit of a common word (80,000 and more): the driver's rows, without wrapping each
        cursor = conn.connection.driver_connection.execute(sql, params)  # type: ignore[union-attr]
        return [r for (r,) in cursor.fetchall()]
    sql += " LIMIT :n"
    params["n"] = limit
    return [int(r) for r in conn.execute(text(sql), params).scalars()]


def count(
    conn: Connection,
    index: Index,
    query: str,
    before: int | None = None,
    since: int | None = None,
) -> int:
    expr = match_expression(query)
    if expr is None:
        return 0
    sql = f"SELECT count(*) FROM {index.value} WHERE {index.value} MATCH :q"
    params: dict[str, object] = {"q": expr}
    if before is not None:
        sql += " AND rowid < :before"
        params["before"] = before
    if since is not None:
        sql += " AND rowid >= :since"
        params["since"] = since
    return int(conn.execute(text(sql), params).scalar_one())


def find_among(conn: Connection, index: Index, query: str, rowids: Iterable[int]) -> set[int]:
    """Those of `rowids` whose documents match `query` (one index probe each: keep it short)."""
    expr, keys = match_expression(query), list(rowids)
    if expr is None or not keys:
        return set()
    sql = text(f"SELECT rowid FROM {index.value} WHERE {index.value} MATCH :q AND rowid IN :keys")
    sql = sql.bindparams(bindparam("keys", expanding=True))
    return {int(r) for r in conn.execute(sql, {"q": expr, "keys": keys}).scalars()}


# -- the index keys inside SQL statements that services compose ------------------------------


def key_bounds(date_from: date | None, date_to: date | None) -> tuple[int | None, int | None]:
    """(since, before) keys of the records dated from `date_from` to `date_to` (inclusive)."""
    since = None if date_from is None else doc_rowid(datetime.combine(date_from, time.min), 0)
    before = None
    if date_to is not None:
        before = doc_rowid(datetime.combine(date_to + timedelta(days=1), time.min), 0)
    return since, before


def key_of(when: ColumnElement[datetime], record: ColumnElement[int]) -> ColumnElement[int]:
    """The index key of a record row, computed in SQL (as `doc_rowid` does in Python)."""
    seconds = cast(func.strftime("%s", when), Integer)
    return seconds.op("<<")(_ID_BITS).op("|")(record)


def fts_table(index: Index) -> TableClause:
    """The index as the FROM of a composed statement (joined to its records by `record_of`)."""
    return table(index.value)


def rowid_column(index: Index) -> ColumnElement[int]:
    return literal_column(f"{index.value}.rowid", Integer)


def record_of(rowid: ColumnElement[int]) -> ColumnElement[int]:
    """The record id inside an index key, in SQL."""
    return rowid.op("&")(_ID_MASK)


def matches(index: Index, query: str) -> ColumnElement[bool] | None:
    """`index MATCH query` as a condition for a composed statement; None: nothing to find."""
    expr = match_expression(query)
    if expr is None:
        return None
    return literal_column(index.value).op("MATCH")(expr)
