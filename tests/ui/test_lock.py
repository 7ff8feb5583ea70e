"""Locking and unlocking as a user meets them: wrong password, forgotten password, idle time."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from talkdesk.domain.clock import FixedClock
from talkdesk.services.people import PersonInput
from talkdesk.ui.navigation import PageId
from tests.ui.shell_helpers import (
    PASSWORD,
    make_workspace,
    open_shell,
    start_shell,
    type_password,
    unlock_dialog,
    wait_open,
)


def test_wrong_password_says_so_and_allows_retry(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "ws"
    make_workspace(folder, clock)
    before = (folder / "keys.json").read_bytes()
    shell = start_shell(qtbot, folder, clock)
    dialog = unlock_dialog(qtbot, shell)
    assert shell.window.is_locked
    type_password(qtbot, dialog, "not the password")
    qtbot.waitUntil(lambda: dialog.unlock_button.isEnabled())
    assert dialog.error_label.text() == "The password is not correct. Please try again."
    assert dialog.isVisible() and shell.window.is_locked
    assert (folder / "keys.json").read_bytes() == before
    type_password(qtbot, dialog, PASSWORD)
    wait_open(qtbot, shell)
    assert shell.unlock_dialog is None
    shell.shutdown()


def test_forgot_password_sets_a_new_one_with_the_recovery_code(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "ws"
    code = make_workspace(folder, clock)
    shell = start_shell(qtbot, folder, clock)
    dialog = unlock_dialog(qtbot, shell)
    qtbot.mouseClick(dialog.forgot_button, Qt.MouseButton.LeftButton)
    assert dialog.code_edit.isVisible()

    wrong = ("0000" if not code.startswith("0000") else "1111") + code[4:]
    qtbot.keyClicks(dialog.code_edit, wrong)
    qtbot.keyClicks(dialog.new_password.first, "New password 77")
    qtbot.keyClicks(dialog.new_password.second, "New password 77")
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.recover_button.isEnabled())
    assert "recovery code is not correct" in dialog.recovery_error.text()

    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, code.replace("-", " ").lower())  # as typed from paper
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    wait_open(qtbot, shell)
    assert "recovery code" in shell.window.statusBar().currentMessage()

    # the new password works after a lock; the old one no longer does
    shell.lock()
    dialog = unlock_dialog(qtbot, shell)
    type_password(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: dialog.unlock_button.isEnabled())
    assert "not correct" in dialog.error_label.text()
    type_password(qtbot, dialog, "New password 77")
    wait_open(qtbot, shell)
    shell.shutdown()


def test_idle_time_locks_and_activity_postpones_it(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "ws"
    shell = open_shell(qtbot, folder, clock)
    assert shell.idle_lock.minutes == 10  # the default

    clock.set(clock.now() + timedelta(minutes=9))
    shell.idle_lock.check()
    assert not shell.window.is_locked
    qtbot.mouseClick(shell.window.navigation.viewport(), Qt.MouseButton.LeftButton)  # activity
    clock.set(clock.now() + timedelta(minutes=9))
    shell.idle_lock.check()
    assert not shell.window.is_locked

    clock.set(clock.now() + timedelta(minutes=1, seconds=1))
    shell.idle_lock.check()
    assert shell.window.is_locked
    dialog = unlock_dialog(qtbot, shell)
    assert shell.session is not None and not shell.session.is_unlocked  # key dropped
    type_password(qtbot, dialog, PASSWORD)
    wait_open(qtbot, shell)
    shell.shutdown()


def test_lock_button_closes_open_dialogs_and_always_asks_the_password(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "ws"
    make_workspace(folder, clock, remember=True)
    shell = start_shell(qtbot, folder, clock)
    wait_open(qtbot, shell)  # remembered: no password at start
    assert shell.unlock_dialog is None

    shell.window.navigation.select(PageId.PEOPLE)
    page = shell.window.page(PageId.PEOPLE)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(QDialog)))
    shell.window.lock_action.trigger()
    assert shell.window.is_locked
    assert not any(d.isVisible() for d in page.findChildren(QDialog))
    dialog = unlock_dialog(qtbot, shell)  # after a lock: the password, not the remembered key
    type_password(qtbot, dialog, PASSWORD)
    wait_open(qtbot, shell)
    assert shell.window.navigation.current_page() is PageId.PEOPLE
    shell.shutdown()


def test_lock_forgets_what_the_pages_showed_and_reads_it_again_after_unlock(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "ws"
    shell = open_shell(qtbot, folder, clock)
    assert shell.services is not None
    dep, _ = shell.services.people.add_department("办公室")
    shell.services.people.add_person(PersonInput("欧阳秘密", dep.id))
    shell.window.navigation.select(PageId.PEOPLE)
    people = shell.window.page(PageId.PEOPLE)
    model = people.model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.rowCount() == 1)

    shell.window.lock_action.trigger()
    assert model.rowCount() == 0
    assert people.department_tree.topLevelItemCount() == 0  # type: ignore[attr-defined]
    today = shell.window.page(PageId.TODAY)
    assert "王主任" not in today.greeting_label.text()  # type: ignore[attr-defined]

    type_password(qtbot, unlock_dialog(qtbot, shell), PASSWORD)
    wait_open(qtbot, shell)
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    shell.shutdown()


def test_a_today_card_opens_the_follow_ups_it_counted(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "ws"
    shell = open_shell(qtbot, folder, clock)
    today = shell.window.page(PageId.TODAY)
    qtbot.mouseClick(today.overdue_card, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert shell.window.navigation.current_page() is PageId.FOLLOW_UPS
    follow_ups = shell.window.page(PageId.FOLLOW_UPS)
    assert follow_ups.status_combo.currentData() == "overdue"  # type: ignore[attr-defined]
    shell.shutdown()


def test_an_unexpected_failure_while_unlocking_leaves_the_dialog_usable(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ws"
    make_workspace(folder, clock)
    shell = start_shell(qtbot, folder, clock)
    dialog = unlock_dialog(qtbot, shell)
    assert shell.session is not None

    def broken(_password: str) -> None:
        raise OSError("disk went away")  # not a TalkdeskError: a bug or the machine

    monkeypatch.setattr(shell.session, "unlock_with_password", broken)
    type_password(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: dialog.unlock_button.isEnabled())
    assert dialog.error_label.text().startswith("Something unexpected went wrong.")
    assert "disk went away" not in dialog.error_label.text()
    monkeypatch.undo()
    type_password(qtbot, dialog, PASSWORD)
    wait_open(qtbot, shell)
    shell.shutdown()


def test_quitting_while_the_workspace_opens_still_closes_it(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "ws"
    make_workspace(folder, clock, remember=True)
    shell = start_shell(qtbot, folder, clock)
    shell._begin_opening()  # as after the first paint
    shell.shutdown()  # the user quits before the opened workspace reached the window
    opened = shell._opened_session
    assert opened is not None and not opened.is_unlocked  # database closed, key dropped
