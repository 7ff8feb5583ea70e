"""The first screen's figures read through sqlcipher3 alone, while SQLAlchemy still loads.

Importing SQLAlchemy takes about 0.25 s; the Today page's greeting and four counts
need five small statements. Reading them here lets the window show its first data
that much sooner. The statements must count exactly what the services count
(TalksService.count_talks, FollowUpsService.count_follow_ups with the Today page's
filters): tests/services/test_glance.py compares them, so change both together.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

import sqlcipher3

from talkdesk.domain.values import FollowUpStatus
from talkdesk.storage.cipher import apply_key
from talkdesk.storage.paths import WorkspacePaths
from talkdesk.storage.revision import HEAD

log = logging.getLogger(__name__)

_OPEN = (FollowUpStatus.OPEN.value, FollowUpStatus.IN_PROGRESS.value)
_CLOSED = (FollowUpStatus.RESOLVED.value, FollowUpStatus.UNRESOLVABLE.value)

# Talk times are stored as SQLAlchemy's SQLite DateTime writes them, dates as ISO dates.
_TALKS_BETWEEN = "SELECT count(*) FROM talk WHERE held_at >= ? AND held_at <= ?"
_OPEN_ITEMS = "SELECT count(*) FROM follow_up WHERE status IN (?, ?)"
_OVERDUE_ITEMS = _OPEN_ITEMS + " AND due_on < ?"
# closed, not yet told, someone to tell; `status || ''` picks the small partial index
_FEEDBACK_OWED = (
    "SELECT count(*) FROM follow_up WHERE status || '' IN (?, ?) AND feedback_on IS NULL"
    " AND (person_id IS NOT NULL OR ticket_code IS NOT NULL)"
)


@dataclass(frozen=True)
class Figures:
    owner_name: str
    unit: str
    talks_this_month: int
    open_follow_ups: int
    overdue_follow_ups: int
    feedback_owed: int


def read_figures(paths: WorkspacePaths, key: bytes, today: date) -> Figures | None:
    """The figures for `today`, or None if anything is unusual (the normal opening reports it).

    Reads only a database of the schema these statements were written for; never
    creates a file (SQLCipher would make an empty one) and never writes.
    """
    if not paths.database.is_file() or paths.database.stat().st_size == 0:
        return None
    try:
        conn = sqlcipher3.connect(paths.database.resolve().as_uri() + "?mode=rw", uri=True)
    except sqlcipher3.Error as exc:
        log.info("first glance skipped: %s", type(exc).__name__)
        return None
    try:
        return _read(conn.cursor(), key, today)
    except sqlcipher3.Error as exc:
        log.info("first glance skipped: %s", type(exc).__name__)
        return None
    finally:
        conn.close()


def _read(cur: sqlcipher3.Cursor, key: bytes, today: date) -> Figures | None:
    apply_key(cur, key)
    cur.execute("PRAGMA query_only = ON")
    if cur.execute("SELECT version_num FROM alembic_version").fetchone() != (HEAD,):
        return None
    info = dict(
        cur.execute("SELECT key, value FROM workspace_info WHERE key IN ('owner_name', 'unit')")
    )

    def count(sql: str, *params: object) -> int:
        return int(cur.execute(sql, params).fetchone()[0])

    month_start = today.replace(day=1)
    return Figures(
        owner_name=info.get("owner_name", ""),
        unit=info.get("unit", ""),
        talks_this_month=count(
            _TALKS_BETWEEN, f"{month_start} 00:00:00.000000", f"{today} 23:59:59.999999"
        ),
        open_follow_ups=count(_OPEN_ITEMS, *_OPEN),
        overdue_follow_ups=count(_OVERDUE_ITEMS, *_OPEN, today.isoformat()),
        feedback_owed=count(_FEEDBACK_OWED, *_CLOSED),
    )
