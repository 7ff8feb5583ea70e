"""Files written outside the encrypted workspace: written whole or not at all, and audited."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from talkdesk.domain.values import AuditAction
from talkdesk.services import audit
from talkdesk.services.context import Context
from talkdesk.storage.atomic import write_atomic_with


class ExportKind(StrEnum):
    """What was exported, as the audit log names it."""

    TALK_RECORD = "talk_record"
    LEDGER = "ledger"
    REPORT = "report"
    STATISTICS_CHART = "statistics_chart"


class ExportsService:
    """The one way out of the workspace: every export is atomic and leaves an audit line
    (what, when, how many records; never a name or any content)."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def save(
        self, path: Path, write: Callable[[BinaryIO], None], kind: ExportKind, count: int
    ) -> None:
        """Write `path` through `write` (into a temporary file, renamed when complete), then
        record the export. A failed or cancelled write leaves no file and no audit line."""
        write_atomic_with(path, write)
        self.record(kind, count)

    def record(self, kind: ExportKind, count: int) -> None:
        """Audit an export written by other means (Qt's PDF writer, the printer)."""
        with self._ctx.db.transaction() as conn:
            audit.record(conn, self._ctx.now(), AuditAction.EXPORTED, kind.value, count=count)
