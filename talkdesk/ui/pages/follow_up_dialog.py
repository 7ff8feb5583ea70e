"""One follow-up in full: its fields, where it came from, the feedback, and its whole history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.values import FollowUpStatus
from talkdesk.services.follow_ups import EventKind, FollowUpDetail, FollowUpEvent, ticket_text
from talkdesk.ui.labels import label
from talkdesk.ui.models.formats import date_text, datetime_text
from talkdesk.ui.pages.follow_up_actions import FollowUpActions
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services


def link_button(parent: QWidget | None = None) -> QPushButton:
    """A button that looks like a link (opens another page)."""
    button = QPushButton(parent)
    button.setObjectName("link")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet("text-align: left;")
    return button


class FollowUpDialog(QDialog):
    """The full record of a follow-up and the actions on it; refreshed after each action.

    Attributes:
        item_actions: the dialogs and service calls behind the buttons.
        history: one line per event, oldest first (when, what happened, the note).

    Signals:
        open_page(str, str): open the talk it came from ("talks", "talk:ID") or the person
            ("people", "person:ID"); the dialog closes.
    """

    open_page = Signal(str, str)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        detail: FollowUpDetail,
        today: Callable[[], date],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._detail = detail
        self.item_actions = FollowUpActions(services, runner, self, today)
        self.setWindowTitle(self.tr("Follow-up"))

        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.ticket_label = QLabel()
        self.ticket_label.setObjectName("notice")
        self.ticket_label.setWordWrap(True)
        self.ticket_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.person_link = link_button()
        self.person_text = QLabel()
        self.department_label = QLabel()
        self.source_label = QLabel()
        self.talk_link = link_button()
        self.handler_label = QLabel()
        self.due_label = QLabel()
        self.created_label = QLabel()
        self.closed_label = QLabel()
        self.detail_label = self._wrapping()
        self.resolution_caption = QLabel()
        self.resolution_label = self._wrapping()
        self.feedback_label = self._wrapping()
        self.history = QTreeWidget()
        self.history.setColumnCount(3)
        self.history.setHeaderLabels([self.tr("When"), self.tr("Event"), self.tr("Note")])
        self.history.setRootIsDecorated(False)
        self.history.setAlternatingRowColors(True)
        self.history.setWordWrap(True)
        self.history.setUniformRowHeights(False)
        header = self.history.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.status_button = QPushButton(self.tr("Change &status"))
        self.status_menu = QMenu(self.status_button)
        self.status_button.setMenu(self.status_menu)
        self.progress_button = QPushButton(self.tr("Add &progress note…"))
        self.feedback_button = QPushButton(self.tr("Record &feedback…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        facts = QGridLayout()
        facts.setHorizontalSpacing(12)
        person = QHBoxLayout()
        person.addWidget(self.person_link)
        person.addWidget(self.person_text)
        person.addStretch()
        source = QHBoxLayout()
        source.addWidget(self.source_label)
        source.addWidget(self.talk_link)
        source.addStretch()
        facts.addWidget(self._caption(self.tr("Person:")), 0, 0)
        facts.addLayout(person, 0, 1)
        facts.addWidget(self._caption(self.tr("Department:")), 0, 2)
        facts.addWidget(self.department_label, 0, 3)
        facts.addWidget(self._caption(self.tr("Source:")), 1, 0)
        facts.addLayout(source, 1, 1)
        facts.addWidget(self._caption(self.tr("Handler:")), 1, 2)
        facts.addWidget(self.handler_label, 1, 3)
        facts.addWidget(self._caption(self.tr("Due:")), 2, 0)
        facts.addWidget(self.due_label, 2, 1)
        facts.addWidget(self._caption(self.tr("Recorded:")), 2, 2)
        facts.addWidget(self.created_label, 2, 3)
        facts.addWidget(self._caption(self.tr("Details:")), 3, 0, Qt.AlignmentFlag.AlignTop)
        facts.addWidget(self.detail_label, 3, 1, 1, 3)
        facts.addWidget(self.resolution_caption, 4, 0, Qt.AlignmentFlag.AlignTop)
        facts.addWidget(self.resolution_label, 4, 1, 1, 3)
        facts.setColumnStretch(1, 1)
        facts.setColumnStretch(3, 1)

        feedback_box = QGroupBox(self.tr("Feedback to the person"))
        QVBoxLayout(feedback_box).addWidget(self.feedback_label)
        history_box = QGroupBox(self.tr("History"))
        QVBoxLayout(history_box).addWidget(self.history)

        actions = QHBoxLayout()
        for button in (
            self.edit_button,
            self.status_button,
            self.progress_button,
            self.feedback_button,
        ):
            actions.addWidget(button)
        actions.addStretch()
        actions.addWidget(self.buttons)

        top = QHBoxLayout()
        top.addWidget(self.status_label)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(top)
        layout.addWidget(self.ticket_label)
        layout.addLayout(facts)
        layout.addWidget(feedback_box)
        layout.addWidget(history_box, 1)
        layout.addLayout(actions)
        self.resize(780, 620)

        self.person_link.clicked.connect(self._open_person)
        self.talk_link.clicked.connect(self._open_talk)
        self.edit_button.clicked.connect(lambda: self.item_actions.edit(self._detail.id))
        self.progress_button.clicked.connect(
            lambda: self.item_actions.add_progress(self._detail.id, self._detail.row.title)
        )
        self.feedback_button.clicked.connect(
            lambda: self.item_actions.record_feedback(
                self._detail.id, self._detail.row.title, self._detail.row.person_id is None
            )
        )
        self.item_actions.stored.connect(self.show_detail)
        self.show_detail(detail)

    @property
    def detail(self) -> FollowUpDetail:
        return self._detail

    def show_detail(self, detail: FollowUpDetail) -> None:
        """Show the item as stored now (after an action here, or when opened)."""
        if detail.id != self._detail.id:
            return
        self._detail = detail
        row = detail.row
        self.title_label.setText(row.title)
        overdue = row.is_overdue(self._today())
        status = label(row.status)
        if overdue:
            status = self.tr("%1 · overdue").replace("%1", status)
        self.status_label.setText(self.tr("Status: %1").replace("%1", status))
        self.status_label.setStyleSheet("color: #c62828;" if overdue else "")
        if detail.ticket_code is not None:
            self.ticket_label.setText(
                self.tr(
                    "Ticket code: %1 — whoever holds this code is told the answer; "
                    "match the code when they ask."
                ).replace("%1", ticket_text(detail.ticket_code))
            )
        self.ticket_label.setVisible(detail.ticket_code is not None)
        named = row.person_id is not None
        self.person_link.setText(row.person_name)
        self.person_link.setVisible(named)
        self.person_text.setText("" if named else self.tr("Anonymous"))
        self.person_text.setVisible(not named)
        self.department_label.setText(row.department_name or "—")
        from_talk = detail.talk_id is not None and detail.talk_held_at is not None
        if from_talk:
            self.talk_link.setText(
                self.tr("The talk of %1").replace("%1", datetime_text(detail.talk_held_at))
            )
        self.talk_link.setVisible(from_talk)
        self.source_label.setText(label(row.source))
        self.source_label.setVisible(not from_talk)
        self.handler_label.setText(row.handler or "—")
        self.due_label.setText(date_text(row.due_on) or self.tr("none"))
        self.due_label.setStyleSheet("color: #c62828;" if overdue else "")
        self.created_label.setText(date_text(row.created_at.date()))
        self.detail_label.setText(detail.detail or "—")
        self._show_resolution(detail)
        self.feedback_label.setText(self._feedback_text(detail))
        self._show_history(detail.events)
        self._fill_status_menu(row.status)

    # -- parts ------------------------------------------------------------------------------

    def _show_resolution(self, detail: FollowUpDetail) -> None:
        status = detail.row.status
        closed = status.is_closed
        if status is FollowUpStatus.UNRESOLVABLE:
            caption = self.tr("Reason:")
        else:
            caption = self.tr("Resolution:")
        self.resolution_caption.setText(caption)
        self.resolution_caption.setStyleSheet("color: #5a6778;")
        text = detail.resolution
        if closed and detail.closed_on is not None:
            text = (
                self.tr("%1 (closed on %2)")
                .replace("%1", text)
                .replace("%2", date_text(detail.closed_on))
            )
        self.resolution_label.setText(text)
        self.resolution_caption.setVisible(closed)
        self.resolution_label.setVisible(closed)

    def _feedback_text(self, detail: FollowUpDetail) -> str:
        if detail.row.feedback_on is None:
            if detail.row.feedback_owed:
                return self.tr("Not yet given: the matter is closed, tell the person the outcome.")
            return self.tr("Not yet given.")
        parts = [date_text(detail.row.feedback_on)]
        if detail.feedback_how is not None:
            parts.append(label(detail.feedback_how))
        if detail.response is not None:
            parts.append(self.tr("response: %1").replace("%1", label(detail.response)))
        told = detail.feedback_text
        return " · ".join(parts) + (f"\n{told}" if told else "")

    def _show_history(self, events: tuple[FollowUpEvent, ...]) -> None:
        self.history.clear()
        for event in events:
            item = QTreeWidgetItem([datetime_text(event.at), self._event_text(event), event.note])
            item.setToolTip(2, event.note)
            self.history.addTopLevelItem(item)
        self.history.scrollToBottom()

    def _event_text(self, event: FollowUpEvent) -> str:
        kind = event.kind
        if kind is EventKind.CREATED:
            return self.tr("Recorded")
        if kind is EventKind.STATUS and event.status is not None:
            return self.tr("Status: %1").replace("%1", label(event.status))
        if kind is EventKind.PROGRESS:
            return self.tr("Progress")
        if kind is EventKind.FEEDBACK:
            return self.tr("Feedback given")
        if kind is EventKind.HANDLER:
            return self.tr("New handler")
        if kind is EventKind.DUE:
            return self.tr("New due date")
        return self.tr("Edited")

    def _fill_status_menu(self, current: FollowUpStatus) -> None:
        self.status_menu.clear()
        for status in FollowUpStatus:
            if status is current:
                continue
            text = label(status) + ("…" if status.is_closed else "")
            action = QAction(text, self.status_menu)
            action.setData(status.value)
            action.triggered.connect(
                lambda _checked=False, s=status: self.item_actions.change_status(
                    self._detail.id, self._detail.row.title, s
                )
            )
            self.status_menu.addAction(action)

    def _open_person(self) -> None:
        person_id = self._detail.row.person_id
        if person_id is not None:
            self.open_page.emit("people", f"person:{person_id}")
            self.accept()

    def _open_talk(self) -> None:
        if self._detail.talk_id is not None:
            self.open_page.emit("talks", f"talk:{self._detail.talk_id}")
            self.accept()

    @staticmethod
    def _caption(text: str) -> QLabel:
        caption = QLabel(text)
        caption.setStyleSheet("color: #5a6778;")
        return caption

    @staticmethod
    def _wrapping() -> QLabel:
        text = QLabel()
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return text
