"""The "Export ledger" dialog: period, filters and file, then the Excel ledger written off
the GUI thread with a progress bar that can be cancelled.

The period starts as the current quarter and the filters as the Talks page's.
The workbook is written on the database thread (`TaskRunner`); its progress
comes back to this dialog through a queued signal. Cancelling leaves no file.
At the end the dialog says where the file is and that it is not encrypted.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.clock import today
from talkdesk.domain.errors import TalkdeskError
from talkdesk.domain.periods import calendar_period
from talkdesk.domain.values import CadenceKind, FollowUpStatus, TalkKind, TalkState, Topic
from talkdesk.reports.ledger import LedgerCancelled, LedgerResult, LedgerSources, export_ledger
from talkdesk.services.ledger import LedgerFilter
from talkdesk.services.people import DepartmentRow
from talkdesk.ui.labels import label
from talkdesk.ui.layouts import button_row, error_label
from talkdesk.ui.messages import error_text
from talkdesk.ui.pages.person_dialog import in_tree_order
from talkdesk.ui.save_target import SaveTarget
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services

E = TypeVar("E", bound=StrEnum)


def period_name(start: date, end: date) -> str:
    """A short name of the period for a file name: 2026Q4, 2026H2, 2026, else both days."""
    for kind, name in (
        (CadenceKind.QUARTERLY, "{y}Q{n}"),
        (CadenceKind.HALF_YEARLY, "{y}H{n}"),
        (CadenceKind.YEARLY, "{y}"),
    ):
        period = calendar_period(kind, start)
        if (period.start, period.last_day) == (start, end):
            months = {CadenceKind.QUARTERLY: 3, CadenceKind.HALF_YEARLY: 6}.get(kind, 12)
            return name.format(y=start.year, n=(start.month - 1) // months + 1)
    return f"{start:%Y%m%d}-{end:%Y%m%d}"


class LedgerDialog(QDialog):
    """Choose what the ledger covers and where it goes, then write it.

    Signals:
        progress_changed(int, int): rows written and rows in all (emitted on the database
            thread, delivered queued on the GUI thread).
    """

    progress_changed = Signal(int, int)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        department_id: int | None = None,
        state: TalkState | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export ledger"))
        self._services = services
        self._runner = runner
        self._department_id = department_id
        self._loading = 2  # departments and talkers
        self._running = False
        self._close_when_done = False
        self._cancel = threading.Event()
        self._path: Path | None = None  # being written

        quarter = calendar_period(CadenceKind.QUARTERLY, today(services.session.context.clock))
        self.from_edit = _date_edit(quarter.start)
        self.to_edit = _date_edit(quarter.last_day)
        self.department_combo = QComboBox()
        self.department_combo.addItem(self.tr("All departments"), None)
        self.department_combo.setMinimumContentsLength(14)
        self.talker_combo = QComboBox()
        self.talker_combo.addItem(self.tr("All talkers"), None)
        self.kind_combo = _enum_combo(self.tr("All kinds"), list(TalkKind))
        self.topic_combo = _enum_combo(self.tr("All topics"), list(Topic))
        self.state_combo = _enum_combo(self.tr("All states"), list(TalkState))
        self.status_combo = _enum_combo(self.tr("All statuses"), list(FollowUpStatus))
        if state is not None:
            self.state_combo.setCurrentIndex(self.state_combo.findData(state.value))
        self.care_check = QCheckBox(
            self.tr("Include care details (the file is then marked 内部资料 注意保密)")
        )
        self.save_target = SaveTarget(
            self.tr("Export ledger"),
            self.tr("Excel workbook (*.xlsx)"),
            ".xlsx",
        )
        self.save_target.suggest(self._suggested_name())
        self.path_edit = self.save_target.path_edit
        self.choose_button = self.save_target.choose_button
        self.progress = QProgressBar()
        self.progress.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.error_label = error_label()
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        self.export_button.setEnabled(False)  # until the filter choices are loaded
        self.close_button = QPushButton(self.tr("Close"))

        period = QHBoxLayout()
        period.addWidget(self.from_edit)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.to_edit)
        period.addStretch()
        form = QFormLayout()
        form.addRow(self.tr("Period:"), period)
        form.addRow(self.tr("Department:"), self.department_combo)
        form.addRow(self.tr("Talker:"), self.talker_combo)
        form.addRow(self.tr("Kind of talk:"), self.kind_combo)
        form.addRow(self.tr("Topic:"), self.topic_combo)
        form.addRow(self.tr("Record state:"), self.state_combo)
        form.addRow(self.tr("Follow-up status:"), self.status_combo)
        form.addRow("", self.care_check)
        form.addRow(self.tr("File:"), self.save_target)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addLayout(button_row(self.close_button, self.export_button))
        self.resize(560, self.sizeHint().height())

        self.progress_changed.connect(self._show_progress)
        self.from_edit.dateChanged.connect(self._period_changed)
        self.to_edit.dateChanged.connect(self._period_changed)
        self.export_button.clicked.connect(self._export)
        self.close_button.clicked.connect(self.reject)
        runner.submit(services.people.departments, self._show_departments, self._load_failed)
        runner.submit(services.ledger.talkers, self._show_talkers, self._load_failed)

    # -- choices ------------------------------------------------------------------------

    def _show_departments(self, departments: list[DepartmentRow]) -> None:
        for dep, depth in in_tree_order(departments):
            self.department_combo.addItem("    " * depth + dep.name, dep.id)
        if self._department_id is not None:
            self.department_combo.setCurrentIndex(
                max(0, self.department_combo.findData(self._department_id))
            )
        self._loaded()

    def _show_talkers(self, talkers: list[tuple[int, str]]) -> None:
        for talker_id, name in talkers:
            self.talker_combo.addItem(name, talker_id)
        self._loaded()

    def _loaded(self) -> None:
        self._loading -= 1
        if self._loading == 0:
            self.export_button.setEnabled(True)

    def _load_failed(self, error: TalkdeskError) -> None:
        self._show_error(error_text(error))

    def ledger_filter(self) -> LedgerFilter:
        """The ledger as chosen in the dialog."""
        return LedgerFilter(
            date_from=_day(self.from_edit),
            date_to=_day(self.to_edit),
            department_id=self.department_combo.currentData(),
            talker_id=self.talker_combo.currentData(),
            kind=_chosen(self.kind_combo, TalkKind),
            topic=_chosen(self.topic_combo, Topic),
            state=_chosen(self.state_combo, TalkState),
            status=_chosen(self.status_combo, FollowUpStatus),
            include_care=self.care_check.isChecked(),
        )

    # -- the file -----------------------------------------------------------------------

    def _suggested_name(self) -> str:
        stem = self.tr("Talk ledger")
        return f"{stem}_{period_name(_day(self.from_edit), _day(self.to_edit))}.xlsx"

    def _period_changed(self) -> None:
        """Keep the suggested file name in step with the period, unless the user chose one."""
        self.save_target.suggest(self._suggested_name())

    # -- exporting ----------------------------------------------------------------------

    def _export(self) -> None:
        self._show_error("")
        flt = self.ledger_filter()
        if flt.date_to < flt.date_from:
            self._show_error(self.tr("The first day of the period is after the last day."))
            return
        path = self.save_target.target(self._show_error)
        if path is None:
            return
        self._cancel.clear()
        self._set_running(True)
        self.status_label.setText(self.tr("Writing the ledger…"))
        services, cancel, relay = self._services, self._cancel, self.progress_changed

        def work() -> LedgerResult | None:
            try:
                return export_ledger(
                    path,
                    LedgerSources(services.ledger, services.statistics, services.exports),
                    flt,
                    QCoreApplication.translate,
                    progress=relay.emit,
                    cancelled=cancel.is_set,
                )
            except LedgerCancelled:
                return None

        self._path = path
        self._runner.submit(work, self._finished, self._failed)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)

    def _finished(self, result: LedgerResult | None) -> None:
        self._set_running(False)
        if result is None:
            self.status_label.setText(self.tr("Cancelled. No file was written."))
        else:
            self.progress.setValue(self.progress.maximum())
            written = self.tr(
                "The ledger was written to %1: %2 talk(s) and %3 follow-up(s)."
            ).replace("%1", str(self._path))
            written = written.replace("%2", str(result.talks)).replace("%3", str(result.follow_ups))
            warning = self.tr(
                "The file is not encrypted: keep it in a safe place and delete it when it is "
                "no longer needed."
            )
            self.status_label.setText(f"{written}\n{warning}")
        if self._close_when_done:
            super().reject()

    def _failed(self, error: TalkdeskError) -> None:
        self._set_running(False)
        self.status_label.setText("")
        self._show_error(error_text(error))
        if self._close_when_done:
            super().reject()

    def _set_running(self, running: bool) -> None:
        self._running = running
        for widget in self._inputs():
            widget.setEnabled(not running)
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))
        if running:
            self.progress.setValue(0)
            self.progress.show()

    def _inputs(self) -> tuple[QWidget, ...]:
        """What the user may change before an export, and not while it runs."""
        return (
            self.from_edit,
            self.to_edit,
            self.department_combo,
            self.talker_combo,
            self.kind_combo,
            self.topic_combo,
            self.state_combo,
            self.status_combo,
            self.care_check,
            self.save_target,
            self.export_button,
        )

    def cancel_export(self) -> None:
        """Stop the export at the next chunk; the half-written file is removed."""
        if self._running:
            self._cancel.set()
            self.status_label.setText(self.tr("Cancelling…"))

    def reject(self) -> None:
        """Close; while exporting, Cancel (or Esc) stops the export and the dialog stays to
        say so."""
        if self._running:
            self.cancel_export()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            self.cancel_export()
            self._close_when_done = True
            event.ignore()
            return
        super().closeEvent(event)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _enum_combo(every: str, values: Sequence[StrEnum]) -> QComboBox:
    combo = QComboBox()
    combo.addItem(every, None)
    for value in values:
        combo.addItem(label(value), value.value)
    return combo


def _chosen(combo: QComboBox, kind: type[E]) -> E | None:
    value = combo.currentData()
    return None if value is None else kind(value)
