"""Every pooled connection is keyed and runs with the settings the storage relies on."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage import engine as engine_module
from talkdesk.storage.engine import PRAGMAS, check_pragmas, open_engine
from talkdesk.storage.keyfile import new_data_key

EXPECTED = {
    "journal_mode": "wal",
    "synchronous": "2",  # FULL
    "foreign_keys": "1",
    "temp_store": "2",  # MEMORY
    "secure_delete": "1",
}


def test_the_asserted_pragmas_are_the_ones_we_want() -> None:
    assert PRAGMAS == EXPECTED


def test_every_pooled_connection_is_keyed_with_the_pragmas(session: WorkspaceSession) -> None:
    engine = session.context.db.engine
    engine.dispose()  # a fresh pool: this thread's held connection (Database.reading) goes too
    with ExitStack() as stack:
        # pool_size + max_overflow connections, all open at once: each a fresh DBAPI connection
        conns = [stack.enter_context(engine.connect()) for _ in range(4)]
        raw = {id(c.connection.dbapi_connection) for c in conns}
        assert len(raw) == 4
        for conn in conns:
            check_pragmas(conn)
            for name, value in EXPECTED.items():
                assert str(conn.execute(text(f"PRAGMA {name}")).scalar_one()).lower() == value
            assert conn.execute(text("PRAGMA cipher_version")).scalar_one()  # SQLCipher, not SQLite
            assert conn.execute(text("SELECT count(*) FROM person")).scalar_one() >= 0


def test_pragmas_hold_after_the_pool_is_renewed(session: WorkspaceSession) -> None:
    engine = session.context.db.engine
    engine.dispose()
    with engine.connect() as conn:
        check_pragmas(conn)


def test_a_drifted_pragma_is_refused(session: WorkspaceSession) -> None:
    with session.context.db.engine.connect() as conn:
        conn.execute(text("PRAGMA secure_delete = OFF"))
        with pytest.raises(RuntimeError, match="secure_delete"):
            check_pragmas(conn)
        conn.invalidate()  # never hand this connection back to the pool


def test_wrong_key_is_not_a_database(session: WorkspaceSession, tmp_path: Path) -> None:
    with pytest.raises(TalkdeskError) as err:
        open_engine(session.paths.database, new_data_key())
    assert err.value.code is ErrorCode.NOT_A_DATABASE
    with pytest.raises(ValueError):
        open_engine(tmp_path / "x.db", b"short")


def test_a_connection_that_will_not_take_a_pragma_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(engine_module._SET, "secure_delete", "OFF")
    with pytest.raises(RuntimeError, match="secure_delete"):
        open_engine(tmp_path / "new.db", new_data_key())


def test_a_database_held_by_another_program_is_busy_not_damaged(
    session: WorkspaceSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program holding the lock: FILE_NOT_WRITABLE(busy), and the workspace is fine."""
    from talkdesk.storage import workspace
    from tests.conftest import PASSWORD

    paths = session.paths
    key = session.context.db.data_key()
    session.lock()
    real_create = engine_module.create_engine

    def impatient(*args: object, **kwargs: Any) -> Any:  # SQLite waits 5 s by default
        kwargs["connect_args"] = {**kwargs.get("connect_args", {}), "timeout": 0.05}
        return real_create(*args, **kwargs)

    monkeypatch.setattr(engine_module, "create_engine", impatient)
    holder = sqlcipher3.connect(str(paths.database), isolation_level=None)
    try:
        holder.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("DELETE FROM audit_event WHERE 0")
        with pytest.raises(TalkdeskError) as err:
            workspace.open_with_password(paths, PASSWORD)
        assert err.value.code is ErrorCode.FILE_NOT_WRITABLE
        assert err.value.details == {"reason": "busy"}
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    workspace.open_with_password(paths, PASSWORD).close()


@pytest.mark.parametrize(
    ("sqlite_code", "expected", "reason"),
    [
        (26, ErrorCode.NOT_A_DATABASE, None),  # NOTADB
        (11, ErrorCode.NOT_A_DATABASE, None),  # CORRUPT
        (14, ErrorCode.FILE_NOT_WRITABLE, "denied"),  # CANTOPEN
        (8, ErrorCode.FILE_NOT_WRITABLE, "denied"),  # READONLY
        (3, ErrorCode.FILE_NOT_WRITABLE, "denied"),  # PERM
        (5, ErrorCode.FILE_NOT_WRITABLE, "busy"),  # BUSY
        (261, ErrorCode.FILE_NOT_WRITABLE, "busy"),  # BUSY_RECOVERY (extended)
    ],
)
def test_open_errors_are_told_apart_by_sqlite_code(
    sqlite_code: int, expected: ErrorCode, reason: str | None
) -> None:
    """Permissions and locks (which cannot be made as root here) are not reported as damage."""
    orig = sqlcipher3.OperationalError("any")
    orig.sqlite_errorcode = sqlite_code  # type: ignore[attr-defined]
    error = engine_module.open_error(DatabaseError("SELECT 1", None, orig))
    assert error.code is expected
    assert error.details.get("reason") == reason
