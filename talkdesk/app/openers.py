"""How the shell opens its workspace: the user's (first glance, then the remembered key or
the password) or a throwaway demo; and the shell built around the window already shown."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from talkdesk.app import config
from talkdesk.app.wiring import GuiShell, Opener, Prepared, Progress, Start
from talkdesk.domain.clock import Clock, SystemClock
from talkdesk.ui.main_window import MainWindow
from talkdesk.ui.preferences import PreferencesFile

if TYPE_CHECKING:
    from talkdesk.services.glance import Glance

log = logging.getLogger(__name__)


def build_shell(
    folder: Path, preferences: PreferencesFile, window: MainWindow, demo: bool
) -> GuiShell:
    """The shell for `talkdesk` (or `talkdesk --demo`) around the window already on screen."""
    clock = SystemClock()
    if demo:
        import secrets

        password = secrets.token_urlsafe(9)
        opener = demo_opener(folder, clock, password)
        return GuiShell(folder, preferences, clock, opener, password, window=window)
    workspace = WorkspaceOpener(folder, clock)
    return GuiShell(folder, preferences, clock, workspace, glance=workspace.glance, window=window)


class WorkspaceOpener:
    """Runs on the database thread: a first glance with the remembered key, then the opening.

    The glance imports no SQLAlchemy, so the window shows the first page's figures about
    0.3 s before the services could; the opening then uses the key the glance unwrapped
    (the credential store is asked once).
    """

    def __init__(self, folder: Path, clock: Clock) -> None:
        self._folder = folder
        self._clock = clock
        self._key: bytes | None = None

    def glance(self) -> Glance | None:
        from talkdesk.domain.clock import today
        from talkdesk.services.glance import first_glance
        from talkdesk.storage.keystore import RememberedKeyStore
        from talkdesk.storage.paths import WorkspacePaths

        found = first_glance(WorkspacePaths(self._folder), RememberedKeyStore(), today(self._clock))
        self._key = None if found is None else found.key
        return found

    def __call__(self, _progress: Progress) -> Prepared:
        from talkdesk.domain.errors import TalkdeskError
        from talkdesk.services.session import WorkspaceSession
        from talkdesk.storage.keystore import RememberedKeyStore
        from talkdesk.storage.paths import WorkspacePaths
        from talkdesk.ui.messages import error_text

        session = WorkspaceSession(
            WorkspacePaths(self._folder), self._clock, RememberedKeyStore(), config.kdf_params()
        )
        key, self._key = self._key, None
        if not session.exists():
            return Prepared(session, Start.NEW)
        if key is None and not session.is_remembered():
            return Prepared(session, Start.LOCKED)
        try:
            if key is not None:
                session.open_with_key(key)
            else:
                session.unlock_remembered()
        except TalkdeskError as exc:
            log.info("remembered key not used: %s", exc.code.value)
            return Prepared(session, Start.LOCKED, error_text(exc))
        return Prepared(session, Start.OPEN)


def demo_opener(folder: Path, clock: Clock, password: str) -> Opener:
    """Runs on the database thread: builds the demo workspace in the temporary folder."""

    def open_demo(progress: Progress) -> Prepared:
        from talkdesk.app.demo import make_demo_session
        from talkdesk.storage.keystore import RememberedKeyStore

        session, _code = make_demo_session(
            folder,
            clock,
            RememberedKeyStore(),
            config.FAST_KDF,  # a throwaway workspace with a throwaway password
            password=password,
            progress=progress,
        )
        return Prepared(session, Start.OPEN)

    return open_demo
