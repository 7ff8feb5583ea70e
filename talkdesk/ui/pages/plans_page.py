"""The Plans page: the talk plans, their editing, and the chosen plan's coverage this period."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.coverage import CoverageState
from talkdesk.domain.errors import TalkdeskError
from talkdesk.services.changes import Entity
from talkdesk.services.coverage import CoverageReport, MemberStatus, PlanCoverage
from talkdesk.services.people import DepartmentRow
from talkdesk.services.plans import PersonChoice, PlanInput, PlanRow
from talkdesk.ui.labels import label
from talkdesk.ui.messages import error_text
from talkdesk.ui.models.formats import date_text, datetime_text
from talkdesk.ui.models.plans_model import PlansModel
from talkdesk.ui.models.table import CENTER, RIGHT, AnyIndex, Column, RowsTableModel
from talkdesk.ui.pages.base import ContentPage
from talkdesk.ui.pages.plan_dialog import PlanDialog
from talkdesk.ui.pages.record_table import RecordTable
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services

# The Today page's tags: overdue red, due yellow, missed grey.
STATE_COLOURS: dict[CoverageState, tuple[str, str]] = {
    CoverageState.OVERDUE: ("#ffffff", "#c62828"),
    CoverageState.DUE: ("#6b4e00", "#ffd966"),
    CoverageState.MISSED: ("#5a6778", "#e2e8f0"),
    CoverageState.DONE: ("#2e7d32", ""),
    CoverageState.SCHEDULED: ("#1f3f63", "#d6e4f2"),
}
STATE_COLUMN = 2


class CoverageModel(RowsTableModel[MemberStatus]):
    """A plan's members in the current period, the most urgent first; the state cell coloured."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: list[Column[MemberStatus]] = [
            Column(lambda: self.tr("Name"), lambda m: m.person_name),
            Column(lambda: self.tr("Department"), lambda m: m.person.department_name),
            Column(lambda: self.tr("State"), lambda m: label(m.state), align=CENTER),
            Column(lambda: self.tr("Days left"), _days_left, align=RIGHT),
            Column(lambda: self.tr("Talk by"), lambda m: date_text(m.deadline), align=CENTER),
            Column(
                lambda: self.tr("Last talk"),
                lambda m: date_text(m.coverage.last_talk_on),
                align=CENTER,
            ),
            Column(
                lambda: self.tr("Appointment"),
                lambda m: datetime_text(m.appointment_at),
                align=CENTER,
            ),
        ]
        super().__init__(columns, parent)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == STATE_COLUMN:
            row = self.row_at(index.row())
            colours = STATE_COLOURS.get(row.state) if row is not None else None
            if colours is not None:
                fg, bg = colours
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QColor(fg)
                if role == Qt.ItemDataRole.BackgroundRole and bg:
                    return QColor(bg)
        return super().data(index, role)


def _days_left(m: MemberStatus) -> str:
    """Days to the deadline while a talk is still needed (negative: days late)."""
    return str(m.coverage.current.days_left) if m.state.needs_talk else ""


