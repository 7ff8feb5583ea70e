"""The Talks page: the stored talks listed, sorted by a header click, filtered, read lazily."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from talkdesk.domain.values import CareLevel, TalkState
from talkdesk.services.bundle import Services
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.talks import TalkInput
from talkdesk.ui.pages.talks_page import TalksPage
from talkdesk.ui.tasks import TaskRunner
from tests.ui.page_helpers import Roster, add_talks, idle, make_roster, running


@pytest.fixture
def env(qtbot: QtBot, session: WorkspaceSession) -> Iterator[tuple[Services, TaskRunner, Roster]]:
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


def people(page: TalksPage) -> list[str]:
    return [page.model.index(r, 1).data() for r in range(page.model.rowCount())]


def click_header(qtbot: QtBot, page: TalksPage, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def three_talks(services: Services, roster: Roster) -> None:
    talks = services.talks
    talks.create_talk(TalkInput(roster.talker, roster.li, datetime(2026, 11, 10, 9, 0)))
    done, _ = talks.create_talk(
        TalkInput(
            roster.talker, roster.zhang, datetime(2026, 11, 20, 15, 0), care_level=CareLevel.WATCH
        )
    )
    talks.finalise(done.id)
    talks.create_talk(TalkInput(roster.talker, roster.wang, datetime(2026, 11, 5, 10, 0)))


def test_talks_are_listed_newest_first_with_a_count(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, roster = env
    three_talks(services, roster)
    page = open_page(qtbot, services, runner)
    assert people(page) == ["张三", "李四", "王五"]
    assert page.count_label.text() == "3 talk(s)"
    assert page.model.index(0, 0).data() == "2026-11-20 15:00"
    assert page.model.index(0, 7).data() == "Finalised"
    assert page.model.index(0, 6).data() == ""  # the care flag shows as a marker only
    assert page.model.index(0, 6).data(Qt.ItemDataRole.DecorationRole) is not None
    header = page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.DescendingOrder,
    )


def test_click_a_header_to_sort(qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]) -> None:
    services, runner, roster = env
    three_talks(services, roster)
    page = open_page(qtbot, services, runner)
    click_header(qtbot, page, 1)  # person: by pinyin
    qtbot.waitUntil(lambda: people(page) == ["李四", "王五", "张三"])
    click_header(qtbot, page, 1)
    qtbot.waitUntil(lambda: people(page) == ["张三", "王五", "李四"])
    click_header(qtbot, page, 5)  # topics cannot be sorted: nothing changes
    idle(qtbot, runner)
    assert people(page) == ["张三", "王五", "李四"]
    assert page.table.horizontalHeader().sortIndicatorSection() == 1
    click_header(qtbot, page, 0)
    qtbot.waitUntil(lambda: people(page) == ["王五", "李四", "张三"])  # oldest first


def test_filter_by_department_and_state(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, roster = env
    three_talks(services, roster)
    page = open_page(qtbot, services, runner)
    combo = page.department_combo
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items == ["All departments", "办公室", "财务科"]
    combo.setCurrentIndex(combo.findText("财务科"))
    qtbot.waitUntil(lambda: people(page) == ["李四", "王五"])
    assert page.count_label.text() == "2 talk(s)"
    page.state_combo.setCurrentIndex(page.state_combo.findData(TalkState.FINAL.value))
    qtbot.waitUntil(lambda: page.model.total == 0)
    assert people(page) == []
    combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: people(page) == ["张三"])


def test_a_new_talk_shows_without_reopening_the_page(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, roster = env
    page = open_page(qtbot, services, runner)
    assert page.count_label.text() == "0 talk(s)"
    data = TalkInput(roster.talker, roster.li, datetime(2026, 11, 23, 16, 0))
    runner.submit(lambda: services.talks.create_talk(data))
    qtbot.waitUntil(lambda: people(page) == ["李四"])
    assert page.count_label.text() == "1 talk(s)"


def test_scrolling_reads_further_pages_only_when_needed(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, roster = env
    add_talks(services, roster, 450, datetime(2025, 1, 1, 8, 0))
    page = open_page(qtbot, services, runner)
    assert page.count_label.text() == "450 talk(s)"
    assert page.model.rowCount() == 200
    bar = page.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: page.model.rowCount() == 400)
    idle(qtbot, runner)
    assert page.model.rowCount() == 400  # no page is read before the user gets there
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: page.model.rowCount() == 450)
    assert not page.model.canFetchMore()
