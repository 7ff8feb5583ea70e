"""The plan dialog: who talks, with whom (people and whole departments), how often, how strictly."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.values import CadenceKind
from talkdesk.services.people import DepartmentRow
from talkdesk.services.plans import PersonChoice, PlanInput
from talkdesk.ui.labels import label
from talkdesk.ui.layouts import error_label
from talkdesk.ui.pages.person_dialog import in_tree_order

ID_ROLE = Qt.ItemDataRole.UserRole
_ROLLING = (CadenceKind.EVERY_N_WEEKS, CadenceKind.EVERY_N_MONTHS)


class PlanDialog(QDialog):
    """Create or edit a plan. Saving is the page's job: the dialog stays open until it succeeds.

    Signals:
        submitted(PlanInput): OK was pressed and the fields are valid.
    """

    submitted = Signal(object)

    def __init__(
        self,
        departments: Sequence[DepartmentRow],
        people: Sequence[PersonChoice],
        today: date,
        plan_id: int | None = None,
        data: PlanInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan_id = plan_id
        self.setWindowTitle(self.tr("New plan") if plan_id is None else self.tr("Edit plan"))
        self._people = list(people)

        # -- what, who, how often ------------------------------------------------------
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(60)
        self.name_edit.setPlaceholderText(self.tr("e.g. Quarterly talks, finance section"))
        self.talker_combo = QComboBox()
        for p in people:  # leaders first (the service's order)
            text = p.name if not p.department_name else f"{p.name}  ({p.department_name})"
            self.talker_combo.addItem(text, p.id)
        self.talker_combo.setCurrentIndex(-1)
        self.cadence_combo = QComboBox()
        for kind in CadenceKind:
            self.cadence_combo.addItem(label(kind), kind.value)
        self.every_spin = QSpinBox()
        self.every_spin.setRange(1, 52)
        self.every_spin.setValue(2)
        cadence_row = QHBoxLayout()
        cadence_row.setContentsMargins(0, 0, 0, 0)
        cadence_row.addWidget(self.cadence_combo, 1)
        cadence_row.addWidget(self.every_spin)

        self.soft_spin = _days_spin(self.tr("None"), self.tr(" days"))
        self.hard_spin = _days_spin(self.tr("None"), self.tr(" days"))
        limits_hint = QLabel(
            self.tr(
                "Optional. Counted from the last talk (or the plan's start). From the soft "
                "limit on the talk shows as due (yellow); after the hard limit as overdue "
                "(red). E.g. ideally every month, at most six weeks: soft 30, hard 42."
            )
        )
        limits_hint.setObjectName("hint")
        limits_hint.setWordWrap(True)
        self.start_edit = QDateEdit(QDate(today))
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd")
        self.lead_spin = QSpinBox()
        self.lead_spin.setRange(0, 30)
        self.lead_spin.setValue(3)
        self.lead_spin.setSuffix(self.tr(" working days"))
        self.lead_spin.setToolTip(
            self.tr("How many working days before a period ends to remind of who is still to go.")
        )
        self.active_check = QCheckBox(self.tr("Active (paused plans remind of nothing)"))
        self.active_check.setChecked(True)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Talker:"), self.talker_combo)
        form.addRow(self.tr("&Cadence:"), cadence_row)
        form.addRow(self.tr("&Soft limit (due):"), self.soft_spin)
        form.addRow(self.tr("&Hard limit (at the latest):"), self.hard_spin)
        form.addRow("", limits_hint)
        form.addRow(self.tr("S&tarts on:"), self.start_edit)
        form.addRow(self.tr("&Remind before period end:"), self.lead_spin)
        form.addRow("", self.active_check)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addStretch(1)

        # -- members -------------------------------------------------------------------
        self.department_tree = QTreeWidget()
        self.department_tree.setHeaderHidden(True)
        items: dict[int, QTreeWidgetItem] = {}
        for dep, _depth in in_tree_order(departments):
            parent_item = items.get(dep.parent_id) if dep.parent_id is not None else None
            item = QTreeWidgetItem([f"{dep.name} ({dep.active_people})"])
            item.setData(0, ID_ROLE, dep.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            if parent_item is None:
                self.department_tree.addTopLevelItem(item)
            else:
                parent_item.addChild(item)
            items[dep.id] = item
        self.department_tree.expandAll()
        self._department_items = items

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search by name, pinyin or initials"))
        self.search_edit.setClearButtonEnabled(True)
        self.people_list = QListWidget()
        self._person_items: dict[int, QListWidgetItem] = {}
        for p in sorted(people, key=lambda c: (c.pinyin, c.id)):
            text = p.name if not p.department_name else f"{p.name}  ({p.department_name})"
            entry = QListWidgetItem(text, self.people_list)
            entry.setData(ID_ROLE, p.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self._person_items[p.id] = entry
        people_tab = QWidget()
        people_layout = QVBoxLayout(people_tab)
        people_layout.addWidget(self.search_edit)
        people_layout.addWidget(self.people_list, 1)

        self.member_tabs = QTabWidget()
        self.member_tabs.addTab(self.department_tree, self.tr("Whole departments"))
        self.member_tabs.addTab(people_tab, self.tr("People"))
        members_hint = QLabel(
            self.tr(
                "A department covers everyone in it and in its sub-departments, also people "
                "who join it later. The talker is never their own member."
            )
        )
        members_hint.setObjectName("hint")
        members_hint.setWordWrap(True)
        self.members_label = QLabel()
        members_box = QGroupBox(self.tr("Members (people talked with)"))
        members_layout = QVBoxLayout(members_box)
        members_layout.addWidget(self.member_tabs, 1)
        members_layout.addWidget(self.members_label)
        members_layout.addWidget(members_hint)

        # -- bottom --------------------------------------------------------------------
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addWidget(left, 1)
        columns.addSpacing(12)
        columns.addWidget(members_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(900, 540)

        self.cadence_combo.currentIndexChanged.connect(self._cadence_changed)
        self.search_edit.textChanged.connect(self._search)
        self.department_tree.itemChanged.connect(self._count_members)
        self.people_list.itemChanged.connect(self._count_members)
        if data is not None:
            self._fill(data)
        else:
            self.cadence_combo.setCurrentIndex(
                self.cadence_combo.findData(CadenceKind.QUARTERLY.value)
            )
        self._cadence_changed()
        self._count_members()

    # -- reading the fields -------------------------------------------------------------

    def value(self) -> PlanInput:
        kind = CadenceKind(self.cadence_combo.currentData())
        talker = self.talker_combo.currentData()
        return PlanInput(
            name=self.name_edit.text().strip(),
            talker_id=int(talker) if talker is not None else 0,
            cadence=kind,
            start_on=self.start_edit.date().toPython(),  # type: ignore[arg-type]
            cadence_n=self.every_spin.value() if kind in _ROLLING else 1,
            person_ids=tuple(self.chosen_people()),
            department_ids=tuple(self.chosen_departments()),
            soft_days=self.soft_spin.value() or None,
            hard_days=self.hard_spin.value() or None,
            reminder_lead_days=self.lead_spin.value(),
            active=self.active_check.isChecked(),
        )

    def chosen_departments(self) -> list[int]:
        return [
            dep_id
            for dep_id, item in self._department_items.items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def chosen_people(self) -> list[int]:
        return [
            person_id
            for person_id, item in self._person_items.items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_departments(self, ids: Sequence[int]) -> None:
        for dep_id, item in self._department_items.items():
            item.setCheckState(0, _check(dep_id in ids))

    def set_people(self, ids: Sequence[int]) -> None:
        for person_id, item in self._person_items.items():
            item.setCheckState(_check(person_id in ids))

    def select_talker(self, person_id: int) -> None:
        self.talker_combo.setCurrentIndex(self.talker_combo.findData(person_id))

    # -- errors and busy -----------------------------------------------------------------

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        """While the page saves, OK cannot be pressed twice."""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)

    def _submit(self) -> None:
        data = self.value()
        problem = self._problem(data)
        if problem:
            self.show_error(problem)
            return
        self.error_label.hide()
        self.set_busy(True)
        self.submitted.emit(data)

    def _problem(self, data: PlanInput) -> str:
        if not data.name:
            self.name_edit.setFocus()
            return self.tr("Please enter a name for the plan.")
        if self.talker_combo.currentIndex() < 0:
            self.talker_combo.setFocus()
            return self.tr("Please choose the talker.")
        if not data.person_ids and not data.department_ids:
            return self.tr("Please choose the people or departments this plan covers.")
        if data.soft_days and data.hard_days and data.hard_days < data.soft_days:
            self.hard_spin.setFocus()
            return self.tr("The hard limit cannot be shorter than the soft limit.")
        return ""

    # -- reacting ------------------------------------------------------------------------

    def _cadence_changed(self, *_args: object) -> None:
        kind = CadenceKind(self.cadence_combo.currentData())
        self.every_spin.setVisible(kind in _ROLLING)
        if kind is CadenceKind.EVERY_N_WEEKS:
            self.every_spin.setPrefix(self.tr("every "))
            self.every_spin.setSuffix(self.tr(" weeks"))
        elif kind is CadenceKind.EVERY_N_MONTHS:
            self.every_spin.setPrefix(self.tr("every "))
            self.every_spin.setSuffix(self.tr(" months"))

    def _search(self, text: str) -> None:
        needle = text.strip().lower()
        for p in self._people:
            item = self._person_items[p.id]
            shown = (
                not needle
                or needle in p.name.lower()
                or needle in p.department_name.lower()
                or p.pinyin.startswith(needle)
                or p.initials.startswith(needle)
            )
            item.setHidden(not shown)

    def _count_members(self, *_args: object) -> None:
        deps, people = len(self.chosen_departments()), len(self.chosen_people())
        self.members_label.setText(
            self.tr("Chosen: %1 department(s), %2 person(s)")
            .replace("%1", str(deps))
            .replace("%2", str(people))
        )

    def _fill(self, data: PlanInput) -> None:
        self.name_edit.setText(data.name)
        self.select_talker(data.talker_id)
        self.cadence_combo.setCurrentIndex(max(0, self.cadence_combo.findData(data.cadence.value)))
        self.every_spin.setValue(data.cadence_n if data.cadence in _ROLLING else 2)
        self.soft_spin.setValue(data.soft_days or 0)
        self.hard_spin.setValue(data.hard_days or 0)
        self.start_edit.setDate(QDate(data.start_on))
        self.lead_spin.setValue(data.reminder_lead_days)
        self.active_check.setChecked(data.active)
        self.set_departments(data.department_ids)
        self.set_people(data.person_ids)


def _days_spin(none_text: str, suffix: str) -> QSpinBox:
    """Days, 0 shown as 'None' (no limit)."""
    spin = QSpinBox()
    spin.setRange(0, 730)
    spin.setSpecialValueText(none_text)
    spin.setSuffix(suffix)
    return spin


def _check(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
