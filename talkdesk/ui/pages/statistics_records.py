"""The records behind a bar or slice of the statistics: talks, follow-ups or people, in a table
whose lines open the record they stand for."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.values import CareLevel
from talkdesk.services.follow_ups import FollowUpListRow
from talkdesk.services.statistics_figures import CaredPerson, CoveredPerson, RecordKind, Records
from talkdesk.services.talks import TalkListRow
from talkdesk.ui.labels import label, topics_text
from talkdesk.ui.models.formats import date_text, datetime_text
from talkdesk.ui.models.table import CENTER, Column, RowsTableModel
from talkdesk.ui.pages.record_table import RecordTable

WARN = QColor("#c62828")


class RecordsPanel(QFrame):
    """A titled table of the records behind the figure last clicked; hidden until then.

    Attributes:
        records: what it lists (None while hidden).
        tables: one table per kind of record.

    Signals:
        open_page(str, str): a line was activated: ("talks", "talk:12"),
            ("follow_ups", "follow_up:7") or ("people", "person:12").
        closed(): the user closed the panel.
    """

    open_page = Signal(str, str)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordsPanel")
        self.records: Records | None = None
        self.title_label = QLabel()
        self.title_label.setObjectName("sectionTitle")
        self.note_label = QLabel()
        self.note_label.setObjectName("detail")
        self.hint_label = QLabel(self.tr("Double-click a line to open it."))
        self.hint_label.setObjectName("detail")
        self.close_button = QPushButton(self.tr("Close list"))
        self.talks_model: RowsTableModel[TalkListRow] = RowsTableModel(self._talk_columns(), self)
        self.follow_ups_model: RowsTableModel[FollowUpListRow] = RowsTableModel(
            self._follow_up_columns(), self
        )
        self.covered_model: RowsTableModel[CoveredPerson] = RowsTableModel(
            self._covered_columns(), self
        )
        self.cared_model: RowsTableModel[CaredPerson] = RowsTableModel(self._cared_columns(), self)
        self.tables = {
            RecordKind.TALKS: RecordTable(self.talks_model, (130, 90, 130, 90, 110), stretch=5),
            RecordKind.FOLLOW_UPS: RecordTable(
                self.follow_ups_model, (240, 90, 130, 130, 100, 90), stretch=0
            ),
            RecordKind.COVERED_PEOPLE: RecordTable(self.covered_model, (140, 180), stretch=2),
            RecordKind.CARED_PEOPLE: RecordTable(self.cared_model, (120, 160, 100, 110), stretch=4),
        }
        self.stack = QStackedWidget()
        for kind, table in self.tables.items():
            self.stack.addWidget(table)
            table.activated.connect(lambda index, k=kind: self._activated(k, index))

        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addWidget(self.note_label)
        header.addStretch(1)
        header.addWidget(self.hint_label)
        header.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        self.close_button.clicked.connect(self._close)

    # -- showing ------------------------------------------------------------------------------

    def show_records(self, title: str, records: Records) -> None:
        self.records = records
        self.title_label.setText(title)
        if records.shown < records.total:
            note = self.tr("the first %1 of %n record(s)", "", records.total)
            note = note.replace("%1", str(records.shown))
        else:
            note = self.tr("%n record(s)", "", records.total)
        self.note_label.setText(note)
        self.talks_model.set_rows(records.talks)
        self.follow_ups_model.set_rows(records.follow_ups)
        self.covered_model.set_rows(records.covered)
        self.cared_model.set_rows(records.cared)
        self.stack.setCurrentWidget(self.tables[records.kind])
        self.show()

    def table(self) -> RecordTable:
        """The table now shown."""
        widget = self.stack.currentWidget()
        assert isinstance(widget, RecordTable)
        return widget

    def clear(self) -> None:
        self.records = None
        for model in (self.talks_model, self.follow_ups_model, self.covered_model):
            model.set_rows([])
        self.cared_model.set_rows([])
        self.hide()

    def _close(self) -> None:
        self.clear()
        self.closed.emit()

    def _activated(self, kind: RecordKind, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = index.row()
        if kind is RecordKind.TALKS and (talk := self.talks_model.row_at(row)) is not None:
            self.open_page.emit("talks", f"talk:{talk.id}")
        elif kind is RecordKind.FOLLOW_UPS and (item := self.follow_ups_model.row_at(row)):
            self.open_page.emit("follow_ups", f"follow_up:{item.id}")
        elif kind is RecordKind.COVERED_PEOPLE and (person := self.covered_model.row_at(row)):
            self.open_page.emit("people", f"person:{person.id}")
        elif kind is RecordKind.CARED_PEOPLE and (cared := self.cared_model.row_at(row)):
            self.open_page.emit("people", f"person:{cared.id}")

    # -- columns ------------------------------------------------------------------------------

    def _talk_columns(self) -> list[Column[TalkListRow]]:
        return [
            Column(lambda: self.tr("Date and time"), lambda r: datetime_text(r.held_at)),
            Column(lambda: self.tr("Talked with"), lambda r: r.person_name),
            Column(lambda: self.tr("Department"), lambda r: r.department_name),
            Column(lambda: self.tr("Talker"), lambda r: r.talker_name),
            Column(lambda: self.tr("Kind"), lambda r: label(r.kind)),
            Column(lambda: self.tr("Topics"), lambda r: topics_text(r.topics)),
            Column(
                lambda: self.tr("Care"),
                lambda r: label(r.care_level) if r.care_level is not CareLevel.NONE else "",
            ),
        ]

    def _follow_up_columns(self) -> list[Column[FollowUpListRow]]:
        return [
            Column(lambda: self.tr("What"), lambda r: r.title),
            Column(lambda: self.tr("Person"), lambda r: r.person_name or self.tr("Anonymous")),
            Column(lambda: self.tr("Department"), lambda r: r.department_name),
            Column(lambda: self.tr("Handler"), lambda r: r.handler),
            Column(lambda: self.tr("Due"), lambda r: date_text(r.due_on), align=CENTER),
            Column(lambda: self.tr("Status"), lambda r: label(r.status)),
            Column(
                lambda: self.tr("Feedback given"), lambda r: date_text(r.feedback_on), align=CENTER
            ),
        ]

    def _covered_columns(self) -> list[Column[CoveredPerson]]:
        return [
            Column(lambda: self.tr("Person"), lambda r: r.name),
            Column(lambda: self.tr("Department"), lambda r: r.department_name),
            Column(
                lambda: self.tr("Last talk in the period"),
                lambda r: date_text(r.talked_on) if r.talked_on else self.tr("None yet"),
                foreground=lambda r: None if r.talked_on else WARN,
            ),
        ]

    def _cared_columns(self) -> list[Column[CaredPerson]]:
        return [
            Column(lambda: self.tr("Person"), lambda r: r.name),
            Column(lambda: self.tr("Department"), lambda r: r.department_name),
            Column(lambda: self.tr("Care"), lambda r: label(r.care_level)),
            Column(lambda: self.tr("Flagged on"), lambda r: date_text(r.flagged_on), align=CENTER),
            Column(
                lambda: self.tr("Talked with again on"),
                lambda r: date_text(r.talked_again_on) if r.talked_again_on else self.tr("Not yet"),
                foreground=lambda r: None if r.talked_again_on else WARN,
            ),
        ]
