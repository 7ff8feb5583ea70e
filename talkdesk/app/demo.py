"""A demo workspace in a folder: created, filled with a fictional organ, left unlocked."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path

from talkdesk.domain.clock import Clock
from talkdesk.domain.values import Role
from talkdesk.services.bundle import Services
from talkdesk.services.demo import generate
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage.kdf import KdfParams
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths

DEMO_UNIT = "示例市某某局"


def make_demo_session(
    folder: Path,
    clock: Clock,
    keystore: RememberedKeyStore,
    kdf: KdfParams,
    people: int = 60,
    years: int = 2,
    seed: int = 1,
    password: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[WorkspaceSession, str]:
    """Create the workspace in `folder` (new or empty) and fill it; returns it unlocked.

    Without a password a random one is used: `talkdesk --demo` never asks for
    one, and its throwaway workspace is opened with the key in memory.
    Returns the session and the recovery code. If filling fails or is
    interrupted, the files it created are removed again: no half-filled workspace.
    """
    session = WorkspaceSession(WorkspacePaths(folder), clock, keystore, kdf)
    code = session.create(
        password or secrets.token_urlsafe(24), "", DEMO_UNIT, Role.LEADER, remember=False
    )
    try:
        summary = generate(session.context, people, years, seed, progress)
        # The workspace belongs to the organ's chief, one of the demo leaders.
        session.set_owner(summary.owner_name)
        # A demo was never closed: what is due now is in the reminder list, not in a
        # "while talkdesk was closed" digest at its first start.
        Services(session).reminders.catch_up(clock.now())
    except BaseException:
        session.discard_created()
        raise
    return session, code
