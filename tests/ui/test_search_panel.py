"""The search window as a user drives it: typing finds and marks, names by initials, private
notes only when ticked, filters, Enter opens the hit, the keyboard, a lock forgets."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from talkdesk.app.wiring import GuiShell
from talkdesk.domain.clock import FixedClock
from talkdesk.domain.values import CareLevel, TalkKind
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.people import PersonInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.talks import TalkInput
from talkdesk.ui.navigation import PageId
from talkdesk.ui.search_model import FOUND, PERSON, RICH_ROLE
from talkdesk.ui.search_panel import SearchPanel
from talkdesk.ui.tasks import TaskRunner
from tests.ui.page_helpers import Roster, commit_text, make_roster, running
from tests.ui.shell_helpers import open_shell


@dataclass(frozen=True)
class Data:
    roster: Roster
    zhang_home: int  # 2026-03-02, 张三, 办公室: 家庭压力, private 夫妻关系紧张
    li_care: int  # 2026-06-01, 李四, 财务科, caring talk, care flag: 家庭负担
    wang_work: int  # 2025-12-20, 王五, 财务科: 家庭和睦
    item: int  # follow-up for 张三: 家庭走访


@pytest.fixture
def env(qtbot: QtBot, session: WorkspaceSession) -> Iterator[tuple[Services, TaskRunner, Data]]:
    with running(session) as (services, runner):
        roster = make_roster(services)
        talks = services.talks

        def talk(who: int, when: datetime, content: str, **extra: object) -> int:
            detail, _ = talks.create_talk(
                TalkInput(roster.talker, who, when, content=content, **extra)  # type: ignore[arg-type]
            )
            return detail.id

        data = Data(
            roster,
            talk(
                roster.zhang,
                datetime(2026, 3, 2, 9),
                "近期家庭压力较大，孩子上学接送困难。",
                private_notes="夫妻关系紧张",
            ),
            talk(
                roster.li,
                datetime(2026, 6, 1, 10),
                "家庭负担较重，父母年事已高。",
                kind=TalkKind.CARING,
                care_level=CareLevel.CARE,
                care_reason="长期失眠",
            ),
            talk(roster.wang, datetime(2025, 12, 20, 14), "家庭和睦，工作顺利。"),
            services.follow_ups.create(FollowUpInput("家庭走访", roster.zhang))[0].id,
        )
        yield services, runner, data


def open_panel(qtbot: QtBot, services: Services, runner: TaskRunner) -> SearchPanel:
    panel = SearchPanel(services, runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.focus_query()
    qtbot.waitUntil(lambda: panel.department_combo.count() > 1)
    return panel


def reopen(panel: SearchPanel) -> None:
    """What Ctrl+F does (app/wiring.py `show_search`)."""
    panel.show()
    panel.raise_()
    panel.activateWindow()
    panel.focus_query()


def settle(qtbot: QtBot, panel: SearchPanel) -> None:
    """Wait out the typing pause and the search (no sleep: the timer and the thread run)."""
    qtbot.waitUntil(lambda: panel.settled and panel.last_result is not None)


def type_query(qtbot: QtBot, panel: SearchPanel, text: str) -> None:
    panel.query_edit.clear()
    if text.isascii():
        qtbot.keyClicks(panel.query_edit, text)
    else:
        commit_text(panel.query_edit, text)
    settle(qtbot, panel)


def column(panel: SearchPanel, col: int) -> list[str]:
    return [panel.model.index(r, col).data() for r in range(panel.model.rowCount())]


def test_typing_finds_a_chinese_substring_and_marks_it(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Data]
) -> None:
    services, runner, _ = env
    panel = open_panel(qtbot, services, runner)
    assert "Type words" in panel.status_label.text()
    commit_text(panel.query_edit, "接送")
    assert panel.debounce.isActive()  # a short pause before searching
    settle(qtbot, panel)
    assert column(panel, PERSON) == ["张三"]
    assert "孩子上学接送困难" in panel.model.found_text(0)
    rich = panel.model.index(0, FOUND).data(RICH_ROLE)
    assert "接送</span>" in rich and "background-color" in rich
    assert panel.status_label.text() == "Found 1 talk(s) and 0 follow-up(s)."

    type_query(qtbot, panel, "家庭")
    assert column(panel, PERSON) == ["张三", "李四", "张三", "王五"]  # newest first
    assert column(panel, 0) == ["Follow-up", "Caring talk", "Regular talk", "Regular talk"]
    assert panel.status_label.text() == "Found 3 talk(s) and 1 follow-up(s)."
    panel.grab()  # the marks are painted by the delegate without complaint


def test_initials_find_that_persons_talks_and_follow_ups(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Data]
) -> None:
    services, runner, _ = env
    panel = open_panel(qtbot, services, runner)
    type_query(qtbot, panel, "zs")
    assert column(panel, PERSON) == ["张三", "张三"]
    assert column(panel, 0) == ["Follow-up", "Regular talk"]
    person = panel.model.index(0, PERSON)
    assert person.data(Qt.ItemDataRole.FontRole).bold()  # found by this name
    type_query(qtbot, panel, "zs 孩子")
    assert column(panel, PERSON) == ["张三"] and "孩子" in panel.model.found_text(0)


def test_private_notes_are_found_only_once_ticked(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Data]
) -> None:
    services, runner, data = env
    panel = open_panel(qtbot, services, runner)
    type_query(qtbot, panel, "夫妻关系")
    assert panel.model.rowCount() == 0
    assert panel.status_label.text() == "Nothing found. Private notes were not searched."
    qtbot.mouseClick(panel.private_check, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert column(panel, PERSON) == ["张三"]
    assert panel.model.found_text(0) == "In private notes: 夫妻关系紧张"
    assert panel.model.hit(0).id == data.zhang_home  # type: ignore[union-attr]


def test_care_flagged_text_shows_after_a_click(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Data]
) -> None:
    services, runner, _ = env
    panel = open_panel(qtbot, services, runner)
    type_query(qtbot, panel, "家庭负担")
    assert panel.model.found_text(0) == "Needs care — click to show the text"
    rect = panel.table.visualRect(panel.model.index(0, FOUND))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.model.found_text(0).startswith("家庭负担较重")


def test_filters_narrow_the_results(qtbot: QtBot, env: tuple[Services, TaskRunner, Data]) -> None:
    services, runner, data = env
    panel = open_panel(qtbot, services, runner)
    type_query(qtbot, panel, "家庭")
    assert panel.model.rowCount() == 4

    panel.department_combo.setCurrentIndex(panel.department_combo.findData(data.roster.finance))
    settle(qtbot, panel)
    assert column(panel, PERSON) == ["李四", "王五"]

    panel.dates_check.setChecked(True)
    panel.from_edit.setDate(QDate(2026, 1, 1))
    panel.to_edit.setDate(QDate(2026, 12, 31))
    settle(qtbot, panel)
    assert column(panel, PERSON) == ["李四"]

    panel.department_combo.setCurrentIndex(0)
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData(TalkKind.REGULAR.value))
    settle(qtbot, panel)
    assert column(panel, PERSON) == ["张三"]  # follow-ups not raised in a talk drop out

    qtbot.keyClicks(panel.person_edit, "ww")
    settle(qtbot, panel)
    assert panel.model.rowCount() == 0


def test_enter_and_double_click_open_the_hit(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Data]
) -> None:
    services, runner, data = env
    panel = open_panel(qtbot, services, runner)
    type_query(qtbot, panel, "家庭")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.query_edit)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Down)  # into the results
    assert QApplication.focusWidget() is panel.table
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.open_page) as opened:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened.args == ["talks", f"talk:{data.zhang_home}"]
    assert not panel.isVisible()  # out of the way of the record

    reopen(panel)  # Ctrl+F: the same hits; Enter in the query opens the one selected
    panel.table.selectRow(0)
    with qtbot.waitSignal(panel.open_page) as opened:
        qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert opened.args == ["follow_ups", f"follow_up:{data.item}"]

    reopen(panel)
    pos = panel.table.visualRect(panel.model.index(3, PERSON)).center()
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    with qtbot.waitSignal(panel.open_page) as opened:
        qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert opened.args == ["talks", f"talk:{data.wang_work}"]


def test_enter_right_after_typing_opens_the_first_hit_once_found(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Data]
) -> None:
    services, runner, data = env
    panel = open_panel(qtbot, services, runner)
    commit_text(panel.query_edit, "王五")
    with qtbot.waitSignal(panel.open_page) as opened:
        qtbot.keyClick(panel.query_edit, Qt.Key.Key_Enter)
    assert opened.args == ["talks", f"talk:{data.wang_work}"]


def test_up_returns_to_the_query_and_escape_closes(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Data]
) -> None:
    services, runner, _ = env
    panel = open_panel(qtbot, services, runner)
    type_query(qtbot, panel, "家庭")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.query_edit)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Down)
    assert panel.table.currentIndex().row() == 0
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is panel.query_edit
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Escape)
    assert not panel.isVisible()
    assert panel.query_edit.text() == "家庭"  # Ctrl+F brings it back as it was


def test_a_result_for_what_was_typed_before_is_dropped(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Data]
) -> None:
    services, runner, data = env
    panel = open_panel(qtbot, services, runner)
    shown: list[list[str]] = []
    panel.model.modelReset.connect(lambda: shown.append(column(panel, PERSON)))
    gate = threading.Event()
    runner.submit(lambda: gate.wait(10))  # the database thread is busy for a while
    commit_text(panel.query_edit, "家庭")
    panel.search_now()  # waits behind the busy thread
    panel.query_edit.clear()
    commit_text(panel.query_edit, "王五")
    panel.search_now()
    gate.set()
    settle(qtbot, panel)
    assert shown == [["王五"]]  # 家庭's hits never showed
    assert panel.model.hit(0).id == data.wang_work  # type: ignore[union-attr]


def test_hits_follow_changes_to_the_records(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Data]
) -> None:
    services, runner, data = env
    panel = open_panel(qtbot, services, runner)
    type_query(qtbot, panel, "家庭")
    assert panel.model.rowCount() == 4
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Escape)
    assert not panel.isVisible()
    roster = data.roster
    runner.submit(  # a record changes elsewhere while the window is hidden
        lambda: services.talks.create_talk(
            TalkInput(roster.talker, roster.li, datetime(2026, 11, 23, 9), content="家庭和美")
        )
    )
    qtbot.waitUntil(lambda: runner.pending == 0)
    reopen(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5)
    assert panel.model.found_text(1) == "家庭和美"  # after the follow-up of today


def test_forget_clears_everything_and_hides(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Data]
) -> None:
    services, runner, _ = env
    panel = open_panel(qtbot, services, runner)
    panel.private_check.setChecked(True)
    qtbot.keyClicks(panel.person_edit, "zs")
    type_query(qtbot, panel, "夫妻")
    assert panel.model.rowCount() == 1
    panel.forget()
    assert not panel.isVisible()
    assert panel.query_edit.text() == "" and panel.person_edit.text() == ""
    assert not panel.private_check.isChecked()
    assert panel.model.rowCount() == 0 and panel.last_result is None
    assert "夫妻" not in panel.status_label.text()


def test_ctrl_f_in_the_program_finds_a_talk_and_enter_opens_its_record(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    shell = open_shell(qtbot, tmp_path / "ws", clock)
    services = shell.services
    assert services is not None
    leader, _ = services.people.add_person(PersonInput("周书记", is_leader=True))
    zhang, _ = services.people.add_person(PersonInput("张三"))
    talk, _ = services.talks.create_talk(
        TalkInput(leader.id, zhang.id, datetime(2026, 11, 20, 9), content="孩子入学需要协调")
    )
    talks = shell.window.page(PageId.TALKS)
    qtbot.waitUntil(lambda: getattr(talks, "forms", None) is not None)  # every page built

    press_ctrl_f(qtbot, shell)
    panel = shell.search_panel
    assert panel is not None and panel.isVisible()
    commit_text(panel.query_edit, "入学")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: talks.forms.form is not None and talks.forms.form.isVisible())
    assert talks.forms.form.talk_id == talk.id
    assert shell.window.current_page_id() is PageId.TALKS
    talks.forms.form.close()

    # Ctrl+F again: the search as it was; a lock forgets it
    press_ctrl_f(qtbot, shell)
    assert panel.isVisible() and panel.query_edit.text() == "入学"
    shell.lock()
    assert not panel.isVisible() and panel.query_edit.text() == ""
    assert panel.model.rowCount() == 0
    shell.shutdown()


def press_ctrl_f(qtbot: QtBot, shell: GuiShell) -> None:
    shell.window.activateWindow()
    qtbot.waitUntil(shell.window.isActiveWindow)
    qtbot.keyClick(shell.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)


def test_the_panel_fits_a_small_screen(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Data]
) -> None:
    services, runner, _ = env
    panel = open_panel(qtbot, services, runner)
    assert panel.minimumSizeHint().width() <= 1366 and panel.minimumSizeHint().height() <= 700
    assert panel.width() <= 1366 and panel.height() <= 700
    assert panel.table.viewport().mapTo(panel, QPoint(0, 0)).y() < 300
