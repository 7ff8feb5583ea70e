"""The talk record form, as a user fills it: prompts, follow-ups, finalising, amendments,
carry-over to the next talk, and the draft saved without pressing Save."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from talkdesk.domain.values import (
    CareLevel,
    FeedbackHow,
    FollowUpStatus,
    TalkKind,
    TalkState,
    Topic,
)
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpFilter, FollowUpInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.talks import TalkInput
from talkdesk.ui.pages.carry_over import ItemDialog
from talkdesk.ui.pages.talk_form import AmendDialog, TalkForm
from talkdesk.ui.pages.talks_page import TalksPage
from talkdesk.ui.tasks import TaskRunner
from tests.ui.page_helpers import Roster, click_ok, commit_text, idle, make_roster, running

Env = tuple[Services, TaskRunner, Roster]


@pytest.fixture
def env(qtbot: QtBot, session: WorkspaceSession) -> Iterator[Env]:
    with running(session) as (services, runner):
        yield services, runner, make_roster(services)


def open_page(qtbot: QtBot, services: Services, runner: TaskRunner) -> TalksPage:
    page = TalksPage(services, runner)
    runner.operation_did_execute.connect(page.on_changes)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show()
    qtbot.waitUntil(lambda: page.model.total is not None)
    idle(qtbot, runner)
    return page


def new_form(qtbot: QtBot, page: TalksPage, runner: TaskRunner) -> TalkForm:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.forms.form is not None and page.forms.form.isVisible())
    idle(qtbot, runner)
    form = page.forms.form
    assert form is not None
    return form


def choose_people(qtbot: QtBot, form: TalkForm, runner: TaskRunner, roster: Roster) -> None:
    form.talker_combo.setCurrentIndex(form.talker_combo.findData(roster.talker))
    form.person_combo.setCurrentIndex(form.person_combo.findData(roster.zhang))
    idle(qtbot, runner)


def finalised_talk_with_two_items(services: Services, roster: Roster) -> tuple[int, list[int]]:
    detail, _ = services.talks.create_talk(
        TalkInput(roster.talker, roster.zhang, datetime(2026, 11, 20, 15, 0), content="谈了工作")
    )
    items = [
        services.follow_ups.create(
            FollowUpInput(title, roster.zhang, talk_id=detail.id, handler="办公室")
        )[0].id
        for title in ("解决通勤班车", "安排业务培训")
    ]
    services.talks.finalise(detail.id)
    return detail.id, items


def test_record_a_talk_from_a_template_with_two_follow_ups_and_finalise(
    qtbot: QtBot, env: Env
) -> None:
    services, runner, roster = env
    page = open_page(qtbot, services, runner)
    form = new_form(qtbot, page, runner)
    assert form.status_label.text() == "New record, not saved yet"
    assert form.talker_combo.itemText(1) == "周书记"  # leaders first
    choose_people(qtbot, form, runner, roster)
    commit_text(form.place_edit, "二楼小会议室")
    commit_text(form.recorder_edit, "小李")
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(TalkKind.REGULAR))

    # the template's questions follow the ticked topics
    template = services.templates.templates()[0]
    assert form.prompts.template_combo.currentText() == template.name
    assert form.prompts.shown_questions() == []
    qtbot.mouseClick(form.topic_checks[Topic.WORK], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.topic_checks[Topic.CAREER], Qt.MouseButton.LeftButton)
    expected = [*template.prompts[Topic.WORK], *template.prompts[Topic.CAREER]]
    assert form.prompts.shown_questions() == expected
    # a double-clicked question goes into what was said
    questions = form.prompts.questions
    item = questions.item(1)
    rect = questions.visualItemRect(item)
    qtbot.mouseClick(questions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(questions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert form.content_edit.toPlainText() == template.prompts[Topic.WORK][0] + "\n"
    commit_text(form.content_edit, "手头工作进展顺利。")
    commit_text(form.problems_edit, "通勤时间长")
    commit_text(form.suggestions_edit, "希望多组织业务培训")

    # the care reason is only asked for with a care flag
    assert not form.care_reason_edit.isEnabled()
    form.care_combo.setCurrentIndex(form.care_combo.findData(CareLevel.WATCH))
    assert form.care_reason_edit.isEnabled()
    commit_text(form.care_reason_edit, "家中老人生病")
    # private notes show only after a click
    assert form.private_edit.isHidden()
    qtbot.mouseClick(form.private_button, Qt.MouseButton.LeftButton)
    assert form.private_edit.isVisible()
    commit_text(form.private_edit, "情绪略低落")

    # two follow-ups made on the spot
    for title, handler in (("解决通勤班车", "办公室"), ("安排业务培训", "人事科")):
        qtbot.mouseClick(form.add_item_button, Qt.MouseButton.LeftButton)
        row = form.items_table.rowCount() - 1
        form.items_table.item(row, 0).setText(title)
        form.items_table.item(row, 1).setText(handler)
    due = form.items_table.cellWidget(0, 2)
    due.setDate(QDate(2026, 12, 15))  # type: ignore[attr-defined]

    # Ctrl+Enter asks first, then finalises
    qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.confirmation is not None and form.confirmation.isVisible())
    assert form.confirmation is not None
    yes = form.confirmation.button(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.is_final)
    idle(qtbot, runner)

    assert form.talk_id is not None
    stored = services.talks.get_talk(form.talk_id)
    assert stored.row.state is TalkState.FINAL
    data = stored.data
    assert (data.talker_id, data.person_id) == (roster.talker, roster.zhang)
    assert data.held_at == datetime(2026, 11, 24, 9, 30)
    assert (data.place, data.recorder, data.kind) == ("二楼小会议室", "小李", TalkKind.REGULAR)
    assert data.topics == (Topic.WORK, Topic.CAREER)
    assert data.content == template.prompts[Topic.WORK][0] + "\n手头工作进展顺利。"
    assert (data.problems, data.suggestions) == ("通勤时间长", "希望多组织业务培训")
    assert (data.care_level, data.care_reason) == (CareLevel.WATCH, "家中老人生病")
    assert data.private_notes == "情绪略低落"
    items = services.follow_ups.list_follow_ups(FollowUpFilter(talk_id=form.talk_id))
    assert sorted((i.title, i.handler, i.due_on, i.person_id) for i in items) == [
        ("安排业务培训", "人事科", None, roster.zhang),
        ("解决通勤班车", "办公室", date(2026, 12, 15), roster.zhang),
    ]
    assert form.status_label.text().startswith("Finalised on 2026-11-24 09:30")
    # the new record is in the list
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


def test_a_finalised_record_is_read_only_and_takes_amendments(qtbot: QtBot, env: Env) -> None:
    services, runner, roster = env
    talk_id, _items = finalised_talk_with_two_items(services, roster)
    page = open_page(qtbot, services, runner)
    index = page.model.index(0, 1)
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.forms.form is not None and page.forms.form.isVisible())
    idle(qtbot, runner)
    form = page.forms.form
    assert form is not None and form.is_final
    assert form.content_edit.toPlainText() == "谈了工作"
    assert form.items_table.rowCount() == 2

    # trying to edit: nothing changes, nothing can be saved
    assert form.content_edit.isReadOnly()
    assert not form.person_combo.isEnabled() and not form.topic_checks[Topic.WORK].isEnabled()
    assert not form.content_edit.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    qtbot.keyClicks(form.content_edit, "edit")  # no input method reaches it; keys do nothing
    assert form.content_edit.toPlainText() == "谈了工作"
    assert form.save_button.isHidden() and form.finalise_button.isHidden()
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, runner)
    assert services.talks.get_talk(talk_id).data.content == "谈了工作"
    assert not form.add_item_button.isVisible()

    # an amendment instead
    qtbot.mouseClick(form.amend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.amend_dialog is not None and form.amend_dialog.isVisible())
    dialog = form.amend_dialog
    assert isinstance(dialog, AmendDialog)
    commit_text(dialog.text_edit, "补充：已联系后勤处")
    click_ok(qtbot, dialog.buttons)
    assert dialog.error_label.isVisible()  # the reason is required
    commit_text(dialog.reason_edit, "漏记")
    click_ok(qtbot, dialog.buttons)
    qtbot.waitUntil(lambda: form.amendments_list.count() == 1)
    shown = form.amendments_list.item(0).text()
    assert "2026-11-24 09:30" in shown and "漏记" in shown and "补充：已联系后勤处" in shown
    (amendment,) = services.talks.get_talk(talk_id).amendments
    assert (amendment.reason, amendment.text) == ("漏记", "补充：已联系后勤处")
    assert amendment.made_at == datetime(2026, 11, 24, 9, 30)


def test_the_next_talk_shows_open_follow_ups_and_resolves_one_with_feedback(
    qtbot: QtBot, env: Env
) -> None:
    services, runner, roster = env
    _talk_id, (bus, training) = finalised_talk_with_two_items(services, roster)
    page = open_page(qtbot, services, runner)
    form = new_form(qtbot, page, runner)
    assert form.carry_over.item_ids() == []
    choose_people(qtbot, form, runner, roster)
    carry = form.carry_over
    assert sorted(carry.item_ids()) == sorted([bus, training])
    assert carry.last_talk_label.text().startswith("2026-11-20 15:00 · Regular talk")

    carry.select_item(bus)
    qtbot.mouseClick(carry.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: carry.dialog is not None and carry.dialog.isVisible())
    dialog = carry.dialog
    assert isinstance(dialog, ItemDialog)
    commit_text(dialog.resolution_edit, "已开通班车")
    dialog.feedback_box.setChecked(True)
    dialog.how_combo.setCurrentIndex(dialog.how_combo.findData(FeedbackHow.PHONE))
    commit_text(dialog.told_edit, "电话告知班车时间")
    click_ok(qtbot, dialog.buttons)
    qtbot.waitUntil(lambda: carry.item_ids() == [training])

    resolved = services.follow_ups.get(bus)
    assert resolved.row.status is FollowUpStatus.RESOLVED
    assert resolved.resolution == "已开通班车"
    assert resolved.row.feedback_on == date(2026, 11, 24)
    assert (resolved.feedback_how, resolved.feedback_text) == (
        FeedbackHow.PHONE,
        "电话告知班车时间",
    )
    assert services.follow_ups.get(training).row.status is FollowUpStatus.OPEN


def test_the_draft_saves_itself_after_typing_stops(qtbot: QtBot, env: Env) -> None:
    services, runner, roster = env
    page = open_page(qtbot, services, runner)
    form = new_form(qtbot, page, runner)
    commit_text(form.content_edit, "没有选人")
    form.autosave()  # no talker or person yet: nothing can be stored
    idle(qtbot, runner)
    assert form.talk_id is None
    choose_people(qtbot, form, runner, roster)
    commit_text(form.content_edit, "，谈了家庭情况")
    assert form.autosave_timer.isActive() and form.is_dirty
    form.autosave_timer.timeout.emit()  # the timer's time has come
    qtbot.waitUntil(lambda: form.talk_id is not None)
    idle(qtbot, runner)
    assert not form.is_dirty
    assert form.status_label.text() == "Draft saved at 09:30"
    talk_id = form.talk_id
    assert services.talks.get_talk(talk_id).data.content == "没有选人，谈了家庭情况"
    assert services.talks.get_talk(talk_id).row.state is TalkState.DRAFT

    commit_text(form.problems_edit, "房租压力大")
    form.autosave()
    idle(qtbot, runner)
    assert form.talk_id == talk_id  # the same draft, saved again
    assert services.talks.get_talk(talk_id).data.problems == "房租压力大"
    assert services.talks.count_talks() == 1
