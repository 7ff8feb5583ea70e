"""Encrypted backups: `sqlcipher_export` into one file beside the key slots, verified.

A backup is a zip holding the exported database (encrypted with the same data
key), a copy of keys.json and a manifest, so the same password or recovery
code opens it. It is never a file copy of a live database.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from talkdesk import __version__
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.storage import health, keyfile
from talkdesk.storage.atomic import fsync_dir, os_error
from talkdesk.storage.database import Database
from talkdesk.storage.engine import open_engine
from talkdesk.storage.export import export_copy
from talkdesk.storage.kdf import DEFAULT_KDF, KdfParams
from talkdesk.storage.keyfile import KeyFile
from talkdesk.storage.paths import DB_NAME, KEYS_NAME, WorkspacePaths
from talkdesk.storage.workspace import make_private_folder, open_with_key

MANIFEST = "manifest.json"
FORMAT = "talkdesk-backup/1"
_MAX_MEMBER = 64 * 1024**3  # a zip member larger than this is not one of ours


def make_backup(db: Database, out: Path, now: datetime) -> dict[str, int]:
    """Write a verified backup to `out` atomically; returns the counts it holds."""
    out = out.resolve()
    try:
        with tempfile.TemporaryDirectory(prefix=".talkdesk-backup-", dir=out.parent) as tmp:
            exported = Path(tmp) / DB_NAME
            export_copy(db.engine, db.data_key(), exported, scratch=True)
            found = _verify_db(exported, db.data_key())
            staged = Path(tmp) / "backup.zip"
            manifest = {
                "format": FORMAT,
                "workspace_id": db.workspace_id,
                "made_at": now.isoformat(),
                "version": __version__,
                "counts": found,
            }
            with zipfile.ZipFile(staged, "w", zipfile.ZIP_STORED) as zf:
                zf.writestr(MANIFEST, json.dumps(manifest, indent=2))
                # Without the "remembered" slot: a copy must not open with this computer's key.
                zf.writestr(KEYS_NAME, keyfile.dumps(_portable(db.key_file)))
                zf.write(exported, DB_NAME)
            with staged.open("rb+") as handle:
                os.fsync(handle.fileno())
            _read_manifest(staged)
            with zipfile.ZipFile(staged) as zf:
                if zf.testzip() is not None:  # every member read back against its CRC
                    raise TalkdeskError(ErrorCode.BACKUP_INVALID, reason="staged")
            os.replace(staged, out)
            fsync_dir(out.parent)
    except OSError as exc:
        raise os_error(exc) from exc
    return found


def restore_backup(
    backup: Path,
    target: WorkspacePaths,
    password: str | None = None,
    *,
    recovery_code: str | None = None,
    new_password: str | None = None,
    kdf: KdfParams = DEFAULT_KDF,
    now: datetime | None = None,
) -> Database:
    """Restore into a new or empty folder; verify with the key; never overwrite.

    The backup is opened with its password, or with its recovery code, in which
    case `new_password` becomes the restored workspace's password. Either way the
    restored copy has no "remembered" slot: it asks for its password first.
    """
    if (recovery_code is None) == (password is None):
        raise ValueError("give either the password or the recovery code")
    if recovery_code is not None and not new_password:
        raise ValueError("a recovery code needs the new password")
    if target.exists() or (target.folder.is_dir() and any(target.folder.iterdir())):
        raise TalkdeskError(ErrorCode.WORKSPACE_NOT_EMPTY)
    manifest = _read_manifest(backup)
    try:
        with zipfile.ZipFile(backup) as zf:
            kf = _portable(keyfile.parse(zf.read(KEYS_NAME)))
            if kf.workspace_id != manifest.get("workspace_id"):
                raise TalkdeskError(ErrorCode.BACKUP_INVALID)
            if recovery_code is not None and new_password:
                key = keyfile.unwrap_recovery(kf, recovery_code)
                kf = keyfile.with_password(kf, key, new_password, kdf)
            else:
                key = keyfile.unwrap_password(kf, password or "")
            make_private_folder(target.folder)
            created = [target.database, *target.sidecars(), target.keys, target.keys_backup]
            try:
                with zf.open(DB_NAME) as src, target.database.open("xb") as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
                    dst.flush()
                    os.fsync(dst.fileno())
                _verify_db(target.database, key)
                keyfile.save(target.keys, kf)
                return open_with_key(target, key, now)
            except BaseException:
                for path in created:
                    path.unlink(missing_ok=True)
                raise
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TalkdeskError(ErrorCode.BACKUP_INVALID) from exc
    except OSError as exc:
        raise os_error(exc) from exc


def _portable(kf: KeyFile) -> KeyFile:
    """The key slots a copy may carry: password and recovery code, never "remembered"."""
    return keyfile.without(kf, keyfile.REMEMBERED)


def _verify_db(path: Path, key: bytes) -> dict[str, int]:
    try:
        engine = open_engine(path, key)
    except TalkdeskError as exc:
        raise TalkdeskError(ErrorCode.BACKUP_INVALID) from exc
    try:
        with engine.connect() as conn:
            report = health.check_connection(conn)
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    except DatabaseError as exc:
        raise TalkdeskError(ErrorCode.BACKUP_INVALID) from exc
    finally:
        engine.dispose()
    if not report.sound:
        raise TalkdeskError(ErrorCode.BACKUP_INVALID)
    return report.counts


def _read_manifest(path: Path) -> dict[str, object]:
    try:
        with zipfile.ZipFile(path) as zf:
            names = {info.filename: info for info in zf.infolist()}
            if not {MANIFEST, KEYS_NAME, DB_NAME} <= names.keys():
                raise TalkdeskError(ErrorCode.BACKUP_INVALID)
            if any(info.file_size > _MAX_MEMBER for info in names.values()):
                raise TalkdeskError(ErrorCode.BACKUP_INVALID)
            manifest = json.loads(zf.read(MANIFEST))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise TalkdeskError(ErrorCode.BACKUP_INVALID) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise TalkdeskError(ErrorCode.BACKUP_INVALID)
    return manifest
