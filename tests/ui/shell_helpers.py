"""Helpers for driving the whole GUI (the shell) as a user: start, set up, unlock, quit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from talkdesk.app.openers import WorkspaceOpener
from talkdesk.app.wiring import GuiShell
from talkdesk.domain import recovery
from talkdesk.domain.clock import FixedClock
from talkdesk.ui.dialogs.setup_dialog import SetupDialog
from talkdesk.ui.dialogs.unlock_dialog import UnlockDialog
from talkdesk.ui.preferences import PreferencesFile
from tests.ui.page_helpers import commit_text

PASSWORD = "Blue river 2026!"


def start_shell(qtbot: QtBot, folder: Path, clock: FixedClock) -> GuiShell:
    """The GUI as `talkdesk` starts it, on `folder`; shut down by the caller (or at teardown)."""
    opener = WorkspaceOpener(folder, clock)
    shell = GuiShell(
        folder, PreferencesFile(folder / "settings.json"), clock, opener, glance=opener.glance
    )
    qtbot.addWidget(shell.window)
    shell.start()
    return shell


def set_up(qtbot: QtBot, shell: GuiShell, remember: bool = False) -> SetupDialog:
    """First run: fill the setup dialog, read the recovery code, type two groups back."""
    qtbot.waitUntil(lambda: shell.setup_dialog is not None and shell.setup_dialog.isVisible())
    dialog = shell.setup_dialog
    assert isinstance(dialog, SetupDialog)
    commit_text(dialog.name_edit, "王主任")
    commit_text(dialog.unit_edit, "示例局")
    qtbot.keyClicks(dialog.password_fields.first, PASSWORD)
    qtbot.keyClicks(dialog.password_fields.second, PASSWORD)
    dialog.remember_check.setChecked(remember)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.group_labels[0].isVisible())
    shown = [label.text() for label in dialog.group_labels]
    dialog.shown_code = "-".join(shown)  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.code_next, Qt.MouseButton.LeftButton)
    for number, edit in zip(dialog.asked_groups, dialog.group_edits, strict=True):
        qtbot.keyClicks(edit, shown[number - 1].lower())  # case does not matter
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert recovery.is_well_formed(dialog.shown_code)  # type: ignore[attr-defined]
    return dialog


def wait_open(qtbot: QtBot, shell: GuiShell) -> None:
    qtbot.waitUntil(lambda: not shell.window.is_locked and shell.services is not None)
    qtbot.waitUntil(lambda: shell.runner.pending == 0)


def unlock_dialog(qtbot: QtBot, shell: GuiShell) -> UnlockDialog:
    qtbot.waitUntil(lambda: shell.unlock_dialog is not None and shell.unlock_dialog.isVisible())
    dialog = shell.unlock_dialog
    assert isinstance(dialog, UnlockDialog)
    return dialog


def type_password(qtbot: QtBot, dialog: UnlockDialog, password: str) -> None:
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def make_workspace(folder: Path, clock: FixedClock, remember: bool = False) -> str:
    """A workspace made without the GUI (closed again); returns its recovery code."""
    from talkdesk.app.config import FAST_KDF
    from talkdesk.domain.values import Role
    from talkdesk.services.session import WorkspaceSession
    from talkdesk.storage.keystore import RememberedKeyStore
    from talkdesk.storage.paths import WorkspacePaths

    session = WorkspaceSession(WorkspacePaths(folder), clock, RememberedKeyStore(), FAST_KDF)
    code = session.create(PASSWORD, "王主任", "示例局", Role.LEADER, remember=remember)
    session.lock()
    return code


def open_shell(qtbot: QtBot, folder: Path, clock: FixedClock) -> GuiShell:
    """A new workspace in `folder`, the GUI started on it and unlocked with the password."""
    make_workspace(folder, clock)
    shell = start_shell(qtbot, folder, clock)
    type_password(qtbot, unlock_dialog(qtbot, shell), PASSWORD)
    wait_open(qtbot, shell)
    return shell
