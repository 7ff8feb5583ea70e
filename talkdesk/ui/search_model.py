"""The search hits as a table: kind, date, person, talker or handler, and the text found.

The text found is also given as rich text (`RICH_ROLE`) with the matching
words marked, for the snippet delegate. A care-flagged talk's text stays
hidden until the user asks for it (`reveal`), as in the other lists.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from talkdesk.domain.values import CareLevel
from talkdesk.services.search import HitKind, SearchHit, Snippet
from talkdesk.ui.labels import label
from talkdesk.ui.models.formats import date_text

AnyIndex = QModelIndex | QPersistentModelIndex

KIND, DATE, PERSON, BY, FOUND = range(5)

RICH_ROLE = Qt.ItemDataRole.UserRole + 1
"""The found text as HTML, the matches marked (the FOUND column)."""

HIT_ROLE = Qt.ItemDataRole.UserRole + 2
"""The SearchHit of the row (any column)."""

MARK_STYLE = "background-color:#ffe58a; color:#1f2d3d; font-weight:600;"
PRIVATE_STYLE = "color:#8a5a00; font-weight:600;"
HIDDEN_STYLE = "color:#5a6778; font-style:italic;"
NAME_MARK = QColor("#ffe58a")


class SearchResultsModel(QAbstractTableModel):
    """Read-only rows of the hits shown; `reveal(row)` shows a care-flagged talk's text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._revealed: set[tuple[HitKind, int]] = set()
        self._bold = QFont()
        self._bold.setBold(True)

    # -- what the panel does with it ----------------------------------------------------------

    @property
    def hits(self) -> list[SearchHit]:
        return list(self._hits)

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def clear(self) -> None:
        """Nothing kept: no names or notes, and hidden texts hidden again."""
        self._revealed.clear()
        self.set_hits([])

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def is_hidden(self, row: int) -> bool:
        """A care-flagged talk whose text the user has not asked to see."""
        hit = self.hit(row)
        return hit is not None and _is_care(hit) and (hit.kind, hit.id) not in self._revealed

    def reveal(self, row: int) -> None:
        hit = self.hit(row)
        if hit is None or not self.is_hidden(row):
            return
        self._revealed.add((hit.kind, hit.id))
        index = self.index(row, FOUND)
        self.dataChanged.emit(index, index)

    def found_text(self, row: int) -> str:
        """The text the FOUND column shows (plain), as a user reads it."""
        return str(self.data(self.index(row, FOUND)) or "")

    # -- Qt model interface --------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Record"),
            self.tr("Date"),
            self.tr("Person"),
            self.tr("Talker / handler"),
            self.tr("Found"),
        )[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        column = index.column()
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(hit, index.row(), column)
        if role == RICH_ROLE and column == FOUND:
            return self._rich(hit, index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(hit, index.row(), column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole):
            named = (column == PERSON and hit.person_named) or (column == BY and hit.by_named)
            if named:  # found by this name
                return NAME_MARK if role == Qt.ItemDataRole.BackgroundRole else self._bold
        return None

    # -- inside ---------------------------------------------------------------------------------

    def _display(self, hit: SearchHit, row: int, column: int) -> str:
        if column == KIND:
            return self._kind_text(hit)
        if column == DATE:
            return date_text(hit.when.date())
        if column == PERSON:
            return hit.person_name or self.tr("(anonymous)")
        if column == BY:
            return hit.by
        if self.is_hidden(row):
            return self._hidden_text(hit)
        prefix = self._private_prefix() if hit.private else ""
        return prefix + hit.snippet.text

    def _rich(self, hit: SearchHit, row: int) -> str:
        if self.is_hidden(row):
            return f'<span style="{HIDDEN_STYLE}">{escape(self._hidden_text(hit))}</span>'
        prefix = ""
        if hit.private:
            prefix = f'<span style="{PRIVATE_STYLE}">{escape(self._private_prefix())}</span>'
        return prefix + marked_html(hit.snippet)

    def _tooltip(self, hit: SearchHit, row: int, column: int) -> str:
        if column == KIND and hit.kind is HitKind.FOLLOW_UP and hit.status is not None:
            return label(hit.status)
        if column == PERSON:
            parts = [hit.department_name]
            if hit.person_named:
                parts.append(self.tr("Found by this name"))
            return " · ".join(p for p in parts if p)
        if column == BY and hit.by_named:
            return self.tr("Found by this name")
        if column == FOUND and not self.is_hidden(row) and hit.title:
            return hit.title
        return ""

    def _kind_text(self, hit: SearchHit) -> str:
        if hit.kind is HitKind.TALK:
            return label(hit.talk_kind) if hit.talk_kind is not None else self.tr("Talk")
        return self.tr("Follow-up")

    def _hidden_text(self, hit: SearchHit) -> str:
        return self.tr("%1 — click to show the text").replace("%1", label(hit.care))

    def _private_prefix(self) -> str:
        return self.tr("In private notes: ")


def marked_html(snippet: Snippet) -> str:
    """The snippet as HTML, each match marked."""
    out, at = [], 0
    for start, end in snippet.marks:
        out.append(escape(snippet.text[at:start]))
        out.append(f'<span style="{MARK_STYLE}">{escape(snippet.text[start:end])}</span>')
        at = end
    out.append(escape(snippet.text[at:]))
    return "".join(out)


def _is_care(hit: SearchHit) -> bool:
    return hit.kind is HitKind.TALK and hit.care is not CareLevel.NONE
