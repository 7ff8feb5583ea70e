"""Held connections: one per thread, current after every commit, all closed by a lock."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import Connection, event, insert, select, text

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage.database import HELD_READERS, Database
from talkdesk.storage.tables import workspace_info


class Pool:
    """The connections the engine's pool has handed out (and not had back) since watched,
    and every driver connection it handed out."""

    def __init__(self, db: Database) -> None:
        self._out: set[int] = set()
        self.dbapi: list[Any] = []
        engine = db.engine
        event.listen(engine, "checkout", self._checkout)
        event.listen(engine, "checkin", self._checkin)

    @property
    def out(self) -> int:
        return len(self._out)

    def _checkout(self, dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        self._out.add(id(record))
        self.dbapi.append(dbapi_conn)

    def _checkin(self, _dbapi_conn: Any, record: Any) -> None:
        self._out.discard(id(record))


class Holder:
    """A thread that reads once (so it holds a connection), then waits to be let go."""

    def __init__(self, db: Database, inside: bool = False) -> None:
        self.read = threading.Event()
        self.go = threading.Event()
        self.conn: Connection | None = None
        self.error: BaseException | None = None
        self._db = db
        self._inside = inside  # wait inside the `reading()` block rather than after it
        self.thread = threading.Thread(target=self._run)

    def _run(self) -> None:
        try:
            with self._db.reading() as conn:
                self.conn = conn
                conn.execute(text("SELECT count(*) FROM workspace_info")).scalar_one()
                if self._inside:
                    self.read.set()
                    self.go.wait(10)
            self.read.set()
            self.go.wait(10)
        except BaseException as exc:  # reported to the test
            self.error = exc
            self.read.set()

    def __enter__(self) -> Holder:
        self.thread.start()
        assert self.read.wait(10)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.go.set()
        self.thread.join(10)
        assert not self.thread.is_alive()


def _closed(dbapi_conn: Any) -> bool:
    try:
        dbapi_conn.execute("SELECT 1")
    except sqlcipher3.ProgrammingError:
        return True
    return False


def _count(conn: Connection) -> int:
    return int(conn.execute(select(text("count(*)")).select_from(workspace_info)).scalar_one())


def _add_row(db: Database, key: str) -> None:
    with db.transaction() as conn:
        conn.execute(insert(workspace_info).values(key=key, value="x"))


def _read_once(db: Database) -> None:
    with db.reading() as conn:
        _count(conn)


@pytest.fixture
def db(session: WorkspaceSession) -> Iterator[Database]:
    """The session's database; this thread holds its connection (making the workspace did)."""
    database = session.context.db
    assert database.held_readers() == 1
    yield database


def test_a_thread_keeps_its_connection_and_it_sees_every_commit(db: Database) -> None:
    with db.reading() as first:
        before = _count(first)
    with db.transaction() as writing:
        assert writing is first  # the thread's writes too: its page cache stays warm
        writing.execute(insert(workspace_info).values(key="written", value="x"))
    with db.reading() as again:
        assert again is first  # the same connection, not a pool checkout
        assert _count(again) == before + 1
    with Holder(db) as other:  # another thread's commit, seen by this thread's connection
        assert other.conn is not None and other.conn is not first
        with other.conn.begin():  # (the holder waits: its connection is free to write with)
            other.conn.execute(insert(workspace_info).values(key="theirs", value="x"))
        with db.reading() as mine:
            assert _count(mine) == before + 2
    assert db.held_readers() == 1  # the holder ended: its connection is let go when asked


def test_a_connection_held_by_another_thread_sees_a_commit(db: Database) -> None:
    counts: list[int] = []

    def read() -> None:
        with db.reading() as conn:
            counts.append(_count(conn))

    with Holder(db) as holder:
        _add_row(db, "written_while_another_thread_holds_a_connection")
        worker = threading.Thread(target=read)  # a third thread: through the pool
        worker.start()
        worker.join(10)
        assert holder.conn is not None
        assert _count(holder.conn) == counts[0]  # the held connection is current too
    assert holder.error is None


