"""Talk triggers (必谈) marked from the People page, and the People page's show_item."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from talkdesk.domain.values import TriggerKind
from talkdesk.services.bundle import Services
from talkdesk.services.people import PersonInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.ui.pages.people_page import PeoplePage
from talkdesk.ui.pages.trigger_dialog import TriggerDialog
from tests.ui.page_helpers import click_ok, commit_text, idle, open_dialog, running
from tests.ui.test_people_page import names, select_person


@pytest.fixture
def services_page(qtbot: QtBot, session: WorkspaceSession) -> Iterator[tuple[Services, PeoplePage]]:
    with running(session) as (services, runner):
        services.people.add_person(PersonInput(name="张三"))
        services.people.add_person(PersonInput(name="李四"))
        page = PeoplePage(services, runner)
        runner.operation_did_execute.connect(page.on_changes)
        qtbot.addWidget(page)
        page.resize(1100, 600)
        page.show()
        qtbot.waitUntil(lambda: names(page) == ["李四", "张三"])
        idle(qtbot, runner)
        yield services, page


def test_mark_a_hardship_on_a_person(
    qtbot: QtBot, services_page: tuple[Services, PeoplePage]
) -> None:
    services, page = services_page
    assert not page.trigger_button.isEnabled()
    select_person(qtbot, page, "张三")
    assert page.trigger_button.isEnabled()
    qtbot.mouseClick(page.trigger_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, TriggerDialog)
    assert dialog.person_label.text() == "张三"
    assert dialog.kind() is TriggerKind.NEW_POST
    assert dialog.days_spin.value() == 30  # the kind's usual time
    dialog.select_kind(TriggerKind.HARDSHIP)
    assert dialog.days_spin.value() == 7
    dialog.date_edit.setDate(QDate(2026, 11, 20))
    assert dialog.due_label.text() == "Talk by 2026-11-27"
    commit_text(dialog.note_edit, "家人住院")
    click_ok(qtbot, dialog.buttons)

    qtbot.waitUntil(lambda: not [d for d in page.findChildren(TriggerDialog) if d.isVisible()])
    person = page.selected_person()
    assert person is not None
    [trigger] = services.plans.triggers(person.id)
    assert trigger.kind is TriggerKind.HARDSHIP
    assert (trigger.occurred_on, trigger.due_on) == (date(2026, 11, 20), date(2026, 11, 27))
    assert trigger.note == "家人住院"
    [waiting] = services.coverage.report().triggers
    assert (waiting.person_name, waiting.days_left) == ("张三", 3)


def test_the_days_can_be_changed_and_cancel_saves_nothing(
    qtbot: QtBot, services_page: tuple[Services, PeoplePage]
) -> None:
    services, page = services_page
    select_person(qtbot, page, "李四")
    qtbot.mouseClick(page.trigger_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, TriggerDialog)
    dialog.select_kind(TriggerKind.REQUESTED)
    dialog.days_spin.setValue(2)
    click_ok(qtbot, dialog.buttons)
    qtbot.waitUntil(lambda: len(services.plans.triggers()) == 1)
    assert services.plans.triggers()[0].due_on == date(2026, 11, 26)

    qtbot.mouseClick(page.trigger_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, TriggerDialog)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert len(services.plans.triggers()) == 1


def test_show_item_finds_a_person_whatever_the_filter(
    qtbot: QtBot, services_page: tuple[Services, PeoplePage]
) -> None:
    services, page = services_page
    left, _ = services.people.add_person(PersonInput(name="王五"))
    services.people.mark_left(left.id, date(2026, 1, 1))
    commit_text(page.search_edit, "李")
    qtbot.waitUntil(lambda: names(page) == ["李四"])
    page.show_item(f"person:{left.id}")
    qtbot.waitUntil(lambda: page.selected_person() is not None)
    assert page.selected_person().name == "王五"
    assert page.show_left_check.isChecked()
