"""The working-calendar corrections in Settings: added and removed, stored, and honoured."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from talkdesk.services.bundle import Services
from talkdesk.services.calendar import CalendarOverride
from talkdesk.services.session import WorkspaceSession
from talkdesk.ui.pages.settings_page import SettingsPage
from talkdesk.ui.preferences import PreferencesFile
from tests.ui.page_helpers import commit_text, idle, running

SATURDAY = date(2031, 1, 4)  # a year the holidays package cannot know yet


@pytest.fixture
def services_page(
    qtbot: QtBot, session: WorkspaceSession
) -> Iterator[tuple[Services, SettingsPage]]:
    with running(session) as (services, runner):
        page = SettingsPage(services, runner, PreferencesFile(None))
        qtbot.addWidget(page)
        page.resize(1000, 700)
        page.show()
        idle(qtbot, runner)
        yield services, page


def test_add_and_remove_a_working_saturday(
    qtbot: QtBot, services_page: tuple[Services, SettingsPage]
) -> None:
    services, page = services_page
    box = page.calendar_box
    assert box.days() == []
    assert not box.remove_button.isEnabled()
    assert not services.calendar.calendar([2031]).is_working_day(SATURDAY)

    box.date_edit.setDate(QDate(SATURDAY))
    box.kind_combo.setCurrentIndex(box.kind_combo.findText("Working day"))
    commit_text(box.note_edit, "春节调休上班")
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: box.days() == [("2031-01-04", "Working day", "春节调休上班")])
    assert box.note_edit.text() == ""
    assert services.calendar.overrides() == [CalendarOverride(SATURDAY, True)]
    assert services.calendar.overrides()[0].note == "春节调休上班"
    assert services.calendar.calendar([2031]).is_working_day(SATURDAY)

    box.select_day(SATURDAY)
    assert box.remove_button.isEnabled()
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.days() == [])
    assert services.calendar.overrides() == []
    assert not services.calendar.calendar([2031]).is_working_day(SATURDAY)


def test_a_day_off_on_a_weekday(qtbot: QtBot, services_page: tuple[Services, SettingsPage]) -> None:
    services, page = services_page
    box = page.calendar_box
    monday = date(2031, 1, 6)
    box.date_edit.setDate(QDate(monday))
    box.kind_combo.setCurrentIndex(box.kind_combo.findText("Day off"))
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.days() == [("2031-01-06", "Day off", "")])
    assert not services.calendar.calendar([2031]).is_working_day(monday)
