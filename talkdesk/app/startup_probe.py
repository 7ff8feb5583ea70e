"""Start-up timestamps for the benchmarks (TALKDESK_BENCH_EXIT_AFTER_PAINT=1), then quit.

Prints `talkdesk-bench painted <epoch>` at the main window's first paint and
`talkdesk-bench data <epoch>` once the first page shows its figures (the shell's
`first_data_shown`: the first glance's, or the Today page's), as
tests/benchmarks/run.py expects. Never on otherwise.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "TALKDESK_BENCH_EXIT_AFTER_PAINT"


def wanted() -> bool:
    return os.environ.get(ENV) == "1"


class StartupProbe(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._painted = False
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            _mark("painted")
        return False

    def data_shown(self) -> None:
        """The figures are set; let the window paint them, then stop."""
        QTimer.singleShot(0, self._data_painted)

    def _data_painted(self) -> None:
        if not self._done:
            self._done = True
            _mark("data")
            QApplication.quit()


def _mark(event: str) -> None:
    print(f"talkdesk-bench {event} {time.time():.6f}", flush=True)
