"""A workspace holding people, talks and follow-ups with marker text, for the storage tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest

from talkdesk.domain.values import CareLevel, FeedbackHow, FollowUpSource, Response, Topic
from talkdesk.services.follow_ups import FollowUpInput, FollowUpsService
from talkdesk.services.people import PeopleService, PersonInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.talks import TalkInput, TalksService

# Text that must never be readable on disk (each in exactly one field, so a leak says where).
MARKERS = {
    "person_name": "欧阳绝密",
    "person_position": "QXJPOSITIONMARK",
    "department": "机要保密科",
    "talk_content": "家庭困难情况绝密记录",
    "talk_content_ascii": "QXJCONTENTMARK",
    "talk_problems": "住房问题待解决",
    "talk_private": "私下反映领导作风问题",
    "talk_private_ascii": "QXJPRIVATEMARK",
    "care_reason": "配偶重病住院",
    "amendment": "补充更正内容标记",
    "follow_up_title": "协调解决子女入学",
    "follow_up_detail": "QXJFOLLOWUPMARK",
    "follow_up_progress": "已与教育局沟通",
    "follow_up_feedback": "本人表示满意感谢",
}


@dataclass(frozen=True)
class Filled:
    session: WorkspaceSession
    people: PeopleService
    talks: TalksService
    follow_ups: FollowUpsService
    talk_id: int
    person_id: int


def fill(session: WorkspaceSession) -> Filled:
    """Store one of everything a user writes, through the services, as a user would."""
    people = PeopleService(session.context)
    talks = TalksService(session.context)
    follow_ups = FollowUpsService(session.context)
    m = MARKERS
    dep, _ = people.add_department(m["department"])
    leader, _ = people.add_person(PersonInput("王主任", dep.id, "主任", is_leader=True))
    person, _ = people.add_person(PersonInput(m["person_name"], dep.id, m["person_position"]))
    for i in range(5):
        people.add_person(PersonInput(f"同事{i}", dep.id, "科员"))
    talk, _ = talks.create_talk(
        TalkInput(
            talker_id=leader.id,
            person_id=person.id,
            held_at=datetime(2026, 11, 20, 15, 0),
            place="小会议室",
            topics=(Topic.LIFE, Topic.WORK),
            content=f"谈话中了解到{m['talk_content']}。{m['talk_content_ascii']} noted.",
            problems=m["talk_problems"],
            suggestions="建议工会慰问",
            care_level=CareLevel.CARE,
            care_reason=m["care_reason"],
            private_notes=f"{m['talk_private']} {m['talk_private_ascii']}",
            recorder="李秘书",
        )
    )
    talks.finalise(talk.id)
    talks.amend(talk.id, "补记", m["amendment"])
    talks.create_talk(
        TalkInput(leader.id, person.id, datetime(2026, 10, 1, 9, 0), content="一次普通的谈话")
    )
    item, _ = follow_ups.create(
        FollowUpInput(
            title=m["follow_up_title"],
            person_id=person.id,
            source=FollowUpSource.TALK,
            talk_id=talk.id,
            detail=m["follow_up_detail"],
            handler="人事科",
            due_on=date(2026, 12, 1),
        )
    )
    follow_ups.add_progress(item.id, m["follow_up_progress"])
    feedback = m["follow_up_feedback"]
    follow_ups.record_feedback(
        item.id, date(2026, 11, 23), FeedbackHow.IN_PERSON, feedback, Response.SATISFIED
    )
    return Filled(session, people, talks, follow_ups, talk.id, person.id)


@pytest.fixture
def filled(session: WorkspaceSession) -> Filled:
    return fill(session)
