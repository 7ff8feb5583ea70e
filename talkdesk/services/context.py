"""What every service needs: the open workspace and the clock."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from talkdesk.domain.clock import Clock
from talkdesk.storage.database import Database


@dataclass(frozen=True)
class Context:
    db: Database
    clock: Clock

    def now(self) -> datetime:
        return self.clock.now()


def new_uuid() -> str:
    return str(uuid.uuid4())


def stamps(now: datetime) -> dict[str, object]:
    """The identity and time columns of a new record."""
    return {"uuid": new_uuid(), "created_at": now, "updated_at": now}
