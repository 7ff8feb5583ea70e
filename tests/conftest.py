"""Shared fixtures: offscreen Qt, an in-memory keyring, cheap key derivation, temp folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything loads Qt
# English unless a test asks for Chinese, whatever the machine's locale (a bare C locale
# would otherwise choose Chinese: Chinese first).
os.environ["TALKDESK_LANG"] = "en"

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import keyring
import pytest

from talkdesk.app.config import FAST_KDF
from talkdesk.domain.clock import FixedClock
from talkdesk.domain.values import Role
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths
from tests.helpers.memory_keyring import MemoryKeyring

PASSWORD = "correct horse 42"


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """No test ever touches the machine's real credential store."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its cheapest for workspaces the program creates in-process (the GUI, the CLI).

    The program itself has no switch for this; subprocess tests pay the real cost.
    """
    monkeypatch.setattr("talkdesk.app.config.kdf_params", lambda: FAST_KDF)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """User folders redirected to temporary ones, so no test reads or writes the real ones."""
    monkeypatch.setenv("TALKDESK_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 24, 9, 30))


@pytest.fixture
def paths(tmp_path: Path) -> WorkspacePaths:
    return WorkspacePaths(tmp_path / "ws")


@pytest.fixture
def session(paths: WorkspacePaths, clock: FixedClock) -> Iterator[WorkspaceSession]:
    """A freshly created, unlocked workspace."""
    s = WorkspaceSession(paths, clock, RememberedKeyStore(), FAST_KDF)
    s.recovery_code = s.create(PASSWORD, "王主任", "示例局", Role.LEADER)  # type: ignore[attr-defined]
    yield s
    s.lock()
