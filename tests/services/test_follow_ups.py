from __future__ import annotations

from datetime import date, datetime

import pytest

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import FeedbackHow, FollowUpSource, FollowUpStatus, Response
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import EventKind, FollowUpFilter, FollowUpInput, FollowUpSort
from talkdesk.services.talks import TalkInput
from tests.services.conftest import Office


def test_closed_loop_from_talk_to_feedback(services: Services, office: Office) -> None:
    talk, _ = services.talks.create_talk(
        TalkInput(office.leader, office.zhang, datetime(2026, 11, 2, 10, 0))
    )
    item, _ = services.follow_ups.create(
        FollowUpInput(
            "协调解决孩子入学问题",
            person_id=office.zhang,
            talk_id=talk.id,
            handler="人事科",
            due_on=date(2026, 11, 20),
        )
    )
    assert item.row.status is FollowUpStatus.OPEN and item.ticket_code is None
    today = date(2026, 11, 24)
    assert services.follow_ups.count_follow_ups(FollowUpFilter(overdue_on=today)) == 1

    services.follow_ups.set_status(item.id, FollowUpStatus.IN_PROGRESS, "已联系教育局")
    services.follow_ups.add_progress(item.id, "材料已提交")
    with pytest.raises(TalkdeskError) as err:
        services.follow_ups.set_status(item.id, FollowUpStatus.RESOLVED)
    assert err.value.code is ErrorCode.INVALID_VALUE
    services.follow_ups.set_status(item.id, FollowUpStatus.RESOLVED, "已安排入学")
    assert services.follow_ups.count_follow_ups(FollowUpFilter(feedback_owed=True)) == 1
    assert services.follow_ups.count_follow_ups(FollowUpFilter(overdue_on=today)) == 0

    done, _ = services.follow_ups.record_feedback(
        item.id, today, FeedbackHow.IN_PERSON, "当面告知结果", Response.SATISFIED
    )
    assert services.follow_ups.count_follow_ups(FollowUpFilter(feedback_owed=True)) == 0
    assert done.response is Response.SATISFIED and done.resolution == "已安排入学"
    assert [e.kind for e in done.events] == [
        EventKind.CREATED,
        EventKind.STATUS,
        EventKind.PROGRESS,
        EventKind.STATUS,
        EventKind.FEEDBACK,
    ]
    assert services.follow_ups.count_follow_ups(FollowUpFilter(talk_id=talk.id)) == 1


def test_anonymous_suggestion_gets_a_ticket(services: Services) -> None:
    item, _ = services.follow_ups.create(
        FollowUpInput("食堂菜品单一", source=FollowUpSource.SUGGESTION_BOX)
    )
    assert item.row.person_name == "" and item.ticket_code and len(item.ticket_code) == 8


def test_sorting_puts_undated_last_and_bulk_update(services: Services, office: Office) -> None:
    ids = []
    for title, due in (("甲", date(2026, 12, 1)), ("乙", None), ("丙", date(2026, 11, 1))):
        item, _ = services.follow_ups.create(FollowUpInput(title, office.li, due_on=due))
        ids.append(item.id)
    rows = services.follow_ups.list_follow_ups(sort=FollowUpSort.DUE_ON)
    assert [r.title for r in rows] == ["丙", "甲", "乙"]
    rows = services.follow_ups.list_follow_ups(sort=FollowUpSort.DUE_ON, descending=True)
    assert [r.title for r in rows] == ["甲", "丙", "乙"]

    services.follow_ups.bulk_update(ids[:2], handler="办公室", due_on=date(2027, 1, 10))
    assert services.follow_ups.count_follow_ups(FollowUpFilter(handler="办公室")) == 2
