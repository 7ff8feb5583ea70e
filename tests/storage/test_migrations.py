"""Migrations: first revision to head on a keyed database, matching the table definitions."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage import migrate, workspace
from talkdesk.storage.engine import check_pragmas, open_engine
from talkdesk.storage.keyfile import new_data_key
from talkdesk.storage.paths import WorkspacePaths
from talkdesk.storage.tables import metadata
from tests.conftest import PASSWORD
from tests.storage.conftest import Filled
from tests.storage.files import snapshot

_FIRST = importlib.import_module("talkdesk.storage.migrations.versions.0001_initial_schema")
FTS = _FIRST.FTS_TABLES


def _is_fts(name: str | None) -> bool:
    """The FTS5 virtual tables and their shadow tables (`talk_fts_data`, `..._idx`, ...)."""
    return name is not None and any(name == t or name.startswith(t + "_") for t in FTS)


@pytest.fixture
def engine(tmp_path: Path) -> Any:
    eng = open_engine(tmp_path / "empty.db", new_data_key())
    yield eng
    eng.dispose()


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def _differences(engine: Engine) -> list[Any]:
    def include_name(name: str | None, type_: str, _parents: object) -> bool:
        return not (type_ == "table" and _is_fts(name))

    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"include_name": include_name, "compare_type": True}
        )
        return list(compare_metadata(ctx, metadata))


def test_head_constant_is_alembics_head() -> None:
    assert migrate.alembic_head() == migrate.HEAD
    assert migrate.HEAD in migrate.known_revisions()


def test_first_revision_to_head_on_a_keyed_database(engine: Engine) -> None:
    first = min(migrate.known_revisions())
    with engine.connect() as conn:
        assert migrate.current_revision(conn) is None
    migrate.upgrade_to(engine, first)
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == first
    migrate.upgrade_to(engine, "head")
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.HEAD
        for name in FTS:  # the search indexes exist and answer
            conn.execute(text(f"SELECT rowid FROM {name} WHERE {name} MATCH 'ab'")).all()
    assert {t.name for t in metadata.sorted_tables} <= _tables(engine)
    assert _differences(engine) == []


def test_down_to_base_and_up_again(engine: Engine) -> None:
    migrate.upgrade_to(engine, "head")
    with engine.begin() as conn:
        command.downgrade(migrate._config(conn), "base")
    assert _tables(engine) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert _differences(engine) == []


def test_a_differing_schema_is_noticed(engine: Engine) -> None:
    """The comparison is not vacuous: a missing column shows."""
    migrate.upgrade_to(engine, "head")
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE person DROP COLUMN phone"))
    assert _differences(engine) != []


def test_newer_schema_is_refused_and_left_alone(
    session: WorkspaceSession, paths: WorkspacePaths
) -> None:
    with session.context.db.transaction() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    session.lock()
    before = snapshot(paths.folder)
    with pytest.raises(TalkdeskError) as err:
        workspace.open_with_password(paths, PASSWORD)
    assert err.value.code is ErrorCode.SCHEMA_TOO_NEW
    assert snapshot(paths.folder) == before


# A throwaway revision after whatever the head is now.
_RECREATE_TALK = f'''"""throwaway: recreate talk in batch mode"""

import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{migrate.HEAD}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("talk", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("extra", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("talk", recreate="always") as batch_op:
        batch_op.drop_column("extra")
'''


def _scripts_with_a_talk_rebuild(tmp_path: Path) -> Path:
    """The shipped migrations plus one that copies `talk` and drops the old table."""
    scripts = tmp_path / "scripts"
    shutil.copytree(migrate.SCRIPT_LOCATION, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9001_recreate_talk.py").write_text(_RECREATE_TALK)
    return scripts


def test_a_batch_migration_that_recreates_talk_keeps_its_notes(
    filled: Filled, tmp_path: Path
) -> None:
    db = filled.session.context.db
    with db.reading() as conn:
        notes = conn.execute(text("SELECT talk_id, content FROM talk_note ORDER BY 1")).all()
        follow_up_talks = conn.execute(text("SELECT talk_id FROM follow_up ORDER BY id")).all()
    assert notes and all(row[0] is not None for row in follow_up_talks)
    migrate.upgrade_to(db.engine, "head", _scripts_with_a_talk_rebuild(tmp_path))
    with db.reading() as conn:
        assert migrate.current_revision(conn) == "9001"
        assert "extra" in {c["name"] for c in inspect(conn).get_columns("talk")}
        assert (
            conn.execute(text("SELECT talk_id, content FROM talk_note ORDER BY 1")).all() == notes
        )
        assert conn.execute(text("SELECT talk_id FROM follow_up ORDER BY id")).all() == (
            follow_up_talks
        )
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    for _ in range(4):  # every pooled connection runs with foreign keys on again
        with db.engine.connect() as conn:
            check_pragmas(conn)


def test_a_migration_leaving_dangling_references_is_rolled_back(
    filled: Filled, tmp_path: Path
) -> None:
    scripts = _scripts_with_a_talk_rebuild(tmp_path)
    broken = _RECREATE_TALK.replace(
        '        batch_op.add_column(sa.Column("extra", sa.Text(), nullable=True))',
        '        batch_op.add_column(sa.Column("extra", sa.Text(), nullable=True))\n'
        '    op.execute("DELETE FROM talk")',
    )
    (scripts / "versions" / "9001_recreate_talk.py").write_text(broken)
    db = filled.session.context.db
    with pytest.raises(TalkdeskError) as err:
        migrate.upgrade_to(db.engine, "head", scripts)
    assert err.value.code is ErrorCode.DATABASE_DAMAGED
    with db.reading() as conn:
        assert migrate.current_revision(conn) == migrate.HEAD
        assert conn.execute(text("SELECT count(*) FROM talk")).scalar_one() == 2
        check_pragmas(conn)


def test_an_older_workspace_is_copied_encrypted_before_migrating(
    session: WorkspaceSession, paths: WorkspacePaths
) -> None:
    key = session.context.db.data_key()
    with session.context.db.transaction() as conn:
        conn.execute(text("DROP INDEX ix_talk_person_talker_held"))
        conn.execute(text("DROP INDEX ix_follow_up_feedback_owed_due"))
        conn.execute(text("DROP INDEX ix_follow_up_handler_due"))
        conn.execute(text("DROP INDEX ix_follow_up_source_due"))
        conn.execute(text("DROP INDEX ix_talk_kind_held"))
        conn.execute(text("DROP INDEX ix_follow_up_created"))
        conn.execute(text("DROP INDEX ix_follow_up_closed"))
        conn.execute(text("DROP TABLE reminder_event"))
        conn.execute(text("DROP TABLE import_batch"))
        conn.execute(text("DROP INDEX ix_person_import_batch"))
        conn.execute(text("DROP INDEX ix_department_import_batch"))
        conn.execute(text("ALTER TABLE department DROP COLUMN import_batch"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    session.lock()
    db = workspace.open_with_password(paths, PASSWORD)
    with db.reading() as conn:
        assert migrate.current_revision(conn) == migrate.HEAD
    db.close()
    copy = paths.folder / "backups" / f"before-0001-to-{migrate.HEAD}.db"
    assert copy.is_file()
    assert b"SQLite format 3" not in copy.read_bytes()[:16]  # encrypted, not a plain file
    old = open_engine(copy, key)
    with old.connect() as conn:
        assert migrate.current_revision(conn) == "0001"
        assert conn.execute(text("SELECT count(*) FROM template")).scalar_one() > 0
    old.dispose()
