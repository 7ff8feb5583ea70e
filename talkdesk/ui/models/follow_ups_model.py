"""The follow-ups list: one row per item, a page at a time, sorted by the service.

The status column can be edited in place (a combo from the page's delegate):
the model does not store the choice itself but asks for it through
`status_requested`, and shows it once the service has stored it and the list
was read again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor

from talkdesk.domain.values import FollowUpStatus
from talkdesk.services.follow_ups import (
    FollowUpFilter,
    FollowUpListRow,
    FollowUpSort,
    FollowUpsService,
    ticket_text,
)
from talkdesk.ui.labels import label
from talkdesk.ui.models.formats import date_text
from talkdesk.ui.models.table import CENTER, AnyIndex, Column, ListSource, PagedTableModel
from talkdesk.ui.tasks import TaskRunner

OVERDUE = QColor("#c62828")
OWED = QColor("#b54708")
STATUS_COLUMN = 6
STATUS_ROLE = Qt.ItemDataRole.UserRole
"""The row's status value (the editor starts from it)."""


class FollowUpsModel(PagedTableModel[FollowUpListRow, FollowUpFilter]):
    """Follow-ups matching a filter, soonest due first; overdue due dates in red, feedback
    still owed in amber.

    Signals:
        status_requested(int, FollowUpStatus): the user chose another status for this item
            in the status column; the page asks what is needed and stores it.
    """

    status_requested = Signal(int, object)

    def __init__(
        self,
        follow_ups: FollowUpsService,
        runner: TaskRunner,
        today: Callable[[], date],
        parent: QObject | None = None,
    ) -> None:
        columns: list[Column[FollowUpListRow]] = [
            Column(lambda: self.tr("What"), lambda r: r.title, FollowUpSort.TITLE),
            Column(
                lambda: self.tr("Person"),
                self._person,
                FollowUpSort.PERSON,
                tooltip=self._ticket_tip,
            ),
            Column(
                lambda: self.tr("Department"),
                lambda r: r.department_name,
                FollowUpSort.DEPARTMENT,
            ),
            Column(lambda: self.tr("Source"), lambda r: label(r.source), FollowUpSort.SOURCE),
            Column(lambda: self.tr("Handler"), lambda r: r.handler, FollowUpSort.HANDLER),
            Column(
                lambda: self.tr("Due"),
                lambda r: date_text(r.due_on),
                FollowUpSort.DUE_ON,
                align=CENTER,
                foreground=lambda r: OVERDUE if r.is_overdue(today()) else None,
                tooltip=lambda r: self.tr("Overdue") if r.is_overdue(today()) else "",
            ),
            Column(
                lambda: self.tr("Status"),
                lambda r: label(r.status),
                FollowUpSort.STATUS,
                tooltip=lambda _r: self.tr("Double-click to change the status"),
            ),
            Column(
                lambda: self.tr("Feedback given"),
                self._feedback,
                FollowUpSort.FEEDBACK,
                align=CENTER,
                foreground=lambda r: OWED if r.feedback_owed else None,
                tooltip=lambda r: (
                    self.tr("The person has not yet been told the outcome")
                    if r.feedback_owed
                    else ""
                ),
            ),
        ]
        source = ListSource(
            lambda f, sort, desc, page: follow_ups.list_follow_ups(
                f, FollowUpSort(sort), desc, page
            ),
            follow_ups.count_follow_ups,
            FollowUpFilter(),
        )
        super().__init__(runner, columns, source, FollowUpSort.DUE_ON, parent=parent)

    # -- editing the status in place -------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == STATUS_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == STATUS_ROLE:
            row = self.row_at(index.row()) if index.isValid() else None
            return row.status.value if row is not None else None
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Pass a new status on to the page; nothing changes here until it is stored."""
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or index.column() != STATUS_COLUMN or role != Qt.ItemDataRole.EditRole:
            return False
        status = FollowUpStatus(value)
        if status is not row.status:
            self.status_requested.emit(row.id, status)
        return False

    # -- cells -----------------------------------------------------------------------------

    def _person(self, row: FollowUpListRow) -> str:
        return row.person_name if row.person_id is not None else self.tr("Anonymous")

    def _ticket_tip(self, row: FollowUpListRow) -> str:
        if row.ticket_code is None:
            return ""
        return self.tr("Ticket code: %1").replace("%1", ticket_text(row.ticket_code))

    def _feedback(self, row: FollowUpListRow) -> str:
        if row.feedback_on is not None:
            return date_text(row.feedback_on)
        return self.tr("Owed") if row.feedback_owed else ""
