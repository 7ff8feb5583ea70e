"""Service calls off the GUI thread: one worker thread, so database work is serialised.

A screen hands a service call to `TaskRunner.submit`; its result comes back on
the GUI thread. When the call returns a `Changes` value (alone, or last in a
tuple), `operation_did_execute` broadcasts it and every screen decides for
itself whether to refresh.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.services.changes import Changes

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class TaskRunner(QObject):
    """Signals:
    operation_did_execute(Changes): a call changed data; screens refresh if concerned.
    task_failed(TalkdeskError): a call failed and its caller gave no error handler, or a
        callback failed. Unexpected exceptions (bugs) are logged without their message
        (it may quote data) and reach callers as TalkdeskError(UNEXPECTED).
    busy_changed(bool): whether calls are waiting or running (for a busy cursor).
    """

    operation_did_execute = Signal(object)
    task_failed = Signal(object)
    busy_changed = Signal(bool)
    _finished = Signal(object, object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="talkdesk-db")
        self._pending = 0
        self._closed = False
        self._finished.connect(self._deliver)

    @property
    def pending(self) -> int:
        return self._pending

    def submit(
        self,
        call: Callable[[], Any],
        on_success: Callback | None = None,
        on_error: Callback | None = None,
    ) -> None:
        """Run `call()` on the database thread; callbacks run on the GUI thread.

        After `shutdown()` (the program is quitting) nothing more is run.
        """
        if self._closed:
            log.debug("a call arrived after shutdown and was dropped")
            return
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._pool.submit(self._work, call, on_success, on_error)

    def run_now(self, call: Callable[[], Any]) -> Any:
        """Run on the database thread and wait: for the few steps that must finish first."""
        return self._pool.submit(call).result()

    def shutdown(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _work(self, call: Callable[[], Any], on_success: Any, on_error: Any) -> None:
        try:
            result, error = call(), None
        except Exception as exc:
            result, error = None, exc
        self._finished.emit(result, error, on_success, on_error)

    @Slot(object, object, object, object)
    def _deliver(self, result: Any, error: Any, on_success: Any, on_error: Any) -> None:
        self._pending -= 1
        try:
            if error is not None:
                if not isinstance(error, TalkdeskError):
                    # the caller still hears of it, so it can re-enable what it disabled
                    log_unexpected(error)
                    error = TalkdeskError(ErrorCode.UNEXPECTED)
                if on_error is not None:
                    _call(on_error, error)
                else:
                    self.task_failed.emit(error)
                return
            changes = _changes_in(result)
            if on_success is not None:
                _call(on_success, result)
            if changes:
                self.operation_did_execute.emit(changes)
        except Exception as exc:  # a bug in a callback must not escape into Qt's event loop
            self.report_unexpected(exc)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)

    def report_unexpected(self, error: BaseException) -> None:
        """Log a bug (never its message: it may quote data) and report it in general words."""
        log_unexpected(error)
        self.task_failed.emit(TalkdeskError(ErrorCode.UNEXPECTED))


def log_unexpected(error: BaseException) -> None:
    log.error(
        "unexpected %s\n%s",
        type(error).__name__,
        "".join(traceback.format_tb(error.__traceback__)).rstrip(),
    )


def _call(callback: Callback, value: Any) -> None:
    """Call back, unless the widget it belongs to was deleted meanwhile (closed, locked)."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject) and not shiboken6.isValid(owner):
        return
    try:
        callback(value)
    except RuntimeError as exc:
        if "already deleted" not in str(exc):
            raise
        log.debug("a result arrived for a widget already closed")


def _changes_in(result: Any) -> Changes | None:
    if isinstance(result, Changes):
        return result
    if isinstance(result, tuple) and result and isinstance(result[-1], Changes):
        return result[-1]
    return None
