"""The running GUI: builds the objects, wires every cross-layer signal in one place, and
walks the workspace through its states (setting up, locked, open).

The window is shown first; everything the first screen does not need (SQLAlchemy,
the services, the pages) is imported and opened afterwards on the database
thread, so the window paints at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from talkdesk.app import autostart
from talkdesk.app.reminder_bridge import ReminderBridge
from talkdesk.domain.clock import Clock
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.ui.idle_lock import IdleLock
from talkdesk.ui.main_window import MainWindow
from talkdesk.ui.messages import error_text, notice_text, unexpected_text
from talkdesk.ui.navigation import PageId
from talkdesk.ui.preferences import PreferencesFile
from talkdesk.ui.tasks import TaskRunner
from talkdesk.ui.tray import Tray, tray_available

if TYPE_CHECKING:
    from talkdesk.app.reminder_bridge import EngineFactory
    from talkdesk.services.bundle import Services
    from talkdesk.services.changes import Changes
    from talkdesk.services.glance import Glance, Overview
    from talkdesk.services.reminders import Digest, Reminder
    from talkdesk.services.session import WorkspaceSession
    from talkdesk.ui.digest_dialog import DigestDialog
    from talkdesk.ui.draft_recovery import DraftRecovery
    from talkdesk.ui.reminders_panel import RemindersPanel
    from talkdesk.ui.search_panel import SearchPanel

log = logging.getLogger(__name__)


class Start(Enum):
    NEW = "new"  # no workspace yet: the setup dialog
    LOCKED = "locked"  # a workspace, not opened: the password dialog
    OPEN = "open"  # opened with the remembered key, or the demo


@dataclass(frozen=True)
class Prepared:
    session: WorkspaceSession
    start: Start
    notice: str = ""  # why the remembered key could not be used, worded for the user


Progress = Callable[[int, int], None]
Opener = Callable[[Progress], Prepared]
"""Opens (or builds) the session on the database thread, reporting progress as it goes."""
Glancer = Callable[[], "Glance | None"]
"""Reads the first page's figures with the remembered key before the opening (database thread)."""


class _Progress(QObject):
    """Carries the demo builder's progress from the database thread to the window."""

    advanced = Signal(int, int)


