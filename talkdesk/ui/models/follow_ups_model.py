"""The follow-ups list: one row per item, a page at a time, sorted by the service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from talkdesk.services.follow_ups import (
    FollowUpFilter,
    FollowUpListRow,
    FollowUpSort,
    FollowUpsService,
)
from talkdesk.ui.labels import label
from talkdesk.ui.models.formats import date_text
from talkdesk.ui.models.table import CENTER, Column, ListSource, PagedTableModel
from talkdesk.ui.tasks import TaskRunner

OVERDUE = QColor("#c62828")


class FollowUpsModel(PagedTableModel[FollowUpListRow, FollowUpFilter]):
    """Follow-ups matching a filter, soonest due first; overdue due dates in red."""

    def __init__(
        self,
        follow_ups: FollowUpsService,
        runner: TaskRunner,
        today: Callable[[], date],
        parent: QObject | None = None,
    ) -> None:
        columns: list[Column[FollowUpListRow]] = [
            Column(lambda: self.tr("What"), lambda r: r.title, FollowUpSort.TITLE),
            Column(lambda: self.tr("Person"), self._person, FollowUpSort.PERSON),
            Column(lambda: self.tr("Department"), lambda r: r.department_name),
            Column(lambda: self.tr("Source"), lambda r: label(r.source)),
            Column(lambda: self.tr("Handler"), lambda r: r.handler, FollowUpSort.HANDLER),
            Column(
                lambda: self.tr("Due"),
                lambda r: date_text(r.due_on),
                FollowUpSort.DUE_ON,
                align=CENTER,
                foreground=lambda r: OVERDUE if r.is_overdue(today()) else None,
                tooltip=lambda r: self.tr("Overdue") if r.is_overdue(today()) else "",
            ),
            Column(lambda: self.tr("Status"), lambda r: label(r.status), FollowUpSort.STATUS),
            Column(
                lambda: self.tr("Feedback given"), lambda r: date_text(r.feedback_on), align=CENTER
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

    def _person(self, row: FollowUpListRow) -> str:
        return row.person_name if row.person_id is not None else self.tr("Anonymous")
