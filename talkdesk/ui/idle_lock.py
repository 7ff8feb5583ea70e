"""Lock after N idle minutes: user input moves a mark; a periodic check compares it with the clock.

The clock is injected, so tests advance a FixedClock and call `check()` instead
of waiting; the QTimer only decides how often the check runs.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from talkdesk.domain.clock import Clock

CHECK_INTERVAL_MS = 15_000

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleLock(QObject):
    """Install with `app.installEventFilter(idle_lock)`; `start()` when unlocked.

    Signals:
        idle_timeout(): no user input for the configured minutes while running.
    """

    idle_timeout = Signal()

    def __init__(self, clock: Clock, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._limit = timedelta(minutes=minutes)
        self._last = clock.now()
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    @property
    def minutes(self) -> int:
        return int(self._limit.total_seconds() // 60)

    @property
    def running(self) -> bool:
        return self._running

    def set_minutes(self, minutes: int) -> None:
        self._limit = timedelta(minutes=max(1, minutes))

    def start(self) -> None:
        """Watch from now on (after an unlock): the idle time starts afresh."""
        self._last = self._clock.now()
        self._running = True
        self._timer.start()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()

    def touch(self) -> None:
        self._last = self._clock.now()

    def check(self) -> None:
        if self._running and self._clock.now() - self._last >= self._limit:
            self.stop()
            self.idle_timeout.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._running and event.type() in _ACTIVITY:
            self._last = self._clock.now()
        return False
