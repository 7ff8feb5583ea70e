"""The read-only record table every list page uses: whole-row selection, server-side sorting."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from talkdesk.ui.models.table import PagedTableModel, RowsTableModel


class RecordTable(QTableView):
    """A table of records. Over a paged model, clicking a header re-sorts through the service;
    a header whose column cannot be sorted leaves the order (and its indicator) as it was."""

    def __init__(
        self,
        model: RowsTableModel,  # type: ignore[type-arg]
        widths: Sequence[int] = (),
        stretch: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        if stretch is None:
            header.setStretchLastSection(True)
        else:  # the column with the longest text takes the room left over
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        if isinstance(model, PagedTableModel) and model.sort_column() >= 0:
            self._paged = model
            header.setSortIndicator(model.sort_column(), _order(model))
            self.setSortingEnabled(True)
            header.sortIndicatorChanged.connect(self._keep_indicator_on_sorted_column)

    def _keep_indicator_on_sorted_column(self, column: int, _new_order: Qt.SortOrder) -> None:
        model = self._paged
        if not model.is_sortable(column) and model.sort_column() >= 0:
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(model.sort_column(), _order(model))
            header.blockSignals(False)


def _order(model: PagedTableModel) -> Qt.SortOrder:  # type: ignore[type-arg]
    return Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder
