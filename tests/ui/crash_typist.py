"""A talkdesk process that is killed while someone types a talk record.

Run as `python -m tests.ui.crash_typist FOLDER PASSWORD`: opens the workspace, opens a
new record form, picks the people, types (the autosave timer's time comes once), types
on, and then the process is killed (SIGKILL: no close event, no clean-up).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from talkdesk.domain.clock import FixedClock
from talkdesk.services.bundle import Services
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths
from talkdesk.ui.pages.talk_form import TalkFormLauncher
from talkdesk.ui.tasks import TaskRunner
from tests.ui.page_helpers import commit_text, make_roster

SAVED_TEXT = "谈到了孩子上学的困难"
UNSAVED_TEXT = "，还有"


def wait_until(app: QApplication, done: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 20
    while not done():
        if time.monotonic() > deadline:
            sys.exit("timed out")
        app.processEvents()
        time.sleep(0.01)


def main(folder: str, password: str) -> None:
    app = QApplication([])
    clock = FixedClock(datetime(2026, 11, 24, 10, 0))
    session = WorkspaceSession(WorkspacePaths(Path(folder)), clock, RememberedKeyStore())
    session.unlock_with_password(password)
    services = Services(session)
    roster = make_roster(services)
    runner = TaskRunner()
    parent = QWidget()
    launcher = TalkFormLauncher(services, runner, parent)
    launcher.new_talk()
    wait_until(app, lambda: launcher.form is not None and runner.pending == 0)
    form = launcher.form
    assert form is not None
    form.talker_combo.setCurrentIndex(form.talker_combo.findData(roster.talker))
    form.person_combo.setCurrentIndex(form.person_combo.findData(roster.zhang))
    commit_text(form.content_edit, SAVED_TEXT)
    form.autosave_timer.timeout.emit()  # two seconds without typing: the draft is saved
    wait_until(app, lambda: form.talk_id is not None and runner.pending == 0)
    commit_text(form.content_edit, UNSAVED_TEXT)  # typing on when the power goes
    print(form.talk_id, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
