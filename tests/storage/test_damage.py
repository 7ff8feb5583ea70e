"""A damaged database or key file: a clear error, nothing overwritten, no new database."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from talkdesk.app.config import FAST_KDF
from talkdesk.domain.clock import FixedClock
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import Role
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage import health, workspace
from talkdesk.storage.keys import KEYFILE_BACKUP_USED
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths
from tests.conftest import PASSWORD
from tests.storage.conftest import Filled
from tests.storage.files import contents, snapshot

PAGE = 4096


@pytest.fixture
def closed(filled: Filled, paths: WorkspacePaths) -> WorkspacePaths:
    """A workspace with data, closed as after quitting."""
    filled.session.lock()
    assert not paths.sidecars()[0].exists()
    return paths


def _garble(offset: int, length: int = 64) -> Callable[[Path], None]:
    def mutate(path: Path) -> None:
        data = bytearray(path.read_bytes())
        data[offset : offset + length] = bytes(b ^ 0x5A for b in data[offset : offset + length])
        path.write_bytes(bytes(data))

    return mutate


def _open_fails(paths: WorkspacePaths, clock: FixedClock) -> TalkdeskError:
    before = snapshot(paths.folder)
    session = WorkspaceSession(paths, clock, RememberedKeyStore(), FAST_KDF)
    with pytest.raises(TalkdeskError) as err:
        session.unlock_with_password(PASSWORD)
    assert not session.is_unlocked
    assert snapshot(paths.folder) == before  # nothing written, nothing created
    return err.value


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(_garble(0, 16), id="salt"),
        pytest.param(_garble(100), id="first-page"),
        pytest.param(lambda p: os.truncate(p, p.stat().st_size // 2), id="truncated-half"),
        pytest.param(lambda p: os.truncate(p, 3 * PAGE + 123), id="truncated-odd"),
        pytest.param(lambda p: os.truncate(p, 100), id="truncated-header"),
        pytest.param(lambda p: p.write_bytes(os.urandom(p.stat().st_size)), id="random"),
        pytest.param(lambda p: p.write_bytes(b"SQLite format 3\x00" + bytes(PAGE)), id="plain"),
    ],
)
def test_unreadable_database(
    closed: WorkspacePaths, clock: FixedClock, damage: Callable[[Path], None]
) -> None:
    damage(closed.database)
    err = _open_fails(closed, clock)
    assert err.code is ErrorCode.DATABASE_DAMAGED
    assert err.details["reason"] == "unreadable"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: os.truncate(p, 0), id="zero-length"),
        pytest.param(lambda p: p.unlink(), id="missing"),
    ],
)
def test_empty_or_missing_database_is_not_recreated(
    closed: WorkspacePaths, clock: FixedClock, damage: Callable[[Path], None]
) -> None:
    damage(closed.database)
    err = _open_fails(closed, clock)
    assert err.code is ErrorCode.DATABASE_DAMAGED
    assert err.details["reason"] == "missing"
    assert not closed.database.exists() or closed.database.stat().st_size == 0


def test_garbled_middle_page_is_reported_unsound(closed: WorkspacePaths) -> None:
    pages = closed.database.stat().st_size // PAGE
    _garble(PAGE * (pages // 2) + 200)(closed.database)
    damaged = contents(snapshot(closed.folder))
    try:
        db = workspace.open_with_password(closed, PASSWORD)
    except TalkdeskError as exc:  # the page was one that opening reads: also fine
        assert exc.code is ErrorCode.DATABASE_DAMAGED
    else:
        report = health.check(db)
        db.close()
        assert not report.sound
        assert report.cipher_errors > 0
    assert contents(snapshot(closed.folder)) == damaged  # the damaged file is kept as it is


def test_garbled_last_page_is_reported_unsound(closed: WorkspacePaths) -> None:
    _garble(closed.database.stat().st_size - 300)(closed.database)
    db = workspace.open_with_password(closed, PASSWORD)
    report = health.check(db)
    db.close()
    assert not report.sound and report.cipher_errors > 0


def test_key_file_damaged_uses_its_backup(closed: WorkspacePaths, clock: FixedClock) -> None:
    sound = closed.keys_backup.read_bytes()
    closed.keys.write_bytes(b'{"format": 1, "workspace_id": "trunc')
    session = WorkspaceSession(closed, clock, RememberedKeyStore(), FAST_KDF)
    session.unlock_with_password(PASSWORD)
    assert session.notices == [KEYFILE_BACKUP_USED]
    assert session.info().unit == "示例局"
    session.lock()
    kept = sorted(closed.folder.glob("keys.json.damaged-*"))
    assert [p.name for p in kept] == ["keys.json.damaged-20261124093000"]  # the session's clock
    assert len(kept) == 1 and kept[0].read_bytes() == b'{"format": 1, "workspace_id": "trunc'
    assert closed.keys.read_bytes() == sound == closed.keys_backup.read_bytes()
    session.unlock_with_password(PASSWORD)  # repaired: no notice the next time
    assert session.notices == []
    session.lock()


def test_a_failed_key_file_repair_closes_the_database(
    closed: WorkspacePaths, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed.keys.write_bytes(b"garbled")
    closed_engines: list[object] = []
    real_close = workspace.Database.close

    def close(db: workspace.Database) -> None:
        closed_engines.append(db)
        real_close(db)

    def no_room(*_: object) -> None:
        raise TalkdeskError(ErrorCode.DISK_FULL)

    monkeypatch.setattr(workspace.Database, "close", close)
    monkeypatch.setattr(workspace.keyfile, "save", no_room)
    with pytest.raises(TalkdeskError) as err:
        workspace.open_with_password(closed, PASSWORD)
    assert err.value.code is ErrorCode.DISK_FULL
    assert len(closed_engines) == 1 and not closed_engines[0].is_open  # type: ignore[attr-defined]


def test_key_file_missing_uses_its_backup(closed: WorkspacePaths, clock: FixedClock) -> None:
    closed.keys.unlink()
    session = WorkspaceSession(closed, clock, RememberedKeyStore(), FAST_KDF)
    session.unlock_with_password(PASSWORD)
    assert session.notices == [KEYFILE_BACKUP_USED]
    session.lock()
    assert closed.keys.read_bytes() == closed.keys_backup.read_bytes()


@pytest.mark.parametrize(
    "garbage",
    [b"", b"\x00" * 300, b"not json", b'{"format": 1}', b'{"format": 2}', "中".encode()],
)
def test_both_key_files_damaged(closed: WorkspacePaths, clock: FixedClock, garbage: bytes) -> None:
    closed.keys.write_bytes(garbage)
    closed.keys_backup.write_bytes(garbage[::-1])
    assert _open_fails(closed, clock).code is ErrorCode.KEYFILE_DAMAGED


def test_both_key_files_missing(closed: WorkspacePaths, clock: FixedClock) -> None:
    closed.keys.unlink()
    closed.keys_backup.unlink()
    err = _open_fails(closed, clock)
    assert err.code is ErrorCode.KEYFILE_DAMAGED
    assert closed.database.exists()


def test_key_file_of_another_workspace_is_refused(
    closed: WorkspacePaths, clock: FixedClock, tmp_path: Path
) -> None:
    other = WorkspacePaths(tmp_path / "other")
    session = WorkspaceSession(other, clock, RememberedKeyStore(), FAST_KDF)
    session.create(PASSWORD, "李四", "另一个局", Role.SECRETARY)
    session.lock()
    for name in ("keys.json", "keys.json.bak"):
        shutil.copy(other.folder / name, closed.folder / name)
    err = _open_fails(closed, clock)
    assert err.code in (ErrorCode.DATABASE_DAMAGED, ErrorCode.NOT_A_DATABASE)


def test_slots_do_not_move_to_another_workspace_id(
    closed: WorkspacePaths, clock: FixedClock
) -> None:
    """A slot moved to another workspace id fails its tag: the id is bound into every slot."""
    data = json.loads(closed.keys.read_text())
    data["workspace_id"] = "00000000-0000-4000-8000-000000000000"
    for p in (closed.keys, closed.keys_backup):
        p.write_text(json.dumps(data))
    assert _open_fails(closed, clock).code is ErrorCode.WRONG_PASSWORD
