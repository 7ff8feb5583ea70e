"""Small helpers shared by the list queries of several services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import Connection, Insert, Select, bindparam


@dataclass(frozen=True)
class Page:
    """A window into a list: lists are read a page at a time, never whole."""

    offset: int = 0
    limit: int = 200

    def params(self) -> dict[str, int]:
        return {"offset": self.offset, "limit": self.limit}


def paged(stmt: Select[Any]) -> Select[Any]:
    """The statement with bound OFFSET and LIMIT, filled from `Page.params()`."""
    return stmt.offset(bindparam("offset")).limit(bindparam("limit"))


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
