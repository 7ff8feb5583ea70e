"""Every figure of the Statistics page and the evaluation report, computed in one place.

A period is read in a handful of aggregate queries, never one per person: the
plans and their people; the talks of the period grouped by pair, by topics and
(flagged for care) by person; the talks of the twelve months ending with it,
grouped by month; the next talk of each person flagged for care (one index seek
each, in one statement); and one pass over the follow-ups
(`statistics_follow_ups`). Each figure is decided in one place, which the lists
behind a bar or slice (`StatisticsService.records`) use too, so a list always
has as many lines as its bar says. The values are in `statistics_figures`.

What the figures mean:

- coverage: the people an active plan covers in the period (present in it for
  at least a day; the talker is never their own member) and, of those, the ones
  who had a talk in the period with the talker of a plan covering them;
- talks: held in the period (drafts too: the talk took place);
- follow-ups: opened = created in the period; resolved, cannot be resolved =
  closed so in the period; resolved on time = on or before the due day (or with
  no due day); overdue = due before the judging day (the period's last day, or
  today while the period runs) and not closed by then;
- feedback: of the items closed in the period with someone to tell (a person,
  or the holder of an anonymous ticket), those whose feedback has been given,
  and how the person took it;
- care: the people with a talk flagged for care in the period, and whether they
  had another talk, with anyone, after the first flagged one.

A talker filter keeps that talker's plans and talks and the follow-ups raised in
their talks; a department filter keeps the people of the department and its
sub-departments (anonymous follow-ups belong to no department).
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, TextClause, and_, func, or_, select

from talkdesk.domain.clock import today as today_of
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.periods import add_months
from talkdesk.domain.values import CareLevel, Topic
from talkdesk.services.context import Context
from talkdesk.services.follow_ups import FollowUpsService
from talkdesk.services.query import Page
from talkdesk.services.statistics_figures import (
    ALL,
    EVERYTHING,
    MISSED,
    NO_DEPARTMENT,
    RECORDS_LIMIT,
    CaredPerson,
    CareFigures,
    CareSlice,
    CoverageFigures,
    CoveredPerson,
    DepartmentCoverage,
    Indicator,
    MonthCount,
    RecordKind,
    Records,
    ReportPeriod,
    Statistics,
    StatisticsFilter,
    Talker,
    TopicCount,
    months_ending,
)
from talkdesk.services.statistics_follow_ups import (
    feedback_figures,
    follow_up_choice,
    follow_up_figures,
    follow_up_groups,
    follow_up_masks,
)
from talkdesk.services.statistics_scope import Scope, enum_key, iso_text
from talkdesk.services.talks import TalkFilter, TalksService, parse_topics
from talkdesk.storage.tables import department, person, plan_member, talk, talk_plan

_CACHED = 16
"""Statistics kept per service (periods and filters the user went through), until data change."""


class StatisticsService:
    """The Statistics page, the evaluation report and the ledger's summary ask here."""

    def __init__(self, ctx: Context, talks: TalksService, follow_ups: FollowUpsService) -> None:
        self._ctx = ctx
        self._talks = talks
        self._follow_ups = follow_ups
        self._lock = threading.Lock()
        self._cached: dict[tuple[Any, ...], Statistics] = {}

    def previous(self, period: ReportPeriod) -> ReportPeriod:
        """The period to compare with: the one before, of the same kind and length."""
        return period.previous()

    def compute(self, period: ReportPeriod, flt: StatisticsFilter = EVERYTHING) -> Statistics:
        """Every indicator of `period` narrowed by `flt`; kept until the data change."""
        db = self._ctx.db
        today = today_of(self._ctx.clock)
        key = (id(db), db.generation, today, period, flt)
        with self._lock:
            cached = self._cached.get(key)
        if cached is not None:
            return cached
        scope = Scope(period, flt, today)
        with db.reading() as conn:
            scope.read_departments(conn)
            # the talks of the period, read three times in a row: its pages stay in the cache
            pairs = _pairs(conn, scope)
            topics = _topics(conn, scope)
            flagged = _flagged(conn, scope)
            next_talks = _next_talks(conn, flagged)
            covered = _covered(conn, scope)
            months = _months(conn, scope)
            follow_ups = follow_up_groups(conn, scope)
        stats = Statistics(
            period=period,
            filter=flt,
            as_of=scope.as_of,
            talks=sum(p.talks for p in pairs.values()),
            people_talked=len({person_id for _, person_id in pairs}),
            coverage=_coverage_figures(covered, pairs, scope),
            months=months,
            follow_ups=follow_up_figures(follow_ups),
            feedback=feedback_figures(follow_ups),
            topics=topics,
            care=CareFigures(
                people=len(flagged),
                needs_care=sum(1 for f in flagged.values() if f.care),
                talked_again=sum(1 for p in flagged if next_talks.get(p)),
            ),
        )
        with self._lock:
            if len(self._cached) >= _CACHED:
                self._cached.clear()
            self._cached[key] = stats
        return stats

    def talkers(self) -> list[Talker]:
        """Leaders and plan talkers in name (pinyin) order: the choices of the talker filter."""
        stmt = (
            select(person.c.id, person.c.name)
            .where(or_(person.c.is_leader, person.c.id.in_(select(talk_plan.c.talker_id))))
            .order_by(person.c.pinyin, person.c.id)
        )
        with self._ctx.db.reading() as conn:
            return [Talker(*row) for row in conn.execute(stmt)]

    def records(
        self,
        period: ReportPeriod,
        indicator: Indicator,
        key: str = "",
        flt: StatisticsFilter = EVERYTHING,
        limit: int = RECORDS_LIMIT,
    ) -> Records:
        """The talks, follow-ups or people behind one bar or slice (keys: see `Indicator`)."""
        scope = Scope(period, flt, today_of(self._ctx.clock))
        if indicator is Indicator.TALKS:
            return self._talks_between(scope, period.start, period.end, limit)
        if indicator is Indicator.TALKS_PER_MONTH:
            month = _month_of(key)
            return self._talks_between(scope, month, add_months(month, 1), limit)
        with self._ctx.db.reading() as conn:
            scope.read_departments(conn)
            if indicator is Indicator.COVERAGE:
                return _covered_records(
                    _covered(conn, scope), _pairs(conn, scope), scope, key, limit
                )
            if indicator is Indicator.CARE:
                flagged = _flagged(conn, scope)
                which = enum_key(CareSlice, key)
                return _cared_records(conn, flagged, _next_talks(conn, flagged), which, limit)
            if indicator is Indicator.TOPICS:
                ids = list(conn.execute(_topic_talks(scope, enum_key(Topic, key))).scalars())
            elif indicator in (Indicator.FOLLOW_UPS, Indicator.FEEDBACK):
                chosen = follow_up_choice(indicator, key)
                ids = [
                    i
                    for i, mask, response in follow_up_masks(conn, scope)
                    if chosen(mask, response)
                ]
            else:
                raise TalkdeskError(ErrorCode.INVALID_VALUE, field="indicator")
        if indicator is Indicator.TOPICS:
            talks = self._talks.rows_by_id(ids[:limit])
            return Records(RecordKind.TALKS, len(ids), talks=tuple(talks[i] for i in ids[:limit]))
        items = self._follow_ups.rows_by_id(ids[:limit])
        rows = tuple(items[i] for i in ids[:limit])
        return Records(RecordKind.FOLLOW_UPS, len(ids), follow_ups=rows)

    def _talks_between(self, scope: Scope, first: date, end: date, limit: int) -> Records:
        flt = TalkFilter(
            talker_id=scope.filter.talker_id,
            department_id=scope.filter.department_id,
            date_from=first,
            date_to=end - timedelta(days=1),
        )
        rows = self._talks.list_talks(flt, page=Page(0, limit))
        return Records(RecordKind.TALKS, self._talks.count_talks(flt), talks=tuple(rows))


