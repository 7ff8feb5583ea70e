"""Unlocking: a wrong password changes nothing, the recovery code resets it, passwords re-wrap."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from talkdesk.app.config import FAST_KDF
from talkdesk.domain.clock import FixedClock
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import Role
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.talks import TalksService
from talkdesk.storage import keyfile
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths
from tests.conftest import PASSWORD
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
