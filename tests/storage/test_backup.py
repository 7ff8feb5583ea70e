"""Backups: a verified, encrypted copy that restores to the same content, and never overwrites."""

from __future__ import annotations

import errno
import json
import os
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, select

from talkdesk.app.config import FAST_KDF
from talkdesk.domain.clock import FixedClock
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import Role
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage import export, health, keyfile, search_index, workspace
from talkdesk.storage.backup import make_backup, restore_backup
from talkdesk.storage.database import Database
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths
from talkdesk.storage.search_index import Index
from talkdesk.storage.tables import metadata
from tests.conftest import PASSWORD
from tests.storage.conftest import MARKERS, Filled
from tests.storage.files import snapshot

NOW = datetime(2026, 11, 24, 10, 0)
QUERIES = ["家庭", "绝密", "困", "qxjcontentmark", "qxjprivatemark", "子女入学", "满意", "谈话"]


def _content(conn: Connection) -> dict[str, Any]:
    """Every row of every table, and what the search indexes answer."""
    found: dict[str, Any] = {}
    for table in metadata.sorted_tables:
        order = list(table.primary_key.columns)
        found[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(*order))]
    for index in Index:
        for q in QUERIES:
            found[f"{index.value}:{q}"] = search_index.find(conn, index, q, 100)
    return found


