"""Generic table models: columns over frozen rows, and lazy paging through the task runner.

A `PagedTableModel` never holds more than the pages the view has scrolled to:
`canFetchMore`/`fetchMore` ask the service for the next `Page` on the database
thread and insert the rows when they arrive. Sorting and filtering re-query
the service (server-side), so the order is right even over rows not yet read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from talkdesk.domain.errors import TalkdeskError
from talkdesk.services.query import Page
from talkdesk.ui.tasks import TaskRunner

Row = TypeVar("Row")
Flt = TypeVar("Flt")
AnyIndex = QModelIndex | QPersistentModelIndex

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

PAGE_SIZE = 200
RELOAD_CAP = 2000
"""A refresh re-reads at most this many rows, however far the user had scrolled."""


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column: its header (translated when asked), how a row shows in it, how it sorts.

    Attributes:
        header: the header text, called each time so a language switch shows.
        display: the cell text of a row.
        sort_key: the service's sort value for this column; None = not sortable.
        align: the cell alignment.
        foreground: an optional cell colour (e.g. overdue in red).
        decoration: an optional icon (e.g. a care marker).
        tooltip: an optional tooltip.
    """

    header: Callable[[], str]
    display: Callable[[Row], str]
    sort_key: StrEnum | None = None
    align: Qt.AlignmentFlag = LEFT
    foreground: Callable[[Row], Any] | None = None
    decoration: Callable[[Row], Any] | None = None
    tooltip: Callable[[Row], str] | None = None


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table over a list of frozen rows, one row per record."""

    def __init__(self, columns: Sequence[Column[Row]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[Row] = []

    # -- Qt model interface -----------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(row)
        if role == Qt.ItemDataRole.DecorationRole and column.decoration is not None:
            return column.decoration(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._columns[section].align
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- rows ---------------------------------------------------------------------------

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(self._rows)

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find_row(self, matches: Callable[[Row], bool]) -> int | None:
        """The position of the first loaded row that matches, if any."""
        return next((i for i, r in enumerate(self._rows) if matches(r)), None)

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()


@dataclass(frozen=True)
class ListSource(Generic[Flt, Row]):
    """Where a list's rows come from: a service's page reader and counter, and the first filter.

    `read(filter, sort_key, descending, page)` and `count(filter)` run on the task
    runner's thread.
    """

    read: Callable[[Flt, Any, bool, Page], list[Row]]
    count: Callable[[Flt], int]
    initial: Flt


class PagedTableModel(RowsTableModel[Row], Generic[Row, Flt]):
    """Rows read lazily from a service, a page at a time, on the task runner's thread.

    Nothing is read until `reload()`; a new filter or sort reads from the start.

    Signals:
        loaded(): rows arrived (the first page after a reload, or a further page).
        total_changed(int): the number of matching rows, known after each reload.
    """

    loaded = Signal()
    total_changed = Signal(int)

    def __init__(
        self,
        runner: TaskRunner,
        columns: Sequence[Column[Row]],
        source: ListSource[Flt, Row],
        sort_key: StrEnum | None = None,
        descending: bool = False,
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, parent)
        self._runner = runner
        self._source = source
        self._filter = source.initial
        self._sort_key = sort_key
        self._descending = descending
        self._page_size = page_size
        self._generation = 0  # results of an older query are dropped
        self._started = False
        self._loading = False
        self._exhausted = True
        self._total: int | None = None

    # -- state -----------------------------------------------------------------------

    @property
    def filter(self) -> Flt:
        return self._filter

    def set_filter(self, flt: Flt) -> None:
        if flt != self._filter:
            self._filter = flt
            self.reload(keep_loaded=False)

    @property
    def sort_key(self) -> StrEnum | None:
        return self._sort_key

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def total(self) -> int | None:
        """How many rows match (loaded or not); None until the first reload finished."""
        return self._total

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def is_complete(self) -> bool:
        """Every matching row is loaded."""
        return self._started and not self._loading and self._exhausted

    # -- reading ---------------------------------------------------------------------

    def clear(self) -> None:
        """Drop every row (the workspace was locked); results still on their way are dropped."""
        self._generation += 1
        self._started = self._loading = self._exhausted = False
        self.set_rows([])

    def reload(self, keep_loaded: bool = True) -> None:
        """Read the first page again (for a changed filter, sort or data) and the count.

        The old rows stay on screen until the new ones arrive. With keep_loaded,
        as many rows as were loaded are read again (up to RELOAD_CAP), so the
        view does not jump back to the top after an edit.
        """
        self._started = True
        self._generation += 1
        generation = self._generation
        want = self._page_size
        if keep_loaded:
            want = max(want, min(len(self._rows), RELOAD_CAP))
        read, count = self._reader(), self._counter()
        self._loading = True
        self._runner.submit(
            lambda: (read(Page(0, want)), count()),
            on_success=lambda result: self._reloaded(generation, want, *result),
            on_error=lambda error: self._failed(generation, error),
        )

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._started and not self._loading and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        generation = self._generation
        page = Page(len(self._rows), self._page_size)
        read = self._reader()
        self._loading = True
        self._runner.submit(
            lambda: read(page),
            on_success=lambda rows: self._fetched(generation, page, rows),
            on_error=lambda error: self._failed(generation, error),
        )

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort_key is not None

    def sort_column(self) -> int:
        """The column the rows are sorted by (-1 when no column shows the order)."""
        if self._sort_key is None:
            return -1
        return next((i for i, c in enumerate(self._columns) if c.sort_key == self._sort_key), -1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in the column's order (server-side); a column without a sort key is ignored."""
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].sort_key
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (key == self._sort_key and descending == self._descending):
            return
        self._sort_key, self._descending = key, descending
        if self._started:
            self.reload(keep_loaded=False)

    # -- the calls handed to the runner (bound to the filter and sort of now) -------------

    def _reader(self) -> Callable[[Page], list[Row]]:
        read, flt, sort, descending = (
            self._source.read,
            self._filter,
            self._sort_key,
            self._descending,
        )
        return lambda page: read(flt, sort, descending, page)

    def _counter(self) -> Callable[[], int]:
        count, flt = self._source.count, self._filter
        return lambda: count(flt)

    # -- results (GUI thread) -----------------------------------------------------------

    def _reloaded(self, generation: int, want: int, rows: list[Row], total: int) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(rows) < want
        self.set_rows(rows)
        self._total = total
        self.total_changed.emit(total)
        self.loaded.emit()

    def _fetched(self, generation: int, page: Page, rows: list[Row]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(rows) < page.limit
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit()

    def _failed(self, generation: int, error: TalkdeskError) -> None:
        if generation == self._generation:
            self._loading = False
            self._exhausted = True
        self._runner.task_failed.emit(error)
