"""The Follow-ups page: items listed with person or 匿名, overdue in red, status filter, sorting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from talkdesk.domain.values import FeedbackHow, FollowUpSource, FollowUpStatus
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.ui.models.follow_ups_model import OVERDUE
from talkdesk.ui.pages.follow_ups_page import FollowUpsPage, StatusChoice
from talkdesk.ui.tasks import TaskRunner
from tests.ui.page_helpers import Roster, commit_text, idle, make_roster, running


@pytest.fixture
def env(session: WorkspaceSession) -> Iterator[tuple[Services, TaskRunner, Roster]]:
    with running(session) as (services, runner):
        roster = make_roster(services)
        fu = services.follow_ups
        fu.create(
            FollowUpInput("食堂饭菜偏咸", roster.li, handler="后勤", due_on=date(2026, 11, 1))
        )
        fu.create(
            FollowUpInput(
                "增设停车位",
                None,
                FollowUpSource.SUGGESTION_BOX,
                handler="办公室",
                due_on=date(2026, 12, 15),
            )
        )
        done, _ = fu.create(FollowUpInput("报销流程", roster.zhang, due_on=date(2026, 10, 1)))
        fu.set_status(done.id, FollowUpStatus.RESOLVED, "已简化")
        fu.record_feedback(done.id, date(2026, 11, 3), FeedbackHow.IN_PERSON, "已当面告知")
        yield services, runner, roster


def open_page(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    choice: StatusChoice | None = StatusChoice.ALL,
) -> FollowUpsPage:
    page = FollowUpsPage(services, runner)
    runner.operation_did_execute.connect(page.on_changes)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show()
    qtbot.waitUntil(lambda: page.model.total is not None)
    if choice is not None:
        page.show_status(choice)
        qtbot.waitUntil(lambda: page.model.filter == page._filter() and not page.model.loading)
    idle(qtbot, runner)
    return page


def test_the_page_opens_on_what_still_needs_doing(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, _ = env
    page = open_page(qtbot, services, runner, choice=None)
    assert page.status_combo.currentData() == StatusChoice.NOT_CLOSED.value
    assert titles(page) == ["食堂饭菜偏咸", "增设停车位"]  # the resolved item is not listed


def titles(page: FollowUpsPage) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def test_items_are_listed_soonest_due_first(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, _ = env
    page = open_page(qtbot, services, runner)
    assert titles(page) == ["报销流程", "食堂饭菜偏咸", "增设停车位"]
    assert page.count_label.text() == "3 follow-up(s)"
    model = page.model
    assert [model.index(2, c).data() for c in range(model.columnCount())] == [
        "增设停车位",
        "Anonymous",
        "",
        "Suggestion box",
        "办公室",
        "2026-12-15",
        "Open",
        "",
    ]
    assert model.index(0, 6).data() == "Resolved"
    assert model.index(0, 7).data() == "2026-11-03"
    # overdue: open and due before today (2026-11-24); a resolved item is not overdue
    assert model.index(1, 5).data(Qt.ItemDataRole.ForegroundRole) == QColor(OVERDUE)
    assert model.index(0, 5).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(2, 5).data(Qt.ItemDataRole.ForegroundRole) is None


def test_status_filter(qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]) -> None:
    services, runner, _ = env
    page = open_page(qtbot, services, runner)
    combo = page.status_combo
    combo.setCurrentIndex(combo.findData(StatusChoice.NOT_CLOSED.value))
    qtbot.waitUntil(lambda: titles(page) == ["食堂饭菜偏咸", "增设停车位"])
    assert page.count_label.text() == "2 follow-up(s)"
    page.show_status(StatusChoice.OVERDUE)
    qtbot.waitUntil(lambda: titles(page) == ["食堂饭菜偏咸"])
    page.show_status(FollowUpStatus.RESOLVED)
    qtbot.waitUntil(lambda: titles(page) == ["报销流程"])
    combo.setCurrentIndex(combo.findData(StatusChoice.ALL.value))
    qtbot.waitUntil(lambda: len(titles(page)) == 3)


def test_click_a_header_to_sort(qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]) -> None:
    services, runner, _ = env
    page = open_page(qtbot, services, runner)
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(4) + header.sectionSize(4) // 2  # handler
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    handlers = ["", "办公室", "后勤"]  # in code-point order
    qtbot.waitUntil(lambda: [page.model.index(r, 4).data() for r in range(3)] == handlers)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: [page.model.index(r, 4).data() for r in range(3)] == handlers[::-1])


def test_a_status_change_refreshes_the_list(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, _ = env
    page = open_page(qtbot, services, runner)
    page.show_status(StatusChoice.NOT_CLOSED)
    qtbot.waitUntil(lambda: len(titles(page)) == 2)
    item = page.model.rows[0]
    runner.submit(lambda: services.follow_ups.set_status(item.id, FollowUpStatus.RESOLVED, "改进"))
    qtbot.waitUntil(lambda: titles(page) == ["增设停车位"])


# -- filters ---------------------------------------------------------------------------------


def choose(combo: QComboBox, text: str) -> None:
    """Pick an entry by its text, as a user does from the list."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def test_filters_by_handler_department_source_due_and_search(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, _ = env
    page = open_page(qtbot, services, runner)
    bar = page.filters
    qtbot.waitUntil(lambda: bar.handler_combo.count() == 3)  # all, 办公室, 后勤
    choose(bar.handler_combo, "后勤")
    qtbot.waitUntil(lambda: titles(page) == ["食堂饭菜偏咸"])
    choose(bar.handler_combo, "All handlers")
    choose(bar.department_combo, "办公室")
    qtbot.waitUntil(lambda: titles(page) == ["报销流程"])
    choose(bar.department_combo, "All departments")
    choose(bar.source_combo, "Suggestion box")
    qtbot.waitUntil(lambda: titles(page) == ["增设停车位"])
    choose(bar.source_combo, "All sources")
    choose(bar.due_combo, "Overdue")
    qtbot.waitUntil(lambda: titles(page) == ["食堂饭菜偏咸"])
    choose(bar.due_combo, "Due within 30 days")  # to 2026-12-24
    qtbot.waitUntil(lambda: titles(page) == ["增设停车位"])
    choose(bar.due_combo, "Any due date")
    qtbot.waitUntil(lambda: len(titles(page)) == 3)
    # the person by initials (typed, then Enter searches at once)
    qtbot.keyClicks(bar.search_edit, "zs")
    qtbot.keyClick(bar.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: titles(page) == ["报销流程"])
    assert page.count_label.text() == "1 follow-up(s)"
    bar.search_edit.clear()
    commit_text(bar.search_edit, "李")  # by name, after a pause
    qtbot.waitUntil(lambda: titles(page) == ["食堂饭菜偏咸"])


