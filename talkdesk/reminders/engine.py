"""The reminder engine: one APScheduler wake-up at the next due time, a heartbeat, catch-up.

The database is the one source of truth (DESIGN.md, Reminders): jobs live in
an in-memory store and are recomputed from the data at start, after every
change, on each wake-up and on a heartbeat. There is only ever one wake-up
job (a fixed id, replaced), so a burst of changes cannot pile up timers.

A `BackgroundScheduler` runs the jobs on its own worker thread (never Qt's
`QtScheduler`, whose timers are never cancelled under PySide6). The app binds
the callbacks to Qt signals, delivered queued on the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from talkdesk.domain.clock import Clock
from talkdesk.domain.errors import TalkdeskError
from talkdesk.reminders.clock_watch import ClockWatch
from talkdesk.services.reminders import Digest, Reminder

WAKE_JOB = "reminders-wake"
HEARTBEAT_JOB = "reminders-heartbeat"
# A reminder more than this late was missed (the program was blocked or asleep): digest it.
LATE = timedelta(minutes=10)
# A job that is late still runs, once (the default drops it after one second, e.g. after sleep).
_JOB_OPTIONS: dict[str, Any] = {
    "replace_existing": True,
    "coalesce": True,
    "misfire_grace_time": None,
    "max_instances": 1,
}

log = logging.getLogger(__name__)


class ReminderSource(Protocol):
    """What the engine needs of `services.reminders.ReminderService`."""

    def due(self, now: datetime | None = None) -> list[Reminder]: ...

    def mark_shown(self, reminders: Iterable[Reminder], now: datetime | None = None) -> None: ...

    def next_due_at(self, now: datetime | None = None) -> datetime | None: ...

    def catch_up(self, now: datetime | None = None) -> Digest: ...


def new_scheduler() -> BackgroundScheduler:
    """A scheduler with an in-memory store (jobs never written to disk) and one worker."""
    return BackgroundScheduler(
        jobstores={"default": MemoryJobStore()},
        executors={"default": ThreadPoolExecutor(max_workers=1)},
        job_defaults={"coalesce": True, "misfire_grace_time": None, "max_instances": 1},
        timezone=UTC,
        daemon=True,
    )


class ReminderEngine:
    """Raises reminders on time through `on_reminders`, and what was missed through `on_digest`.

    Calls into the services are serialised by one lock: the scheduler's worker
    and the caller of `changed()` never query at the same time. The clock is
    injected; the scheduler waits in real time for the clock's distance to
    the next due time. `run_jobs=False` keeps the scheduler paused (jobs are
    planned but never run by it), so tests drive `wake()` and `heartbeat()`.
    """

    def __init__(
        self,
        source: ReminderSource,
        clock: Clock,
        on_reminders: Callable[[list[Reminder]], None],
        on_digest: Callable[[Digest], None],
        *,
        scheduler: BackgroundScheduler | None = None,
        heartbeat: timedelta = timedelta(minutes=5),
        monotonic: Callable[[], float] = time.monotonic,
        jump_tolerance: timedelta = timedelta(minutes=1),
        run_jobs: bool = True,
    ) -> None:
        self._source = source
        self._clock = clock
        self._on_reminders = on_reminders
        self._on_digest = on_digest
        self._scheduler = scheduler or new_scheduler()
        self._heartbeat = heartbeat
        self._watch = ClockWatch(clock, monotonic, jump_tolerance)
        self._run_jobs = run_jobs
        self._lock = threading.RLock()
        self._started = False
        self.wake_at: datetime | None = None  # the clock time of the pending wake-up, if any

    @property
    def scheduler(self) -> BackgroundScheduler:
        return self._scheduler

    @property
    def running(self) -> bool:
        return self._started

    def start(self) -> None:
        """Catch up first (one digest of what fell due while closed), then plan the wake-up.

        Also after an unlock: calling it again only catches up and reschedules.
        """
        with self._lock:
            if not self._scheduler.running:
                self._scheduler.start(paused=not self._run_jobs)
            self._scheduler.add_job(
                self.heartbeat,
                IntervalTrigger(seconds=self._heartbeat.total_seconds(), timezone=UTC),
                id=HEARTBEAT_JOB,
                **_JOB_OPTIONS,
            )
            self._started = True
            now, _ = self._watch.look()
            if self._catch_up(now):
                self._reschedule(now)

    def changed(self) -> None:
        """The data changed: move the single wake-up job to the new next due time."""
        with self._lock:
            if self._started:
                self._reschedule(self._clock.now())

    def wake(self) -> None:
        """The wake-up job: report what is due now, mark it shown, plan the next wake-up."""
        self._tick()

    def heartbeat(self) -> None:
        """Every few minutes: notices a clock jump (resume from sleep) and anything missed."""
        self._tick()

    def stop(self) -> None:
        """Stop the scheduler; no reminders until `start()` again."""
        with self._lock:
            self._started = False
            self.wake_at = None
            if self._scheduler.running:
                self._scheduler.shutdown(wait=False)

    def pending_wake_ups(self) -> int:
        """How many wake-up jobs are planned (one at most, whatever happened)."""
        return sum(1 for job in self._scheduler.get_jobs() if job.id == WAKE_JOB)

    # -- inside ---------------------------------------------------------------------

    def _tick(self) -> None:
        with self._lock:
            if not self._started:
                return
            now, jumped = self._watch.look()
            if jumped:
                log.info("clock jumped (resume or time change): catching up")
                done = self._catch_up(now)
            else:
                done = self._fire(now)
            if done:
                self._reschedule(now)

    def _fire(self, now: datetime) -> bool:
        """Report what is due; a reminder missed by more than `LATE` makes it a digest."""
        try:
            due = self._source.due(now)
            if any(r.remind_at < now - LATE for r in due):
                return self._catch_up(now)
            if due:
                self._on_reminders(due)
                self._source.mark_shown(due, now)
        except TalkdeskError as err:  # e.g. locked: nothing to show until unlocked
            log.info("reminders skipped: %s", err.code)
            return False
        return True

    def _catch_up(self, now: datetime) -> bool:
        try:
            digest = self._source.catch_up(now)
        except TalkdeskError as err:
            log.info("catch-up skipped: %s", err.code)
            return False
        if digest:
            log.info("digest of %d reminders", len(digest))
            self._on_digest(digest)
        return True

    def _reschedule(self, now: datetime) -> None:
        """One wake-up job at the next due time (replaced, never added twice), or none."""
        try:
            at = self._source.next_due_at(now)
        except TalkdeskError as err:
            log.info("reminders not planned: %s", err.code)
            at = None
        self.wake_at = at
        if at is None:
            with contextlib.suppress(JobLookupError):
                self._scheduler.remove_job(WAKE_JOB)
            return
        delay = max(at - now, timedelta(0))
        run_date = datetime.now(UTC) + delay
        self._scheduler.add_job(
            self.wake, DateTrigger(run_date=run_date, timezone=UTC), id=WAKE_JOB, **_JOB_OPTIONS
        )
