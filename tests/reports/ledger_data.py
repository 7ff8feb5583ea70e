"""A small organisation with talks and follow-ups around 2026's fourth quarter, for the ledger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import text

from talkdesk.domain.clock import FixedClock
from talkdesk.domain.values import (
    CareLevel,
    FeedbackHow,
    FollowUpSource,
    FollowUpStatus,
    Response,
    TalkKind,
    Topic,
)
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.ledger import LedgerFilter
from talkdesk.services.people import PersonInput
from talkdesk.services.talks import TalkInput

Q4 = (date(2026, 10, 1), date(2026, 12, 31))
NOW = datetime(2026, 11, 24, 9, 30)
FORMULA = "=cmd|' /C calc'!A0"
PRIVATE = "私密笔记：不可外传"
CARE_REASON = "家中老人住院，压力较大"


@dataclass(frozen=True)
class LedgerData:
    office: int  # 办公室, with 文秘组 under it
    secretariat: int
    finance: int
    zhou: int  # talker, a leader in 办公室
    wu: int  # talker, a leader without a department
    zhang: int  # 办公室
    zhao: int  # 文秘组
    li: int  # 财务科


def build(services: Services, clock: FixedClock) -> LedgerData:
    """Talks before, in and after the quarter; follow-ups of each kind the ledger must place."""
    people = services.people
    office, _ = people.add_department("办公室")
    secretariat, _ = people.add_department("文秘组", office.id)
    finance, _ = people.add_department("财务科")

    def person(name: str, dep: int | None, post: str, leader: bool = False) -> int:
        row, _ = people.add_person(PersonInput(name, dep, post, is_leader=leader))
        return row.id

    zhou = person("周书记", office.id, "党支部书记", leader=True)
    wu = person("吴局长", None, "局长", leader=True)
    zhang = person("张三", office.id, "科员")
    zhao = person("赵六", secretariat.id, "文秘")
    li = person("李四", finance.id, "会计")

    def talk(talker: int, who: int, at: datetime, **more: Any) -> int:
        clock.set(at)
        detail, _ = services.talks.create_talk(TalkInput(talker, who, at, **more))
        return detail.id

    def item(title: str, at: datetime, **more: Any) -> int:
        clock.set(at)
        detail, _ = services.follow_ups.create(FollowUpInput(title, **more))
        return detail.id

    t1 = talk(
        zhou,
        zhang,
        datetime(2026, 10, 10, 9, 0),
        place="党支部办公室",
        topics=(Topic.WORK, Topic.IDEOLOGY),
        content=FORMULA,
        problems="+1 加班太多",
        suggestions="@SUM(A1:A2) 建议轮休",
        care_level=CareLevel.WATCH,
        care_reason=CARE_REASON,
        private_notes=PRIVATE,
        recorder="王记录",
    )
    services.talks.finalise(t1)
    t2 = talk(
        zhou,
        zhao,
        datetime(2026, 11, 2, 14, 30),
        kind=TalkKind.CARING,
        topics=(Topic.LIFE,),
        content="-谈到家庭情况\n孩子上学问题",
        care_level=CareLevel.CARE,
        care_reason="需要持续关怀",
        private_notes="另一条" + PRIVATE,
    )
    t3 = talk(wu, li, datetime(2026, 11, 20, 10, 0), topics=(Topic.WORK,), content="谈工作进展")
    t4 = talk(zhou, zhang, datetime(2026, 9, 20, 15, 0), content="上季度的谈话")
    talk(zhou, li, datetime(2027, 1, 5, 9, 0), content="下季度的谈话")

    item(
        "解决加班问题",
        datetime(2026, 10, 10, 11, 0),
        person_id=zhang,
        talk_id=t1,
        handler="办公室",
        due_on=date(2026, 11, 1),
    )
    cared = item("安排慰问", datetime(2026, 11, 2, 16, 0), person_id=zhao, talk_id=t2)
    clock.set(datetime(2026, 11, 10, 9, 0))
    services.follow_ups.set_status(cared, FollowUpStatus.RESOLVED, "已慰问")
    services.follow_ups.record_feedback(
        cared, date(2026, 11, 11), FeedbackHow.IN_PERSON, "当面告知", Response.SATISFIED
    )
    item("上季度事项，本季度登记", datetime(2026, 10, 5, 9, 0), person_id=zhang, talk_id=t4)
    item("上季度事项", datetime(2026, 9, 21, 9, 0), person_id=zhang, talk_id=t4)
    item(
        "食堂饭菜",
        datetime(2026, 11, 15, 9, 0),
        source=FollowUpSource.SUGGESTION_BOX,
        handler="后勤",
    )
    flow = item("报销流程太慢", datetime(2026, 11, 20, 11, 0), person_id=li, talk_id=t3)
    clock.set(datetime(2026, 11, 21, 9, 0))
    services.follow_ups.set_status(flow, FollowUpStatus.IN_PROGRESS)
    clock.set(NOW)
    return LedgerData(office.id, secretariat.id, finance.id, zhou, wu, zhang, zhao, li)


# -- the ledger computed independently: raw rows and the rules in plain Python ------------------


def expected(services: Services, flt: LedgerFilter) -> tuple[list[int], set[int]]:
    """Talk ids (oldest first) and follow-up ids the ledger must hold."""
    with services.session.context.db.reading() as conn:
        parents = dict(conn.execute(text("SELECT id, parent_id FROM department")).all())
        home = dict(conn.execute(text("SELECT id, department_id FROM person")).all())
        talks = conn.execute(
            text("SELECT id, held_at, person_id, talker_id, kind, topics, state FROM talk")
        ).all()
        items = conn.execute(
            text("SELECT id, talk_id, person_id, created_at, status FROM follow_up")
        ).all()

    def in_department(dep: int | None) -> bool:
        while dep is not None:
            if dep == flt.department_id:
                return True
            dep = parents[dep]
        return False

    def in_period(stamp: str) -> bool:
        return flt.date_from <= datetime.fromisoformat(stamp).date() <= flt.date_to

    def matches(t: Any) -> bool:
        return (
            (flt.department_id is None or in_department(home[t.person_id]))
            and (flt.talker_id is None or t.talker_id == flt.talker_id)
            and (flt.kind is None or t.kind == flt.kind.value)
            and (flt.topic is None or flt.topic.value in t.topics.split(","))
            and (flt.state is None or t.state == flt.state.value)
        )

    by_id = {t.id: t for t in talks}
    chosen = sorted(
        (t for t in talks if in_period(t.held_at) and matches(t)), key=lambda t: t.held_at
    )
    talk_filters = any(v is not None for v in (flt.talker_id, flt.kind, flt.topic, flt.state))
    follow_ups = set()
    for f in items:
        if flt.status is not None and f.status != flt.status.value:
            continue
        if f.talk_id is not None:
            t = by_id[f.talk_id]
            if matches(t) and (in_period(t.held_at) or in_period(f.created_at)):
                follow_ups.add(f.id)
        elif (
            not talk_filters
            and in_period(f.created_at)
            and (flt.department_id is None or in_department(home.get(f.person_id)))
        ):
            follow_ups.add(f.id)
    return [t.id for t in chosen], follow_ups
