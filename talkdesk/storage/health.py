"""Is the workspace sound? Page HMACs, SQLite integrity, foreign keys, schema revision."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import DatabaseError

from talkdesk.storage import migrate
from talkdesk.storage.database import Database
from talkdesk.storage.revision import HEAD
from talkdesk.storage.tables import (
    appointment,
    department,
    follow_up,
    person,
    talk,
    talk_plan,
    template,
)

_T = TypeVar("_T")

COUNTED = {
    "departments": department,
    "people": person,
    "plans": talk_plan,
    "appointments": appointment,
    "talks": talk,
    "follow_ups": follow_up,
    "templates": template,
}


@dataclass(frozen=True)
class HealthReport:
    cipher_errors: int
    integrity: list[str]
    foreign_key_errors: int
    revision: str | None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def sound(self) -> bool:
        return (
            self.cipher_errors == 0
            and self.integrity == ["ok"]
            and self.foreign_key_errors == 0
            and self.revision == HEAD
        )


def check(db: Database) -> HealthReport:
    with db.reading() as conn:
        return check_connection(conn)


def check_connection(conn: Connection) -> HealthReport:
    """Every check runs even when an earlier one fails: a damaged page is reported, not raised."""
    cipher = _attempt(lambda: len(conn.execute(text("PRAGMA cipher_integrity_check")).all()), 1)
    integrity = _attempt(
        lambda: [str(r[0]) for r in conn.execute(text("PRAGMA integrity_check")).all()],
        ["unreadable"],
    )
    fk = _attempt(lambda: len(conn.execute(text("PRAGMA foreign_key_check")).all()), 1)
    return HealthReport(
        cipher_errors=cipher,
        integrity=integrity,
        foreign_key_errors=fk,
        revision=_attempt(lambda: migrate.current_revision(conn), None),
        counts=_attempt(lambda: counts(conn), {}),
    )


def _attempt(check: Callable[[], _T], failed: _T) -> _T:
    """The check's result, or `failed` when SQLite cannot read what it needs (a damaged page)."""
    try:
        return check()
    except DatabaseError:
        return failed


def counts(conn: Connection) -> dict[str, int]:
    return {
        name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        for name, table in COUNTED.items()
    }
