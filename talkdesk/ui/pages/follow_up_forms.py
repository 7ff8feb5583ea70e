"""The small dialogs that move a follow-up on: a closing note, progress, feedback, bulk changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.values import FeedbackHow, FollowUpStatus, Response
from talkdesk.ui.labels import label
from talkdesk.ui.layouts import error_label


@dataclass(frozen=True)
class FeedbackInput:
    """What the person was told, when and how, and how they took it."""

    on: date
    how: FeedbackHow
    text: str
    response: Response | None


@dataclass(frozen=True)
class Problem:
    """What is missing or wrong in a dialog's form, worded for the user."""

    text: str


@dataclass(frozen=True)
class BulkInput:
    """A new handler and/or due date for several items (None: leave as it is)."""

    handler: str | None
    due_on: date | None


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def note_edit(height: int = 90) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def handler_combo(handlers: Sequence[str], current: str = "") -> QComboBox:
    """An editable handler box that offers everyone who handles items already."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(list(handlers))
    combo.setCurrentText(current)
    completer, line = combo.completer(), combo.lineEdit()
    assert completer is not None and line is not None  # an editable combo has both
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    line.setMaxLength(100)
    return combo


class FormDialog(QDialog):
    """A form, an inline error line and OK/Cancel; OK emits `submitted` once the form is valid.

    Signals:
        submitted(object): the value the dialog was asked for.
    """

    submitted = Signal(object)

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def heading(self, text: str) -> QLabel:
        """The item's title above the form, so the user sees what they act on."""
        self.heading_label = QLabel(text)
        self.heading_label.setWordWrap(True)
        self.heading_label.setStyleSheet("font-weight: 600;")
        return self.heading_label

    def show_problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _value(self) -> object:
        """The value, or a Problem saying what is missing."""
        raise NotImplementedError

    def _submit(self) -> None:
        value = self._value()
        if isinstance(value, Problem):
            self.show_problem(value.text)
            return
        self.submitted.emit(value)
        self.accept()


class ClosingDialog(FormDialog):
    """Asks how a matter was resolved, or why it cannot be; emits the text."""

    def __init__(self, status: FollowUpStatus, title: str, parent: QWidget) -> None:
        resolved = status is FollowUpStatus.RESOLVED
        super().__init__(
            self.tr("Mark resolved") if resolved else self.tr("Cannot be resolved"), parent
        )
        self._resolved = resolved
        self.note_edit = note_edit()
        self.form.addRow(self.heading(title))
        self.form.addRow(
            self.tr("How it was &resolved:") if resolved else self.tr("&Reason:"), self.note_edit
        )

    def _value(self) -> object:
        text = self.note_edit.toPlainText().strip()
        if text:
            return text
        if self._resolved:
            return Problem(self.tr("Please say how the matter was resolved."))
        return Problem(self.tr("Please give the reason it cannot be resolved."))


class ProgressDialog(FormDialog):
    """Asks what was done; the note is dated when it is stored."""

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(self.tr("Add a progress note"), parent)
        self.note_edit = note_edit()
        self.form.addRow(self.heading(title))
        self.form.addRow(self.tr("What was &done:"), self.note_edit)

    def _value(self) -> object:
        text = self.note_edit.toPlainText().strip()
        return text or Problem(self.tr("Please say what was done."))


class FeedbackDialog(FormDialog):
    """Asks when and how the person was told the outcome, what they were told and how they
    took it; emits a FeedbackInput."""

    def __init__(self, title: str, today: date, anonymous: bool, parent: QWidget) -> None:
        super().__init__(self.tr("Record feedback"), parent)
        self.date_edit = date_edit(today)
        self.date_edit.setMaximumDate(qdate(today))
        self.how_combo = QComboBox()
        for how in FeedbackHow:
            self.how_combo.addItem(label(how), how.value)
        if anonymous:  # a ticket holder is usually answered on the notice board
            self.how_combo.setCurrentIndex(self.how_combo.findData(FeedbackHow.WRITING.value))
        self.told_edit = note_edit()
        self.response_combo = QComboBox()
        self.response_combo.addItem(self.tr("(not known)"), None)
        for response in Response:
            self.response_combo.addItem(label(response), response.value)
        self.form.addRow(self.heading(title))
        self.form.addRow(self.tr("&On:"), self.date_edit)
        self.form.addRow(self.tr("&How:"), self.how_combo)
        self.form.addRow(self.tr("&What they were told:"), self.told_edit)
        self.form.addRow(self.tr("Their &response:"), self.response_combo)

    def _value(self) -> object:
        text = self.told_edit.toPlainText().strip()
        if not text:
            return Problem(self.tr("Please say what the person was told."))
        response = self.response_combo.currentData()
        return FeedbackInput(
            on=self.date_edit.date().toPython(),  # type: ignore[arg-type]
            how=FeedbackHow(self.how_combo.currentData()),
            text=text,
            response=Response(response) if response is not None else None,
        )


class BulkDialog(FormDialog):
    """A new handler and/or due date for the chosen items; emits a BulkInput."""

    def __init__(self, count: int, handlers: Sequence[str], today: date, parent: QWidget) -> None:
        super().__init__(self.tr("Change handler or due date"), parent)
        heading = self.heading(self.tr("For the %n chosen follow-up(s):", "", count))
        self.handler_check = QCheckBox(self.tr("New &handler:"))
        self.handler_combo = handler_combo(handlers)
        self.due_check = QCheckBox(self.tr("New &due date:"))
        self.due_edit = date_edit(today)
        self.form.addRow(heading)
        self.form.addRow(self.handler_check, self.handler_combo)
        self.form.addRow(self.due_check, self.due_edit)
        self.handler_combo.setEnabled(False)
        self.due_edit.setEnabled(False)
        self.handler_check.toggled.connect(self.handler_combo.setEnabled)
        self.due_check.toggled.connect(self.due_edit.setEnabled)

    def _value(self) -> object:
        handler = self.handler_combo.currentText().strip()
        if not self.handler_check.isChecked() and not self.due_check.isChecked():
            return Problem(self.tr("Tick what to change: the handler, the due date or both."))
        if self.handler_check.isChecked() and not handler:
            return Problem(self.tr("Please name the new handler."))
        due = self.due_edit.date().toPython() if self.due_check.isChecked() else None
        return BulkInput(
            handler if self.handler_check.isChecked() else None,
            due,  # type: ignore[arg-type]
        )
