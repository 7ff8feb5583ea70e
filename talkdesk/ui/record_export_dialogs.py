"""The buttons and dialogs that start a record export: from a talk's form, or for many talks.

The talk form gets an "Export…" button with a menu (Word, PDF, Print…); the
Talks page gets "Export records…", which asks which talks, in which format
and how to lay them out. Care details are left out unless the user says so,
every time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.clock import today
from talkdesk.domain.values import CareLevel
from talkdesk.reports.record_form import FileNames, file_stem, many_stem
from talkdesk.services.query import Page
from talkdesk.services.talks import TalkListRow, TalkSort
from talkdesk.ui.models.talks_model import TalksModel
from talkdesk.ui.record_export import ExportRequest, RecordExporter, RecordFormat
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services
    from talkdesk.ui.pages.talk_form import TalkForm

translate = QCoreApplication.translate


class Output(StrEnum):
    """Where records go: a Word or PDF file, or the printer."""

    DOCX = "docx"
    PDF = "pdf"
    PRINTER = "printer"


# -- the care question ------------------------------------------------------------------------


def care_question(parent: QWidget, answered: Callable[[bool], None]) -> QMessageBox:
    """Ask whether to include a flagged talk's care details; `answered(include)` unless
    cancelled. Leaving them out is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("RecordExport", "Care details"),
        translate(
            "RecordExport",
            "This talk is flagged for care. Include the care details (the flag and its "
            "reason)?\n\nIf you include them, the document is marked 内部资料 注意保密 "
            "(internal, keep confidential).",
        ),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    leave = box.addButton(
        translate("RecordExport", "Leave them out"), QMessageBox.ButtonRole.AcceptRole
    )
    include = box.addButton(
        translate("RecordExport", "Include them"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(leave)

    def clicked(button: QAbstractButton) -> None:
        if button is leave:
            answered(False)
        elif button is include:
            answered(True)

    box.buttonClicked.connect(clicked)
    box.open()
    return box


# -- one talk, from its form --------------------------------------------------------------------


class TalkExportButton(QPushButton):
    """ "Export…" on the talk form: Word, PDF or Print… of the record as stored.

    A draft with unsaved edits is saved first (the save runs before the export on
    the one database thread). Disabled until the record has been saved once.

    Attributes:
        exporter: writes, prints and reports.
        question: the care question while it is open.
    """

    def __init__(self, services: Services, runner: TaskRunner, form: TalkForm) -> None:
        super().__init__(self.tr("Export…"), form)
        self._form = form
        self.setAutoDefault(False)
        self.exporter = RecordExporter(services, runner, form)
        self.question: QMessageBox | None = None
        menu = QMenu(self)
        self.word_action = QAction(self.tr("Word (.docx)…"), self)
        self.pdf_action = QAction(self.tr("PDF…"), self)
        self.print_action = QAction(self.tr("Print…"), self)
        menu.addActions([self.word_action, self.pdf_action, self.print_action])
        self.setMenu(menu)
        self.word_action.triggered.connect(lambda: self.choose(Output.DOCX))
        self.pdf_action.triggered.connect(lambda: self.choose(Output.PDF))
        self.print_action.triggered.connect(lambda: self.choose(Output.PRINTER))
        form.saved.connect(lambda _id: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.setEnabled(self._form.talk_id is not None)
        self.setToolTip(
            "" if self.isEnabled() else self.tr("Save the record first, then export it.")
        )

    def choose(self, output: Output) -> None:
        form = self._form
        if form.talk_id is None:
            return
        if not form.is_final and form.is_dirty:
            form.save()
        value = form.value()
        flagged = value is not None and (
            value.care_level is not CareLevel.NONE or bool(value.care_reason.strip())
        )
        if flagged:
            self.question = care_question(self, lambda include: self._go(output, include))
        else:
            self._go(output, False)

    def _go(self, output: Output, include_care: bool) -> None:
        self.question = None
        form = self._form
        talk_id = form.talk_id
        if talk_id is None:
            return
        if output is Output.PRINTER:
            self.exporter.print_talks((talk_id,), include_care)
            return
        fmt = RecordFormat(output.value)
        path = self.exporter.ask_file(fmt, file_stem(form.held_at(), talk_id, translate))
        if path is not None:
            self.exporter.export(ExportRequest((talk_id,), fmt, include_care, path))


# -- many talks, from the Talks page -----------------------------------------------------------


@dataclass(frozen=True)
class ManyChoice:
    """What the user chose in the export dialog."""

    selected_only: bool
    output: Output
    per_talk: bool
    names: FileNames
    include_care: bool


class ExportRecordsDialog(QDialog):
    """Which talks (the selected ones, or every talk in the filtered list), to what, and how.

    Signals:
        chosen(ManyChoice): Export was pressed.
    """

    chosen = Signal(object)

    def __init__(self, selected: int, listed: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export records"))
        self.selected_radio = QRadioButton(self.tr("The %n selected talk(s)", "", selected))
        self.all_radio = QRadioButton(self.tr("All %n talk(s) in the list", "", listed))
        self.selected_radio.setEnabled(selected > 0)
        # several rows selected: those; otherwise the whole (filtered) list
        (self.selected_radio if selected > 1 or listed == 0 else self.all_radio).setChecked(True)
        which = QButtonGroup(self)
        which.addButton(self.selected_radio)
        which.addButton(self.all_radio)
        self.output_combo = QComboBox()
        self.output_combo.addItem(self.tr("Word document (.docx)"), Output.DOCX)
        self.output_combo.addItem(self.tr("PDF"), Output.PDF)
        self.output_combo.addItem(self.tr("Printer"), Output.PRINTER)
        self.one_radio = QRadioButton(self.tr("One document, each talk on its own pages"))
        self.per_talk_radio = QRadioButton(self.tr("One file per talk, into a folder"))
        self.one_radio.setChecked(True)
        layout_group = QButtonGroup(self)
        layout_group.addButton(self.one_radio)
        layout_group.addButton(self.per_talk_radio)
        self.names_check = QCheckBox(self.tr("Put the person's name in the file names"))
        self.care_check = QCheckBox(
            self.tr("Include care details (the documents are marked 内部资料 注意保密)")
        )
        note = QLabel(
            self.tr(
                "Private notes are never exported. Exported files are not encrypted; "
                "files are named by date and talk number."
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        talks = QVBoxLayout()
        talks.addWidget(self.selected_radio)
        talks.addWidget(self.all_radio)
        form.addRow(self.tr("Talks:"), talks)
        form.addRow(self.tr("&Format:"), self.output_combo)
        files = QVBoxLayout()
        files.addWidget(self.one_radio)
        files.addWidget(self.per_talk_radio)
        files.addWidget(self.names_check)
        form.addRow(self.tr("Files:"), files)
        form.addRow("", self.care_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

        self.output_combo.currentIndexChanged.connect(self._enable)
        self.per_talk_radio.toggled.connect(self._enable)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            selected > 0 or listed > 0
        )
        self._enable()

    def _enable(self) -> None:
        to_files = Output(self.output_combo.currentData()) is not Output.PRINTER
        for widget in (self.one_radio, self.per_talk_radio):
            widget.setEnabled(to_files)
        self.names_check.setEnabled(to_files and self.per_talk_radio.isChecked())

    def choice(self) -> ManyChoice:
        output = Output(self.output_combo.currentData())
        per_talk = output is not Output.PRINTER and self.per_talk_radio.isChecked()
        names = FileNames.DATE_NUMBER
        if per_talk and self.names_check.isChecked():
            names = FileNames.DATE_NUMBER_NAME
        return ManyChoice(
            selected_only=self.selected_radio.isChecked(),
            output=output,
            per_talk=per_talk,
            names=names,
            include_care=self.care_check.isChecked(),
        )

    def _accept(self) -> None:
        self.chosen.emit(self.choice())
        self.accept()


class RecordsExportButton(QPushButton):
    """ "Export records…" on the Talks page: the selected talks or the whole filtered list.

    Attributes:
        dialog: the export dialog while it is open.
        exporter: writes, prints and reports.
    """

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        table: QTableView,
        model: TalksModel,
        parent: QWidget,
    ) -> None:
        super().__init__(self.tr("Export records…"), parent)
        self._services = services
        self._runner = runner
        self._table = table
        self._model = model
        self.dialog: ExportRecordsDialog | None = None
        self.exporter = RecordExporter(services, runner, parent)
        self.clicked.connect(self.ask)

    def selected_rows(self) -> list[TalkListRow]:
        rows = sorted({i.row() for i in self._table.selectionModel().selectedRows()})
        return [r for r in map(self._model.row_at, rows) if r is not None]

    def ask(self) -> None:
        selected = self.selected_rows()
        dialog = ExportRecordsDialog(len(selected), self._model.total or 0, self)
        dialog.chosen.connect(lambda choice: self._chosen(choice, selected))
        self.dialog = dialog
        dialog.open()

    def _chosen(self, choice: ManyChoice, selected: list[TalkListRow]) -> None:
        self.dialog = None
        if choice.selected_only:
            self._start(choice, tuple(r.id for r in selected))
            return
        talks, model = self._services.talks, self._model
        flt, sort, descending, total = model.filter, model.sort_key, model.descending, model.total

        def read() -> tuple[int, ...]:
            key = TalkSort(sort) if sort is not None else TalkSort.HELD_AT
            rows = talks.list_talks(flt, key, descending, Page(0, max(1, total or 0)))
            return tuple(r.id for r in rows)

        self._runner.submit(read, on_success=lambda ids: self._start(choice, ids))

    def _start(self, choice: ManyChoice, ids: tuple[int, ...]) -> None:
        if not ids:
            return
        exporter = self.exporter
        if choice.output is Output.PRINTER:
            exporter.print_talks(ids, choice.include_care)
            return
        fmt = RecordFormat(choice.output.value)
        if choice.per_talk:
            folder = exporter.ask_folder()
            if folder is not None:
                request = ExportRequest(ids, fmt, choice.include_care, folder, True, choice.names)
                exporter.export(request)
            return
        on = today(self._services.session.context.clock)
        path = exporter.ask_file(fmt, many_stem(len(ids), on, translate))
        if path is not None:
            exporter.export(ExportRequest(ids, fmt, choice.include_care, path))