@pytest.fixture
def made(filled: Filled, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    db = filled.session.context.db
    out = tmp_path / "out" / "backup.zip"
    out.parent.mkdir()
    counts = make_backup(db, out, NOW)
    assert counts["people"] == 7 and counts["talks"] == 2 and counts["follow_ups"] == 1
    with db.reading() as conn:
        expected = _content(conn)
    assert expected[f"{Index.TALK.value}:家庭"]  # the comparison covers real hits
    assert expected[f"{Index.TALK_PRIVATE.value}:qxjprivatemark"]
    filled.session.lock()
    return out, expected


def test_backup_restores_to_identical_content(
    made: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    out, expected = made
    target = WorkspacePaths(tmp_path / "restored")
    db = restore_backup(out, target, PASSWORD)
    with db.reading() as conn:
        assert _content(conn) == expected
    db.close()


def test_restored_workspace_opens_with_the_recovery_code(
    made: tuple[Path, dict[str, Any]], filled: Filled, tmp_path: Path, clock: FixedClock
) -> None:
    out, expected = made
    target = WorkspacePaths(tmp_path / "restored")
    restore_backup(out, target, PASSWORD).close()
    code: str = filled.session.recovery_code  # type: ignore[attr-defined]
    db = workspace.open_with_recovery(target, code, "另一个 新密码 2027", FAST_KDF)
    with db.reading() as conn:
        assert _content(conn)["talk_note"] == expected["talk_note"]
    db.close()


def filled_kdf(filled: Filled) -> Any:
    return filled.session._kdf


def test_restore_refuses_a_workspace_or_non_empty_folder(
    made: tuple[Path, dict[str, Any]], paths: WorkspacePaths, tmp_path: Path
) -> None:
    out, _ = made
    before = snapshot(paths.folder)
    with pytest.raises(TalkdeskError) as err:
        restore_backup(out, paths, PASSWORD)
    assert err.value.code is ErrorCode.WORKSPACE_NOT_EMPTY
    assert snapshot(paths.folder) == before

    cluttered = tmp_path / "cluttered"
    cluttered.mkdir()
    (cluttered / "notes.txt").write_text("mine")
    with pytest.raises(TalkdeskError) as err:
        restore_backup(out, WorkspacePaths(cluttered), PASSWORD)
    assert err.value.code is ErrorCode.WORKSPACE_NOT_EMPTY
    assert [p.name for p in cluttered.iterdir()] == ["notes.txt"]

    empty = tmp_path / "empty"
    empty.mkdir()
    restore_backup(out, WorkspacePaths(empty), PASSWORD).close()


def test_restore_with_a_wrong_password_creates_nothing(
    made: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    out, _ = made
    with pytest.raises(TalkdeskError) as err:
        restore_backup(out, WorkspacePaths(tmp_path / "t"), "wrong password!")
    assert err.value.code is ErrorCode.WRONG_PASSWORD
    assert not (tmp_path / "t").exists()


def _rezip(src: Path, dest: Path, change: dict[str, bytes | None]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for name in zin.namelist():
            data = change.get(name, zin.read(name))
            if data is not None:
                zout.writestr(name, data)
    return dest


def _garbled(data: bytes, offset: int) -> bytes:
    return data[:offset] + bytes(b ^ 0xFF for b in data[offset : offset + 64]) + data[offset + 64 :]


def test_corrupt_or_foreign_backups_are_invalid(
    made: tuple[Path, dict[str, Any]], tmp_path: Path, clock: FixedClock
) -> None:
    out, _ = made
    with zipfile.ZipFile(out) as zf:
        db_bytes = zf.read("talkdesk.db")
    other_paths = WorkspacePaths(tmp_path / "other")
    other = WorkspaceSession(other_paths, clock, RememberedKeyStore(), FAST_KDF)
    other.create(PASSWORD, "李四", "另一个局", Role.SECRETARY)
    other_out = tmp_path / "other.zip"
    make_backup(other.context.db, other_out, NOW)
    other.lock()
    with zipfile.ZipFile(other_out) as zf:
        other_keys = zf.read("keys.json")
        other_db = zf.read("talkdesk.db")

    cases = {
        "random": (tmp_path / "random.zip", os.urandom(5000)),
        "empty": (tmp_path / "empty.zip", b""),
        "bare-db": (tmp_path / "bare.zip", db_bytes),
    }
    for path, data in cases.values():
        path.write_bytes(data)
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(out.read_bytes()[: out.stat().st_size // 2])
    bad = [
        truncated,
        *(p for p, _ in cases.values()),
        _rezip(out, tmp_path / "no-keys.zip", {"keys.json": None}),
        _rezip(out, tmp_path / "no-manifest.zip", {"manifest.json": None}),
        _rezip(out, tmp_path / "bad-manifest.zip", {"manifest.json": b"[1, 2]"}),
        _rezip(out, tmp_path / "first-page.zip", {"talkdesk.db": _garbled(db_bytes, 200)}),
        _rezip(out, tmp_path / "mid-page.zip", {"talkdesk.db": _garbled(db_bytes, 4096 * 5 + 9)}),
        _rezip(out, tmp_path / "last-page.zip", {"talkdesk.db": _garbled(db_bytes, -300)}),
        _rezip(out, tmp_path / "other-db.zip", {"talkdesk.db": other_db}),
        _rezip(out, tmp_path / "other-keys.zip", {"keys.json": other_keys}),
        _rezip(other_out, tmp_path / "other-keys-db.zip", {"keys.json": other_keys[:-40]}),
    ]
    for i, path in enumerate(bad):
        target = tmp_path / f"target{i}"
        with pytest.raises(TalkdeskError) as err:
            restore_backup(path, WorkspacePaths(target), PASSWORD)
        assert err.value.code is ErrorCode.BACKUP_INVALID, path.name
        assert not target.exists() or list(target.iterdir()) == [], path.name


def _enospc(*_: object, **__: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_disk_full_during_backup_leaves_old_backup_and_workspace(
    filled: Filled, paths: WorkspacePaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db: Database = filled.session.context.db
    out = tmp_path / "out" / "backup.zip"
    out.parent.mkdir()
    out.write_bytes(b"yesterday's backup")
    keys_before = [paths.keys.read_bytes(), paths.keys_backup.read_bytes()]
    with db.reading() as conn:
        content_before = _content(conn)
    for target in ("os.replace", "os.fsync"):
        with monkeypatch.context() as m:
            m.setattr(target, _enospc)
            with pytest.raises(TalkdeskError) as err:
                make_backup(db, out, NOW)
        assert err.value.code is ErrorCode.DISK_FULL, target
        assert out.read_bytes() == b"yesterday's backup"
        assert [p.name for p in out.parent.iterdir()] == ["backup.zip"]  # no leftovers
    with db.reading() as conn:
        assert _content(conn) == content_before
    assert [paths.keys.read_bytes(), paths.keys_backup.read_bytes()] == keys_before
    make_backup(db, out, NOW)  # with room again, it works
    assert zipfile.is_zipfile(out)


class _FullHandle:
    """A file handle on a full disk: every write fails with ENOSPC."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def __enter__(self) -> _FullHandle:
        return self

    def __exit__(self, *_: object) -> None:
        self._handle.close()

    def write(self, _data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


def _failing_write(real_fdopen: Any, from_call: int) -> Any:
    """os.fdopen whose handles, from the `from_call`-th on, meet a full disk."""
    calls = []

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        calls.append(fd)
        handle = real_fdopen(fd, *args, **kwargs)
        return _FullHandle(handle) if len(calls) >= from_call else handle

    return fdopen


@pytest.mark.parametrize("failure", ["first-write", "second-write", "replace"])
def test_disk_full_during_key_file_write(
    filled: Filled,
    paths: WorkspacePaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    failure: str,
) -> None:
    session = filled.session
    before = snapshot(paths.folder)
    keys = {p: p.read_bytes() for p in (paths.keys, paths.keys_backup)}
    with monkeypatch.context() as m:
        if failure.endswith("write"):
            from_call = 1 if failure == "first-write" else 2  # keys.json, then keys.json.bak
            m.setattr(os, "fdopen", _failing_write(os.fdopen, from_call))
        else:
            m.setattr(os, "replace", _enospc)
        with pytest.raises(TalkdeskError) as err:
            session.change_password(PASSWORD, "新的密码 Spring-2027")
    assert err.value.code is ErrorCode.DISK_FULL
    assert {p: p.read_bytes() for p in keys} == keys
    assert sorted(p.name for p in paths.folder.iterdir() if "keys" in p.name) == [
        "keys.json",
        "keys.json.bak",
    ]
    assert {k: v for k, v in before.items() if "keys" in k} == {
        k: v for k, v in snapshot(paths.folder).items() if "keys" in k
    }
    session.lock()
    session.unlock_with_password(PASSWORD)  # the old password is still the password
    assert MARKERS["talk_content"] in filled.talks.get_talk(filled.talk_id).data.content
    session.lock()


def test_a_backup_never_carries_the_remembered_key(
    filled: Filled, tmp_path: Path, clock: FixedClock
) -> None:
    session = filled.session
    session.set_remembered(True)
    out = tmp_path / "remembered.zip"
    make_backup(session.context.db, out, NOW)
    session.lock()
    with zipfile.ZipFile(out) as zf:
        assert keyfile.REMEMBERED not in keyfile.parse(zf.read("keys.json")).slots
    target = WorkspacePaths(tmp_path / "copy")
    restore_backup(out, target, PASSWORD).close()
    assert not workspace.is_remembered(target)
    copy = WorkspaceSession(target, clock, RememberedKeyStore(), FAST_KDF)
    with pytest.raises(TalkdeskError) as err:
        copy.unlock_remembered()  # the original's secret is still in the store: not enough
    assert err.value.details == {"reason": "not_remembered"}


def test_restoring_an_older_backup_drops_its_remembered_slot(
    made: tuple[Path, dict[str, Any]], filled: Filled, tmp_path: Path
) -> None:
    """A backup made before slots were stripped: the restore strips it."""
    out, _ = made
    session = filled.session
    session.unlock_with_password(PASSWORD)
    session.set_remembered(True)
    keys = session.paths.keys.read_bytes()
    session.lock()
    old_style = _rezip(out, tmp_path / "old-style.zip", {"keys.json": keys})
    target = WorkspacePaths(tmp_path / "copy")
    restore_backup(old_style, target, PASSWORD).close()
    assert not workspace.is_remembered(target)
    assert keyfile.REMEMBERED not in json.loads(target.keys.read_bytes())["slots"]


def test_restore_with_the_recovery_code_sets_a_new_password(
    made: tuple[Path, dict[str, Any]], filled: Filled, tmp_path: Path
) -> None:
    out, expected = made
    code: str = filled.session.recovery_code  # type: ignore[attr-defined]
    wrong = code[:-1] + ("1" if code.endswith("0") else "0")
    with pytest.raises(TalkdeskError) as err:
        restore_backup(out, WorkspacePaths(tmp_path / "t"), recovery_code=wrong, new_password="x")
    assert err.value.code is ErrorCode.WRONG_RECOVERY_CODE
    assert not (tmp_path / "t").exists()
    target = WorkspacePaths(tmp_path / "restored")
    new_password = "恢复后的 新密码 2027"
    db = restore_backup(
        out, target, recovery_code=code.lower(), new_password=new_password, kdf=FAST_KDF
    )
    with db.reading() as conn:
        assert _content(conn) == expected
    db.close()
    with pytest.raises(TalkdeskError) as err:
        workspace.open_with_password(target, PASSWORD)
    assert err.value.code is ErrorCode.WRONG_PASSWORD
    workspace.open_with_password(target, new_password).close()
    workspace.open_with_recovery(target, code, "yet another one 1", FAST_KDF).close()


def _export_with_a_full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The exported file may hold only a few pages: SQLite's real SQLITE_FULL mid-export."""
    real = export._export

    class Cursor:
        def __init__(self, cur: Any) -> None:
            self._cur = cur

        def execute(self, sql: str, *args: Any) -> Any:
            if "sqlcipher_export" in sql:
                self._cur.execute("PRAGMA export.max_page_count = 3")
            return self._cur.execute(sql, *args)

        def close(self) -> None:
            self._cur.close()

    class Raw:
        def __init__(self, raw: Any) -> None:
            self._raw = raw

        def cursor(self) -> Cursor:
            return Cursor(self._raw.cursor())

    monkeypatch.setattr(export, "_export", lambda raw, *a: real(Raw(raw), *a))


def test_database_full_during_export_is_disk_full(
    filled: Filled, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = filled.session.context.db
    out = tmp_path / "out" / "backup.zip"
    out.parent.mkdir()
    with monkeypatch.context() as m:
        _export_with_a_full_disk(m)
        with pytest.raises(TalkdeskError) as err:
            make_backup(db, out, NOW)
    assert err.value.code is ErrorCode.DISK_FULL
    assert list(out.parent.iterdir()) == []
    assert health.check(db).sound  # and the workspace goes on
    make_backup(db, out, NOW)


def test_a_staged_zip_that_reads_back_wrong_is_not_renamed_into_place(
    filled: Filled, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = filled.session.context.db
    out = tmp_path / "out" / "backup.zip"
    out.parent.mkdir()
    monkeypatch.setattr(zipfile.ZipFile, "testzip", lambda self: "talkdesk.db")
    with pytest.raises(TalkdeskError) as err:
        make_backup(db, out, NOW)
    assert err.value.code is ErrorCode.BACKUP_INVALID
    assert list(out.parent.iterdir()) == []
