"""The People page driven as a user: departments, adding, searching, editing, leaving."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from talkdesk.services.bundle import Services
from talkdesk.services.people import PeopleFilter, PersonInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.ui.pages.people_page import PeoplePage
from talkdesk.ui.pages.person_dialog import LeaveDialog, PersonDialog
from tests.ui.page_helpers import click_ok, commit_text, idle, open_dialog, running


@pytest.fixture
def services_page(qtbot: QtBot, session: WorkspaceSession) -> Iterator[tuple[Services, PeoplePage]]:
    with running(session) as (services, runner):
        page = PeoplePage(services, runner)
        runner.operation_did_execute.connect(page.on_changes)
        qtbot.addWidget(page)
        page.resize(1100, 600)
        page.show()
        qtbot.waitUntil(lambda: page.model.total is not None)
        idle(qtbot, runner)
        yield services, page


def names(page: PeoplePage) -> list[str]:
    return [p.name for p in page.model.rows]


def tree_texts(page: PeoplePage) -> list[str]:
    root = page.department_tree.topLevelItem(0)
    out = [root.text(0)]
    stack = [root.child(i) for i in range(root.childCount())]
    while stack:
        item = stack.pop(0)
        out.append(item.text(0))
        stack.extend(item.child(i) for i in range(item.childCount()))
    return out


def select_department(page: PeoplePage, name: str) -> None:
    tree = page.department_tree
    [item] = [
        it
        for it in tree.findItems(name, Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive)
    ]
    tree.setCurrentItem(item)


def select_person(qtbot: QtBot, page: PeoplePage, name: str) -> None:
    qtbot.waitUntil(lambda: name in names(page))
    row = names(page).index(name)
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_person() is not None
    assert page.selected_person().name == name


def add_department(qtbot: QtBot, page: PeoplePage, name: str) -> None:
    qtbot.mouseClick(page.add_department_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, QInputDialog)
    dialog.setTextValue(name)
    click_ok(qtbot, dialog.findChild(QDialogButtonBox))


def test_add_a_department_and_a_person_through_the_dialog(
    qtbot: QtBot, services_page: tuple[Services, PeoplePage]
) -> None:
    services, page = services_page
    assert tree_texts(page) == ["All (0)"]
    add_department(qtbot, page, "综合科")
    qtbot.waitUntil(lambda: tree_texts(page) == ["All (0)", "综合科 (0)"])

    select_department(page, "综合科")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, PersonDialog)
    assert dialog.department_combo.currentText().strip() == "综合科"
    commit_text(dialog.name_edit, "张三")
    commit_text(dialog.position_edit, "科员")
    qtbot.keyClicks(dialog.phone_edit, "13800000000")
    dialog.party_check.setChecked(True)
    dialog.joined_edit.setDate(QDate(2019, 7, 1))
    click_ok(qtbot, dialog.buttons)

    qtbot.waitUntil(lambda: names(page) == ["张三"])
    qtbot.waitUntil(lambda: tree_texts(page) == ["All (1)", "综合科 (1)"])
    assert not [d for d in page.findChildren(PersonDialog) if d.isVisible()]
    assert page.count_label.text() == "1 person(s)"
    assert page.selected_person() is not None  # the new person is selected
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row == ["张三", "综合科", "科员", "Yes", "No", "2019-07-01", "In post"]
    [stored] = services.people.people()
    assert (stored.name, stored.phone, stored.party_member) == ("张三", "13800000000", True)
    assert stored.joined_on == date(2019, 7, 1)


def test_the_name_is_required(qtbot: QtBot, services_page: tuple[Services, PeoplePage]) -> None:
    services, page = services_page
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, PersonDialog)
    commit_text(dialog.position_edit, "科员")
    click_ok(qtbot, dialog.buttons)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Please enter the person's name."
    assert services.people.count_people() == 0


def test_a_duplicate_department_name_is_refused_with_a_message(
    qtbot: QtBot, services_page: tuple[Services, PeoplePage]
) -> None:
    services, page = services_page
    services.people.add_department("办公室")
    add_department(qtbot, page, "办公室")
    box = open_dialog(qtbot, page, QMessageBox)
    assert box.text() == "An entry with this name already exists."
    assert len(services.people.departments()) == 1


def test_rename_a_department(qtbot: QtBot, services_page: tuple[Services, PeoplePage]) -> None:
    services, page = services_page
    services.people.add_department("办公室")
    page.reload()
    qtbot.waitUntil(lambda: "办公室 (0)" in tree_texts(page))
    select_department(page, "办公室")
    qtbot.mouseClick(page.rename_department_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, QInputDialog)
    assert dialog.textValue() == "办公室"
    dialog.setTextValue("党政办公室")
    click_ok(qtbot, dialog.findChild(QDialogButtonBox))
    qtbot.waitUntil(lambda: tree_texts(page) == ["All (0)", "党政办公室 (0)"])
    assert [d.name for d in services.people.departments()] == ["党政办公室"]


def test_search_by_initials_pinyin_and_name(
    qtbot: QtBot, services_page: tuple[Services, PeoplePage]
) -> None:
    services, page = services_page
    for name in ("张三", "李四", "王五", "赵六"):
        services.people.add_person(PersonInput(name=name))
    page.reload()
    qtbot.waitUntil(lambda: names(page) == ["李四", "王五", "张三", "赵六"])  # pinyin order

    qtbot.keyClicks(page.search_edit, "zs")
    qtbot.waitUntil(lambda: names(page) == ["张三"])
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "wangwu")
    qtbot.waitUntil(lambda: names(page) == ["王五"])
    page.search_edit.clear()
    commit_text(page.search_edit, "李")
    qtbot.waitUntil(lambda: names(page) == ["李四"])
    assert page.count_label.text() == "1 person(s)"
    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(names(page)) == 4)


def test_department_filter_includes_sub_departments(
    qtbot: QtBot, services_page: tuple[Services, PeoplePage]
) -> None:
    services, page = services_page
    office, _ = services.people.add_department("办公室")
    desk, _ = services.people.add_department("文秘组", parent_id=office.id)
    other, _ = services.people.add_department("财务科")
    services.people.add_person(PersonInput(name="张三", department_id=office.id))
    services.people.add_person(PersonInput(name="李四", department_id=desk.id))
    services.people.add_person(PersonInput(name="王五", department_id=other.id))
    page.reload()
    qtbot.waitUntil(
        lambda: tree_texts(page) == ["All (3)", "办公室 (2)", "财务科 (1)", "文秘组 (1)"]
    )
    select_department(page, "办公室")
    qtbot.waitUntil(lambda: names(page) == ["李四", "张三"])
    select_department(page, "文秘组")
    qtbot.waitUntil(lambda: names(page) == ["李四"])


def test_double_click_opens_the_persons_page_and_back_keeps_the_list(
    qtbot: QtBot, services_page: tuple[Services, PeoplePage]
) -> None:
    services, page = services_page
    for name in ("张三", "李四"):
        services.people.add_person(PersonInput(name=name))
    page.reload()
    qtbot.keyClicks(page.search_edit, "zs")
    qtbot.waitUntil(lambda: names(page) == ["张三"])
    assert not page.open_button.isEnabled()
    select_person(qtbot, page, "张三")
    assert page.open_button.isEnabled()
    rect = page.table.visualRect(page.model.index(0, 0))
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = page.person_view
    qtbot.waitUntil(lambda: view.isVisible() and view.name_label.text() == "张三")
    assert not page.table.isVisible()
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert page.table.isVisible()
    assert page.search_edit.text() == "zs"  # the list as it was left
    assert names(page) == ["张三"]
    assert page.selected_person() is not None


def test_edit_a_person(qtbot: QtBot, services_page: tuple[Services, PeoplePage]) -> None:
    services, page = services_page
    person, _ = services.people.add_person(PersonInput(name="张三", position="科员"))
    page.reload()
    select_person(qtbot, page, "张三")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, PersonDialog)
    assert dialog.name_edit.text() == "张三"
    assert dialog.position_edit.text() == "科员"
    dialog.position_edit.clear()
    commit_text(dialog.position_edit, "副科长")
    dialog.leader_check.setChecked(True)
    click_ok(qtbot, dialog.buttons)
    qtbot.waitUntil(lambda: page.model.index(0, 2).data() == "副科长")
    assert page.model.index(0, 4).data() == "Yes"
    stored = services.people.person(person.id)
    assert (stored.position, stored.is_leader) == ("副科长", True)


def test_edit_with_the_button_and_clearing_the_name_is_refused(
    qtbot: QtBot, services_page: tuple[Services, PeoplePage]
) -> None:
    services, page = services_page
    services.people.add_person(PersonInput(name="张三"))
    page.reload()
    assert not page.edit_button.isEnabled()
    select_person(qtbot, page, "张三")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, PersonDialog)
    dialog.name_edit.clear()
    click_ok(qtbot, dialog.buttons)
    assert dialog.error_label.isVisible()
    dialog.reject()
    assert [p.name for p in services.people.people()] == ["张三"]


def test_mark_as_left_keeps_the_record_and_reinstate_brings_them_back(
    qtbot: QtBot, services_page: tuple[Services, PeoplePage]
) -> None:
    services, page = services_page
    person, _ = services.people.add_person(PersonInput(name="张三"))
    services.people.add_person(PersonInput(name="李四"))
    page.reload()
    select_person(qtbot, page, "张三")
    assert page.leave_button.isEnabled()
    assert not page.reinstate_button.isEnabled()

    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, LeaveDialog)
    assert dialog.left_on() == date(2026, 11, 24)  # today, from the injected clock
    dialog.date_edit.setDate(QDate(2026, 11, 20))
    click_ok(qtbot, dialog.buttons)

    qtbot.waitUntil(lambda: names(page) == ["李四"])
    stored = services.people.person(person.id)
    assert (stored.active, stored.left_on) == (False, date(2026, 11, 20))
    assert services.people.count_people(PeopleFilter(include_left=True)) == 2

    page.show_left_check.setChecked(True)
    qtbot.waitUntil(lambda: names(page) == ["李四", "张三"])
    assert page.model.index(1, 6).data() == "Left on 2026-11-20"
    select_person(qtbot, page, "张三")
    assert not page.leave_button.isEnabled()
    qtbot.mouseClick(page.reinstate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.index(1, 6).data() == "In post")
    assert services.people.person(person.id).active

    page.show_left_check.setChecked(False)
    qtbot.waitUntil(lambda: names(page) == ["李四", "张三"])


def test_cancel_leaving_changes_nothing(
    qtbot: QtBot, services_page: tuple[Services, PeoplePage]
) -> None:
    services, page = services_page
    person, _ = services.people.add_person(PersonInput(name="张三"))
    page.reload()
    select_person(qtbot, page, "张三")
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, LeaveDialog)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert services.people.person(person.id).active
