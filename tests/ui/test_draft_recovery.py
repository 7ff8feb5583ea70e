"""A talk record being typed when talkdesk is killed: the draft is offered back at the next
start, with what was saved; a form closed properly is not offered again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from talkdesk.domain.clock import FixedClock
from talkdesk.domain.values import TalkState
from talkdesk.services.people import PersonInput
from talkdesk.ui.navigation import PageId
from tests.ui import crash_typist
from tests.ui.page_helpers import commit_text
from tests.ui.shell_helpers import (
    PASSWORD,
    make_workspace,
    start_shell,
    type_password,
    unlock_dialog,
    wait_open,
)

ROOT = Path(__file__).resolve().parents[2]


def kill_while_typing(folder: Path) -> int:
    """Run a talkdesk process that is killed mid-typing; returns the id of its draft."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.crash_typist", str(folder), PASSWORD],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -9, done.stderr  # killed, not ended
    return int(done.stdout.strip())


def test_a_draft_typed_when_the_process_is_killed_is_offered_back(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "ws"
    make_workspace(folder, clock)
    talk_id = kill_while_typing(folder)

    shell = start_shell(qtbot, folder, clock)
    type_password(qtbot, unlock_dialog(qtbot, shell), PASSWORD)
    wait_open(qtbot, shell)
    qtbot.waitUntil(lambda: shell.draft_recovery is not None)
    recovery = shell.draft_recovery
    assert recovery is not None
    qtbot.waitUntil(lambda: recovery.box is not None and recovery.box.isVisible())
    box = recovery.box
    assert box is not None
    assert "张三" in box.informativeText() and "2026-11-24 10:00" in box.informativeText()

    box.button(QMessageBox.StandardButton.Open).click()
    talks = shell.window.page(PageId.TALKS)
    qtbot.waitUntil(lambda: getattr(talks, "forms", None) is not None)
    qtbot.waitUntil(lambda: talks.forms.form is not None and talks.forms.form.isVisible())
    form = talks.forms.form
    assert form.talk_id == talk_id
    assert form.content_edit.toPlainText() == crash_typist.SAVED_TEXT  # all that was saved
    assert form.person_combo.currentText().startswith("张三")

    # typing on and closing properly: saved, and not offered again at the next start
    form.content_edit.moveCursor(QTextCursor.MoveOperation.End)
    commit_text(form.content_edit, "，已经解决")
    form.close()
    qtbot.waitUntil(lambda: shell.runner.pending == 0)
    assert shell.services is not None
    stored = shell.services.talks.get_talk(talk_id)
    assert stored.data.content == crash_typist.SAVED_TEXT + "，已经解决"
    assert stored.row.state is TalkState.DRAFT
    assert shell.services.talks.take_interrupted_drafts() == []
    shell.shutdown()


def test_quitting_with_a_record_open_saves_it_and_offers_nothing(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "ws"
    make_workspace(folder, clock)
    shell = start_shell(qtbot, folder, clock)
    type_password(qtbot, unlock_dialog(qtbot, shell), PASSWORD)
    wait_open(qtbot, shell)
    services = shell.services
    assert services is not None
    person, _ = services.people.add_person(PersonInput(name="张三"))
    talker, _ = services.people.add_person(PersonInput(name="周书记", is_leader=True))
    shell.window.new_talk_action.trigger()  # Ctrl+N
    talks = shell.window.page(PageId.TALKS)
    qtbot.waitUntil(lambda: getattr(talks, "forms", None) is not None)
    qtbot.waitUntil(lambda: talks.forms.form is not None and talks.forms.form.isVisible())
    form = talks.forms.form
    qtbot.waitUntil(lambda: form.person_combo.findData(person.id) >= 0)
    form.talker_combo.setCurrentIndex(form.talker_combo.findData(talker.id))
    form.person_combo.setCurrentIndex(form.person_combo.findData(person.id))
    commit_text(form.content_edit, "没来得及保存")
    shell.shutdown()  # the user quits (the tray's Quit) before the autosave's time

    shell = start_shell(qtbot, folder, clock)
    type_password(qtbot, unlock_dialog(qtbot, shell), PASSWORD)
    wait_open(qtbot, shell)
    assert shell.services is not None
    [row] = shell.services.talks.list_talks()
    assert shell.services.talks.get_talk(row.id).data.content == "没来得及保存"
    assert shell.draft_recovery is not None and shell.draft_recovery.box is None
    shell.shutdown()
