"""Bring a workspace's schema to the head revision shipped with this version."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError

from talkdesk.domain.errors import ErrorCode, TalkdeskError

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in migrations/versions; tests/storage/test_migrations.py keeps
# it equal to Alembic's head, so opening an up-to-date workspace never imports Alembic.
HEAD = "0002"
SCRIPT_LOCATION = Path(__file__).with_name("migrations")


def current_revision(conn: Connection) -> str | None:
    try:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError:
        return None


def upgrade(engine: Engine) -> None:
    """Apply any pending migrations; refuse a database made by a newer talkdesk."""
    with engine.connect() as conn:
        revision = current_revision(conn)
    if revision == HEAD:
        return
    if revision is not None and revision not in known_revisions():
        raise TalkdeskError(ErrorCode.SCHEMA_TOO_NEW, revision=revision)
    upgrade_to(engine, "head")


def upgrade_to(engine: Engine, target: str) -> None:
    from alembic import command  # costly import, needed only when the schema changes

    with engine.begin() as conn:
        command.upgrade(_config(conn), target)


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(SCRIPT_LOCATION))
    return {rev.revision for rev in script.walk_revisions()}


def alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(SCRIPT_LOCATION)).get_current_head()


def _config(conn: Connection) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    cfg.attributes["connection"] = conn
    return cfg
