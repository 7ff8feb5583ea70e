"""Creating and opening workspaces: keys unwrapped, database keyed, schema migrated.

A key failure never creates a database: opening refuses a missing or empty file
before SQLCipher could make a new one, and creating refuses a folder that
already holds a workspace.
"""

from __future__ import annotations

import logging
import os
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import DatabaseError

from talkdesk.domain.clock import SystemClock
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.recovery import new_recovery_code
from talkdesk.storage import keyfile, migrate
from talkdesk.storage.database import Database
from talkdesk.storage.engine import open_engine
from talkdesk.storage.kdf import DEFAULT_KDF, KdfParams
from talkdesk.storage.keyfile import KeyFile
from talkdesk.storage.keys import KEYFILE_BACKUP_USED, load_keys, remembered_key
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths
from talkdesk.storage.tables import workspace_info

log = logging.getLogger(__name__)


def create_workspace(
    paths: WorkspacePaths,
    password: str,
    info: dict[str, str],
    now: datetime,
    kdf: KdfParams = DEFAULT_KDF,
) -> tuple[Database, str]:
    """A new workspace in an empty folder; returns it open, and its recovery code."""
    if paths.exists():
        raise TalkdeskError(ErrorCode.WORKSPACE_EXISTS)
    make_private_folder(paths.folder)
    workspace_id = str(uuid.uuid4())
    data_key = keyfile.new_data_key()
    recovery_code = new_recovery_code()
    kf = keyfile.create(workspace_id, data_key, password, recovery_code, kdf)
    engine = open_engine(paths.database, data_key)
    try:
        migrate.upgrade(engine)
        rows = {**info, "workspace_id": workspace_id, "created_at": now.isoformat()}
        with engine.begin() as conn:
            conn.execute(insert(workspace_info), [{"key": k, "value": v} for k, v in rows.items()])
        keyfile.save(paths.keys, kf)
    except BaseException:
        engine.dispose()
        for leftover in (paths.database, *paths.sidecars(), paths.keys, paths.keys_backup):
            leftover.unlink(missing_ok=True)
        raise
    log.info("workspace created")
    return Database(paths, engine, data_key, kf), recovery_code


def make_private_folder(folder: Path) -> None:
    """Create the workspace folder readable by its owner only (0700 where the OS has modes)."""
    try:
        existed = folder.is_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not existed and os.name == "posix":
            folder.chmod(0o700)  # mkdir's mode is narrowed by the umask, never widened
    except OSError as exc:
        raise TalkdeskError(ErrorCode.FILE_NOT_WRITABLE) from exc


def open_with_password(
    paths: WorkspacePaths, password: str, now: datetime | None = None
) -> Database:
    kf, notices = load_keys(paths)
    return _open(paths, kf, keyfile.unwrap_password(kf, password), notices, now)


def open_with_recovery(
    paths: WorkspacePaths,
    code: str,
    new_password: str,
    kdf: KdfParams = DEFAULT_KDF,
    now: datetime | None = None,
) -> Database:
    """Open with the recovery code and set a new password in the same step."""
    kf, notices = load_keys(paths)
    key = keyfile.unwrap_recovery(kf, code)
    db = _open(paths, kf, key, notices, now)
    try:
        change_password(db, new_password, kdf)
    except BaseException:
        db.close()
        raise
    return db


def open_remembered(
    paths: WorkspacePaths, store: RememberedKeyStore, now: datetime | None = None
) -> Database:
    """Open with the secret kept in the OS credential store; KEYRING_UNAVAILABLE otherwise."""
    kf, notices = load_keys(paths)
    return _open(paths, kf, remembered_key(kf, store), notices, now)


def open_with_key(paths: WorkspacePaths, key: bytes, now: datetime | None = None) -> Database:
    """Open with a data key already in hand (the demo workspace, a verified restore)."""
    kf, notices = load_keys(paths)
    return _open(paths, kf, key, notices, now)


def is_remembered(paths: WorkspacePaths) -> bool:
    try:
        kf, _ = load_keys(paths)
    except TalkdeskError:
        return False
    return kf.has(keyfile.REMEMBERED)


def change_password(db: Database, new_password: str, kdf: KdfParams = DEFAULT_KDF) -> None:
    """Re-wrap the data key under the new password; the database is not re-encrypted."""
    _save(db, keyfile.with_password(db.key_file, db.data_key(), new_password, kdf))


def remember(db: Database, store: RememberedKeyStore) -> None:
    secret = store.new_secret(db.workspace_id)
    _save(db, keyfile.with_remembered(db.key_file, db.data_key(), secret))


def forget(db: Database, store: RememberedKeyStore) -> None:
    store.forget(db.workspace_id)
    _save(db, keyfile.without(db.key_file, keyfile.REMEMBERED))


def _save(db: Database, kf: KeyFile) -> None:
    keyfile.save(db.paths.keys, kf)
    db.key_file = kf


def _open(
    paths: WorkspacePaths,
    kf: KeyFile,
    key: bytes,
    notices: list[str],
    now: datetime | None = None,
) -> Database:
    db_file = paths.database
    if not db_file.exists() or db_file.stat().st_size == 0:
        # SQLCipher would silently create a fresh, empty database here.
        raise TalkdeskError(ErrorCode.DATABASE_DAMAGED, reason="missing")
    try:
        engine = open_engine(db_file, key)
    except TalkdeskError as exc:
        if exc.code is not ErrorCode.NOT_A_DATABASE:
            raise  # not writable, or busy: the file is fine, its folder or another program is not
        # The key unwrapped, so it is right: the file itself cannot be read.
        raise TalkdeskError(ErrorCode.DATABASE_DAMAGED, reason="unreadable") from exc
    try:
        _check_identity(engine, kf)
        migrate.upgrade(engine, paths.backups, key)
    except BaseException:
        engine.dispose()
        raise
    db = Database(paths, engine, key, kf, notices)
    if KEYFILE_BACKUP_USED in notices:
        try:
            _repair_keys(paths, kf, now or SystemClock().now())
        except BaseException:
            db.close()
            raise
    log.info("workspace opened")
    return db


def _check_identity(engine: Engine, kf: KeyFile) -> None:
    try:
        with engine.connect() as conn:
            stored = conn.execute(
                select(workspace_info.c.value).where(workspace_info.c.key == "workspace_id")
            ).scalar()
    except DatabaseError as exc:
        raise TalkdeskError(ErrorCode.DATABASE_DAMAGED, reason="unreadable") from exc
    if stored != kf.workspace_id:
        raise TalkdeskError(ErrorCode.NOT_A_DATABASE)


def _repair_keys(paths: WorkspacePaths, kf: KeyFile, now: datetime) -> None:
    """Set the damaged key file aside (never delete it) and write a sound one again."""
    if paths.keys.exists():
        stamp = now.strftime("%Y%m%d%H%M%S")
        paths.keys.rename(paths.keys.with_name(f"keys.json.damaged-{stamp}"))
    keyfile.save(paths.keys, kf)
