"""The Plans page: the plans list (the Today page: tests/ui/test_today_page.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from talkdesk.domain.values import CadenceKind
from talkdesk.services.bundle import Services
from talkdesk.services.plans import PlanInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.ui.pages.plans_page import PlansPage
from talkdesk.ui.tasks import TaskRunner
from tests.ui.page_helpers import Roster, make_roster, running


@pytest.fixture
def env(session: WorkspaceSession) -> Iterator[tuple[Services, TaskRunner, Roster]]:
    with running(session) as (services, runner):
        yield services, runner, make_roster(services)


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
