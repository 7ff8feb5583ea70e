"""The people list: one row per person, read a page at a time in pinyin order."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from talkdesk.services.people import PeopleFilter, PeopleService, PeopleSort, PersonRow
from talkdesk.ui.labels import yes_no
from talkdesk.ui.models.formats import date_text
from talkdesk.ui.models.table import CENTER, Column, ListSource, PagedTableModel
from talkdesk.ui.tasks import TaskRunner


class PeopleModel(PagedTableModel[PersonRow, PeopleFilter]):
    """People matching a filter, in pinyin order unless the user sorts by another column."""

    def __init__(
        self, people: PeopleService, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        columns: list[Column[PersonRow]] = [
            Column(lambda: self.tr("Name"), lambda r: r.name, PeopleSort.NAME),
            Column(
                lambda: self.tr("Department"), lambda r: r.department_name, PeopleSort.DEPARTMENT
            ),
            Column(lambda: self.tr("Position"), lambda r: r.position, PeopleSort.POSITION),
            Column(lambda: self.tr("Party member"), lambda r: yes_no(r.party_member), align=CENTER),
            Column(lambda: self.tr("Leader"), lambda r: yes_no(r.is_leader), align=CENTER),
            Column(
                lambda: self.tr("Joined"),
                lambda r: date_text(r.joined_on),
                PeopleSort.JOINED,
                align=CENTER,
            ),
            Column(
                lambda: self.tr("Status"),
                self._status,
                PeopleSort.STATUS,
                foreground=self._status_colour,
            ),
        ]
        source = ListSource(
            lambda f, sort, desc, page: people.people(f, page, PeopleSort(sort), desc),
            people.count_people,
            PeopleFilter(),
        )
        super().__init__(runner, columns, source, PeopleSort.NAME, parent=parent)

    def _status(self, row: PersonRow) -> str:
        if row.active:
            return self.tr("In post")
        if row.left_on is None:
            return self.tr("Left")
        return self.tr("Left on %1").replace("%1", date_text(row.left_on))

    def _status_colour(self, row: PersonRow) -> object:
        if row.active:
            return None
        return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
