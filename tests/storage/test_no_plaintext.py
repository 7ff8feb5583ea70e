"""Nothing a user wrote, nor the key or the password, can be read in any file on disk."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from talkdesk.app.config import FAST_KDF
from talkdesk.app.logging_setup import LOG_NAME, close_logging, setup_logging
from talkdesk.domain.clock import FixedClock
from talkdesk.domain.recovery import normalise
from talkdesk.domain.values import Role
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage.backup import make_backup
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths
from tests.conftest import PASSWORD
from tests.storage.conftest import MARKERS, Filled, fill
from tests.storage.files import encodings, files_under, leaks


@pytest.fixture
def logged(paths: WorkspacePaths) -> Iterator[Path]:
    """The app's own log file in the workspace's logs folder, at every level."""
    root = logging.getLogger()
    old_level = root.level
    handler = setup_logging(paths.logs, logging.DEBUG)
    assert handler is not None
    yield paths.logs / LOG_NAME
    close_logging(handler)
    root.setLevel(old_level)


def _needles(data_key: bytes, recovery_code: str) -> dict[str, bytes]:
    needles: dict[str, bytes] = {}
    for name, marker in MARKERS.items():
        for i, encoded in enumerate(encodings(marker)):
            needles[f"{name}/{i}"] = encoded
        # The search index stores overlapping pairs; a Chinese pair is 6 bytes, safe to look for.
        if not marker.isascii():
            for j in range(len(marker) - 1):
                needles[f"{name}/pair{j}"] = marker[j : j + 2].encode()
    needles |= {
        "owner": "王主任".encode(),
        "unit": "示例局".encode(),
        "password": PASSWORD.encode(),
        "key/raw": data_key,
        "key/hex": data_key.hex().encode(),
        "key/HEX": data_key.hex().upper().encode(),
        "recovery": recovery_code.encode(),
        "recovery/raw": normalise(recovery_code).replace("-", "").encode(),
    }
    return needles


def test_the_search_finds_a_leak() -> None:
    """The control: a marker written in clear is found, in either encoding."""
    assert (
        leaks({"m": MARKERS["talk_content"].encode()}, Path(__file__).with_name("conftest.py"))
        != []
    )


def test_no_marker_key_or_password_on_disk(
    paths: WorkspacePaths, logged: Path, tmp_path: Path, clock: FixedClock
) -> None:
    # Built here rather than by the `session` fixture, so logging is captured from the start.
    session = WorkspaceSession(paths, clock, RememberedKeyStore(), FAST_KDF)
    code = session.create(PASSWORD, "王主任", "示例局", Role.LEADER, remember=True)
    filled: Filled = fill(session)
    db = session.context.db
    needles = _needles(db.data_key(), code)
    backup = tmp_path / "backups" / "talkdesk-backup.zip"
    backup.parent.mkdir()
    make_backup(db, backup, session.context.now())

    # While open: the WAL holds the recent pages, the -shm its index.
    assert paths.sidecars()[0].exists() and paths.sidecars()[0].stat().st_size > 0
    places = [paths.folder, backup]
    assert leaks(needles, *places) == []

    # The test is meaningful: the records are there and readable through the services.
    detail = filled.talks.get_talk(filled.talk_id)
    assert MARKERS["talk_content"] in detail.data.content
    assert MARKERS["talk_private"] in detail.data.private_notes

    session.lock()
    session.unlock_with_password(PASSWORD)
    session.lock()
    names = {p.name for p in files_under(*places)}
    assert {"talkdesk.db", "keys.json", "keys.json.bak", "talkdesk.log"} <= names
    assert logged.stat().st_size > 0  # something was logged, and none of it a secret
    assert leaks(needles, *places) == []
