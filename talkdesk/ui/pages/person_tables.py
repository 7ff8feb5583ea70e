"""The tables of a person's page: their timeline, their line in each plan, their triggers."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from talkdesk.domain.coverage import CoverageState
from talkdesk.domain.values import FollowUpStatus, TalkState
from talkdesk.services.person_profile import PlanLine, TimelineRow, TriggerLine
from talkdesk.ui.labels import cadence_text, label, topics_text
from talkdesk.ui.models.formats import date_text, datetime_text
from talkdesk.ui.models.table import CENTER, AnyIndex, Column, RowsTableModel
from talkdesk.ui.models.talks_model import CARE_COLOURS
from talkdesk.ui.pages.plans_page import STATE_COLOURS

_DRAFT = QColor("#8a6d00")
_OVERDUE = QColor("#c62828")
_CLOSED = QColor("#2e7d32")


class TimelineModel(RowsTableModel[TimelineRow]):
    """The person's talks and follow-ups, newest first. A talk flagged for care shows no
    kind or topics until it is revealed (a click), as the Talks list keeps them behind one."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.revealed: set[int] = set()
        self.today: date | None = None
        columns: list[Column[TimelineRow]] = [
            Column(lambda: self.tr("Date"), lambda r: datetime_text(r.at)),
            Column(lambda: self.tr("Item"), self._item),
            Column(lambda: self.tr("Talker / handler"), lambda r: r.who),
            Column(
                lambda: self.tr("Summary"),
                self._summary,
                foreground=self._care_colour,
                tooltip=self._summary_tip,
            ),
            Column(lambda: self.tr("State"), self._state, align=CENTER, foreground=self._colour),
        ]
        super().__init__(columns, parent)

    def hidden(self, row: TimelineRow) -> bool:
        return row.is_talk and row.is_care and row.id not in self.revealed

    def reveal(self, index: QModelIndex) -> bool:
        """Show a care-flagged talk's details; False if there was nothing to reveal."""
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not self.hidden(row):
            return False
        self.revealed.add(row.id)
        first, last = self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1)
        self.dataChanged.emit(first, last)
        return True

    def _item(self, row: TimelineRow) -> str:
        if not row.is_talk:
            return self.tr("Follow-up")
        if self.hidden(row) or row.talk_kind is None:
            return self.tr("Talk")
        return label(row.talk_kind)

    def _summary(self, row: TimelineRow) -> str:
        if not row.is_talk:
            return row.title
        if self.hidden(row):
            return self.tr("%1: click to show").replace("%1", label(row.care_level))
        topics = topics_text(row.topics) or self.tr("(no topics ticked)")
        if row.is_care:
            return f"[{label(row.care_level)}] {topics}"
        return topics

    def _summary_tip(self, row: TimelineRow) -> str:
        if row.is_talk:
            return "" if self.hidden(row) else self._summary(row)
        if row.due_on is None:
            return row.title
        return self.tr("%1 · due %2").replace("%1", row.title).replace("%2", date_text(row.due_on))

    def _care_colour(self, row: TimelineRow) -> Any:
        return CARE_COLOURS.get(row.care_level) if row.is_talk else None

    def _state(self, row: TimelineRow) -> str:
        if row.talk_state is not None:
            return label(row.talk_state)
        if self.today is not None and row.is_overdue(self.today):
            return label(CoverageState.OVERDUE)
        return label(row.status) if row.status is not None else ""

    def _colour(self, row: TimelineRow) -> Any:
        if row.talk_state is TalkState.DRAFT:
            return _DRAFT
        if self.today is not None and row.is_overdue(self.today):
            return _OVERDUE
        if row.status is FollowUpStatus.RESOLVED:
            return _CLOSED
        return None


class PlanLinesModel(RowsTableModel[PlanLine]):
    """The person's line in each plan: the state cell coloured as on the Plans page."""

    STATE_COLUMN = 3

    def __init__(self, parent: QObject | None = None) -> None:
        columns: list[Column[PlanLine]] = [
            Column(lambda: self.tr("Plan"), lambda p: p.plan_name, tooltip=self._tip),
            Column(lambda: self.tr("Talker"), lambda p: p.talker_name),
            Column(lambda: self.tr("Cadence"), lambda p: cadence_text(p.cadence.kind, p.cadence.n)),
            Column(lambda: self.tr("State"), lambda p: label(p.state), CENTER, tooltip=self._tip),
            Column(lambda: self.tr("Last talk"), lambda p: date_text(p.last_talk_on), CENTER),
            Column(lambda: self.tr("Talk by"), lambda p: date_text(p.deadline), CENTER),
        ]
        super().__init__(columns, parent)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self.STATE_COLUMN:
            row = self.row_at(index.row())
            colour = _state_colour(row.state, role) if row is not None else None
            if colour is not None:
                return colour
        return super().data(index, role)

    def _tip(self, line: PlanLine) -> str:
        parts = [line.plan_name]
        if line.state.needs_talk:
            days = line.days_left
            parts.append(
                self.tr("%n day(s) late", "", -days)
                if days < 0
                else self.tr("%n day(s) left", "", days)
            )
        if line.appointment_at is not None:
            parts.append(
                self.tr("Appointment %1").replace("%1", datetime_text(line.appointment_at))
            )
        if line.missed:
            parts.append(self.tr("Missed %n earlier period(s)", "", len(line.missed)))
        return "\n".join(parts)


class TriggersModel(RowsTableModel[TriggerLine]):
    """The person's events that call for a talk: waiting ones first, then those answered."""

    STATE_COLUMN = 3

    def __init__(self, parent: QObject | None = None) -> None:
        columns: list[Column[TriggerLine]] = [
            Column(lambda: self.tr("Event"), lambda t: label(t.kind)),
            Column(lambda: self.tr("Happened on"), lambda t: date_text(t.occurred_on), CENTER),
            Column(lambda: self.tr("Talk by"), lambda t: date_text(t.due_on), CENTER),
            Column(lambda: self.tr("State"), self._state, CENTER),
            Column(lambda: self.tr("Note"), lambda t: t.note, tooltip=lambda t: t.note),
        ]
        super().__init__(columns, parent)

    def _state(self, line: TriggerLine) -> str:
        if line.talk_at is not None:
            return self.tr("Talked %1").replace("%1", date_text(line.talk_at.date()))
        return label(line.state)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self.STATE_COLUMN:
            row = self.row_at(index.row())
            colour = _state_colour(row.state, role) if row is not None else None
            if colour is not None:
                return colour
        return super().data(index, role)


def _state_colour(state: CoverageState, role: int) -> QColor | None:
    """The Plans page's colours of a state cell: overdue red, due yellow, done green…"""
    colours = STATE_COLOURS.get(state)
    if colours is None:
        return None
    fg, bg = colours
    if role == Qt.ItemDataRole.ForegroundRole:
        return QColor(fg)
    if role == Qt.ItemDataRole.BackgroundRole and bg:
        return QColor(bg)
    return None
