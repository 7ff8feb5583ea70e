"""What every service needs: the open workspace (while unlocked) and the clock."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from talkdesk.domain.clock import Clock
from talkdesk.storage.database import Database


class Context:
    """Handed to every service once; survives lock and unlock.

    `db` asks the session for the database each time, so a service built at
    start keeps working after an unlock and fails with LOCKED while locked.
    """

    def __init__(self, database: Callable[[], Database], clock: Clock) -> None:
        self._database = database
        self.clock = clock

    @property
    def db(self) -> Database:
        return self._database()

    def now(self) -> datetime:
        return self.clock.now()


def new_uuid() -> str:
    return str(uuid.uuid4())


def stamps(now: datetime) -> dict[str, object]:
    """The identity and time columns of a new record."""
    return {"uuid": new_uuid(), "created_at": now, "updated_at": now}
