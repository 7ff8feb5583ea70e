"""The dialog that records a follow-up from outside a talk (suggestion box, survey, other) or
edits one: what, whom it concerns (or anonymous), who handles it, by when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QWidget,
)

from talkdesk.domain.values import FollowUpSource
from talkdesk.services.follow_ups import FollowUpDetail, FollowUpInput
from talkdesk.ui.labels import label
from talkdesk.ui.pages.follow_up_forms import (
    FormDialog,
    Problem,
    date_edit,
    handler_combo,
    note_edit,
)


@dataclass(frozen=True)
class EditChoices:
    """What the dialog offers, read on the database thread."""

    people: tuple[tuple[int, str], ...]  # (id, "name（department）")
    handlers: tuple[str, ...]
    today: date


class ItemEditDialog(FormDialog):
    """A new follow-up (detail None) or an existing one to edit; emits a FollowUpInput.

    An item from a talk keeps its source and person (they are the talk's); any other
    may concern a named person or be anonymous, and an anonymous one is given a
    ticket code when stored.
    """

    def __init__(
        self, choices: EditChoices, detail: FollowUpDetail | None, parent: QWidget
    ) -> None:
        super().__init__(
            self.tr("New follow-up") if detail is None else self.tr("Edit follow-up"), parent
        )
        self._detail = detail
        row = detail.row if detail is not None else None
        self.source_combo = QComboBox()
        for source in FollowUpSource:
            if source is not FollowUpSource.TALK or row is not None:
                self.source_combo.addItem(label(source), source.value)
        if row is not None:
            self.source_combo.setCurrentIndex(self.source_combo.findData(row.source.value))
            self.source_combo.setEnabled(False)  # where it came from does not change
        self.person_combo = QComboBox()
        self.person_combo.setEditable(True)
        self.person_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person_combo.addItem(self.tr("(anonymous)"), None)
        for person_id, text in choices.people:
            self.person_combo.addItem(text, person_id)
        if row is not None and row.person_id is not None:
            if self.person_combo.findData(row.person_id) < 0:  # left since: still shown
                self.person_combo.addItem(row.person_name, row.person_id)
            self.person_combo.setCurrentIndex(self.person_combo.findData(row.person_id))
        completer = self.person_combo.completer()
        assert completer is not None  # an editable combo has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.person_combo.setMinimumContentsLength(16)
        from_talk = row is not None and row.source is FollowUpSource.TALK
        self.person_combo.setEnabled(not from_talk)
        self.anonymous_hint = QLabel(
            self.tr(
                "An anonymous item gets a ticket code: give it to whoever handed the matter "
                "in, so they can ask for the answer."
            )
        )
        self.anonymous_hint.setObjectName("hint")
        self.anonymous_hint.setWordWrap(True)
        self.title_edit = QLineEdit(row.title if row is not None else "")
        self.title_edit.setMaxLength(300)
        self.detail_edit = note_edit(80)
        if detail is not None:
            self.detail_edit.setPlainText(detail.detail)
        self.handler_combo = handler_combo(choices.handlers, row.handler if row else "")
        self.due_check = QCheckBox(self.tr("D&ue by:"))
        due = row.due_on if row is not None and row.due_on is not None else None
        self.due_edit = date_edit(due or choices.today)
        self.due_check.setChecked(due is not None)
        self.due_edit.setEnabled(due is not None)
        self.due_check.toggled.connect(self.due_edit.setEnabled)

        self.form.addRow(self.tr("&Source:"), self.source_combo)
        self.form.addRow(self.tr("&Person:"), self.person_combo)
        self.form.addRow("", self.anonymous_hint)
        self.form.addRow(self.tr("&What:"), self.title_edit)
        self.form.addRow(self.tr("&Details:"), self.detail_edit)
        self.form.addRow(self.tr("&Handler:"), self.handler_combo)
        self.form.addRow(self.due_check, self.due_edit)
        self.person_combo.currentIndexChanged.connect(self._show_hint)
        self._show_hint()
        self.setMinimumWidth(520)
        self.title_edit.setFocus()

    def _person_id(self) -> int | Problem | None:
        """The chosen person's id, None for anonymous, or what is wrong with the typed name."""
        combo = self.person_combo
        if combo.currentText() != combo.itemText(combo.currentIndex()):
            found = combo.findText(combo.currentText().strip())
            if found < 0:
                return Problem(self.tr("Choose the person from the list, or “(anonymous)”."))
            combo.setCurrentIndex(found)
        person_id = combo.currentData()
        return int(person_id) if person_id is not None else None

    def _show_hint(self) -> None:
        anonymous = self.person_combo.currentData() is None
        had_code = self._detail is not None and self._detail.ticket_code is not None
        self.anonymous_hint.setVisible(anonymous and not had_code)

    def _value(self) -> object:
        person_id = self._person_id()
        if isinstance(person_id, Problem):
            return person_id
        title = self.title_edit.text().strip()
        if not title:
            self.title_edit.setFocus()
            return Problem(self.tr("Please say what the matter is."))
        return FollowUpInput(
            title=title,
            person_id=person_id,
            source=FollowUpSource(self.source_combo.currentData()),
            talk_id=self._detail.talk_id if self._detail is not None else None,
            detail=self.detail_edit.toPlainText().strip(),
            handler=self.handler_combo.currentText().strip(),
            due_on=self.due_edit.date().toPython()  # type: ignore[arg-type]
            if self.due_check.isChecked()
            else None,
        )
