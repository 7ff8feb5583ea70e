"""Appointments as the leader makes them: from a due line on Today, in the week view."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from talkdesk.domain.clock import FixedClock
from talkdesk.domain.coverage import CoverageState
from talkdesk.domain.values import AppointmentStatus, CadenceKind, FollowUpStatus
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.plans import PlanInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.ui.pages.appointment_dialog import AppointmentDialog
from talkdesk.ui.pages.appointments_page import AppointmentsPage
from talkdesk.ui.pages.follow_ups_page import FollowUpsPage
from talkdesk.ui.pages.today_page import AgendaLine, TodayPage
from talkdesk.ui.tasks import TaskRunner
from tests.ui.page_helpers import Roster, commit_text, idle, make_roster, open_dialog, running


@pytest.fixture
def env(session: WorkspaceSession) -> Iterator[tuple[Services, TaskRunner, Roster, int]]:
    with running(session) as (services, runner):
        roster = make_roster(services)
        plan, _ = services.plans.create_plan(
            PlanInput(
                "财务科季度谈心",
                roster.talker,
                CadenceKind.QUARTERLY,
                date(2026, 10, 1),
                department_ids=(roster.finance,),
            )
        )
        yield services, runner, roster, plan.id


def shown_today(qtbot: QtBot, services: Services, runner: TaskRunner) -> TodayPage:
    page = TodayPage(services, runner)
    runner.operation_did_execute.connect(page.on_changes)
    qtbot.addWidget(page)
    page.resize(1190, 680)
    page.show()
    qtbot.waitUntil(lambda: page.agenda is not None)
    return page


def shown_week(qtbot: QtBot, services: Services, runner: TaskRunner) -> AppointmentsPage:
    page = AppointmentsPage(services, runner)
    runner.operation_did_execute.connect(page.on_changes)
    qtbot.addWidget(page)
    page.resize(1190, 680)
    page.show()
    idle(qtbot, runner)
    return page


def closed(dialog: AppointmentDialog) -> bool:
    """The dialog closed (and was deleted, as it deletes itself on close)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def due_line(page: TodayPage, name: str) -> AgendaLine:
    return next(line for line in page.plans_section.lines() if name in line.text_shown())


def schedule_from(qtbot: QtBot, page: TodayPage, name: str) -> AppointmentDialog:
    line = due_line(page, name)
    assert line.action_button is not None and line.action_button.text() == "Schedule…"
    qtbot.mouseClick(line.action_button, Qt.MouseButton.LeftButton)
    return open_dialog(qtbot, page, AppointmentDialog)


def state_of(services: Services, person_id: int, on: date) -> CoverageState:
    (plan,) = services.coverage.report(on).plans
    return next(m.state for m in plan.members if m.person_id == person_id)


def confirm(qtbot: QtBot, parent: AppointmentsPage | AppointmentDialog) -> None:
    box = open_dialog(qtbot, parent, QMessageBox)
    assert "李四" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)


def test_schedule_from_a_due_line_on_a_friday_offers_monday_and_books_it(
    qtbot: QtBot,
    env: tuple[Services, TaskRunner, Roster, int],
    clock: FixedClock,
) -> None:
    services, runner, roster, plan_id = env
    clock.set(datetime(2026, 11, 27, 16, 0))  # a Friday afternoon
    services.plans.schedule(roster.talker, roster.zhang, datetime(2026, 11, 20, 10), "三楼小会议室")
    today = shown_today(qtbot, services, runner)
    week = shown_week(qtbot, services, runner)
    assert week.week.rows() == []  # the old appointment was last week

    dialog = schedule_from(qtbot, today, "李四")
    # prefilled: the person and the plan's talker, fixed; Monday 09:30; the place used last
    assert dialog.person_combo.currentText() == "李四" and not dialog.person_combo.isEnabled()
    assert dialog.talker_combo.currentText() == "周书记" and not dialog.talker_combo.isEnabled()
    assert dialog.date_edit.date() == QDate(2026, 11, 30)
    assert dialog.time_edit.time() == QTime(9, 30)
    assert dialog.place_combo.currentText() == "三楼小会议室"
    assert dialog.day_hint.isHidden()
    assert dialog.cancel_button.isHidden()  # nothing to cancel yet

    # a Saturday is marked a day off; the time moves in quarters of an hour
    dialog.date_edit.setDate(QDate(2026, 11, 28))
    assert dialog.day_hint.isVisible()
    assert "day off" in dialog.day_hint.text()
    dialog.date_edit.setDate(QDate(2026, 11, 30))
    assert dialog.day_hint.isHidden()
    dialog.time_edit.setFocus()
    dialog.time_edit.setCurrentSection(dialog.time_edit.Section.MinuteSection)
    dialog.time_edit.stepBy(1)
    assert dialog.time_edit.time() == QTime(9, 45)
    dialog.place_combo.setEditText("")
    commit_text(dialog.place_combo.lineEdit(), "二楼接待室")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog))

    (booked,) = services.plans.appointments(datetime(2026, 11, 30), datetime(2026, 12, 1))
    assert (booked.person_id, booked.talker_id, booked.plan_id) == (
        roster.li,
        roster.talker,
        plan_id,
    )
    assert (booked.starts_at, booked.place) == (datetime(2026, 11, 30, 9, 45), "二楼接待室")
    assert state_of(services, roster.li, date(2026, 11, 27)) is CoverageState.SCHEDULED
    # Today: 李四 leaves the due list (scheduled) and is listed among the appointments
    qtbot.waitUntil(
        lambda: all("李四" not in line.text_shown() for line in today.plans_section.lines())
    )
    # (Monday is next week: the Today page lists this week's appointments only)
    assert not any("李四" in line.text_shown() for line in today.appointments_section.lines())

    # the week view of next week shows it on Monday
    qtbot.mouseClick(week.week.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(week.week.rows()) == 1)
    assert week.week.days[0].rows()[0].id == booked.id
    assert week.week.days[0].list.item(0).text() == "09:45  李四\n二楼接待室"


