"""The Today page's greeting, date and four count cards, shown on their own at start-up.

At start-up the window shows these figures (`GlancePage`) as soon as the remembered key
has read them, before the services and the Today page are loaded; the Today page then
takes their place with the same figures on top. Keep this module light: it is imported
on the way to the first data.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from talkdesk.services.glance import Overview

PAGE_MARGINS = (20, 16, 20, 12)
"""The Today page's margins: the figures stay in place when the full page replaces the glance."""
PAGE_SPACING = 10

STYLE = """
QLabel#detail { color: #5a6778; }
QPushButton#countCard { background: #ffffff; border: 1px solid #d9dee5; border-radius: 6px; }
QPushButton#countCard:hover { background: #eef3f9; }
"""


class Card(QPushButton):
    """A number with a caption; clicking it opens the page that lists what it counts."""

    def __init__(
        self, caption: str, page_key: str, choice: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("countCard")
        self.page_key = page_key
        self.choice = choice
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(150, 56)
        self.setMaximumHeight(72)
        self.number_label = QLabel("–")
        font = QFont(self.number_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.number_label.setFont(font)
        self.caption_label = QLabel(caption)
        self.caption_label.setWordWrap(True)
        for child in (self.number_label, self.caption_label):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.caption_label.setObjectName("detail")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.addWidget(self.number_label)
        layout.addWidget(self.caption_label, 1)

    def set_number(self, value: int | None, warn: bool = False) -> None:
        """Show the count (None: not known, e.g. while locked)."""
        shown = "–" if value is None else str(value)
        self.number_label.setText(shown)
        self.number_label.setStyleSheet("color: #c62828;" if warn and value else "")
        self.setAccessibleName(f"{self.caption_label.text()}: {shown}")


class TodayFigures(QWidget):
    """The greeting with the date, and the four cards below.

    Signals:
        card_clicked(str, str): the page key and choice of the card clicked (as `open_page`).
    """

    card_clicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.greeting_label = QLabel()
        font = QFont(self.greeting_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.greeting_label.setFont(font)
        self.date_label = QLabel()
        self.date_label.setObjectName("detail")
        self.talks_card = Card(self.tr("Talks this month"), "talks")
        self.open_card = Card(self.tr("Open follow-ups"), "follow_ups", "not_closed")
        self.overdue_card = Card(self.tr("Overdue follow-ups"), "follow_ups", "overdue")
        self.feedback_card = Card(
            self.tr("Follow-ups awaiting feedback"), "follow_ups", "feedback_owed"
        )
        header = QHBoxLayout()
        header.addWidget(self.greeting_label)
        header.addStretch()
        header.addWidget(self.date_label)
        cards = QGridLayout()
        cards.setSpacing(10)
        for column, card in enumerate(self.cards()):
            cards.addWidget(card, 0, column)
            card.clicked.connect(
                lambda _checked=False, c=card: self.card_clicked.emit(c.page_key, c.choice)
            )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(PAGE_SPACING)
        layout.addLayout(header)
        layout.addLayout(cards)

    def cards(self) -> tuple[Card, ...]:
        return (self.talks_card, self.open_card, self.overdue_card, self.feedback_card)

    def show_overview(self, overview: Overview, now: datetime) -> None:
        self.greeting_label.setText(self._greeting(now.hour).replace("%1", overview.owner_name))
        self.date_label.setText(long_date(now.date()))
        self.talks_card.set_number(overview.talks_this_month)
        self.open_card.set_number(overview.open_follow_ups)
        self.overdue_card.set_number(overview.overdue_follow_ups, warn=True)
        self.feedback_card.set_number(overview.feedback_owed, warn=True)

    def clear(self) -> None:
        self.greeting_label.clear()
        for card in self.cards():
            card.set_number(None)

    def _greeting(self, hour: int) -> str:
        if hour < 12:
            return self.tr("Good morning, %1")
        if hour < 18:
            return self.tr("Good afternoon, %1")
        return self.tr("Good evening, %1")


class GlancePage(QWidget):
    """The Today page's place at start-up: its figures alone, where the full page puts them.

    The cards do nothing yet (the pages they open are not built); the Today page that
    replaces this a moment later has working ones.
    """

    def __init__(self, overview: Overview, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.figures = TodayFigures()
        self.figures.show_overview(overview, now)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(self.figures)
        layout.addStretch(1)


def long_date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
