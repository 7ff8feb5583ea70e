"""Small workspace-wide values kept as JSON under a key in `workspace_info` (encrypted)."""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from talkdesk.storage.tables import workspace_info

_log = logging.getLogger(__name__)


def read_json(conn: Connection, key: str) -> Any:
    """The value stored under `key`, or None when absent or unreadable (logged, key only)."""
    raw = conn.execute(
        select(workspace_info.c.value).where(workspace_info.c.key == key)
    ).scalar_one_or_none()
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        _log.warning("workspace value %s unreadable; ignored", key)
        return None


def write_json(conn: Connection, key: str, value: Any) -> None:
    conn.execute(delete(workspace_info).where(workspace_info.c.key == key))
    conn.execute(insert(workspace_info).values(key=key, value=json.dumps(value)))