class PlansPage(ContentPage):
    """Every plan (name, talker, cadence, start, members, active), New/Edit/Pause, and below
    it the selected plan's members with their state this period."""

    concerns = frozenset(
        {
            Entity.PLAN,
            Entity.PERSON,
            Entity.DEPARTMENT,
            Entity.TALK,
            Entity.APPOINTMENT,
            Entity.WORKSPACE,  # the working calendar changes the days left
        }
    )

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, runner, parent)
        self._coverage: dict[int, PlanCoverage] = {}
        self._select_after_load: tuple[int, int | None] | None = None
        self._loading = False
        self.model = PlansModel(self)
        self.count_label = QLabel()
        self.table = RecordTable(self.model, widths=(260, 100, 120, 100, 70, 60), stretch=0)
        self.new_button = QPushButton(self.tr("&New plan…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.pause_button = QPushButton(self.tr("&Pause"))

        top = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.pause_button):
            top.addWidget(button)
        top.addStretch()
        top.addWidget(self.count_label)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.table, 1)

        self.coverage_model = CoverageModel(self)
        self.coverage_title = QLabel()
        self.coverage_title.setObjectName("sectionTitle")
        self.coverage_summary = QLabel()
        self.coverage_summary.setWordWrap(True)
        self.coverage_table = RecordTable(
            self.coverage_model, widths=(110, 150, 80, 70, 100, 100, 130), stretch=None
        )
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.coverage_title)
        lower_layout.addWidget(self.coverage_summary)
        lower_layout.addWidget(self.coverage_table, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 330])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.new_button.clicked.connect(self._new_plan)
        self.edit_button.clicked.connect(self._edit_plan)
        self.table.doubleClicked.connect(self._edit_plan)
        self.pause_button.clicked.connect(self._toggle_active)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self._selection_changed()

    # -- reading ---------------------------------------------------------------------

    def _forget(self) -> None:
        self._coverage = {}
        self.count_label.clear()
        self.coverage_title.clear()
        self.coverage_summary.clear()

    def _load(self) -> None:
        plans, coverage = self._services.plans, self._services.coverage
        self._loading = True

        def failed(error: TalkdeskError) -> None:
            self._loading = False
            self._show_error(error)

        self._runner.submit(
            lambda: (plans.list_plans(), coverage.report()),
            on_success=self._show,
            on_error=failed,
        )

    def _show(self, result: tuple[list[PlanRow], CoverageReport]) -> None:
        plans, report = result
        self._loading = False
        selected = self.selected_plan()
        wanted = self._select_after_load or ((selected.id, None) if selected else None)
        self._select_after_load = None
        self._coverage = {p.plan_id: p for p in report.plans}
        self.model.set_rows(plans)
        self.count_label.setText(self.tr("%n plan(s)", "", len(plans)))
        if wanted is not None:
            self._select(*wanted)
        elif plans:
            self.table.selectRow(0)

    # -- selection ---------------------------------------------------------------------

    def selected_plan(self) -> PlanRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def show_item(self, choice: str) -> None:
        """Select a plan ("plan:3") and one of its members ("plan:3:person:12")."""
        parts = choice.split(":")
        if len(parts) < 2 or parts[0] != "plan" or not parts[1].isdigit():
            return
        person_id = int(parts[3]) if len(parts) >= 4 and parts[3].isdigit() else None
        wanted = (int(parts[1]), person_id)
        if self._stale or self._loading:
            self._select_after_load = wanted  # applied when the list arrives
            return
        self._select(*wanted)

    def _select(self, plan_id: int, person_id: int | None) -> None:
        row = self.model.find_row(lambda p: p.id == plan_id)
        if row is None:
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        self._show_coverage()
        if person_id is not None:
            member = self.coverage_model.find_row(lambda m: m.person_id == person_id)
            if member is not None:
                self.coverage_table.selectRow(member)
                self.coverage_table.scrollTo(self.coverage_model.index(member, 0))

    def _selection_changed(self, *_args: object) -> None:
        plan = self.selected_plan()
        self.edit_button.setEnabled(plan is not None)
        self.pause_button.setEnabled(plan is not None)
        self.pause_button.setText(
            self.tr("&Resume") if plan is not None and not plan.active else self.tr("&Pause")
        )
        self._show_coverage()

    def _show_coverage(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            self.coverage_title.setText(self.tr("Choose a plan to see who is done and who is due."))
            self.coverage_summary.clear()
            self.coverage_model.set_rows([])
            return
        coverage = self._coverage.get(plan.id)
        self.coverage_title.setText(self.tr("Members of %1").replace("%1", plan.name))
        if coverage is None:
            self.coverage_model.set_rows([])
            self.coverage_summary.setText(
                self.tr("This plan is paused: nobody is due in it and it reminds of nothing.")
                if not plan.active
                else self.tr("Nobody is covered by this plan yet.")
            )
            return
        self.coverage_model.set_rows(coverage.members)
        self.coverage_summary.setText(self._summary(coverage))

    # -- editing -----------------------------------------------------------------------

    def _new_plan(self) -> None:
        self._open_dialog(None)

    def _edit_plan(self, _index: QModelIndex | None = None) -> None:
        plan = self.selected_plan()
        if plan is not None:
            self._open_dialog(plan.id)

    def _open_dialog(self, plan_id: int | None) -> None:
        """Read the pickers' choices (and the plan) first, then open the dialog."""
        people, plans = self._services.people, self._services.plans

        def read() -> tuple[list[DepartmentRow], list[PersonChoice], PlanInput | None]:
            data = plans.plan_input(plan_id) if plan_id is not None else None
            return people.departments(), plans.person_choices(), data

        self.new_button.setEnabled(False)

        def opened(
            result: tuple[list[DepartmentRow], list[PersonChoice], PlanInput | None],
        ) -> None:
            self.new_button.setEnabled(True)
            departments, choices, data = result
            dialog = PlanDialog(departments, choices, self._today(), plan_id, data, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.submitted.connect(lambda value: self._save(dialog, value))
            dialog.open()

        def failed(error: TalkdeskError) -> None:
            self.new_button.setEnabled(True)
            self._show_error(error)

        self._runner.submit(read, opened, failed)

    def _save(self, dialog: PlanDialog, data: PlanInput) -> None:
        plans, plan_id = self._services.plans, dialog.plan_id

        def saved(result: tuple[PlanRow, object]) -> None:
            self._select_after_load = (result[0].id, None)
            dialog.accept()

        def failed(error: TalkdeskError) -> None:
            dialog.show_error(error_text(error))

        if plan_id is None:
            self._runner.submit(lambda: plans.create_plan(data), saved, failed)
        else:
            self._runner.submit(lambda: plans.update_plan(plan_id, data), saved, failed)

    def _toggle_active(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        plans = self._services.plans
        self._select_after_load = (plan.id, None)
        self._runner.submit(
            lambda: plans.set_active(plan.id, not plan.active), on_error=self._show_error
        )

    def _summary(self, coverage: PlanCoverage) -> str:
        """One line: the period and how many are in each state."""
        parts = []
        if coverage.period is not None:
            parts.append(
                self.tr("This period: %1 to %2")
                .replace("%1", date_text(coverage.period.start))
                .replace("%2", date_text(coverage.period.last_day))
            )
        counts = [
            f"{label(state)} {coverage.count(state)}"
            for state in (
                CoverageState.OVERDUE,
                CoverageState.DUE,
                CoverageState.PENDING,
                CoverageState.SCHEDULED,
                CoverageState.DONE,
            )
            if coverage.count(state)
        ]
        parts.append(self.tr("Members: %1").replace("%1", str(len(coverage.members))))
        return self.tr(", ").join(parts + counts)
