"""The Today and Plans pages: the overview's counts and cards, and the plans list."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from talkdesk.domain.values import CadenceKind, FeedbackHow, FollowUpStatus
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.plans import PlanInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.talks import TalkInput
from talkdesk.ui.pages.plans_page import PlansPage
from talkdesk.ui.pages.today_page import TodayPage
from talkdesk.ui.tasks import TaskRunner
from tests.ui.page_helpers import Roster, idle, make_roster, running


@pytest.fixture
def env(session: WorkspaceSession) -> Iterator[tuple[Services, TaskRunner, Roster]]:
    with running(session) as (services, runner):
        yield services, runner, make_roster(services)


def test_today_greets_the_owner_and_counts_what_needs_doing(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, roster = env
    talks, fu = services.talks, services.follow_ups
    talks.create_talk(TalkInput(roster.talker, roster.zhang, datetime(2026, 11, 2, 9)))
    talks.create_talk(TalkInput(roster.talker, roster.li, datetime(2026, 11, 20, 9)))
    talks.create_talk(TalkInput(roster.talker, roster.li, datetime(2026, 10, 30, 9)))  # last month
    fu.create(FollowUpInput("食堂", roster.li, due_on=date(2026, 11, 1)))  # overdue
    fu.create(FollowUpInput("车位", roster.zhang, due_on=date(2026, 12, 1)))
    done, _ = fu.create(FollowUpInput("报销", roster.zhang))
    fu.set_status(done.id, FollowUpStatus.RESOLVED, "已办")  # closed, person not yet told

    page = TodayPage(services, runner)
    runner.operation_did_execute.connect(page.on_changes)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.talks_card.number_label.text() == "2")
    assert page.greeting_label.text() == "Good morning, 王主任"  # 09:30 on the test clock
    numbers = [card.number_label.text() for card in page.cards()]
    assert numbers == ["2", "2", "1", "1"]

    with qtbot.waitSignal(page.open_page) as opened:
        qtbot.mouseClick(page.overdue_card, Qt.MouseButton.LeftButton)
    assert opened.args == ["follow_ups", "overdue"]
    with qtbot.waitSignal(page.open_page) as opened:
        qtbot.mouseClick(page.talks_card, Qt.MouseButton.LeftButton)
    assert opened.args == ["talks", ""]

    runner.submit(
        lambda: fu.record_feedback(done.id, date(2026, 11, 24), FeedbackHow.PHONE, "电话告知")
    )
    qtbot.waitUntil(lambda: page.feedback_card.number_label.text() == "0")


def test_a_hidden_page_reads_only_when_shown(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, roster = env
    page = TodayPage(services, runner)
    runner.operation_did_execute.connect(page.on_changes)
    qtbot.addWidget(page)
    data = TalkInput(roster.talker, roster.zhang, datetime(2026, 11, 2, 9))
    runner.submit(lambda: services.talks.create_talk(data))
    idle(qtbot, runner)
    assert page.talks_card.number_label.text() == "–"  # nothing read while hidden
    page.show()
    qtbot.waitUntil(lambda: page.talks_card.number_label.text() == "1")


def test_plans_are_listed(qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]) -> None:
    services, runner, roster = env
    services.plans.create_plan(
        PlanInput(
            "季度谈心", roster.talker, CadenceKind.QUARTERLY, date(2026, 1, 1), person_ids=(2, 3)
        )
    )
    page = PlansPage(services, runner)
    runner.operation_did_execute.connect(page.on_changes)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row == ["季度谈心", "周书记", "Quarterly", "2026-01-01", "2", "Yes"]
    assert page.count_label.text() == "1 plan(s)"
    data = PlanInput("年度谈心", roster.talker, CadenceKind.YEARLY, date(2026, 1, 1), active=False)
    runner.submit(lambda: services.plans.create_plan(data))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.model.index(1, 5).data() == "No"
