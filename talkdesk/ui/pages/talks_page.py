"""The Talks page: every stored talk in a plain, sortable list read a page at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.values import TalkState
from talkdesk.services.changes import Entity
from talkdesk.services.people import DepartmentRow
from talkdesk.services.talks import TalkFilter
from talkdesk.ui.labels import label
from talkdesk.ui.models.talks_model import TalksModel
from talkdesk.ui.pages.base import ContentPage
from talkdesk.ui.pages.person_dialog import in_tree_order
from talkdesk.ui.pages.record_table import RecordTable
from talkdesk.ui.pages.talk_form import TalkFormLauncher
from talkdesk.ui.record_export_dialogs import RecordsExportButton
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services


class TalksPage(ContentPage):
    """Talks filtered by department and state, newest first; a new talk or a double-clicked
    one opens in the record form (`forms.form`)."""

    concerns = frozenset({Entity.TALK, Entity.PERSON, Entity.DEPARTMENT})

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, runner, parent)
        self.model = TalksModel(services.talks, runner, self)
        self.department_combo = QComboBox()
        self.department_combo.setMinimumContentsLength(12)
        self.department_combo.addItem(self.tr("All departments"), None)
        self.state_combo = QComboBox()
        self.state_combo.addItem(self.tr("All states"), None)
        for state in TalkState:
            self.state_combo.addItem(label(state), state.value)
        self.count_label = QLabel()
        self.table = RecordTable(self.model, widths=(130, 90, 130, 90, 110, 240, 50, 80), stretch=5)
        self.forms = TalkFormLauncher(services, runner, self)
        self.new_button = QPushButton(self.tr("New talk… (Ctrl+N)"))
        self.open_button = QPushButton(self.tr("Open"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.export_button = RecordsExportButton(services, runner, self.table, self.model, self)
        self.ledger_button = QPushButton(self.tr("Export ledger…"))

        filters = QHBoxLayout()
        filters.addWidget(self.new_button)
        filters.addWidget(self.open_button)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Department:")))
        filters.addWidget(self.department_combo)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("State:")))
        filters.addWidget(self.state_combo)
        filters.addStretch()
        filters.addWidget(self.export_button)
        filters.addWidget(self.ledger_button)
        self.count_label.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)  # below the list: the filter row is full

        self.department_combo.currentIndexChanged.connect(self._apply_filter)
        self.state_combo.currentIndexChanged.connect(self._apply_filter)
        self.model.total_changed.connect(self._show_count)
        self.new_button.clicked.connect(self.forms.new_talk)
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex()))
        self.table.activated.connect(self._open)  # a double-click, or Enter
        self.ledger_button.clicked.connect(self._export_ledger)

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.forms.open_talk(row.id)

    def _export_ledger(self) -> None:
        """The ledger dialog, its filters set from this page's."""
        from talkdesk.ui.ledger_dialog import LedgerDialog

        flt = self._filter()
        dialog = LedgerDialog(self._services, self._runner, flt.department_id, flt.state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_item(self, choice: str) -> None:
        """Open a record named as "talk:12" (from Today, a person's page or a search hit),
        or a new one with a person chosen, "new:12" (from the person's page)."""
        kind, _, talk_id = choice.partition(":")
        if kind == "talk" and talk_id.isdigit():
            self.forms.open_talk(int(talk_id))
        elif kind == "new" and talk_id.isdigit():
            self.forms.new_talk_with(int(talk_id))

    def _load(self) -> None:
        self._runner.submit(self._services.people.departments, on_success=self._show_departments)
        self.model.reload()

    def _filter(self) -> TalkFilter:
        state = self.state_combo.currentData()
        return TalkFilter(
            department_id=self.department_combo.currentData(),
            state=TalkState(state) if state is not None else None,
        )

    def _apply_filter(self) -> None:
        self.model.set_filter(self._filter())

    def _show_departments(self, departments: list[DepartmentRow]) -> None:
        fill_department_combo(self.department_combo, departments)
        self._apply_filter()

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("%n talk(s)", "", total))


def fill_department_combo(combo: QComboBox, departments: list[DepartmentRow]) -> None:
    """Refill a department filter (its first item is 'all'), keeping the chosen department."""
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for dep, depth in in_tree_order(departments):
        combo.addItem("    " * depth + dep.name, dep.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)
