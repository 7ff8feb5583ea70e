"""The roster import wizard: choose a file, match its columns, read the per-row report, import.

Reading the file, checking the rows and importing run on the task runner's
thread; the dialog only shows what comes back. The last import can be undone
from the first and the last step.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.errors import TalkdeskError
from talkdesk.domain.roster import ColumnMapping, RosterField, RosterReport, RowResult, RowStatus
from talkdesk.domain.roster_values import normal_text
from talkdesk.services.roster_import import ImportBatchRow, ImportSummary, RosterFile, UndoSummary
from talkdesk.ui.layouts import error_label
from talkdesk.ui.messages import error_text
from talkdesk.ui.models.table import RIGHT, Column, RowsTableModel
from talkdesk.ui.pages.record_table import RecordTable
from talkdesk.ui.roster_texts import (
    column_letter,
    department_text,
    field_label,
    problems_text,
    status_label,
    undo_refusal_text,
)
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services

FILE, MAPPING, REPORT, DONE = range(4)
PREVIEW_ROWS = 10
ERROR_COLOUR = QColor("#c62828")
DUPLICATE_COLOUR = QColor("#b54708")


class ImportDialog(QDialog):
    """Roster import, step by step. `choose_file(path)` is what the Browse button does."""

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._roster = services.roster
        self._runner = runner
        self.found: RosterFile | None = None
        self.report: RosterReport | None = None
        self.last: ImportBatchRow | None = None
        self.setWindowTitle(self.tr("Import people"))
        self.resize(860, 560)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._report_page())
        self.pages.addWidget(self._done_page())
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.error_label = error_label()
        self.back_button = QPushButton(self.tr("< &Back"))
        self.next_button = QPushButton(self.tr("&Next >"))
        self.next_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.close_button.clicked.connect(self.reject)
        self._show_page(FILE)
        self._load_last_import()

    # -- pages -------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Choose a roster as an Excel workbook (.xlsx) or a CSV file (UTF-8 or GBK). "
                "Its columns are matched by their headers (姓名, 部门, 职务, 性别, 政治面貌, "
                "入职时间, 电话, or Name, Department, …); you can change the matching next."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.file_edit = QLineEdit(page)
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("No file chosen"))
        self.browse_button = QPushButton(self.tr("&Choose file…"), page)
        self.browse_button.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        self.last_label = QLabel(page)
        self.last_label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("&Undo last import…"), page)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_last_import)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.last_label, 1)
        undo_row.addWidget(self.undo_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addStretch(1)
        layout.addLayout(undo_row)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget(self)
        self.mapping_intro = QLabel(page)
        self.mapping_intro.setWordWrap(True)
        self.combos: dict[RosterField, QComboBox] = {}
        grid = QGridLayout()
        for i, fld in enumerate(RosterField):
            combo = QComboBox(page)
            combo.currentIndexChanged.connect(lambda _i, f=fld: self._column_chosen(f))
            self.combos[fld] = combo
            label = QLabel(field_label(fld) + ":", page)
            label.setBuddy(combo)
            grid.addWidget(label, i // 4, (i % 4) * 2)
            grid.addWidget(combo, i // 4, (i % 4) * 2 + 1)
        for column in range(4):
            grid.setColumnStretch(column * 2 + 1, 1)  # the combos take the width
        self.preview_table = QTableWidget(page)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setWordWrap(False)
        layout = QVBoxLayout(page)
        layout.addWidget(self.mapping_intro)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("The first rows of the file:"), page))
        layout.addWidget(self.preview_table, 1)
        return page

    def _report_page(self) -> QWidget:
        page = QWidget(self)
        self.report_summary = QLabel(page)
        self.report_summary.setWordWrap(True)
        self.report_model: RowsTableModel[RowResult] = RowsTableModel(_report_columns(), page)
        self.report_table = RecordTable(self.report_model, widths=(60, 80, 110, 160), parent=page)
        self.duplicates_check = QCheckBox(self.tr("Import &duplicates too"), page)
        self.duplicates_check.toggled.connect(self._update_import_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.report_summary)
        layout.addWidget(self.report_table, 1)
        layout.addWidget(self.duplicates_check)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        self.done_label = QLabel(page)
        self.done_label.setWordWrap(True)
        self.undo_done_button = QPushButton(self.tr("&Undo this import…"), page)
        self.undo_done_button.clicked.connect(self.undo_last_import)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.undo_done_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_label)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # -- steps -------------------------------------------------------------------------

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.error_label.hide()
        self.back_button.setVisible(index in (MAPPING, REPORT))
        self.next_button.setVisible(index in (FILE, MAPPING, REPORT))
        self.close_button.setText(self.tr("Close") if index == DONE else self.tr("Cancel"))
        if index == FILE:
            self.next_button.setText(self.tr("&Next >"))
            self.next_button.setEnabled(self.found is not None)
        elif index == MAPPING:
            self.next_button.setText(self.tr("&Check rows >"))
            self._update_mapping_button()
        elif index == REPORT:
            self._update_import_button()

    def _back(self) -> None:
        self._show_page(max(FILE, self.pages.currentIndex() - 1))

    def _next(self) -> None:
        page = self.pages.currentIndex()
        if page == FILE and self.found is not None:
            self._show_page(MAPPING)
        elif page == MAPPING:
            self._check()
        elif page == REPORT:
            self.start_import()

    def _busy(self, text: str) -> None:
        self.status_label.setText(text)
        self.error_label.hide()
        for button in (self.next_button, self.back_button, self.browse_button, self.undo_button):
            button.setEnabled(False)
        self.undo_done_button.setEnabled(False)

    def _idle(self) -> None:
        self.status_label.clear()
        self.back_button.setEnabled(True)
        self.browse_button.setEnabled(True)
        self._show_undo_state()
        self._show_page(self.pages.currentIndex())

    def _failed(self, error: TalkdeskError) -> None:
        self._idle()
        self.error_label.setText(error_text(error))
        self.error_label.show()

    # -- step 1: the file ----------------------------------------------------------------

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a roster"),
            "",
            self.tr("Rosters (*.xlsx *.csv);;All files (*)"),
        )
        if path:
            self.choose_file(Path(path))

    def choose_file(self, path: Path) -> None:
        """Read `path` (off the GUI thread); on success the column matching is shown."""
        self.file_edit.setText(str(path))
        self.found = None
        self._busy(self.tr("Reading the file…"))
        roster = self._roster
        self._runner.submit(lambda: roster.read(path), self._file_read, self._failed)

    def _file_read(self, found: RosterFile) -> None:
        self.found = found
        self._fill_mapping(found)
        self._idle()
        self._show_page(MAPPING)

    # -- step 2: the columns ---------------------------------------------------------------

    def _fill_mapping(self, found: RosterFile) -> None:
        layout = found.layout
        width = max(found.sheet.width, len(layout.headers))
        names = [self._column_name(found, c) for c in range(width)]
        for fld, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not imported)"), None)
            for column, name in enumerate(names):
                combo.addItem(name, column)
            combo.setCurrentIndex(max(0, combo.findData(layout.mapping.column(fld))))
            combo.blockSignals(False)
        if layout.header_index is None:
            intro = self.tr(
                "No header row was recognised in %1. Choose the column of each field below."
            ).replace("%1", found.file_name)
        else:
            intro = (
                self.tr("The header of %1 is on row %2. Check the column chosen for each field.")
                .replace("%1", found.file_name)
                .replace("%2", str(found.sheet.rows[layout.header_index].number))
            )
        self.mapping_intro.setText(intro)
        self._fill_preview(found, names)

    def _column_name(self, found: RosterFile, column: int) -> str:
        headers = found.layout.headers
        header = headers[column] if column < len(headers) else ""
        return f"{column_letter(column)}: {header}" if header else column_letter(column)

    def _fill_preview(self, found: RosterFile, names: list[str]) -> None:
        rows = found.layout.data_rows(found.sheet)[:PREVIEW_ROWS]
        table = self.preview_table
        table.clear()
        table.setColumnCount(len(names))
        table.setRowCount(len(rows))
        table.setVerticalHeaderLabels([str(r.number) for r in rows])
        for i, row in enumerate(rows):
            for column, value in enumerate(row.cells):
                table.setItem(i, column, QTableWidgetItem(normal_text(value)))
        self._label_preview_columns()

    def _label_preview_columns(self) -> None:
        if self.found is None:
            return
        mapping = self.mapping()
        fields = {column: fld for fld, column in mapping.pairs}
        for column in range(self.preview_table.columnCount()):
            name = self._column_name(self.found, column)
            fld = fields.get(column)
            text = f"{name}\n→ {field_label(fld)}" if fld is not None else name
            self.preview_table.setHorizontalHeaderItem(column, QTableWidgetItem(text))

    def mapping(self) -> ColumnMapping:
        """The columns as the combos now say."""
        return ColumnMapping.of({f: c.currentData() for f, c in self.combos.items()})

    def _column_chosen(self, fld: RosterField) -> None:
        """A column feeds one field: the field that had it lets it go."""
        column = self.combos[fld].currentData()
        if column is not None:
            for other, combo in self.combos.items():
                if other is not fld and combo.currentData() == column:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._label_preview_columns()
        self._update_mapping_button()

    def _update_mapping_button(self) -> None:
        has_name = self.combos[RosterField.NAME].currentData() is not None
        self.next_button.setEnabled(has_name)
        self.next_button.setToolTip("" if has_name else self.tr("Choose the column of names."))

    # -- step 3: the report ------------------------------------------------------------------

    def _check(self) -> None:
        found, mapping = self.found, self.mapping()
        if found is None:
            return
        self._busy(self.tr("Checking the rows…"))
        roster = self._roster
        self._runner.submit(lambda: roster.check(found, mapping), self._checked, self._failed)

    def _checked(self, report: RosterReport) -> None:
        self.report = report
        self.report_model.set_rows(report.rows)
        self.report_summary.setText(
            self.tr("%n row(s) can be imported", "", report.count(RowStatus.OK))
            + self.tr(", %n duplicate(s)", "", report.count(RowStatus.DUPLICATE))
            + self.tr(", %n row(s) with errors.", "", report.count(RowStatus.ERROR))
            + " "
            + self.tr("Duplicates (same name and department) are skipped unless you tick the box.")
        )
        self._idle()
        self._show_page(REPORT)

    def _count_to_import(self) -> int:
        if self.report is None:
            return 0
        return len(self.report.to_import(self.duplicates_check.isChecked()))

    def _update_import_button(self) -> None:
        if self.pages.currentIndex() != REPORT:
            return
        n = self._count_to_import()
        self.next_button.setText(self.tr("&Import %n person(s)", "", n))
        self.next_button.setEnabled(n > 0)

    # -- step 4: importing -----------------------------------------------------------------

    def start_import(self) -> None:
        found, mapping = self.found, self.mapping()
        if found is None or self._count_to_import() == 0:
            return
        duplicates = self.duplicates_check.isChecked()
        self._busy(self.tr("Importing…"))
        roster = self._roster
        self._runner.submit(
            lambda: roster.import_roster(found, mapping, duplicates), self._imported, self._failed
        )

    def _imported(self, result: tuple[ImportSummary, object]) -> None:
        summary = result[0]
        report = summary.report
        skipped = report.count(RowStatus.ERROR) + (
            0 if self.duplicates_check.isChecked() else report.count(RowStatus.DUPLICATE)
        )
        self.done_label.setText(
            self.tr("%n person(s) imported", "", summary.people)
            + self.tr(", %n department(s) created.", "", summary.departments)
            + " "
            + self.tr("%n row(s) skipped (duplicates or errors).", "", skipped)
        )
        self._idle()
        self._show_page(DONE)
        self._load_last_import()

    # -- undo ----------------------------------------------------------------------------------

    def _load_last_import(self) -> None:
        roster = self._roster
        self._runner.submit(roster.last_import, self._show_last_import, lambda _e: None)

    def _show_last_import(self, last: ImportBatchRow | None) -> None:
        self.last = last
        self._show_undo_state()

    def _show_undo_state(self) -> None:
        last = self.last
        can_undo = last is not None and last.refusal is None
        self.undo_button.setEnabled(can_undo)
        self.undo_done_button.setEnabled(can_undo)
        if last is None:
            self.last_label.setText(self.tr("No roster has been imported yet."))
            return
        when = last.created_at.strftime("%Y-%m-%d %H:%M")
        text = self.tr("Last import: %1, %n person(s).", "", last.people).replace("%1", when)
        if last.undone_at is not None:
            text += " " + self.tr("It was undone.")
        elif last.refusal is not None:
            text += " " + undo_refusal_text(last.refusal.value)
        self.last_label.setText(text)

    def undo_last_import(self) -> None:
        """Ask, then remove what the last import created."""
        last = self.last
        if last is None or last.refusal is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Undo last import"),
            self.tr(
                "Remove the %n person(s) the last import added, and the departments it created?",
                "",
                last.people,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Undo import"))
        box.buttonClicked.connect(
            lambda clicked: (
                self._undo() if box.buttonRole(clicked) == QMessageBox.ButtonRole.YesRole else None
            )
        )
        box.open()

    def _undo(self) -> None:
        self._busy(self.tr("Undoing the last import…"))
        roster = self._roster
        self._runner.submit(roster.undo_last_import, self._undone, self._failed)

    def _undone(self, result: tuple[UndoSummary, object]) -> None:
        summary = result[0]
        self._idle()
        self.status_label.setText(
            self.tr("The import was undone: %n person(s) removed", "", summary.people)
            + self.tr(", %n department(s) removed.", "", summary.departments)
        )
        self._load_last_import()


def _report_columns() -> list[Column[RowResult]]:
    def colour(row: RowResult) -> QColor | None:
        if row.status is RowStatus.ERROR:
            return ERROR_COLOUR
        return DUPLICATE_COLOUR if row.status is RowStatus.DUPLICATE else None

    translate = QCoreApplication.translate
    return [
        Column(lambda: translate("ImportDialog", "Row"), lambda r: str(r.number), align=RIGHT),
        Column(
            lambda: translate("ImportDialog", "Status"),
            lambda r: status_label(r.status),
            foreground=colour,
        ),
        Column(lambda: translate("ImportDialog", "Name"), lambda r: r.person.name),
        Column(
            lambda: translate("ImportDialog", "Department"),
            lambda r: department_text(r.person.department),
        ),
        Column(
            lambda: translate("ImportDialog", "Problem"),
            problems_text,
            foreground=colour,
            tooltip=problems_text,
        ),
    ]
