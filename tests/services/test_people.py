from __future__ import annotations

from datetime import date

import pytest

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.services.changes import Entity
from talkdesk.services.people import PeopleFilter, PeopleService, PersonInput
from talkdesk.services.session import WorkspaceSession


@pytest.fixture
def people(session: WorkspaceSession) -> PeopleService:
    return PeopleService(session.context)


def test_add_find_by_name_pinyin_initials_and_mark_left(people: PeopleService) -> None:
    office, _ = people.add_department("办公室")
    zhang, changes = people.add_person(PersonInput("张三", office.id, position="科员"))
    people.add_person(PersonInput("李四", office.id))
    assert Entity.PERSON in changes

    for query in ("张", "zhangsan", "zs", "ZS"):
        assert [p.name for p in people.people(PeopleFilter(text=query))] == ["张三"]
    assert people.count_people(PeopleFilter(department_id=office.id)) == 2

    people.mark_left(zhang.id, date(2026, 11, 1))
    assert [p.name for p in people.people()] == ["李四"]
    kept = people.person(zhang.id)
    assert not kept.active and kept.left_on == date(2026, 11, 1)
    assert people.departments()[0].active_people == 1


def test_subdepartments_are_included(people: PeopleService) -> None:
    top, _ = people.add_department("业务处")
    sub, _ = people.add_department("一科", parent_id=top.id)
    people.add_person(PersonInput("赵六", sub.id))
    assert [p.name for p in people.people(PeopleFilter(department_id=top.id))] == ["赵六"]


def test_blank_name_and_duplicate_department_are_refused(people: PeopleService) -> None:
    with pytest.raises(TalkdeskError) as err:
        people.add_person(PersonInput("  "))
    assert err.value.code is ErrorCode.INVALID_VALUE
    people.add_department("办公室")
    with pytest.raises(TalkdeskError) as err:
        people.add_department("办公室")
    assert err.value.code is ErrorCode.DUPLICATE
