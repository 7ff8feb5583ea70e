"""Choosing the period of the statistics: its kind (month to year), back and forth, in words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from talkdesk.services.statistics_figures import PeriodKind, ReportPeriod


def period_text(period: ReportPeriod) -> str:
    """The period as people say it: 2026年第4季度 / Q4 2026, 2026年下半年, 2026年11月."""
    year = str(period.start.year)
    if period.kind is PeriodKind.YEAR:
        return QCoreApplication.translate("StatisticsPeriod", "%1 (year)").replace("%1", year)
    if period.kind is PeriodKind.HALF_YEAR:
        text = (
            QCoreApplication.translate("StatisticsPeriod", "First half of %1")
            if period.start.month == 1
            else QCoreApplication.translate("StatisticsPeriod", "Second half of %1")
        )
        return text.replace("%1", year)
    if period.kind is PeriodKind.QUARTER:
        quarter = str(1 + (period.start.month - 1) // 3)
        return (
            QCoreApplication.translate("StatisticsPeriod", "Q%2 %1")
            .replace("%1", year)
            .replace("%2", quarter)
        )
    if period.kind is PeriodKind.MONTH:
        return QLocale().toString(QDate(period.start.year, period.start.month, 1), "MMMM yyyy")
    return (
        QCoreApplication.translate("StatisticsPeriod", "%1 to %2")
        .replace("%1", _day(period.start))
        .replace("%2", _day(period.last_day))
    )


def _day(day: date) -> str:
    return QLocale().toString(QDate(day), QLocale.FormatType.ShortFormat)


class PeriodChooser(QWidget):
    """A kind of period and the period itself, moved with ◀ and ▶ (not past the current one).

    Attributes:
        period: the period chosen.

    Signals:
        changed(object): the ReportPeriod chosen now.
    """

    changed = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.period = ReportPeriod.of(PeriodKind.QUARTER, today)
        self.kind_combo = QComboBox()
        for kind, text in (
            (PeriodKind.MONTH, self.tr("Month")),
            (PeriodKind.QUARTER, self.tr("Quarter")),
            (
                PeriodKind.HALF_YEAR,
                self.tr("Half-year"),
            ),
            (PeriodKind.YEAR, self.tr("Year")),
        ):
            self.kind_combo.addItem(text, kind.value)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(PeriodKind.QUARTER.value))
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setToolTip(self.tr("The period before"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("The period after"))
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")
        self.period_label.setMinimumWidth(120)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.kind_combo)
        layout.addSpacing(6)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.period_label)
        layout.addWidget(self.next_button)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.previous_button.clicked.connect(lambda: self.set_period(self.period.previous()))
        self.next_button.clicked.connect(lambda: self.set_period(self.period.next()))
        self._show()

    def set_today(self, today: date) -> None:
        self._today = today
        self._show()

    def set_period(self, period: ReportPeriod) -> None:
        """Show `period` (its kind chosen in the list too) and say so."""
        if period.kind is not PeriodKind.CUSTOM:
            self.kind_combo.blockSignals(True)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(period.kind.value))
            self.kind_combo.blockSignals(False)
        self.period = period
        self._show()
        self.changed.emit(period)

    def _kind_changed(self) -> None:
        kind = PeriodKind(self.kind_combo.currentData())
        # the period of the new kind that holds the old one's last day (or today, if sooner)
        self.set_period(ReportPeriod.of(kind, min(self.period.last_day, self._today)))

    def _show(self) -> None:
        self.period_label.setText(period_text(self.period))
        self.next_button.setEnabled(self.period.end <= self._today)
