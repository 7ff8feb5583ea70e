"""The Today page as the leader uses it: the day's agenda, each line opening its item."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from talkdesk.domain.coverage import CoverageState
from talkdesk.domain.values import CadenceKind, FeedbackHow, FollowUpStatus, TriggerKind
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.plans import PlanInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.talks import TalkInput
from talkdesk.ui.navigation import Navigation, PageId
from talkdesk.ui.pages.today_page import AgendaLine, TodayPage
from talkdesk.ui.tasks import TaskRunner
from tests.ui.page_helpers import Roster, idle, make_roster, running


@pytest.fixture
def env(session: WorkspaceSession) -> Iterator[tuple[Services, TaskRunner, Roster]]:
    with running(session) as (services, runner):
        yield services, runner, make_roster(services)


def shown_page(qtbot: QtBot, services: Services, runner: TaskRunner) -> TodayPage:
    page = TodayPage(services, runner)
    runner.operation_did_execute.connect(page.on_changes)
    qtbot.addWidget(page)
    page.resize(1190, 680)
    page.show()
    qtbot.waitUntil(lambda: page.agenda is not None)
    return page


def line_named(lines: list[AgendaLine], text: str) -> AgendaLine:
    return next(line for line in lines if text in line.text_shown())


def test_cards_count_talks_and_follow_ups(
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

    page = shown_page(qtbot, services, runner)
    assert page.greeting_label.text() == "Good morning, 王主任"  # 09:30 on the test clock
    assert [card.number_label.text() for card in page.cards()] == ["2", "2", "1", "1"]

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
    assert page.agenda is None
    page.show()
    qtbot.waitUntil(lambda: page.talks_card.number_label.text() == "1")


def test_the_agenda_lists_who_is_due_and_each_line_opens_its_item(
    qtbot: QtBot, env: tuple[Services, TaskRunner, Roster]
) -> None:
    services, runner, roster = env
    plan, _ = services.plans.create_plan(
        PlanInput(
            "财务科季度谈心",
            roster.talker,
            CadenceKind.QUARTERLY,
            date(2026, 10, 1),
            department_ids=(roster.finance,),
        )
    )
    booked, _ = services.plans.schedule(
        roster.talker, roster.zhang, datetime(2026, 11, 26, 10), "二楼接待室"
    )
    services.plans.add_trigger(roster.zhang, TriggerKind.NEW_POST, date(2026, 11, 20), 30)
    late, _ = services.follow_ups.create(
        FollowUpInput("食堂", roster.li, due_on=date(2026, 11, 20))
    )
    navigation = Navigation()
    qtbot.addWidget(navigation)
    page = TodayPage(services, runner)
    page.counts_changed.connect(navigation.set_counts)
    runner.operation_did_execute.connect(page.on_changes)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.agenda is not None)

    # the finance people are due this quarter (yellow), with days left
    lines = page.plans_section.lines()
    assert [(line.text_shown().split()[1], line.state) for line in lines] == [
        ("李四", CoverageState.DUE),
        ("王五", CoverageState.DUE),
    ]
    assert "37 day(s) left" in lines[0].text_shown()
    assert lines[0].tag_label.objectName() == "tag_due"
    assert page.plans_section.title_label.text() == "Due and overdue talks · 2"
    (appointment,) = page.appointments_section.lines()
    assert "张三" in appointment.text_shown() and "二楼接待室" in appointment.text_shown()
    (trigger,) = page.triggers_section.lines()
    assert "New post" in trigger.text_shown() and "26 day(s) left" in trigger.text_shown()
    (follow_up,) = page.follow_ups_section.lines()
    assert follow_up.state is CoverageState.OVERDUE and "4 day(s) late" in follow_up.text_shown()
    # navigation: 2 people due + 1 follow-up overdue (the trigger is not late yet)
    assert navigation.item(0).text() == "Today  (3)"

    # clicking a line opens its item
    for line, expected in (
        (lines[0], ["plans", f"plan:{plan.id}:person:{roster.li}"]),
        (appointment, ["appointments", f"appointment:{booked.id}"]),
        (trigger, ["people", f"person:{roster.zhang}"]),
        (follow_up, ["follow_ups", f"follow_up:{late.id}"]),
    ):
        with qtbot.waitSignal(page.open_page) as opened:
            qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
        assert opened.args == expected

    # 李四's talk is recorded: the line goes, the counts follow
    data = TalkInput(roster.talker, roster.li, datetime(2026, 11, 24, 9))
    runner.submit(lambda: services.talks.create_talk(data))
    qtbot.waitUntil(lambda: len(page.plans_section.lines()) == 1)
    assert "王五" in page.plans_section.lines()[0].text_shown()
    assert navigation.item(0).text() == "Today  (2)"

    # locked: the agenda and the counts go
    page.forget()
    assert page.lines() == [] and navigation.item(0).text() == "Today"
    assert navigation.item(list(PageId).index(PageId.PLANS)).text() == "Plans"
