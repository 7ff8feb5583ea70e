"""Settings as a user changes them: password, remember on this computer, idle minutes, language."""

from __future__ import annotations

import json
from pathlib import Path

import keyring.errors
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from talkdesk.app.wiring import GuiShell
from talkdesk.domain.clock import FixedClock
from talkdesk.ui.navigation import PageId
from talkdesk.ui.pages.settings_page import SettingsPage
from tests.helpers.memory_keyring import MemoryKeyring
from tests.ui.shell_helpers import (
    PASSWORD,
    make_workspace,
    open_shell,
    set_up,
    start_shell,
    type_password,
    unlock_dialog,
    wait_open,
)


def open_settings(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> tuple[GuiShell, SettingsPage]:
    folder = tmp_path / "ws"
    shell = open_shell(qtbot, folder, clock)
    shell.window.navigation.select(PageId.SETTINGS)
    page = shell.window.page(PageId.SETTINGS)
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(lambda: page.unit_label.text() == "示例局")
    return shell, page


def test_change_password_then_unlock_with_the_new_one(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    shell, page = open_settings(qtbot, tmp_path, clock)
    qtbot.keyClicks(page.current_password, "wrong one")
    qtbot.keyClicks(page.new_password.first, "Fresh password 9")
    qtbot.keyClicks(page.new_password.second, "Fresh password 9")
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.change_button.isEnabled)
    assert page.password_message.text() == "The password is not correct. Please try again."

    page.current_password.setText(PASSWORD)
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "was changed" in page.password_message.text())
    assert page.current_password.text() == ""

    shell.window.lock_action.trigger()
    dialog = unlock_dialog(qtbot, shell)
    type_password(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(dialog.unlock_button.isEnabled)
    assert "not correct" in dialog.error_label.text()
    type_password(qtbot, dialog, "Fresh password 9")
    wait_open(qtbot, shell)
    shell.shutdown()


def test_remember_on_this_computer_opens_without_the_password(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, memory_keyring: MemoryKeyring
) -> None:
    shell, page = open_settings(qtbot, tmp_path, clock)
    assert not page.remember_check.isChecked()
    page.remember_check.setChecked(True)
    qtbot.waitUntil(page.remember_check.isEnabled)
    assert memory_keyring.store  # the secret went to the credential store
    shell.shutdown()

    again = start_shell(qtbot, tmp_path / "ws", clock)
    wait_open(qtbot, again)
    assert again.unlock_dialog is None
    again.window.navigation.select(PageId.SETTINGS)
    page = again.window.page(PageId.SETTINGS)
    qtbot.waitUntil(page.remember_check.isChecked)  # type: ignore[attr-defined]
    page.remember_check.setChecked(False)  # type: ignore[attr-defined]
    qtbot.waitUntil(page.remember_check.isEnabled)  # type: ignore[attr-defined]
    assert not memory_keyring.store
    again.shutdown()

    third = start_shell(qtbot, tmp_path / "ws", clock)
    unlock_dialog(qtbot, third)  # forgotten: the password is asked again
    third.shutdown()


def test_keyring_failing_when_turning_remember_on_says_why(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, memory_keyring: MemoryKeyring
) -> None:
    shell, page = open_settings(qtbot, tmp_path, clock)
    memory_keyring.fail_with = keyring.errors.NoKeyringError()
    page.remember_check.setChecked(True)
    qtbot.waitUntil(page.remember_check.isEnabled)
    assert not page.remember_check.isChecked()
    assert "no credential store" in page.remember_message.text()
    shell.shutdown()


def test_remembered_key_failing_at_start_falls_back_to_the_password(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, memory_keyring: MemoryKeyring
) -> None:
    folder = tmp_path / "ws"
    make_workspace(folder, clock, remember=True)
    memory_keyring.fail_with = keyring.errors.NoKeyringError()
    shell = start_shell(qtbot, folder, clock)
    dialog = unlock_dialog(qtbot, shell)
    assert dialog.notice_label.isVisible()
    assert "no credential store" in dialog.notice_label.text()
    type_password(qtbot, dialog, PASSWORD)
    wait_open(qtbot, shell)
    shell.shutdown()

    memory_keyring.fail_with = None
    memory_keyring.store.clear()  # entry gone, e.g. after a Windows password reset
    shell = start_shell(qtbot, folder, clock)
    dialog = unlock_dialog(qtbot, shell)
    assert "no longer in this computer's credential store" in dialog.notice_label.text()
    shell.shutdown()


def test_setup_with_remember_and_a_failing_keyring_still_creates_the_workspace(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.fail_with = keyring.errors.NoKeyringError()
    shell = start_shell(qtbot, tmp_path / "ws", clock)
    dialog = set_up(qtbot, shell, remember=True)
    assert "no credential store" in dialog.keyring_notice
    wait_open(qtbot, shell)
    assert "no credential store" in shell.window.statusBar().currentMessage()
    shell.shutdown()


def test_idle_minutes_and_language_are_saved_beside_the_workspace(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    shell, page = open_settings(qtbot, tmp_path, clock)
    page.idle_spin.setValue(3)
    assert shell.idle_lock.minutes == 3
    page.language_combo.setCurrentIndex(page.language_combo.findText("English"))
    assert "started again" in page.language_message.text()
    saved = json.loads((tmp_path / "ws" / "settings.json").read_text(encoding="utf-8"))
    assert {k: saved[k] for k in ("language", "idle_minutes")} == {
        "language": "en",
        "idle_minutes": 3,
    }
    shell.shutdown()

    again = start_shell(qtbot, tmp_path / "ws", clock)
    assert again.idle_lock.minutes == 3
    again.shutdown()
