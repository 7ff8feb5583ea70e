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
from talkdesk.storage.paths import DB_NAME, KEYS_NAME, WorkspacePaths
from talkdesk.storage.workspace import open_with_key

MANIFEST = "manifest.json"
FORMAT = "talkdesk-backup/1"
_MAX_MEMBER = 64 * 1024**3  # a zip member larger than this is not one of ours


def make_backup(db: Database, out: Path, now: datetime) -> dict[str, int]:
    """Write a verified backup to `out` atomically; returns the counts it holds."""
    out = out.resolve()
    try:
        with tempfile.TemporaryDirectory(prefix=".talkdesk-backup-", dir=out.parent) as tmp:
            exported = Path(tmp) / DB_NAME
            _export(db, exported)
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
                zf.writestr(KEYS_NAME, db.paths.keys.read_bytes())
                zf.write(exported, DB_NAME)
            with staged.open("rb+") as handle:
                os.fsync(handle.fileno())
            _read_manifest(staged)
            os.replace(staged, out)
            fsync_dir(out.parent)
    except OSError as exc:
        raise os_error(exc) from exc
    return found


def restore_backup(backup: Path, target: WorkspacePaths, password: str) -> Database:
    """Restore into a new or empty folder; verify with the password; never overwrite."""
    if target.exists() or (target.folder.is_dir() and any(target.folder.iterdir())):
        raise TalkdeskError(ErrorCode.WORKSPACE_NOT_EMPTY)
    manifest = _read_manifest(backup)
    try:
        with zipfile.ZipFile(backup) as zf:
            kf = keyfile.parse(zf.read(KEYS_NAME))
            if kf.workspace_id != manifest.get("workspace_id"):
                raise TalkdeskError(ErrorCode.BACKUP_INVALID)
            key = keyfile.unwrap_password(kf, password)
            target.folder.mkdir(parents=True, exist_ok=True)
            created = [target.database, *target.sidecars(), target.keys, target.keys_backup]
            try:
                with zf.open(DB_NAME) as src, target.database.open("xb") as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
                    dst.flush()
                    os.fsync(dst.fileno())
                _verify_db(target.database, key)
                keyfile.save(target.keys, kf)
                return open_with_key(target, key)
            except BaseException:
                for path in created:
                    path.unlink(missing_ok=True)
                raise
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TalkdeskError(ErrorCode.BACKUP_INVALID) from exc
    except OSError as exc:
        raise os_error(exc) from exc


def _export(db: Database, dest: Path) -> None:
    hex_key = db.data_key().hex()
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        cur = raw.cursor()
        cur.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{hex_key}'\"", (str(dest),))
        try:
            # A scratch file, flushed once as part of the zip: no per-statement syncs.
            cur.execute("PRAGMA backup.synchronous = OFF")
            cur.execute("PRAGMA backup.journal_mode = OFF")
            cur.execute("SELECT sqlcipher_export('backup')")
        finally:
            cur.execute("DETACH DATABASE backup")
            cur.close()


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
