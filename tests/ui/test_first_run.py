"""First start to daily use, as a user: setup, a person added, lock, unlock, quit, restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from talkdesk.domain.clock import FixedClock
from talkdesk.services.people import PeopleFilter
from talkdesk.ui.navigation import PageId
from talkdesk.ui.pages.people_page import PeoplePage
from talkdesk.ui.pages.person_dialog import PersonDialog
from tests.ui.page_helpers import commit_text, open_dialog
from tests.ui.shell_helpers import (
    PASSWORD,
    set_up,
    start_shell,
    type_password,
    unlock_dialog,
    wait_open,
)


def test_setup_add_person_lock_unlock_quit_and_restart(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "ws"
    shell = start_shell(qtbot, folder, clock)
    assert shell.window.isVisible() and shell.window.is_locked  # shown first, records hidden
    set_up(qtbot, shell)
    wait_open(qtbot, shell)
    assert shell.window.windowTitle() == "talkdesk — 示例局"
    assert str(folder) in shell.window.folder_label.text()

    # add a person on the People page
    shell.window.navigation.select(PageId.PEOPLE)
    page = shell.window.page(PageId.PEOPLE)
    assert isinstance(page, PeoplePage)
    qtbot.waitUntil(lambda: page.model.total is not None)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, PersonDialog)
    commit_text(dialog.name_edit, "李四")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: [p.name for p in page.model.rows] == ["李四"])

    # lock with Ctrl+L: records hidden, database closed; the password opens it again
    shell.window.activateWindow()
    qtbot.waitUntil(shell.window.isActiveWindow)
    qtbot.keyClick(shell.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert shell.window.is_locked
    unlock = unlock_dialog(qtbot, shell)
    assert shell.session is not None and not shell.session.is_unlocked
    type_password(qtbot, unlock, PASSWORD)
    wait_open(qtbot, shell)
    assert shell.session.is_unlocked

    # quit, start again, give the password, find the person
    with qtbot.waitSignal(shell.quit_requested):
        shell.window.close()
    shell.shutdown()
    assert not shell.session.is_unlocked

    again = start_shell(qtbot, folder, clock)
    unlock = unlock_dialog(qtbot, again)
    type_password(qtbot, unlock, PASSWORD)
    wait_open(qtbot, again)
    assert again.services is not None
    assert [p.name for p in again.services.people.people(PeopleFilter())] == ["李四"]
    again.window.navigation.select(PageId.PEOPLE)
    page = again.window.page(PageId.PEOPLE)
    assert isinstance(page, PeoplePage)
    qtbot.waitUntil(lambda: [p.name for p in page.model.rows] == ["李四"])
    again.shutdown()


def test_setup_refuses_wrong_groups_and_weak_password(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    shell = start_shell(qtbot, tmp_path / "ws", clock)
    qtbot.waitUntil(lambda: shell.setup_dialog is not None and shell.setup_dialog.isVisible())
    dialog = shell.setup_dialog
    commit_text(dialog.name_edit, "王主任")
    commit_text(dialog.unit_edit, "示例局")
    qtbot.keyClicks(dialog.password_fields.first, "abc")
    assert (
        dialog.password_fields.hint.text()
        == "Strength: Too weak: at least 8 characters of several kinds."
    )
    qtbot.keyClicks(dialog.password_fields.second, "abc")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "at least 8 characters" in dialog.details_error.text()
    assert not (tmp_path / "ws" / "keys.json").exists()

    dialog.password_fields.first.setText(PASSWORD)
    dialog.password_fields.second.setText(PASSWORD + "x")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.details_error.text() == "The two passwords differ."
    dialog.password_fields.second.setText(PASSWORD)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.group_labels[0].isVisible())
    assert "remember" not in dialog.print_html().lower()
    groups = [label.text() for label in dialog.group_labels]
    assert all(g in dialog.print_html() for g in groups)

    # closing now is refused: the code must be confirmed first
    dialog.reject()
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.code_next, Qt.MouseButton.LeftButton)
    first, second = dialog.asked_groups
    qtbot.keyClicks(dialog.group_edits[0], groups[first - 1])
    qtbot.keyClicks(dialog.group_edits[1], "ZZZZ" if groups[second - 1] != "ZZZZ" else "YYYY")
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert f"Group {second} does not match" in dialog.confirm_error.text()
    dialog.group_edits[1].setText(groups[second - 1])
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    wait_open(qtbot, shell)
    shell.shutdown()


def test_quitting_the_setup_creates_nothing(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    shell = start_shell(qtbot, tmp_path / "ws", clock)
    qtbot.waitUntil(lambda: shell.setup_dialog is not None and shell.setup_dialog.isVisible())
    with qtbot.waitSignal(shell.quit_requested):
        shell.setup_dialog.reject()
    shell.shutdown()
    assert not (tmp_path / "ws" / "keys.json").exists()
