"""Start-up timestamps for the benchmarks (TALKDESK_BENCH_EXIT_AFTER_PAINT=1), then quit.

Prints `talkdesk-bench painted <epoch>` at the main window's first paint and
`talkdesk-bench data <epoch>` once the workspace is open and the first page's
queries have come back, as tests/benchmarks/run.py expects. Never on otherwise.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from talkdesk.ui.tasks import TaskRunner

ENV = "TALKDESK_BENCH_EXIT_AFTER_PAINT"


def wanted() -> bool:
    return os.environ.get(ENV) == "1"


class StartupProbe(QObject):
    def __init__(self, window: QWidget, runner: TaskRunner) -> None:
        super().__init__(window)
        self._painted = False
        self._opened = False
        self._runner = runner
        window.installEventFilter(self)
        runner.busy_changed.connect(self._on_busy)

    def workspace_opened(self) -> None:
        self._opened = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            _mark("painted")
        return False

    def _on_busy(self, busy: bool) -> None:
        if self._opened and not busy:
            # the results were delivered; let the page paint them, then stop
            QTimer.singleShot(0, self._data_shown)

    def _data_shown(self) -> None:
        if self._runner.pending == 0:
            _mark("data")
            QApplication.quit()


def _mark(event: str) -> None:
    print(f"talkdesk-bench {event} {time.time():.6f}", flush=True)
