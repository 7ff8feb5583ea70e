"""The talk record (谈心谈话记录表): fields, prompts and carry-over, drafts saved as one types,
finalising, and amendments of a finalised record."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.errors import TalkdeskError
from talkdesk.domain.values import CareLevel, FollowUpStatus, TalkKind, Topic
from talkdesk.services.follow_ups import FollowUpFilter, FollowUpInput, FollowUpListRow
from talkdesk.services.query import Page
from talkdesk.services.talks import TalkDetail, TalkFilter, TalkInput, TalkListRow
from talkdesk.services.templates import TemplateRow
from talkdesk.ui.labels import label
from talkdesk.ui.messages import error_text
from talkdesk.ui.models.formats import datetime_text
from talkdesk.ui.pages.carry_over import CarryOverPanel, ItemUpdate
from talkdesk.ui.pages.person_dialog import NO_DATE
from talkdesk.ui.pages.prompts_panel import PromptsPanel
from talkdesk.ui.record_export_dialogs import TalkExportButton
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services

AUTOSAVE_MS = 2000
"""How long after the last keystroke the draft saves itself."""

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class FormChoices:
    """What the form offers, read once on the database thread."""

    talkers: tuple[tuple[int, str], ...]  # leaders first
    people: tuple[tuple[int, str], ...]
    templates: tuple[TemplateRow, ...]
    now: datetime


@dataclass(frozen=True)
class Opened:
    choices: FormChoices
    detail: TalkDetail | None
    items: tuple[FollowUpListRow, ...]  # the follow-ups made in this talk
    person_id: int | None = None  # a new talk with this person chosen (from their page)


@dataclass(frozen=True)
class Saved:
    detail: TalkDetail
    created: tuple[int, ...]  # ids of the follow-ups made from the table's new rows


class TalkFormLauncher(QObject):
    """Reads what a form needs off the GUI thread, then opens it (one form at a time).

    Signals:
        opened(TalkForm): the form is shown.
    """

    opened = Signal(object)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._parent = parent
        self.form: TalkForm | None = None

    def new_talk(self) -> None:
        self._runner.submit(lambda: self._read(None), self._open)

    def new_talk_with(self, person_id: int) -> None:
        """A new record with the person already chosen (their page's "New talk")."""
        self._runner.submit(lambda: replace(self._read(None), person_id=person_id), self._open)

    def open_talk(self, talk_id: int) -> None:
        self._runner.submit(lambda: self._read(talk_id), self._open)

    def _read(self, talk_id: int | None) -> Opened:
        services = self._services
        talkers_first = services.plans.person_choices()  # narrow rows: leaders, then pinyin
        everyone = sorted(talkers_first, key=lambda p: (p.pinyin, p.id))
        detail = services.talks.get_talk(talk_id) if talk_id is not None else None
        if detail is not None and not detail.is_final:
            services.talks.set_editing(detail.id, True)  # offered back if talkdesk ends now
        items: list[FollowUpListRow] = []
        if detail is not None:
            items = services.follow_ups.list_follow_ups(FollowUpFilter(talk_id=detail.id))
        people = [(p.id, _person_text(p.name, p.department_name)) for p in everyone]
        talkers = [(p.id, p.name) for p in talkers_first]
        if detail is not None:  # someone who has left since still shows on their record
            row = detail.row
            if all(i != row.person_id for i, _ in people):
                people.append((row.person_id, _person_text(row.person_name, row.department_name)))
            if all(i != row.talker_id for i, _ in talkers):
                talkers.append((row.talker_id, row.talker_name))
        choices = FormChoices(
            tuple(talkers),
            tuple(people),
            tuple(services.templates.templates()),
            services.session.context.now(),
        )
        return Opened(choices, detail, tuple(items))

    def _open(self, opened: Opened) -> None:
        if self.form is not None:
            self.form.close()
        form = TalkForm(self._services, self._runner, opened, self._parent)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.destroyed.connect(lambda: self._forget(form))
        self.form = form
        form.show()
        self.opened.emit(form)

    def _forget(self, form: TalkForm) -> None:
        if self.form is form:
            self.form = None


def _person_text(name: str, department: str) -> str:
    return f"{name} · {department}" if department else name


class TalkForm(QDialog):
    """One talk record. New and draft records are edited and saved as drafts (by Save, and by
    themselves a moment after typing stops); a finalised record is read-only and takes
    amendments. Each save goes through the task runner; the form stays open.

    Attributes:
        talk_id: the stored record, once saved.
        autosave_timer: restarted by every edit; its timeout saves the draft.
        confirmation / amend_dialog: the open finalise question and amendment dialog, if any.

    Signals:
        saved(int): the record was stored (its id).
    """

    saved = Signal(int)

    def __init__(
        self, services: Services, runner: TaskRunner, opened: Opened, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._choices = opened.choices
        self.detail = opened.detail
        self.talk_id = opened.detail.id if opened.detail is not None else None
        self._stored_id: int | None = None  # set on the database thread by the first save
        self._edits = 0
        self._saved_edits = 0
        self._saving = False
        self._loading = True
        self.confirmation: QMessageBox | None = None
        self.amend_dialog: AmendDialog | None = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.setWindowTitle(self.tr("Talk record"))
        self._build()
        self._wire()
        self._fill(opened)
        self._loading = False
        self._fit_screen()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        now = self._choices.now
        self.date_edit = QDateEdit(QDate(now.date()))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.time_edit = QTimeEdit(QTime(now.hour, now.minute))
        self.time_edit.setDisplayFormat("HH:mm")
        self.place_edit = QLineEdit()
        self.place_edit.setMaxLength(100)
        self.talker_combo = QComboBox()
        self.talker_combo.addItem(self.tr("(choose a talker)"), None)
        self.person_combo = QComboBox()
        self.person_combo.setEditable(True)
        self.person_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person_combo.addItem(self.tr("(choose a person)"), None)
        completer = self.person_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.person_combo.lineEdit().setPlaceholderText(self.tr("Type to search"))
        for combo in (self.talker_combo, self.person_combo):
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.others_edit = QLineEdit()
        self.recorder_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for kind in TalkKind:
            self.kind_combo.addItem(label(kind), kind)
        self.care_combo = QComboBox()
        for level in CareLevel:
            self.care_combo.addItem(label(level), level)
        self.care_reason_edit = QLineEdit()
        self.care_reason_edit.setPlaceholderText(self.tr("Reason"))
        self.topic_checks = {topic: QCheckBox(label(topic)) for topic in Topic}
        self.content_edit = _text_edit(self.tr("What was talked about"))
        self.problems_edit = _text_edit(self.tr("Problems the person raised"))
        self.suggestions_edit = _text_edit(self.tr("The person's opinions and suggestions"))
        self.private_button = QPushButton(self.tr("Show private notes"))
        self.private_button.setCheckable(True)
        self.private_label = QLabel(self.tr("Private notes (kept on this computer only)"))
        self.private_edit = _text_edit(self.tr("Never exported, printed or listed"))
        self.private_edit.hide()
        self.items_table = QTableWidget(0, 3)
        self.items_table.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("Handler"), self.tr("Due")]
        )
        self.items_table.verticalHeader().hide()
        header = self.items_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items_table.setColumnWidth(1, 110)
        self.items_table.setColumnWidth(2, 120)
        self.items_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_table.setMinimumHeight(96)
        self.add_item_button = QPushButton(self.tr("&Add item"))
        self.remove_item_button = QPushButton(self.tr("Remove item"))
        self.amendments_list = QListWidget()
        self.amendments_list.setWordWrap(True)
        self.amendments_list.setMinimumHeight(80)
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.save_button = QPushButton(self.tr("Save draft (Ctrl+S)"))
        self.finalise_button = QPushButton(self.tr("Finalise (Ctrl+Enter)"))
        self.amend_button = QPushButton(self.tr("Add amendment…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.export_button = TalkExportButton(self._services, self._runner, self)
        for button in (self.save_button, self.finalise_button, self.amend_button):
            button.setAutoDefault(False)
        self.prompts = PromptsPanel()
        self.carry_over = CarryOverPanel()

        # Containers first, top-down: a widget re-parented under the app's stylesheet re-styles
        # its whole subtree, so each field is parented once, into a tree already in place.
        layout = QVBoxLayout(self)
        splitter = QSplitter()
        layout.addWidget(splitter, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        splitter.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        column = QVBoxLayout(body)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        when = QHBoxLayout()
        when.addWidget(self.date_edit, 1)
        when.addWidget(self.time_edit)
        care = QHBoxLayout()
        care.addWidget(self.care_combo)
        care.addWidget(self.care_reason_edit, 1)
        self._pair(grid, 0, 0, self.tr("Talk held &on:"), self.date_edit, when)
        self._pair(grid, 0, 2, self.tr("P&lace:"), self.place_edit)
        self._pair(grid, 1, 0, self.tr("&Talker:"), self.talker_combo)
        self._pair(grid, 1, 2, self.tr("&Person talked with:"), self.person_combo)
        self._pair(grid, 2, 0, self.tr("Others &present:"), self.others_edit)
        self._pair(grid, 2, 2, self.tr("&Recorder:"), self.recorder_edit)
        self._pair(grid, 3, 0, self.tr("&Kind of talk:"), self.kind_combo)
        self._pair(grid, 3, 2, self.tr("&Care:"), self.care_combo, care)
        topics = QGridLayout()
        for i, check in enumerate(self.topic_checks.values()):
            topics.addWidget(check, i // 4, i % 4)
        grid.addWidget(QLabel(self.tr("Topics:")), 4, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(topics, 4, 1, 1, 3)

        texts = QGridLayout()
        texts.addWidget(self._label(self.tr("What was &said:"), self.content_edit), 0, 0, 1, 2)
        texts.addWidget(self.content_edit, 1, 0, 1, 2)
        texts.addWidget(self._label(self.tr("Prob&lems raised:"), self.problems_edit), 2, 0)
        texts.addWidget(
            self._label(self.tr("Opinions and s&uggestions:"), self.suggestions_edit), 2, 1
        )
        texts.addWidget(self.problems_edit, 3, 0)
        texts.addWidget(self.suggestions_edit, 3, 1)
        texts.setRowStretch(1, 3)
        texts.setRowStretch(3, 2)
        self.content_edit.setMinimumHeight(110)
        self.problems_edit.setMinimumHeight(64)
        self.suggestions_edit.setMinimumHeight(64)
        private = QHBoxLayout()
        private.addWidget(self.private_label, 1)
        private.addWidget(self.private_button)

        self.items_box = QGroupBox(self.tr("Follow-up items"))
        item_buttons = QVBoxLayout()
        item_buttons.addWidget(self.add_item_button)
        item_buttons.addWidget(self.remove_item_button)
        item_buttons.addStretch()
        items_layout = QHBoxLayout(self.items_box)
        items_layout.addWidget(self.items_table, 1)
        items_layout.addLayout(item_buttons)
        self.amendments_box = QGroupBox(self.tr("Amendments"))
        QVBoxLayout(self.amendments_box).addWidget(self.amendments_list)

        column.addLayout(grid)
        column.addLayout(texts, 1)
        column.addLayout(private)
        column.addWidget(self.private_edit)
        column.addWidget(self.items_box)
        column.addWidget(self.amendments_box)
        self.side = QTabWidget()
        self.side.addTab(self.prompts, self.tr("Question prompts"))
        self.side.addTab(self.carry_over, self.tr("Carry-over"))
        splitter.addWidget(self.side)  # after the fields: the Tab order follows the form
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 340])

        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.amend_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.finalise_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        layout.addWidget(self.error_label)
        layout.addLayout(bottom)
        # Filled last: each re-parenting above re-styles the subtree it moves, and a combo of
        # 2,000 names is slow to re-style (the form opened in 250 ms instead of 70).
        for talker_id, name in self._choices.talkers:
            self.talker_combo.addItem(name, talker_id)
        for person_id, name in self._choices.people:
            self.person_combo.addItem(name, person_id)

    def _pair(
        self, grid: QGridLayout, row: int, col: int, text: str, buddy: QWidget, field: Any = None
    ) -> None:
        grid.addWidget(self._label(text, buddy), row, col)
        if field is None:
            grid.addWidget(buddy, row, col + 1)
        else:
            grid.addLayout(field, row, col + 1)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        found = QLabel(text)
        found.setBuddy(buddy)
        return found

    def _wire(self) -> None:
        # edits: each restarts the autosave timer
        for edit in (self.place_edit, self.others_edit, self.recorder_edit, self.care_reason_edit):
            edit.textChanged.connect(self._edited)
        for text in (self.content_edit, self.problems_edit, self.suggestions_edit):
            text.textChanged.connect(self._edited)
        self.private_edit.textChanged.connect(self._edited)
        for combo in (self.talker_combo, self.person_combo, self.kind_combo, self.care_combo):
            combo.currentIndexChanged.connect(self._edited)
        self.date_edit.dateChanged.connect(self._edited)
        self.time_edit.timeChanged.connect(self._edited)
        for check in self.topic_checks.values():
            check.toggled.connect(self._topics_changed)
        self.items_table.itemChanged.connect(self._edited)
        # dependent fields
        self.care_combo.currentIndexChanged.connect(self._enable_care_reason)
        self.person_combo.currentIndexChanged.connect(self._load_carry_over)
        self.private_button.toggled.connect(self._show_private)
        # prompts and carry-over
        self.prompts.question_chosen.connect(self._take_question)
        self.carry_over.update_requested.connect(self._update_item)
        # follow-up items
        self.add_item_button.clicked.connect(self.add_item)
        self.remove_item_button.clicked.connect(self._remove_item)
        # actions and their shortcuts
        self.save_button.clicked.connect(self.save)
        self.finalise_button.clicked.connect(self.ask_finalise)
        self.amend_button.clicked.connect(self.ask_amendment)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.ask_finalise)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.ask_finalise)

    def _fit_screen(self) -> None:
        screen = self.screen().availableGeometry()
        self.resize(min(1280, screen.width() - 20), min(740, screen.height() - 40))

    # -- filling -----------------------------------------------------------------------------

    def _fill(self, opened: Opened) -> None:
        self.prompts.set_templates(opened.choices.templates)
        for row in opened.items:
            self._add_row(row.title, row.handler, row.due_on, row.id)
        detail = opened.detail
        if detail is None:
            if opened.person_id is not None:
                _select(self.person_combo, opened.person_id)
            self._enable_care_reason()
            self._set_read_only(False)
            self.status_label.setText(self.tr("New record, not saved yet"))
            return
        data = detail.data
        self.date_edit.setDate(QDate(data.held_at.date()))
        self.time_edit.setTime(QTime(data.held_at.hour, data.held_at.minute))
        self.place_edit.setText(data.place)
        _select(self.talker_combo, data.talker_id)
        _select(self.person_combo, data.person_id)
        self.others_edit.setText(data.others_present)
        self.recorder_edit.setText(data.recorder)
        _select(self.kind_combo, data.kind)
        _select(self.care_combo, data.care_level)
        self.care_reason_edit.setText(data.care_reason)
        for topic, check in self.topic_checks.items():
            check.setChecked(topic in data.topics)
        self.content_edit.setPlainText(data.content)
        self.problems_edit.setPlainText(data.problems)
        self.suggestions_edit.setPlainText(data.suggestions)
        self.private_edit.setPlainText(data.private_notes)
        self._enable_care_reason()
        self._show_state(detail)

    def _show_state(self, detail: TalkDetail) -> None:
        self.detail = detail
        self.talk_id = detail.id
        final = detail.is_final
        self._set_read_only(final)
        if final:
            when = datetime_text(detail.finalised_at)
            self.status_label.setText(self.tr("Finalised on %1: read-only").replace("%1", when))
        self.amendments_list.clear()
        for amendment in detail.amendments:
            self.amendments_list.addItem(
                self.tr("%1 · reason: %2\n%3")
                .replace("%1", datetime_text(amendment.made_at))
                .replace("%2", amendment.reason)
                .replace("%3", amendment.text)
            )
        self.amendments_box.setVisible(final)

    def _set_read_only(self, final: bool) -> None:
        for edit in (
            self.place_edit,
            self.others_edit,
            self.recorder_edit,
            self.care_reason_edit,
        ):
            edit.setReadOnly(final)
        for text in (
            self.content_edit,
            self.problems_edit,
            self.suggestions_edit,
            self.private_edit,
        ):
            text.setReadOnly(final)
        for widget in (
            self.date_edit,
            self.time_edit,
            self.talker_combo,
            self.person_combo,
            self.kind_combo,
            self.care_combo,
            *self.topic_checks.values(),
        ):
            widget.setEnabled(not final)
        if final:
            self.care_reason_edit.setEnabled(True)
        self.items_table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if final
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        for row in range(self.items_table.rowCount()):
            self._lock_row(row, final or self._row_id(row) is not None)
        self.add_item_button.setVisible(not final)
        self.remove_item_button.setVisible(not final)
        self.save_button.setVisible(not final)
        self.finalise_button.setVisible(not final)
        self.amend_button.setVisible(final)
        self.amendments_box.setVisible(final)
        self.side.setTabEnabled(1, not final)
        if final:
            self.autosave_timer.stop()

    @property
    def is_final(self) -> bool:
        return self.detail is not None and self.detail.is_final

    # -- values ------------------------------------------------------------------------------

    def held_at(self) -> datetime:
        day: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        at = self.time_edit.time()
        return datetime(day.year, day.month, day.day, at.hour(), at.minute())

    def topics(self) -> tuple[Topic, ...]:
        return tuple(t for t, check in self.topic_checks.items() if check.isChecked())

    def value(self) -> TalkInput | None:
        """The record as filled in, or None while the talker or the person is not chosen."""
        talker, person = self.talker_combo.currentData(), self.person_combo.currentData()
        if talker is None or person is None:
            return None
        care = CareLevel(self.care_combo.currentData())
        return TalkInput(
            talker_id=talker,
            person_id=person,
            held_at=self.held_at(),
            place=self.place_edit.text().strip(),
            kind=TalkKind(self.kind_combo.currentData()),
            topics=self.topics(),
            content=self.content_edit.toPlainText(),
            problems=self.problems_edit.toPlainText(),
            suggestions=self.suggestions_edit.toPlainText(),
            care_level=care,
            care_reason=self.care_reason_edit.text().strip() if care is not CareLevel.NONE else "",
            private_notes=self.private_edit.toPlainText(),
            recorder=self.recorder_edit.text().strip(),
            others_present=self.others_edit.text().strip(),
        )

    def new_items(self) -> list[tuple[int, FollowUpInput]]:
        """The table's rows not stored yet that have a 'what', with their row numbers."""
        found = []
        for row in range(self.items_table.rowCount()):
            title = self._cell(row, 0)
            if self._row_id(row) is not None or not title:
                continue
            due_edit = self._due_edit(row)
            due = due_edit.date() if due_edit is not None else NO_DATE
            found.append(
                (
                    row,
                    FollowUpInput(
                        title=title,
                        person_id=self.person_combo.currentData(),
                        handler=self._cell(row, 1),
                        due_on=None if due == NO_DATE else due.toPython(),  # type: ignore[arg-type]
                    ),
                )
            )
        return found

    @property
    def is_dirty(self) -> bool:
        return self._edits != self._saved_edits

    # -- follow-up items -------------------------------------------------------------------

    def add_item(self) -> int:
        """A new empty row, its 'what' cell being edited; returns the row."""
        row = self._add_row("", "", None, None)
        self.items_table.setCurrentCell(row, 0)
        self.items_table.editItem(self.items_table.item(row, 0))
        return row

    def _add_row(self, title: str, handler: str, due: date | None, item_id: int | None) -> int:
        table = self.items_table
        table.blockSignals(True)
        row = table.rowCount()
        table.insertRow(row)
        what = QTableWidgetItem(title)
        what.setData(ID_ROLE, item_id)
        table.setItem(row, 0, what)
        table.setItem(row, 1, QTableWidgetItem(handler))
        due_edit = QDateEdit()
        due_edit.setCalendarPopup(True)
        due_edit.setDisplayFormat("yyyy-MM-dd")
        due_edit.setMinimumDate(NO_DATE)
        due_edit.setSpecialValueText(self.tr("Not set"))
        due_edit.setDate(QDate(due) if due is not None else NO_DATE)
        due_edit.dateChanged.connect(self._edited)
        table.setCellWidget(row, 2, due_edit)
        table.blockSignals(False)
        self._lock_row(row, item_id is not None)
        self._edited()
        return row

    def _remove_item(self) -> None:
        row = self.items_table.currentRow()
        if row >= 0 and self._row_id(row) is None:  # stored items are closed on their page
            self.items_table.removeRow(row)

    def _lock_row(self, row: int, locked: bool) -> None:
        for col in (0, 1):
            item = self.items_table.item(row, col)
            if item is not None:
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                item.setFlags(flags if locked else flags | Qt.ItemFlag.ItemIsEditable)
        due_edit = self._due_edit(row)
        if due_edit is not None:
            due_edit.setEnabled(not locked)

    def _row_id(self, row: int) -> int | None:
        item = self.items_table.item(row, 0)
        return item.data(ID_ROLE) if item is not None else None

    def _cell(self, row: int, col: int) -> str:
        item = self.items_table.item(row, col)
        return item.text().strip() if item is not None else ""

    def _due_edit(self, row: int) -> QDateEdit | None:
        widget = self.items_table.cellWidget(row, 2)
        return widget if isinstance(widget, QDateEdit) else None

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        """Save the draft now, with the new follow-up items (Ctrl+S)."""
        if self.is_final:
            return
        self._store(with_items=True, finalise=False, explicit=True)

    def autosave(self) -> None:
        """The autosave timer's slot: store the draft if something changed and it can be."""
        if self.is_final or not self.is_dirty or self.value() is None:
            return
        if self._saving:
            self.autosave_timer.start()  # try again once the running save is done
            return
        self._store(with_items=False, finalise=False, explicit=False)

    def ask_finalise(self) -> None:
        """定稿 (Ctrl+Enter): after a confirmation, save and make the record read-only."""
        if self.is_final or not self._check():
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Finalise record"),
            self.tr(
                "Finalise this record? It becomes read-only; later corrections are "
                "added as amendments with their time and reason."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Finalise"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Not yet"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self._store(with_items=True, finalise=True, explicit=True))
        self.confirmation = box
        box.open()

    def _check(self) -> bool:
        """Say what is missing before an explicit save; True when the record can be stored."""
        data = self.value()
        problem = ""
        if self.talker_combo.currentData() is None:
            problem = self.tr("Please choose the talker.")
        elif self.person_combo.currentData() is None:
            problem = self.tr("Please choose the person talked with.")
        elif data is not None and data.talker_id == data.person_id:
            problem = self.tr("The talker and the person talked with must be different people.")
        if problem:
            self._show_error(problem)
            return False
        self.error_label.hide()
        return True

    def _store(self, with_items: bool, finalise: bool, explicit: bool) -> None:
        self.autosave_timer.stop()
        if explicit and not self._check():
            return
        data = self.value()
        if data is None or (not explicit and data.talker_id == data.person_id):
            return
        talks, follow_ups = self._services.talks, self._services.follow_ups
        talk_id = self.talk_id
        items = self.new_items() if with_items else []
        edits = self._edits

        def call() -> tuple[Saved, Any]:
            if talk_id is None:
                detail, changes = talks.create_talk(data)
                talks.set_editing(detail.id, True)  # offered back if talkdesk ends now
                self._stored_id = detail.id
            else:
                detail, changes = talks.update_draft(talk_id, data)
            created = []
            for _row, item in items:
                made, more = follow_ups.create(replace(item, talk_id=detail.id))
                created.append(made.id)
                changes |= more
            if finalise:
                changes |= talks.finalise(detail.id)
                detail = talks.get_talk(detail.id)
            return Saved(detail, tuple(created)), changes

        def done(result: tuple[Saved, Any]) -> None:
            self._saving = False
            saved = result[0]
            for (row, _item), item_id in zip(items, saved.created, strict=True):
                self.items_table.item(row, 0).setData(ID_ROLE, item_id)
                self._lock_row(row, True)
            self._saved_edits = edits
            self._show_state(saved.detail)
            if not saved.detail.is_final:
                at = self._services.session.context.now().strftime("%H:%M")
                self.status_label.setText(self.tr("Draft saved at %1").replace("%1", at))
                if self.is_dirty:
                    self.autosave_timer.start()
            self.saved.emit(saved.detail.id)

        def failed(error: TalkdeskError) -> None:
            self._saving = False
            self._show_error(error_text(error))

        self._saving = True
        self._runner.submit(call, on_success=done, on_error=failed)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    # -- amendments --------------------------------------------------------------------------

    def ask_amendment(self) -> None:
        if not self.is_final:
            return
        dialog = AmendDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda reason, text: self._amend(dialog, reason, text))
        self.amend_dialog = dialog
        dialog.open()

    def _amend(self, dialog: AmendDialog, reason: str, text: str) -> None:
        talks, talk_id = self._services.talks, self.talk_id
        assert talk_id is not None

        def call() -> tuple[TalkDetail, Any]:
            changes = talks.amend(talk_id, reason, text)
            return talks.get_talk(talk_id), changes

        def done(result: tuple[TalkDetail, Any]) -> None:
            dialog.accept()
            self._show_state(result[0])

        self._runner.submit(call, on_success=done, on_error=lambda e: dialog.show_error(e))

    # -- carry-over ----------------------------------------------------------------------------

    def _load_carry_over(self) -> None:
        person_id = self.person_combo.currentData()
        if person_id is None or self.is_final:
            self.carry_over.show_items([], None, self._choices.now.date())
            return
        talks, follow_ups = self._services.talks, self._services.follow_ups
        talk_id = self.talk_id
        ctx = self._services.session.context

        def call() -> tuple[list[FollowUpListRow], TalkListRow | None, date]:
            items = follow_ups.list_follow_ups(FollowUpFilter(person_id=person_id, open_only=True))
            own = (
                set()
                if talk_id is None
                else {r.id for r in follow_ups.list_follow_ups(FollowUpFilter(talk_id=talk_id))}
            )
            recent = talks.list_talks(TalkFilter(person_id=person_id), page=Page(limit=2))
            last = next((r for r in recent if r.id != talk_id), None)
            return [r for r in items if r.id not in own], last, ctx.now().date()

        def done(result: tuple[list[FollowUpListRow], TalkListRow | None, date]) -> None:
            if self.person_combo.currentData() == person_id:
                self.carry_over.show_items(*result)

        self._runner.submit(call, on_success=done)

    def _update_item(self, update: ItemUpdate) -> None:
        follow_ups = self._services.follow_ups

        def call() -> Any:
            changes = None
            if update.resolution:
                changes = follow_ups.set_status(
                    update.item_id, FollowUpStatus.RESOLVED, update.resolution
                )[1]
            feedback = update.feedback
            if feedback is not None:
                more = follow_ups.record_feedback(
                    update.item_id, feedback.on, feedback.how, feedback.text
                )[1]
                changes = more if changes is None else changes | more
            return changes

        self._runner.submit(call, on_success=lambda _c: self._load_carry_over())

    # -- reactions ------------------------------------------------------------------------------

    def _edited(self) -> None:
        if self._loading or self.is_final:
            return
        self._edits += 1
        self.autosave_timer.start()

    def _topics_changed(self) -> None:
        self.prompts.set_topics(self.topics())
        self._edited()

    def _enable_care_reason(self) -> None:
        care = self.care_combo.currentData()
        self.care_reason_edit.setEnabled(care is not None and CareLevel(care) is not CareLevel.NONE)

    def _show_private(self, shown: bool) -> None:
        self.private_edit.setVisible(shown)
        self.private_button.setText(
            self.tr("Hide private notes") if shown else self.tr("Show private notes")
        )

    def _take_question(self, question: str) -> None:
        if self.is_final:
            return
        text = self.content_edit.toPlainText()
        joiner = "\n" if text and not text.endswith("\n") else ""
        self.content_edit.setPlainText(f"{text}{joiner}{question}\n")
        self.content_edit.moveCursor(self.content_edit.textCursor().MoveOperation.End)
        self.content_edit.setFocus()

    def done(self, result: int) -> None:
        """Every way out ends here (Close, Escape, the window's close button, `close()`).

        Nothing typed is lost by closing: a changed draft is saved on the way out, and
        the draft is no longer noted as open (it is not offered back at the next start).
        (Not in `closeEvent` with `reject` calling `close()`: QDialog's closeEvent calls
        `reject()` and ignores the close while the dialog is still shown, so the form
        never closed.)"""
        if not self.is_final and self.is_dirty and self.value() is not None:
            self._store(with_items=True, finalise=False, explicit=False)
        talks = self._services.talks

        def closed() -> None:
            # on the database thread, after the save above: its new id is known by then
            talk_id = self.talk_id or self._stored_id
            if talk_id is not None:
                talks.set_editing(talk_id, False)

        self._runner.submit(closed)
        super().done(result)


class AmendDialog(QDialog):
    """A correction of a finalised record: its reason and text.

    Signals:
        submitted(str, str): OK with both filled in; the form stores it, then closes this.
    """

    submitted = Signal(str, str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add amendment"))
        self.reason_edit = QLineEdit()
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        form.addRow(self.tr("&Correction:"), self.text_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def show_error(self, error: TalkdeskError) -> None:
        self.error_label.setText(error_text(error))
        self.error_label.show()

    def _submit(self) -> None:
        reason, text = self.reason_edit.text().strip(), self.text_edit.toPlainText().strip()
        if not reason or not text:
            self.error_label.setText(self.tr("Please give both the reason and the correction."))
            self.error_label.show()
            return
        self.submitted.emit(reason, text)


def _text_edit(placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    return edit


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))
