"""Carry-over on a new talk: the person's open follow-ups and their last talk, updated in place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.values import FeedbackHow
from talkdesk.services.follow_ups import FollowUpListRow
from talkdesk.services.talks import TalkListRow
from talkdesk.ui.labels import label, topics_text
from talkdesk.ui.models.formats import date_text, datetime_text

ITEM_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Feedback:
    on: date
    how: FeedbackHow
    text: str


@dataclass(frozen=True)
class ItemUpdate:
    """What the user entered for an open follow-up: a resolution and/or feedback given."""

    item_id: int
    resolution: str = ""
    feedback: Feedback | None = None


class CarryOverPanel(QWidget):
    """The chosen person's open follow-ups and last talk.

    Signals:
        update_requested(ItemUpdate): the user resolved an item or recorded feedback; the form
            stores it and calls `show_items` again.
    """

    update_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = date.today()
        self.last_talk_label = QLabel()
        self.last_talk_label.setWordWrap(True)
        self.items = QListWidget()
        self.items.setWordWrap(True)
        self.items.setAlternatingRowColors(True)
        self.resolve_button = QPushButton(self.tr("Mark &resolved…"))
        self.feedback_button = QPushButton(self.tr("Record &feedback…"))
        self.dialog: ItemDialog | None = None

        last = QGroupBox(self.tr("Last talk"))
        QVBoxLayout(last).addWidget(self.last_talk_label)
        open_box = QGroupBox(self.tr("Open follow-ups"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.feedback_button)
        buttons.addStretch()
        box_layout = QVBoxLayout(open_box)
        box_layout.addWidget(self.items, 1)
        box_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(last)
        layout.addWidget(open_box, 1)

        self.resolve_button.clicked.connect(lambda: self._ask(resolve=True))
        self.feedback_button.clicked.connect(lambda: self._ask(resolve=False))
        self.items.currentRowChanged.connect(self._enable)
        self.show_items([], None, self._today)

    def show_items(
        self, items: list[FollowUpListRow], last: TalkListRow | None, today: date
    ) -> None:
        self._today = today
        self.items.clear()
        for row in items:
            due = self.tr("due %1").replace("%1", date_text(row.due_on)) if row.due_on else ""
            parts = [row.title, label(row.status), row.handler, due]
            item = QListWidgetItem(" · ".join(p for p in parts if p))
            item.setData(ITEM_ROLE, row.id)
            self.items.addItem(item)
        if not items:
            empty = QListWidgetItem(self.tr("No open follow-ups."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.items.addItem(empty)
        if last is None:
            self.last_talk_label.setText(self.tr("No earlier talk recorded."))
        else:
            topics = topics_text(last.topics) or self.tr("no topics ticked")
            self.last_talk_label.setText(
                f"{datetime_text(last.held_at)} · {label(last.kind)}\n{topics}"
            )
        self._enable()

    def item_ids(self) -> list[int]:
        found = (self.items.item(i).data(ITEM_ROLE) for i in range(self.items.count()))
        return [i for i in found if i is not None]

    def select_item(self, item_id: int) -> None:
        for i in range(self.items.count()):
            if self.items.item(i).data(ITEM_ROLE) == item_id:
                self.items.setCurrentRow(i)

    def _current(self) -> int | None:
        item = self.items.currentItem()
        return item.data(ITEM_ROLE) if item is not None else None

    def _enable(self) -> None:
        chosen = self._current() is not None
        self.resolve_button.setEnabled(chosen)
        self.feedback_button.setEnabled(chosen)

    def _ask(self, resolve: bool) -> None:
        item_id = self._current()
        if item_id is None:
            return
        dialog = ItemDialog(item_id, resolve, self._today, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(self.update_requested)
        self.dialog = dialog
        dialog.open()


class ItemDialog(QDialog):
    """Resolve an open follow-up (with the resolution), and/or record the feedback given.

    Signals:
        submitted(ItemUpdate): OK was pressed with what is needed filled in.
    """

    submitted = Signal(object)

    def __init__(self, item_id: int, resolve: bool, today: date, parent: QWidget) -> None:
        super().__init__(parent)
        self._item_id = item_id
        self._resolve = resolve
        self.setWindowTitle(self.tr("Mark resolved") if resolve else self.tr("Record feedback"))
        self.resolution_edit = QPlainTextEdit()
        self.resolution_edit.setTabChangesFocus(True)
        self.resolution_edit.setFixedHeight(70)
        self.feedback_box = QGroupBox(self.tr("Feedback given to the person"))
        self.feedback_box.setCheckable(resolve)  # resolving: feedback is optional
        self.feedback_box.setChecked(not resolve)
        self.date_edit = QDateEdit(QDate(today))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.how_combo = QComboBox()
        for how in FeedbackHow:
            self.how_combo.addItem(label(how), how)
        self.told_edit = QPlainTextEdit()
        self.told_edit.setTabChangesFocus(True)
        self.told_edit.setFixedHeight(70)
        told = QFormLayout(self.feedback_box)
        told.addRow(self.tr("&On:"), self.date_edit)
        told.addRow(self.tr("&How:"), self.how_combo)
        told.addRow(self.tr("&What they were told:"), self.told_edit)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        if resolve:
            form = QFormLayout()
            form.addRow(self.tr("How it was &resolved:"), self.resolution_edit)
            layout.addLayout(form)
        else:
            self.resolution_edit.hide()
        layout.addWidget(self.feedback_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def value(self) -> ItemUpdate:
        feedback = None
        if self.feedback_box.isChecked():
            feedback = Feedback(
                on=self.date_edit.date().toPython(),  # type: ignore[arg-type]
                how=FeedbackHow(self.how_combo.currentData()),
                text=self.told_edit.toPlainText().strip(),
            )
        return ItemUpdate(self._item_id, self.resolution_edit.toPlainText().strip(), feedback)

    def _submit(self) -> None:
        data = self.value()
        problem = ""
        if self._resolve and not data.resolution:
            problem = self.tr("Please say how the matter was resolved.")
        elif data.feedback is not None and not data.feedback.text:
            problem = self.tr("Please say what the person was told.")
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        self.submitted.emit(data)
        self.accept()
