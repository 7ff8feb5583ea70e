"""Reminders in the running program: the list, snooze and dismiss, the tray, the one digest,
one wake-up after many changes, and closing to the tray. Time is a FixedClock, moved by hand."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from talkdesk.app import wiring
from talkdesk.app.openers import WorkspaceOpener
from talkdesk.app.wiring import GuiShell
from talkdesk.domain.clock import Clock, FixedClock
from talkdesk.reminders.engine import HEARTBEAT_JOB, WAKE_JOB, ReminderEngine
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.people import PersonInput
from talkdesk.services.reminders import Digest, ReminderService
from talkdesk.ui.navigation import PageId
from talkdesk.ui.preferences import PreferencesFile
from talkdesk.ui.reminders_panel import RemindersPanel
from talkdesk.ui.tray import Tray
from tests.ui.shell_helpers import PASSWORD, make_workspace, type_password, unlock_dialog, wait_open

MONDAY_AFTERNOON = datetime(2026, 11, 23, 16, 0)
TUESDAY_9 = datetime(2026, 11, 24, 9, 0)  # the working day before Wednesday's appointment
WEDNESDAY_10 = datetime(2026, 11, 25, 10, 0)


@dataclass
class Time:
    """The wall clock and a monotonic clock moving together (no sleep, no clock jump)."""

    clock: FixedClock
    mono: float = 1000.0

    def monotonic(self) -> float:
        return self.mono

    def to(self, at: datetime) -> None:
        self.mono += (at - self.clock.now()).total_seconds()
        self.clock.set(at)


@dataclass
class Run:
    shell: GuiShell
    digests: list[Digest] = field(default_factory=list)
    quits: list[bool] = field(default_factory=list)

    @property
    def engine(self) -> ReminderEngine:
        assert self.shell.reminders.engine is not None
        return self.shell.reminders.engine

    @property
    def panel(self) -> RemindersPanel:
        assert self.shell.reminders_panel is not None
        return self.shell.reminders_panel


@pytest.fixture
def time() -> Time:
    return Time(FixedClock(MONDAY_AFTERNOON))


@pytest.fixture
def folder(tmp_path: Path, time: Time) -> Path:
    make_workspace(tmp_path / "ws", time.clock)
    return tmp_path / "ws"


@pytest.fixture
def with_tray(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A system with a tray (offscreen has none); its notifications are recorded."""
    notes: list[str] = []
    monkeypatch.setattr(wiring, "tray_available", lambda: True)
    monkeypatch.setattr(Tray, "notify", lambda _self, _title, text: notes.append(text))
    return notes


def engine_for(time: Time) -> Callable[..., ReminderEngine]:
    """The real engine, its scheduler paused: the test runs the wake-up (no real waiting)."""

    def make(source: ReminderService, clock: Clock, *callbacks: Any) -> ReminderEngine:
        return ReminderEngine(source, clock, *callbacks, monotonic=time.monotonic, run_jobs=False)

    return make


def open_shell(qtbot: QtBot, folder: Path, time: Time) -> Run:
    shell = GuiShell(
        folder,
        PreferencesFile(folder / "settings.json"),
        time.clock,
        WorkspaceOpener(folder, time.clock),
        make_engine=engine_for(time),
    )
    run = Run(shell)
    shell.reminders.digest_ready.connect(run.digests.append)
    shell.quit_requested.connect(lambda: run.quits.append(True))
    qtbot.addWidget(shell.window)
    shell.start()
    type_password(qtbot, unlock_dialog(qtbot, shell), PASSWORD)
    wait_open(qtbot, shell)
    qtbot.waitUntil(lambda: shell.reminders_panel is not None and shell.runner.pending == 0)
    return run


def call(qtbot: QtBot, shell: GuiShell, work: Callable[[], Any]) -> Any:
    """A service call as a screen makes it (on the database thread); waits for what follows."""
    box: list[Any] = []
    shell.runner.submit(work, box.append)
    qtbot.waitUntil(lambda: bool(box) and shell.runner.pending == 0)
    return box[0]


def settle(qtbot: QtBot, shell: GuiShell) -> None:
    qtbot.waitUntil(lambda: shell.runner.pending == 0)
    qtbot.wait(1)  # queued reports from the database thread are delivered


def wake_at(qtbot: QtBot, run: Run, time: Time, at: datetime) -> None:
    time.to(at)
    run.shell.wake_reminders()  # what the scheduler does at that time
    settle(qtbot, run.shell)


