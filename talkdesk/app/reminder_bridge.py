"""The reminder engine in the running GUI: its database work on the runner, its reports queued
to the GUI thread.

The engine's callbacks come from APScheduler's worker thread; they only emit
the signals of this object, which lives on the GUI thread, so every slot runs
there (queued). A change of the data moves the engine's wake-up from the
database thread (`TaskRunner`), never from the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from talkdesk.domain.clock import Clock
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.reminders.engine import ReminderEngine
    from talkdesk.services.reminders import Digest, Reminder, ReminderService

    EngineFactory = Callable[
        [ReminderService, Clock, Callable[[list[Reminder]], None], Callable[[Digest], None]],
        ReminderEngine,
    ]


class ReminderBridge(QObject):
    """Owns the engine of the open workspace (a new one at each open).

    Signals:
        fired(list[Reminder]): reminders came due now (tray notification, list).
        digest_ready(Digest): what fell due while closed or asleep, once.
    """

    fired = Signal(object)
    digest_ready = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        clock: Clock,
        make_engine: EngineFactory | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._clock = clock
        self._make_engine = make_engine
        self.engine: ReminderEngine | None = None

    def start(self, reminders: ReminderService) -> None:
        """The workspace is open: catch up (one digest), then plan the wake-up."""
        self.stop_later()
        make = self._make_engine
        if make is None:
            from talkdesk.reminders.engine import ReminderEngine

            make = ReminderEngine
        engine = make(reminders, self._clock, self.fired.emit, self.digest_ready.emit)
        self.engine = engine
        self._runner.submit(engine.start)

    def changed(self) -> None:
        """The data changed: the engine looks again for its next time (on the database thread)."""
        engine = self.engine
        if engine is not None:
            self._runner.submit(engine.changed)

    def wake(self) -> None:
        """Run the wake-up now (what the scheduler does at the due time; tests call it)."""
        engine = self.engine
        if engine is not None:
            self._runner.submit(engine.wake)

    def detach(self) -> Callable[[], None]:
        """Forget the engine; returns what stops it, to run on the database thread before the
        session locks (a wake-up under way finishes first: the engine's lock)."""
        engine, self.engine = self.engine, None
        return engine.stop if engine is not None else _nothing

    def stop_later(self) -> None:
        """Stop the engine on the database thread, after the work queued before."""
        self._runner.submit(self.detach())


def _nothing() -> None:
    pass
