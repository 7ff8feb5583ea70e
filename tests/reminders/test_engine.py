"""The reminder engine with an injected clock: on time, once; one digest after closing or sleep."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import pytest

from talkdesk.domain.clock import FixedClock
from talkdesk.domain.values import CadenceKind
from talkdesk.reminders.engine import HEARTBEAT_JOB, WAKE_JOB, ReminderEngine
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.people import PersonInput
from talkdesk.services.plans import PlanInput
from talkdesk.services.reminders import Digest, Reminder, ReminderKind, ReminderService
from talkdesk.services.session import WorkspaceSession

K = ReminderKind
TUESDAY = datetime(2026, 11, 24, 9, 30)  # the `clock` fixture's time


@dataclass
class Time:
    """The wall clock and a monotonic clock; asleep, only the wall clock moves."""

    clock: FixedClock
    mono: float = 1000.0

    def monotonic(self) -> float:
        return self.mono

    def to(self, at: datetime, asleep: bool = False) -> None:
        if not asleep:
            self.mono += (at - self.clock.now()).total_seconds()
        else:
            self.mono += 300
        self.clock.set(at)


@dataclass
class Seen:
    reminders: list[list[Reminder]] = field(default_factory=list)
    digests: list[Digest] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        return [r.key for batch in self.reminders for r in batch]


@dataclass(frozen=True)
class Staff:
    leader: int
    zhang: int
    li: int


@pytest.fixture
def services(session: WorkspaceSession) -> Services:
    return Services(session)


@pytest.fixture
def staff(services: Services) -> Staff:
    dep, _ = services.people.add_department("办公室")
    ids = [
        services.people.add_person(PersonInput(name, dep.id, "科员"))[0].id
        for name in ("王主任", "张三", "李四")
    ]
    return Staff(*ids)


@pytest.fixture
def service(services: Services) -> ReminderService:
    return ReminderService(services.session.context, services.coverage, services.calendar)


@pytest.fixture
def time(clock: FixedClock) -> Time:
    return Time(clock)


@pytest.fixture
def seen() -> Seen:
    return Seen()


def _engine(service: ReminderService, time: Time, seen: Seen, run_jobs: bool) -> ReminderEngine:
    return ReminderEngine(
        service,
        time.clock,
        seen.reminders.append,
        seen.digests.append,
        monotonic=time.monotonic,
        run_jobs=run_jobs,
    )


@pytest.fixture
def engine(service: ReminderService, time: Time, seen: Seen) -> Iterator[ReminderEngine]:
    """Started with its scheduler paused: jobs are planned, and the test runs them."""
    eng = _engine(service, time, seen, run_jobs=False)
    eng.start()
    yield eng
    eng.stop()


def test_appointment_reminders_fire_on_time_and_once(
    services: Services, staff: Staff, engine: ReminderEngine, time: Time, seen: Seen
) -> None:
    appt, _ = services.plans.schedule(staff.leader, staff.zhang, datetime(2026, 11, 30, 10, 0))
    engine.changed()
    assert engine.wake_at == datetime(2026, 11, 27, 9, 0)  # Friday before Monday
    time.to(datetime(2026, 11, 27, 9, 0))
    engine.wake()
    engine.wake()
    assert seen.keys == [f"appt:{appt.uuid}:day-before"]
    assert engine.wake_at == datetime(2026, 11, 30, 9, 30)
    time.to(datetime(2026, 11, 30, 9, 30))
    engine.wake()
    engine.heartbeat()
    assert seen.keys == [f"appt:{appt.uuid}:day-before", f"appt:{appt.uuid}:soon"]
    assert seen.digests == []
    assert engine.wake_at is None and engine.pending_wake_ups() == 0


def test_period_and_follow_up_reminders_each_fire_once(
    services: Services, staff: Staff, engine: ReminderEngine, time: Time, seen: Seen
) -> None:
    services.plans.create_plan(
        PlanInput(
            "季度谈话",
            staff.leader,
            CadenceKind.QUARTERLY,
            date(2026, 10, 1),
            person_ids=(staff.zhang, staff.li),
        )
    )
    services.follow_ups.create(FollowUpInput("食堂问题", due_on=date(2026, 12, 1)))
    engine.changed()
    moments = [
        datetime(2026, 12, 1, 9, 0),  # the follow-up falls due
        datetime(2026, 12, 2, 9, 0),  # ... and is overdue
        datetime(2026, 12, 29, 9, 0),  # three working days before the quarter ends
        datetime(2027, 1, 4, 9, 0),  # the next quarter's first working day
    ]
    for moment in moments:
        assert engine.wake_at == moment
        time.to(moment)
        engine.wake()
        engine.wake()
    kinds = [r.kind for batch in seen.reminders for r in batch]
    assert kinds == [K.FOLLOW_UP_DUE, K.FOLLOW_UP_OVERDUE, K.PERIOD_END, K.PERIOD_START]
    assert [r.count for batch in seen.reminders for r in batch][2:] == [2, 2]
    assert seen.digests == []


def test_snoozed_fires_again_after_the_snooze_and_dismissed_never(
    services: Services,
    staff: Staff,
    service: ReminderService,
    engine: ReminderEngine,
    time: Time,
    seen: Seen,
) -> None:
    services.follow_ups.create(FollowUpInput("食堂问题", due_on=date(2026, 11, 25)))
    engine.changed()
    time.to(datetime(2026, 11, 25, 9, 0))
    engine.wake()
    [[due]] = seen.reminders
    time.to(datetime(2026, 11, 25, 9, 2))
    service.snooze(due.key, datetime(2026, 11, 25, 10, 2))
    engine.changed()
    assert engine.wake_at == datetime(2026, 11, 25, 10, 2)
    time.to(datetime(2026, 11, 25, 10, 2))
    engine.wake()
    engine.wake()
    assert seen.keys == [due.key, due.key]
    service.dismiss(due.key)
    engine.changed()
    time.to(datetime(2026, 11, 25, 18, 0))
    engine.wake()
    assert seen.keys == [due.key, due.key]


def test_closed_across_a_due_time_one_digest_at_the_next_start_then_nothing(
    services: Services, staff: Staff, service: ReminderService, time: Time, seen: Seen
) -> None:
    services.plans.schedule(staff.leader, staff.zhang, datetime(2026, 11, 26, 10, 0))
    services.plans.schedule(staff.leader, staff.li, datetime(2026, 11, 26, 15, 0))
    services.follow_ups.create(FollowUpInput("食堂问题", due_on=date(2026, 11, 25)))
    # The program is closed on Tuesday and opened on Thursday at noon.
    time.to(datetime(2026, 11, 26, 12, 0), asleep=True)
    first = _engine(service, time, seen, run_jobs=False)
    first.start()
    [digest] = seen.digests
    assert dict(digest.counts) == {
        K.APPOINTMENT_SOON: 1,
        K.APPOINTMENT_DAY_BEFORE: 1,
        K.FOLLOW_UP_OVERDUE: 1,
    }
    assert seen.reminders == []
    first.wake()
    first.heartbeat()
    first.stop()
    again = _engine(service, time, seen, run_jobs=False)
    again.start()
    again.wake()
    assert len(seen.digests) == 1 and seen.reminders == []
    # What is still ahead comes on time, alone.
    assert again.wake_at == datetime(2026, 11, 26, 14, 30)
    time.to(datetime(2026, 11, 26, 14, 30))
    again.wake()
    assert [r.kind for batch in seen.reminders for r in batch] == [K.APPOINTMENT_SOON]
    again.stop()


def test_a_clock_jump_forward_gives_one_digest(
    services: Services, staff: Staff, engine: ReminderEngine, time: Time, seen: Seen
) -> None:
    services.plans.schedule(staff.leader, staff.zhang, datetime(2026, 11, 27, 10, 0))
    services.follow_ups.create(FollowUpInput("食堂问题", due_on=date(2026, 11, 25)))
    services.follow_ups.create(FollowUpInput("停车问题", due_on=date(2026, 11, 26)))
    engine.changed()
    # The PC sleeps from Tuesday to Friday noon; the heartbeat notices on resume.
    time.to(datetime(2026, 11, 27, 12, 0), asleep=True)
    engine.heartbeat()
    engine.wake()
    engine.heartbeat()
    [digest] = seen.digests
    assert len(digest) == 3 and seen.reminders == []
    assert dict(digest.counts) == {K.APPOINTMENT_SOON: 1, K.FOLLOW_UP_OVERDUE: 2}


def test_a_wake_up_far_too_late_is_a_digest_even_without_a_jump(
    services: Services, staff: Staff, engine: ReminderEngine, time: Time, seen: Seen
) -> None:
    """Where the monotonic clock counts sleep too (Windows), lateness tells it."""
    services.follow_ups.create(FollowUpInput("食堂问题", due_on=date(2026, 11, 25)))
    services.follow_ups.create(FollowUpInput("停车问题", due_on=date(2026, 11, 26)))
    engine.changed()
    time.to(datetime(2026, 11, 27, 12, 0))
    engine.wake()
    assert len(seen.digests) == 1 and seen.reminders == []


def test_500_changes_leave_one_wake_up_and_each_reminder_fires_once(
    services: Services, staff: Staff, engine: ReminderEngine, time: Time, seen: Seen
) -> None:
    services.plans.schedule(staff.leader, staff.zhang, datetime(2026, 11, 26, 10, 0))
    services.follow_ups.create(FollowUpInput("食堂问题", due_on=date(2026, 11, 25)))
    for _ in range(500):
        engine.changed()
    jobs = engine.scheduler.get_jobs()
    assert sorted(job.id for job in jobs) == sorted([WAKE_JOB, HEARTBEAT_JOB])
    assert engine.pending_wake_ups() == 1
    for moment in (
        datetime(2026, 11, 25, 9, 0),
        datetime(2026, 11, 26, 9, 0),
        datetime(2026, 11, 26, 9, 30),
    ):
        assert engine.wake_at == moment
        time.to(moment)
        engine.wake()
        for _ in range(50):
            engine.changed()
        engine.wake()
        assert engine.pending_wake_ups() == (0 if engine.wake_at is None else 1)
        assert len(engine.scheduler.get_jobs()) <= 2
    assert engine.wake_at is None  # all done
    keys = seen.keys
    assert len(keys) == len(set(keys)) == 4  # day before, due (both on the 25th), overdue, soon
    assert seen.digests == []


def test_the_wake_up_job_waits_in_real_time_for_the_clocks_distance(
    services: Services, staff: Staff, engine: ReminderEngine
) -> None:
    services.plans.schedule(staff.leader, staff.zhang, datetime(2026, 11, 24, 11, 0))
    engine.changed()
    assert engine.wake_at == datetime(2026, 11, 24, 10, 30)
    [job] = [j for j in engine.scheduler.get_jobs() if j.id == WAKE_JOB]
    expected = datetime.now(UTC) + (engine.wake_at - TUESDAY)
    assert abs(job.next_run_time - expected) < timedelta(seconds=30)
    assert job.misfire_grace_time is None and job.coalesce


def test_a_running_scheduler_fires_a_due_reminder_on_its_worker(
    services: Services, staff: Staff, service: ReminderService, time: Time
) -> None:
    """End to end with the real scheduler thread: no sleeping, a wait on an event."""
    reported = threading.Event()
    got: list[Reminder] = []

    def on_reminders(batch: list[Reminder]) -> None:
        got.extend(batch)
        reported.set()

    engine = ReminderEngine(
        service, time.clock, on_reminders, lambda d: None, monotonic=time.monotonic
    )
    engine.start()
    try:
        services.plans.schedule(staff.leader, staff.zhang, datetime(2026, 11, 24, 10, 10))
        time.to(datetime(2026, 11, 24, 9, 40))  # the 30-minute reminder is due now
        engine.changed()  # the wake-up is due now: the scheduler runs it at once
        assert reported.wait(timeout=10)
        assert [r.person_name for r in got] == ["张三"]
    finally:
        engine.stop()
