"""The full-text index inside the encrypted database, kept in step with talks and follow-ups.

Index rowids encode the record's date and id (`date_seconds << 24 | id`), so the
first page of hits in date order is taken inside FTS (`ORDER BY rowid DESC
LIMIT n`) and never by sorting every hit of a common word.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Connection, text

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
    conn: Connection, index: Index, query: str, limit: int, before: int | None = None
) -> list[int]:
    """Rowids of the newest `limit` documents matching `query` (older than `before`)."""
    expr = match_expression(query)
    if expr is None:
        return []
    sql = f"SELECT rowid FROM {index.value} WHERE {index.value} MATCH :q"
    params: dict[str, object] = {"q": expr, "n": limit}
    if before is not None:
        sql += " AND rowid < :before"
        params["before"] = before
    sql += " ORDER BY rowid DESC LIMIT :n"
    return [int(r) for r in conn.execute(text(sql), params).scalars()]


def count(conn: Connection, index: Index, query: str) -> int:
    expr = match_expression(query)
    if expr is None:
        return 0
    sql = f"SELECT count(*) FROM {index.value} WHERE {index.value} MATCH :q"
    return int(conn.execute(text(sql), {"q": expr}).scalar_one())
