"""An open, unlocked workspace: the engine, the data key while unlocked, and transactions."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.storage.keyfile import KeyFile
from talkdesk.storage.paths import WorkspacePaths

log = logging.getLogger(__name__)
_SQLITE_FULL = 13


class Database:
    """Handed to services; `close()` disposes every connection and wipes the key copy.

    Attributes:
        paths: the workspace's files.
        key_file: the key slots as last written (for re-wrapping).
        notices: what opening had to work around (e.g. the key file's backup copy was used).
        generation: counts the transactions committed through this object, so a reader can
            keep a result computed from the data until they change.
    """

    def __init__(
        self,
        paths: WorkspacePaths,
        engine: Engine,
        key: bytes,
        key_file: KeyFile,
        notices: list[str] | None = None,
    ) -> None:
        self.paths = paths
        self.key_file = key_file
        self.notices = notices or []
        self.generation = 0
        self._engine: Engine | None = engine
        self._key = bytearray(key)

    @property
    def workspace_id(self) -> str:
        return self.key_file.workspace_id

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise TalkdeskError(ErrorCode.LOCKED)
        return self._engine

    def data_key(self) -> bytes:
        if self._engine is None:
            raise TalkdeskError(ErrorCode.LOCKED)
        return bytes(self._key)

    @contextlib.contextmanager
    def transaction(self, changes_records: bool = True) -> Iterator[Connection]:
        """One unit of work: commits on success, rolls back on any error.

        A full disk (or a full database file) is DISK_FULL, and the work is rolled back.
        `changes_records=False` for a write no reader's cache depends on (a value
        derived from elsewhere, kept to save time): `generation` stays as it was.
        """
        try:
            with self.engine.begin() as conn:
                yield conn
            if changes_records:
                self.generation += 1
        except OperationalError as exc:
            if getattr(exc.orig, "sqlite_errorcode", None) == _SQLITE_FULL:
                raise TalkdeskError(ErrorCode.DISK_FULL) from exc
            raise

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read-only connection (no transaction held open between statements)."""
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        """Close every pooled connection and overwrite the key bytes we hold.

        Python may still keep copies made by the driver; this is best effort,
        but the engine is gone, so nothing can read the database any more.
        """
        if self._engine is not None:
            _optimize(self._engine)
            self._engine.dispose()
            self._engine = None
        for i in range(len(self._key)):
            self._key[i] = 0


def _optimize(engine: Engine) -> None:
    """Keep the query planner's statistics fresh, as SQLite advises before closing.

    Without statistics the planner can pick a wide index over a small partial one
    (the follow-ups owed feedback: 250 ms instead of 2). `analysis_limit` keeps this
    to milliseconds on a large workspace; a failure (a full disk) changes nothing.
    """
    try:
        with engine.connect() as conn:
            if (conn.exec_driver_sql("SELECT max(rowid) FROM follow_up").scalar() or 0) < 5000:
                return  # a small workspace: any plan is quick
            conn.exec_driver_sql("PRAGMA analysis_limit = 400")
            known = conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
            ).scalar()
            # `optimize` refreshes statistics that exist; the first ones need an ANALYZE
            conn.exec_driver_sql("PRAGMA optimize" if known else "ANALYZE")
            conn.commit()
    except Exception as exc:  # closing goes on; the statistics are only a help
        log.info("optimize before closing skipped: %s", type(exc).__name__)
