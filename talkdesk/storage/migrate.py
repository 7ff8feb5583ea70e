"""Bring a workspace's schema to the head revision shipped with this version."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.storage.revision import HEAD

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

SCRIPT_LOCATION = Path(__file__).with_name("migrations")


def current_revision(conn: Connection) -> str | None:
    try:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError:
        return None


def upgrade(engine: Engine, backup_dir: Path | None = None, key: bytes | None = None) -> None:
    """Apply any pending migrations; refuse a database made by a newer talkdesk.

    An existing workspace (one with a revision) is first copied, encrypted, into
    `backup_dir` as `before-<old>-to-<head>.db` when a folder and key are given.
    """
    with engine.connect() as conn:
        revision = current_revision(conn)
    if revision == HEAD:
        return
    if revision is not None and revision not in known_revisions():
        raise TalkdeskError(ErrorCode.SCHEMA_TOO_NEW, revision=revision)
    if revision is not None and backup_dir is not None and key is not None:
        copy_before(engine, key, backup_dir, revision)
    upgrade_to(engine, "head")


def copy_before(engine: Engine, key: bytes, backup_dir: Path, revision: str) -> Path:
    """An encrypted copy (sqlcipher_export) of the database as it was before migrating."""
    from talkdesk.storage.export import export_copy

    try:
        backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise TalkdeskError(ErrorCode.FILE_NOT_WRITABLE) from exc
    stem = f"before-{revision}-to-{HEAD}"
    dest = backup_dir / f"{stem}.db"
    n = 1
    while dest.exists():  # an earlier attempt's copy is kept, never overwritten
        n += 1
        dest = backup_dir / f"{stem}-{n}.db"
    export_copy(engine, key, dest)
    log.info("copy made before migrating from %s to %s", revision, HEAD)
    return dest


def upgrade_to(engine: Engine, target: str, script_location: Path = SCRIPT_LOCATION) -> None:
    """Migrate in one transaction with foreign keys off, checked before the commit.

    Alembic's batch mode copies a table and drops the old one; with foreign keys
    on, that DROP would cascade deletes into every table referring to it. SQLite
    ignores `PRAGMA foreign_keys` inside a transaction, so it is set before BEGIN
    and set back after; `foreign_key_check` then proves the copy left no dangling rows.
    """
    from alembic import command  # costly import, needed only when the schema changes

    with engine.connect() as conn:
        try:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            conn.commit()
            conn.exec_driver_sql("BEGIN")
            try:
                command.upgrade(_config(conn, script_location), target)
                dangling = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                if dangling:
                    log.error("migration left %d dangling references", len(dangling))
                    raise TalkdeskError(ErrorCode.DATABASE_DAMAGED, reason="migration")
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
            conn.exec_driver_sql("PRAGMA foreign_keys = ON")
            conn.commit()
            if conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() != 1:
                raise RuntimeError("foreign keys stayed off after migrating")
        except BaseException:
            conn.invalidate()  # never hand a connection with foreign keys off back to the pool
            raise


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(SCRIPT_LOCATION))
    return {rev.revision for rev in script.walk_revisions()}


def alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(SCRIPT_LOCATION)).get_current_head()


def _config(conn: Connection, script_location: Path = SCRIPT_LOCATION) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    cfg.attributes["connection"] = conn
    return cfg