class GuiShell(QObject):
    """Owns the window, the runner, the session, the idle lock, the tray and the reminders.

    Attributes:
        setup_dialog / unlock_dialog: the dialog currently asked, if any (tests drive them).
        services: all services, once the workspace was first opened.
        reminders: the reminder engine's bridge (`reminders.engine` while open).
        reminders_panel / digest_dialog: the reminder list (once open), the catch-up digest.
        tray: the tray icon, where the system has a tray.
        search_panel: the search window (Ctrl+F), once asked for.
        draft_recovery: offers back the talk records a crash left open (`.box` while asked).

    Signals:
        quit_requested(): the user chose to quit (setup or password dialog); the app exits.
        opened(): the workspace is open and the pages are in place (after each unlock too).
        first_data_shown(): the first page shows its figures for the first time (the first
            glance's, or the Today page's own when there was no glance).
    """

    quit_requested = Signal()
    opened = Signal()
    first_data_shown = Signal()

    def __init__(
        self,
        folder: Path,
        preferences: PreferencesFile,
        clock: Clock,
        open_session: Opener,
        demo_password: str = "",
        *,
        glance: Glancer | None = None,
        make_engine: EngineFactory | None = None,
        window: MainWindow | None = None,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.preferences = preferences
        self.clock = clock
        self._open_session = open_session
        self._glance = glance
        self._glanced_overview: Overview | None = None  # shown before the services were ready
        self._lock_asked = False  # Ctrl+L while only the glance was shown
        self._first_data_done = False
        self._demo_password = demo_password
        self.session: WorkspaceSession | None = None
        self.services: Services | None = None
        self.setup_dialog: QDialog | None = None
        self.unlock_dialog: QDialog | None = None
        self.progress = _Progress()
        self.runner = TaskRunner()
        self.window = window if window is not None else MainWindow(folder)
        self.idle_lock = IdleLock(clock, preferences.current.idle_minutes, self)
        self._busy = False
        self._opening_begun = False
        self._opened_session: WorkspaceSession | None = None
        self._password_wanted = False  # locked while hidden in the tray: ask when shown
        self._closed = False  # shut down: late reports (queued) are dropped
        self.reminders = ReminderBridge(self.runner, clock, make_engine, self)
        self.reminders_panel: RemindersPanel | None = None
        self.search_panel: SearchPanel | None = None
        self.draft_recovery: DraftRecovery | None = None
        self.digest_dialog: DigestDialog | None = None
        self.autostart = autostart.for_this_system()
        self.tray = Tray(self) if tray_available() else None
        if self.tray is not None:
            self.tray.set_locked(True)  # nothing to lock until the workspace is open
            self.window.tray_preferences = preferences
        self._wire()

    # -- signals, all in one place -------------------------------------------------------

    def _wire(self) -> None:
        app = QApplication.instance()
        # locking: Ctrl+L, the toolbar, idle time; the lock screen's Unlock button
        self.window.lock_requested.connect(self.lock)
        self.idle_lock.idle_timeout.connect(self.lock)
        self.window.unlock_requested.connect(self._ask_password)
        if app is not None:
            app.installEventFilter(self.idle_lock)
        # quitting: closing the window
        self.window.closing.connect(self.quit_requested)
        # the database thread: failures, busy cursor, demo progress
        self.runner.task_failed.connect(self._task_failed)
        self.runner.busy_changed.connect(self._set_busy)
        self.progress.advanced.connect(self.window.lock_screen.show_progress)
        # reminders: reported on APScheduler's thread, handled here on the GUI thread
        queued = Qt.ConnectionType.QueuedConnection
        self.reminders.fired.connect(self._reminders_fired, queued)
        self.reminders.digest_ready.connect(self._digest_ready, queued)
        self.runner.operation_did_execute.connect(self._data_changed)
        self.window.reminders_requested.connect(self.show_reminders)
        self.window.search_requested.connect(self.show_search)
        self.window.new_talk_requested.connect(self.new_talk)
        # the tray: open, lock, quit
        if self.tray is not None:
            self.tray.open_requested.connect(self.show_window)
            self.tray.lock_requested.connect(self.lock)
            self.tray.quit_requested.connect(self.quit_requested)

    def _wire_pages(self) -> None:
        # changes: every service call's Changes reach every page; each decides to refresh
        for page in self.window.page_widgets():
            on_changes = getattr(page, "on_changes", None)
            if on_changes is not None:
                self.runner.operation_did_execute.connect(on_changes)
        # a line, a card or a link on one page opens another page (or an item there)
        for page in self.window.page_widgets():
            open_page = getattr(page, "open_page", None)
            if open_page is not None:
                open_page.connect(self._open_page)
        today = self.window.page(PageId.TODAY)
        # today: its agenda's figures become the navigation's counts
        counts_changed = getattr(today, "counts_changed", None)
        if counts_changed is not None:
            counts_changed.connect(self.window.navigation.set_counts)
            # the page was built and may have read before the others: show what it found
            self.window.navigation.set_counts(getattr(today, "nav_counts", {}))
        # settings: the idle-lock delay follows the preference at once
        settings = self.window.page(PageId.SETTINGS)
        settings.idle_minutes_changed.connect(self.idle_lock.set_minutes)  # type: ignore[attr-defined]
        # settings: start at login writes (or removes) the system's autostart entry
        settings.start_at_login_changed.connect(self._set_start_at_login)  # type: ignore[attr-defined]
        settings.show_start_at_login(self._start_at_login())  # type: ignore[attr-defined]

    # -- start -----------------------------------------------------------------------------

    def start(self) -> None:
        """Show the window at once (if `app` has not already); open the workspace behind it."""
        if not self.window.isVisible():
            self.window.show_on_screen()
        if self.tray is not None:
            self.tray.show()
        # Open behind the painted window: the opening imports hold Python's lock for a while,
        # and would otherwise delay the first paint. A timer covers a window never painted.
        if self.window.painted:
            self._begin_opening()
            return
        self.window.first_painted.connect(self._begin_opening)
        QTimer.singleShot(300, self._begin_opening)

    def _begin_opening(self) -> None:
        if self._opening_begun:
            return
        self._opening_begun = True
        report = self.progress.advanced.emit

        def open_session() -> Prepared:
            prepared = self._open_session(report)
            self._opened_session = prepared.session  # for shutdown, should the user quit first
            return prepared

        if self._glance is not None:
            self.runner.submit(self._glance, self._glanced, lambda _error: None)
        self.runner.submit(open_session, self._prepared, self._open_failed)

    def _glanced(self, glance: Glance | None) -> None:
        """The first page's figures, shown while the services load (the window is usable)."""
        if glance is None or self._closed or self.session is not None:
            return
        from talkdesk.ui.pages.today_figures import GlancePage

        self._glanced_overview = glance.overview
        self.window.set_page(PageId.TODAY, GlancePage(glance.overview, self.clock.now()))
        self.window.set_unit(glance.unit)
        self.window.show_unlocked()
        self._first_data()

    def _withdraw_glance(self) -> None:
        """The opening did not follow the glance (or Ctrl+L came first): hide its figures."""
        if self._glanced_overview is None:
            return
        self._glanced_overview = None
        self.window.show_locked()
        figures = getattr(self.window.page(PageId.TODAY), "figures", None)
        if figures is not None:
            figures.clear()  # no name stays behind the lock screen

    def _first_data(self) -> None:
        if not self._first_data_done:
            self._first_data_done = True
            self.first_data_shown.emit()

    def _prepared(self, prepared: Prepared) -> None:
        self.session = prepared.session
        if prepared.start is not Start.OPEN or self._lock_asked:
            self._withdraw_glance()
        if self._lock_asked and prepared.start is Start.OPEN:
            self._lock_asked = False
            self.runner.submit(prepared.session.lock, lambda _result: self._ask_password())
            return
        if prepared.start is Start.NEW:
            self._ask_setup()
        elif prepared.start is Start.LOCKED:
            self._ask_password(prepared.notice)
        else:
            self._open()

    def _open_failed(self, error: TalkdeskError) -> None:
        """The workspace cannot be opened at all (damaged, missing keys): say so, then quit."""
        self._withdraw_glance()
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "talkdesk",
            error_text(error),
            QMessageBox.StandardButton.Close,
            self.window,
        )
        box.finished.connect(self.quit_requested)
        box.open()

    def _ask_setup(self) -> None:
        from talkdesk.ui.dialogs.setup_dialog import SetupDialog

        assert self.session is not None
        dialog = SetupDialog(self.session, self.runner, self.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(self._after_setup)
        dialog.rejected.connect(self.quit_requested)
        self.setup_dialog = dialog
        dialog.open()

    def _after_setup(self) -> None:
        dialog = self.setup_dialog
        notice = getattr(dialog, "keyring_notice", "")
        self.setup_dialog = None
        if dialog is not None:
            dialog.deleteLater()
        self._open(notice)

    def _ask_password(self, notice: str = "") -> None:
        from talkdesk.ui.dialogs.unlock_dialog import UnlockDialog

        if self.unlock_dialog is not None or self.session is None:
            return
        hint = ""
        if self._demo_password:
            hint = self.tr("Demo workspace: its password is %1").replace("%1", self._demo_password)
        dialog = UnlockDialog(self.session, self.runner, notice, hint, self.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(self._after_unlock)
        dialog.rejected.connect(self._unlock_cancelled)
        self.unlock_dialog = dialog
        dialog.open()

    def _after_unlock(self) -> None:
        dialog, self.unlock_dialog = self.unlock_dialog, None
        notice = ""
        if dialog is not None and getattr(dialog, "recovered", False):
            notice = self.tr("A new password was set with the recovery code.")
            dialog.deleteLater()
        elif dialog is not None:
            dialog.deleteLater()
        self._open(notice)

    def _unlock_cancelled(self) -> None:
        dialog, self.unlock_dialog = self.unlock_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.quit_requested.emit()

    # -- open, lock --------------------------------------------------------------------------

    def _open(self, notice: str = "") -> None:
        """The session is unlocked: build what is missing, then show the records."""
        session = self.session
        assert session is not None
        notices = [notice] if notice else []
        notices += [notice_text(n) for n in session.notices]
        if self.services is None:

            def build() -> tuple[Services, str]:
                from talkdesk.services.bundle import Services

                return Services(session), session.info().unit

            self.runner.submit(build, lambda r: self._services_ready(*r, notices))
        else:
            self.runner.submit(lambda: session.info().unit, lambda u: self._shown(u, notices))
            for page in self.window.page_widgets():
                _refresh(page)

    def _services_ready(self, services: Services, unit: str, notices: list[str]) -> None:
        """Build the page in view now and the others once it shows (the first data come first)."""
        self.services = services
        first = self.window.current_page_id()
        page = self._build_page(first, services)
        figures_shown = getattr(page, "figures_shown", None)
        if figures_shown is not None:
            figures_shown.connect(self._first_data)
        if self._glanced_overview is not None and hasattr(page, "show_figures"):
            page.show_figures(self._glanced_overview)  # the same figures stay, then are read again
        self._glanced_overview = None
        self.window.set_page(first, page)
        self._shown(unit, notices)
        self._when_idle(lambda: self._build_other_pages(services, first))

    def _build_other_pages(self, services: Services, built: PageId) -> None:
        for page_id in PageId:
            if page_id is not built:
                self.window.set_page(page_id, self._build_page(page_id, services))
        self._wire_pages()

    def _build_page(self, page_id: PageId, services: Services) -> QWidget:
        if page_id is PageId.SETTINGS:
            from talkdesk.ui.pages.settings_page import SettingsPage

            return SettingsPage(services, self.runner, self.preferences)
        return page_class(page_id)(services, self.runner)

    def _shown(self, unit: str, notices: list[str]) -> None:
        self.window.set_unit(unit)
        self.window.show_unlocked()
        self.idle_lock.start()
        if notices:
            self.window.statusBar().showMessage(" ".join(notices), 15_000)
        if self.tray is not None:
            self.tray.set_locked(False)
        services = self.services
        if services is not None:
            # after the first screen's data: the catch-up digest is worth less than a quick start
            self._when_idle(lambda: self._start_reminders(services))
            self._when_idle(lambda: self._offer_drafts(services))
        self.opened.emit()

    def _start_reminders(self, services: Services) -> None:
        if self.window.is_locked:
            return  # locked again before the first data came
        self._build_reminders_panel(services)  # after the first data: it imports every rule
        self.reminders.start(services.reminders)  # the catch-up digest comes first
        if self.reminders_panel is not None:
            self.reminders_panel.reload()

    def _offer_drafts(self, services: Services) -> None:
        """Talk records left open by a crash or a power cut: offered back once."""
        if self.window.is_locked:
            return
        if self.draft_recovery is None:
            from talkdesk.ui.draft_recovery import DraftRecovery

            self.draft_recovery = DraftRecovery(services.talks, self.runner, self.window)
            self.draft_recovery.open_requested.connect(
                lambda talk_id: self._open_page(PageId.TALKS.value, f"talk:{talk_id}")
            )
        self.draft_recovery.check()

    def _when_idle(self, then: Callable[[], None]) -> None:
        """Run `then` once the database thread has nothing left to do (the data are shown)."""
        if self.runner.pending == 0:
            then()
            return

        def on_busy(busy: bool) -> None:
            if not busy:
                self.runner.busy_changed.disconnect(on_busy)
                then()

        self.runner.busy_changed.connect(on_busy)

    def _open_page(self, key: str, choice: str) -> None:
        """Show a page; `choice` is a follow-up status group or an item ("person:12", …).

        A page that can show one item has `show_item(choice)`; others just open.
        """
        page_id = PageId(key)
        self.window.show_page(page_id)
        page = self.window.page(page_id)
        if not choice:
            return
        show_item = getattr(page, "show_item", None)
        if show_item is not None:
            show_item(choice)
            return
        if hasattr(page, "show_status"):
            from talkdesk.ui.pages.follow_ups_page import StatusChoice

            if choice in StatusChoice.__members__.values():
                page.show_status(StatusChoice(choice))

    def lock(self) -> None:
        """Hide the records now, close the database and drop the key, then ask the password."""
        if self.window.is_locked:
            return
        if self.session is None:  # only the first glance is shown: lock once it has opened
            self._lock_asked = True
            self._withdraw_glance()
            return
        self.window.show_locked()
        self.idle_lock.stop()
        for widget in QApplication.topLevelWidgets():
            # a dialog left open (editing a person, a message) would show records over the lock
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        for page in self.window.page_widgets():
            forget = getattr(page, "forget", None)
            if forget is not None:
                forget()  # no names or notes stay on screen or in the models while locked
        if self.reminders_panel is not None:
            self.reminders_panel.forget()
        if self.search_panel is not None:
            self.search_panel.forget()
        if self.tray is not None:
            self.tray.set_locked(True)
        session = self.session
        stop_reminders = self.reminders.detach()

        def close() -> None:
            stop_reminders()  # the engine first: no wake-up reads while the database closes
            session.lock()

        self.runner.submit(close, self._locked)

    def _locked(self, _result: object) -> None:
        if self.window.isVisible():
            self._ask_password()
        else:
            self._password_wanted = True  # locked in the tray: asked when the window is opened

    def show_window(self) -> None:
        """The tray's Open: the window back in front (and the password, if locked meanwhile)."""
        self.window.setWindowState(self.window.windowState() & ~Qt.WindowState.WindowMinimized)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        if self._password_wanted:
            self._password_wanted = False
            self._ask_password()

    # -- search and new talk -------------------------------------------------------------------

    def show_search(self) -> None:
        """Ctrl+F: the search window over talks and follow-ups, its query field focused."""
        services = self.services
        if services is None or self.window.is_locked or self._closed:
            return
        if self.search_panel is None:
            from talkdesk.ui.search_panel import SearchPanel

            self.search_panel = SearchPanel(services, self.runner, self.window)
            self.search_panel.open_page.connect(self._open_page)
        self.search_panel.show()
        self.search_panel.raise_()
        self.search_panel.activateWindow()
        self.search_panel.focus_query()

    def new_talk(self) -> None:
        """Ctrl+N anywhere: the Talks page and an empty record form."""
        if self.services is None or self.window.is_locked or self._closed:
            return
        self.window.show_page(PageId.TALKS)
        forms = getattr(self.window.page(PageId.TALKS), "forms", None)
        if forms is not None:  # the page is built once the first page's data are shown
            forms.new_talk()

    # -- reminders ----------------------------------------------------------------------------

    def _build_reminders_panel(self, services: Services) -> None:
        from talkdesk.ui.reminders_panel import RemindersPanel

        if self.reminders_panel is not None:  # the previous opening's (before a lock)
            self.reminders_panel.deleteLater()
        panel = RemindersPanel(services.reminders, self.runner, self.window)
        panel.count_changed.connect(self.window.set_reminder_count)
        panel.acted.connect(self.reminders.changed)
        self.reminders_panel = panel

    def show_reminders(self) -> None:
        """The toolbar's Reminders (N), or the digest's button: the reminder list."""
        panel = self.reminders_panel
        if panel is None or self.window.is_locked or self._closed:
            return
        panel.reload()
        panel.show()
        panel.raise_()
        panel.activateWindow()

    def wake_reminders(self) -> None:
        """What the scheduler does at a due time (tests call it with a moved clock)."""
        self.reminders.wake()

    def _data_changed(self, _changes: Changes) -> None:
        if self._closed:
            return
        self.reminders.changed()  # on the database thread: it reads the next due time
        panel = self.reminders_panel
        if panel is not None and not self.window.is_locked and panel.reminders:
            # a cancelled appointment leaves the list; a change never adds to it (only a
            # reminder coming due does), so an empty list needs no reading
            panel.reload()

    def _reminders_fired(self, reminders: list[Reminder]) -> None:
        if self.window.is_locked or self._closed:
            return  # reported just before a lock: it comes back in the digest or the list
        if self.tray is not None:
            self.tray.notify_reminders(reminders)
        if self.reminders_panel is not None:
            self.reminders_panel.reload(reminders)

    def _digest_ready(self, digest: Digest) -> None:
        """What fell due while closed or asleep: one message, and the list holds the items."""
        from talkdesk.ui.digest_dialog import DigestDialog

        if self.window.is_locked or self._closed:
            return
        if self.digest_dialog is not None:
            self.digest_dialog.close()
        dialog = DigestDialog(digest, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_list_requested.connect(self.show_reminders)
        dialog.finished.connect(lambda _r: self._digest_closed(dialog))
        self.digest_dialog = dialog
        dialog.show()
        if self.tray is not None and not self.window.isVisible():
            self.tray.notify_digest(digest)
        if self.reminders_panel is not None:
            self.reminders_panel.reload()

    def _digest_closed(self, dialog: QDialog) -> None:
        if self.digest_dialog is dialog:
            self.digest_dialog = None

    # -- start at login --------------------------------------------------------------------------

    def _start_at_login(self) -> bool:
        try:
            return self.autostart.is_enabled()
        except OSError as exc:
            log.warning("start at login unknown: %s", type(exc).__name__)
            return self.preferences.current.start_at_login

    def _set_start_at_login(self, on: bool) -> None:
        try:
            autostart.set_enabled(self.autostart, on)
        except OSError as exc:
            log.warning("start at login not changed: %s", type(exc).__name__)
            self.window.page(PageId.SETTINGS).show_start_at_login(not on)  # type: ignore[attr-defined]
            self.window.statusBar().showMessage(
                self.tr("Starting at login could not be changed on this computer."), 15_000
            )
            return
        self.preferences.save(self.preferences.current.with_changes(start_at_login=on))

    # -- the database thread's reports --------------------------------------------------------

    def _task_failed(self, error: Exception) -> None:
        if isinstance(error, TalkdeskError):
            if error.code is ErrorCode.LOCKED and self.window.is_locked:
                return  # a page's late query after a lock: nothing to tell
            text = error_text(error)
        else:
            text = unexpected_text()
        box = QMessageBox(
            QMessageBox.Icon.Warning, "talkdesk", text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _set_busy(self, busy: bool) -> None:
        if busy == self._busy:
            return
        self._busy = busy
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QApplication.restoreOverrideCursor()

    # -- end -----------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Close the database (key wiped) and stop the worker; safe to call twice."""
        self._closed = True
        self.idle_lock.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle_lock)
        if self.tray is not None:
            self.tray.hide()
        stop_reminders = self.reminders.detach()
        for widget in QApplication.topLevelWidgets():
            # a talk record still open saves its draft as it closes (queued before the lock)
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()

        def lock_whatever_was_opened() -> None:
            stop_reminders()
            # runs after any opening still under way, so its session is known by then
            session = self.session or self._opened_session
            if session is not None:
                session.lock()

        try:
            self.runner.run_now(lock_whatever_was_opened)
        except RuntimeError:
            pass  # the worker was already shut down (shutdown called twice)
        except Exception as exc:  # closing must go on: the key is dropped with the process
            log.warning("closing the workspace failed: %s", type(exc).__name__)
        self.runner.shutdown()
        if self._busy:
            self._set_busy(False)
        self.window.hide()


def page_class(page_id: PageId) -> Any:
    """The page's class, imported only when it is first built (the first page before the
    others, after the first paint); plain import statements, so packagers find them."""
    if page_id is PageId.TODAY:
        from talkdesk.ui.pages.today_page import TodayPage

        return TodayPage
    if page_id is PageId.PLANS:
        from talkdesk.ui.pages.plans_page import PlansPage

        return PlansPage
    if page_id is PageId.APPOINTMENTS:
        from talkdesk.ui.pages.appointments_page import AppointmentsPage

        return AppointmentsPage
    if page_id is PageId.TALKS:
        from talkdesk.ui.pages.talks_page import TalksPage

        return TalksPage
    if page_id is PageId.FOLLOW_UPS:
        from talkdesk.ui.pages.follow_ups_page import FollowUpsPage

        return FollowUpsPage
    if page_id is PageId.PEOPLE:
        from talkdesk.ui.pages.people_page import PeoplePage

        return PeoplePage
    from talkdesk.ui.pages.reports_page import ReportsPage

    return ReportsPage


def _refresh(page: QWidget) -> None:
    """After an unlock: tell the page everything may have changed (it reloads if shown)."""
    from talkdesk.services.changes import Changes, Entity

    on_changes = getattr(page, "on_changes", None)
    if on_changes is not None:
        on_changes(Changes(frozenset(Entity)))
