"""Acting on follow-ups from their page, as a user: status in place, the reason for 'cannot be
resolved', feedback, bulk changes, a new anonymous item with its ticket code, the full history
and the links to the talk and the person."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from talkdesk.domain.clock import FixedClock
from talkdesk.domain.values import FeedbackHow, FollowUpSource, FollowUpStatus, Response
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import EventKind, FollowUpFilter, FollowUpInput, ticket_text
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.talks import TalkInput
from talkdesk.ui.models.follow_ups_model import STATUS_COLUMN
from talkdesk.ui.pages.follow_up_dialog import FollowUpDialog
from talkdesk.ui.pages.follow_up_edit import ItemEditDialog
from talkdesk.ui.pages.follow_up_forms import (
    BulkDialog,
    ClosingDialog,
    FeedbackDialog,
    ProgressDialog,
)
from talkdesk.ui.pages.follow_ups_page import FollowUpsPage, StatusChoice
from talkdesk.ui.tasks import TaskRunner
from tests.ui.page_helpers import (
    Roster,
    click_ok,
    commit_text,
    idle,
    make_roster,
    open_dialog,
    running,
)


@dataclass(frozen=True)
class Env:
    services: Services
    runner: TaskRunner
    roster: Roster
    clock: FixedClock
    canteen: int  # 李四's, handled by 后勤, overdue
    school: int  # 张三's, from a talk, handled by 人事科
    talk: int


@pytest.fixture
def env(session: WorkspaceSession, clock: FixedClock) -> Iterator[Env]:
    with running(session) as (services, runner):
        roster = make_roster(services)
        talk, _ = services.talks.create_talk(
            TalkInput(roster.talker, roster.zhang, datetime(2026, 11, 2, 10, 0))
        )
        fu = services.follow_ups
        canteen, _ = fu.create(
            FollowUpInput("食堂饭菜偏咸", roster.li, handler="后勤", due_on=date(2026, 11, 1))
        )
        school, _ = fu.create(
            FollowUpInput(
                "孩子入学",
                roster.zhang,
                talk_id=talk.id,
                handler="人事科",
                due_on=date(2026, 12, 1),
            )
        )
        yield Env(services, runner, roster, clock, canteen.id, school.id, talk.id)


def open_page(qtbot: QtBot, env: Env) -> FollowUpsPage:
    page = FollowUpsPage(env.services, env.runner)
    env.runner.operation_did_execute.connect(page.on_changes)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.show_status(StatusChoice.ALL)
    qtbot.waitUntil(lambda: page.model.total == 2 and not page.model.loading)
    idle(qtbot, env.runner)
    return page


def row_of(page: FollowUpsPage, item_id: int) -> int:
    row = page.model.find_row(lambda r: r.id == item_id)
    assert row is not None
    return row


def click_row(qtbot: QtBot, page: FollowUpsPage, item_id: int, ctrl: bool = False) -> None:
    rect = page.table.visualRect(page.model.index(row_of(page, item_id), 0))
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def pick_status_in_place(qtbot: QtBot, page: FollowUpsPage, item_id: int, text: str) -> None:
    """Double-click the status cell, then click the status in the list that opens."""
    index = page.model.index(row_of(page, item_id), STATUS_COLUMN)
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor: list[QComboBox] = []

    def popup_open() -> bool:
        editor[:] = page.table.viewport().findChildren(QComboBox, "statusEditor")
        return bool(editor) and editor[0].view().isVisible()

    qtbot.waitUntil(popup_open)
    combo = editor[0]
    assert combo.currentText() == page.model.index(index.row(), STATUS_COLUMN).data()
    view = combo.view()
    target = view.model().index(combo.findText(text), 0)
    at = view.visualRect(target).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)


def status_text(page: FollowUpsPage, item_id: int) -> str:
    row = page.model.find_row(lambda r: r.id == item_id)
    return "" if row is None else page.model.index(row, STATUS_COLUMN).data()


def test_a_status_changes_in_place(qtbot: QtBot, env: Env) -> None:
    page = open_page(qtbot, env)
    pick_status_in_place(qtbot, page, env.canteen, "In progress")
    qtbot.waitUntil(lambda: status_text(page, env.canteen) == "In progress")
    stored = env.services.follow_ups.get(env.canteen)
    assert stored.row.status is FollowUpStatus.IN_PROGRESS
    assert stored.events[-1].kind is EventKind.STATUS
    assert not page.table.viewport().findChildren(QComboBox, "statusEditor")


def test_cannot_be_resolved_asks_for_the_reason(qtbot: QtBot, env: Env) -> None:
    page = open_page(qtbot, env)
    pick_status_in_place(qtbot, page, env.canteen, "Cannot be resolved")
    dialog = open_dialog(qtbot, page, ClosingDialog)
    assert dialog.windowTitle() == "Cannot be resolved"
    assert dialog.heading_label.text() == "食堂饭菜偏咸"
    click_ok(qtbot, dialog.buttons)  # no reason given
    assert dialog.isVisible() and "reason" in dialog.error_label.text()
    idle(qtbot, env.runner)
    assert env.services.follow_ups.get(env.canteen).row.status is FollowUpStatus.OPEN
    commit_text(dialog.note_edit, "食堂外包合同未到期，暂无法更换供应商")
    click_ok(qtbot, dialog.buttons)
    qtbot.waitUntil(lambda: status_text(page, env.canteen) == "Cannot be resolved")
    stored = env.services.follow_ups.get(env.canteen)
    assert stored.row.status is FollowUpStatus.UNRESOLVABLE
    assert stored.resolution == "食堂外包合同未到期，暂无法更换供应商"
    # the person is owed the answer now
    qtbot.waitUntil(lambda: page.owed_button.text() == "1 awaiting feedback")


def test_recording_feedback_lowers_the_count_awaiting_it(qtbot: QtBot, env: Env) -> None:
    env.services.follow_ups.set_status(env.school, FollowUpStatus.RESOLVED, "已协调入学")
    page = open_page(qtbot, env)
    qtbot.waitUntil(lambda: page.owed_button.isVisible())
    assert page.owed_button.text() == "1 awaiting feedback"
    click_row(qtbot, page, env.school)
    assert page.feedback_button.isEnabled()
    qtbot.mouseClick(page.feedback_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, FeedbackDialog)
    assert dialog.date_edit.date() == QDate(2026, 11, 24)
    dialog.how_combo.setCurrentIndex(dialog.how_combo.findText("By phone"))
    dialog.response_combo.setCurrentIndex(dialog.response_combo.findText("Satisfied"))
    click_ok(qtbot, dialog.buttons)
    assert "told" in dialog.error_label.text()  # what they were told is needed
    commit_text(dialog.told_edit, "已电话告知入学安排")
    click_ok(qtbot, dialog.buttons)
    qtbot.waitUntil(lambda: page.owed_button.isHidden())
    stored = env.services.follow_ups.get(env.school)
    assert (stored.row.feedback_on, stored.feedback_how, stored.response) == (
        date(2026, 11, 24),
        FeedbackHow.PHONE,
        Response.SATISFIED,
    )
    assert stored.feedback_text == "已电话告知入学安排"
    assert page.model.index(row_of(page, env.school), 7).data() == "2026-11-24"
    assert env.services.follow_ups.count_follow_ups(FollowUpFilter(feedback_owed=True)) == 0


def test_bulk_change_of_handler_and_due_date(qtbot: QtBot, env: Env) -> None:
    page = open_page(qtbot, env)
    click_row(qtbot, page, env.canteen)
    click_row(qtbot, page, env.school, ctrl=True)
    assert len(page.selected_rows()) == 2
    assert not page.details_button.isEnabled() and page.bulk_button.isEnabled()
    qtbot.mouseClick(page.bulk_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, BulkDialog)
    assert [dialog.handler_combo.itemText(i) for i in range(dialog.handler_combo.count())] == [
        "人事科",
        "后勤",
    ]
    click_ok(qtbot, dialog.buttons)
    assert dialog.isVisible() and "Tick" in dialog.error_label.text()
    qtbot.mouseClick(dialog.handler_check, Qt.MouseButton.LeftButton)
    dialog.handler_combo.lineEdit().clear()
    commit_text(dialog.handler_combo.lineEdit(), "综合科")
    qtbot.mouseClick(dialog.due_check, Qt.MouseButton.LeftButton)
    dialog.due_edit.setDate(QDate(2027, 1, 15))
    click_ok(qtbot, dialog.buttons)
    qtbot.waitUntil(
        lambda: [page.model.index(r, 4).data() for r in range(2)] == ["综合科", "综合科"]
    )
    for item_id in (env.canteen, env.school):
        stored = env.services.follow_ups.get(item_id)
        assert (stored.row.handler, stored.row.due_on) == ("综合科", date(2027, 1, 15))
    # the handler filter offers the new handler, and not the old ones
    qtbot.waitUntil(lambda: page.filters.handler_combo.findText("综合科") > 0)
    assert page.filters.handler_combo.findText("后勤") < 0


def test_an_anonymous_suggestion_gets_a_ticket_code_found_by_search(qtbot: QtBot, env: Env) -> None:
    page = open_page(qtbot, env)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, ItemEditDialog)
    assert dialog.source_combo.currentText() == "Suggestion box"
    assert dialog.person_combo.currentText() == "(anonymous)"
    assert dialog.anonymous_hint.isVisible()
    commit_text(dialog.title_edit, "建议增设职工书屋")
    commit_text(dialog.handler_combo.lineEdit(), "工会")
    click_ok(qtbot, dialog.buttons)
    shown = open_dialog(qtbot, page, FollowUpDialog)
    (item,) = env.services.follow_ups.list_follow_ups(FollowUpFilter(text="书屋"))
    detail = env.services.follow_ups.get(item.id)
    assert detail.row.source is FollowUpSource.SUGGESTION_BOX and detail.row.person_id is None
    code = detail.ticket_code
    assert code is not None
    assert shown.ticket_label.isVisible() and ticket_text(code) in shown.ticket_label.text()
    assert shown.person_text.text() == "Anonymous"
    shown.close()
    # whoever holds the code asks: found by it, typed in lower case with the dash
    page.show_status(StatusChoice.ALL)
    qtbot.keyClicks(page.filters.search_edit, ticket_text(code).lower())
    qtbot.waitUntil(lambda: [r.id for r in page.model.rows] == [item.id])


def test_a_new_item_for_a_named_person_from_a_survey(qtbot: QtBot, env: Env) -> None:
    page = open_page(qtbot, env)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, ItemEditDialog)
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findText("Survey"))
    dialog.person_combo.setCurrentIndex(dialog.person_combo.findText("王五 · 财务科"))
    assert dialog.anonymous_hint.isHidden()
    click_ok(qtbot, dialog.buttons)
    assert "what the matter is" in dialog.error_label.text()
    commit_text(dialog.title_edit, "希望增加业务培训")
    qtbot.mouseClick(dialog.due_check, Qt.MouseButton.LeftButton)
    dialog.due_edit.setDate(QDate(2026, 12, 31))
    click_ok(qtbot, dialog.buttons)
    open_dialog(qtbot, page, FollowUpDialog).close()
    (item,) = env.services.follow_ups.list_follow_ups(FollowUpFilter(source=FollowUpSource.SURVEY))
    assert (item.title, item.person_id, item.due_on, item.ticket_code) == (
        "希望增加业务培训",
        env.roster.wang,
        date(2026, 12, 31),
        None,
    )


def test_the_history_shows_every_event_in_order_with_links(qtbot: QtBot, env: Env) -> None:
    fu, clock = env.services.follow_ups, env.clock
    clock.set(datetime(2026, 11, 25, 10, 0))
    fu.set_status(env.school, FollowUpStatus.IN_PROGRESS, "已联系教育局")
    clock.set(datetime(2026, 11, 27, 15, 0))
    fu.add_progress(env.school, "材料已提交")
    clock.set(datetime(2026, 12, 2, 9, 0))
    fu.set_status(env.school, FollowUpStatus.RESOLVED, "已安排入学")
    clock.set(datetime(2026, 12, 3, 16, 0))
    fu.record_feedback(env.school, date(2026, 12, 3), FeedbackHow.IN_PERSON, "当面告知")
    page = open_page(qtbot, env)
    rect = page.table.visualRect(page.model.index(row_of(page, env.school), 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = open_dialog(qtbot, page, FollowUpDialog)
    history = dialog.history
    lines = [
        tuple(history.topLevelItem(i).text(c) for c in range(3))
        for i in range(history.topLevelItemCount())
    ]
    assert lines == [
        ("2026-11-24 09:30", "Recorded", ""),
        ("2026-11-25 10:00", "Status: In progress", "已联系教育局"),
        ("2026-11-27 15:00", "Progress", "材料已提交"),
        ("2026-12-02 09:00", "Status: Resolved", "已安排入学"),
        ("2026-12-03 16:00", "Feedback given", "当面告知"),
    ]
    assert dialog.title_label.text() == "孩子入学"
    assert "已安排入学" in dialog.resolution_label.text()
    assert "2026-12-03" in dialog.feedback_label.text()
    assert dialog.talk_link.text() == "The talk of 2026-11-02 10:00"
    with qtbot.waitSignal(page.open_page) as opened:
        qtbot.mouseClick(dialog.talk_link, Qt.MouseButton.LeftButton)
    assert opened.args == ["talks", f"talk:{env.talk}"]
    qtbot.waitUntil(lambda: not dialog.isVisible())

    page.open_item(env.school)
    dialog = open_dialog(qtbot, page, FollowUpDialog)
    assert dialog.person_link.text() == "张三"
    with qtbot.waitSignal(page.open_page) as opened:
        qtbot.mouseClick(dialog.person_link, Qt.MouseButton.LeftButton)
    assert opened.args == ["people", f"person:{env.roster.zhang}"]


def test_the_item_dialog_moves_the_item_on_and_shows_it(qtbot: QtBot, env: Env) -> None:
    page = open_page(qtbot, env)
    page.open_item(env.canteen)
    dialog = open_dialog(qtbot, page, FollowUpDialog)
    assert "overdue" in dialog.status_label.text()
    assert dialog.talk_link.isHidden() and dialog.source_label.text() == "Talk"
    qtbot.mouseClick(dialog.progress_button, Qt.MouseButton.LeftButton)
    progress = open_dialog(qtbot, dialog, ProgressDialog)
    commit_text(progress.note_edit, "已与食堂沟通")
    click_ok(qtbot, progress.buttons)
    qtbot.waitUntil(lambda: dialog.history.topLevelItemCount() == 2)
    assert dialog.history.topLevelItem(1).text(2) == "已与食堂沟通"
    (resolve,) = [a for a in dialog.status_menu.actions() if a.data() == "resolved"]
    resolve.trigger()
    closing = open_dialog(qtbot, dialog, ClosingDialog)
    commit_text(closing.note_edit, "已调整口味")
    click_ok(qtbot, closing.buttons)
    qtbot.waitUntil(lambda: "Resolved" in dialog.status_label.text())
    assert "tell the person" in dialog.feedback_label.text()
    qtbot.waitUntil(lambda: status_text(page, env.canteen) == "Resolved")


def test_the_context_menu_acts_on_the_row_under_the_mouse(qtbot: QtBot, env: Env) -> None:
    page = open_page(qtbot, env)
    rect = page.table.visualRect(page.model.index(row_of(page, env.canteen), 0))
    page.table.customContextMenuRequested.emit(rect.center())
    menu = page.context_menu
    assert menu is not None and [r.id for r in page.selected_rows()] == [env.canteen]
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Details…",
        "Change status",
        "Progress note…",
        "Record feedback…",
        "Handler or due date…",
        "Show 李四",
    ]
    with qtbot.waitSignal(page.open_page) as opened:
        menu.actions()[-1].trigger()
    assert opened.args == ["people", f"person:{env.roster.li}"]
    menu.close()
    page.table.customContextMenuRequested.emit(rect.center())
    assert page.context_menu is not None
    page.context_menu.actions()[0].trigger()  # details
    dialog = open_dialog(qtbot, page, FollowUpDialog)
    assert dialog.detail.id == env.canteen


def test_editing_an_item_from_a_talk_keeps_its_person_and_logs_the_new_handler(
    qtbot: QtBot, env: Env
) -> None:
    page = open_page(qtbot, env)
    page.open_item(env.school)
    dialog = open_dialog(qtbot, page, FollowUpDialog)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    edit = open_dialog(qtbot, dialog, ItemEditDialog)
    assert edit.title_edit.text() == "孩子入学" and edit.handler_combo.currentText() == "人事科"
    assert not edit.person_combo.isEnabled() and not edit.source_combo.isEnabled()
    assert edit.person_combo.currentData() == env.roster.zhang
    assert edit.due_check.isChecked() and edit.due_edit.date() == QDate(2026, 12, 1)
    edit.handler_combo.setCurrentText("")
    commit_text(edit.handler_combo.lineEdit(), "组织人事科")
    click_ok(qtbot, edit.buttons)
    qtbot.waitUntil(lambda: dialog.handler_label.text() == "组织人事科")
    last = dialog.history.topLevelItem(dialog.history.topLevelItemCount() - 1)
    assert (last.text(1), last.text(2)) == ("New handler", "组织人事科")
    stored = env.services.follow_ups.get(env.school)
    assert (stored.row.person_id, stored.talk_id) == (env.roster.zhang, env.talk)
