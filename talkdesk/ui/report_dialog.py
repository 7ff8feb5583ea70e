"""The "Evaluation report" dialog: a quarter or half-year, a department, care details or not,
the file; then the Word report written and the user told it is not encrypted.

The figures are read on the database thread (`TaskRunner`), the charts drawn
here on the GUI thread (QtCharts needs it), and the document written and
audited on the database thread again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from talkdesk.reports.evaluation_report import export_evaluation_report, report_file_stem
from talkdesk.reports.report_data import (
    REPORT_KINDS,
    ReportData,
    last_complete_period,
    load_report_data,
)
from talkdesk.reports.report_texts import period_words
from talkdesk.services.people import DepartmentRow
from talkdesk.services.statistics_figures import PeriodKind, ReportPeriod
from talkdesk.ui.layouts import button_row, error_label
from talkdesk.ui.messages import error_text
from talkdesk.ui.pages.person_dialog import in_tree_order
from talkdesk.ui.report_charts import report_charts
from talkdesk.ui.save_target import SaveTarget
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services

PERIODS_OFFERED = {PeriodKind.QUARTER: 12, PeriodKind.HALF_YEAR: 6}
"""How many periods back the period list goes (the running one included)."""


class ReportDialog(QDialog):
    """Choose the period, the department and the file, then write the evaluation report.

    Signals:
        report_written(object): the report was written to this Path (and audited).
    """

    report_written = Signal(object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        department_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evaluation report"))
        self._services = services
        self._runner = runner
        self._department_id = department_id
        self._today = today(services.session.context.clock)
        self._running = False
        self._path: Path | None = None  # being written

        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Quarter"), PeriodKind.QUARTER.value)
        self.kind_combo.addItem(self.tr("Half-year"), PeriodKind.HALF_YEAR.value)
        self.period_combo = QComboBox()
        self.period_combo.setMinimumContentsLength(14)
        self.department_combo = QComboBox()
        self.department_combo.addItem(self.tr("All departments"), None)
        self.department_combo.setMinimumContentsLength(14)
        self.care_check = QCheckBox(
            self.tr("Include care details (the file is then marked 内部资料 注意保密)")
        )
        self.save_target = SaveTarget(
            self.tr("Evaluation report"), self.tr("Word document (*.docx)"), ".docx"
        )
        self.path_edit = self.save_target.path_edit
        self.choose_button = self.save_target.choose_button
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the steps take a second or two
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.error_label = error_label()
        self.write_button = QPushButton(self.tr("Write report"))
        self.write_button.setDefault(True)
        self.write_button.setEnabled(False)  # until the departments are loaded
        self.close_button = QPushButton(self.tr("Close"))

        period_row = QHBoxLayout()
        period_row.addWidget(self.kind_combo)
        period_row.addWidget(self.period_combo, 1)
        form = QFormLayout()
        form.addRow(self.tr("Period:"), period_row)
        form.addRow(self.tr("Department:"), self.department_combo)
        form.addRow("", self.care_check)
        form.addRow(self.tr("File:"), self.save_target)
        explain = QLabel(
            self.tr(
                "The report compares the period with the one before it, lists who was due a "
                "talk and had none and the follow-ups overdue or still owed feedback, and "
                "leaves room for the reviewer's comments. Private notes are never included."
            )
        )
        explain.setWordWrap(True)
        explain.setObjectName("detail")
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addLayout(button_row(self.close_button, self.write_button))
        self.resize(560, self.sizeHint().height())

        self._fill_periods(last_complete_period(PeriodKind.QUARTER, self._today))
        self._period_changed()
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.write_button.clicked.connect(self._write)
        self.close_button.clicked.connect(self.reject)
        runner.submit(services.people.departments, self._show_departments, self._load_failed)

    # -- choices ------------------------------------------------------------------------

    @property
    def period(self) -> ReportPeriod:
        return ReportPeriod.parse(str(self.period_combo.currentData()))

    def _fill_periods(self, chosen: ReportPeriod) -> None:
        """The periods of the chosen kind, the running one first, back a few years."""
        kind = chosen.kind
        running = ReportPeriod.of(kind, self._today)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        period = running
        for _ in range(PERIODS_OFFERED[kind]):
            text = period_words(period, QCoreApplication.translate)
            if period == running:
                text = self.tr("%1 (in progress)").replace("%1", text)
            self.period_combo.addItem(text, period.code)
            period = period.previous()
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(chosen.code)))
        self.period_combo.blockSignals(False)

    def choose_period(self, period: ReportPeriod) -> None:
        """Show `period` as chosen (its kind too): for a caller that knows which one."""
        if period.kind not in REPORT_KINDS:
            return
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(period.kind.value))
        self.kind_combo.blockSignals(False)
        self._fill_periods(period)
        self._period_changed()

    def _kind_changed(self) -> None:
        kind = PeriodKind(self.kind_combo.currentData())
        self._fill_periods(last_complete_period(kind, self._today))
        self._period_changed()

    def _show_departments(self, departments: list[DepartmentRow]) -> None:
        for dep, depth in in_tree_order(departments):
            self.department_combo.addItem("    " * depth + dep.name, dep.id)
        if self._department_id is not None:
            self.department_combo.setCurrentIndex(
                max(0, self.department_combo.findData(self._department_id))
            )
        self.write_button.setEnabled(True)

    def _load_failed(self, error: TalkdeskError) -> None:
        self._show_error(error_text(error))

    # -- the file -----------------------------------------------------------------------

    def _suggested_name(self) -> str:
        return f"{report_file_stem(self.period, QCoreApplication.translate)}.docx"

    def _period_changed(self) -> None:
        """Keep the suggested file name in step with the period, unless the user chose one."""
        self.save_target.suggest(self._suggested_name())

    # -- writing ------------------------------------------------------------------------

    def _write(self) -> None:
        self._show_error("")
        path = self.save_target.target(self._show_error)
        if path is None:
            return
        self._path = path
        self._set_running(True)
        self.status_label.setText(self.tr("Gathering the figures…"))
        services, period = self._services, self.period
        department_id = self.department_combo.currentData()
        include_care = self.care_check.isChecked()
        self._runner.submit(
            lambda: load_report_data(services, period, department_id, include_care),
            self._draw_charts,
            self._failed,
        )

    def _draw_charts(self, data: ReportData) -> None:
        """QtCharts draws on the GUI thread; the document is written on the worker again."""
        self.status_label.setText(self.tr("Drawing the charts…"))
        try:
            charts = report_charts(data.stats)
        except Exception as exc:  # a bug: said in general words, the dialog usable again
            self._set_running(False)
            self.status_label.setText("")
            self._runner.report_unexpected(exc)
            return
        self.status_label.setText(self.tr("Writing the report…"))
        path, exports = self._path, self._services.exports
        assert path is not None
        self._runner.submit(
            lambda: export_evaluation_report(
                path, data, charts, exports, QCoreApplication.translate
            ),
            lambda _none: self._finished(data),
            self._failed,
        )

    def _finished(self, data: ReportData) -> None:
        self._set_running(False)
        written = self.tr("The evaluation report for %1 was written to %2.")
        written = written.replace("%1", period_words(data.period, QCoreApplication.translate))
        written = written.replace("%2", str(self._path))
        lines = [written]
        if data.confidential:
            lines.append(self.tr("It holds care details and is marked 内部资料 注意保密."))
        lines.append(
            self.tr(
                "The file is not encrypted: keep it in a safe place and delete it when it is "
                "no longer needed."
            )
        )
        self.status_label.setText("\n".join(lines))
        self.report_written.emit(self._path)

    def _failed(self, error: TalkdeskError) -> None:
        self._set_running(False)
        self.status_label.setText("")
        self._show_error(error_text(error))

    def _set_running(self, running: bool) -> None:
        self._running = running
        for widget in (
            self.kind_combo,
            self.period_combo,
            self.department_combo,
            self.care_check,
            self.save_target,
            self.write_button,
            self.close_button,
        ):
            widget.setEnabled(not running)
        self.progress.setVisible(running)

    def reject(self) -> None:
        """Close, except while the report is being written (a second or two)."""
        if not self._running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            event.ignore()
            return
        super().closeEvent(event)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