# -- talks --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Pair:
    """One talker's talks with one person in the period: how many, and the last one's time."""

    talks: int
    last_at: str  # ISO text

    @property
    def last_on(self) -> date:
        return date.fromisoformat(self.last_at[:10])


Pair = tuple[int, int]  # (talker id, person id)


def _pairs(conn: Connection, scope: Scope) -> dict[Pair, _Pair]:
    """The period's talks per (talker, person)."""
    stmt = scope.talks(
        "talker_id, person_id, count(*), max(held_at)", group_by="talker_id, person_id"
    )
    rows = conn.execute(stmt).all()
    return {(talker, person_id): _Pair(n, last) for talker, person_id, n, last in rows}


def _topics(conn: Connection, scope: Scope) -> tuple[TopicCount, ...]:
    """How many talks of the period touched each topic, every topic in its order."""
    counts = dict.fromkeys(Topic, 0)
    # topics as stored: a few dozen combinations
    for stored, n in conn.execute(scope.talks("topics, count(*)", group_by="topics")).all():
        for topic in parse_topics(stored):
            counts[topic] += n
    return tuple(TopicCount(topic, n) for topic, n in counts.items())


def _topic_talks(scope: Scope, topic: Topic) -> TextClause:
    """The period's talks that touched `topic` (stored as comma-separated codes), newest first."""
    return scope.talks(
        "id",
        where="(',' || topics || ',') LIKE :pattern",
        order_by="held_at DESC, id DESC",
        pattern=f"%,{topic.value},%",
    )


