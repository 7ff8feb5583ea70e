from __future__ import annotations

from datetime import date, datetime

import pytest

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import FeedbackHow, FollowUpSource, FollowUpStatus, Response
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import (
    EventKind,
    FollowUpFilter,
    FollowUpInput,
    FollowUpSort,
    normalise_ticket,
    ticket_text,
)
from talkdesk.services.people import PersonInput
from talkdesk.services.query import Page
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


def test_search_by_name_pinyin_title_and_ticket_code(services: Services, office: Office) -> None:
    fu = services.follow_ups
    fu.create(FollowUpInput("孩子入学", office.zhang))
    fu.create(FollowUpInput("加班补贴", office.li))
    box, _ = fu.create(FollowUpInput("增设停车位", source=FollowUpSource.SUGGESTION_BOX))
    code = box.ticket_code
    assert code is not None and len(code) == 8

    def titles(text: str) -> list[str]:
        rows = fu.list_follow_ups(FollowUpFilter(text=text), sort=FollowUpSort.TITLE)
        assert fu.count_follow_ups(FollowUpFilter(text=text)) == len(rows)
        return [r.title for r in rows]

    assert titles("张") == ["孩子入学"]
    assert titles("zhangs") == ["孩子入学"]
    assert titles("LS") == ["加班补贴"]
    assert titles("停车") == ["增设停车位"]
    # the code as it is read out or typed: dashes, spaces, lower case, full-width
    assert titles(ticket_text(code)) == ["增设停车位"]
    assert titles(f" {code[:4].lower()} {code[4:]} ") == ["增设停车位"]
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in code)
    assert titles(full_width) == ["增设停车位"]
    assert titles("100%") == []  # LIKE wildcards are taken literally
    assert ticket_text("ABCDEFGH") == "ABCD-EFGH"
    assert normalise_ticket("abcd-efgo") == "ABCDEFG0"


def test_filters_by_source_handler_department_and_due(services: Services, office: Office) -> None:
    fu = services.follow_ups
    other, _ = services.people.add_department("财务科")
    wang, _ = services.people.add_person(PersonInput("王五", other.id))
    today = date(2026, 11, 24)
    fu.create(FollowUpInput("甲", office.zhang, handler="人事科", due_on=date(2026, 11, 20)))
    fu.create(FollowUpInput("乙", wang.id, FollowUpSource.SURVEY, handler="办公室"))
    fu.create(FollowUpInput("丙", office.li, handler="办公室", due_on=date(2026, 11, 28)))

    def titles(flt: FollowUpFilter) -> set[str]:
        assert fu.count_follow_ups(flt) == len(fu.list_follow_ups(flt))
        return {r.title for r in fu.list_follow_ups(flt)}

    assert titles(FollowUpFilter(source=FollowUpSource.SURVEY)) == {"乙"}
    assert titles(FollowUpFilter(handler="办公室")) == {"乙", "丙"}
    assert titles(FollowUpFilter(department_id=other.id)) == {"乙"}
    assert titles(FollowUpFilter(department_id=office.department, text="l")) == {"丙"}
    assert titles(FollowUpFilter(no_due=True)) == {"乙"}
    week = FollowUpFilter(open_only=True, due_from=today, overdue_on=date(2026, 12, 1))
    assert titles(week) == {"丙"}
    assert fu.handlers() == sorted({"人事科", "办公室"})


def test_anonymous_items_from_outside_talks_carry_a_ticket(services: Services) -> None:
    fu = services.follow_ups
    survey, _ = fu.create(FollowUpInput("培训太少", source=FollowUpSource.SURVEY))
    assert survey.ticket_code is not None and survey.row.ticket_code == survey.ticket_code
    from_talk, _ = fu.create(FollowUpInput("食堂问题"))  # a talk's item: no one to give it to
    assert from_talk.ticket_code is None
    # closed but not yet answered: the ticket holder is owed feedback
    fu.set_status(survey.id, FollowUpStatus.RESOLVED, "已增加培训")
    fu.set_status(from_talk.id, FollowUpStatus.RESOLVED, "已改进")
    (owed,) = fu.list_follow_ups(FollowUpFilter(feedback_owed=True))
    assert owed.id == survey.id and owed.feedback_owed
    assert not fu.get(from_talk.id).row.feedback_owed


