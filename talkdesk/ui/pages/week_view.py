"""A week of appointments, Monday to Sunday, one column a day; reschedule or cancel from it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.workdays import WorkingCalendar
from talkdesk.services.plans import AppointmentRow

ROW_ROLE = Qt.ItemDataRole.UserRole
"""Each list item keeps its AppointmentRow under this role."""

_STYLE = """
QFrame#dayColumn { background: #ffffff; border: 1px solid #d9dee5; border-radius: 6px; }
QFrame#dayColumn[today="true"] { border: 2px solid #5b8ac0; }
QFrame#dayColumn[dayoff="true"] { background: #f7f8fa; }
QLabel#dayTitle { font-weight: 600; color: #1f2d3d; }
QLabel#dayOff { color: #8a5a00; background: #fff7e0; border-radius: 3px; padding: 0 4px; }
QLabel#weekTitle { font-size: 12pt; font-weight: 600; color: #1f2d3d; }
QListWidget#dayList { border: none; background: transparent; outline: 0; }
QListWidget#dayList::item { border: 1px solid #d6e4f2; border-radius: 4px; background: #eef3f9;
    color: #1f2d3d; padding: 4px; margin: 2px 0; }
QListWidget#dayList::item:selected { background: #2f5f8f; color: #ffffff; border-color: #2f5f8f; }
"""


def week_of(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


class DayColumn(QFrame):
    """One day: its weekday and date, a "day off" mark, and its appointments in time order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayColumn")
        self.day = date.min
        self.title_label = QLabel()
        self.title_label.setObjectName("dayTitle")
        self.off_label = QLabel(self.tr("Day off"))
        self.off_label.setObjectName("dayOff")
        self.list = QListWidget()
        self.list.setObjectName("dayList")
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        title = QHBoxLayout()
        title.setSpacing(6)
        title.addWidget(self.title_label)
        title.addStretch()
        title.addWidget(self.off_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(title)
        layout.addWidget(self.list, 1)
        self.setMinimumWidth(120)

    def show_day(
        self, day: date, rows: Sequence[AppointmentRow], working: bool, is_today: bool
    ) -> None:
        self.day = day
        locale = QLocale()
        self.title_label.setText(
            f"{locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)}"
            f" {locale.toString(QDate(day), 'M/d')}"
        )
        self.off_label.setVisible(not working)
        self.setProperty("today", is_today)
        self.setProperty("dayoff", not working)
        self.style().unpolish(self)
        self.style().polish(self)
        self.list.clear()
        for row in rows:
            text = f"{row.starts_at:%H:%M}  {row.person_name}"
            if row.place:
                text += f"\n{row.place}"
            item = QListWidgetItem(text)
            item.setData(ROW_ROLE, row)
            item.setToolTip(text)
            self.list.addItem(item)

    def rows(self) -> list[AppointmentRow]:
        return [self.list.item(i).data(ROW_ROLE) for i in range(self.list.count())]


class WeekView(QWidget):
    """The appointments of one week, Monday to Sunday, with week navigation.

    The view only shows what it is given (`show_week`) and says what the user
    asks for; the page reads and saves.

    Signals:
        week_requested(date): show the week starting on this Monday.
        new_requested(date): schedule a talk, in the week starting on this Monday or later.
        reschedule_requested(int): move this appointment (double-click, menu or button).
        cancel_requested(AppointmentRow): call this appointment off (menu or button).
    """

    week_requested = Signal(object)
    new_requested = Signal(object)
    reschedule_requested = Signal(int)
    cancel_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        self.monday = date.min
        self._today = date.min
        self.previous_button = QPushButton(self.tr("‹ Previous week"))
        self.this_week_button = QPushButton(self.tr("This week"))
        self.next_button = QPushButton(self.tr("Next week ›"))
        self.week_label = QLabel()
        self.week_label.setObjectName("weekTitle")
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        self.new_button = QPushButton(self.tr("Schedule a talk…"))
        self.reschedule_button = QPushButton(self.tr("Reschedule…"))
        self.cancel_button = QPushButton(self.tr("Cancel appointment…"))
        self.days = [DayColumn() for _ in range(7)]

        top = QHBoxLayout()
        top.setSpacing(8)
        for button in (self.previous_button, self.this_week_button, self.next_button):
            top.addWidget(button)
        top.addSpacing(12)
        top.addWidget(self.week_label)
        top.addSpacing(8)
        top.addWidget(self.count_label)
        top.addStretch()
        top.addWidget(self.new_button)
        columns = QHBoxLayout()
        columns.setSpacing(8)
        for column in self.days:
            columns.addWidget(column, 1)
            column.list.itemSelectionChanged.connect(lambda c=column: self._selected_in(c))
            column.list.itemDoubleClicked.connect(self._double_clicked)
            column.list.customContextMenuRequested.connect(
                lambda point, c=column: self._menu(c, point)
            )
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Double-click an appointment to move it.")))
        bottom.addStretch()
        bottom.addWidget(self.reschedule_button)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

        self.previous_button.clicked.connect(lambda: self.week_requested.emit(self._shift(-7)))
        self.next_button.clicked.connect(lambda: self.week_requested.emit(self._shift(7)))
        self.this_week_button.clicked.connect(
            lambda: self.week_requested.emit(week_of(self._today))
        )
        self.new_button.clicked.connect(lambda: self.new_requested.emit(self.monday))
        self.reschedule_button.clicked.connect(self._reschedule_selected)
        self.cancel_button.clicked.connect(self._cancel_selected)
        self._update_buttons()

    # -- showing -----------------------------------------------------------------------

    def show_week(
        self,
        monday: date,
        rows: Sequence[AppointmentRow],
        calendar: WorkingCalendar,
        today: date,
    ) -> None:
        """Show the week from `monday`; the selected appointment stays selected if still there."""
        kept = self.selected()
        self.monday, self._today = monday, today
        sunday = monday + timedelta(days=6)
        locale = QLocale()
        span = self.tr("%1 – %2")
        span = span.replace("%1", locale.toString(QDate(monday), "yyyy-MM-dd"))
        self.week_label.setText(span.replace("%2", locale.toString(QDate(sunday), "yyyy-MM-dd")))
        self.count_label.setText(self.tr("Appointments: %1").replace("%1", str(len(rows))))
        self.this_week_button.setEnabled(monday != week_of(today))
        for i, column in enumerate(self.days):
            day = monday + timedelta(days=i)
            booked = [r for r in rows if r.starts_at.date() == day]
            column.show_day(day, booked, calendar.is_working_day(day), day == today)
        if kept is not None:
            self.select(kept.id)
        self._update_buttons()

    def clear(self) -> None:
        for column in self.days:
            column.list.clear()
        self.week_label.clear()
        self.count_label.clear()
        self._update_buttons()

    def rows(self) -> list[AppointmentRow]:
        """Every appointment shown, Monday first."""
        return [row for column in self.days for row in column.rows()]

    def day_titles(self) -> list[str]:
        return [column.title_label.text() for column in self.days]

    # -- selection -----------------------------------------------------------------------

    def selected(self) -> AppointmentRow | None:
        for column in self.days:
            items = column.list.selectedItems()
            if items:
                row: AppointmentRow = items[0].data(ROW_ROLE)
                return row
        return None

    def select(self, appointment_id: int) -> bool:
        """Select this appointment if shown; whether it is."""
        for column in self.days:
            for i in range(column.list.count()):
                item = column.list.item(i)
                if item.data(ROW_ROLE).id == appointment_id:
                    column.list.setCurrentItem(item)
                    column.list.scrollToItem(item)
                    return True
        return False

    def item_of(self, appointment_id: int) -> QListWidgetItem | None:
        for column in self.days:
            for i in range(column.list.count()):
                if column.list.item(i).data(ROW_ROLE).id == appointment_id:
                    return column.list.item(i)
        return None

    def _selected_in(self, chosen: DayColumn) -> None:
        """One selection across the week: choosing in one day clears the others."""
        if chosen.list.selectedItems():
            for column in self.days:
                if column is not chosen:
                    column.list.blockSignals(True)
                    column.list.clearSelection()
                    column.list.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.reschedule_button.setEnabled(chosen)
        self.cancel_button.setEnabled(chosen)

    # -- actions -------------------------------------------------------------------------

    def _shift(self, days: int) -> date:
        return self.monday + timedelta(days=days)

    def _double_clicked(self, item: QListWidgetItem) -> None:
        self.reschedule_requested.emit(item.data(ROW_ROLE).id)

    def _reschedule_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.reschedule_requested.emit(row.id)

    def _cancel_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.cancel_requested.emit(row)

    def _menu(self, column: DayColumn, point: QPoint) -> None:
        item = column.list.itemAt(point)
        if item is None:
            return
        column.list.setCurrentItem(item)
        row: AppointmentRow = item.data(ROW_ROLE)
        menu = self.context_menu(row)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(column.list.viewport().mapToGlobal(point))

    def context_menu(self, row: AppointmentRow) -> QMenu:
        """The menu of one appointment: Reschedule…, Cancel appointment…."""
        menu = QMenu(self)
        menu.addAction(self.tr("Reschedule…"), lambda: self.reschedule_requested.emit(row.id))
        menu.addAction(self.tr("Cancel appointment…"), lambda: self.cancel_requested.emit(row))
        return menu
