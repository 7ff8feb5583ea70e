from __future__ import annotations

from datetime import date, datetime

from talkdesk.domain.values import CadenceKind, Topic, TriggerKind
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.people import PeopleFilter, PeopleSort, PersonInput
from talkdesk.services.plans import PlanInput
from talkdesk.services.search import HitKind
from talkdesk.services.talks import TalkInput
from tests.services.conftest import Office


def test_plan_with_department_and_person_members(services: Services, office: Office) -> None:
    plan, _ = services.plans.create_plan(
        PlanInput(
            "办公室季度谈心",
            office.leader,
            CadenceKind.QUARTERLY,
            date(2026, 1, 1),
            department_ids=(office.department,),
            person_ids=(office.zhang,),
        )
    )
    assert plan.talker_name == "王主任" and plan.member_count == 2  # 张三 and 李四
    data = services.plans.plan_input(plan.id)
    assert data.department_ids == (office.department,) and data.person_ids == (office.zhang,)
    services.plans.update_plan(plan.id, PlanInput(**{**data.__dict__, "active": False}))
    assert not services.plans.list_plans()[0].active


def test_trigger_and_appointment(services: Services, office: Office) -> None:
    trigger, _ = services.plans.add_trigger(office.li, TriggerKind.NEW_POST, date(2026, 11, 1), 30)
    assert trigger.due_on == date(2026, 12, 1)
    appt, _ = services.plans.schedule(
        office.leader, office.li, datetime(2026, 11, 25, 10, 0), "小会议室", trigger_id=trigger.id
    )
    week = services.plans.appointments(datetime(2026, 11, 23), datetime(2026, 11, 30))
    assert [a.person_name for a in week] == ["李四"]
    services.plans.cancel(appt.id)
    assert services.plans.appointments(datetime(2026, 11, 23), datetime(2026, 11, 30)) == []


def test_builtin_templates_are_there_and_editable(services: Services) -> None:
    templates = services.templates.templates()
    assert templates and all(t.builtin for t in templates)
    general = templates[0]
    assert Topic.CAREER in general.prompts and Topic.IDEOLOGY in general.prompts
    mine, _ = services.templates.save("我的提纲", {Topic.WORK: ("最近忙什么？",)})
    assert mine.prompts == {Topic.WORK: ("最近忙什么？",)} and not mine.builtin


def test_search_finds_substrings_and_hides_private_notes(
    services: Services, office: Office
) -> None:
    talk, _ = services.talks.create_talk(
        TalkInput(
            office.leader,
            office.zhang,
            datetime(2026, 10, 9, 9),
            content="近期家庭压力较大，希望组织关心。",
            private_notes="夫妻关系紧张",
        )
    )
    services.follow_ups.create(FollowUpInput("缓解家庭困难", office.zhang, talk_id=talk.id))

    result = services.search.search("家庭")
    assert result.talk_count == 1 and result.follow_up_count == 1
    assert {h.kind for h in result.hits} == {HitKind.TALK, HitKind.FOLLOW_UP}
    assert services.search.search("家庭压力较大").talk_count == 1
    assert services.search.search("压力很大").talk_count == 0
    assert services.search.search("家").talk_count == 1  # one character: prefix of a pair

    assert services.search.search("夫妻关系").hits == ()
    private = services.search.search("夫妻关系", include_private=True)
    assert [(h.kind, h.private) for h in private.hits] == [(HitKind.TALK, True)]


def test_plan_covers_people_joining_its_department_later(
    services: Services, office: Office
) -> None:
    plan, _ = services.plans.create_plan(
        PlanInput(
            "办公室月度谈心",
            office.leader,
            CadenceKind.MONTHLY,
            date(2026, 1, 1),
            department_ids=(office.department,),
        )
    )
    assert plan.member_count == 2  # the leader is in the department but not their own member
    sub, _ = services.people.add_department("文书组", parent_id=office.department)
    newcomer, _ = services.people.add_person(PersonInput("曾建飞", sub.id))
    assert services.plans.list_plans()[0].member_count == 3
    services.people.mark_left(newcomer.id, date(2026, 11, 30))
    assert services.plans.list_plans()[0].member_count == 2


def test_unusual_surname_readings_sort_and_search(services: Services, office: Office) -> None:
    services.people.add_person(PersonInput("曾建飞", office.department))
    assert [p.name for p in services.people.people(PeopleFilter(text="zjf"))] == ["曾建飞"]
    names = [p.name for p in services.people.people(sort=PeopleSort.NAME)]
    assert names.index("王主任") < names.index("曾建飞")  # z after w, not "ceng"
