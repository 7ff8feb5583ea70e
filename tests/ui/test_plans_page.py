"""The Plans page driven as a user: new plan through the dialog, coverage, edit, pause, checks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from talkdesk.domain.values import CadenceKind
from talkdesk.services.bundle import Services
from talkdesk.services.plans import PlanInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.ui.pages.plan_dialog import PlanDialog
from talkdesk.ui.pages.plans_page import PlansPage
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

Env = tuple[Services, TaskRunner, Roster, PlansPage]


@pytest.fixture
def env(qtbot: QtBot, session: WorkspaceSession) -> Iterator[Env]:
    with running(session) as (services, runner):
        roster = make_roster(services)
        page = PlansPage(services, runner)
        runner.operation_did_execute.connect(page.on_changes)
        qtbot.addWidget(page)
        page.resize(1100, 700)
        page.show()
        idle(qtbot, runner)
        yield services, runner, roster, page


def plan_rows(page: PlansPage) -> list[list[str]]:
    model = page.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def coverage_rows(page: PlansPage) -> list[tuple[str, str]]:
    model = page.coverage_model
    return [(model.index(r, 0).data(), model.index(r, 2).data()) for r in range(model.rowCount())]


def check_department(dialog: PlanDialog, name: str) -> None:
    [item] = dialog.department_tree.findItems(
        name, Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive
    )
    item.setCheckState(0, Qt.CheckState.Checked)


def new_plan_dialog(qtbot: QtBot, page: PlansPage) -> PlanDialog:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    return open_dialog(qtbot, page, PlanDialog)


def test_a_quarterly_plan_for_a_department_lists_its_people_as_due(qtbot: QtBot, env: Env) -> None:
    services, _runner, roster, page = env
    assert page.count_label.text() == "0 plan(s)"
    dialog = new_plan_dialog(qtbot, page)
    assert dialog.cadence_combo.currentText() == "Quarterly"
    assert dialog.every_spin.isHidden()  # N only for the every-N cadences
    assert dialog.talker_combo.itemText(0) == "周书记"  # leaders first
    commit_text(dialog.name_edit, "财务科季度谈心")
    dialog.talker_combo.setCurrentIndex(0)
    check_department(dialog, "财务科")
    assert dialog.members_label.text() == "Chosen: 1 department(s), 0 person(s)"
    click_ok(qtbot, dialog.buttons)

    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    qtbot.waitUntil(lambda: not [d for d in page.findChildren(PlanDialog) if d.isVisible()])
    assert plan_rows(page) == [["财务科季度谈心", "周书记", "Quarterly", "2026-11-24", "2", "Yes"]]
    assert page.selected_plan() is not None  # the new plan is selected, its coverage below
    qtbot.waitUntil(lambda: len(coverage_rows(page)) == 2)
    assert sorted(coverage_rows(page)) == [("李四", "Due"), ("王五", "Due")]
    assert page.coverage_model.index(0, 1).data() == "财务科"
    assert page.coverage_model.index(0, 4).data() == "2026-12-31"  # talk by the quarter's end
    assert "2026-10-01 to 2026-12-31" in page.coverage_summary.text()
    due_bg = page.coverage_model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole)
    assert due_bg.name() == "#ffd966"  # yellow, like the Today page

    [plan] = services.plans.list_plans()
    stored = services.plans.plan_input(plan.id)
    assert stored.cadence is CadenceKind.QUARTERLY
    assert stored.department_ids == (roster.finance,)
    assert stored.person_ids == ()
    assert stored.talker_id == roster.talker


def test_every_n_weeks_shows_the_interval_and_people_can_be_searched(
    qtbot: QtBot, env: Env
) -> None:
    services, _runner, roster, page = env
    dialog = new_plan_dialog(qtbot, page)
    commit_text(dialog.name_edit, "双周谈")
    dialog.talker_combo.setCurrentIndex(0)
    dialog.cadence_combo.setCurrentIndex(
        dialog.cadence_combo.findData(CadenceKind.EVERY_N_WEEKS.value)
    )
    assert not dialog.every_spin.isHidden()
    dialog.every_spin.setValue(3)
    dialog.member_tabs.setCurrentIndex(1)
    qtbot.keyClicks(dialog.search_edit, "zhangs")  # 张三 by pinyin
    shown = [
        dialog.people_list.item(i).text()
        for i in range(dialog.people_list.count())
        if not dialog.people_list.item(i).isHidden()
    ]
    assert shown == ["张三  (办公室)"]
    dialog.set_people([roster.zhang])
    dialog.soft_spin.setValue(14)
    dialog.hard_spin.setValue(21)
    click_ok(qtbot, dialog.buttons)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert plan_rows(page)[0][2] == "Every 3 weeks"
    [plan] = services.plans.list_plans()
    stored = services.plans.plan_input(plan.id)
    assert (stored.cadence_n, stored.person_ids) == (3, (roster.zhang,))
    assert (stored.soft_days, stored.hard_days) == (14, 21)


def test_a_hard_limit_shorter_than_the_soft_one_is_refused(qtbot: QtBot, env: Env) -> None:
    services, runner, _roster, page = env
    dialog = new_plan_dialog(qtbot, page)
    commit_text(dialog.name_edit, "月度谈心")
    dialog.talker_combo.setCurrentIndex(0)
    check_department(dialog, "办公室")
    dialog.soft_spin.setValue(30)
    dialog.hard_spin.setValue(20)
    click_ok(qtbot, dialog.buttons)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "The hard limit cannot be shorter than the soft limit."
    idle(qtbot, runner)
    assert services.plans.list_plans() == []

    dialog.hard_spin.setValue(42)
    click_ok(qtbot, dialog.buttons)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


def test_name_talker_and_members_are_required(qtbot: QtBot, env: Env) -> None:
    services, runner, _roster, page = env
    dialog = new_plan_dialog(qtbot, page)
    click_ok(qtbot, dialog.buttons)
    assert dialog.error_label.text() == "Please enter a name for the plan."
    commit_text(dialog.name_edit, "谈心")
    click_ok(qtbot, dialog.buttons)
    assert dialog.error_label.text() == "Please choose the talker."
    dialog.talker_combo.setCurrentIndex(0)
    click_ok(qtbot, dialog.buttons)
    assert dialog.error_label.text() == "Please choose the people or departments this plan covers."
    assert dialog.isVisible()
    idle(qtbot, runner)
    assert services.plans.list_plans() == []


def test_edit_a_plan_to_paused_and_resume_it(qtbot: QtBot, env: Env) -> None:
    services, _runner, roster, page = env
    plan, _ = services.plans.create_plan(
        PlanInput(
            "季度谈心",
            roster.talker,
            CadenceKind.QUARTERLY,
            date(2026, 1, 1),
            department_ids=(roster.finance,),
            person_ids=(roster.zhang,),
        )
    )
    page.reload()
    qtbot.waitUntil(lambda: len(coverage_rows(page)) == 3)
    assert page.pause_button.text() == "&Pause"

    rect = page.table.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = open_dialog(qtbot, page, PlanDialog)
    assert dialog.name_edit.text() == "季度谈心"
    assert dialog.chosen_departments() == [roster.finance]
    assert dialog.chosen_people() == [roster.zhang]
    assert dialog.active_check.isChecked()
    dialog.active_check.setChecked(False)
    click_ok(qtbot, dialog.buttons)

    qtbot.waitUntil(lambda: plan_rows(page) and plan_rows(page)[0][5] == "No")
    assert not services.plans.plan_input(plan.id).active
    assert coverage_rows(page) == []
    assert "paused" in page.coverage_summary.text()
    assert page.pause_button.text() == "&Resume"

    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: plan_rows(page)[0][5] == "Yes")
    assert services.plans.plan_input(plan.id).active
    qtbot.waitUntil(lambda: len(coverage_rows(page)) == 3)
    assert page.pause_button.text() == "&Pause"


def test_show_item_selects_the_plan_and_the_member(qtbot: QtBot, env: Env) -> None:
    services, _runner, roster, page = env
    data = PlanInput(
        "A 月度", roster.talker, CadenceKind.MONTHLY, date(2026, 1, 1), person_ids=(roster.zhang,)
    )
    services.plans.create_plan(data)
    second, _ = services.plans.create_plan(
        PlanInput(
            "B 季度",
            roster.talker,
            CadenceKind.QUARTERLY,
            date(2026, 1, 1),
            department_ids=(roster.finance,),
        )
    )
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.show_item(f"plan:{second.id}:person:{roster.wang}")
    qtbot.waitUntil(
        lambda: page.selected_plan() is not None and page.selected_plan().id == second.id
    )
    rows = page.coverage_table.selectionModel().selectedRows()
    assert [page.coverage_model.row_at(r.row()).person_name for r in rows] == ["王五"]


def test_show_item_before_the_list_arrived(qtbot: QtBot, session: WorkspaceSession) -> None:
    with running(session) as (services, runner):
        roster = make_roster(services)
        services.plans.create_plan(
            PlanInput(
                "A",
                roster.talker,
                CadenceKind.MONTHLY,
                date(2026, 1, 1),
                person_ids=(roster.zhang,),
            )
        )
        plan, _ = services.plans.create_plan(
            PlanInput(
                "B", roster.talker, CadenceKind.MONTHLY, date(2026, 1, 1), person_ids=(roster.li,)
            )
        )
        page = PlansPage(services, runner)
        qtbot.addWidget(page)
        page.show()  # as the main window does: show the page, then the item
        page.show_item(f"plan:{plan.id}")
        qtbot.waitUntil(lambda: page.selected_plan() is not None)
        assert page.selected_plan().id == plan.id
        assert [m.person_name for m in page.coverage_model.rows] == ["李四"]
