"""Start-up with the remembered key: the first page's figures show before the services load."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from talkdesk.app.config import FAST_KDF
from talkdesk.app.openers import WorkspaceOpener
from talkdesk.app.wiring import GuiShell, Prepared, Progress
from talkdesk.domain.clock import FixedClock
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.people import PersonInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths
from talkdesk.ui.navigation import PageId
from talkdesk.ui.pages.today_figures import GlancePage
from talkdesk.ui.pages.today_page import TodayPage
from talkdesk.ui.preferences import PreferencesFile
from tests.ui.shell_helpers import PASSWORD, make_workspace, type_password, unlock_dialog


def _workspace_with_items(folder: Path, clock: FixedClock) -> None:
    """Remembered on this computer, with two open items, one of them overdue."""
    make_workspace(folder, clock, remember=True)
    session = WorkspaceSession(WorkspacePaths(folder), clock, RememberedKeyStore(), FAST_KDF)
    session.unlock_with_password(PASSWORD)
    services = Services(session)
    dep, _ = services.people.add_department("办公室")
    person, _ = services.people.add_person(PersonInput("李四", dep.id))
    services.follow_ups.create(FollowUpInput("宿舍漏水", person.id, due_on=date(2026, 11, 20)))
    services.follow_ups.create(FollowUpInput("子女入学", person.id, due_on=date(2026, 12, 20)))
    session.lock()


def _gated_shell(qtbot: QtBot, folder: Path, clock: FixedClock) -> tuple[GuiShell, threading.Event]:
    """The GUI as `talkdesk` starts it, its opening held until the test lets it go."""
    opener = WorkspaceOpener(folder, clock)
    gate = threading.Event()

    def open_when_let(progress: Progress) -> Prepared:
        assert gate.wait(10)
        return opener(progress)

    shell = GuiShell(
        folder,
        PreferencesFile(folder / "settings.json"),
        clock,
        open_when_let,
        glance=opener.glance,
    )
    qtbot.addWidget(shell.window)
    shell.start()
    return shell, gate


def _numbers(page: object) -> list[str]:
    return [card.number_label.text() for card in page.figures.cards()]  # type: ignore[attr-defined]


def test_the_figures_show_first_and_the_today_page_keeps_them(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "ws"
    _workspace_with_items(folder, clock)
    shell, gate = _gated_shell(qtbot, folder, clock)
    shown: list[bool] = []
    shell.first_data_shown.connect(lambda: shown.append(True))

    qtbot.waitUntil(lambda: isinstance(shell.window.page(PageId.TODAY), GlancePage))
    glance = shell.window.page(PageId.TODAY)
    assert not shell.window.is_locked and shell.services is None
    assert glance.figures.greeting_label.text() == "Good morning, 王主任"  # type: ignore[attr-defined]
    assert _numbers(glance) == ["0", "2", "1", "0"]
    assert shell.window.windowTitle() == "talkdesk — 示例局"
    assert shown == [True]

    gate.set()
    qtbot.waitUntil(lambda: isinstance(shell.window.page(PageId.TODAY), TodayPage))
    today = shell.window.page(PageId.TODAY)
    assert _numbers(today) == ["0", "2", "1", "0"]  # no dash between the two
    qtbot.waitUntil(lambda: shell.runner.pending == 0)
    assert _numbers(today) == ["0", "2", "1", "0"]  # and read again through the services
    assert shown == [True]  # the first data are shown once
    qtbot.mouseClick(today.overdue_card, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert shell.window.navigation.current_page() is PageId.FOLLOW_UPS
    shell.shutdown()


def test_locking_during_the_glance_hides_it_and_asks_the_password(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "ws"
    _workspace_with_items(folder, clock)
    shell, gate = _gated_shell(qtbot, folder, clock)
    qtbot.waitUntil(lambda: isinstance(shell.window.page(PageId.TODAY), GlancePage))

    shell.window.lock_action.trigger()
    assert shell.window.is_locked
    glance = shell.window.page(PageId.TODAY)
    assert "王主任" not in glance.figures.greeting_label.text()  # type: ignore[attr-defined]
    assert _numbers(glance) == ["–"] * 4

    gate.set()  # the opening finishes behind the lock screen: the database is closed again
    dialog = unlock_dialog(qtbot, shell)
    assert shell.window.is_locked
    assert shell.session is not None and not shell.session.is_unlocked
    type_password(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: not shell.window.is_locked and shell.services is not None)
    today = shell.window.page(PageId.TODAY)
    qtbot.waitUntil(lambda: _numbers(today) == ["0", "2", "1", "0"])
    shell.shutdown()


def test_without_the_remembered_key_nothing_shows_before_the_password(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "ws"
    make_workspace(folder, clock)
    shell, gate = _gated_shell(qtbot, folder, clock)
    gate.set()
    unlock_dialog(qtbot, shell)
    assert shell.window.is_locked
    assert not isinstance(shell.window.page(PageId.TODAY), GlancePage)
    shell.shutdown()
