"""After a crash or a power cut: the talk records that were open are offered back once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from talkdesk.ui.models.formats import datetime_text
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.talks import TalkListRow, TalksService

LISTED = 5


class DraftRecovery(QObject):
    """Asks the talks service for drafts left open when talkdesk last ended.

    Signals:
        open_requested(int): the user chose to open the newest of them (a talk id).
    """

    open_requested = Signal(int)

    def __init__(self, talks: TalksService, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._talks = talks
        self._runner = runner
        self._parent = parent
        self.box: QMessageBox | None = None

    def check(self) -> None:
        self._runner.submit(self._talks.take_interrupted_drafts, self._offer)

    def _offer(self, drafts: list[TalkListRow]) -> None:
        if not drafts:
            return
        lines = [
            self.tr("%1 · %2 (talker: %3)")
            .replace("%1", datetime_text(d.held_at))
            .replace("%2", d.person_name)
            .replace("%3", d.talker_name)
            for d in drafts[:LISTED]
        ]
        if len(drafts) > LISTED:
            lines.append(self.tr("… and %n more", "", len(drafts) - LISTED))
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Unfinished talk records"),
            self.tr(
                "talkdesk ended while these talk records were open. Everything saved up "
                "to then was kept as a draft:"
            ),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            self._parent,
        )
        box.setInformativeText("\n".join(lines))
        box.button(QMessageBox.StandardButton.Open).setText(self.tr("Open the newest"))
        box.button(QMessageBox.StandardButton.Close).setText(self.tr("Later"))
        box.setDefaultButton(QMessageBox.StandardButton.Open)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        newest = drafts[0].id
        box.accepted.connect(lambda: self.open_requested.emit(newest))
        box.destroyed.connect(self._forget_box)
        self.box = box
        box.open()

    def _forget_box(self) -> None:
        self.box = None