def staff(qtbot: QtBot, shell: GuiShell) -> tuple[int, int]:
    services = shell.services
    assert services is not None

    def add() -> tuple[int, int]:
        dep, _ = services.people.add_department("办公室")
        leader, _ = services.people.add_person(PersonInput("王主任", dep.id, "主任"))
        zhang, _ = services.people.add_person(PersonInput("张三", dep.id, "科员"))
        return leader.id, zhang.id

    ids: tuple[int, int] = call(qtbot, shell, add)
    return ids


def schedule(qtbot: QtBot, shell: GuiShell, talker: int, person: int, at: datetime) -> None:
    services = shell.services
    assert services is not None
    call(qtbot, shell, lambda: services.plans.schedule(talker, person, at))


def add_follow_up(qtbot: QtBot, shell: GuiShell, due: date) -> None:
    services = shell.services
    assert services is not None
    call(qtbot, shell, lambda: services.follow_ups.create(FollowUpInput("食堂问题", due_on=due)))


def test_a_reminder_comes_on_time_to_the_list_and_tray_then_snooze_and_dismiss(
    qtbot: QtBot, folder: Path, time: Time, with_tray: list[str]
) -> None:
    run = open_shell(qtbot, folder, time)
    shell = run.shell
    assert shell.tray is not None
    leader, zhang = staff(qtbot, shell)
    schedule(qtbot, shell, leader, zhang, WEDNESDAY_10)
    assert run.engine.wake_at == TUESDAY_9  # the data change moved the wake-up
    assert shell.window.reminders_action.text() == "Reminders"

    wake_at(qtbot, run, time, TUESDAY_9)
    assert len(with_tray) == 1 and "张三" in with_tray[0]
    qtbot.waitUntil(lambda: shell.window.reminders_action.text() == "Reminders (1)")
    shell.window.reminders_action.trigger()
    panel = run.panel
    qtbot.waitUntil(panel.isVisible)
    [text] = panel.texts()
    assert "张三" in text and "Talk with" in text

    # Remind me in an hour: gone now, back when the clock passes 10:00
    qtbot.mouseClick(panel.snooze_hour_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.texts() == [])
    settle(qtbot, shell)
    assert shell.window.reminders_action.text() == "Reminders"
    assert run.engine.wake_at == datetime(2026, 11, 24, 10, 0)
    wake_at(qtbot, run, time, datetime(2026, 11, 24, 9, 30))
    assert panel.texts() == [] and len(with_tray) == 1
    wake_at(qtbot, run, time, datetime(2026, 11, 24, 10, 0))
    qtbot.waitUntil(lambda: len(panel.texts()) == 1)
    assert len(with_tray) == 2

    # Don't remind me again: never again that day
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.texts() == [])
    settle(qtbot, shell)
    wake_at(qtbot, run, time, datetime(2026, 11, 24, 18, 0))
    shell.window.reminders_action.trigger()
    settle(qtbot, shell)
    assert panel.texts() == [] and len(with_tray) == 2
    assert run.engine.wake_at == datetime(2026, 11, 25, 9, 30)  # only the 30-minute one is left
    assert run.digests == []
    shell.shutdown()