def test_a_nested_block_gets_its_own_connection(db: Database) -> None:
    with db.reading() as outer, db.reading() as inner:
        assert inner is not outer
        assert _count(inner) == _count(outer)
    with db.reading() as outer, db.transaction() as writing:
        assert writing is not outer
    with db.reading() as later:
        assert later is outer  # the held one is free again


def test_lock_closes_every_connection_of_every_thread(
    session: WorkspaceSession, db: Database
) -> None:
    pool = Pool(db)
    with db.reading() as mine:
        mine_dbapi = mine.connection.dbapi_connection
    with Holder(db) as idle, Holder(db, inside=True) as busy:
        assert db.held_readers() == HELD_READERS == 2  # this thread and the idle one
        assert pool.out == 2  # the idle one's, and the busy block's own from the pool
        session.lock()
        assert pool.out == 1  # only the block still running keeps one, until it ends
        assert idle.conn is not None and idle.conn.closed
        assert mine.closed and _closed(mine_dbapi)
        busy.go.set()
        busy.thread.join(10)
    assert pool.out == 0
    assert busy.conn is not None and busy.conn.closed
    assert len(pool.dbapi) == 2 and all(_closed(c) for c in pool.dbapi)
    assert idle.error is None and busy.error is None
    assert db.held_readers() == 0
    with pytest.raises(TalkdeskError) as err, db.reading():
        pass
    assert err.value.code is ErrorCode.LOCKED


def test_a_held_connection_in_use_when_the_workspace_locks_is_closed_after(
    session: WorkspaceSession, db: Database
) -> None:
    pool = Pool(db)
    with Holder(db, inside=True) as busy:
        assert db.held_readers() == 2  # this thread's, and the busy thread's own
        session.lock()
        assert pool.out == 1 and busy.conn is not None and not busy.conn.closed
    assert busy.conn.closed and pool.out == 0
    assert len(pool.dbapi) == 1 and all(_closed(c) for c in pool.dbapi)


def test_connections_of_ended_threads_are_let_go(db: Database) -> None:
    pool = Pool(db)
    held: list[int] = []

    def read_and_count() -> None:
        _read_once(db)
        held.append(db.held_readers())

    for _ in range(3):
        thread = threading.Thread(target=read_and_count)
        thread.start()
        thread.join(10)
    assert held == [HELD_READERS] * 3  # each thread held one while it lived
    assert db.held_readers() == 1  # this thread's: the ended threads' were let go
    assert pool.out == 0 and len(pool.dbapi) == 3


def test_threads_beyond_the_cap_read_through_the_pool(db: Database) -> None:
    pool = Pool(db)
    with Holder(db):
        assert db.held_readers() == HELD_READERS
        thread = threading.Thread(target=_read_once, args=(db,))
        thread.start()
        thread.join(10)
        assert pool.out == 1  # the holder's: the third thread's went back after its block
        assert len(pool.dbapi) == 2
        assert db.held_readers() == HELD_READERS


def test_an_error_inside_a_block_leaves_the_connection_usable(db: Database) -> None:
    with pytest.raises(RuntimeError), db.reading() as conn:
        _count(conn)
        raise RuntimeError("the caller's own error")
    with pytest.raises(RuntimeError), db.transaction() as writing:
        writing.execute(insert(workspace_info).values(key="undone", value="x"))
        raise RuntimeError("the caller's own error")
    with db.reading() as again:
        assert again is conn
        assert not again.execute(
            select(workspace_info.c.key).where(workspace_info.c.key == "undone")
        ).all()


def test_options_set_in_a_block_do_not_follow_the_connection(db: Database) -> None:
    """`execution_options` changes a connection in place (an export streams its rows): such a
    connection is given up after its block rather than handed on with the options."""
    with db.reading() as conn:
        conn.execution_options(yield_per=10)
        assert _count(conn) >= 0
    with db.reading() as again:
        assert again is not conn and "yield_per" not in again.get_execution_options()
    with db.reading() as third:
        assert third is again  # the new one is held as usual
    assert db.held_readers() == 1


def test_a_disposed_pool_takes_the_held_connections_with_it(db: Database) -> None:
    with db.reading() as before:
        before_dbapi = before.connection.dbapi_connection
    db.engine.dispose()
    assert before.closed and _closed(before_dbapi)
    with db.reading() as after:
        assert after is not before and _count(after) >= 0