def test_edits_and_bulk_changes_are_in_the_history(services: Services, office: Office) -> None:
    fu = services.follow_ups
    talk, _ = services.talks.create_talk(
        TalkInput(office.leader, office.zhang, datetime(2026, 11, 2, 10, 0))
    )
    a, _ = fu.create(FollowUpInput("甲", office.zhang, talk_id=talk.id, handler="人事科"))
    b, _ = fu.create(FollowUpInput("乙", office.li))
    assert a.talk_id == talk.id and a.talk_held_at == datetime(2026, 11, 2, 10, 0)

    changed, changes = fu.update(
        a.id, FollowUpInput("甲（补充）", office.zhang, handler="人事科", due_on=date(2026, 12, 1))
    )
    assert changes and changed.row.title == "甲（补充）"
    assert [(e.kind, e.note) for e in changed.events[1:]] == [
        (EventKind.CHANGED, ""),
        (EventKind.DUE, "2026-12-01"),
    ]
    fu.bulk_update([a.id, b.id], handler="办公室", due_on=date(2027, 1, 10))
    for item in (fu.get(a.id), fu.get(b.id)):
        assert (item.row.handler, item.row.due_on) == ("办公室", date(2027, 1, 10))
        assert [(e.kind, e.note) for e in item.events[-2:]] == [
            (EventKind.HANDLER, "办公室"),
            (EventKind.DUE, "2027-01-10"),
        ]
    with pytest.raises(TalkdeskError) as err:
        fu.bulk_update([9999], handler="x")
    assert err.value.code is ErrorCode.NOT_FOUND
    # an item from a talk made anonymous gets no code (nobody to give it to); another does
    anon, _ = fu.update(b.id, FollowUpInput("乙", None))
    assert anon.ticket_code is None
    c, _ = fu.create(FollowUpInput("丙", office.li, FollowUpSource.OTHER))
    assert c.ticket_code is None
    anon, _ = fu.update(c.id, FollowUpInput("丙", None))  # the stored source counts
    assert anon.ticket_code is not None and anon.row.person_id is None


def test_reopening_clears_the_closing_date(services: Services, office: Office) -> None:
    fu = services.follow_ups
    item, _ = fu.create(FollowUpInput("甲", office.zhang, source=FollowUpSource.OTHER))
    closed, _ = fu.set_status(item.id, FollowUpStatus.UNRESOLVABLE, "政策不允许")
    assert closed.closed_on == date(2026, 11, 24) and closed.resolution == "政策不允许"
    reopened, _ = fu.set_status(item.id, FollowUpStatus.IN_PROGRESS)
    assert reopened.closed_on is None and reopened.row.status is FollowUpStatus.IN_PROGRESS


def test_a_count_learned_from_a_page_is_forgotten_after_a_change(
    services: Services, office: Office
) -> None:
    """The page and then its count, as the Follow-ups page asks: a page that held every item
    answers the count, until anything is written."""
    follow_ups = services.follow_ups
    mine = FollowUpFilter(person_id=office.zhang)
    follow_ups.create(FollowUpInput("第一件", office.zhang))
    assert len(follow_ups.list_follow_ups(mine)) == 1
    assert follow_ups.count_follow_ups(mine) == 1
    assert follow_ups.count_follow_ups(FollowUpFilter(person_id=office.li)) == 0  # another filter
    follow_ups.create(FollowUpInput("第二件", office.zhang))
    assert follow_ups.count_follow_ups(mine) == 2  # not the count the page told before
    short = follow_ups.list_follow_ups(mine, page=Page(0, 1))  # a full page tells nothing
    assert len(short) == 1 and follow_ups.count_follow_ups(mine) == 2


def test_the_open_items_of_a_person_and_of_everyone(services: Services, office: Office) -> None:
    """Open means open or in progress (the states written into the SQL once)."""
    follow_ups = services.follow_ups
    ids = [follow_ups.create(FollowUpInput(f"事项{i}", office.zhang))[0].id for i in range(4)]
    follow_ups.set_status(ids[1], FollowUpStatus.IN_PROGRESS)
    follow_ups.set_status(ids[2], FollowUpStatus.RESOLVED, "已解决")
    follow_ups.set_status(ids[3], FollowUpStatus.UNRESOLVABLE, "无法解决")
    follow_ups.create(FollowUpInput("李四的事", office.li))
    flt = FollowUpFilter(person_id=office.zhang, open_only=True)
    assert sorted(r.id for r in follow_ups.list_follow_ups(flt)) == ids[:2]
    assert follow_ups.count_follow_ups(flt) == 2
    assert follow_ups.count_follow_ups(FollowUpFilter(open_only=True)) == 3
    profile = services.profiles.profile(office.zhang)
    assert profile.open_follow_ups == 2
