"""Is the workspace sound? Page HMACs, SQLite integrity, foreign keys, schema revision."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select, text

from talkdesk.storage import migrate
from talkdesk.storage.database import Database
from talkdesk.storage.tables import (
    appointment,
    department,
    follow_up,
    person,
    talk,
    talk_plan,
    template,
)

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
            and self.revision == migrate.HEAD
        )


def check(db: Database) -> HealthReport:
    with db.reading() as conn:
        return check_connection(conn)


def check_connection(conn: Connection) -> HealthReport:
    cipher = conn.execute(text("PRAGMA cipher_integrity_check")).fetchall()
    integrity = [str(r[0]) for r in conn.execute(text("PRAGMA integrity_check")).fetchall()]
    fk = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
    return HealthReport(
        cipher_errors=len(cipher),
        integrity=integrity,
        foreign_key_errors=len(fk),
        revision=migrate.current_revision(conn),
        counts=counts(conn),
    )


def counts(conn: Connection) -> dict[str, int]:
    return {
        name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        for name, table in COUNTED.items()
    }
