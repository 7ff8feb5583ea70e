"""An open, unlocked workspace: the engine, the data key while unlocked, and transactions."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import OperationalError

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.storage.keyfile import KeyFile
from talkdesk.storage.paths import WorkspacePaths

_SQLITE_FULL = 13

HELD_READERS = 2
"""Most threads that keep a connection from block to block (in the program: the database
worker and one more). Held connections stay checked out of the engine's pool (two
connections, two more on overflow), so half of it is always left for the other threads,
which check a connection out per block, and for blocks nested in another."""


@dataclass
class _Reader:
    """A thread's held connection; `busy` while a `reading()` or `transaction()` uses it.

    `dropped`: no longer held (the workspace was locked, the pool disposed, its thread
    ended, or there was no place for it): closed by whoever finds it idle, or by its own
    block as that ends; `stale` (locked, or disposed): the driver's connection is closed
    then, not given back to a pool that is gone. `options`: the execution options it was
    made with; a block that changes them (they are set in place, e.g. `yield_per` for a
    long export) gives the connection up.
    """

    conn: Connection
    thread: threading.Thread
    busy: bool = False
    dropped: bool = False
    stale: bool = False
    options: Mapping[str, Any] = field(default_factory=dict)


class Database:
    """Handed to services; `close()` disposes every connection and wipes the key copy.

    Each thread that reads keeps one connection (up to `HELD_READERS` threads), for its
    reads and its transactions alike: a pool checkout costs ~40 us, more than many list
    queries, and SQLite empties a connection's page cache whenever another connection
    has changed the database, so a thread that writes through the connection it reads
    with keeps its cache warm (SQLCipher decrypts every page read into it again).

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
        self._lock = threading.Lock()  # guards `_engine`, `_held` and the readers' flags
        self._local = threading.local()  # `reader`: this thread's _Reader, once it has one
        self._held: list[_Reader] = []
        event.listen(engine, "engine_disposed", self._disposed)

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
            with self._connection() as conn, conn.begin():
                yield conn
            if changes_records:
                self.generation += 1
        except OperationalError as exc:
            if getattr(exc.orig, "sqlite_errorcode", None) == _SQLITE_FULL:
                raise TalkdeskError(ErrorCode.DISK_FULL) from exc
            raise

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for reads, with no transaction held open between statements.

        It is this thread's held connection (see the class), or one from the pool for a
        nested block or a thread beyond `HELD_READERS`. A held connection never reads
        stale data: SQLite reads here run outside any transaction (the driver begins
        one only before a write), so each statement sees every commit made before it,
        as long as the block consumes its results (all callers do: `.all()`,
        `.scalar_one()`, `list(...)`). Each block ends with a rollback of whatever
        SQLAlchemy began, so nothing stays open between blocks. Writes go through
        `transaction()`. `close()` closes every held connection.
        """
        with self._connection() as conn:
            yield conn

    def held_readers(self) -> int:
        """How many living threads hold a connection now (for tests and diagnostics)."""
        with self._lock:
            self._drop_ended_threads()
            return len(self._held)

    def close(self) -> None:
        """Close every connection and overwrite the key bytes we hold.

        Every thread's held connection is closed at once; one in use by a block of
        another thread is closed as that block ends, as is any connection a block still
        has from the pool. Python may still keep copies made by the driver; this is best
        effort, but the engine is gone, so nothing can read the database any more.
        """
        with self._lock:
            engine, self._engine = self._engine, None
        self._drop_all()
        if engine is not None:
            event.remove(engine, "engine_disposed", self._disposed)
            engine.dispose()
        for i in range(len(self._key)):
            self._key[i] = 0

    # -- held connections ---------------------------------------------------------------

    @contextlib.contextmanager
    def _connection(self) -> Iterator[Connection]:
        engine = self.engine
        reader = self._take_reader(engine)
        if reader is None:
            with engine.connect() as conn:
                try:
                    yield conn
                finally:
                    if self._engine is not engine:  # locked meanwhile: see `_Reader.stale`
                        conn.invalidate()
            return
        try:
            yield reader.conn
        finally:
            self._put_back(reader)

    def _take_reader(self, engine: Engine) -> _Reader | None:
        """This thread's connection, made on first use; None while it is busy (a nested
        block) or when this thread may not hold one."""
        reader: _Reader | None = getattr(self._local, "reader", None)
        with self._lock:
            if reader is not None and not reader.dropped:
                if reader.busy:
                    return None
                reader.busy = True
                return reader
            self._drop_ended_threads()
            if len(self._held) >= HELD_READERS:
                return None
        conn = engine.connect()
        options = conn.get_execution_options()
        reader = _Reader(conn, threading.current_thread(), True, options=options)
        with self._lock:
            if self._engine is engine and len(self._held) < HELD_READERS:
                self._held.append(reader)
                self._local.reader = reader
            else:  # locked meanwhile, or another thread took the last place: this block only
                reader.dropped = True
                reader.stale = self._engine is not engine
        return reader

    def _put_back(self, reader: _Reader) -> None:
        """End a block: roll back what SQLAlchemy began; close the connection if it was
        dropped meanwhile, or if it is in doubt (the rollback failed, its options changed)."""
        failed = True
        try:
            reader.conn.rollback()
            failed = reader.conn.get_execution_options() != reader.options
        finally:
            with self._lock:
                reader.busy = False
                if failed and not reader.dropped:
                    reader.dropped = True
                    self._held.remove(reader)
                close = reader.dropped
            if close:
                _close(reader)

    def _drop_ended_threads(self) -> None:
        """Give back the connections of threads that ended (called with the lock held)."""
        for reader in [r for r in self._held if not r.thread.is_alive()]:
            self._held.remove(reader)
            reader.dropped = True
            if not reader.busy:  # a generator's block may still run on another thread
                _close(reader)

    def _drop_all(self) -> None:
        """Drop every held connection as stale: idle ones closed now, busy ones by their
        blocks as they end."""
        with self._lock:
            held, self._held = self._held, []
            for reader in held:
                reader.dropped = reader.stale = True
            idle = [r for r in held if not r.busy]
        for reader in idle:
            _close(reader)

    def _disposed(self, _engine: Engine) -> None:
        """The pool was disposed (its connections closed): the held ones go with it, and
        every thread gets a fresh connection from the new pool."""
        self._drop_all()


def _close(reader: _Reader) -> None:
    """Give a dropped connection back to its pool, or close the driver's connection if
    that pool is gone (`stale`), where it would stay open until collected."""
    if reader.stale:
        reader.conn.invalidate()
    reader.conn.close()
