"""Unlocking: a wrong password changes nothing, the recovery code resets it, passwords re-wrap."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from keyring.errors import NoKeyringError

from talkdesk.app.config import FAST_KDF
from talkdesk.domain.clock import FixedClock
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import Role
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.talks import TalksService
from talkdesk.services.templates import TemplatesService
from talkdesk.storage import keyfile
from talkdesk.storage.kdf import KdfParams
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths
from tests.conftest import PASSWORD
from tests.helpers.memory_keyring import MemoryKeyring
from tests.storage.conftest import MARKERS, Filled
from tests.storage.files import snapshot

NEW_PASSWORD = "新的密码 Spring-2027"


def _fresh(paths: WorkspacePaths, clock: FixedClock) -> WorkspaceSession:
    """A session as a newly started program would make it."""
    return WorkspaceSession(paths, clock, RememberedKeyStore(), FAST_KDF)


def _code(call: object, *args: object) -> ErrorCode:
    with pytest.raises(TalkdeskError) as err:
        call(*args)  # type: ignore[operator]
    return err.value.code


def _data_is_there(session: WorkspaceSession, talk_id: int) -> None:
    detail = TalksService(session.context).get_talk(talk_id)
    assert MARKERS["talk_content"] in detail.data.content
    assert session.info().owner_name == "王主任"


def test_wrong_password_is_refused_and_no_file_changes(
    filled: Filled, paths: WorkspacePaths, clock: FixedClock
) -> None:
    filled.session.lock()
    before = snapshot(paths.folder)
    fresh = _fresh(paths, clock)
    for wrong in ("correct horse 43", "", PASSWORD.upper(), PASSWORD + " "):
        assert _code(fresh.unlock_with_password, wrong) is ErrorCode.WRONG_PASSWORD
        assert not fresh.is_unlocked
    assert _code(fresh.unlock_with_recovery, "0000-0000", NEW_PASSWORD) is (
        ErrorCode.WRONG_RECOVERY_CODE
    )
    assert _code(fresh.unlock_remembered) is ErrorCode.KEYRING_UNAVAILABLE
    assert snapshot(paths.folder) == before  # same bytes, same times, no new files
    fresh.unlock_with_password(PASSWORD)  # and the right one still works
    _data_is_there(fresh, filled.talk_id)
    fresh.lock()


def test_recovery_code_opens_and_sets_a_new_password(
    filled: Filled, paths: WorkspacePaths, clock: FixedClock
) -> None:
    code: str = filled.session.recovery_code  # type: ignore[attr-defined]
    filled.session.lock()
    fresh = _fresh(paths, clock)
    assert _code(fresh.unlock_with_recovery, code, "short") is ErrorCode.PASSWORD_TOO_WEAK
    typed = " " + code.lower().replace("-", " ").replace("1", "l").replace("0", "o") + " "
    fresh.unlock_with_recovery(typed, NEW_PASSWORD)
    _data_is_there(fresh, filled.talk_id)
    fresh.lock()

    again = _fresh(paths, clock)
    assert _code(again.unlock_with_password, PASSWORD) is ErrorCode.WRONG_PASSWORD
    again.unlock_with_password(NEW_PASSWORD)
    _data_is_there(again, filled.talk_id)
    again.lock()
    again.unlock_with_recovery(code, PASSWORD)  # the code keeps working
    again.lock()


def test_change_password_rewraps_the_same_key(
    filled: Filled, paths: WorkspacePaths, clock: FixedClock
) -> None:
    session = filled.session
    session.set_remembered(True)
    data_key = session.context.db.data_key()
    keys_before = paths.keys.read_bytes()

    assert _code(session.change_password, "not it at all", NEW_PASSWORD) is (
        ErrorCode.WRONG_PASSWORD
    )
    assert _code(session.change_password, PASSWORD, "abc") is ErrorCode.PASSWORD_TOO_WEAK
    assert paths.keys.read_bytes() == keys_before

    session.change_password(PASSWORD, NEW_PASSWORD)
    assert paths.keys.read_bytes() != keys_before
    assert paths.keys.read_bytes() == paths.keys_backup.read_bytes()
    kf, _ = keyfile.load(paths.keys)
    assert set(kf.slots) == {keyfile.PASSWORD, keyfile.RECOVERY, keyfile.REMEMBERED}
    assert keyfile.unwrap_password(kf, NEW_PASSWORD) == data_key  # re-wrapped, not re-keyed
    session.lock()

    fresh = _fresh(paths, clock)
    assert _code(fresh.unlock_with_password, PASSWORD) is ErrorCode.WRONG_PASSWORD
    fresh.unlock_with_password(NEW_PASSWORD)
    assert fresh.context.db.data_key() == data_key
    _data_is_there(fresh, filled.talk_id)
    fresh.lock()
    fresh.unlock_remembered()  # the other slots survive the change
    fresh.lock()


def test_key_file_holds_no_secret_and_names_its_workspace(session: WorkspaceSession) -> None:
    data = json.loads(session.paths.keys.read_text())
    assert data["workspace_id"] == session.context.db.workspace_id
    assert set(data["slots"]) == {"password", "recovery"}
    assert data["slots"]["password"]["kdf"] == "argon2id"


def test_create_refuses_an_existing_workspace(
    session: WorkspaceSession, paths: WorkspacePaths, clock: FixedClock
) -> None:
    session.lock()
    before = snapshot(paths.folder)
    fresh = _fresh(paths, clock)
    assert _code(fresh.create, PASSWORD, "x", "y", Role.LEADER) is ErrorCode.WORKSPACE_EXISTS
    assert snapshot(paths.folder) == before


def test_missing_workspace(tmp_path: Path, clock: FixedClock) -> None:
    fresh = _fresh(WorkspacePaths(tmp_path / "nowhere"), clock)
    assert _code(fresh.unlock_with_password, PASSWORD) is ErrorCode.WORKSPACE_MISSING
    assert not (tmp_path / "nowhere").exists()


def test_recovery_on_a_full_disk_stays_locked_and_keeps_the_password(
    filled: Filled, paths: WorkspacePaths, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    code: str = filled.session.recovery_code  # type: ignore[attr-defined]
    filled.session.lock()
    keys_before = paths.keys.read_bytes()

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    fresh = _fresh(paths, clock)
    with monkeypatch.context() as m:
        m.setattr(os, "replace", full)
        assert _code(fresh.unlock_with_recovery, code, NEW_PASSWORD) is ErrorCode.DISK_FULL
    assert not fresh.is_unlocked
    assert paths.keys.read_bytes() == keys_before
    assert not paths.sidecars()[0].exists()  # the database was closed again
    fresh.unlock_with_password(PASSWORD)
    fresh.lock()


STRONGER = KdfParams(iterations=2, lanes=1, memory_kib=16)


def test_a_password_slot_weaker_than_configured_is_rewrapped_on_unlock(
    filled: Filled, paths: WorkspacePaths, clock: FixedClock
) -> None:
    filled.session.lock()
    assert keyfile.password_kdf(keyfile.load(paths.keys)[0]) == FAST_KDF
    stronger = WorkspaceSession(paths, clock, RememberedKeyStore(), STRONGER)
    stronger.unlock_with_password(PASSWORD)
    data_key = stronger.context.db.data_key()
    stronger.lock()
    kf, _ = keyfile.load(paths.keys)
    assert keyfile.password_kdf(kf) == STRONGER
    assert keyfile.unwrap_password(kf, PASSWORD) == data_key
    assert keyfile.RECOVERY in kf.slots
    before = paths.keys.read_bytes()
    _fresh(paths, clock).unlock_with_password(PASSWORD)  # a cheaper setting never weakens it
    assert paths.keys.read_bytes() == before
    assert keyfile.password_kdf(keyfile.load(paths.keys)[0]) == STRONGER


def test_rewrapping_on_a_full_disk_still_unlocks(
    filled: Filled, paths: WorkspacePaths, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled.session.lock()
    before = paths.keys.read_bytes()
    stronger = WorkspaceSession(paths, clock, RememberedKeyStore(), STRONGER)

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(os, "replace", full)
        stronger.unlock_with_password(PASSWORD)
    assert stronger.is_unlocked
    _data_is_there(stronger, filled.talk_id)
    stronger.lock()
    assert paths.keys.read_bytes() == before


@pytest.mark.parametrize("failing", ["audit", "templates", "remember"])
def test_a_creation_failing_after_the_files_were_written_removes_them(
    failing: str,
    tmp_path: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    paths = WorkspacePaths(tmp_path / "new")

    def broken(*_: object, **__: object) -> None:
        raise TalkdeskError(ErrorCode.DISK_FULL)

    with monkeypatch.context() as m:
        if failing == "audit":
            m.setattr("talkdesk.services.session.audit.record", broken)
        elif failing == "templates":
            m.setattr(TemplatesService, "ensure_builtin", broken)
        else:
            memory_keyring.fail_with = NoKeyringError()
        session = _fresh(paths, clock)
        with pytest.raises(TalkdeskError):
            session.create(PASSWORD, "王主任", "示例局", Role.LEADER, remember=True)
    memory_keyring.fail_with = None
    assert not session.is_unlocked
    assert not paths.folder.exists()  # it made the folder, so the folder goes too
    code = session.create(PASSWORD, "王主任", "示例局", Role.LEADER)  # and Create works again
    assert len(code.split("-")) == 8
    session.lock()


def test_a_failed_creation_leaves_other_files_in_the_folder(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "chosen"
    folder.mkdir()
    (folder / "logs").mkdir()
    (folder / "logs" / "talkdesk.log").write_text("earlier lines")
    monkeypatch.setattr(TemplatesService, "ensure_builtin", _interrupt)
    session = _fresh(WorkspacePaths(folder), clock)
    with pytest.raises(KeyboardInterrupt):
        session.create(PASSWORD, "王主任", "示例局", Role.LEADER)
    assert [str(p.relative_to(folder)) for p in sorted(folder.rglob("*"))] == [
        "logs",
        "logs/talkdesk.log",
    ]


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.skipif(os.name != "posix", reason="folder modes are POSIX")
def test_the_workspace_folder_is_private(tmp_path: Path, clock: FixedClock) -> None:
    paths = WorkspacePaths(tmp_path / "deep" / "ws")
    old = os.umask(0o022)
    try:
        _fresh(paths, clock).create(PASSWORD, "王主任", "示例局", Role.LEADER)
    finally:
        os.umask(old)
    assert paths.folder.stat().st_mode & 0o777 == 0o700
