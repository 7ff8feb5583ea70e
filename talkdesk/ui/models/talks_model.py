"""The talks list: short talk rows (never the notes), a page at a time, sorted by the service."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from talkdesk.domain.values import CareLevel, TalkState
from talkdesk.services.talks import TalkFilter, TalkListRow, TalkSort, TalksService
from talkdesk.ui.labels import label, topics_text
from talkdesk.ui.models.formats import datetime_text
from talkdesk.ui.models.table import CENTER, Column, ListSource, PagedTableModel
from talkdesk.ui.tasks import TaskRunner

CARE_COLOURS = {CareLevel.WATCH: QColor("#e0a100"), CareLevel.CARE: QColor("#d03b2f")}


class TalksModel(PagedTableModel[TalkListRow, TalkFilter]):
    """Talks matching a filter, newest first unless the user sorts by another column."""

    def __init__(
        self, talks: TalksService, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        columns: list[Column[TalkListRow]] = [
            Column(
                lambda: self.tr("Date and time"),
                lambda r: datetime_text(r.held_at),
                TalkSort.HELD_AT,
            ),
            Column(lambda: self.tr("Person"), lambda r: r.person_name, TalkSort.PERSON),
            Column(lambda: self.tr("Department"), lambda r: r.department_name, TalkSort.DEPARTMENT),
            Column(lambda: self.tr("Talker"), lambda r: r.talker_name, TalkSort.TALKER),
            Column(lambda: self.tr("Kind"), lambda r: label(r.kind), TalkSort.KIND),
            Column(lambda: self.tr("Topics"), lambda r: topics_text(r.topics)),
            Column(
                lambda: self.tr("Care"),
                lambda r: "",
                align=CENTER,
                decoration=self._care_icon,
                tooltip=lambda r: label(r.care_level) if r.care_level is not CareLevel.NONE else "",
            ),
            Column(
                lambda: self.tr("State"),
                lambda r: label(r.state),
                TalkSort.STATE,
                foreground=lambda r: QColor("#8a6d00") if r.state is TalkState.DRAFT else None,
            ),
        ]
        source = ListSource(
            lambda f, sort, desc, page: talks.list_talks(f, TalkSort(sort), desc, page),
            talks.count_talks,
            TalkFilter(),
        )
        super().__init__(runner, columns, source, TalkSort.HELD_AT, descending=True, parent=parent)
        self._icons: dict[CareLevel, QIcon] = {}

    def _care_icon(self, row: TalkListRow) -> QIcon | None:
        colour = CARE_COLOURS.get(row.care_level)
        if colour is None:
            return None
        if row.care_level not in self._icons:
            self._icons[row.care_level] = _dot(colour)
        return self._icons[row.care_level]


def _dot(colour: QColor, size: int = 12) -> QIcon:
    """A filled circle: the care marker, readable without words or colour names."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(colour)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)
