"""Start-up timestamps for the benchmarks (TALKDESK_BENCH_EXIT_AFTER_PAINT=1), then quit.

Prints `talkdesk-bench painted <epoch>` at the main window's first paint and
`talkdesk-bench data <epoch>` once the workspace is open and the first page
(Today) shows its figures (greeting and counts; its agenda follows), as
tests/benchmarks/run.py expects. Never on otherwise.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from talkdesk.ui.main_window import MainWindow
from talkdesk.ui.navigation import PageId
from talkdesk.ui.tasks import TaskRunner

ENV = "TALKDESK_BENCH_EXIT_AFTER_PAINT"


def wanted() -> bool:
    return os.environ.get(ENV) == "1"


class StartupProbe(QObject):
    def __init__(self, window: MainWindow, runner: TaskRunner) -> None:
        super().__init__(window)
        self._painted = False
        self._opened = False
        self._runner = runner
        self._window = window
        self._done = False
        window.installEventFilter(self)
        runner.busy_changed.connect(self._on_busy)

    def workspace_opened(self) -> None:
        """From now on, the first page's figures are the first data shown."""
        self._opened = True
        today = self._window.page(PageId.TODAY)
        shown = getattr(today, "figures_shown", None)
        if shown is not None:
            self._runner.busy_changed.disconnect(self._on_busy)
            shown.connect(lambda: QTimer.singleShot(0, self._data_shown))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            _mark("painted")
        return False

    def _on_busy(self, busy: bool) -> None:
        if self._opened and not busy and self._runner.pending == 0:
            # the results were delivered; let the page paint them, then stop
            QTimer.singleShot(0, self._data_shown)

    def _data_shown(self) -> None:
        if not self._done:
            self._done = True
            _mark("data")
            QApplication.quit()


def _mark(event: str) -> None:
    print(f"talkdesk-bench {event} {time.time():.6f}", flush=True)
