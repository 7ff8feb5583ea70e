"""What every content page shares: refresh only when shown and concerned, and error messages."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from talkdesk.domain.clock import today
from talkdesk.domain.errors import TalkdeskError
from talkdesk.services.changes import Changes, Entity
from talkdesk.ui.messages import error_text
from talkdesk.ui.models.table import PagedTableModel, RowsTableModel
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services


class ContentPage(QWidget):
    """A page of the main window.

    A page reads nothing until it is first shown or `reload()` is called; a
    change that concerns it while hidden only marks it stale, so a change on
    one page does not make every hidden page query the database.

    Attributes:
        concerns: the kinds of record this page shows.
    """

    concerns: frozenset[Entity] = frozenset()

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._stale = True

    def on_changes(self, changes: Changes) -> None:
        """Refresh if the change concerns this page (now if shown, else when next shown)."""
        if not changes.any_of(*self.concerns):
            return
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Read everything the page shows again."""
        self._stale = False
        self._load()

    def forget(self) -> None:
        """The workspace was locked: drop what the page shows, read it again when next shown."""
        self._stale = True
        for model in self.findChildren(RowsTableModel):
            if isinstance(model, PagedTableModel):
                model.clear()
            else:
                model.set_rows([])
        self._forget()

    def _forget(self) -> None:
        """Clear what the page shows besides its table models (names, counts)."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _load(self) -> None:
        raise NotImplementedError

    def _today(self) -> date:
        return today(self._services.session.context.clock)

    def _show_error(self, error: TalkdeskError) -> None:
        """Say what went wrong in a message box that does not block the event loop."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ContentPage", "talkdesk"),
            error_text(error),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