def test_the_count_awaiting_feedback_filters_when_clicked(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, _ = env
    page = open_page(qtbot, services, runner)
    assert page.owed_button.isHidden()  # the one closed item's person was told
    (box,) = [r for r in page.model.rows if r.title == "增设停车位"]
    runner.submit(lambda: services.follow_ups.set_status(box.id, FollowUpStatus.RESOLVED, "已增设"))
    qtbot.waitUntil(lambda: page.owed_button.isVisible())
    assert page.owed_button.text() == "1 awaiting feedback"
    assert page.model.index(page.model.find_row(lambda r: r.id == box.id), 7).data() == "Owed"
    qtbot.mouseClick(page.owed_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: titles(page) == ["增设停车位"])
    assert page.status_combo.currentData() == StatusChoice.FEEDBACK_OWED.value


def test_locking_drops_the_names_the_filters_hold(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, _ = env
    page = open_page(qtbot, services, runner)
    bar = page.filters
    qtbot.waitUntil(lambda: bar.handler_combo.count() == 3)
    choose(bar.handler_combo, "后勤")
    commit_text(bar.search_edit, "李")
    page.forget()
    assert page.model.rowCount() == 0 and page.count_label.text() == ""
    assert bar.handler_combo.count() == 1 and bar.department_combo.count() == 1
    assert bar.search_edit.text() == ""
