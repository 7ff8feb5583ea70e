from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import CareLevel, TalkKind, TalkState, Topic
from talkdesk.services.bundle import Services
from talkdesk.services.changes import Entity
from talkdesk.services.query import Page
from talkdesk.services.talks import TalkFilter, TalkInput, TalkSort
from tests.services.conftest import Office


def _talk(office: Office, person: int, when: datetime, **kw: object) -> TalkInput:
    return TalkInput(talker_id=office.leader, person_id=person, held_at=when, **kw)  # type: ignore[arg-type]


def test_draft_finalise_and_amend(services: Services, office: Office) -> None:
    data = _talk(
        office,
        office.zhang,
        datetime(2026, 11, 20, 15, 0),
        place="党员活动室",
        kind=TalkKind.CARING,
        topics=(Topic.LIFE, Topic.HEALTH),
        content="谈到家庭压力较大，孩子上学接送困难。",
        care_level=CareLevel.WATCH,
        care_reason="母亲住院",
        private_notes="情绪低落",
    )
    detail, changes = services.talks.create_talk(data)
    assert Entity.TALK in changes
    assert detail.row.state is TalkState.DRAFT
    assert detail.data == data
    assert detail.row.person_name == "张三" and detail.row.talker_name == "王主任"

    edited = _talk(office, office.zhang, data.held_at, content="改过的内容", topics=(Topic.WORK,))
    detail, _ = services.talks.update_draft(detail.id, edited)
    assert detail.data.content == "改过的内容" and detail.row.topics == (Topic.WORK,)

    services.talks.finalise(detail.id)
    with pytest.raises(TalkdeskError) as err:
        services.talks.update_draft(detail.id, data)
    assert err.value.code is ErrorCode.FINALISED

    services.talks.amend(detail.id, "补充记录", "补充：本人希望调整岗位。")
    final = services.talks.get_talk(detail.id)
    assert final.is_final and final.finalised_at is not None
    assert [a.reason for a in final.amendments] == ["补充记录"]
    # the amendment is searchable, the replaced draft text is not
    assert services.search.search("调整岗位").talk_count == 1
    assert services.search.search("家庭压力").talk_count == 0


def test_list_filters_sorting_and_paging(services: Services, office: Office) -> None:
    start = datetime(2026, 1, 5, 9, 0)
    for i in range(25):
        person = office.zhang if i % 2 else office.li
        services.talks.create_talk(_talk(office, person, start + timedelta(days=7 * i)))
    assert services.talks.count_talks() == 25
    assert services.talks.count_talks(TalkFilter(person_id=office.zhang)) == 12
    assert services.talks.count_talks(TalkFilter(department_id=office.department)) == 25

    newest = services.talks.list_talks(page=Page(0, 10))
    assert len(newest) == 10
    assert newest[0].held_at == start + timedelta(days=7 * 24)
    rest = services.talks.list_talks(page=Page(10, 100))
    assert len(rest) == 15
    assert newest[-1].held_at > rest[0].held_at

    by_person = services.talks.list_talks(sort=TalkSort.PERSON, descending=False)
    assert [r.person_name for r in by_person[:13]] == ["李四"] * 13

    in_march = services.talks.list_talks(
        TalkFilter(date_from=datetime(2026, 3, 1).date(), date_to=datetime(2026, 3, 31).date())
    )
    assert all(r.held_at.month == 3 for r in in_march) and len(in_march) in (4, 5)


def test_talking_to_oneself_is_refused(services: Services, office: Office) -> None:
    with pytest.raises(TalkdeskError) as err:
        services.talks.create_talk(_talk(office, office.leader, datetime(2026, 11, 1)))
    assert err.value.code is ErrorCode.INVALID_VALUE


def test_a_talk_that_answers_nothing_touches_only_talks(services: Services, office: Office) -> None:
    detail, changes = services.talks.create_talk(
        _talk(office, office.zhang, datetime(2026, 11, 20, 15, 0))
    )
    assert changes.touched == {Entity.TALK}
    moved = _talk(office, office.li, datetime(2026, 11, 21, 15, 0))
    _, changes = services.talks.update_draft(detail.id, moved)
    assert changes.touched == {Entity.TALK}
