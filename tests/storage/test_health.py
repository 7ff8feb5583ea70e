"""The health check: sound with counts on a sound workspace, and it reports rather than raises."""

from __future__ import annotations

from sqlalchemy import text

from talkdesk.services.session import WorkspaceSession
from talkdesk.storage import health, migrate
from tests.storage.conftest import Filled


def test_a_new_workspace_is_sound(session: WorkspaceSession) -> None:
    report = health.check(session.context.db)
    assert report.sound
    assert report.revision == migrate.HEAD
    assert report.counts["people"] == 0 and report.counts["talks"] == 0


def test_a_filled_workspace_is_sound_with_counts(filled: Filled) -> None:
    report = health.check(filled.session.context.db)
    assert report.sound, report
    assert report.cipher_errors == 0 and report.integrity == ["ok"]
    assert report.foreign_key_errors == 0
    assert report.counts["departments"] == 1
    assert report.counts["people"] == 7
    assert report.counts["talks"] == 2
    assert report.counts["follow_ups"] == 1
    assert set(report.counts) == set(health.COUNTED)


def test_a_broken_reference_makes_it_unsound(filled: Filled) -> None:
    db = filled.session.context.db
    with db.engine.connect() as conn:
        conn.execute(text("PRAGMA foreign_keys = OFF"))
        conn.execute(text("UPDATE talk SET person_id = 99999"))
        conn.commit()
        conn.execute(text("PRAGMA foreign_keys = ON"))
    report = health.check(db)
    assert not report.sound
    assert report.foreign_key_errors == 2


def test_an_unknown_revision_makes_it_unsound(session: WorkspaceSession) -> None:
    db = session.context.db
    with db.transaction() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'zzzz'"))
    report = health.check(db)
    assert not report.sound and report.revision == "zzzz"
