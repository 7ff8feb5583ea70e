"""An open, unlocked workspace: the engine, the data key while unlocked, and transactions."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.storage.keyfile import KeyFile
from talkdesk.storage.paths import WorkspacePaths

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
            self._engine.dispose()
            self._engine = None
        for i in range(len(self._key)):
            self._key[i] = 0
