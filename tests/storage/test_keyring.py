"""Remember on this computer: each way the credential store fails says why; the password works."""

from __future__ import annotations

import keyring.errors
import pytest

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage import keyfile
from talkdesk.storage.keystore import SERVICE
from tests.conftest import PASSWORD
from tests.helpers.memory_keyring import MemoryKeyring
from tests.storage.files import snapshot


@pytest.fixture
def remembered(session: WorkspaceSession, memory_keyring: MemoryKeyring) -> WorkspaceSession:
    session.set_remembered(True)
    assert session.is_remembered()
    session.lock()
    session.unlock_remembered()  # it works when the store does
    assert session.is_unlocked
    session.lock()
    return session


def _reason(session: WorkspaceSession) -> str:
    before = snapshot(session.paths.folder)
    with pytest.raises(TalkdeskError) as err:
        session.unlock_remembered()
    assert err.value.code is ErrorCode.KEYRING_UNAVAILABLE
    assert not session.is_unlocked
    assert snapshot(session.paths.folder) == before
    return str(err.value.details.get("reason"))


def _password_still_works(session: WorkspaceSession) -> None:
    session.unlock_with_password(PASSWORD)
    assert session.info().owner_name == "王主任"
    session.lock()


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        (keyring.errors.NoKeyringError(), "no_backend"),
        (keyring.errors.KeyringLocked(), "locked"),
        (RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown"), "failed"),
        (OSError("access denied"), "failed"),
    ],
)
def test_store_failure_says_why(
    remembered: WorkspaceSession,
    memory_keyring: MemoryKeyring,
    failure: Exception,
    reason: str,
) -> None:
    memory_keyring.fail_with = failure
    assert _reason(remembered) == reason
    _password_still_works(remembered)


def test_entry_deleted(remembered: WorkspaceSession, memory_keyring: MemoryKeyring) -> None:
    memory_keyring.store.clear()
    assert _reason(remembered) == "missing"
    _password_still_works(remembered)


def test_entry_garbled_or_replaced(
    remembered: WorkspaceSession, memory_keyring: MemoryKeyring
) -> None:
    (entry,) = memory_keyring.store
    assert entry[0] == SERVICE
    memory_keyring.store[entry] = "not hex at all"
    assert _reason(remembered) == "garbled"
    memory_keyring.store[entry] = "00" * 32  # a secret, but not the one that wraps the key
    assert _reason(remembered) == "mismatch"
    _password_still_works(remembered)


def test_not_remembered(session: WorkspaceSession) -> None:
    session.lock()
    assert not session.is_remembered()
    assert _reason(session) == "not_remembered"
    _password_still_works(session)


def test_remembering_fails_cleanly_without_a_store(
    session: WorkspaceSession, memory_keyring: MemoryKeyring
) -> None:
    keys_before = session.paths.keys.read_bytes()
    memory_keyring.fail_with = keyring.errors.NoKeyringError()
    with pytest.raises(TalkdeskError) as err:
        session.set_remembered(True)
    assert err.value.code is ErrorCode.KEYRING_UNAVAILABLE
    assert err.value.details["reason"] == "no_backend"
    assert session.paths.keys.read_bytes() == keys_before  # no slot without its secret
    assert not session.is_remembered()


def test_forgetting_removes_slot_and_secret(
    remembered: WorkspaceSession, memory_keyring: MemoryKeyring
) -> None:
    remembered.unlock_with_password(PASSWORD)
    remembered.set_remembered(False)
    assert memory_keyring.store == {}
    kf, _ = keyfile.load(remembered.paths.keys)
    assert not kf.has(keyfile.REMEMBERED)
    remembered.lock()
    assert _reason(remembered) == "not_remembered"


def test_forgetting_works_even_when_the_store_fails(
    remembered: WorkspaceSession, memory_keyring: MemoryKeyring
) -> None:
    remembered.unlock_with_password(PASSWORD)
    memory_keyring.fail_with = keyring.errors.KeyringLocked()
    remembered.set_remembered(False)
    assert not remembered.is_remembered()
    remembered.lock()
