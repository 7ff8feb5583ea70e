"""The demo workspace: a fictional organ (机关) with its people, plans, talks and follow-ups.

Built straight into the tables with bulk inserts and explicit ids, month by
month, so a 2,000-person, ten-year workspace (~240,000 talks) is made in a few
minutes with flat memory. Everything is drawn from one seeded generator, so a
seed always gives the same workspace for the same clock.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select, text

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.recovery import ALPHABET
from talkdesk.domain.values import (
    AppointmentStatus,
    CadenceKind,
    CareLevel,
    FeedbackHow,
    FollowUpSource,
    FollowUpStatus,
    Gender,
    Response,
    TalkKind,
    TalkState,
    Topic,
    TriggerKind,
)
from talkdesk.services import demo_text as tx
from talkdesk.services.context import Context
from talkdesk.services.follow_ups import EventKind
from talkdesk.services.indexing import index_follow_ups, index_talks
from talkdesk.services.pinyin import name_keys
from talkdesk.storage.tables import (
    appointment,
    department,
    follow_up,
    follow_up_event,
    person,
    plan_member,
    talk,
    talk_note,
    talk_plan,
    talk_trigger,
)

Progress = Callable[[int, int], None]

_MONTHS_PER_PERIOD = {
    CadenceKind.MONTHLY: 1,
    CadenceKind.QUARTERLY: 3,
    CadenceKind.HALF_YEARLY: 6,
    CadenceKind.YEARLY: 12,
}
_TALKS_PER_COMMIT = 25_000
_MISSED = 0.05  # share of planned talks that never happened
_AD_HOC = 0.06  # extra talks per person and month (caring, requested, new post…)


@dataclass(frozen=True)
class DemoSummary:
    """What was made, for a progress message and for tests."""

    owner_name: str
    departments: int
    people: int
    leaders: int
    plans: int
    talks: int
    follow_ups: int
    appointments: int


@dataclass
class _Person:
    id: int
    name: str
    department_id: int | None
    joined_on: date
    left_on: date | None
    care: tuple[int, int, int] | None = None  # (first month, last month, reason)

    def present(self, on: date) -> bool:
        return self.joined_on <= on and (self.left_on is None or on < self.left_on)


@dataclass
class _Plan:
    id: int
    talker_id: int
    cadence: CadenceKind
    members: list[int]
    place: str


@dataclass
class _Batch:
    """One month's rows, inserted together."""

    talks: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    talk_docs: list[tuple[int, datetime, str, str, str, str, str]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    item_docs: list[tuple[int, datetime, str, str, str, str]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


def generate(
    ctx: Context,
    people: int = 60,
    years: int = 2,
    seed: int = 1,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty, unlocked workspace with `people` people and `years` of records."""
    if people < 10 or years < 1:
        raise TalkdeskError(ErrorCode.INVALID_VALUE, field="people")
    builder = _Builder(ctx, people, years, seed, progress)
    summary = builder.run()
    _ensure_templates(ctx)
    return summary


def _ensure_templates(ctx: Context) -> None:
    from talkdesk.services.templates import TemplatesService

    TemplatesService(ctx).ensure_builtin()


class _Builder:
    def __init__(
        self, ctx: Context, people: int, years: int, seed: int, progress: Progress | None
    ) -> None:
        self.ctx = ctx
        self.n_people = people
        self.rng = random.Random(seed)
        self.now = ctx.now()
        self.today = self.now.date()
        self.first_month = _month_index(self.today) - 12 * years + 1
        self.start = _month_start(self.first_month)
        self.progress = progress or (lambda _done, _total: None)
        self.departments: list[tuple[int, str, int | None]] = []
        self.people: dict[int, _Person] = {}
        self.leaders: list[int] = []
        self.top_leaders: list[int] = []
        self.plans: list[_Plan] = []
        self.heads: dict[str, str] = {}  # department name -> head's name (handlers)
        self.next_id = {"talk": 1, "item": 1, "event": 1, "trigger": 1}
        self.counts = {"talks": 0, "items": 0, "appointments": 0}
        self.pending: dict[int, list[tuple[datetime, int, int]]] = {}
        self.future: list[tuple[datetime, int, int]] = []  # planned slots not yet due

    # -- the whole run ----------------------------------------------------------

    def run(self) -> DemoSummary:
        months = range(self.first_month, _month_index(self.today) + 1)
        total = len(months) + 2
        with self.ctx.db.transaction() as conn:
            if conn.execute(select(func.count()).select_from(person)).scalar_one():
                raise TalkdeskError(ErrorCode.WORKSPACE_NOT_EMPTY)
            self._roster(conn)
            self._make_plans(conn)
        self.progress(1, total)
        done, todo = 1, list(months)
        while todo:
            # A few large transactions: fast, and the WAL stays bounded.
            with self.ctx.db.transaction() as conn:
                conn.execute(text("PRAGMA cache_size = -65536"))
                since_commit = 0
                while todo and since_commit < _TALKS_PER_COMMIT:
                    since_commit += self._month(conn, todo.pop(0))
                    done += 1
                    self.progress(done, total)
                if not todo:
                    self._appointments(conn)
                conn.execute(text("PRAGMA cache_size = -2000"))
        with self.ctx.db.reading() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        self.progress(total, total)
        return DemoSummary(
            owner_name=self.people[self.top_leaders[0]].name,
            departments=len(self.departments),
            people=len(self.people),
            leaders=len(self.leaders),
            plans=len(self.plans),
            talks=self.counts["talks"],
            follow_ups=self.counts["items"],
            appointments=self.counts["appointments"],
        )

    # -- departments and people -------------------------------------------------

    def _roster(self, conn: Connection) -> None:
        rng = self.rng
        n_depts = max(6, round(self.n_people / 20))
        n_top = max(5, round(n_depts * 0.4))
        tops: list[tuple[int, str, int | None]] = []
        for i in range(n_top):
            name = tx.TOP_DEPARTMENTS[i] if i < len(tx.TOP_DEPARTMENTS) else _business(i)
            tops.append((i + 1, name, None))
        subs: list[tuple[int, str, int | None]] = []
        for j in range(n_depts - n_top):
            parent = tops[j % n_top]
            name = tx.SUB_DEPARTMENTS[(j // n_top) % len(tx.SUB_DEPARTMENTS)]
            subs.append((n_top + j + 1, name, parent[0]))
        self.departments = tops + subs
        conn.execute(
            insert(department),
            [
                {**self._stamps(self.start), "id": i, "name": n, "parent_id": p, "position": i}
                for i, n, p in self.departments
            ],
        )
        n_leaders = max(3, round(self.n_people / 20))
        n_top_leaders = max(3, n_leaders // 8)
        weights = [rng.uniform(0.6, 1.4) for _ in self.departments]
        names: set[str] = set()
        rows = []
        dept_heads_used: set[int] = set()
        span = (self.today - self.start).days
        for pid in range(1, self.n_people + 1):
            female = rng.random() < 0.45
            name = tx.make_name(rng, female)
            while name in names:
                name = tx.make_name(rng, female)
            names.add(name)
            is_leader = pid <= n_leaders
            if pid <= n_top_leaders:
                dept_id = None
                position = tx.LEADER_TITLES[min(pid - 1, len(tx.LEADER_TITLES) - 1)]
                self.top_leaders.append(pid)
            elif is_leader:
                # Department heads who lead talks: the first ones head the top departments.
                dept_id = self.departments[(pid - n_top_leaders - 1) % len(self.departments)][0]
                position = "科长" if dept_id not in dept_heads_used else "副科长"
                dept_heads_used.add(dept_id)
            else:
                dept_id = rng.choices(self.departments, weights)[0][0]
                if dept_id not in dept_heads_used:
                    position = rng.choice(tx.MIDDLE_TITLES[:2])
                    dept_heads_used.add(dept_id)
                else:
                    position = rng.choice(tx.STAFF_TITLES)
            if is_leader:
                self.leaders.append(pid)
            joined = self.start - timedelta(days=rng.randrange(60, 365 * 20))
            if not is_leader and rng.random() < 0.05:
                joined = self.start + timedelta(days=rng.randrange((self.today - self.start).days))
            left: date | None = None
            if not is_leader and rng.random() < 0.03:
                left = self.start + timedelta(days=rng.randrange(30, span))
                left = left if left > joined + timedelta(days=60) else None
            p = _Person(pid, name, dept_id, joined, left)
            months = _month_index(self.today) - self.first_month + 1
            if rng.random() < min(0.5, 0.08 * months / 12):
                first = self.first_month + rng.randrange(months)
                p.care = (first, first + rng.randrange(2, 7), rng.randrange(len(tx.CARE_REASONS)))
            self.people[pid] = p
            full, initials = name_keys(name)
            rows.append(
                {
                    **self._stamps(self.start if joined < self.start else _at(joined, 9)),
                    "id": pid,
                    "name": name,
                    "pinyin": full,
                    "initials": initials,
                    "gender": (Gender.FEMALE if female else Gender.MALE).value,
                    "department_id": dept_id,
                    "position": position,
                    "phone": "1" + rng.choice("3589") + "".join(rng.choices("0123456789", k=9)),
                    "party_member": rng.random() < 0.7,
                    "joined_on": joined,
                    "is_leader": is_leader,
                    "active": left is None,
                    "left_on": left,
                }
            )
            if dept_id is not None and position in ("科长", "主任"):
                dept_name = next(n for i, n, _ in self.departments if i == dept_id)
                self.heads.setdefault(dept_name, name)
        conn.execute(insert(person), rows)

    # -- plans ------------------------------------------------------------------

    def _make_plans(self, conn: Connection) -> None:
        """Each top department gets a plan; top leaders also talk with department heads."""
        subtree: dict[int, list[int]] = {}
        for did, _n, parent in self.departments:
            subtree.setdefault(parent or did, []).append(did)
        by_dept: dict[int, list[int]] = {}
        for p in self.people.values():
            if p.department_id is not None:
                by_dept.setdefault(p.department_id, []).append(p.id)
        heads = [lid for lid in self.leaders if lid not in self.top_leaders]
        monthly_of: set[int] = set()
        plans: list[tuple[str, int, CadenceKind, list[int], list[int]]] = []
        for k, (did, dname, parent) in enumerate(self.departments):
            if parent is not None:
                continue
            head = next((h for h in heads if self.people[h].department_id == did), None)
            talker = head if head is not None else self.top_leaders[k % len(self.top_leaders)]
            cadence = CadenceKind.QUARTERLY if talker in monthly_of else CadenceKind.MONTHLY
            monthly_of.add(talker)
            members = [m for d in subtree[did] for m in by_dept.get(d, []) if m != talker]
            label = "月度" if cadence is CadenceKind.MONTHLY else "季度"
            plans.append((f"{dname}{label}谈心谈话", talker, cadence, [did], members))
        for k, top in enumerate(self.top_leaders):
            mine = heads[k :: len(self.top_leaders)]
            if mine:
                name = f"{self.people[top].name}与科室负责人谈话"
                plans.append((name, top, CadenceKind.QUARTERLY, [], mine))
        chief = self.top_leaders[0]
        deputies = self.top_leaders[1:]
        plans.append(("班子成员半年谈心谈话", chief, CadenceKind.HALF_YEARLY, [], deputies))
        for pid, (name, talker, cadence, dept_ids, members) in enumerate(plans, start=1):
            named = [] if dept_ids else members
            conn.execute(
                insert(talk_plan).values(
                    **self._stamps(self.start),
                    id=pid,
                    name=name,
                    talker_id=talker,
                    cadence=cadence.value,
                    cadence_n=1,
                    start_on=self.start,
                    soft_days=None,
                    hard_days=None,
                    reminder_lead_days=3,
                    active=True,
                )
            )
            rows = [{"plan_id": pid, "person_id": m, "department_id": None} for m in named]
            rows += [{"plan_id": pid, "person_id": None, "department_id": d} for d in dept_ids]
            conn.execute(insert(plan_member), rows)
            place = tx.PLACES[0] if talker == chief else self.rng.choice(tx.PLACES[1:])
            self.plans.append(_Plan(pid, talker, cadence, members, place))

    # -- one month of talks -----------------------------------------------------

    def _month(self, conn: Connection, month: int) -> int:
        rng = self.rng
        self._schedule(month)
        slots = self.pending.pop(month, [])
        batch = _Batch()
        month_start = _month_start(month)
        for pid in rng.sample(sorted(self.people), k=round(len(self.people) * _AD_HOC)):
            when = _working_time(rng, month_start, 28)
            slots.append((when, 0, pid))
        for p in self.people.values():
            if p.care and p.care[0] == month:
                slots.append((_working_time(rng, month_start, 20), -1, p.id))
        slots.sort()
        for when, plan_id, pid in slots:
            p = self.people[pid]
            if when >= self.now:
                self.future.append((when, plan_id, pid))
                continue
            if not p.present(when.date()):
                continue
            if plan_id > 0 and rng.random() < _MISSED:
                continue
            self._talk(batch, when, plan_id, p, month)
        rate = max(0.25, len(self.people) / 400)  # suggestion-box items a month
        for _ in range(int(rate) + (rng.random() < rate % 1)):
            when = _working_time(rng, month_start, 28)
            if when < self.now:
                self._box_item(batch, when)
        self._flush(conn, batch)
        return len(batch.talks)

    def _schedule(self, month: int) -> None:
        """At the start of each plan period, give every member a day in it."""
        for plan in self.plans:
            length = _MONTHS_PER_PERIOD[plan.cadence]
            if month % length == 0 or month == self.first_month:
                period_end = month - month % length + length  # exclusive
                days = (_month_start(period_end) - _month_start(month)).days
                for pid in plan.members:
                    when = _working_time(self.rng, _month_start(month), days)
                    self.pending.setdefault(_month_index(when.date()), []).append(
                        (when, plan.id, pid)
                    )

    def _talk(self, batch: _Batch, when: datetime, plan_id: int, p: _Person, month: int) -> None:
        rng = self.rng
        tid = self._take("talk")
        if plan_id > 0:
            plan = self.plans[plan_id - 1]
            talker, kind, place = plan.talker_id, TalkKind.REGULAR, plan.place
        else:
            talker = rng.choice(self.top_leaders)
            kind = TalkKind.CARING if plan_id < 0 else _ad_hoc_kind(rng, p, when.date())
            place = rng.choice(tx.PLACES)
            if talker == p.id:
                talker = self.top_leaders[1 if p.id == self.top_leaders[0] else 0]
        in_care = p.care is not None and p.care[0] <= month <= p.care[1]
        care, care_reason = CareLevel.NONE, ""
        topics = [Topic.WORK, Topic.IDEOLOGY]
        extra = [Topic.BUSINESS, Topic.LIFE, Topic.CAREER, Topic.CONCERNS, Topic.HEALTH]
        topics += rng.sample(extra, rng.randrange(1, 4))
        if in_care and p.care is not None:
            care = CareLevel.CARE if month - p.care[0] < 2 else CareLevel.WATCH
            care_reason = tx.CARE_REASONS[p.care[2]]
            topics = [t for t in topics if t not in (Topic.LIFE, Topic.HEALTH)]
            topics += [Topic.LIFE, Topic.HEALTH]
        topics = sorted(set(topics), key=list(Topic).index)
        body = tx.talk_text(rng, tuple(topics), f"{(month % 12) + 1}月底", care_reason)
        private = ""
        if rng.random() < (0.5 if in_care else 0.05):
            private = rng.choice(tx.PRIVATE_NOTES)
        draft = (self.now - when).days < 10 and rng.random() < 0.35
        finalised = None if draft else min(self.now, when + timedelta(hours=rng.randrange(1, 48)))
        saved = finalised or min(self.now, when + timedelta(hours=1))
        recorder = ""
        if talker in self.top_leaders and rng.random() < 0.5:
            recorder = self.heads.get("办公室", "")
        batch.talks.append(
            {
                **self._stamps(when + timedelta(hours=1)),
                "updated_at": saved,
                "id": tid,
                "talker_id": talker,
                "person_id": p.id,
                "recorder": recorder,
                "others_present": "",
                "held_at": when,
                "place": place,
                "kind": kind.value,
                "topics": ",".join(t.value for t in topics),
                "care_level": care.value,
                "state": (TalkState.DRAFT if draft else TalkState.FINAL).value,
                "finalised_at": finalised,
                "template_id": None,
            }
        )
        batch.notes.append(
            {
                "talk_id": tid,
                "content": body.content,
                "problems": body.problems,
                "suggestions": body.suggestions,
                "care_reason": care_reason,
                "private_notes": private,
            }
        )
        batch.talk_docs.append(
            (tid, when, body.content, body.problems, body.suggestions, private, care_reason)
        )
        if not draft:
            for problem in body.problem_ids:
                self._follow_up(batch, saved, tid, p.id, tx.PROBLEMS[problem])

    # -- follow-ups -------------------------------------------------------------

    def _follow_up(
        self, batch: _Batch, created: datetime, tid: int, pid: int, problem: tx.Problem
    ) -> None:
        handler = problem.handler
        if handler in self.heads:
            handler = f"{handler} {self.heads[handler]}"
        item = self._item(created, problem.title, problem.said, handler)
        item.update(source=FollowUpSource.TALK.value, talk_id=tid, person_id=pid)
        self._lifecycle(batch, item, problem.progress, problem.resolution, problem.feedback)

    def _box_item(self, batch: _Batch, when: datetime) -> None:
        title, detail = self.rng.choice(tx.BOX_ITEMS)
        item = self._item(when, title, detail, "办公室")
        code = "".join(self.rng.choices(ALPHABET, k=8))
        item.update(source=FollowUpSource.SUGGESTION_BOX.value, ticket_code=code, person_id=None)
        self._lifecycle(
            batch, item, "已转交相关科室研究。", "已研究落实。", "已在意见箱公示栏答复。"
        )

    def _item(self, created: datetime, title: str, detail: str, handler: str) -> dict[str, Any]:
        due = created.date() + timedelta(days=self.rng.randrange(14, 46))
        return {
            **self._stamps(created),
            "id": self._take("item"),
            "talk_id": None,
            "ticket_code": None,
            "title": title,
            "detail": detail,
            "handler": handler,
            "due_on": due,
            "status": FollowUpStatus.OPEN.value,
            "resolution": "",
            "closed_on": None,
            "feedback_on": None,
            "feedback_how": None,
            "feedback_text": "",
            "response": None,
        }

    def _lifecycle(
        self, batch: _Batch, item: dict[str, Any], progress: str, resolution: str, feedback: str
    ) -> None:
        """Move the item on as an office would have by now: progress, closing, feedback."""
        rng = self.rng
        created: datetime = item["created_at"]
        fid = item["id"]
        self._event(batch, fid, created, EventKind.CREATED, FollowUpStatus.OPEN, "")
        age = (self.today - item["due_on"]).days
        roll = rng.random()
        if age > 90:  # items due over a quarter ago are closed
            status = FollowUpStatus.RESOLVED if roll < 0.93 else FollowUpStatus.UNRESOLVABLE
        elif age > 30:  # most are done; a few are still being worked on, late (≤ 3 months)
            status = (
                FollowUpStatus.RESOLVED
                if roll < 0.9
                else FollowUpStatus.UNRESOLVABLE
                if roll < 0.97
                else FollowUpStatus.IN_PROGRESS
                if roll < 0.99
                else FollowUpStatus.OPEN
            )
        elif age > 0:  # due in the last month: most done, some late
            status = (
                FollowUpStatus.RESOLVED
                if roll < 0.7
                else FollowUpStatus.IN_PROGRESS
                if roll < 0.92
                else FollowUpStatus.OPEN
            )
        else:  # not yet due
            status = (
                FollowUpStatus.OPEN
                if roll < 0.45
                else FollowUpStatus.IN_PROGRESS
                if roll < 0.85
                else FollowUpStatus.RESOLVED
            )
        last = created
        if status is not FollowUpStatus.OPEN:
            last = self._later(created, 2, 10)
            self._event(batch, fid, last, EventKind.STATUS, FollowUpStatus.IN_PROGRESS, progress)
            item["status"] = FollowUpStatus.IN_PROGRESS.value
        if status.is_closed:
            note = resolution
            if status is FollowUpStatus.UNRESOLVABLE:
                note = rng.choice(tx.UNRESOLVABLE_NOTES)
            last = self._later(last, 3, 40)
            self._event(batch, fid, last, EventKind.STATUS, status, note)
            item.update(status=status.value, resolution=note, closed_on=last.date())
            # the person was told of nearly every item closed a while ago
            if rng.random() < (0.99 if age > 60 else 0.75):
                last = self._later(last, 0, 7)
                self._event(batch, fid, last, EventKind.FEEDBACK, None, feedback)
                how = FeedbackHow.WRITING
                if item["person_id"] is not None:
                    how = rng.choice(
                        (FeedbackHow.IN_PERSON, FeedbackHow.IN_PERSON, FeedbackHow.PHONE)
                    )
                item.update(
                    feedback_on=last.date(),
                    feedback_how=how.value,
                    feedback_text=feedback,
                    response=None
                    if item["person_id"] is None
                    else rng.choice(
                        (Response.SATISFIED,) * 6 + (Response.PARTLY, Response.NOT_SATISFIED)
                    ).value,
                )
        item["updated_at"] = last
        batch.items.append(item)
        batch.item_docs.append(
            (fid, created, item["title"], item["detail"], item["resolution"], item["feedback_text"])
        )

    def _event(
        self,
        batch: _Batch,
        fid: int,
        at: datetime,
        kind: EventKind,
        status: FollowUpStatus | None,
        note: str,
    ) -> None:
        batch.events.append(
            {
                **self._stamps(at),
                "id": self._take("event"),
                "follow_up_id": fid,
                "kind": kind.value,
                "status": status.value if status else None,
                "note": note,
            }
        )

    def _later(self, after: datetime, low: int, high: int) -> datetime:
        return min(self.now, after + timedelta(days=self.rng.randrange(low, high + 1), hours=2))

    # -- appointments and triggers ---------------------------------------------

    def _appointments(self, conn: Connection) -> None:
        """Planned talks of the coming three weeks, and the life events behind care talks."""
        horizon = self.now + timedelta(days=21)
        self._schedule(_month_index(self.today) + 1)
        rows: list[dict[str, Any]] = []
        slots = self.future + [s for month in sorted(self.pending) for s in self.pending[month]]
        for when, plan_id, pid in slots:
            # Most talks of the coming weeks already have a date fixed; some do not yet.
            due = plan_id > 0 and when < horizon and self.rng.random() < 0.7
            if due and self.people[pid].present(when.date()):
                plan = self.plans[plan_id - 1]
                rows.append(
                    {
                        **self._stamps(self.now),
                        "plan_id": plan_id,
                        "trigger_id": None,
                        "talker_id": plan.talker_id,
                        "person_id": pid,
                        "starts_at": when,
                        "place": plan.place,
                        "status": AppointmentStatus.PLANNED.value,
                        "talk_id": None,
                    }
                )
        rows.sort(key=lambda r: r["starts_at"])
        if rows:
            conn.execute(insert(appointment), rows)
        self.counts["appointments"] = len(rows)
        triggers: list[dict[str, Any]] = []
        for p in self.people.values():
            if p.care is not None and p.care[0] <= _month_index(self.today):
                occurred = _month_start(p.care[0])
                triggers.append(
                    {
                        **self._stamps(occurred),
                        "person_id": p.id,
                        "kind": TriggerKind.HARDSHIP.value,
                        "occurred_on": occurred,
                        "due_on": occurred + timedelta(days=14),
                        "note": "",
                        "talk_id": None,
                    }
                )
        for trigger in triggers:
            # the care talk that answered the event, if one was held
            trigger["talk_id"] = conn.execute(
                select(talk.c.id)
                .where(
                    talk.c.person_id == trigger["person_id"],
                    talk.c.held_at >= datetime.combine(trigger["occurred_on"], time.min),
                )
                .order_by(talk.c.held_at)
                .limit(1)
            ).scalar()
        # and one event of last week still waiting for its talk
        newcomer = self.rng.choice([p for p in self.people.values() if p.present(self.today)])
        occurred = self.today - timedelta(days=5)
        triggers.append(
            {
                **self._stamps(datetime.combine(occurred, time(9))),
                "person_id": newcomer.id,
                "kind": TriggerKind.NEW_POST.value,
                "occurred_on": occurred,
                "due_on": occurred + timedelta(days=30),
                "note": "",
                "talk_id": None,
            }
        )
        if triggers:
            conn.execute(insert(talk_trigger), triggers)

    # -- writing ----------------------------------------------------------------

    def _flush(self, conn: Connection, batch: _Batch) -> None:
        if batch.talks:
            conn.execute(insert(talk), batch.talks)
            conn.execute(insert(talk_note), batch.notes)
            index_talks(conn, batch.talk_docs)
            self.counts["talks"] += len(batch.talks)
        if batch.items:
            conn.execute(insert(follow_up), batch.items)
            conn.execute(insert(follow_up_event), batch.events)
            index_follow_ups(conn, batch.item_docs)
            self.counts["items"] += len(batch.items)

    def _take(self, what: str) -> int:
        value = self.next_id[what]
        self.next_id[what] = value + 1
        return value

    def _stamps(self, at: datetime | date) -> dict[str, object]:
        when = at if isinstance(at, datetime) else _at(at, 9)
        return {
            "uuid": str(uuid.UUID(int=self.rng.getrandbits(128), version=4)),
            "created_at": when,
            "updated_at": when,
        }


# -- calendar helpers ---------------------------------------------------------------


def _month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def _month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def _at(d: date, hour: int) -> datetime:
    return datetime.combine(d, time(hour))


def _working_time(rng: random.Random, first: date, days: int) -> datetime:
    """A weekday within `days` from `first`, in office hours on the half hour."""
    d = first + timedelta(days=rng.randrange(max(1, days)))
    if d.weekday() >= 5:
        friday = d - timedelta(days=d.weekday() - 4)
        d = friday if friday >= first else friday + timedelta(days=3)
    slot = rng.choice((9, 9.5, 10, 10.5, 11, 14.5, 15, 15.5, 16, 16.5))
    return datetime.combine(d, time(int(slot), 30 if slot % 1 else 0))


def _ad_hoc_kind(rng: random.Random, p: _Person, on: date) -> TalkKind:
    if timedelta(0) <= on - p.joined_on < timedelta(days=60):
        return TalkKind.NEW_POST
    return rng.choice(
        (
            TalkKind.REQUESTED,
            TalkKind.REQUESTED,
            TalkKind.REMINDING,
            TalkKind.TRANSFER,
            TalkKind.OTHER,
        )
    )


def _business(i: int) -> str:
    """Names for top departments beyond the stock list: 业务一科, 业务二科…"""
    n = i - len(tx.TOP_DEPARTMENTS) + 1
    digits = tx.CHINESE_NUMERALS
    if n <= 10:
        word = digits[n - 1]
    else:
        tens, ones = divmod(n, 10)
        word = ("" if tens == 1 else digits[tens - 1]) + "十" + (digits[ones - 1] if ones else "")
    return f"业务{word}科"
