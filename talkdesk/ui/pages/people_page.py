"""The People page: departments on the left, the people of the chosen one on the right;
opening a person shows their page (`person_view`) in place of the list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.services.changes import Changes, Entity
from talkdesk.services.people import DepartmentRow, PeopleFilter, PersonInput, PersonRow
from talkdesk.ui.messages import error_text
from talkdesk.ui.models.people_model import PeopleModel
from talkdesk.ui.pages.base import ContentPage
from talkdesk.ui.pages.person_dialog import LeaveDialog, PersonDialog, in_tree_order
from talkdesk.ui.pages.person_view import PersonView
from talkdesk.ui.pages.record_table import RecordTable
from talkdesk.ui.pages.trigger_dialog import TriggerDialog, TriggerInput
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services

SEARCH_DELAY_MS = 200
"""Typing pauses this long before the list is searched, so each keystroke does not query."""

DEPARTMENT_ROLE = Qt.ItemDataRole.UserRole


class PeoplePage(ContentPage):
    """Departments tree (with counts), a searchable people list, and the actions on people;
    a person opened (double-click, Enter, Open, or `show_item`) shows their page instead.

    Attributes:
        stack: the list (`list_view`) or one person's page (`person_view`).

    Signals:
        open_page(str, str): the person's page opens a talk, a follow-up, a plan line or a
            new talk with them (see PersonView.open_page).
    """

    open_page = Signal(str, str)
    concerns = frozenset({Entity.PERSON, Entity.DEPARTMENT})

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, runner, parent)
        self._departments: list[DepartmentRow] = []
        self._select_after_load: int | None = None
        self.model = PeopleModel(services.people, runner, self)

        # departments
        self.department_tree = QTreeWidget()
        self.department_tree.setHeaderHidden(True)
        self.department_tree.setColumnCount(1)
        self.add_department_button = QPushButton(self.tr("Add department…"))
        self.rename_department_button = QPushButton(self.tr("Rename…"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Departments")))
        left_layout.addWidget(self.department_tree)
        department_buttons = QHBoxLayout()
        department_buttons.addWidget(self.add_department_button)
        department_buttons.addWidget(self.rename_department_button)
        left_layout.addLayout(department_buttons)

        # people
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search by name, pinyin or initials"))
        self.search_edit.setClearButtonEnabled(True)
        self.show_left_check = QCheckBox(self.tr("Show people who left"))
        self.count_label = QLabel()
        self.table = RecordTable(self.model, widths=(110, 160, 170, 70, 70, 100))
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("The person's page: talks, follow-ups, plans (Enter)"))
        self.add_button = QPushButton(self.tr("&Add person…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.leave_button = QPushButton(self.tr("Mark as &left…"))
        self.reinstate_button = QPushButton(self.tr("&Reinstate"))
        self.trigger_button = QPushButton(self.tr("Mark an e&vent…"))
        self.trigger_button.setToolTip(
            self.tr("An event that calls for a talk soon: new post, hardship, a request…")
        )

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addSpacing(8)
        search_row.addWidget(self.show_left_check)
        search_row.addSpacing(16)
        search_row.addWidget(self.count_label)
        button_row = QHBoxLayout()
        button_row.addWidget(self.open_button)
        button_row.addSpacing(16)
        for button in (self.add_button, self.edit_button, self.leave_button):
            button_row.addWidget(button)
        button_row.addWidget(self.reinstate_button)
        button_row.addSpacing(16)
        button_row.addWidget(self.trigger_button)
        button_row.addStretch()
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.setToolTip(self.tr("Import people from an Excel or CSV roster"))
        self.import_button.clicked.connect(self._import_people)
        button_row.addWidget(self.import_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(search_row)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(button_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 800])
        self.list_view = QWidget()
        list_layout = QVBoxLayout(self.list_view)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(splitter)
        self.person_view = PersonView(services, runner)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(self.person_view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

        # wiring
        self.department_tree.currentItemChanged.connect(self._apply_filter)
        self.department_tree.currentItemChanged.connect(self._update_buttons)
        self.add_department_button.clicked.connect(self._ask_new_department)
        self.rename_department_button.clicked.connect(self._ask_department_name)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self._apply_filter)
        self.show_left_check.toggled.connect(self._apply_filter)
        self.add_button.clicked.connect(self._add_person)
        self.edit_button.clicked.connect(lambda: self._edit_person(self.selected_person()))
        self.open_button.clicked.connect(self._open_selected)
        self.table.activated.connect(self._open_selected)  # a double-click, or Enter
        self.leave_button.clicked.connect(lambda: self._mark_left(self.selected_person()))
        self.reinstate_button.clicked.connect(lambda: self._reinstate(self.selected_person()))
        self.trigger_button.clicked.connect(lambda: self._mark_event(self.selected_person()))
        # the person's page: the same actions on the person shown
        view = self.person_view
        view.back_requested.connect(self.show_list)
        view.open_page.connect(self.open_page)
        view.edit_requested.connect(self._edit_person)
        view.leave_requested.connect(self._mark_left)
        view.reinstate_requested.connect(self._reinstate)
        view.event_requested.connect(self._mark_event)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.loaded.connect(self._after_load)
        self.model.total_changed.connect(self._show_count)
        self._update_buttons()

    # -- reading ---------------------------------------------------------------------

    def _forget(self) -> None:
        self.department_tree.clear()
        self.count_label.clear()
        self.person_view.forget()

    def on_changes(self, changes: Changes) -> None:
        """The list refreshes for people and departments; the person's page for more
        (their talks, follow-ups, plans, triggers)."""
        super().on_changes(changes)
        if not changes.any_of(*self.concerns):
            self.person_view.on_changes(changes)

    def _load(self) -> None:
        people = self._services.people
        self._runner.submit(
            lambda: (people.departments(), people.count_people()), on_success=self._show_tree
        )
        flt = self._filter()
        if flt != self.model.filter:
            self.model.set_filter(flt)
        else:
            self.model.reload()
        if self.stack.currentWidget() is self.person_view:
            self.person_view.reload()

    def _filter(self) -> PeopleFilter:
        item = self.department_tree.currentItem()
        return PeopleFilter(
            text=self.search_edit.text().strip(),
            department_id=item.data(0, DEPARTMENT_ROLE) if item is not None else None,
            include_left=self.show_left_check.isChecked(),
        )

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self._filter())

    def _show_tree(self, result: tuple[list[DepartmentRow], int]) -> None:
        departments, everyone = result
        self._departments = departments
        current = self.selected_department_id()
        tree = self.department_tree
        tree.blockSignals(True)
        tree.clear()
        root = QTreeWidgetItem([self.tr("All (%1)").replace("%1", str(everyone))])
        root.setData(0, DEPARTMENT_ROLE, None)
        tree.addTopLevelItem(root)
        items: dict[int | None, QTreeWidgetItem] = {None: root}
        counts = _subtree_counts(departments)
        for dep, _depth in in_tree_order(departments):
            parent = items.get(dep.parent_id, root)
            item = QTreeWidgetItem(parent, [f"{dep.name} ({counts[dep.id]})"])
            item.setData(0, DEPARTMENT_ROLE, dep.id)
            items[dep.id] = item
        tree.expandAll()
        tree.setCurrentItem(items.get(current, root))
        tree.blockSignals(False)
        self._apply_filter()
        self._update_buttons()

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("%n person(s)", "", total))

    def _after_load(self) -> None:
        if self._select_after_load is None:
            return
        wanted, self._select_after_load = self._select_after_load, None
        row = self.model.find_row(lambda p: p.id == wanted)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # -- selection -------------------------------------------------------------------

    def selected_person(self) -> PersonRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_department_id(self) -> int | None:
        item = self.department_tree.currentItem()
        return item.data(0, DEPARTMENT_ROLE) if item is not None else None

    def show_item(self, choice: str) -> None:
        """Show a person's page ("person:12"). Behind it the list is narrowed to their name
        (in all departments, people who left included if they did), with them selected, so
        going back finds them at once."""
        kind, _, raw = choice.partition(":")
        if kind != "person" or not raw.isdigit():
            return
        people, person_id = self._services.people, int(raw)
        self.open_person(person_id)

        def found(person: PersonRow) -> None:
            self._select_after_load = person.id
            root = self.department_tree.topLevelItem(0)
            for widget, set_value in (
                (self.department_tree, lambda: root and self.department_tree.setCurrentItem(root)),
                (self.search_edit, lambda: self.search_edit.setText(person.name)),
                (self.show_left_check, lambda: self.show_left_check.setChecked(not person.active)),
            ):
                widget.blockSignals(True)
                set_value()
                widget.blockSignals(False)
            self._apply_filter()

        def failed(error: TalkdeskError) -> None:
            if error.code is not ErrorCode.NOT_FOUND:  # the person's page says that one
                self._show_error(error)

        self._runner.submit(lambda: people.person(person_id), found, failed)

    def open_person(self, person_id: int) -> None:
        """Show the person's page in place of the list."""
        self.person_view.show_person(person_id)
        self.stack.setCurrentWidget(self.person_view)
        self.person_view.timeline_table.setFocus()

    def show_list(self) -> None:
        """Back to the list, as it was left (filter and selection kept)."""
        self.stack.setCurrentWidget(self.list_view)
        self.table.setFocus()

    def _open_selected(self, *_args: object) -> None:
        person = self.selected_person()
        if person is not None:
            self.open_person(person.id)

    def _update_buttons(self, *_args: object) -> None:
        person = self.selected_person()
        self.open_button.setEnabled(person is not None)
        self.edit_button.setEnabled(person is not None)
        self.leave_button.setEnabled(person is not None and person.active)
        self.reinstate_button.setEnabled(person is not None and not person.active)
        self.trigger_button.setEnabled(person is not None and person.active)
        self.rename_department_button.setEnabled(self.selected_department_id() is not None)

    # -- departments ---------------------------------------------------------------------

    def _ask_new_department(self) -> None:
        dialog = self._name_dialog(self.tr("Add department"), "")
        people = self._services.people
        dialog.textValueSelected.connect(
            lambda name: self._runner.submit(
                lambda: people.add_department(name), on_error=self._show_error
            )
        )
        dialog.open()

    def _ask_department_name(self) -> None:
        dep_id = self.selected_department_id()
        dep = next((d for d in self._departments if d.id == dep_id), None)
        if dep is None:
            return
        dialog = self._name_dialog(self.tr("Rename department"), dep.name)
        people = self._services.people
        dialog.textValueSelected.connect(
            lambda name: self._runner.submit(
                lambda: people.rename_department(dep.id, name), on_error=self._show_error
            )
        )
        dialog.open()

    def _name_dialog(self, title: str, name: str) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(title)
        dialog.setLabelText(self.tr("Department name:"))
        dialog.setTextValue(name)
        return dialog

    # -- people ------------------------------------------------------------------------

    def _add_person(self) -> None:
        dialog = PersonDialog(
            self._departments, default_department=self.selected_department_id(), parent=self
        )
        self._open_person_dialog(dialog)

    def _edit_person(self, person: PersonRow | None) -> None:
        if person is not None:
            self._open_person_dialog(PersonDialog(self._departments, person, parent=self))

    def _open_person_dialog(self, dialog: PersonDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda data: self._save_person(dialog, data))
        dialog.open()

    def _save_person(self, dialog: PersonDialog, data: PersonInput) -> None:
        people, person_id = self._services.people, dialog.person_id

        def saved(result: tuple[PersonRow, object]) -> None:
            self._select_after_load = result[0].id
            dialog.accept()

        def failed(error: TalkdeskError) -> None:
            dialog.show_error(error_text(error))

        if person_id is None:
            self._runner.submit(lambda: people.add_person(data), saved, failed)
        else:
            self._runner.submit(lambda: people.update_person(person_id, data), saved, failed)

    def _mark_left(self, person: PersonRow | None) -> None:
        if person is None or not person.active:
            return
        dialog = LeaveDialog(person.name, self._today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        people = self._services.people

        def confirmed() -> None:
            on = dialog.left_on()
            self._runner.submit(lambda: people.mark_left(person.id, on), on_error=self._show_error)

        dialog.accepted.connect(confirmed)
        dialog.open()

    def _mark_event(self, person: PersonRow | None) -> None:
        """必谈: an event on the person that calls for a talk within some days."""
        if person is None or not person.active:
            return
        dialog = TriggerDialog(person.id, person.name, self._today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        plans = self._services.plans

        def save(data: TriggerInput) -> None:
            self._runner.submit(
                lambda: plans.add_trigger(
                    data.person_id, data.kind, data.occurred_on, data.within_days, data.note
                ),
                lambda _result: dialog.accept(),
                lambda error: dialog.show_error(error_text(error)),
            )

        dialog.submitted.connect(save)
        dialog.open()

    def _reinstate(self, person: PersonRow | None) -> None:
        if person is None or person.active:
            return
        people = self._services.people
        self._select_after_load = person.id
        self._runner.submit(lambda: people.reinstate(person.id), on_error=self._show_error)

    def _import_people(self) -> None:
        """The roster import wizard; the list refreshes itself from the import's Changes."""
        from talkdesk.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self._services, self._runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()


def _subtree_counts(departments: list[DepartmentRow]) -> dict[int, int]:
    """Active people in each department and all below it (what selecting it lists)."""
    counts = {d.id: d.active_people for d in departments}
    parents = {d.id: d.parent_id for d in departments}
    for dep in departments:
        parent = parents.get(dep.id)
        seen: set[int] = set()
        while parent is not None and parent in counts and parent not in seen:
            seen.add(parent)
            counts[parent] += dep.active_people
            parent = parents.get(parent)
    return counts
