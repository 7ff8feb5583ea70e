"""An encrypted copy of a live database with `sqlcipher_export`, never a file copy.

Used for backups and for the copy kept before a schema migration. The raw
driver is needed for ATTACH; its errors are turned into the user's error codes
here, and a failing DETACH never hides the error that made the export fail.
"""

from __future__ import annotations

import contextlib
import errno
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.storage.atomic import os_error

SQLITE_FULL = 13
_FULL_TEXT = "database or disk is full"  # sqlite3_errstr(SQLITE_FULL)


def export_copy(engine: Engine, key: bytes, dest: Path, *, scratch: bool = False) -> None:
    """Write the whole database, encrypted with `key`, into the new file `dest`.

    `scratch` skips the per-statement syncs (a file that is flushed later as a
    whole, e.g. inside a backup zip). On failure the partial file is removed
    and DISK_FULL or FILE_NOT_WRITABLE is raised.
    """
    try:
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            _export(raw, key, dest, scratch)
    except (sqlcipher3.Error, DBAPIError) as exc:
        _remove_partial(dest)
        raise database_error(exc) from exc
    except OSError as exc:
        _remove_partial(dest)
        raise os_error(exc) from exc
    except BaseException:
        _remove_partial(dest)
        raise


def database_error(exc: BaseException) -> TalkdeskError:
    """DISK_FULL for a full disk (SQLITE_FULL), FILE_NOT_WRITABLE for anything else."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF == SQLITE_FULL:
        return TalkdeskError(ErrorCode.DISK_FULL)
    # sqlcipher_export() passes the failure on as a function error (code 1), with
    # SQLite's fixed text for SQLITE_FULL as its message.
    if _FULL_TEXT in str(orig):
        return TalkdeskError(ErrorCode.DISK_FULL)
    return TalkdeskError(ErrorCode.FILE_NOT_WRITABLE, errno=errno.EIO)


def _export(raw: Any, key: bytes, dest: Path, scratch: bool) -> None:
    cur = raw.cursor()
    try:
        cur.execute(f"ATTACH DATABASE ? AS export KEY \"x'{key.hex()}'\"", (str(dest),))
        try:
            if scratch:
                cur.execute("PRAGMA export.synchronous = OFF")
                cur.execute("PRAGMA export.journal_mode = OFF")
            cur.execute("SELECT sqlcipher_export('export')")
        finally:
            # A failed DETACH must not replace the error that matters.
            with contextlib.suppress(sqlcipher3.Error):
                cur.execute("DETACH DATABASE export")
    finally:
        cur.close()


def _remove_partial(dest: Path) -> None:
    with contextlib.suppress(OSError):
        dest.unlink(missing_ok=True)
    for suffix in ("-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            dest.with_name(dest.name + suffix).unlink(missing_ok=True)
