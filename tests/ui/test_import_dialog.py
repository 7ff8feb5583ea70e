"""The roster import wizard driven as a user: from the People page to the list and back (undo)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from talkdesk.domain.roster import RosterField, RowStatus
from talkdesk.services.bundle import Services
from talkdesk.services.people import PeopleFilter
from talkdesk.services.session import WorkspaceSession
from talkdesk.ui.dialogs.import_dialog import DONE, FILE, MAPPING, REPORT, ImportDialog
from talkdesk.ui.pages.people_page import PeoplePage
from talkdesk.ui.tasks import TaskRunner
from tests.helpers.rosters import zip_bomb_xlsx
from tests.ui.page_helpers import idle, open_dialog, running

ROSTER = (
    "姓名,部门,性别,联络手机\n"
    "张三,办公室,男,13800138000\n"
    "李四,办公室/综合科,女,13900000000\n"
    ",财务科,女,\n"
    "张三,办公室,男,\n"
)


@pytest.fixture
def env(
    qtbot: QtBot, session: WorkspaceSession
) -> Iterator[tuple[Services, TaskRunner, PeoplePage]]:
    with running(session) as (services, runner):
        page = PeoplePage(services, runner)
        runner.operation_did_execute.connect(page.on_changes)
        qtbot.addWidget(page)
        page.resize(1100, 600)
        page.show()
        qtbot.waitUntil(lambda: page.model.total is not None)
        idle(qtbot, runner)
        yield services, runner, page


def names(page: PeoplePage) -> list[str]:
    return sorted(p.name for p in page.model.rows)


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def open_import(qtbot: QtBot, page: PeoplePage) -> ImportDialog:
    click(qtbot, page.import_button)
    dialog = open_dialog(qtbot, page, ImportDialog)
    qtbot.waitUntil(lambda: dialog.last_label.text() != "")
    return dialog


def test_import_a_roster_adjusting_a_column_then_undo_it(
    qtbot: QtBot, env: tuple[Services, TaskRunner, PeoplePage], tmp_path: Path
) -> None:
    services, runner, page = env
    path = tmp_path / "roster.csv"
    path.write_bytes(ROSTER.encode("gbk"))
    dialog = open_import(qtbot, page)
    assert not dialog.undo_button.isEnabled()  # nothing imported yet

    dialog.choose_file(path)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == MAPPING)
    assert dialog.combos[RosterField.NAME].currentText() == "A: 姓名"
    phone = dialog.combos[RosterField.PHONE]
    assert phone.currentData() is None  # 联络手机 is not a known header
    assert dialog.preview_table.rowCount() == 4
    assert dialog.preview_table.item(0, 0).text() == "张三"
    phone.setCurrentIndex(phone.findText("D: 联络手机"))  # the user picks it
    assert "Phone" in dialog.preview_table.horizontalHeaderItem(3).text()

    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == REPORT)
    rows = dialog.report_model.rows
    assert [(r.number, r.status) for r in rows] == [
        (2, RowStatus.OK),
        (3, RowStatus.OK),
        (4, RowStatus.ERROR),
        (5, RowStatus.DUPLICATE),
    ]
    model = dialog.report_model
    assert model.index(2, 1).data() == "Error"
    assert model.index(2, 4).data() == "The name is missing."
    assert "row 2" in model.index(3, 4).data()
    assert "1 duplicate" in dialog.report_summary.text()
    assert dialog.next_button.text() == "&Import 2 person(s)"

    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == DONE)
    assert dialog.done_label.text().startswith("2 person(s) imported, 2 department(s) created")
    idle(qtbot, runner)
    qtbot.waitUntil(lambda: names(page) == ["张三", "李四"])
    stored = {p.name: p for p in services.people.people(PeopleFilter())}
    assert stored["张三"].phone == "13800138000"  # from the column the user chose
    assert stored["李四"].department_name == "综合科"

    qtbot.waitUntil(dialog.undo_done_button.isEnabled)
    click(qtbot, dialog.undo_done_button)
    box = open_dialog(qtbot, dialog, QMessageBox)
    click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(lambda: "undone" in dialog.status_label.text())
    idle(qtbot, runner)
    qtbot.waitUntil(lambda: names(page) == [])
    assert services.people.departments() == []
    qtbot.waitUntil(lambda: not dialog.undo_done_button.isEnabled())


def test_a_dangerous_file_is_refused_in_the_dialog(
    qtbot: QtBot, env: tuple[Services, TaskRunner, PeoplePage], tmp_path: Path
) -> None:
    services, runner, page = env
    dialog = open_import(qtbot, page)
    dialog.choose_file(zip_bomb_xlsx(tmp_path / "bomb.xlsx"))
    qtbot.waitUntil(dialog.error_label.isVisible)
    assert "zip bomb" in dialog.error_label.text()
    assert dialog.pages.currentIndex() == FILE
    assert not dialog.next_button.isEnabled()
    idle(qtbot, runner)
    assert services.people.count_people() == 0


def test_without_a_recognised_header_the_user_chooses_the_name_column(
    qtbot: QtBot, env: tuple[Services, TaskRunner, PeoplePage], tmp_path: Path
) -> None:
    _services, runner, page = env
    path = tmp_path / "plain.csv"
    path.write_text("办公室,王五\n办公室,赵六\n", encoding="utf-8")
    dialog = open_import(qtbot, page)
    dialog.choose_file(path)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == MAPPING)
    assert not dialog.next_button.isEnabled()
    name, department = dialog.combos[RosterField.NAME], dialog.combos[RosterField.DEPARTMENT]
    name.setCurrentIndex(name.findData(1))
    department.setCurrentIndex(department.findData(0))
    assert dialog.next_button.isEnabled()
    department.setCurrentIndex(department.findData(1))  # taking the name column away
    assert name.currentData() is None and not dialog.next_button.isEnabled()
    name.setCurrentIndex(name.findData(1))
    department.setCurrentIndex(department.findData(0))
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == REPORT)
    click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == DONE)
    idle(qtbot, runner)
    qtbot.waitUntil(lambda: names(page) == ["王五", "赵六"])
