"""What the Plans page and the 必谈 dialog need from PlansService and the calendar overrides."""

from __future__ import annotations

from datetime import date

import pytest

from talkdesk.domain.errors import TalkdeskError
from talkdesk.domain.values import CadenceKind, TriggerKind
from talkdesk.services.bundle import Services
from talkdesk.services.changes import Entity
from talkdesk.services.people import PersonInput
from talkdesk.services.plans import TRIGGER_DEFAULT_DAYS, PlanInput, default_trigger_days
from tests.services.conftest import Office


def test_pause_and_resume_a_plan(services: Services, office: Office) -> None:
    plan, _ = services.plans.create_plan(
        PlanInput(
            "月度",
            office.leader,
            CadenceKind.MONTHLY,
            date(2026, 1, 1),
            department_ids=(office.department,),
        )
    )
    row, changes = services.plans.set_active(plan.id, False)
    assert Entity.PLAN in changes
    assert not row.active
    assert services.coverage.report().plans == ()  # a paused plan has nobody due
    row, _ = services.plans.set_active(plan.id, True)
    assert row.active
    assert [p.plan_id for p in services.coverage.report().plans] == [plan.id]
    with pytest.raises(TalkdeskError):
        services.plans.set_active(999, True)


def test_person_choices_are_active_people_leaders_first(services: Services, office: Office) -> None:
    left, _ = services.people.add_person(PersonInput("赵六"))
    services.people.mark_left(left.id, date(2026, 1, 1))
    choices = services.plans.person_choices()
    assert [c.name for c in choices] == ["王主任", "李四", "张三"]
    assert (choices[1].department_name, choices[1].pinyin, choices[1].initials) == (
        "办公室",
        "lisi",
        "ls",
    )


def test_every_trigger_kind_has_a_default(services: Services, office: Office) -> None:
    assert set(TRIGGER_DEFAULT_DAYS) == set(TriggerKind)
    assert default_trigger_days(TriggerKind.HARDSHIP) == 7
    assert default_trigger_days(TriggerKind.NEW_POST) == 30
    assert default_trigger_days(TriggerKind.AWARD_OR_DISCIPLINE) == 15
    row, _ = services.plans.add_trigger(
        office.zhang,
        TriggerKind.EVALUATION,
        date(2026, 11, 1),
        default_trigger_days(TriggerKind.EVALUATION),
    )
    assert row.due_on == date(2026, 12, 1)


def test_an_override_keeps_its_note(services: Services) -> None:
    services.calendar.set_override(date(2031, 1, 4), True, "  调休  ")
    [override] = services.calendar.overrides()
    assert (override.day, override.working, override.note) == (date(2031, 1, 4), True, "调休")
