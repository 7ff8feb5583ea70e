"""Helpers for the page tests: a runner per test, typing Chinese, finding open dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from talkdesk.domain.values import TalkKind, TalkState
from talkdesk.services.bundle import Services
from talkdesk.services.context import stamps
from talkdesk.services.people import PersonInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage.tables import talk
from talkdesk.ui.tasks import TaskRunner

W = TypeVar("W", bound=QWidget)


@contextmanager
def running(session: WorkspaceSession) -> Iterator[tuple[Services, TaskRunner]]:
    """Services over the test workspace and a runner that is shut down before the lock."""
    runner = TaskRunner()
    try:
        yield Services(session), runner
    finally:
        runner.shutdown()


def commit_text(widget: QWidget, text: str) -> None:
    """Type text as an input method does (qtbot.keyClicks aborts on Chinese)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def open_dialog(qtbot: QtBot, parent: QWidget, kind: type[W]) -> W:
    """The visible dialog of this kind that the page opened."""
    found: list[W] = []

    def visible() -> bool:
        found[:] = [w for w in parent.findChildren(kind) if w.isVisible()]
        return bool(found)

    qtbot.waitUntil(visible)
    return found[-1]


def click_ok(qtbot: QtBot, buttons: QDialogButtonBox) -> None:
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def idle(qtbot: QtBot, runner: TaskRunner) -> None:
    """Wait until every background call has delivered its result."""
    qtbot.waitUntil(lambda: runner.pending == 0)


@dataclass(frozen=True)
class Roster:
    """A small organisation for list tests: two departments, a talker, three people."""

    office: int
    finance: int
    talker: int
    zhang: int  # 张三, 办公室
    li: int  # 李四, 财务科
    wang: int  # 王五, 财务科


def make_roster(services: Services) -> Roster:
    people = services.people
    office, _ = people.add_department("办公室")
    finance, _ = people.add_department("财务科")
    talker, _ = people.add_person(PersonInput(name="周书记", is_leader=True))
    zhang, _ = people.add_person(PersonInput(name="张三", department_id=office.id))
    li, _ = people.add_person(PersonInput(name="李四", department_id=finance.id))
    wang, _ = people.add_person(PersonInput(name="王五", department_id=finance.id))
    return Roster(office.id, finance.id, talker.id, zhang.id, li.id, wang.id)


def add_talks(services: Services, roster: Roster, n: int, start: datetime) -> None:
    """n draft talks with 王五, an hour apart from `start`, in one bulk insert (fast):
    the lists read only the talk rows, so no notes or index entries are needed."""
    now = services.session.context.now()
    rows = [
        {
            **stamps(now),
            "talker_id": roster.talker,
            "person_id": roster.wang,
            "held_at": start + timedelta(hours=i),
            "kind": TalkKind.REGULAR.value,
            "state": TalkState.DRAFT.value,
        }
        for i in range(n)
    ]
    with services.session.context.db.transaction() as conn:
        conn.execute(insert(talk), rows)
