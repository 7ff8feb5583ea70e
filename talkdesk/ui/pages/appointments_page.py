"""The Appointments page: a week of booked talks, to schedule, move or call off."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from talkdesk.domain.workdays import WorkingCalendar
from talkdesk.services.changes import Entity
from talkdesk.services.plans import AppointmentRow
from talkdesk.ui.pages.appointment_dialog import AppointmentEditor
from talkdesk.ui.pages.base import ContentPage
from talkdesk.ui.pages.week_view import WeekView, week_of
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services


@dataclass(frozen=True)
class WeekData:
    monday: date
    rows: tuple[AppointmentRow, ...]
    calendar: WorkingCalendar


class AppointmentsPage(ContentPage):
    """The week view over the appointments service; opens on the current week.

    Attributes:
        week: the week view. editor: schedules, moves and cancels (its dialogs).
    """

    concerns = frozenset({Entity.APPOINTMENT, Entity.PERSON, Entity.TALK, Entity.WORKSPACE})

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, runner, parent)
        self._monday = week_of(self._today())
        self._select_after_load: int | None = None
        self.week = WeekView()
        self.editor = AppointmentEditor(services, runner, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.week)

        self.week.week_requested.connect(self.show_week)
        self.week.new_requested.connect(self._new)
        self.week.reschedule_requested.connect(self.editor.reschedule)
        self.week.cancel_requested.connect(lambda row: self.editor.confirm_cancel(row))
        self.editor.saved.connect(self._saved)

    def show_week(self, monday: date) -> None:
        """Show the week starting on this Monday."""
        self._monday = week_of(monday)
        self.reload()

    def show_item(self, choice: str) -> None:
        """Open an appointment ("appointment:5"): show its week and select it."""
        kind, _, value = choice.partition(":")
        if kind != "appointment" or not value.isdigit():
            return
        plans = self._services.plans
        self._runner.submit(
            lambda: plans.appointment(int(value)),
            on_success=self._go_to,
            on_error=self._show_error,
        )

    def _go_to(self, row: AppointmentRow) -> None:
        self._select_after_load = row.id
        self.show_week(row.starts_at.date())

    def _saved(self, row: AppointmentRow) -> None:
        """Show the week the appointment now lies in, with it selected."""
        if week_of(row.starts_at.date()) != self._monday:
            self._go_to(row)
        else:
            self._select_after_load = row.id

    def _new(self, monday: date) -> None:
        # offered on the first working day of the week shown, or after today if it is this week
        self.editor.schedule(after=monday - timedelta(days=1))

    def _forget(self) -> None:
        self.week.clear()

    def _load(self) -> None:
        monday = self._monday
        plans, calendar = self._services.plans, self._services.calendar

        def read() -> WeekData:
            start = datetime.combine(monday, time())
            rows = plans.appointments(start, start + timedelta(days=7))
            years = {monday.year, (monday + timedelta(days=6)).year}
            return WeekData(monday, tuple(rows), calendar.calendar(sorted(years)))

        self._runner.submit(read, on_success=self._show)

    def _show(self, data: WeekData) -> None:
        if data.monday != self._monday:
            return  # an older week's answer arrived after the user moved on
        self.week.show_week(data.monday, data.rows, data.calendar, self._today())
        if self._select_after_load is not None:
            self.week.select(self._select_after_load)
            self._select_after_load = None
