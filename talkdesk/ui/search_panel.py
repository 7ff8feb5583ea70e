"""The search window (Ctrl+F): one box over talks and follow-ups, filters, hits as one types.

Searching runs on the database thread a short moment after the last change
(`DEBOUNCE_MS`), one search at a time; a result that no longer matches what
the boxes hold is dropped. Enter or a double-click opens a hit where it
lives: a talk in the record form, a follow-up on its page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.errors import TalkdeskError
from talkdesk.domain.values import TalkKind, Topic
from talkdesk.services.changes import Changes, Entity
from talkdesk.services.people import DepartmentRow
from talkdesk.services.search import HitKind, SearchQuery, SearchResult, SearchScope
from talkdesk.ui.labels import label
from talkdesk.ui.messages import error_text
from talkdesk.ui.pages.person_dialog import in_tree_order
from talkdesk.ui.search_delegate import LINES, PADDING, SnippetDelegate
from talkdesk.ui.search_model import BY, DATE, FOUND, KIND, PERSON, SearchResultsModel
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services

DEBOUNCE_MS = 250
"""How long typing must pause before a search starts."""

_CONCERNS = frozenset({Entity.TALK, Entity.FOLLOW_UP, Entity.PERSON, Entity.DEPARTMENT})


class SearchPanel(QDialog):
    """The search window beside the main one (not modal).

    Signals:
        open_page(str, str): open a hit: ("talks", "talk:12") or ("follow_ups", "follow_up:7").
    """

    open_page = Signal(str, str)

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._running = False  # a search is on the database thread
        self._again = False  # the boxes changed meanwhile: search again when it is back
        self._open_first = False  # Enter came before the hits: open the first when they come
        self._shown: SearchQuery | None = None  # what the hits shown were found for
        self._departments_read = False
        self._outdated = False  # records changed while hidden: search again when shown
        self.last_result: SearchResult | None = None
        self.setWindowTitle(self.tr("Search talks and follow-ups"))
        self.setModal(False)
        self.resize(1040, 620)
        self._build()
        self._lay_out()
        self._wire()
        runner.operation_did_execute.connect(self._on_changes)
        self._enable_dates(False)
        self._show_status()

    def _build(self) -> None:
        self.query_edit = QLineEdit()
        self.query_edit.setObjectName("searchQuery")
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setPlaceholderText(
            self.tr("Words to find, or a name: 张三, zhangsan or zs")
        )
        self.scope_combo = QComboBox()
        self.scope_combo.addItem(self.tr("Talks and follow-ups"), SearchScope.ALL.value)
        self.scope_combo.addItem(self.tr("Talks only"), SearchScope.TALKS.value)
        self.scope_combo.addItem(self.tr("Follow-ups only"), SearchScope.FOLLOW_UPS.value)
        self.person_edit = QLineEdit()
        self.person_edit.setClearButtonEnabled(True)
        self.person_edit.setPlaceholderText(self.tr("Name, pinyin or initials"))
        self.department_combo = QComboBox()
        self.department_combo.setMinimumContentsLength(10)
        self.department_combo.addItem(self.tr("All departments"), None)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("All kinds of talk"), None)
        for kind in TalkKind:
            self.kind_combo.addItem(label(kind), kind.value)
        self.topic_combo = QComboBox()
        self.topic_combo.addItem(self.tr("All topics"), None)
        for topic in Topic:
            self.topic_combo.addItem(label(topic), topic.value)
        self.dates_check = QCheckBox(self.tr("&Dates from"))
        today = QDate.currentDate()
        self.from_edit = _date_edit(today.addYears(-1))
        self.to_edit = _date_edit(today)
        self.private_check = QCheckBox(self.tr("Include p&rivate notes"))
        self.private_check.setToolTip(
            self.tr("Private notes and care reasons are searched only when this is ticked.")
        )
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.table = _results_table(self.model, self)
        self.keys_label = QLabel(
            self.tr("Enter opens the record · ↓ moves to the results · Esc closes this window")
        )
        self.keys_label.setObjectName("hint")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)  # Enter opens a hit, never closes the window
        close.setDefault(False)

    def _lay_out(self) -> None:
        """The query on top, the filters under it in two rows, then the hits."""
        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        filters.addWidget(_buddy(self.tr("Search &in:"), self.scope_combo), 0, 0)
        filters.addWidget(self.scope_combo, 0, 1)
        filters.addWidget(_buddy(self.tr("&Person:"), self.person_edit), 0, 2)
        filters.addWidget(self.person_edit, 0, 3)
        filters.addWidget(_buddy(self.tr("D&epartment:"), self.department_combo), 0, 4)
        filters.addWidget(self.department_combo, 0, 5)
        filters.addWidget(_buddy(self.tr("&Kind:"), self.kind_combo), 1, 0)
        filters.addWidget(self.kind_combo, 1, 1)
        filters.addWidget(_buddy(self.tr("&Topic:"), self.topic_combo), 1, 2)
        filters.addWidget(self.topic_combo, 1, 3)
        dates = QHBoxLayout()
        dates.addWidget(self.dates_check)
        dates.addWidget(self.from_edit)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.to_edit)
        dates.addStretch(1)
        filters.addLayout(dates, 1, 4, 1, 2)
        filters.setColumnStretch(3, 1)
        filters.setColumnStretch(5, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.keys_label, 1)
        bottom.addWidget(self.buttons)
        top = QHBoxLayout()
        top.addWidget(self.query_edit, 1)
        top.addWidget(self.private_check)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _wire(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.search_now)
        self.query_edit.textChanged.connect(self._changed)
        self.person_edit.textChanged.connect(self._changed)
        for combo in (self.scope_combo, self.department_combo, self.kind_combo, self.topic_combo):
            combo.currentIndexChanged.connect(self._changed)
        for check in (self.dates_check, self.private_check):
            check.toggled.connect(self._changed)
        self.dates_check.toggled.connect(self._enable_dates)
        self.from_edit.dateChanged.connect(self._changed)
        self.to_edit.dateChanged.connect(self._changed)
        self.table.doubleClicked.connect(lambda index: self.open_hit(index.row()))
        self.table.clicked.connect(self._clicked)
        self.query_edit.installEventFilter(self)
        self.table.installEventFilter(self)

    # -- what the app calls ----------------------------------------------------------------------

    def focus_query(self) -> None:
        """Ctrl+F: type at once; what was typed before is selected, so typing replaces it."""
        if not self._departments_read:
            self._read_departments()
        if self._outdated:
            self._outdated = False
            self.search_now()  # records changed while the window was hidden
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    def forget(self) -> None:
        """Locked: the query, the filters and the hits are gone, and the window is hidden."""
        self.debounce.stop()
        self._open_first = False
        for widget in (self.query_edit, self.person_edit):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        for combo in (self.scope_combo, self.department_combo, self.kind_combo, self.topic_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for check in (self.dates_check, self.private_check):
            check.blockSignals(True)
            check.setChecked(False)
            check.blockSignals(False)
        self._enable_dates(False)
        self._shown = None
        self._outdated = False
        self.last_result = None
        self.model.clear()
        self._show_status()
        self.hide()

    # -- the query -------------------------------------------------------------------------------

    def query(self) -> SearchQuery:
        """What the boxes hold now."""
        dated = self.dates_check.isChecked()
        kind = self.kind_combo.currentData()
        topic = self.topic_combo.currentData()
        return SearchQuery(
            text=self.query_edit.text(),
            scope=SearchScope(self.scope_combo.currentData()),
            person=self.person_edit.text().strip(),
            department_id=self.department_combo.currentData(),
            date_from=self.from_edit.date().toPython() if dated else None,  # type: ignore[arg-type]
            date_to=self.to_edit.date().toPython() if dated else None,  # type: ignore[arg-type]
            kind=TalkKind(kind) if kind is not None else None,
            topic=Topic(topic) if topic is not None else None,
            include_private=self.private_check.isChecked(),
        )

    @property
    def settled(self) -> bool:
        """The hits shown are those of what the boxes hold: nothing waiting, nothing running."""
        return not self.debounce.isActive() and not self._running and self._shown == self.query()

    def search_now(self) -> None:
        """Search for what the boxes hold (once the search under way, if any, is back)."""
        self.debounce.stop()
        if self._running:
            self._again = True
            return
        query = self.query()
        if query.is_empty:
            self._show(query, SearchResult())
            return
        self._running = True
        find = self._services.search.find
        self._runner.submit(
            lambda: find(query),
            lambda result: self._arrived(query, result),
            lambda error: self._failed(query, error),
        )

    def _changed(self) -> None:
        self.debounce.start()

    def _arrived(self, query: SearchQuery, result: SearchResult) -> None:
        self._running = False
        if self._stale(query):
            return
        self._show(query, result)
        if self._open_first:
            self._open_first = False
            self.open_hit(0)

    def _failed(self, query: SearchQuery, error: TalkdeskError) -> None:
        self._running = False
        if self._stale(query):
            return  # (also a search cut short by a lock)
        self._open_first = False
        self.status_label.setText(error_text(error))

    def _stale(self, query: SearchQuery) -> bool:
        """What was asked changed while the search ran: drop its answer, ask again."""
        if not self._again and query == self.query():
            return False
        self._again = False
        if not self.debounce.isActive():
            self.search_now()
        return True

    def _show(self, query: SearchQuery, result: SearchResult) -> None:
        self._shown = query
        self.last_result = result
        self.model.set_hits(list(result.hits))
        if result.hits:
            self.table.selectRow(0)
        self._show_status()

    def _show_status(self) -> None:
        result, query = self.last_result, self._shown
        if result is None or query is None or query.is_empty:
            text = self.tr(
                "Type words to find in talks and follow-ups, or a person's name, pinyin or "
                "initials (张三, zhangsan, zs). Words of any length are found."
            )
        elif result.no_such_person:
            text = self.tr("No one is called “%1”.").replace("%1", query.person)
        elif not result.hits:
            text = self.tr("Nothing found.")
            if not query.include_private:
                text += " " + self.tr("Private notes were not searched.")
        else:
            text = self._found_text(query, result)
        self.status_label.setText(text)

    def _found_text(self, query: SearchQuery, result: SearchResult) -> str:
        talks = self.tr("%Ln talk(s)", "", result.talk_count)
        items = self.tr("%Ln follow-up(s)", "", result.follow_up_count)
        if query.scope is SearchScope.TALKS:
            found = talks
        elif query.scope is SearchScope.FOLLOW_UPS:
            found = items
        else:
            found = self.tr("%1 and %2").replace("%1", talks).replace("%2", items)
        if result.exact:
            text = self.tr("Found %1.").replace("%1", found)
        else:  # some filters are not counted to the end
            text = self.tr("Found %Ln or more.", "", result.total)
        if result.more:
            shown = self.tr(
                "The newest %n are shown; narrow the search to see others.", "", len(result.hits)
            )
            text += " " + shown
        return text

    # -- opening a hit -----------------------------------------------------------------------------

    def open_hit(self, row: int) -> None:
        """Open the hit of this row where it lives, and step aside."""
        hit = self.model.hit(row)
        if hit is None:
            return
        if hit.kind is HitKind.TALK:
            self.open_page.emit("talks", f"talk:{hit.id}")
        else:
            self.open_page.emit("follow_ups", f"follow_up:{hit.id}")
        self.hide()

    def _open_current(self) -> None:
        """Enter: the selected hit, once the hits shown are those of what the boxes hold."""
        if not self.settled:
            self._open_first = True
            self.search_now()
            return
        row = self.table.currentIndex().row()
        self.open_hit(row if row >= 0 else 0)

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == FOUND:
            self.model.reveal(index.row())

    # -- keys --------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_current()  # in the query box, in the list or on a filter
            return
        super().keyPressEvent(event)  # Escape closes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.query_edit and key == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.table.selectRow(0)
                return True
            if watched is self.table:
                row = self.table.currentIndex().row()
                if key == Qt.Key.Key_Up and row <= 0:
                    self.query_edit.setFocus()
                    return True
                if key == Qt.Key.Key_Space and row >= 0:
                    self.model.reveal(row)
                    return True
        return super().eventFilter(watched, event)

    # -- filters and changes ----------------------------------------------------------------------

    def _enable_dates(self, on: bool) -> None:
        self.from_edit.setEnabled(on)
        self.to_edit.setEnabled(on)

    def _read_departments(self) -> None:
        self._departments_read = True
        self._runner.submit(self._services.people.departments, self._show_departments)

    def _show_departments(self, departments: list[DepartmentRow]) -> None:
        combo = self.department_combo
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for dep, depth in in_tree_order(departments):
            combo.addItem("    " * depth + dep.name, dep.id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
        if combo.currentData() != current:
            self._changed()  # the chosen department is gone

    def _on_changes(self, changes: Changes) -> None:
        if not changes.touched & _CONCERNS:
            return
        if Entity.DEPARTMENT in changes.touched and self._departments_read:
            self._read_departments()
        if self._shown is None or self._shown.is_empty:
            return
        if self.isVisible():
            self._changed()  # what is shown may have changed
        else:
            self._outdated = True


def _date_edit(day: QDate) -> QDateEdit:
    edit = QDateEdit(day)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _buddy(text: str, widget: QWidget) -> QLabel:
    label_ = QLabel(text)
    label_.setBuddy(widget)
    return label_


def _results_table(model: SearchResultsModel, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setObjectName("searchResults")
    table.setModel(model)
    table.setItemDelegateForColumn(FOUND, SnippetDelegate(table))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(LINES * table.fontMetrics().lineSpacing() + 2 * PADDING + 4)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    for column, width in ((KIND, 96), (DATE, 96), (PERSON, 120), (BY, 120)):
        table.setColumnWidth(column, width)
    header.setSectionResizeMode(FOUND, QHeaderView.ResizeMode.Stretch)
    return table
