"""The Today page: a greeting and the few numbers that say what needs doing, each a way in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from talkdesk.services.changes import Entity
from talkdesk.services.follow_ups import FollowUpFilter
from talkdesk.services.talks import TalkFilter
from talkdesk.ui.pages.base import ContentPage
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services


@dataclass(frozen=True)
class Overview:
    owner_name: str
    talks_this_month: int
    open_follow_ups: int
    overdue_follow_ups: int
    feedback_owed: int


class Card(QPushButton):
    """A big number with a caption; clicking it opens the page that lists what it counts."""

    def __init__(
        self, caption: str, page_key: str, choice: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.page_key = page_key
        self.choice = choice
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(180, 110)
        self.number_label = QLabel("–")
        font = QFont(self.number_label.font())
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        self.number_label.setFont(font)
        self.caption_label = QLabel(caption)
        self.caption_label.setWordWrap(True)
        for child in (self.number_label, self.caption_label):
            child.setAlignment(Qt.AlignmentFlag.AlignCenter)
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number_label)
        layout.addWidget(self.caption_label)

    def set_number(self, value: int | None, warn: bool = False) -> None:
        """Show the count (None: not known, e.g. while locked)."""
        shown = "–" if value is None else str(value)
        self.number_label.setText(shown)
        self.number_label.setStyleSheet("color: #c62828;" if warn and value else "")
        self.setAccessibleName(f"{self.caption_label.text()}: {shown}")


class TodayPage(ContentPage):
    """A short overview for now; the plans issue makes it the day's agenda.

    Signals:
        open_page(str, str): the user wants the page with this key ("talks", "follow_ups"),
            showing what the card counted (a follow-up status choice, or "").
    """

    open_page = Signal(str, str)
    concerns = frozenset({Entity.TALK, Entity.FOLLOW_UP, Entity.WORKSPACE})

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, runner, parent)
        self.greeting_label = QLabel()
        font = QFont(self.greeting_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.greeting_label.setFont(font)
        self.date_label = QLabel()
        self.talks_card = Card(self.tr("Talks this month"), "talks")
        self.open_card = Card(self.tr("Open follow-ups"), "follow_ups", "not_closed")
        self.overdue_card = Card(self.tr("Overdue follow-ups"), "follow_ups", "overdue")
        self.feedback_card = Card(
            self.tr("Follow-ups awaiting feedback"), "follow_ups", "feedback_owed"
        )

        cards = QGridLayout()
        cards.setSpacing(16)
        for column, card in enumerate(self.cards()):
            cards.addWidget(card, 0, column)
            card.clicked.connect(
                lambda _checked=False, c=card: self.open_page.emit(c.page_key, c.choice)
            )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.greeting_label)
        layout.addWidget(self.date_label)
        layout.addSpacing(16)
        layout.addLayout(cards)
        layout.addStretch()

    def cards(self) -> tuple[Card, ...]:
        return (self.talks_card, self.open_card, self.overdue_card, self.feedback_card)

    def _forget(self) -> None:
        self.greeting_label.clear()
        for card in self.cards():
            card.set_number(None)

    def _load(self) -> None:
        services, today = self._services, self._today()

        def read() -> Overview:
            talks, follow_ups = services.talks, services.follow_ups
            return Overview(
                owner_name=services.session.info().owner_name,
                talks_this_month=talks.count_talks(
                    TalkFilter(date_from=today.replace(day=1), date_to=today)
                ),
                open_follow_ups=follow_ups.count_follow_ups(FollowUpFilter(open_only=True)),
                overdue_follow_ups=follow_ups.count_follow_ups(
                    FollowUpFilter(open_only=True, overdue_on=today)
                ),
                feedback_owed=follow_ups.count_follow_ups(FollowUpFilter(feedback_owed=True)),
            )

        self._runner.submit(read, on_success=self._show)

    def _show(self, overview: Overview) -> None:
        now = self._services.session.context.now()
        self.greeting_label.setText(self._greeting(now.hour).replace("%1", overview.owner_name))
        self.date_label.setText(_long_date(now.date()))
        self.talks_card.set_number(overview.talks_this_month)
        self.open_card.set_number(overview.open_follow_ups)
        self.overdue_card.set_number(overview.overdue_follow_ups, warn=True)
        self.feedback_card.set_number(overview.feedback_owed, warn=True)

    def _greeting(self, hour: int) -> str:
        if hour < 12:
            return self.tr("Good morning, %1")
        if hour < 18:
            return self.tr("Good afternoon, %1")
        return self.tr("Good evening, %1")


def _long_date(day: date) -> str:
    return QLocale().toString(QDate(day), QLocale.FormatType.LongFormat)
