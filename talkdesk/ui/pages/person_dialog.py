"""The dialogs of the People page: a person's details, and marking a person as left."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.values import Gender
from talkdesk.services.people import DepartmentRow, PersonInput, PersonRow
from talkdesk.ui.labels import label
from talkdesk.ui.layouts import error_label

NO_DATE = QDate(1900, 1, 1)
"""The joined-date field's minimum, shown as 'Not set': a person's joining date may be unknown."""


class PersonDialog(QDialog):
    """Add or edit a person. Saving is the page's job: the dialog stays open until it succeeds.

    Signals:
        submitted(PersonInput): OK was pressed and the fields are valid.
    """

    submitted = Signal(object)

    def __init__(
        self,
        departments: Sequence[DepartmentRow],
        person: PersonRow | None = None,
        default_department: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.person_id = person.id if person is not None else None
        self.setWindowTitle(self.tr("Add person") if person is None else self.tr("Edit person"))

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(50)
        self.gender_combo = QComboBox()
        for gender in (Gender.UNKNOWN, Gender.MALE, Gender.FEMALE):
            self.gender_combo.addItem(label(gender), gender)
        self.department_combo = QComboBox()
        self.department_combo.addItem(self.tr("(no department)"), None)
        for dep, depth in in_tree_order(departments):
            self.department_combo.addItem("    " * depth + dep.name, dep.id)
        self.position_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.party_check = QCheckBox(self.tr("Member of the Communist Party of China"))
        self.joined_edit = QDateEdit()
        self.joined_edit.setCalendarPopup(True)
        self.joined_edit.setDisplayFormat("yyyy-MM-dd")
        self.joined_edit.setMinimumDate(NO_DATE)
        self.joined_edit.setSpecialValueText(self.tr("Not set"))
        self.leader_check = QCheckBox(self.tr("Leader (can hold talks)"))
        self.error_label = error_label()

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Gender:"), self.gender_combo)
        form.addRow(self.tr("&Department:"), self.department_combo)
        form.addRow(self.tr("&Position:"), self.position_edit)
        form.addRow(self.tr("P&hone:"), self.phone_edit)
        form.addRow(self.tr("&Joined on:"), self.joined_edit)
        form.addRow("", self.party_check)
        form.addRow("", self.leader_check)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

        if person is not None:
            self._fill(person.to_input())
        else:
            self._select_department(default_department)
            self.joined_edit.setDate(NO_DATE)

    def value(self) -> PersonInput:
        joined = self.joined_edit.date()
        return PersonInput(
            name=self.name_edit.text().strip(),
            department_id=self.department_combo.currentData(),
            position=self.position_edit.text().strip(),
            gender=Gender(self.gender_combo.currentData()),
            phone=self.phone_edit.text().strip(),
            party_member=self.party_check.isChecked(),
            joined_on=None if joined == NO_DATE else joined.toPython(),
            is_leader=self.leader_check.isChecked(),
        )

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        """While the page saves, OK cannot be pressed twice."""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)

    def _submit(self) -> None:
        data = self.value()
        if not data.name:
            self.show_error(self.tr("Please enter the person's name."))
            self.name_edit.setFocus()
            return
        self.error_label.hide()
        self.set_busy(True)
        self.submitted.emit(data)

    def _fill(self, data: PersonInput) -> None:
        self.name_edit.setText(data.name)
        self.gender_combo.setCurrentIndex(max(0, self.gender_combo.findData(data.gender)))
        self._select_department(data.department_id)
        self.position_edit.setText(data.position)
        self.phone_edit.setText(data.phone)
        self.party_check.setChecked(data.party_member)
        self.joined_edit.setDate(QDate(data.joined_on) if data.joined_on else NO_DATE)
        self.leader_check.setChecked(data.is_leader)

    def _select_department(self, department_id: int | None) -> None:
        self.department_combo.setCurrentIndex(max(0, self.department_combo.findData(department_id)))


class LeaveDialog(QDialog):
    """Confirm that a person left, and on which day. Their records are kept."""

    def __init__(self, name: str, on: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark as left"))
        text = QLabel(
            self.tr(
                "Mark %1 as left? Their talks and follow-ups are kept, "
                "but they are no longer listed or planned for."
            ).replace("%1", name)
        )
        text.setWordWrap(True)
        self.date_edit = QDateEdit(QDate(on))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout()
        form.addRow(self.tr("&Left on:"), self.date_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark as left"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def left_on(self) -> date:
        return self.date_edit.date().toPython()  # type: ignore[no-any-return]


def in_tree_order(departments: Sequence[DepartmentRow]) -> list[tuple[DepartmentRow, int]]:
    """Departments depth-first under their parents, each with its depth (for indenting)."""
    children: dict[int | None, list[DepartmentRow]] = {}
    known = {d.id for d in departments}
    for dep in departments:
        parent = dep.parent_id if dep.parent_id in known else None
        children.setdefault(parent, []).append(dep)
    out: list[tuple[DepartmentRow, int]] = []

    def walk(parent: int | None, depth: int) -> None:
        for dep in children.get(parent, []):
            out.append((dep, depth))
            walk(dep.id, depth + 1)

    walk(None, 0)
    return out
