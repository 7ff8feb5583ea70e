"""Scheduling a talk: the appointment dialog, and the editor that reads, opens and saves it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QLocale, QObject, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.clock import today
from talkdesk.domain.errors import TalkdeskError
from talkdesk.domain.values import AppointmentStatus
from talkdesk.domain.workdays import WorkingCalendar
from talkdesk.services.people import PeopleFilter
from talkdesk.services.plans import PLACE_MAX, AppointmentRow, suggest_slot
from talkdesk.services.query import Page
from talkdesk.ui.messages import error_text
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services

MINUTE_STEP = 15
"""The time field moves in quarters of an hour: talks are booked at 9:00, 9:15, 9:30…"""

_PEOPLE_PAGE = Page(limit=5000)  # the person combo lists everyone active (offices are small)


@dataclass(frozen=True)
class AppointmentRequest:
    """What the dialog asks to save: a new appointment, or new time and place for one."""

    talker_id: int | None
    person_id: int | None
    starts_at: datetime
    place: str = ""
    plan_id: int | None = None
    trigger_id: int | None = None
    appointment_id: int | None = None  # set when rescheduling


@dataclass(frozen=True)
class DialogChoices:
    """What the dialog offers, read before it opens: names, recent places, the calendar."""

    talkers: tuple[tuple[int, str], ...]
    people: tuple[tuple[int, str], ...]
    places: tuple[str, ...]
    calendar: WorkingCalendar
    now: datetime


class QuarterTimeEdit(QTimeEdit):
    """A time field whose minutes step by MINUTE_STEP (arrows, wheel) and stay on the quarter."""

    def stepBy(self, steps: int) -> None:
        if self.currentSection() != QTimeEdit.Section.MinuteSection:
            super().stepBy(steps)
            return
        current = self.time()
        minutes = current.hour() * 60 + current.minute()
        minutes = (minutes // MINUTE_STEP + steps) * MINUTE_STEP
        if steps < 0 and current.minute() % MINUTE_STEP:
            minutes += MINUTE_STEP  # from 9:20 down goes to 9:15, not 9:00
        minutes = max(0, min(minutes, 24 * 60 - MINUTE_STEP))
        self.setTime(QTime(minutes // 60, minutes % 60))


class AppointmentDialog(QDialog):
    """Date, time and place of a talk; who meets whom. Saving is the editor's job: the dialog
    stays open until the appointment is stored.

    Signals:
        submitted(AppointmentRequest): Save was pressed and the fields are valid.
        cancel_requested(): "Cancel appointment" was pressed (reschedule mode only).
    """

    submitted = Signal(object)
    cancel_requested = Signal()

    def __init__(
        self,
        request: AppointmentRequest,
        choices: DialogChoices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._request = request
        self._choices = choices
        rescheduling = request.appointment_id is not None
        title = self.tr("Reschedule talk") if rescheduling else self.tr("Schedule talk")
        self.setWindowTitle(title)

        self.person_combo = QComboBox()
        self.person_combo.addItem(self.tr("(choose a person)"), None)
        for person_id, name in choices.people:
            self.person_combo.addItem(name, person_id)
        self._select(self.person_combo, request.person_id)
        # prefilled from a due line, or an appointment being moved: the person is fixed
        self.person_combo.setEnabled(request.person_id is None)
        self.talker_combo = QComboBox()
        self.talker_combo.addItem(self.tr("(choose a talker)"), None)
        for talker_id, name in choices.talkers:
            self.talker_combo.addItem(name, talker_id)
        self._select(self.talker_combo, request.talker_id)
        # a plan's talk is the plan's talker's; a booked one keeps its two people
        fixed_talker = rescheduling or request.plan_id is not None
        self.talker_combo.setEnabled(not (fixed_talker and request.talker_id is not None))

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd  dddd")
        self.date_edit.setMinimumDate(QDate(choices.now.date()))
        self.date_edit.setDate(QDate(request.starts_at.date()))
        self.time_edit = QuarterTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setCurrentSection(QTimeEdit.Section.MinuteSection)
        self.time_edit.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.time_edit.setTime(QTime(request.starts_at.hour, request.starts_at.minute))
        self.place_combo = QComboBox()
        self.place_combo.setEditable(True)
        self.place_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.place_combo.addItems(list(choices.places))
        line = self.place_combo.lineEdit()
        line.setMaxLength(PLACE_MAX)
        line.setPlaceholderText(self.tr("e.g. small meeting room, 2nd floor"))
        self.place_combo.setEditText(request.place)
        self.day_hint = QLabel(self.tr("This day is a day off (weekend or public holiday)."))
        self.day_hint.setObjectName("notice")
        self.day_hint.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        when = QHBoxLayout()
        when.addWidget(self.date_edit, 1)
        when.addWidget(self.time_edit)
        form = QFormLayout()
        form.addRow(self.tr("&Person:"), self.person_combo)
        form.addRow(self.tr("&Talker:"), self.talker_combo)
        when_label = QLabel(self.tr("&Date and time:"))
        when_label.setBuddy(self.date_edit)  # a row holding a layout has no buddy of its own
        form.addRow(when_label, when)
        form.addRow("", self.day_hint)
        form.addRow(self.tr("P&lace:"), self.place_combo)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.cancel_button = QPushButton(self.tr("Cancel appointment…"))
        self.cancel_button.setAutoDefault(False)  # Enter saves; it never cancels
        self.cancel_button.setVisible(rescheduling)
        self.cancel_button.clicked.connect(self.cancel_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.cancel_button)
        bottom.addStretch()
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch()
        layout.addLayout(bottom)
        self.setMinimumWidth(460)

        self.date_edit.dateChanged.connect(self._show_day_hint)
        self._show_day_hint()

    # -- values --------------------------------------------------------------------------

    def starts_at(self) -> datetime:
        day: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        at = self.time_edit.time()
        return datetime(day.year, day.month, day.day, at.hour(), at.minute())

    def value(self) -> AppointmentRequest:
        return replace(
            self._request,
            talker_id=self.talker_combo.currentData(),
            person_id=self.person_combo.currentData(),
            starts_at=self.starts_at(),
            place=self.place_combo.currentText().strip(),
        )

    def is_day_off(self) -> bool:
        day: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        return not self._choices.calendar.is_working_day(day)

    # -- saving --------------------------------------------------------------------------

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        """While the editor saves, Save (and Cancel appointment) cannot be pressed twice."""
        self.save_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def _submit(self) -> None:
        data = self.value()
        problem = self._problem(data)
        if problem:
            self.show_error(problem)
            return
        self.error_label.hide()
        self.set_busy(True)
        self.submitted.emit(data)

    def _problem(self, data: AppointmentRequest) -> str:
        if data.person_id is None:
            self.person_combo.setFocus()
            return self.tr("Please choose the person to talk with.")
        if data.talker_id is None:
            self.talker_combo.setFocus()
            return self.tr("Please choose who holds the talk.")
        if data.talker_id == data.person_id:
            self.talker_combo.setFocus()
            return self.tr("The talker and the person talked with must be different people.")
        if data.starts_at <= self._choices.now:
            self.time_edit.setFocus()
            return self.tr("This time has already passed. Please choose a later time.")
        return ""

    def _show_day_hint(self) -> None:
        self.day_hint.setVisible(self.is_day_off())

    @staticmethod
    def _select(combo: QComboBox, value: int | None) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))


class AppointmentEditor(QObject):
    """Schedules, reschedules and cancels appointments for a page: reads what the dialog
    offers on the task runner, opens the dialog, saves, and closes it only once stored.

    Attributes:
        dialog: the dialog open now, if any.

    Signals:
        saved(AppointmentRow): an appointment was scheduled or moved.
        cancelled(int): this appointment was called off.
    """

    saved = Signal(object)
    cancelled = Signal(int)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._parent = parent
        self.dialog: AppointmentDialog | None = None
        self.confirmation: QMessageBox | None = None

    def schedule(
        self,
        person_id: int | None = None,
        talker_id: int | None = None,
        plan_id: int | None = None,
        trigger_id: int | None = None,
        after: date | None = None,
    ) -> None:
        """Open the dialog for a new appointment, offered on the first working day after
        today (or after `after`, if later) at SLOT_TIME, in the place used last."""
        services = self._services
        calendar = services.calendar
        day = today(services.session.context.clock)
        after = max(day, after) if after is not None else day

        def read() -> tuple[AppointmentRequest, DialogChoices]:
            choices = self._read_choices(person_id)
            places = choices.places
            request = AppointmentRequest(
                talker_id=talker_id,
                person_id=person_id,
                starts_at=suggest_slot(calendar, after),
                place=places[0] if places else "",
                plan_id=plan_id,
                trigger_id=trigger_id,
            )
            return request, choices

        self._runner.submit(read, on_success=self._open)

    def reschedule(self, appointment_id: int) -> None:
        """Open the dialog on a booked appointment: new date, time or place, or call it off."""
        plans = self._services.plans

        def read() -> tuple[AppointmentRequest, DialogChoices]:
            row = plans.appointment(appointment_id)
            request = AppointmentRequest(
                talker_id=row.talker_id,
                person_id=row.person_id,
                starts_at=row.starts_at,
                place=row.place,
                plan_id=row.plan_id,
                trigger_id=row.trigger_id,
                appointment_id=row.id,
            )
            return request, self._read_choices(row.person_id, row.talker_id)

        self._runner.submit(read, on_success=self._open)

    def confirm_cancel(self, row: AppointmentRow, parent: QWidget | None = None) -> QMessageBox:
        """Ask before calling an appointment off; cancels when the user says so."""
        when = QLocale().toString(QDateTime(row.starts_at), "yyyy-MM-dd ddd HH:mm")
        text = self.tr("Cancel the talk with %1 on %2?").replace("%1", row.person_name)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Cancel appointment"),
            text.replace("%2", when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent or self._parent,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Cancel appointment"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep it"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self._cancel(row.id))
        self.confirmation = box
        box.open()
        return box

    # -- steps ---------------------------------------------------------------------------

    def _read_choices(self, person_id: int | None, talker_id: int | None = None) -> DialogChoices:
        """Runs on the task runner: leaders, people (or the one person), places, the calendar."""
        services = self._services
        people, ctx = services.people, services.session.context
        now = ctx.now()
        talkers = [(p.id, p.name) for p in people.people(PeopleFilter(leaders_only=True))]
        if talker_id is not None and all(t != talker_id for t, _ in talkers):
            talker = people.person(talker_id)  # no longer marked a leader: still shown
            talkers.append((talker.id, talker.name))
        if person_id is not None:
            person = people.person(person_id)
            chosen = ((person.id, person.name),)
        else:
            chosen = tuple((p.id, p.name) for p in people.people(PeopleFilter(), _PEOPLE_PAGE))
        return DialogChoices(
            talkers=tuple(talkers),
            people=chosen,
            places=tuple(services.plans.recent_places()),
            calendar=services.calendar.calendar(range(now.year - 1, now.year + 3)),
            now=now,
        )

    def _open(self, found: tuple[AppointmentRequest, DialogChoices]) -> None:
        request, choices = found
        if self.dialog is not None:
            self.dialog.close()
        dialog = AppointmentDialog(request, choices, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda data: self._save(dialog, data))
        dialog.cancel_requested.connect(lambda: self._ask_cancel(dialog, request))
        dialog.destroyed.connect(lambda: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: AppointmentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _save(self, dialog: AppointmentDialog, data: AppointmentRequest) -> None:
        plans = self._services.plans
        if data.appointment_id is not None:
            appointment_id = data.appointment_id

            def call() -> object:
                return plans.reschedule(appointment_id, data.starts_at, data.place)
        else:
            assert data.talker_id is not None and data.person_id is not None
            talker_id, person_id = data.talker_id, data.person_id

            def call() -> object:
                return plans.schedule(
                    talker_id, person_id, data.starts_at, data.place, data.plan_id, data.trigger_id
                )

        def done(result: tuple[AppointmentRow, object]) -> None:
            dialog.accept()
            self.saved.emit(result[0])

        def failed(error: TalkdeskError) -> None:
            dialog.show_error(error_text(error))

        self._runner.submit(call, on_success=done, on_error=failed)

    def _ask_cancel(self, dialog: AppointmentDialog, request: AppointmentRequest) -> None:
        assert request.appointment_id is not None and request.person_id is not None
        name = dialog.person_combo.currentText()
        row = AppointmentRow(
            id=request.appointment_id,
            uuid="",
            talker_id=request.talker_id or 0,
            person_id=request.person_id,
            person_name=name,
            starts_at=request.starts_at,
            place=request.place,
            status=AppointmentStatus.PLANNED,
            plan_id=request.plan_id,
            trigger_id=request.trigger_id,
            talk_id=None,
        )
        self.confirm_cancel(row, dialog)

    def _cancel(self, appointment_id: int) -> None:
        plans = self._services.plans

        def done(_changes: object) -> None:
            if self.dialog is not None and self.dialog.isVisible():
                self.dialog.accept()
            self.cancelled.emit(appointment_id)

        def failed(error: TalkdeskError) -> None:
            if self.dialog is not None and self.dialog.isVisible():
                self.dialog.show_error(error_text(error))
            else:
                self._runner.task_failed.emit(error)

        self._runner.submit(lambda: plans.cancel(appointment_id), on_success=done, on_error=failed)
