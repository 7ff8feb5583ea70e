"""Start-up's first glance: the same figures as the services, or nothing at all."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from talkdesk.app.config import FAST_KDF
from talkdesk.domain.clock import FixedClock
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpFilter
from talkdesk.services.glance import first_glance
from talkdesk.services.overview import overview
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths
from tests.helpers.demo import small_demo
from tests.helpers.memory_keyring import MemoryKeyring

TODAY = date(2026, 11, 24)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo workspace (made once), closed; each test works on its own copy."""
    folder = tmp_path_factory.mktemp("glance") / "demo"
    session = small_demo(folder, "pw 12345678", people=30)
    session.lock()
    return folder


@pytest.fixture
def remembered(
    demo_folder: Path, tmp_path: Path, clock: FixedClock, memory_keyring: MemoryKeyring
) -> Iterator[WorkspaceSession]:
    """A copy of the demo workspace, remembered on this computer, open."""
    folder = tmp_path / "ws"
    shutil.copytree(demo_folder, folder)
    session = WorkspaceSession(WorkspacePaths(folder), clock, RememberedKeyStore(), FAST_KDF)
    session.unlock_with_password("pw 12345678")
    session.set_remembered(True)
    yield session
    session.lock()


@pytest.mark.parametrize(
    "day", [TODAY, date(2026, 11, 1), date(2026, 10, 31), date(2026, 3, 15), date(2025, 12, 31)]
)
def test_the_glance_counts_what_the_services_count(remembered: WorkspaceSession, day: date) -> None:
    services = Services(remembered)
    expected = overview(services, day)
    assert expected.talks_this_month + expected.open_follow_ups > 0  # the demo has records
    found = first_glance(remembered.paths, RememberedKeyStore(), day)
    assert found is not None
    assert found.overview == expected
    assert found.unit == remembered.info().unit
    assert found.key == remembered.context.db.data_key()


def test_the_glance_sees_overdue_and_feedback_owed_items(remembered: WorkspaceSession) -> None:
    """The two warning cards are not zero by accident: items of both kinds are counted."""
    services = Services(remembered)
    owed = services.follow_ups.count_follow_ups(FollowUpFilter(feedback_owed=True))
    overdue = services.follow_ups.count_follow_ups(FollowUpFilter(open_only=True, overdue_on=TODAY))
    assert owed > 0 and overdue > 0
    found = first_glance(remembered.paths, RememberedKeyStore(), TODAY)
    assert found is not None
    assert (found.overview.feedback_owed, found.overview.overdue_follow_ups) == (owed, overdue)


def test_no_glance_without_the_remembered_key(
    remembered: WorkspaceSession, memory_keyring: MemoryKeyring
) -> None:
    remembered.set_remembered(False)
    assert first_glance(remembered.paths, RememberedKeyStore(), TODAY) is None
    remembered.set_remembered(True)
    memory_keyring.fail_with = RuntimeError("dbus went away")
    assert first_glance(remembered.paths, RememberedKeyStore(), TODAY) is None


def test_no_glance_at_a_schema_this_version_did_not_write(remembered: WorkspaceSession) -> None:
    """An older workspace is migrated by the normal opening first (with its backup copy)."""
    with remembered.context.db.transaction() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0005'")
    assert first_glance(remembered.paths, RememberedKeyStore(), TODAY) is None


def test_no_glance_when_the_key_file_needed_its_copy(remembered: WorkspaceSession) -> None:
    paths = remembered.paths
    remembered.lock()
    paths.keys.write_text("{ damaged")
    assert first_glance(paths, RememberedKeyStore(), TODAY) is None
    assert paths.keys.read_text() == "{ damaged"  # the normal opening repairs it, not the glance


def test_a_missing_or_foreign_database_gives_no_glance_and_creates_nothing(
    remembered: WorkspaceSession,
) -> None:
    paths = remembered.paths
    remembered.lock()
    for sidecar in paths.sidecars():
        sidecar.unlink(missing_ok=True)
    original = paths.database.read_bytes()
    paths.database.unlink()
    assert first_glance(paths, RememberedKeyStore(), TODAY) is None
    assert not paths.database.exists()
    plain = sqlite3.connect(paths.database)  # a plain SQLite file where the database was
    plain.execute("CREATE TABLE talk (id INTEGER)")
    plain.commit()
    plain.close()
    foreign = paths.database.read_bytes()
    assert first_glance(paths, RememberedKeyStore(), TODAY) is None
    assert paths.database.read_bytes() == foreign
    paths.database.write_bytes(original)
    assert first_glance(paths, RememberedKeyStore(), TODAY) is not None


def test_the_glance_writes_nothing(remembered: WorkspaceSession) -> None:
    paths = remembered.paths
    remembered.lock()
    before = {p.name: p.read_bytes() for p in paths.folder.iterdir() if p.is_file()}
    keys = json.loads(paths.keys.read_text())
    assert first_glance(paths, RememberedKeyStore(), TODAY) is not None
    after = {p.name: p.read_bytes() for p in paths.folder.iterdir() if p.is_file()}
    assert after == before
    assert json.loads(paths.keys.read_text()) == keys
