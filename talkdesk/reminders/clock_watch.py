"""Noticing that the wall clock jumped (the PC slept, or its time was set) between two looks."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta

from talkdesk.domain.clock import Clock


class ClockWatch:
    """Compares how far the wall clock and a monotonic clock moved since the last look.

    A monotonic clock does not count the time a PC sleeps (on Linux and
    macOS) and never follows a change of the system time, so a difference of
    more than `tolerance` means a resume or a time change: what fell due
    meanwhile should come as one digest, not one by one.
    """

    def __init__(
        self,
        clock: Clock,
        monotonic: Callable[[], float] = time.monotonic,
        tolerance: timedelta = timedelta(minutes=1),
    ) -> None:
        self._clock = clock
        self._monotonic = monotonic
        self._tolerance = tolerance.total_seconds()
        self._last: tuple[datetime, float] | None = None

    def look(self) -> tuple[datetime, bool]:
        """The time now, and whether the clock jumped since the last look."""
        now, mono = self._clock.now(), self._monotonic()
        jumped = False
        if self._last is not None:
            wall = (now - self._last[0]).total_seconds()
            jumped = abs(wall - (mono - self._last[1])) > self._tolerance
        self._last = (now, mono)
        return now, jumped