def test_closed_across_a_due_time_one_digest_at_the_next_start_and_not_again(
    qtbot: QtBot, folder: Path, time: Time
) -> None:
    first = open_shell(qtbot, folder, time)
    leader, zhang = staff(qtbot, first.shell)
    schedule(qtbot, first.shell, leader, zhang, WEDNESDAY_10)
    add_follow_up(qtbot, first.shell, date(2026, 11, 24))
    assert first.digests == []
    first.shell.shutdown()

    time.to(datetime(2026, 11, 25, 12, 0))  # talkdesk was closed until Wednesday noon
    second = open_shell(qtbot, folder, time)
    shell = second.shell
    qtbot.waitUntil(lambda: shell.digest_dialog is not None and shell.digest_dialog.isVisible())
    dialog = shell.digest_dialog
    assert dialog is not None
    summary = dialog.summary_label.text()  # type: ignore[attr-defined]
    assert "Appointments: 1" in summary and "Follow-ups overdue: 1" in summary
    assert len(second.digests) == 1 and len(second.digests[0]) == 2
    qtbot.mouseClick(dialog.open_list_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    panel = second.panel
    qtbot.waitUntil(lambda: panel.isVisible() and len(panel.texts()) == 2)
    assert shell.digest_dialog is None
    assert shell.window.reminders_action.text() == "Reminders (2)"
    wake_at(qtbot, second, time, datetime(2026, 11, 25, 12, 5))
    assert len(second.digests) == 1
    shell.shutdown()

    time.to(datetime(2026, 11, 25, 14, 0))
    third = open_shell(qtbot, folder, time)
    settle(qtbot, third.shell)
    assert third.digests == [] and third.shell.digest_dialog is None
    third.shell.shutdown()


def test_many_changes_leave_one_wake_up_and_the_reminder_comes_once_without_a_tray(
    qtbot: QtBot, folder: Path, time: Time
) -> None:
    run = open_shell(qtbot, folder, time)
    shell = run.shell
    assert shell.tray is None  # offscreen: no tray, the list still works
    add_follow_up(qtbot, shell, date(2026, 11, 24))
    services = shell.services
    assert services is not None
    for n in range(30):
        shell.runner.submit(lambda n=n: services.people.add_department(f"科室{n}"))
    settle(qtbot, shell)
    assert run.engine.pending_wake_ups() == 1
    assert sorted(job.id for job in run.engine.scheduler.get_jobs()) == [HEARTBEAT_JOB, WAKE_JOB]
    assert run.engine.wake_at == TUESDAY_9

    fired: list[int] = []
    shell.reminders.fired.connect(lambda batch: fired.append(len(batch)))
    wake_at(qtbot, run, time, TUESDAY_9)
    wake_at(qtbot, run, time, datetime(2026, 11, 24, 9, 1))
    assert fired == [1]
    qtbot.waitUntil(lambda: len(run.panel.texts()) == 1)
    assert "due on" in run.panel.texts()[0]
    assert run.engine.pending_wake_ups() == 1  # the overdue reminder, Wednesday morning
    shell.shutdown()


def test_closing_keeps_talkdesk_in_the_tray_and_says_so_once(
    qtbot: QtBot, folder: Path, time: Time, with_tray: list[str]
) -> None:
    run = open_shell(qtbot, folder, time)
    shell, window, tray = run.shell, run.shell.window, run.shell.tray
    assert tray is not None
    window.close()
    assert not window.isVisible() and run.quits == []
    message = window.tray_message
    assert message is not None and message.isVisible()
    assert "tray" in message.text()
    assert shell.preferences.current.told_about_tray
    message.accept()
    qtbot.waitUntil(lambda: window.tray_message is None)

    tray.open_action.trigger()
    assert window.isVisible()
    window.close()
    assert not window.isVisible() and window.tray_message is None and run.quits == []

    # locked from the tray while hidden: the password is asked when the window is opened
    tray.lock_action.trigger()
    settle(qtbot, shell)
    assert window.is_locked and shell.unlock_dialog is None
    tray.open_action.trigger()
    type_password(qtbot, unlock_dialog(qtbot, shell), PASSWORD)
    wait_open(qtbot, shell)

    # Quit in the tray's menu quits
    tray.quit_action.trigger()
    assert run.quits == [True]
    shell.shutdown()


def test_the_settings_switch_the_tray_and_start_at_login(
    qtbot: QtBot, folder: Path, time: Time, tmp_path: Path, with_tray: list[str]
) -> None:
    run = open_shell(qtbot, folder, time)
    shell = run.shell
    shell.window.navigation.select(PageId.SETTINGS)
    page: Any = shell.window.page(PageId.SETTINGS)
    assert page.close_to_tray_check.isChecked() and not page.start_at_login_check.isChecked()

    page.start_at_login_check.setChecked(True)
    entry = tmp_path / "home" / ".config" / "autostart" / "talkdesk.desktop"
    assert entry.is_file() and "Exec=" in entry.read_text(encoding="utf-8")
    assert shell.preferences.current.start_at_login
    page.start_at_login_check.setChecked(False)
    assert not entry.exists() and not shell.preferences.current.start_at_login

    page.close_to_tray_check.setChecked(False)
    assert not PreferencesFile(folder / "settings.json").current.close_to_tray
    shell.window.close()  # now closing quits, tray or not
    assert run.quits == [True] and shell.window.tray_message is None
    shell.shutdown()


def test_event_reminders_are_worded_as_talks_and_counted_in_the_digest(qapp: object) -> None:
    from datetime import date, datetime

    from talkdesk.domain.values import TriggerKind
    from talkdesk.services.reminders import Digest, Reminder, ReminderKind
    from talkdesk.ui.reminders_panel import digest_lines, reminder_text

    fields = {f for f in Reminder.__dataclass_fields__}
    base = {k: None for k in fields}
    base.update(
        key="trigger-overdue:x",
        kind=ReminderKind.TRIGGER_OVERDUE,
        person_name="张三",
        on=date(2026, 11, 20),
        trigger_kind=TriggerKind.NEW_POST,
    )
    reminder = Reminder(**{k: v for k, v in base.items() if k in fields})  # type: ignore[arg-type]
    text = reminder_text(reminder)
    assert "张三" in text and "overdue" in text and "follow-up" not in text
    lines = digest_lines(Digest(datetime(2026, 11, 24, 9), (reminder,)))
    assert lines == ["Talks called for by an event: 1"]
