"""The table models: Qt's model rules (qtmodeltester), lazy paging, server-side sorting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from talkdesk.domain.values import CadenceKind, CareLevel, FollowUpSource, TalkState, Topic
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpFilter, FollowUpInput
from talkdesk.services.people import PeopleFilter
from talkdesk.services.plans import PlanInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.talks import TalkFilter, TalkInput
from talkdesk.ui.models.follow_ups_model import OVERDUE, FollowUpsModel
from talkdesk.ui.models.people_model import PeopleModel
from talkdesk.ui.models.plans_model import PlansModel
from talkdesk.ui.models.talks_model import TalksModel
from talkdesk.ui.tasks import TaskRunner
from tests.ui.page_helpers import Roster, add_talks, make_roster, running

TODAY = date(2026, 11, 24)


@pytest.fixture
def env(session: WorkspaceSession) -> Iterator[tuple[Services, TaskRunner, Roster]]:
    with running(session) as (services, runner):
        yield services, runner, make_roster(services)


def loaded(qtbot: QtBot, model: TalksModel | PeopleModel | FollowUpsModel) -> None:
    qtbot.waitUntil(lambda: not model.loading and model.total is not None)


def column_texts(model: TalksModel | PeopleModel | FollowUpsModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_people_model_keeps_the_model_rules(
    qtbot: QtBot, qtmodeltester: ModelTester, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, _ = env
    model = PeopleModel(services.people, runner)
    qtmodeltester.check(model)  # empty, before anything is read
    model.reload()
    loaded(qtbot, model)
    assert column_texts(model, 0) == ["李四", "王五", "张三", "周书记"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    qtmodeltester.check(model)
    model.set_filter(PeopleFilter(leaders_only=True))
    qtbot.waitUntil(lambda: column_texts(model, 0) == ["周书记"])
    assert model.total == 1
    qtmodeltester.check(model)


def test_talks_model_reads_a_page_at_a_time(
    qtbot: QtBot, qtmodeltester: ModelTester, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, roster = env
    add_talks(services, roster, 450, datetime(2026, 1, 1, 8, 0))
    model = TalksModel(services.talks, runner)
    assert not model.canFetchMore()  # nothing is read before reload()
    model.reload()
    loaded(qtbot, model)
    assert (model.rowCount(), model.total) == (200, 450)
    assert model.canFetchMore()
    model.fetchMore()
    assert not model.canFetchMore()  # one page at a time: no second request while one runs
    model.fetchMore()  # ignored
    qtbot.waitUntil(lambda: model.rowCount() == 400 and not model.loading)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 450 and not model.loading)
    assert not model.canFetchMore()
    assert model.is_complete
    held = [r.held_at for r in model.rows]
    assert held == sorted(held, reverse=True)  # newest first, across pages
    assert len({r.id for r in model.rows}) == 450
    qtmodeltester.check(model)


def test_a_reload_after_a_change_keeps_what_was_scrolled_to(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, roster = env
    add_talks(services, roster, 450, datetime(2026, 1, 1, 8, 0))
    model = TalksModel(services.talks, runner)
    model.reload()
    loaded(qtbot, model)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 400 and not model.loading)
    add_talks(services, roster, 1, datetime(2026, 11, 1, 8, 0))
    model.reload()
    qtbot.waitUntil(lambda: model.total == 451 and not model.loading)
    assert model.rowCount() == 400
    assert model.rows[0].held_at == datetime(2026, 11, 1, 8, 0)


def test_sorting_asks_the_service_for_the_order_of_all_rows(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, roster = env
    add_talks(services, roster, 250, datetime(2026, 1, 1, 8, 0))  # all with 王五
    for person in (roster.zhang, roster.li):  # the newest two are with 张三 and 李四
        services.talks.create_talk(TalkInput(roster.talker, person, datetime(2026, 11, 1)))
    model = TalksModel(services.talks, runner)
    model.reload()
    loaded(qtbot, model)
    person_column = 1
    model.sort(person_column, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not model.loading and model.rows[0].person_name == "李四")
    assert model.rowCount() == 200  # still one page, but in the order of all 252
    assert column_texts(model, person_column)[:3] == ["李四", "王五", "王五"]
    model.sort(person_column, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not model.loading and model.rows[0].person_name == "张三")
    assert model.rows[1].person_name == "王五"
    topics_column = 5  # not sortable: the order stays
    model.sort(topics_column, Qt.SortOrder.AscendingOrder)
    assert not model.loading
    assert model.rows[0].person_name == "张三"


def test_a_filter_change_drops_the_results_of_an_older_query(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, roster = env
    services.talks.create_talk(TalkInput(roster.talker, roster.zhang, datetime(2026, 11, 2)))
    services.talks.create_talk(TalkInput(roster.talker, roster.li, datetime(2026, 11, 3)))
    model = TalksModel(services.talks, runner)
    model.reload()
    model.set_filter(TalkFilter(department_id=roster.office))  # before the first answer came
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert [r.person_name for r in model.rows] == ["张三"]
    assert model.total == 1


def test_talk_rows_show_kind_topics_care_marker_and_state(
    qtbot: QtBot, qtmodeltester: ModelTester, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, roster = env
    detail, _ = services.talks.create_talk(
        TalkInput(
            roster.talker,
            roster.zhang,
            datetime(2026, 11, 20, 14, 30),
            topics=(Topic.WORK, Topic.LIFE),
            care_level=CareLevel.CARE,
        )
    )
    services.talks.create_talk(TalkInput(roster.talker, roster.li, datetime(2026, 11, 19, 9)))
    services.talks.finalise(detail.id)
    model = TalksModel(services.talks, runner)
    model.reload()
    loaded(qtbot, model)
    assert [model.index(0, c).data() for c in range(model.columnCount())] == [
        "2026-11-20 14:30",
        "张三",
        "办公室",
        "周书记",
        "Regular talk",
        "Work, Life",
        "",
        "Finalised",
    ]
    care = model.index(0, 6)
    assert care.data(Qt.ItemDataRole.DecorationRole) is not None
    assert care.data(Qt.ItemDataRole.ToolTipRole) == "Needs care"
    assert model.index(1, 6).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(1, 7).data() == "Draft"
    assert model.rows[1].state is TalkState.DRAFT
    qtmodeltester.check(model)


def test_follow_ups_model_pages_and_marks_overdue_items(
    qtbot: QtBot, qtmodeltester: ModelTester, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, roster = env
    fu = services.follow_ups
    for i in range(210):
        fu.create(FollowUpInput(f"事项{i:03d}", roster.zhang, due_on=date(2026, 12, 31)))
    late, _ = fu.create(FollowUpInput("食堂饭菜", roster.li, due_on=date(2026, 11, 1)))
    fu.create(
        FollowUpInput("停车位", None, FollowUpSource.SUGGESTION_BOX, due_on=date(2026, 11, 2))
    )
    model = FollowUpsModel(fu, runner, lambda: TODAY)
    model.reload()
    loaded(qtbot, model)
    assert (model.rowCount(), model.total) == (200, 212)
    assert column_texts(model, 0)[:2] == ["食堂饭菜", "停车位"]  # soonest due first
    assert column_texts(model, 1)[:2] == ["李四", "Anonymous"]
    assert model.index(0, 3).data() == "Talk"
    assert model.index(1, 3).data() == "Suggestion box"
    assert model.index(0, 5).data(Qt.ItemDataRole.ForegroundRole) == QColor(OVERDUE)
    assert model.index(2, 5).data(Qt.ItemDataRole.ForegroundRole) is None
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 212 and not model.loading)
    qtmodeltester.check(model)

    model.set_filter(FollowUpFilter(open_only=True, overdue_on=TODAY))
    qtbot.waitUntil(lambda: model.total == 2 and not model.loading)
    assert late.id in {r.id for r in model.rows}


def test_plans_model(
    qtbot: QtBot, qtmodeltester: ModelTester, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, _, roster = env
    services.plans.create_plan(
        PlanInput(
            "财务科季度谈心",
            roster.talker,
            CadenceKind.EVERY_N_WEEKS,
            date(2026, 1, 5),
            cadence_n=6,
            person_ids=(roster.li, roster.wang),
        )
    )
    model = PlansModel()
    model.set_rows(services.plans.list_plans())
    assert [model.index(0, c).data() for c in range(model.columnCount())] == [
        "财务科季度谈心",
        "周书记",
        "Every 6 weeks",
        "2026-01-05",
        "2",
        "Yes",
    ]
    qtmodeltester.check(model)