def test_before_a_holiday_the_first_working_day_after_it_is_offered(
    qtbot: QtBot,
    env: tuple[Services, TaskRunner, Roster, int],
    clock: FixedClock,
) -> None:
    services, runner, roster, _plan_id = env
    clock.set(datetime(2026, 9, 30, 9, 0))  # the day before National Day
    services.plans.create_plan(
        PlanInput(
            "办公室月度谈心",
            roster.talker,
            CadenceKind.MONTHLY,
            date(2026, 9, 1),
            person_ids=(roster.zhang,),
        )
    )
    today = shown_today(qtbot, services, runner)
    dialog = schedule_from(qtbot, today, "张三")
    assert dialog.date_edit.date() == QDate(2026, 10, 8)
    assert dialog.place_combo.currentText() == ""  # no place used yet
    # a time already past is refused, in words, and the dialog stays open
    dialog.date_edit.setDate(QDate(2026, 9, 30))
    dialog.time_edit.setTime(QTime(8, 0))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "already passed" in dialog.error_label.text()
    assert services.plans.appointments(datetime(2026, 9, 1), datetime(2026, 11, 1)) == []


def test_reschedule_and_cancel_from_the_week_view(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster, int]
) -> None:
    services, runner, roster, plan_id = env
    booked, _ = services.plans.schedule(
        roster.talker, roster.li, datetime(2026, 11, 25, 9, 30), "二楼接待室", plan_id
    )
    page = shown_week(qtbot, services, runner)
    view = page.week
    assert view.week_label.text() == "2026-11-23 – 2026-11-29"
    assert [r.id for r in view.days[2].rows()] == [booked.id]  # Wednesday
    assert not view.reschedule_button.isEnabled()

    # double-click → the reschedule dialog; move it to Thursday afternoon
    item = view.item_of(booked.id)
    assert item is not None
    viewport, at = view.days[2].list.viewport(), view.days[2].list.visualItemRect(item).center()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=at)  # Qt wants the press first
    assert view.reschedule_button.isEnabled()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=at)
    dialog = open_dialog(qtbot, page, AppointmentDialog)
    assert dialog.windowTitle() == "Reschedule talk"
    assert not dialog.person_combo.isEnabled() and dialog.person_combo.currentText() == "李四"
    assert dialog.date_edit.date() == QDate(2026, 11, 25) and dialog.cancel_button.isVisible()
    dialog.date_edit.setDate(QDate(2026, 11, 26))
    dialog.time_edit.setTime(QTime(15, 0))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog))
    moved = services.plans.appointment(booked.id)
    assert (moved.starts_at, moved.place) == (datetime(2026, 11, 26, 15), "二楼接待室")
    qtbot.waitUntil(lambda: [r.id for r in view.days[3].rows()] == [booked.id])
    assert view.days[2].rows() == [] and view.selected() == moved

    # cancel with the button: asked first, then gone, and 李四 is due again
    assert view.cancel_button.isEnabled()
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    confirm(qtbot, page)
    qtbot.waitUntil(lambda: view.rows() == [])
    assert services.plans.appointment(booked.id).status is AppointmentStatus.CANCELLED
    assert state_of(services, roster.li, date(2026, 11, 24)) is CoverageState.DUE


