"""The working-calendar corrections in Settings: days the user declares working or off."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.errors import TalkdeskError
from talkdesk.services.calendar import CalendarOverride, CalendarService
from talkdesk.ui.messages import error_text
from talkdesk.ui.tasks import TaskRunner

DAY_ROLE = Qt.ItemDataRole.UserRole


class CalendarBox(QGroupBox):
    """A small table of days (date, working day or day off, note) with Add and Remove.

    Each change is written at once through CalendarService; due dates and
    reminders follow it from the next refresh.
    """

    def __init__(
        self,
        calendar: CalendarService,
        runner: TaskRunner,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Working calendar"))
        self._calendar = calendar
        self._runner = runner
        hint = QLabel(
            self.tr(
                "talkdesk knows China's public holidays and the weekend days made working "
                "days once they are announced. Add days here only for a year it does "
                "not know yet, or to correct a day for your unit."
            ),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Day"), self.tr("Note")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 110)
        self.table.setMinimumHeight(130)
        self.table.setMaximumHeight(200)

        self.date_edit = QDateEdit(QDate(today), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Day off"), False)
        self.kind_combo.addItem(self.tr("Working day"), True)
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(60)
        self.note_edit.setPlaceholderText(self.tr("Note, e.g. Spring Festival 2028"))
        self.add_button = QPushButton(self.tr("&Add day"), self)
        self.remove_button = QPushButton(self.tr("Remo&ve"), self)
        self.message = QLabel(self)
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.hide()

        add_row = QHBoxLayout()
        add_row.addWidget(self.date_edit)
        add_row.addWidget(self.kind_combo)
        add_row.addWidget(self.note_edit, 1)
        add_row.addWidget(self.add_button)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(remove_row)
        layout.addLayout(add_row)
        layout.addWidget(self.message)

        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def reload(self) -> None:
        self._runner.submit(self._calendar.overrides, self._show, self._failed)

    def days(self) -> list[tuple[str, str, str]]:
        """The table as shown: (date, day, note) per row."""
        return [
            tuple(self.table.item(r, c).text() for c in range(3))  # type: ignore[misc]
            for r in range(self.table.rowCount())
        ]

    def selected_day(self) -> date | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = self.table.item(rows[0].row(), 0).data(DAY_ROLE)
        return date.fromisoformat(value) if value else None

    def select_day(self, day: date) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(DAY_ROLE) == day.isoformat():
                self.table.selectRow(row)

    def _show(self, overrides: list[CalendarOverride]) -> None:
        self.table.setRowCount(len(overrides))
        for row, o in enumerate(overrides):
            day_item = QTableWidgetItem(o.day.isoformat())
            day_item.setData(DAY_ROLE, o.day.isoformat())
            kind = self.tr("Working day") if o.working else self.tr("Day off")
            self.table.setItem(row, 0, day_item)
            self.table.setItem(row, 1, QTableWidgetItem(kind))
            self.table.setItem(row, 2, QTableWidgetItem(o.note))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_day() is not None)

    def _add(self) -> None:
        day: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        working = bool(self.kind_combo.currentData())
        note = self.note_edit.text().strip()
        calendar = self._calendar
        self.message.hide()

        def added(_result: object) -> None:
            self.note_edit.clear()
            self.reload()

        self._runner.submit(lambda: calendar.set_override(day, working, note), added, self._failed)

    def _remove(self) -> None:
        day = self.selected_day()
        if day is None:
            return
        calendar = self._calendar
        self.message.hide()
        self._runner.submit(
            lambda: calendar.remove_override(day), lambda _r: self.reload(), self._failed
        )

    def _failed(self, error: TalkdeskError) -> None:
        self.message.setText(error_text(error))
        self.message.show()
