"""Talks stored the way a user records them, for the record form's tests (Word, PDF, CLI, GUI)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from talkdesk.domain.values import (
    CareLevel,
    FeedbackHow,
    FollowUpStatus,
    Response,
    TalkKind,
    Topic,
)
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.people import PersonInput
from talkdesk.services.talks import TalkInput

PRIVATE_NOTE = "私下记录：本人近期有调动想法"
CARE_REASON = "家中老人生病住院"
CONTENT_LINES = ("手头工作进展顺利。", "希望参加业务培训。")


@dataclass(frozen=True)
class Stored:
    """`flagged`: finalised, care flag, two follow-ups (one resolved and fed back), an
    amendment. `plain`: a draft with another person, no flag, no follow-ups."""

    flagged: int
    plain: int


def store_talks(services: Services) -> Stored:
    people = services.people
    office, _ = people.add_department("办公室")
    finance, _ = people.add_department("财务科")
    talker, _ = people.add_person(PersonInput("周书记", office.id, "党支部书记", is_leader=True))
    zhang, _ = people.add_person(PersonInput("张三", office.id, "科员"))
    li, _ = people.add_person(PersonInput("李四", finance.id, "会计"))
    talks, follow_ups = services.talks, services.follow_ups
    flagged, _ = talks.create_talk(
        TalkInput(
            talker_id=talker.id,
            person_id=zhang.id,
            held_at=datetime(2026, 11, 20, 15, 0),
            place="二楼小会议室",
            kind=TalkKind.REGULAR,
            topics=(Topic.WORK, Topic.CAREER),
            content="\n".join(CONTENT_LINES),
            problems="通勤时间长",
            suggestions="希望多组织业务培训",
            care_level=CareLevel.WATCH,
            care_reason=CARE_REASON,
            private_notes=PRIVATE_NOTE,
            recorder="小李",
            others_present="李副主任",
        )
    )
    bus, _ = follow_ups.create(
        FollowUpInput(
            "解决通勤班车", zhang.id, talk_id=flagged.id, handler="行政科", due_on=date(2026, 12, 1)
        )
    )
    follow_ups.set_status(bus.id, FollowUpStatus.RESOLVED, "已开通班车")
    follow_ups.record_feedback(
        bus.id, date(2026, 12, 3), FeedbackHow.IN_PERSON, "已告知班车时间", Response.SATISFIED
    )
    follow_ups.create(
        FollowUpInput(
            "安排业务培训",
            zhang.id,
            talk_id=flagged.id,
            handler="人事科",
            due_on=date(2026, 12, 15),
        )
    )
    talks.finalise(flagged.id)
    talks.amend(flagged.id, "笔误", "谈话地点应为三楼会议室")
    plain, _ = talks.create_talk(
        TalkInput(
            talker_id=talker.id,
            person_id=li.id,
            held_at=datetime(2026, 11, 22, 10, 0),
            place="财务科办公室",
            content="谈了年终总结",
            private_notes="另一条私下记录",
        )
    )
    return Stored(flagged.id, plain.id)