@dataclass(frozen=True)
class _Flagged:
    """A person's first talk flagged for care in the period."""

    held_at: str  # ISO text
    talk_id: int
    care: bool  # flagged "needs care" at least once (else only "keep an eye on")


def _flagged(conn: Connection, scope: Scope) -> dict[int, _Flagged]:
    """Per person flagged for care in the period, the first flagged talk.

    The talk's id comes from the row holding the minimum (SQLite's rule for a bare
    column beside a single min()).
    """
    stmt = scope.talks(
        "person_id, min(held_at), id, sum(care_level = :care)",
        where="care_level != :none",
        group_by="person_id",
        care=CareLevel.CARE.value,
        none=CareLevel.NONE.value,
    )
    return {
        person_id: _Flagged(first, talk_id, bool(care))
        for person_id, first, talk_id, care in conn.execute(stmt).all()
    }


def _months(conn: Connection, scope: Scope) -> tuple[MonthCount, ...]:
    """Talks per month for the twelve months ending with the period (read from an index)."""
    months = months_ending(scope.period)
    first = datetime.combine(months[0], time())
    end = datetime.combine(add_months(months[-1], 1), time())
    stmt = scope.talks("substr(held_at, 1, 7) AS month, count(*)", first, end, group_by="month")
    counts: dict[str, int] = {m: n for m, n in conn.execute(stmt).all()}
    return tuple(MonthCount(m, counts.get(f"{m.year}-{m.month:02d}", 0)) for m in months)


def _next_talks(conn: Connection, flagged: dict[int, _Flagged]) -> dict[int, str | None]:
    """Each flagged person's first talk (with anyone, up to now) after their first flagged one.

    One statement for all: a seek in the (person, held_at) index per person.
    """
    if not flagged:
        return {}
    wanted = sorted([person_id, f.held_at] for person_id, f in flagged.items())
    values = func.json_each(json.dumps(wanted)).table_valued("value").alias("wanted")
    people = select(
        func.json_extract(values.c.value, "$[0]").label("person_id"),
        func.json_extract(values.c.value, "$[1]").label("after"),
    ).subquery("people")
    later = (
        select(func.min(iso_text(talk.c.held_at)))
        .where(talk.c.person_id == people.c.person_id, iso_text(talk.c.held_at) > people.c.after)
        .scalar_subquery()
    )
    return {p: at for p, at in conn.execute(select(people.c.person_id, later)).all()}


# -- coverage -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Covered:
    """A person some active plan covers in the period, and the talkers of those plans."""

    id: int
    name: str
    pinyin: str
    department_id: int | None
    talkers: frozenset[int]


def _covered(conn: Connection, scope: Scope) -> list[_Covered]:
    """The people the active plans cover in the period: members (named, or in a member
    department or below it) present in the period, the plan's talker excepted.

    Membership is read as it stands (departments have no history), but people who
    joined after the period or left before it are not counted.
    """
    plans = select(talk_plan.c.id, talk_plan.c.talker_id).where(
        talk_plan.c.active, talk_plan.c.start_on < scope.period.end
    )
    if scope.filter.talker_id is not None:
        plans = plans.where(talk_plan.c.talker_id == scope.filter.talker_id)
    talker_of: dict[int, int] = {plan_id: talker for plan_id, talker in conn.execute(plans)}
    if not talker_of:
        return []
    present = and_(
        or_(person.c.joined_on.is_(None), person.c.joined_on < scope.period.end),
        or_(person.c.active, person.c.left_on >= scope.period.start),
    )
    stmt = select(person.c.id, person.c.name, person.c.pinyin, person.c.department_id).where(
        present
    )
    if scope.departments is not None:
        stmt = stmt.where(person.c.department_id.in_(scope.departments))
    people = {row[0]: row for row in conn.execute(stmt)}
    by_department: dict[int | None, list[int]] = defaultdict(list)
    for person_id, _name, _pinyin, department_id in people.values():
        by_department[department_id].append(person_id)
    talkers: dict[int, set[int]] = defaultdict(set)
    members = select(plan_member.c.plan_id, plan_member.c.person_id, plan_member.c.department_id)
    for plan_id, person_id, department_id in conn.execute(
        members.where(plan_member.c.plan_id.in_(list(talker_of)))
    ):
        chosen: list[int] = [person_id] if person_id is not None else []
        stack = [department_id] if department_id is not None else []
        while stack:
            current = stack.pop()
            chosen.extend(by_department.get(current, ()))
            stack.extend(scope.children.get(current, ()))
        talker = talker_of[plan_id]
        for member in chosen:
            if member != talker and member in people:
                talkers[member].add(talker)
    return [
        _Covered(i, people[i][1], people[i][2], people[i][3], frozenset(t))
        for i, t in talkers.items()
    ]


