"""The Follow-ups page: every follow-up item in a plain, sortable list read a page at a time."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from talkdesk.domain.values import FollowUpStatus
from talkdesk.services.changes import Entity
from talkdesk.services.follow_ups import FollowUpFilter
from talkdesk.ui.labels import label
from talkdesk.ui.models.follow_ups_model import FollowUpsModel
from talkdesk.ui.pages.base import ContentPage
from talkdesk.ui.pages.record_table import RecordTable
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services


class StatusChoice(StrEnum):
    """The status filter's choices besides the single statuses."""

    ALL = "all"
    NOT_CLOSED = "not_closed"
    OVERDUE = "overdue"
    FEEDBACK_OWED = "feedback_owed"


class FollowUpsPage(ContentPage):
    """Follow-ups filtered by status, soonest due first; overdue due dates in red."""

    concerns = frozenset({Entity.FOLLOW_UP, Entity.PERSON, Entity.DEPARTMENT})

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, runner, parent)
        self.model = FollowUpsModel(services.follow_ups, runner, self._today, self)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All"), StatusChoice.ALL.value)
        self.status_combo.addItem(self.tr("Not closed"), StatusChoice.NOT_CLOSED.value)
        self.status_combo.addItem(self.tr("Overdue"), StatusChoice.OVERDUE.value)
        self.status_combo.addItem(self.tr("Awaiting feedback"), StatusChoice.FEEDBACK_OWED.value)
        for status in FollowUpStatus:
            self.status_combo.addItem(label(status), status.value)
        # the page opens on what still needs doing
        self.status_combo.setCurrentIndex(self.status_combo.findData(StatusChoice.NOT_CLOSED.value))
        self.count_label = QLabel()
        self.table = RecordTable(self.model, widths=(240, 80, 120, 80, 150, 95, 80, 95), stretch=0)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Status:")))
        filters.addWidget(self.status_combo)
        filters.addStretch()
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self.status_combo.currentIndexChanged.connect(self._apply_filter)
        self.model.total_changed.connect(self._show_count)
        self._wanted: int | None = None  # a follow-up to select once its row is loaded
        self.model.loaded.connect(self._select_wanted)

    def show_status(self, choice: StatusChoice | FollowUpStatus) -> None:
        """Show only this status or group (e.g. when opened from an overview card)."""
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(choice.value)))

    def show_item(self, choice: str) -> None:
        """Open what a Today line or card stands for: a status group ("overdue") or one
        follow-up ("follow_up:7"), selected, with all statuses shown if the filter hides it."""
        kind, _, value = choice.partition(":")
        if kind != "follow_up" or not value.isdigit():
            if choice in StatusChoice.__members__.values():
                self.show_status(StatusChoice(choice))
            return
        self._wanted = int(value)
        self._select_wanted()

    def _select_wanted(self) -> None:
        """Select the wanted row if loaded; else read on, then widen the filter, then give up."""
        wanted, model = self._wanted, self.model
        if wanted is None or model.loading:
            return  # the next `loaded` comes back here
        row = model.find_row(lambda r: r.id == wanted)
        if row is not None:
            self._wanted = None
            self.table.selectRow(row)
            self.table.scrollTo(model.index(row, 0))
        elif model.total is None:
            self.reload()  # never read yet (the page was hidden)
        elif model.canFetchMore():
            model.fetchMore()
        elif self.status_combo.currentData() != StatusChoice.ALL.value:
            self.show_status(StatusChoice.ALL)
        else:
            self._wanted = None  # gone (deleted meanwhile)

    def _load(self) -> None:
        flt = self._filter()
        if flt != self.model.filter:
            self.model.set_filter(flt)
        else:
            self.model.reload()

    def _filter(self) -> FollowUpFilter:
        choice = self.status_combo.currentData()
        if choice == StatusChoice.NOT_CLOSED:
            return FollowUpFilter(open_only=True)
        if choice == StatusChoice.OVERDUE:
            return FollowUpFilter(open_only=True, overdue_on=self._today())
        if choice == StatusChoice.FEEDBACK_OWED:
            return FollowUpFilter(feedback_owed=True)
        if choice in FollowUpStatus.__members__.values():
            return FollowUpFilter(status=FollowUpStatus(choice))
        return FollowUpFilter()

    def _apply_filter(self) -> None:
        self.model.set_filter(self._filter())

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("%n follow-up(s)", "", total))
