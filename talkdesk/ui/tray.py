"""The system tray icon: Open, Lock, Quit, and reminders as tray notifications.

Where the system has no tray (some Linux desktops, offscreen tests) there is
no `Tray` at all: the caller asks `tray_available()` first, the window then
quits when closed, and reminders still reach the in-app list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from talkdesk.ui.style import icon

if TYPE_CHECKING:  # the tray is built before the first paint; the services come later
    from talkdesk.services.reminders import Digest, Reminder

NOTIFY_MS = 15_000


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(QObject):
    """Signals:
    open_requested(): Open in the menu, or a click on the icon or on a notification.
    lock_requested(): Lock in the menu.
    quit_requested(): Quit in the menu (the only way out while the window is hidden).
    """

    open_requested = Signal()
    lock_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(icon("app"), self)
        self.icon.setToolTip("talkdesk")
        self.menu = QMenu()
        self.open_action = QAction(self.tr("Open talkdesk"), self.menu)
        self.lock_action = QAction(icon("lock"), self.tr("Lock"), self.menu)
        self.quit_action = QAction(self.tr("Quit talkdesk"), self.menu)
        self.open_action.triggered.connect(self.open_requested)
        self.lock_action.triggered.connect(self.lock_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.lock_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.open_requested)

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def set_locked(self, locked: bool) -> None:
        self.lock_action.setEnabled(not locked)

    def notify(self, title: str, text: str) -> None:
        """A notification beside the tray (a balloon or the desktop's notification)."""
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, NOTIFY_MS)

    def notify_reminders(self, reminders: list[Reminder]) -> None:
        """One notification for a batch: the reminder itself, or the first and how many more."""
        from talkdesk.ui.reminders_panel import reminder_text

        if not reminders:
            return
        if len(reminders) == 1:
            self.notify(self.tr("talkdesk reminder"), reminder_text(reminders[0]))
            return
        lines = [reminder_text(r) for r in reminders[:3]]
        if len(reminders) > 3:
            lines.append(self.tr("… and {count} more").format(count=len(reminders) - 3))
        self.notify(self.tr("talkdesk reminders"), "\n".join(lines))

    def notify_digest(self, digest: Digest) -> None:
        from talkdesk.ui.reminders_panel import digest_summary

        self.notify(self.tr("While talkdesk was closed"), digest_summary(digest))

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()
