"""The record form by keyboard alone: Tab follows the form top to bottom, Ctrl+S saves,
Ctrl+N opens a new record from any page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from talkdesk.services.bundle import Services
from talkdesk.services.session import WorkspaceSession
from talkdesk.ui.pages.talk_form import TalkForm
from talkdesk.ui.tasks import TaskRunner
from tests.ui.page_helpers import Roster, commit_text, idle, make_roster, running
from tests.ui.test_talk_form import choose_people, new_form, open_page

Env = tuple[Services, TaskRunner, Roster]


@pytest.fixture
def env(qtbot: QtBot, session: WorkspaceSession) -> Iterator[Env]:
    with running(session) as (services, runner):
        yield services, runner, make_roster(services)


def tab_chain(start: QWidget, stop: QWidget) -> list[QWidget]:
    """The widgets Tab visits from `start` up to `stop`, as Qt's focus chain orders them."""
    chain, widget = [start], start.nextInFocusChain()
    while widget is not stop and widget is not start:
        tabbable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if tabbable and widget.isVisibleTo(stop.window()) and widget.isEnabled():
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return [*chain, stop]


def test_tab_follows_the_form_from_the_date_to_the_suggestions(qtbot: QtBot, env: Env) -> None:
    services, runner, _roster = env
    form: TalkForm = new_form(qtbot, open_page(qtbot, services, runner), runner)
    chain = tab_chain(form.date_edit, form.suggestions_edit)
    expected = [
        form.date_edit,
        form.time_edit,
        form.place_edit,
        form.talker_combo,
        form.person_combo,
        form.others_edit,
        form.recorder_edit,
        form.kind_combo,
        form.care_combo,
        *form.topic_checks.values(),
        form.content_edit,
        form.problems_edit,
        form.suggestions_edit,
    ]

    def position(widget: QWidget) -> int:
        # an editable combo's line edit takes the focus for its combo
        for i, wanted in enumerate(expected):
            if widget is wanted or widget.parent() is wanted:
                return i
        return -1

    order = [p for p in map(position, chain) if p >= 0]
    assert sorted(set(order)) == list(range(len(expected)))  # every field is reached
    assert order == sorted(order)  # in the order of the form


def test_ctrl_s_saves_the_draft(qtbot: QtBot, env: Env) -> None:
    services, runner, roster = env
    form = new_form(qtbot, open_page(qtbot, services, runner), runner)
    choose_people(qtbot, form, runner, roster)
    commit_text(form.content_edit, "谈了工作")
    qtbot.keyClick(form.content_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.talk_id is not None)
    idle(qtbot, runner)
    assert form.talk_id is not None
    assert services.talks.get_talk(form.talk_id).data.content == "谈了工作"


def test_escape_and_close_really_close_the_form_and_save_it(qtbot: QtBot, env: Env) -> None:
    services, runner, roster = env
    page = open_page(qtbot, services, runner)
    form = new_form(qtbot, page, runner)
    choose_people(qtbot, form, runner, roster)
    commit_text(form.content_edit, "谈了学习计划")
    qtbot.keyClick(form.content_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.forms.form is None)  # closed and gone, not just hidden
    idle(qtbot, runner)
    [row] = services.talks.list_talks()
    assert services.talks.get_talk(row.id).data.content == "谈了学习计划"

    form = new_form(qtbot, page, runner)
    qtbot.mouseClick(form.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.forms.form is None)
