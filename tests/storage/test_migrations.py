"""Migrations: first revision to head on a keyed database, matching the table definitions."""

from __future__ import annotations

import importlib
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
from talkdesk.storage.engine import open_engine
from talkdesk.storage.keyfile import new_data_key
from talkdesk.storage.paths import WorkspacePaths
from talkdesk.storage.tables import metadata
from tests.conftest import PASSWORD
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
