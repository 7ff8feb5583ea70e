"""The whole way from a plan to a talk, as a user meets it in the running program: a quarterly
plan for a department, its people due on Today, one scheduled from its line, reminded the
working day before, the talk recorded, the person done and the counts following."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QDate, Qt, QTime
from pytestqt.qtbot import QtBot

from talkdesk.app.wiring import GuiShell
from talkdesk.domain.clock import Clock, FixedClock
from talkdesk.domain.coverage import CoverageState
from talkdesk.domain.values import AppointmentStatus, CadenceKind
from talkdesk.reminders.engine import ReminderEngine
from talkdesk.services.people import PersonInput
from talkdesk.services.reminders import ReminderService
from talkdesk.ui.navigation import PageId
from talkdesk.ui.pages.appointment_dialog import AppointmentDialog
from talkdesk.ui.pages.appointments_page import AppointmentsPage
from talkdesk.ui.pages.plan_dialog import PlanDialog
from talkdesk.ui.pages.plans_page import PlansPage
from talkdesk.ui.pages.talks_page import TalksPage
from talkdesk.ui.pages.today_page import TodayPage
from talkdesk.ui.preferences import PreferencesFile
from tests.ui.page_helpers import click_ok, commit_text, open_dialog
from tests.ui.shell_helpers import PASSWORD, make_workspace, type_password, unlock_dialog

TUESDAY_8 = datetime(2026, 11, 24, 8, 0)  # before the working day's reminders at 09:00
TUESDAY_9 = datetime(2026, 11, 24, 9, 0)
WEDNESDAY_9_30 = datetime(2026, 11, 25, 9, 30)  # the next working day, as the dialog offers

P = TypeVar("P")


class Monotonic:
    """A monotonic clock that moves with the wall clock (the engine sees no sleep or jump)."""

    def __init__(self, clock: FixedClock) -> None:
        self.clock = clock
        self.start = clock.now()

    def __call__(self) -> float:
        return 1000.0 + (self.clock.now() - self.start).total_seconds()


def open_shell(qtbot: QtBot, folder: Path, clock: FixedClock) -> GuiShell:
    """The program on `folder`, its reminder scheduler paused: the test wakes it (no waiting)."""
    monotonic = Monotonic(clock)

    def make_engine(source: ReminderService, at: Clock, *callbacks: Any) -> ReminderEngine:
        return ReminderEngine(source, at, *callbacks, monotonic=monotonic, run_jobs=False)

    from talkdesk.app.openers import WorkspaceOpener

    shell = GuiShell(
        folder,
        PreferencesFile(folder / "settings.json"),
        clock,
        WorkspaceOpener(folder, clock),
        make_engine=make_engine,
    )
    qtbot.addWidget(shell.window)
    shell.start()
    type_password(qtbot, unlock_dialog(qtbot, shell), PASSWORD)
    qtbot.waitUntil(lambda: not shell.window.is_locked and shell.services is not None)
    qtbot.waitUntil(lambda: shell.reminders.engine is not None and shell.runner.pending == 0)
    return shell


def call(qtbot: QtBot, shell: GuiShell, work: Callable[[], Any]) -> Any:
    """A service call as a screen makes it: on the database thread, through the shell's runner."""
    box: list[Any] = []
    shell.runner.submit(work, box.append)
    qtbot.waitUntil(lambda: bool(box) and shell.runner.pending == 0)
    return box[0]


def page(shell: GuiShell, page_id: PageId, kind: type[P]) -> P:
    shell.window.show_page(page_id)
    shown = shell.window.page(page_id)
    assert isinstance(shown, kind)
    return shown


def nav_text(shell: GuiShell, page_id: PageId) -> str:
    return shell.window.navigation.item(list(PageId).index(page_id)).text()


