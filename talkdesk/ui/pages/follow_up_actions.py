"""What a user does to follow-ups, shared by the Follow-ups page and the item dialog: each action
asks what it needs in a small dialog, then stores it through the service off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from talkdesk.domain.errors import TalkdeskError
from talkdesk.domain.values import FollowUpStatus
from talkdesk.services.follow_ups import FollowUpDetail, FollowUpInput
from talkdesk.services.people import PeopleFilter
from talkdesk.services.query import Page
from talkdesk.ui.messages import error_text
from talkdesk.ui.pages.follow_up_edit import EditChoices, ItemEditDialog
from talkdesk.ui.pages.follow_up_forms import (
    BulkDialog,
    BulkInput,
    ClosingDialog,
    FeedbackDialog,
    FeedbackInput,
    ProgressDialog,
)
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services

_EVERYONE = Page(limit=5000)  # the person box lists everyone active (offices are small)


class FollowUpActions(QObject):
    """Opens the dialog an action needs (a child of `host`) and submits what it returns.

    Attributes:
        dialog: the small dialog open now, if any.

    Signals:
        stored(FollowUpDetail): one item was created or changed; here it is as stored.
        created(FollowUpDetail): a new item was stored (after `stored`).
        bulk_stored(int): this many items got a new handler or due date.
    """

    stored = Signal(object)
    created = Signal(object)
    bulk_stored = Signal(int)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        host: QWidget,
        today: Callable[[], date],
    ) -> None:
        super().__init__(host)
        self._services = services
        self._runner = runner
        self._host = host
        self._today = today
        self.dialog: QDialog | None = None

    # -- one item ---------------------------------------------------------------------------

    def change_status(self, item_id: int, title: str, status: FollowUpStatus) -> None:
        """Open or in progress at once; resolved or cannot be resolved after asking why."""
        follow_ups = self._services.follow_ups
        if not status.is_closed:
            self._store(lambda: follow_ups.set_status(item_id, status))
            return
        dialog = ClosingDialog(status, title, self._host)
        dialog.submitted.connect(
            lambda note: self._store(lambda: follow_ups.set_status(item_id, status, note))
        )
        self._open(dialog)

    def add_progress(self, item_id: int, title: str) -> None:
        follow_ups = self._services.follow_ups
        dialog = ProgressDialog(title, self._host)
        dialog.submitted.connect(
            lambda note: self._store(lambda: follow_ups.add_progress(item_id, note))
        )
        self._open(dialog)

    def record_feedback(self, item_id: int, title: str, anonymous: bool) -> None:
        follow_ups = self._services.follow_ups

        def store(given: FeedbackInput) -> None:
            self._store(
                lambda: follow_ups.record_feedback(
                    item_id, given.on, given.how, given.text, given.response
                )
            )

        dialog = FeedbackDialog(title, self._today(), anonymous, self._host)
        dialog.submitted.connect(store)
        self._open(dialog)

    def edit(self, item_id: int) -> None:
        services = self._services
        self._runner.submit(
            lambda: (self._choices(), services.follow_ups.get(item_id)),
            on_success=lambda result: self._ask_item(*result),
            on_error=self._failed,
        )

    def new_item(self) -> None:
        self._runner.submit(
            self._choices,
            on_success=lambda choices: self._ask_item(choices, None),
            on_error=self._failed,
        )

    # -- several items ------------------------------------------------------------------------

    def bulk_change(self, item_ids: list[int]) -> None:
        if not item_ids:
            return
        follow_ups = self._services.follow_ups

        def ask(handlers: list[str]) -> None:
            dialog = BulkDialog(len(item_ids), handlers, self._today(), self._host)
            dialog.submitted.connect(store)
            self._open(dialog)

        def store(change: BulkInput) -> None:
            self._runner.submit(
                lambda: follow_ups.bulk_update(item_ids, change.handler, change.due_on),
                on_success=lambda _changes: self.bulk_stored.emit(len(item_ids)),
                on_error=self._failed,
            )

        self._runner.submit(follow_ups.handlers, on_success=ask, on_error=self._failed)

    # -- helpers ------------------------------------------------------------------------------

    def _choices(self) -> EditChoices:
        """Runs on the database thread."""
        people = self._services.people.people(PeopleFilter(), _EVERYONE)
        return EditChoices(
            people=tuple(
                (p.id, f"{p.name} · {p.department_name}" if p.department_name else p.name)
                for p in people
            ),
            handlers=tuple(self._services.follow_ups.handlers()),
            today=self._today(),
        )

    def _ask_item(self, choices: EditChoices, detail: FollowUpDetail | None) -> None:
        follow_ups = self._services.follow_ups
        dialog = ItemEditDialog(choices, detail, self._host)
        if detail is None:
            dialog.submitted.connect(
                lambda data: self._store(lambda: follow_ups.create(data), created=True)
            )
        else:
            item_id = detail.id

            def store(data: FollowUpInput) -> None:
                self._store(lambda: follow_ups.update(item_id, data))

            dialog.submitted.connect(store)
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _store(self, call: Callable[[], Any], created: bool = False) -> None:
        def done(result: tuple[FollowUpDetail, Any]) -> None:
            self.stored.emit(result[0])
            if created:
                self.created.emit(result[0])

        self._runner.submit(call, on_success=done, on_error=self._failed)

    def _failed(self, error: TalkdeskError) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ContentPage", "talkdesk"),
            error_text(error),
            QMessageBox.StandardButton.Ok,
            self._host,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
