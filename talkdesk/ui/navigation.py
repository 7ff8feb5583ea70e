"""The left navigation: one entry per page, with an icon and, where useful, a count."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from talkdesk.ui.style import icon


class PageId(StrEnum):
    """The pages in navigation order; the value names the page's icon."""

    TODAY = "today"
    PLANS = "plans"
    APPOINTMENTS = "appointments"
    TALKS = "talks"
    FOLLOW_UPS = "follow_ups"
    PEOPLE = "people"
    REPORTS = "reports"
    SETTINGS = "settings"


class Navigation(QListWidget):
    """Signals:
    page_chosen(PageId): the user picked a page.
    """

    page_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setIconSize(QSize(20, 20))
        self.setFixedWidth(172)
        self._titles = {
            PageId.TODAY: self.tr("Today"),
            PageId.PLANS: self.tr("Plans"),
            PageId.APPOINTMENTS: self.tr("Appointments"),
            PageId.TALKS: self.tr("Talks"),
            PageId.FOLLOW_UPS: self.tr("Follow-ups"),
            PageId.PEOPLE: self.tr("People"),
            PageId.REPORTS: self.tr("Reports"),
            PageId.SETTINGS: self.tr("Settings"),
        }
        for page in PageId:
            item = QListWidgetItem(icon(page.value), self._titles[page])
            item.setSizeHint(QSize(0, 40))
            self.addItem(item)
        self.currentRowChanged.connect(lambda row: self.page_chosen.emit(list(PageId)[row]))

    def title(self, page: PageId) -> str:
        return self._titles[page]

    def select(self, page: PageId) -> None:
        self.setCurrentRow(list(PageId).index(page))

    def current_page(self) -> PageId:
        return list(PageId)[max(self.currentRow(), 0)]

    def set_count(self, page: PageId, count: int | None) -> None:
        """Show a count beside the title (e.g. overdue follow-ups); None or 0 hides it."""
        text = self._titles[page]
        if count:
            text = f"{text}  ({count})"
        self.item(list(PageId).index(page)).setText(text)

    def set_counts(self, counts: Mapping[PageId, int | None]) -> None:
        """Show several pages' counts at once (the Today page's figures after each read)."""
        for page, count in counts.items():
            self.set_count(page, count)