def test_from_a_quarterly_plan_to_a_recorded_talk(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    clock.set(TUESDAY_8)
    folder = tmp_path / "ws"
    make_workspace(folder, clock)
    shell = open_shell(qtbot, folder, clock)
    services = shell.services
    assert services is not None

    def staff() -> tuple[int, int, int]:
        people = services.people
        finance, _ = people.add_department("财务科")
        leader, _ = people.add_person(PersonInput(name="周书记", is_leader=True))
        li, _ = people.add_person(PersonInput(name="李四", department_id=finance.id))
        people.add_person(PersonInput(name="王五", department_id=finance.id))
        return leader.id, li.id, finance.id

    leader, li, finance = call(qtbot, shell, staff)

    # Plans: a new quarterly plan for the finance department, through the dialog
    plans = page(shell, PageId.PLANS, PlansPage)
    qtbot.waitUntil(lambda: plans.new_button.isEnabled() and shell.runner.pending == 0)
    qtbot.mouseClick(plans.new_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, plans, PlanDialog)
    assert dialog.cadence_combo.currentText() == "Quarterly"
    commit_text(dialog.name_edit, "财务科季度谈心")
    dialog.talker_combo.setCurrentIndex(dialog.talker_combo.findText("周书记"))
    [item] = dialog.department_tree.findItems(
        "财务科", Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive
    )
    item.setCheckState(0, Qt.CheckState.Checked)
    click_ok(qtbot, dialog.buttons)
    qtbot.waitUntil(lambda: plans.model.rowCount() == 1)
    [plan] = call(qtbot, shell, services.plans.list_plans)
    stored = call(qtbot, shell, lambda: services.plans.plan_input(plan.id))
    assert (stored.cadence, stored.department_ids) == (CadenceKind.QUARTERLY, (finance,))
    assert stored.talker_id == leader

    # Today: both finance people are due this quarter; the navigation counts them
    today = page(shell, PageId.TODAY, TodayPage)

    def due_names() -> list[str]:
        return [
            line.text_shown().split()[1]
            for line in today.plans_section.lines()
            if line.state is CoverageState.DUE
        ]

    qtbot.waitUntil(lambda: due_names() == ["李四", "王五"])
    qtbot.waitUntil(lambda: nav_text(shell, PageId.TODAY) == "Today  (2)")
    assert nav_text(shell, PageId.PLANS) == "Plans  (2)"

    # Schedule… on 李四's line: the dialog offers the next working day; accept it as offered
    line = next(line for line in today.plans_section.lines() if "李四" in line.text_shown())
    assert line.action_button is not None
    qtbot.mouseClick(line.action_button, Qt.MouseButton.LeftButton)
    booking = open_dialog(qtbot, today, AppointmentDialog)
    assert booking.person_combo.currentText() == "李四"
    assert booking.talker_combo.currentText() == "周书记"
    assert (booking.date_edit.date(), booking.time_edit.time()) == (
        QDate(2026, 11, 25),
        QTime(9, 30),
    )
    qtbot.mouseClick(booking.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(booking) or not booking.isVisible())
    [booked] = call(
        qtbot,
        shell,
        lambda: services.plans.appointments(datetime(2026, 11, 25), datetime(2026, 11, 26)),
    )
    assert (booked.person_id, booked.talker_id, booked.plan_id) == (li, leader, plan.id)
    assert booked.starts_at == WEDNESDAY_9_30
    assert booked.status is AppointmentStatus.PLANNED
    # 李四 leaves the due lines and is among this week's appointments; one fewer to talk with
    qtbot.waitUntil(lambda: due_names() == ["王五"])
    assert any("李四" in line.text_shown() for line in today.appointments_section.lines())

    # the week view shows it on Wednesday
    week = page(shell, PageId.APPOINTMENTS, AppointmentsPage)
    qtbot.waitUntil(lambda: len(week.week.rows()) == 1)
    assert week.week.days[2].rows()[0].id == booked.id
    assert week.week.days[2].list.item(0).text().startswith("09:30  李四")

    # the working day before, at 09:00: its reminder comes to the in-app list
    engine = shell.reminders.engine
    assert engine is not None
    qtbot.waitUntil(lambda: engine.wake_at == TUESDAY_9)
    clock.set(TUESDAY_9)
    shell.wake_reminders()  # what the scheduler does at that time
    qtbot.waitUntil(lambda: shell.window.reminders_action.text() == "Reminders (1)")
    shell.window.reminders_action.trigger()
    panel = shell.reminders_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.isVisible() and len(panel.texts()) == 1)
    [reminder] = panel.texts()
    assert "李四" in reminder and "Talk with" in reminder
    panel.close()

    # Wednesday, after the talk: Ctrl+N, the record form filled in and saved (Ctrl+S)
    clock.set(datetime(2026, 11, 25, 10, 30))
    shell.window.new_talk_action.trigger()
    talks_page = page(shell, PageId.TALKS, TalksPage)
    qtbot.waitUntil(lambda: talks_page.forms.form is not None and talks_page.forms.form.isVisible())
    qtbot.waitUntil(lambda: shell.runner.pending == 0)
    form = talks_page.forms.form
    form.talker_combo.setCurrentIndex(form.talker_combo.findData(leader))
    form.person_combo.setCurrentIndex(form.person_combo.findData(li))
    form.date_edit.setDate(QDate(2026, 11, 25))
    form.time_edit.setTime(QTime(9, 30))
    commit_text(form.place_edit, booked.place)
    commit_text(form.content_edit, "谈了工作和家庭情况")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.talk_id is not None)
    qtbot.waitUntil(lambda: shell.runner.pending == 0)
    form.close()
    stored = call(qtbot, shell, lambda: services.plans.appointment(booked.id))
    assert stored.status is AppointmentStatus.DONE  # the talk fulfilled the appointment

    # the Plans page: 李四 is done, the plan counts one done; Today counts one fewer
    plans = page(shell, PageId.PLANS, PlansPage)
    assert plans.selected_plan() is not None  # the new plan stayed selected

    def states() -> dict[str, str]:
        model = plans.coverage_model
        return {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}

    qtbot.waitUntil(lambda: states() == {"李四": "Done", "王五": "Due"})
    summary = plans.coverage_summary.text()
    assert "Done 1" in summary and "Due 1" in summary
    assert nav_text(shell, PageId.TODAY) == "Today  (1)"
    assert nav_text(shell, PageId.PLANS) == "Plans  (1)"
    today = page(shell, PageId.TODAY, TodayPage)
    qtbot.waitUntil(lambda: due_names() == ["王五"])
    assert not any("李四" in line.text_shown() for line in today.plans_section.lines())
    report = call(qtbot, shell, lambda: services.coverage.report(date(2026, 11, 25)))
    [coverage] = report.plans
    assert coverage.count(CoverageState.DONE) == 1
    shell.shutdown()
