"""The workspace's life: create, unlock (password, recovery code, remembered), lock.

While locked there is no engine and no key in memory; every service call then
fails with LOCKED, and the UI asks for the password again.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, update

from talkdesk.domain.clock import Clock
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.password import is_acceptable
from talkdesk.domain.values import AuditAction, Role
from talkdesk.services import audit
from talkdesk.services.context import Context
from talkdesk.services.templates import TemplatesService
from talkdesk.storage import backup, keyfile, workspace
from talkdesk.storage.database import Database
from talkdesk.storage.kdf import DEFAULT_KDF, KdfParams
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths
from talkdesk.storage.tables import workspace_info

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkspaceInfo:
    owner_name: str
    unit: str
    role: Role


class WorkspaceSession:
    """One workspace folder and, while unlocked, its open database.

    Attributes:
        paths: the workspace's files.
        notices: codes of what the last unlock worked around (for a message).
    """

    def __init__(
        self,
        paths: WorkspacePaths,
        clock: Clock,
        keystore: RememberedKeyStore,
        kdf: KdfParams = DEFAULT_KDF,
    ) -> None:
        self.paths = paths
        self._clock = clock
        self._keystore = keystore
        self._kdf = kdf
        self._db: Database | None = None
        self._made_folder = False
        self.notices: list[str] = []
        self.context = Context(self._database, clock)

    # -- state ------------------------------------------------------------------

    def exists(self) -> bool:
        return self.paths.exists()

    @property
    def is_unlocked(self) -> bool:
        return self._db is not None

    def _database(self) -> Database:
        if self._db is None:
            raise TalkdeskError(ErrorCode.LOCKED)
        return self._db

    def is_remembered(self) -> bool:
        return workspace.is_remembered(self.paths)

    def info(self) -> WorkspaceInfo:
        with self.context.db.reading() as conn:
            rows = dict(conn.execute(select(workspace_info.c.key, workspace_info.c.value)).all())
        return WorkspaceInfo(
            owner_name=rows.get("owner_name", ""),
            unit=rows.get("unit", ""),
            role=Role(rows.get("role", Role.LEADER.value)),
        )

    # -- transitions ------------------------------------------------------------

    def create(
        self, password: str, owner_name: str, unit: str, role: Role, remember: bool = False
    ) -> str:
        """Create the workspace, leave it unlocked, and return the recovery code (shown once).

        If anything fails after the files were written (the audit entry, the
        built-in templates, remembering the key), the new files are removed
        again: a workspace whose recovery code was never shown must not stay.
        """
        _check_password(password)
        info = {"owner_name": owner_name.strip(), "unit": unit.strip(), "role": role.value}
        self._made_folder = not self.paths.folder.exists()
        db, code = workspace.create_workspace(
            self.paths, password, info, self._clock.now(), self._kdf
        )
        try:
            self._adopt(db, AuditAction.CREATED_WORKSPACE)
            TemplatesService(self.context).ensure_builtin()
            if remember:
                self.set_remembered(True)
        except BaseException:
            db.close()
            self.discard_created()
            raise
        return code

    def discard_created(self) -> None:
        """Lock and remove exactly the files `create` wrote (a creation that failed half way).

        The folder goes too if `create` made it and nothing else is in it.
        """
        self.lock()
        paths = self.paths
        for created in (paths.database, *paths.sidecars(), paths.keys, paths.keys_backup):
            created.unlink(missing_ok=True)
        if self._made_folder:
            with contextlib.suppress(OSError):
                paths.folder.rmdir()  # only when empty
        log.info("half-created workspace removed")

    def unlock_with_password(self, password: str) -> None:
        self._adopt(
            workspace.open_with_password(self.paths, password, self._clock.now()),
            AuditAction.OPENED,
        )
        self._strengthen(password)

    def unlock_with_recovery(self, code: str, new_password: str) -> None:
        _check_password(new_password)
        db = workspace.open_with_recovery(
            self.paths, code, new_password, self._kdf, self._clock.now()
        )
        self._adopt(db, AuditAction.RECOVERED)

    def unlock_remembered(self) -> None:
        """Open with the key kept on this computer; KEYRING_UNAVAILABLE says why not."""
        db = workspace.open_remembered(self.paths, self._keystore, self._clock.now())
        self._adopt(db, AuditAction.OPENED)

    def open_with_key(self, key: bytes) -> None:
        self._adopt(workspace.open_with_key(self.paths, key, self._clock.now()), AuditAction.OPENED)

    def lock(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
            log.info("workspace locked")

    def change_password(self, current: str, new_password: str) -> None:
        """Re-wrap the data key; the current password is asked again, as everywhere."""
        _check_password(new_password)
        db = self.context.db
        keyfile.unwrap_password(db.key_file, current)  # proves the current password
        workspace.change_password(db, new_password, self._kdf)
        with db.transaction() as conn:
            audit.record(conn, self._clock.now(), AuditAction.PASSWORD_CHANGED, "workspace")

    def set_owner(self, owner_name: str) -> None:
        """Name the workspace's owner (the demo gives it to one of its leaders)."""
        with self.context.db.transaction() as conn:
            conn.execute(
                update(workspace_info)
                .where(workspace_info.c.key == "owner_name")
                .values(value=owner_name.strip())
            )

    def back_up(self, out: Path) -> dict[str, int]:
        """Write a verified, encrypted backup to `out` and note it in the audit trail."""
        return back_up(self.context.db, out, self._clock.now())

    def set_remembered(self, on: bool) -> None:
        db = self.context.db
        if on:
            workspace.remember(db, self._keystore)
        else:
            workspace.forget(db, self._keystore)

    def _strengthen(self, password: str) -> None:
        """Re-wrap a password slot made with a cheaper Argon2 cost than this program's.

        Best effort: the workspace is open either way, and a failure (a full
        disk) leaves the old, sound slot in place to be upgraded next time.
        """
        db = self.context.db
        try:
            if keyfile.is_weaker(keyfile.password_kdf(db.key_file), self._kdf):
                workspace.change_password(db, password, self._kdf)
                log.info("password slot re-wrapped with the configured cost")
        except TalkdeskError as exc:
            log.warning("password slot not re-wrapped: %s", exc.code.value)

    def _adopt(self, db: Database, action: AuditAction) -> None:
        self.lock()
        try:
            with db.transaction() as conn:
                audit.record(conn, self._clock.now(), action, "workspace")
        except BaseException:
            db.close()  # not half unlocked: the caller sees the error and a locked session
            raise
        self._db = db
        self.notices = list(db.notices)


def back_up(db: Database, out: Path, now: datetime) -> dict[str, int]:
    """A verified backup of an open database, noted in its audit trail; returns its counts."""
    found = backup.make_backup(db, out, now)
    with db.transaction() as conn:
        audit.record(conn, now, AuditAction.BACKED_UP, "workspace")
    return found


def _check_password(password: str) -> None:
    if not is_acceptable(password):
        raise TalkdeskError(ErrorCode.PASSWORD_TOO_WEAK)
