"""The audit log: who did what when; never the content of a note."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert

from talkdesk.domain.values import AuditAction
from talkdesk.storage.tables import audit_event


def record(
    conn: Connection,
    at: datetime,
    action: AuditAction,
    entity: str = "",
    entity_uuid: str | None = None,
    count: int | None = None,
) -> None:
    conn.execute(
        insert(audit_event).values(
            at=at, action=action.value, entity=entity, entity_uuid=entity_uuid, count=count
        )
    )
