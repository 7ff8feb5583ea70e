"""The main window: toolbar with Reminders and Lock, left navigation, the pages, and a lock
screen over them; closing it can leave talkdesk in the tray."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from talkdesk.ui.lock_screen import LockScreen
from talkdesk.ui.navigation import Navigation, PageId
from talkdesk.ui.preferences import PreferencesFile
from talkdesk.ui.style import icon

LOCKED, OPEN = range(2)


class MainWindow(QMainWindow):
    """Knows nothing of the session: `app` tells it when to show or hide the records.

    Signals:
        lock_requested(): Ctrl+L or the toolbar's Lock.
        unlock_requested(): the lock screen's Unlock button.
        closing(): the window is being closed (the app then locks and quits).
        first_painted(): the window was painted for the first time.
        reminders_requested(): the toolbar's Reminders (the reminder list).
        search_requested(): Ctrl+F or the toolbar's Search.
        new_talk_requested(): Ctrl+N anywhere in the window.
        hidden_to_tray(): closed while talkdesk keeps running in the tray.

    Attributes:
        tray_preferences: set by `app` when a tray exists; closing then hides the window
            if the preference says to keep running in the tray.
        tray_message: the one-time message about it, once shown.
    """

    lock_requested = Signal()
    unlock_requested = Signal()
    closing = Signal()
    first_painted = Signal()
    reminders_requested = Signal()
    search_requested = Signal()
    new_talk_requested = Signal()
    hidden_to_tray = Signal()

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False
        self.tray_preferences: PreferencesFile | None = None
        self.tray_message: QMessageBox | None = None
        self.resize(1280, 760)
        self.setMinimumSize(960, 600)

        self.lock_action = QAction(icon("lock"), self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.addAction(self.lock_action)  # the shortcut works even with the toolbar hidden
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.unit_label = QLabel(toolbar)
        self.unit_label.setObjectName("toolbarTitle")
        toolbar.addWidget(self.unit_label)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.search_action = QAction(self.tr("Search"), self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.setToolTip(self.tr("Search talks and follow-ups (Ctrl+F)"))
        self.search_action.triggered.connect(self.search_requested)
        self.new_talk_action = QAction(self.tr("New talk"), self)
        self.new_talk_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_talk_action.setToolTip(self.tr("Record a new talk (Ctrl+N)"))
        self.new_talk_action.triggered.connect(self.new_talk_requested)
        toolbar.addAction(self.new_talk_action)
        toolbar.addAction(self.search_action)
        self.reminders_action = QAction(self.tr("Reminders"), self)
        self.reminders_action.setToolTip(self.tr("Reminders shown and not yet done"))
        self.reminders_action.triggered.connect(self.reminders_requested)
        toolbar.addAction(self.reminders_action)
        toolbar.addAction(self.lock_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

        self.navigation = Navigation(self)
        self.pages = QStackedWidget(self)
        self._page_widgets: dict[PageId, QWidget] = {}
        for page in PageId:
            placeholder = QWidget(self.pages)
            self.pages.addWidget(placeholder)
            self._page_widgets[page] = placeholder
        workspace = QWidget(self)
        row = QHBoxLayout(workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        self.navigation.page_chosen.connect(self.show_page)

        self.lock_screen = LockScreen(self)
        self.lock_screen.unlock_requested.connect(self.unlock_requested)
        self.outer = QStackedWidget(self)
        self.outer.addWidget(self.lock_screen)
        self.outer.addWidget(workspace)
        self.setCentralWidget(self.outer)

        self.folder_label = QLabel(str(folder), self)
        self.lock_hint = QLabel(self.tr("Ctrl+L locks talkdesk"), self)
        self.statusBar().addWidget(self.folder_label, 1)
        self.statusBar().addPermanentWidget(self.lock_hint)
        self.set_unit("")
        self.navigation.select(PageId.TODAY)
        self.show_locked(opening=True)

    # -- what is shown -------------------------------------------------------------

    def set_unit(self, unit: str) -> None:
        self.setWindowTitle(f"talkdesk — {unit}" if unit else "talkdesk")
        self.unit_label.setText(unit)

    def set_page(self, page: PageId, widget: QWidget) -> None:
        """Put a page in its place (pages are built after the window is shown)."""
        index = list(PageId).index(page)
        old = self._page_widgets[page]
        self.pages.insertWidget(index, widget)
        self.pages.removeWidget(old)
        old.deleteLater()
        self._page_widgets[page] = widget
        if self.navigation.current_page() is page:
            self.pages.setCurrentIndex(index)

    def page(self, page: PageId) -> QWidget:
        return self._page_widgets[page]

    def show_on_screen(self) -> None:
        """Show the window; on an office laptop (1366×768) it takes all of the screen."""
        screen = self.screen().availableGeometry()
        if screen.width() < 1440 or screen.height() < 900:
            self.setGeometry(screen)  # with or without a window manager
            self.showMaximized()
        else:
            self.show()

    @property
    def painted(self) -> bool:
        """Whether the window has been painted at least once (`first_painted` was sent)."""
        return self._painted

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
        return handled

    def current_page_id(self) -> PageId:
        return self.navigation.current_page()

    def page_widgets(self) -> list[QWidget]:
        return list(self._page_widgets.values())

    def show_page(self, page: PageId) -> None:
        self.pages.setCurrentIndex(list(PageId).index(page))
        if self.navigation.current_page() is not page:
            self.navigation.select(page)

    @property
    def is_locked(self) -> bool:
        return self.outer.currentIndex() == LOCKED

    def show_locked(self, opening: bool = False) -> None:
        """Hide every record at once; the caller closes the database."""
        if opening:
            self.lock_screen.show_opening()
        else:
            self.lock_screen.show_locked()
        self.outer.setCurrentIndex(LOCKED)
        self.navigation.setEnabled(False)
        self.lock_action.setEnabled(False)
        self.reminders_action.setEnabled(False)
        self.set_reminder_count(0)

    def show_unlocked(self) -> None:
        self.outer.setCurrentIndex(OPEN)
        self.navigation.setEnabled(True)
        self.lock_action.setEnabled(True)
        self.reminders_action.setEnabled(True)
        self.pages.currentWidget().setFocus()

    def set_reminder_count(self, count: int) -> None:
        """The toolbar's "Reminders (N)": how many are in the reminder list."""
        text = self.tr("Reminders")
        if count:
            text = self.tr("Reminders ({count})").format(count=count)
        self.reminders_action.setText(text)

    def closeEvent(self, event: QCloseEvent) -> None:
        prefs = self.tray_preferences
        if prefs is not None and prefs.current.close_to_tray:
            event.ignore()  # talkdesk keeps running in the tray, so reminders still come
            self.hide()
            if not prefs.current.told_about_tray:
                prefs.save(prefs.current.with_changes(told_about_tray=True))
                self._tell_about_tray()
            self.hidden_to_tray.emit()
            return
        self.closing.emit()
        super().closeEvent(event)

    def _tell_about_tray(self) -> None:
        """Once: where talkdesk went, and how to quit it for good."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "talkdesk",
            self.tr(
                "talkdesk keeps running in the system tray, so that reminders still come. "
                "To quit, choose Quit talkdesk in the tray icon's menu. You can change this "
                "in Settings."
            ),
            QMessageBox.StandardButton.Ok,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._tray_message_closed)
        self.tray_message = box
        box.show()

    def _tray_message_closed(self) -> None:
        self.tray_message = None
