"""Small demo workspaces for tests that need many real-looking records (made once per module)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from talkdesk.app.demo import make_demo_session
from talkdesk.domain.clock import FixedClock
from talkdesk.services.bundle import Services
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.talks import TalkFilter, TalkInput
from talkdesk.storage.kdf import FAST_KDF
from talkdesk.storage.keystore import RememberedKeyStore

NOW = datetime(2026, 11, 24, 9, 30)


def small_demo(folder: Path, password: str, people: int = 20) -> WorkspaceSession:
    """A demo workspace of `people` and a year of talks, open (the caller locks it)."""
    session, _code = make_demo_session(
        folder,
        FixedClock(NOW),
        RememberedKeyStore(),
        FAST_KDF,
        people=people,
        years=1,
        password=password,
    )
    return session


def add_private_talk(services: Services, held_at: datetime, private_notes: str) -> None:
    """A talk with private notes, between the newest talk's talker and person."""
    last = services.talks.list_talks(TalkFilter())[0]
    services.talks.create_talk(
        TalkInput(last.talker_id, last.person_id, held_at, private_notes=private_notes)
    )
