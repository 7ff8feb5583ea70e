"""The 必谈 dialog: an event in a person's life (new post, hardship…) that calls for a talk soon."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.values import TriggerKind
from talkdesk.services.plans import default_trigger_days
from talkdesk.ui.labels import label
from talkdesk.ui.layouts import error_label


@dataclass(frozen=True)
class TriggerInput:
    """What the user fills in: saved with PlansService.add_trigger."""

    person_id: int
    kind: TriggerKind
    occurred_on: date
    within_days: int
    note: str


class TriggerDialog(QDialog):
    """Mark an event on one person. Saving is the page's job: the dialog stays open until it
    succeeds.

    Signals:
        submitted(TriggerInput): OK was pressed.
    """

    submitted = Signal(object)

    def __init__(
        self, person_id: int, person_name: str, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.person_id = person_id
        self.setWindowTitle(self.tr("Mark an event (talk required)"))
        intro = QLabel(
            self.tr(
                "Some events call for a talk soon: it then shows on the Today page and is "
                "reminded like a plan until a talk with %1 is recorded."
            ).replace("%1", person_name)
        )
        intro.setWordWrap(True)
        self.person_label = QLabel(person_name)
        self.kind_combo = QComboBox()
        for kind in TriggerKind:
            self.kind_combo.addItem(label(kind), kind.value)
        self.date_edit = QDateEdit(QDate(today))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.days_spin = QSpinBox()
        self.days_spin.setRange(0, 365)
        self.days_spin.setSuffix(self.tr(" days"))
        self.due_label = QLabel()
        self.due_label.setObjectName("hint")
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(200)
        self.note_edit.setPlaceholderText(self.tr("Optional, e.g. what happened"))
        self.error_label = error_label()

        form = QFormLayout()
        form.addRow(self.tr("Person:"), self.person_label)
        form.addRow(self.tr("&Event:"), self.kind_combo)
        form.addRow(self.tr("&Happened on:"), self.date_edit)
        form.addRow(self.tr("Talk &within:"), self.days_spin)
        form.addRow("", self.due_label)
        form.addRow(self.tr("&Note:"), self.note_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.date_edit.dateChanged.connect(self._show_due)
        self.days_spin.valueChanged.connect(self._show_due)
        self._kind_changed()

    def kind(self) -> TriggerKind:
        return TriggerKind(self.kind_combo.currentData())

    def select_kind(self, kind: TriggerKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def value(self) -> TriggerInput:
        return TriggerInput(
            person_id=self.person_id,
            kind=self.kind(),
            occurred_on=self.date_edit.date().toPython(),  # type: ignore[arg-type]
            within_days=self.days_spin.value(),
            note=self.note_edit.text().strip(),
        )

    def due_on(self) -> date:
        value = self.value()
        return value.occurred_on + timedelta(days=value.within_days)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)

    def _submit(self) -> None:
        self.error_label.hide()
        self.set_busy(True)
        self.submitted.emit(self.value())

    def _kind_changed(self, *_args: object) -> None:
        """Each kind has its usual time to talk (services.plans); the user may change it."""
        self.days_spin.setValue(default_trigger_days(self.kind()))
        self._show_due()

    def _show_due(self, *_args: object) -> None:
        self.due_label.setText(self.tr("Talk by %1").replace("%1", self.due_on().isoformat()))
