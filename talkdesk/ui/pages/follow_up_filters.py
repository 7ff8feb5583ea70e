"""The Follow-ups page's filter bar: search, status, due date, handler, department and source."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from enum import StrEnum

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from talkdesk.domain.values import FollowUpSource, FollowUpStatus
from talkdesk.services.follow_ups import FollowUpFilter
from talkdesk.services.people import DepartmentRow
from talkdesk.ui.labels import label
from talkdesk.ui.pages.talks_page import fill_department_combo

SEARCH_DELAY_MS = 250
"""Typing pauses this long before the list is searched, so each keystroke does not query."""


class StatusChoice(StrEnum):
    """The status filter's choices besides the single statuses."""

    ALL = "all"
    NOT_CLOSED = "not_closed"
    OVERDUE = "overdue"
    FEEDBACK_OWED = "feedback_owed"


class DueChoice(StrEnum):
    """The due-date filter's choices (all but 'none' are about items still open)."""

    ANY = "any"
    OVERDUE = "overdue"
    WEEK = "week"
    MONTH = "month"
    NONE = "none"


DUE_WINDOWS = {DueChoice.WEEK: 7, DueChoice.MONTH: 30}


class FollowUpFilterBar(QWidget):
    """The filters in one row; the page reads them with `filter(today)`.

    Signals:
        changed(): a filter was changed (the search text after a short pause or Enter).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Name, pinyin, ticket code or subject"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(180)
        self.status_combo = QComboBox()
        self.status_combo.setToolTip(self.tr("Status"))
        self.status_combo.addItem(self.tr("All statuses"), StatusChoice.ALL.value)
        self.status_combo.addItem(self.tr("Not closed"), StatusChoice.NOT_CLOSED.value)
        self.status_combo.addItem(self.tr("Overdue"), StatusChoice.OVERDUE.value)
        self.status_combo.addItem(self.tr("Awaiting feedback"), StatusChoice.FEEDBACK_OWED.value)
        for status in FollowUpStatus:
            self.status_combo.addItem(label(status), status.value)
        # the page opens on what still needs doing
        self.status_combo.setCurrentIndex(self.status_combo.findData(StatusChoice.NOT_CLOSED.value))
        self.due_combo = QComboBox()
        self.due_combo.setToolTip(self.tr("Due date"))
        self.due_combo.addItem(self.tr("Any due date"), DueChoice.ANY.value)
        self.due_combo.addItem(self.tr("Overdue"), DueChoice.OVERDUE.value)
        self.due_combo.addItem(self.tr("Due within 7 days"), DueChoice.WEEK.value)
        self.due_combo.addItem(self.tr("Due within 30 days"), DueChoice.MONTH.value)
        self.due_combo.addItem(self.tr("No due date"), DueChoice.NONE.value)
        self.handler_combo = QComboBox()
        self.handler_combo.setToolTip(self.tr("Handler"))
        self.handler_combo.addItem(self.tr("All handlers"), None)
        self.handler_combo.setMinimumContentsLength(12)
        self.handler_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.department_combo = QComboBox()
        self.department_combo.setToolTip(self.tr("Department"))
        self.department_combo.addItem(self.tr("All departments"), None)
        self.department_combo.setMinimumContentsLength(10)
        self.department_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.source_combo = QComboBox()
        self.source_combo.setToolTip(self.tr("Source"))
        self.source_combo.addItem(self.tr("All sources"), None)
        for source in FollowUpSource:
            self.source_combo.addItem(label(source), source.value)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit, 1)
        for combo in self.combos():
            layout.addWidget(combo)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.changed)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._search_now)
        for combo in self.combos():
            combo.currentIndexChanged.connect(self.changed)

    def combos(self) -> tuple[QComboBox, ...]:
        return (
            self.status_combo,
            self.due_combo,
            self.handler_combo,
            self.department_combo,
            self.source_combo,
        )

    def filter(self, today: date) -> FollowUpFilter:
        """What the filters say, as the service's filter."""
        base = _status_filter(self.status_combo.currentData(), today)
        due = DueChoice(self.due_combo.currentData())
        source = self.source_combo.currentData()
        flt = FollowUpFilter(
            status=base.status,
            open_only=base.open_only or due in (DueChoice.OVERDUE, *DUE_WINDOWS),
            overdue_on=base.overdue_on,
            feedback_owed=base.feedback_owed,
            handler=self.handler_combo.currentData(),
            department_id=self.department_combo.currentData(),
            source=FollowUpSource(source) if source is not None else None,
            text=self.search_edit.text().strip(),
            no_due=due is DueChoice.NONE,
        )
        if due is DueChoice.OVERDUE:
            return _replace_overdue(flt, today, None)
        if due in DUE_WINDOWS:
            window_end = today + timedelta(days=DUE_WINDOWS[due])
            return _replace_overdue(flt, window_end, today)
        return flt

    def show_status(self, choice: str) -> None:
        """Show only this status or group, every other filter cleared (an overview card's
        count is of all items in the group)."""
        for combo in self.combos():
            combo.blockSignals(True)
        for combo in self.combos()[1:]:
            combo.setCurrentIndex(0)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._search_timer.stop()
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(choice)))
        for combo in self.combos():
            combo.blockSignals(False)
        self.changed.emit()

    def show_handlers(self, handlers: list[str]) -> None:
        """Refill the handler filter, keeping the chosen handler (even if none has it now)."""
        combo = self.handler_combo
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for handler in handlers:
            combo.addItem(handler, handler)
        if current is not None and combo.findData(current) < 0:
            combo.addItem(current, current)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def show_departments(self, departments: list[DepartmentRow]) -> None:
        fill_department_combo(self.department_combo, departments)

    def forget(self) -> None:
        """The workspace was locked: drop the names the filters list or hold (the status and
        due-date choices stay)."""
        for widget in (self.search_edit, self.handler_combo, self.department_combo):
            widget.blockSignals(True)
        self._search_timer.stop()
        self.search_edit.clear()
        self.handler_combo.setCurrentIndex(0)
        self.department_combo.setCurrentIndex(0)
        self.show_handlers([])
        self.show_departments([])
        for widget in (self.search_edit, self.handler_combo, self.department_combo):
            widget.blockSignals(False)

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.changed.emit()


def _status_filter(choice: str, today: date) -> FollowUpFilter:
    if choice == StatusChoice.NOT_CLOSED:
        return FollowUpFilter(open_only=True)
    if choice == StatusChoice.OVERDUE:
        return FollowUpFilter(open_only=True, overdue_on=today)
    if choice == StatusChoice.FEEDBACK_OWED:
        return FollowUpFilter(feedback_owed=True)
    if choice in FollowUpStatus.__members__.values():
        return FollowUpFilter(status=FollowUpStatus(choice))
    return FollowUpFilter()


def _replace_overdue(flt: FollowUpFilter, before: date, due_from: date | None) -> FollowUpFilter:
    """Narrow to items due before `before` (and from `due_from`), keeping a stricter bound."""
    end = before if flt.overdue_on is None else min(flt.overdue_on, before)
    return replace(flt, overdue_on=end, due_from=due_from)
