"""Small helpers shared by the list queries of several services."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Insert


@dataclass(frozen=True)
class Page:
    """A window into a list: lists are read a page at a time, never whole."""

    offset: int = 0
    limit: int = 200


def like_pattern(text: str, prefix_only: bool = False) -> str:
    """A LIKE pattern matching `text` literally (escape character `\\`)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%" if prefix_only else f"%{escaped}%"


def insert_id(conn: Connection, stmt: Insert) -> int:
    """Run an INSERT of one row and return its integer primary key."""
    key = conn.execute(stmt).inserted_primary_key
    assert key is not None
    return int(key[0])