def _talked_on(covered: _Covered, pairs: dict[Pair, _Pair]) -> date | None:
    """The person's last talk of the period with a talker of a plan covering them."""
    found = [p.last_at for t in covered.talkers if (p := pairs.get((t, covered.id))) is not None]
    return date.fromisoformat(max(found)[:10]) if found else None


def _coverage_figures(
    covered: list[_Covered], pairs: dict[Pair, _Pair], scope: Scope
) -> CoverageFigures:
    bars, group_of = scope.bars()
    counts: dict[int | None, list[int]] = defaultdict(lambda: [0, 0])
    for c in covered:
        count = counts[group_of.get(c.department_id)]
        count[0] += 1
        count[1] += any((t, c.id) in pairs for t in c.talkers)
    out = [
        DepartmentCoverage(g, scope.names[g], *counts.get(g, (0, 0)))
        for g in bars
        # the filter's own department gets a bar of its own only if people sit in it
        if g != scope.filter.department_id or g in counts or len(bars) == 1
    ]
    if None in counts:
        out.append(DepartmentCoverage(None, "", *counts[None]))
    total, talked = sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())
    return CoverageFigures(total, talked, tuple(out))


def _covered_records(
    covered: list[_Covered], pairs: dict[Pair, _Pair], scope: Scope, key: str, limit: int
) -> Records:
    """The covered people of one bar (a department key, ALL or MISSED), the missed first."""
    _bars, group_of = scope.bars()
    rows: list[tuple[bool, str, CoveredPerson]] = []
    for c in covered:
        group = group_of.get(c.department_id)
        if key not in (ALL, MISSED) and key != (NO_DEPARTMENT if group is None else str(group)):
            continue
        talked_on = _talked_on(c, pairs)
        if key == MISSED and talked_on is not None:
            continue
        name = scope.names.get(c.department_id, "") if c.department_id is not None else ""
        rows.append((talked_on is not None, c.pinyin, CoveredPerson(c.id, c.name, name, talked_on)))
    rows.sort(key=lambda r: r[:2])
    shown = tuple(r[2] for r in rows[:limit])
    return Records(RecordKind.COVERED_PEOPLE, len(rows), covered=shown)


# -- care ------------------------------------------------------------------------------


def _cared_records(
    conn: Connection,
    flagged: dict[int, _Flagged],
    next_talks: dict[int, str | None],
    which: CareSlice,
    limit: int,
) -> Records:
    """The people flagged for care: those not talked with again first, then by day."""
    chosen = [
        person_id
        for person_id in flagged
        if which is CareSlice.ALL
        or bool(next_talks.get(person_id)) == (which is CareSlice.TALKED_AGAIN)
    ]
    p, d = person.c, department.c
    stmt = (
        select(p.id, p.name, p.pinyin, func.coalesce(d.name, ""))
        .select_from(person.outerjoin(department, d.id == p.department_id))
        .where(p.id.in_(chosen))
    )
    people = {row[0]: row for row in conn.execute(stmt)}
    out: list[tuple[bool, str, str, CaredPerson]] = []
    for person_id in chosen:
        first, again = flagged[person_id], next_talks.get(person_id)
        _, name, pinyin, department_name = people[person_id]
        cared = CaredPerson(
            id=person_id,
            name=name,
            department_name=department_name,
            care_level=CareLevel.CARE if first.care else CareLevel.WATCH,
            flagged_on=date.fromisoformat(first.held_at[:10]),
            talk_id=first.talk_id,
            talked_again_on=date.fromisoformat(again[:10]) if again else None,
        )
        out.append((again is not None, first.held_at, pinyin, cared))
    out.sort(key=lambda r: r[:3])
    return Records(RecordKind.CARED_PEOPLE, len(out), cared=tuple(r[3] for r in out[:limit]))


# -- small helpers ----------------------------------------------------------------------


def _month_of(key: str) -> date:
    try:
        year, month = key.split("-")
        return date(int(year), int(month), 1)
    except ValueError:
        raise TalkdeskError(ErrorCode.INVALID_VALUE, field="key") from None
