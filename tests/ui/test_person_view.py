"""A person's page, driven as a user: opened from the list or another page, its timeline,
coverage and triggers, the actions on the person, and back to the list."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from talkdesk.domain.values import CadenceKind, CareLevel, FollowUpStatus, Topic, TriggerKind
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.people import PersonInput
from talkdesk.services.plans import PlanInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.talks import TalkInput
from talkdesk.ui.pages.people_page import PeoplePage
from talkdesk.ui.pages.person_dialog import LeaveDialog, PersonDialog
from talkdesk.ui.pages.person_view import PersonView
from talkdesk.ui.pages.talks_page import TalksPage
from talkdesk.ui.pages.trigger_dialog import TriggerDialog
from tests.ui.page_helpers import (
    Roster,
    add_talks,
    click_ok,
    commit_text,
    idle,
    make_roster,
    open_dialog,
    running,
)


@pytest.fixture
def setup(qtbot: QtBot, session: WorkspaceSession) -> Iterator[tuple[Services, PeoplePage, Roster]]:
    with running(session) as (services, runner):
        roster = make_roster(services)
        page = PeoplePage(services, runner)
        runner.operation_did_execute.connect(page.on_changes)
        qtbot.addWidget(page)
        page.resize(1180, 680)
        page.show()
        qtbot.waitUntil(lambda: page.model.total == 4)
        idle(qtbot, runner)
        yield services, page, roster


def names(page: PeoplePage) -> list[str]:
    return [p.name for p in page.model.rows]


def cells(view: PersonView, column: int) -> list[str]:
    model = view.timeline_model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def click_row(qtbot: QtBot, table: QTableView, row: int, double: bool = False) -> None:
    """Click a row; a double-click is a click and then the second press, as a mouse sends it
    (QTest's bare double-click is not seen by a view that has not been clicked yet)."""
    pos = table.visualRect(table.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    if double:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def shown(qtbot: QtBot, page: PeoplePage, name: str) -> PersonView:
    view = page.person_view
    qtbot.waitUntil(lambda: view.isVisible() and view.name_label.text() == name)
    return view


def select(qtbot: QtBot, page: PeoplePage, name: str) -> None:
    qtbot.waitUntil(lambda: name in names(page))
    click_row(qtbot, page.table, names(page).index(name))
    assert page.selected_person() is not None
    assert page.selected_person().name == name


def test_open_a_person_from_the_list_see_their_details_and_go_back(
    qtbot: QtBot, setup: tuple[Services, PeoplePage, Roster]
) -> None:
    services, page, roster = setup
    services.people.update_person(
        roster.zhang,
        PersonInput(
            name="张三",
            department_id=roster.office,
            position="科员",
            phone="13800000000",
            party_member=True,
            joined_on=date(2019, 7, 1),
        ),
    )
    qtbot.waitUntil(lambda: "张三" in names(page))
    select(qtbot, page, "张三")
    click_row(qtbot, page.table, names(page).index("张三"), double=True)

    view = shown(qtbot, page, "张三")
    assert page.stack.currentWidget() is view
    assert {k: v.text() for k, v in view.fields.items()} == {
        "department": "办公室",
        "position": "科员",
        "phone": "13800000000",
        "gender": "Not given",
        "party": "Yes",
        "joined": "2019-07-01",
    }
    assert not view.status_tag.isVisible()
    assert not view.leader_tag.isVisible()
    assert view.summary_label.text() == "0 talk(s) · 0 open follow-up(s)"
    assert view.timeline_empty.isVisible()
    assert view.plans_empty.isVisible()
    assert view.triggers_empty.isVisible()

    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.list_view
    assert page.selected_person() is not None
    assert page.selected_person().name == "张三"  # the selection is kept

    # Enter on the selected row, then Alt+Left; the Open button, then Escape
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    shown(qtbot, page, "张三")
    qtbot.keyClick(view.timeline_table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.stack.currentWidget() is page.list_view
    select(qtbot, page, "李四")
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    shown(qtbot, page, "李四")
    qtbot.keyClick(view.timeline_table, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.list_view
    assert page.selected_person().name == "李四"


def test_show_item_opens_the_person_and_the_list_behind_finds_them(
    qtbot: QtBot, setup: tuple[Services, PeoplePage, Roster]
) -> None:
    services, page, roster = setup
    services.people.mark_left(roster.wang, date(2026, 10, 31))
    page.show_item(f"person:{roster.wang}")
    view = shown(qtbot, page, "王五")
    assert view.status_tag.isVisible()
    assert view.status_tag.text() == "Left on 2026-10-31"
    assert not view.new_talk_button.isEnabled()  # no new talks with someone who left
    assert view.reinstate_button.isVisible()
    assert not view.leave_button.isVisible()
    qtbot.waitUntil(lambda: page.selected_person() is not None)
    qtbot.keyClick(view.timeline_table, Qt.Key.Key_Escape)
    assert names(page) == ["王五"]  # narrowed to them, people who left shown
    assert page.selected_person().name == "王五"

    page.show_item(f"person:{roster.li}")  # another page opens someone else
    shown(qtbot, page, "李四")
    assert page.person_view.fields["department"].text() == "财务科"


def test_the_timeline_merges_talks_and_follow_ups_newest_first_and_opens_them(
    qtbot: QtBot, setup: tuple[Services, PeoplePage, Roster]
) -> None:
    services, page, roster = setup
    first, _ = services.talks.create_talk(
        TalkInput(
            talker_id=roster.talker,
            person_id=roster.zhang,
            held_at=datetime(2026, 9, 3, 10),
            topics=(Topic.WORK, Topic.CAREER),
        )
    )
    care, _ = services.talks.create_talk(
        TalkInput(
            talker_id=roster.talker,
            person_id=roster.zhang,
            held_at=datetime(2026, 11, 2, 15, 30),
            topics=(Topic.LIFE,),
            care_level=CareLevel.CARE,
            care_reason="家人重病",
            private_notes="绝不外传的话",
        )
    )
    item, _ = services.follow_ups.create(
        FollowUpInput(
            title="协调子女入学",
            person_id=roster.zhang,
            talk_id=first.id,
            handler="人事科",
            due_on=date(2026, 11, 1),
        )
    )
    services.follow_ups.create(FollowUpInput(title="李四的事", person_id=roster.li))

    page.show_item(f"person:{roster.zhang}")
    view = shown(qtbot, page, "张三")
    assert view.timeline_title.text() == "Talks and follow-ups · 3"
    assert cells(view, 0) == ["2026-11-24 09:30", "2026-11-02 15:30", "2026-09-03 10:00"]
    assert cells(view, 1) == ["Follow-up", "Talk", "Regular talk"]
    assert cells(view, 2) == ["人事科", "周书记", "周书记"]
    assert cells(view, 3) == ["协调子女入学", "Needs care: click to show", "Work, Career"]
    assert cells(view, 4) == ["Overdue", "Draft", "Draft"]
    assert view.summary_label.text() == ("2 talk(s) · last on 2026-11-02 · 1 open follow-up(s)")
    assert not view.more_button.isVisible()

    # the care-flagged talk shows its topics only after a click; private notes never
    click_row(qtbot, view.timeline_table, 1)
    assert cells(view, 1)[1] == "Regular talk"
    assert cells(view, 3)[1] == "[Needs care] Life"
    everything = [
        view.timeline_model.index(r, c).data(role)
        for r in range(view.timeline_model.rowCount())
        for c in range(view.timeline_model.columnCount())
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    ]
    assert not [text for text in everything if text and ("绝不外传" in text or "家人重病" in text)]

    with qtbot.waitSignal(page.open_page) as opened:
        click_row(qtbot, view.timeline_table, 2, double=True)
    assert opened.args == ["talks", f"talk:{first.id}"]
    with qtbot.waitSignal(page.open_page) as opened:
        view.timeline_table.setCurrentIndex(view.timeline_model.index(0, 0))
        qtbot.keyClick(view.timeline_table, Qt.Key.Key_Return)
    assert opened.args == ["follow_ups", f"follow_up:{item.id}"]

    # a change made elsewhere (through the runner, as pages make them) shows at once
    page._runner.submit(
        lambda: services.follow_ups.set_status(item.id, FollowUpStatus.RESOLVED, "已解决")
    )
    qtbot.waitUntil(lambda: cells(view, 4)[0] == "Resolved")
    assert view.summary_label.text().endswith("0 open follow-up(s)")
    assert cells(view, 3)[1] == "[Needs care] Life"  # what was revealed stays revealed
    assert view.timeline_model.row_at(1).id == care.id


def test_a_long_history_shows_the_newest_lines_and_more_on_request(
    qtbot: QtBot, setup: tuple[Services, PeoplePage, Roster]
) -> None:
    services, page, roster = setup
    add_talks(services, roster, 230, datetime(2026, 1, 1, 8))
    page.show_item(f"person:{roster.wang}")
    view = shown(qtbot, page, "王五")
    assert view.timeline_model.rowCount() == 200
    assert cells(view, 0)[0] == "2026-01-10 21:00"  # the newest: 229 hours after the first
    assert view.more_button.isVisible()
    assert view.more_button.text() == "Showing the newest 200 of 230 · show more"
    qtbot.mouseClick(view.more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.timeline_model.rowCount() == 230)
    assert not view.more_button.isVisible()
    assert cells(view, 0)[-1] == "2026-01-01 08:00"


def test_coverage_in_each_plan_and_the_triggers(
    qtbot: QtBot, setup: tuple[Services, PeoplePage, Roster]
) -> None:
    services, page, roster = setup
    plans = services.plans
    plans.create_plan(
        PlanInput(
            name="季度谈话",
            talker_id=roster.talker,
            cadence=CadenceKind.QUARTERLY,
            start_on=date(2026, 7, 1),
            department_ids=(roster.office, roster.finance),
        )
    )
    monthly, _ = plans.create_plan(
        PlanInput(
            name="月度谈话",
            talker_id=roster.talker,
            cadence=CadenceKind.MONTHLY,
            start_on=date(2026, 7, 1),
            person_ids=(roster.zhang,),
            hard_days=15,
        )
    )
    plans.add_trigger(roster.zhang, TriggerKind.NEW_POST, date(2026, 10, 1), 30)
    services.talks.create_talk(  # answers the event before it
        TalkInput(talker_id=roster.talker, person_id=roster.zhang, held_at=datetime(2026, 10, 20))
    )
    plans.add_trigger(roster.zhang, TriggerKind.HARDSHIP, date(2026, 11, 20), 7, "家人住院")

    page.show_item(f"person:{roster.zhang}")
    view = shown(qtbot, page, "张三")
    qtbot.waitUntil(lambda: view.plans_model.rowCount() == 2)
    model = view.plans_model

    def row_of(name: str) -> int:
        return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)

    def line(name: str) -> list[str]:
        return [model.index(row_of(name), c).data() for c in range(model.columnCount())]

    # a talk in this quarter: done; none since 20 October in November, 15 days allowed: overdue
    assert line("季度谈话") == [
        "季度谈话",
        "周书记",
        "Quarterly",
        "Done",
        "2026-10-20",
        "2026-12-31",
    ]
    assert line("月度谈话")[2:5] == ["Monthly", "Overdue", "2026-10-20"]
    overdue = row_of("月度谈话")
    background = model.index(overdue, 3).data(Qt.ItemDataRole.BackgroundRole)
    assert background == QColor("#c62828")
    assert not view.plans_empty.isVisible()

    with qtbot.waitSignal(page.open_page) as opened:
        click_row(qtbot, view.plans_table, overdue, double=True)
    assert opened.args == ["plans", f"plan:{monthly.id}:person:{roster.zhang}"]

    triggers = view.triggers_model
    rows = [
        [triggers.index(r, c).data() for c in range(triggers.columnCount())]
        for r in range(triggers.rowCount())
    ]
    assert rows == [
        ["Hardship", "2026-11-20", "2026-11-27", "Due", "家人住院"],
        ["New post", "2026-10-01", "2026-10-31", "Talked 2026-10-20", ""],
    ]
    assert view.triggers_title.text() == "Events calling for a talk · 1 waiting"

    # another person covered by the quarterly plan, with no talk: due
    page.show_item(f"person:{roster.li}")
    shown(qtbot, page, "李四")
    qtbot.waitUntil(lambda: view.plans_model.rowCount() == 1)
    assert view.plans_model.index(0, 3).data() == "Due"
    assert view.triggers_empty.isVisible()


def test_edit_mark_an_event_and_leave_from_the_persons_page(
    qtbot: QtBot, setup: tuple[Services, PeoplePage, Roster]
) -> None:
    services, page, roster = setup
    page.show_item(f"person:{roster.zhang}")
    view = shown(qtbot, page, "张三")

    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, PersonDialog)
    assert dialog.name_edit.text() == "张三"
    commit_text(dialog.position_edit, "副科长")
    click_ok(qtbot, dialog.buttons)
    qtbot.waitUntil(lambda: view.fields["position"].text() == "副科长")
    assert services.people.person(roster.zhang).position == "副科长"

    qtbot.mouseClick(view.trigger_button, Qt.MouseButton.LeftButton)
    event = open_dialog(qtbot, page, TriggerDialog)
    assert event.person_id == roster.zhang
    event.select_kind(TriggerKind.REQUESTED)
    click_ok(qtbot, event.buttons)
    qtbot.waitUntil(lambda: view.triggers_model.rowCount() == 1)
    assert view.triggers_model.index(0, 0).data() == "Asked for a talk"

    qtbot.mouseClick(view.leave_button, Qt.MouseButton.LeftButton)
    leave = open_dialog(qtbot, page, LeaveDialog)
    leave.date_edit.setDate(QDate(2026, 11, 23))
    click_ok(qtbot, leave.buttons)
    qtbot.waitUntil(lambda: view.status_tag.isVisible())
    assert view.status_tag.text() == "Left on 2026-11-23"
    assert view.reinstate_button.isVisible()
    qtbot.mouseClick(view.reinstate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.status_tag.isVisible())
    assert services.people.person(roster.zhang).active


def test_new_talk_with_this_person_opens_the_form_with_them_chosen(
    qtbot: QtBot, setup: tuple[Services, PeoplePage, Roster]
) -> None:
    services, page, roster = setup
    talks_page = TalksPage(services, page._runner)
    qtbot.addWidget(talks_page)
    page.open_page.connect(lambda key, choice: key == "talks" and talks_page.show_item(choice))
    page.show_item(f"person:{roster.li}")
    view = shown(qtbot, page, "李四")
    with qtbot.waitSignal(talks_page.forms.opened) as opened:
        qtbot.mouseClick(view.new_talk_button, Qt.MouseButton.LeftButton)
    form = opened.args[0]
    assert form is talks_page.forms.form
    assert form.talk_id is None
    assert form.person_combo.currentData() == roster.li
    assert form.person_combo.currentText().startswith("李四")
    assert not form.autosave_timer.isActive()  # nothing typed yet: nothing to save


def test_locking_drops_what_the_page_shows_and_it_comes_back(
    qtbot: QtBot, setup: tuple[Services, PeoplePage, Roster]
) -> None:
    services, page, roster = setup
    services.talks.create_talk(
        TalkInput(talker_id=roster.talker, person_id=roster.li, held_at=datetime(2026, 11, 3, 9))
    )
    page.show_item(f"person:{roster.li}")
    view = shown(qtbot, page, "李四")
    qtbot.waitUntil(lambda: view.timeline_model.rowCount() == 1)
    page.forget()  # what the shell does when the workspace locks
    assert view.name_label.text() == ""
    assert view.timeline_model.rowCount() == 0
    assert view.fields["department"].text() == ""
    page.reload()  # unlocked again
    shown(qtbot, page, "李四")
    qtbot.waitUntil(lambda: view.timeline_model.rowCount() == 1)
