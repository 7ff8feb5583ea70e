"""The Follow-ups page: the closed loop from a problem raised to the person told the outcome.

A lazily read, server-sorted table with filters; the status changes in place (a
combo in the status column, a menu, or the buttons); each item opens in full with
its history; new items come from the suggestion box, surveys and elsewhere; the
handler or due date of many items changes at once; and the count of items whose
feedback is still owed is always in view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.values import FollowUpStatus
from talkdesk.services.changes import Entity
from talkdesk.services.follow_ups import FollowUpDetail, FollowUpFilter, FollowUpListRow
from talkdesk.services.people import DepartmentRow
from talkdesk.ui.labels import label
from talkdesk.ui.models.follow_ups_model import STATUS_COLUMN, FollowUpsModel
from talkdesk.ui.pages.base import ContentPage
from talkdesk.ui.pages.follow_up_actions import FollowUpActions
from talkdesk.ui.pages.follow_up_delegate import StatusDelegate
from talkdesk.ui.pages.follow_up_dialog import FollowUpDialog, link_button
from talkdesk.ui.pages.follow_up_filters import FollowUpFilterBar, StatusChoice
from talkdesk.ui.pages.record_table import RecordTable
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services

__all__ = ["FollowUpsPage", "StatusChoice"]


class FollowUpsPage(ContentPage):
    """Follow-ups filtered and sorted, with every action of the closed loop.

    Attributes:
        filters: the filter bar (`status_combo` is its status filter).
        item_actions: the dialogs and service calls behind the buttons and menus.
        item_dialog: the item shown in full, if one is open.

    Signals:
        open_page(str, str): open another page's item ("talks", "talk:12"), from an
            item's links.
    """

    concerns = frozenset({Entity.FOLLOW_UP, Entity.PERSON, Entity.DEPARTMENT})
    open_page = Signal(str, str)

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, runner, parent)
        self.model = FollowUpsModel(services.follow_ups, runner, self._today, self)
        self.filters = FollowUpFilterBar()
        self.status_combo = self.filters.status_combo
        self.item_actions = FollowUpActions(services, runner, self, self._today)
        self.item_dialog: FollowUpDialog | None = None
        self.context_menu: QMenu | None = None

        self.new_button = QPushButton(self.tr("&New follow-up…"))
        self.new_button.setToolTip(
            self.tr("A matter from the suggestion box, a survey or elsewhere")
        )
        self.details_button = QPushButton(self.tr("&Details…"))
        self.status_button = QPushButton(self.tr("Change &status"))
        self.status_menu = QMenu(self.status_button)
        self._fill_status_menu(self.status_menu)
        self.status_button.setMenu(self.status_menu)
        self.progress_button = QPushButton(self.tr("&Progress note…"))
        self.feedback_button = QPushButton(self.tr("Record &feedback…"))
        self.bulk_button = QPushButton(self.tr("&Handler or due date…"))
        self.bulk_button.setToolTip(self.tr("Change the handler or due date of the chosen rows"))
        self.owed_button = link_button()
        self.owed_button.setToolTip(self.tr("Show the items whose feedback is still owed"))
        self.count_label = QLabel()

        self.table = RecordTable(
            self.model, widths=(230, 100, 100, 90, 120, 95, 90, 110), stretch=0
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.status_delegate = StatusDelegate(self.table)
        self.table.setItemDelegateForColumn(STATUS_COLUMN, self.status_delegate)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.details_button,
            self.status_button,
            self.progress_button,
            self.feedback_button,
            self.bulk_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.owed_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)

        # reading
        self.filters.changed.connect(self._apply_filter)
        self.model.total_changed.connect(self._show_count)
        self._wanted: int | None = None  # a follow-up to select once its row is loaded
        self.model.loaded.connect(self._select_wanted)
        # acting
        self.new_button.clicked.connect(self.item_actions.new_item)
        self.details_button.clicked.connect(self._open_current)
        self.table.activated.connect(self._open_current)  # a double-click, or Enter
        self.progress_button.clicked.connect(self._add_progress)
        self.feedback_button.clicked.connect(self._record_feedback)
        self.bulk_button.clicked.connect(self._bulk_change)
        self.owed_button.clicked.connect(lambda: self.show_status(StatusChoice.FEEDBACK_OWED))
        self.model.status_requested.connect(self._change_status)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.item_actions.created.connect(self._show_created)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.model.modelReset.connect(self._enable)
        self._enable()

    # -- what other pages ask for ------------------------------------------------------------

    def show_status(self, choice: StatusChoice | FollowUpStatus) -> None:
        """Show only this status or group (e.g. when opened from an overview card)."""
        self.filters.show_status(choice.value)

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

    def open_item(self, item_id: int) -> None:
        """Show one follow-up in full (its fields, feedback and history) in a dialog."""
        self._runner.submit(
            lambda: self._services.follow_ups.get(item_id),
            on_success=self._show_item_dialog,
            on_error=self._show_error,
        )

    # -- selection ---------------------------------------------------------------------------

    def selected_rows(self) -> list[FollowUpListRow]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [r for r in map(self.model.row_at, rows) if r is not None]

    def current_row(self) -> FollowUpListRow | None:
        """The row the single-item actions act on: the one selected (None when several are)."""
        selected = self.selected_rows()
        return selected[0] if len(selected) == 1 else None

    def _select_wanted(self) -> None:
        """Select the wanted row if loaded; else read on, then widen the filter, then give up."""
        wanted, model = self._wanted, self.model
        if wanted is None or model.loading:
            return  # the next `loaded` comes back here
        row = model.find_row(lambda r: r.id == wanted)
        if row is not None:
            self._wanted = None
            self.table.selectRow(row)
            self.table.setCurrentIndex(model.index(row, 0))
            self.table.scrollTo(model.index(row, 0))
        elif model.total is None:
            self.reload()  # never read yet (the page was hidden)
        elif model.canFetchMore():
            model.fetchMore()
        elif self.model.filter != FollowUpFilter():
            self.show_status(StatusChoice.ALL)
        else:
            self._wanted = None  # gone (deleted meanwhile)

    def _enable(self) -> None:
        one = self.current_row() is not None
        for button in (
            self.details_button,
            self.status_button,
            self.progress_button,
            self.feedback_button,
        ):
            button.setEnabled(one)
        self.bulk_button.setEnabled(bool(self.selected_rows()))
        row = self.current_row()
        if row is not None:
            for action in self.status_menu.actions():
                action.setEnabled(action.data() != row.status.value)

    # -- reading -----------------------------------------------------------------------------

    def _load(self) -> None:
        flt = self._filter()
        if flt != self.model.filter:
            self.model.set_filter(flt)
        else:
            self.model.reload()
        services = self._services
        self._runner.submit(
            lambda: (
                services.follow_ups.handlers(),
                services.people.departments(),
                services.follow_ups.count_follow_ups(FollowUpFilter(feedback_owed=True)),
            ),
            on_success=self._show_choices,
        )

    def _filter(self) -> FollowUpFilter:
        return self.filters.filter(self._today())

    def _apply_filter(self) -> None:
        self.model.set_filter(self._filter())

    def _show_choices(self, result: tuple[list[str], list[DepartmentRow], int]) -> None:
        handlers, departments, owed = result
        self.filters.show_handlers(handlers)
        self.filters.show_departments(departments)
        self.owed_button.setText(self.tr("%n awaiting feedback", "", owed))
        self.owed_button.setVisible(owed > 0)
        self._apply_filter()  # a chosen handler or department may be gone

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("%n follow-up(s)", "", total))

    def _forget(self) -> None:
        self.count_label.clear()
        self.owed_button.hide()
        self.filters.forget()

    # -- acting ------------------------------------------------------------------------------

    def _open_current(self, _index: QModelIndex | None = None) -> None:
        row = self.current_row()
        if row is not None:
            self.open_item(row.id)

    def _show_item_dialog(self, detail: FollowUpDetail) -> None:
        if self.item_dialog is not None:
            self.item_dialog.close()
        dialog = FollowUpDialog(self._services, self._runner, detail, self._today, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_page.connect(self.open_page)
        dialog.destroyed.connect(lambda: setattr(self, "item_dialog", None))
        self.item_dialog = dialog
        dialog.open()

    def _show_created(self, detail: FollowUpDetail) -> None:
        """A new item opens in full, so its ticket code (if anonymous) can be handed over."""
        self._show_item_dialog(detail)

    def _change_status(self, item_id: int, status: FollowUpStatus) -> None:
        row = self.model.find_row(lambda r: r.id == item_id)
        found = self.model.row_at(row) if row is not None else None
        if found is not None and found.status is not status:
            self.item_actions.change_status(item_id, found.title, status)

    def _add_progress(self) -> None:
        row = self.current_row()
        if row is not None:
            self.item_actions.add_progress(row.id, row.title)

    def _record_feedback(self) -> None:
        row = self.current_row()
        if row is not None:
            self.item_actions.record_feedback(row.id, row.title, row.person_id is None)

    def _bulk_change(self) -> None:
        self.item_actions.bulk_change([r.id for r in self.selected_rows()])

    def _fill_status_menu(self, menu: QMenu) -> None:
        for status in FollowUpStatus:
            text = label(status) + ("…" if status.is_closed else "")
            action = QAction(text, menu)
            action.setData(status.value)
            action.triggered.connect(lambda _checked=False, s=status: self._status_for_current(s))
            menu.addAction(action)

    def _status_for_current(self, status: FollowUpStatus) -> None:
        row = self.current_row()
        if row is not None:
            self._change_status(row.id, status)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        if not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        self.table.setCurrentIndex(index)
        row = self.current_row()
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if row is not None:
            menu.addAction(self.tr("Details…"), self._open_current)
            status_menu = menu.addMenu(self.tr("Change status"))
            self._fill_status_menu(status_menu)
            for action in status_menu.actions():
                action.setEnabled(action.data() != row.status.value)
            menu.addAction(self.tr("Progress note…"), self._add_progress)
            menu.addAction(self.tr("Record feedback…"), self._record_feedback)
            menu.addSeparator()
        menu.addAction(self.tr("Handler or due date…"), self._bulk_change)
        if row is not None and row.person_id is not None:
            person = f"person:{row.person_id}"
            menu.addAction(
                self.tr("Show %1").replace("%1", row.person_name),
                lambda: self.open_page.emit("people", person),
            )
        self.context_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))