def test_cancel_from_the_reschedule_dialog_and_the_context_menu(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster, int]
) -> None:
    services, runner, roster, _plan_id = env
    first, _ = services.plans.schedule(roster.talker, roster.li, datetime(2026, 11, 25, 9, 30))
    page = shown_week(qtbot, services, runner)
    view = page.week
    page.editor.reschedule(first.id)
    dialog = open_dialog(qtbot, page, AppointmentDialog)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    confirm(qtbot, dialog)
    qtbot.waitUntil(lambda: closed(dialog))
    qtbot.waitUntil(lambda: view.rows() == [])

    second, _ = services.plans.schedule(roster.talker, roster.li, datetime(2026, 11, 27, 10))
    page.reload()
    qtbot.waitUntil(lambda: len(view.rows()) == 1)
    menu = view.context_menu(view.rows()[0])
    assert [a.text() for a in menu.actions()] == ["Reschedule…", "Cancel appointment…"]
    menu.actions()[1].trigger()
    confirm(qtbot, page)
    qtbot.waitUntil(lambda: view.rows() == [])
    assert services.plans.appointment(second.id).status is AppointmentStatus.CANCELLED


def test_week_navigation_shows_the_right_days(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster, int]
) -> None:
    services, runner, roster, _plan_id = env
    services.plans.schedule(roster.talker, roster.wang, datetime(2026, 12, 31, 14), "会议室")
    page = shown_week(qtbot, services, runner)
    view = page.week
    assert view.monday == date(2026, 11, 23) and not view.this_week_button.isEnabled()
    assert view.days[1].property("today") is True  # Tuesday 24 Nov, the test clock
    for _ in range(5):
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
        idle(qtbot, runner)
    # the week of New Year's Day 2027: Thursday 31 Dec holds the talk, Friday 1 Jan is off
    assert view.monday == date(2026, 12, 28)
    assert view.week_label.text() == "2026-12-28 – 2027-01-03"
    assert view.day_titles()[3].endswith("12/31") and view.days[3].rows()[0].person_name == "王五"
    assert view.days[4].off_label.isVisibleTo(view) and not view.days[3].off_label.isVisibleTo(view)
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    idle(qtbot, runner)
    assert view.monday == date(2026, 12, 21) and view.rows() == []
    qtbot.mouseClick(view.this_week_button, Qt.MouseButton.LeftButton)
    idle(qtbot, runner)
    assert view.monday == date(2026, 11, 23)


def test_a_new_appointment_from_the_week_view_asks_for_the_person(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster, int]
) -> None:
    services, runner, roster, _plan_id = env
    page = shown_week(qtbot, services, runner)
    qtbot.mouseClick(page.week.next_button, Qt.MouseButton.LeftButton)
    idle(qtbot, runner)
    qtbot.mouseClick(page.week.new_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, AppointmentDialog)
    assert dialog.date_edit.date() == QDate(2026, 11, 30)  # the Monday of the week shown
    assert dialog.person_combo.isEnabled() and dialog.person_combo.currentData() is None
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "choose the person" in dialog.error_label.text()
    dialog.person_combo.setCurrentIndex(dialog.person_combo.findText("王五"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "who holds the talk" in dialog.error_label.text()
    dialog.talker_combo.setCurrentIndex(dialog.talker_combo.findText("周书记"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog))
    qtbot.waitUntil(lambda: len(page.week.rows()) == 1)
    assert page.week.selected() is not None and page.week.selected().person_id == roster.wang

    # opened from a Today line ("appointment:<id>"): its week, with it selected
    (row,) = services.plans.appointments(datetime(2026, 11, 30), datetime(2026, 12, 7))
    qtbot.mouseClick(page.week.this_week_button, Qt.MouseButton.LeftButton)
    idle(qtbot, runner)
    assert page.week.monday == date(2026, 11, 23)
    page.show_item(f"appointment:{row.id}")
    qtbot.waitUntil(lambda: page.week.selected() is not None)
    assert page.week.monday == date(2026, 11, 30) and page.week.selected() == row


def test_a_follow_up_line_opens_that_follow_up_selected(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster, int]
) -> None:
    services, runner, roster, _plan_id = env
    fu = services.follow_ups
    late, _ = fu.create(FollowUpInput("食堂", roster.li, due_on=date(2026, 11, 20)))
    closed_one, _ = fu.create(FollowUpInput("车位", roster.zhang, due_on=date(2026, 11, 1)))
    fu.set_status(closed_one.id, FollowUpStatus.RESOLVED, "已办")
    page = FollowUpsPage(services, runner)
    qtbot.addWidget(page)
    page.show()
    idle(qtbot, runner)
    page.show_item(f"follow_up:{late.id}")
    qtbot.waitUntil(lambda: page.table.selectionModel().hasSelection())
    assert page.status_combo.currentData() == "not_closed"
    assert page.model.row_at(page.table.currentIndex().row()).id == late.id
    # a closed one is hidden by "not closed": all statuses are shown to select it
    page.show_item(f"follow_up:{closed_one.id}")
    qtbot.waitUntil(lambda: page.status_combo.currentData() == "all")
    qtbot.waitUntil(
        lambda: (
            page.model.row_at(page.table.currentIndex().row()) is not None
            and page.model.row_at(page.table.currentIndex().row()).id == closed_one.id
        )
    )
    page.show_item("overdue")  # a status group still works
    assert page.status_combo.currentData() == "overdue"
