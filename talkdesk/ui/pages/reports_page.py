"""The Statistics page: the indicators of a period as figures and charts, against the period
before; a click lists the records behind a figure, and every chart can be saved as PNG."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.errors import TalkdeskError
from talkdesk.services.changes import Entity
from talkdesk.services.exports import ExportKind
from talkdesk.services.people import DepartmentRow
from talkdesk.services.statistics_figures import (
    MISSED,
    CareSlice,
    FeedbackSlice,
    FollowUpMeasure,
    Indicator,
    Records,
    ReportPeriod,
    Statistics,
    StatisticsFilter,
    Talker,
)
from talkdesk.ui.messages import error_text
from talkdesk.ui.models.formats import date_text
from talkdesk.ui.pages.base import ContentPage
from talkdesk.ui.pages.person_dialog import in_tree_order
from talkdesk.ui.pages.statistics_charts import (
    ChartKind,
    build_chart,
    chart_height,
    chart_png,
    chart_title,
    records_counted,
)
from talkdesk.ui.pages.statistics_period import PeriodChooser, period_text
from talkdesk.ui.pages.statistics_records import RecordsPanel
from talkdesk.ui.pages.statistics_widgets import STYLE, ChartBox, FigureCard
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services


def ask_save_path(parent: QWidget, title: str, suggested: Path, file_filter: str) -> Path | None:
    """The file the user chose in the system's save dialog, or None (tests replace this)."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(chosen) if chosen else None


def _documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


class ReportsPage(ContentPage):
    """The statistics of a period (a quarter by default), narrowed to a department or a talker.

    Attributes:
        stats / previous: the figures shown and those of the period before (None until read).
        cards: the figure cards by name; charts: the chart boxes by kind.
        records_panel: the records behind the figure last clicked.
        message: the last message shown (saved, or why not).
        last_folder: where the last chart went (the next save starts there).

    Signals:
        open_page(str, str): a listed record was opened: ("talks", "talk:12"),
            ("follow_ups", "follow_up:7") or ("people", "person:12").
        figures_shown(): the figures and charts of the period chosen are on screen.
        records_shown(): the records behind a figure are listed.
        chart_saved(object): a chart was written to this Path.
    """

    open_page = Signal(str, str)
    figures_shown = Signal()
    records_shown = Signal()
    chart_saved = Signal(object)
    concerns = frozenset(
        {Entity.TALK, Entity.FOLLOW_UP, Entity.PERSON, Entity.DEPARTMENT, Entity.PLAN}
    )

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, runner, parent)
        self.setStyleSheet(STYLE)
        self.stats: Statistics | None = None
        self.previous: Statistics | None = None
        self.message: QMessageBox | None = None
        self.last_folder: Path | None = None
        self._generation = 0

        # -- the toolbar: period, filters, and room for the evaluation report --
        self.period_chooser = PeriodChooser(self._today())
        self.department_combo = QComboBox()
        self.department_combo.setMinimumContentsLength(10)
        self.department_combo.addItem(self.tr("All departments"), None)
        self.talker_combo = QComboBox()
        self.talker_combo.setMinimumContentsLength(6)
        self.talker_combo.addItem(self.tr("All talkers"), None)
        self.report_button = QPushButton(self.tr("Evaluation report…"))
        self.report_button.setObjectName("reportButton")
        self.report_button.clicked.connect(self.open_report_dialog)
        self.as_of_label = QLabel()
        self.as_of_label.setObjectName("detail")
        toolbar = QHBoxLayout()
        toolbar.setSpacing(8)
        toolbar.addWidget(self.period_chooser)
        toolbar.addSpacing(12)
        toolbar.addWidget(QLabel(self.tr("Department:")))
        toolbar.addWidget(self.department_combo)
        toolbar.addWidget(QLabel(self.tr("Talker:")))
        toolbar.addWidget(self.talker_combo)
        toolbar.addStretch(1)
        toolbar.addWidget(self.report_button)
        self.toolbar = toolbar

        # -- the figures --
        self.cards = {
            "coverage": FigureCard(self.tr("Coverage")),
            "talks": FigureCard(self.tr("Talks held")),
            "resolved": FigureCard(self.tr("Follow-ups resolved")),
            "on_time": FigureCard(self.tr("Resolved on time")),
            "median": FigureCard(self.tr("Median days to resolve")),
            "overdue": FigureCard(self.tr("Overdue follow-ups")),
            "feedback": FigureCard(self.tr("Feedback given")),
            "care": FigureCard(self.tr("Care followed up")),
        }
        cards = QGridLayout()
        cards.setSpacing(10)
        for i, (name, card) in enumerate(self.cards.items()):
            cards.addWidget(card, i // 4, i % 4)
            card.clicked.connect(lambda _checked=False, n=name: self._card_clicked(n))

        # -- the charts --
        self.charts = {kind: ChartBox(kind, chart_title(kind)) for kind in ChartKind}
        grid = QGridLayout()
        grid.setSpacing(12)
        places = {
            ChartKind.COVERAGE: (0, 0, 1, 2),
            ChartKind.MONTHS: (1, 0, 1, 1),
            ChartKind.FOLLOW_UPS: (1, 1, 1, 1),
            ChartKind.FEEDBACK: (2, 0, 1, 1),
            ChartKind.CARE: (2, 1, 1, 1),
            ChartKind.TOPICS: (3, 0, 1, 2),
        }
        for kind, box in self.charts.items():
            grid.addWidget(box, *places[kind])
            box.picked.connect(
                lambda indicator, key, k=kind: self._chart_clicked(k, indicator, key)
            )
            box.save_requested.connect(self.save_chart)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        body = QWidget()
        body.setObjectName("pageBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 6, 0)
        column.setSpacing(12)
        column.addLayout(cards)
        column.addWidget(self.as_of_label)
        column.addLayout(grid)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("pageScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.scroll = scroll

        self.records_panel = RecordsPanel()
        self.records_panel.hide()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.records_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(toolbar)
        layout.addWidget(self.splitter, 1)

        self.period_chooser.changed.connect(lambda _p: self._compute())
        self.department_combo.currentIndexChanged.connect(lambda _i: self._compute())
        self.talker_combo.currentIndexChanged.connect(lambda _i: self._compute())
        self.records_panel.open_page.connect(self.open_page)

    # -- what is asked -------------------------------------------------------------------------

    @property
    def period(self) -> ReportPeriod:
        return self.period_chooser.period

    def filter(self) -> StatisticsFilter:
        return StatisticsFilter(
            department_id=self.department_combo.currentData(),
            talker_id=self.talker_combo.currentData(),
        )

    # -- reading -------------------------------------------------------------------------------

    def _load(self) -> None:
        services = self._services
        self.period_chooser.set_today(self._today())
        self._runner.submit(
            lambda: (services.people.departments(), services.statistics.talkers()),
            on_success=self._show_filters,
        )

    def _show_filters(self, result: tuple[list[DepartmentRow], list[Talker]]) -> None:
        departments, talkers = result
        _refill(
            self.department_combo,
            [("    " * depth + d.name, d.id) for d, depth in in_tree_order(departments)],
        )
        _refill(self.talker_combo, [(t.name, t.id) for t in talkers])
        self._compute()

    def _compute(self) -> None:
        """The figures of the period chosen, then those of the period before (for comparing)."""
        self._generation += 1
        generation = self._generation
        period, flt = self.period, self.filter()
        statistics = self._services.statistics
        self._runner.submit(
            lambda: statistics.compute(period, flt),
            on_success=lambda stats: self._show(generation, stats),
            on_error=self._failed,
        )
        self._runner.submit(
            lambda: statistics.compute(statistics.previous(period), flt),
            on_success=lambda stats: self._show_previous(generation, stats),
            on_error=self._failed,
        )

    def _failed(self, error: TalkdeskError) -> None:
        self._show_error(error)

    def _show(self, generation: int, stats: Statistics) -> None:
        if generation != self._generation:
            return  # the user chose another period or filter meanwhile
        self.stats = stats
        self.previous = None
        self._fill_cards(stats)
        for card in self.cards.values():
            card.show_previous("")
        for kind, box in self.charts.items():
            box.show_chart(build_chart(kind, stats), chart_height(kind, stats))
        self.as_of_label.setText(self._as_of_text(stats))
        self.records_panel.clear()
        self.figures_shown.emit()

    def _show_previous(self, generation: int, previous: Statistics) -> None:
        if generation != self._generation or self.stats is None:
            return
        self.previous = previous
        texts = _card_values(previous)
        for name, card in self.cards.items():
            shown = texts[name][0]
            card.show_previous(self.tr("Previous period: %1").replace("%1", shown))

    def _forget(self) -> None:
        self._generation += 1
        self.stats = self.previous = None
        for card in self.cards.values():
            card.clear()
        for box in self.charts.values():
            box.clear()
        self.records_panel.clear()
        self.as_of_label.clear()
        _refill(self.department_combo, [])
        _refill(self.talker_combo, [])

    # -- the figures ---------------------------------------------------------------------------

    def _fill_cards(self, stats: Statistics) -> None:
        values = _card_values(stats)
        coverage, fu, feedback, care = stats.coverage, stats.follow_ups, stats.feedback, stats.care
        details = {
            "coverage": self.tr("%1 of %2 people talked with"),
            "talks": self.tr("with %1 people"),
            "resolved": self.tr("%1 opened, %2 unresolvable"),
            "on_time": self.tr("%1 of %2 by the due day"),
            "median": self.tr("from opening to resolving"),
            "overdue": self.tr("open and past due on %1"),
            "feedback": self.tr("%1 of %2 closed follow-ups"),
            "care": self.tr("%1 of %2 talked with again"),
        }
        fills = {
            "coverage": (coverage.talked, coverage.covered),
            "talks": (stats.people_talked,),
            "resolved": (fu.opened, fu.unresolvable),
            "on_time": (fu.resolved_on_time, fu.resolved),
            "median": (),
            "overdue": (_date(stats.as_of),),
            "feedback": (feedback.given, feedback.owed),
            "care": (care.talked_again, care.people),
        }
        for name, card in self.cards.items():
            text = details[name]
            for i, value in enumerate(fills[name], start=1):
                text = text.replace(f"%{i}", str(value))
            card.show_figure(values[name][0], text, warn=values[name][1])

    def _as_of_text(self, stats: Statistics) -> str:
        text = self.tr(
            "%1 · figures as of %2 · click a bar, a slice or a figure to list its records"
        )
        return text.replace("%1", period_text(stats.period)).replace("%2", _date(stats.as_of))

    # -- the records behind a figure -----------------------------------------------------------

    def _card_clicked(self, name: str) -> None:
        what = {
            "coverage": (Indicator.COVERAGE, MISSED, self.tr("People not talked with")),
            "talks": (Indicator.TALKS, "", self.tr("Talks held")),
            "resolved": (Indicator.FOLLOW_UPS, FollowUpMeasure.RESOLVED, self.tr("Resolved")),
            "on_time": (
                Indicator.FOLLOW_UPS,
                FollowUpMeasure.RESOLVED_LATE,
                self.tr("Resolved after their due day"),
            ),
            "median": (Indicator.FOLLOW_UPS, FollowUpMeasure.RESOLVED, self.tr("Resolved")),
            "overdue": (Indicator.FOLLOW_UPS, FollowUpMeasure.OVERDUE, self.tr("Overdue")),
            "feedback": (
                Indicator.FEEDBACK,
                FeedbackSlice.NOT_GIVEN,
                self.tr("Feedback not yet given"),
            ),
            "care": (
                Indicator.CARE,
                CareSlice.NOT_TALKED_AGAIN,
                self.tr("Flagged for care, not yet talked with again"),
            ),
        }
        indicator, key, title = what[name]
        self.list_records(indicator, str(key), title)

    def _chart_clicked(self, kind: ChartKind, indicator: Indicator, key: str) -> None:
        box = self.charts[kind]
        point = next((p for p in box.chart.points if p.key == key), None) if box.chart else None
        title = chart_title(kind)
        if point is not None:
            title = self.tr("%1: %2").replace("%1", title).replace("%2", point.label)
        self.list_records(indicator, key, title)

    def list_records(self, indicator: Indicator, key: str, title: str) -> None:
        """List the records behind a figure of the period shown, below the charts."""
        if self.stats is None:
            return
        period, flt = self.stats.period, self.stats.filter
        statistics, generation = self._services.statistics, self._generation
        self._runner.submit(
            lambda: statistics.records(period, indicator, key, flt),
            on_success=lambda records: self._show_records(generation, title, records),
            on_error=self._failed,
        )

    def _show_records(self, generation: int, title: str, records: Records) -> None:
        if generation != self._generation:
            return
        opening = self.records_panel.isHidden()
        self.records_panel.show_records(title, records)
        if opening:  # half of the height for the list; the user can move the divider
            half = self.splitter.height() // 2
            self.splitter.setSizes([self.splitter.height() - half, half])
        self.records_shown.emit()

    def open_report_dialog(self) -> None:
        """The evaluation report (Word) of a quarter or half-year, for this page's department."""
        from talkdesk.ui.report_dialog import ReportDialog

        dialog = ReportDialog(self._services, self._runner, self.filter().department_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- saving a chart --------------------------------------------------------------------------

    def save_chart(self, kind: ChartKind) -> None:
        """Ask where, draw the chart as PNG, write it atomically and audit it (on the worker)."""
        stats = self.stats
        if stats is None:
            return
        stem = _file_stem(f"{chart_title(kind)}_{stats.period.code}")
        folder = self.last_folder or _documents()
        path = ask_save_path(
            self, self.tr("Save the chart as"), folder / f"{stem}.png", self.tr("PNG image (*.png)")
        )
        if path is None:
            return
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        self.last_folder = path.parent
        data = chart_png(kind, stats)
        count = records_counted(kind, stats)
        exports = self._services.exports
        self._runner.submit(
            lambda: exports.save(
                path, lambda out: out.write(data), ExportKind.STATISTICS_CHART, count
            ),
            on_success=lambda _r: self._saved(path),
            on_error=self._save_failed,
        )

    def _saved(self, path: Path) -> None:
        text = self.tr("The chart was saved to %1.").replace("%1", str(path))
        warning = self.tr(
            "The file is not encrypted: keep it in a safe place and delete it when it is no "
            "longer needed."
        )
        self._message(f"{text}\n\n{warning}", QMessageBox.Icon.Information)
        self.chart_saved.emit(path)

    def _save_failed(self, error: TalkdeskError) -> None:
        self._message(error_text(error), QMessageBox.Icon.Warning)

    def _message(self, text: str, icon: QMessageBox.Icon) -> None:
        box = QMessageBox(icon, self.tr("Statistics"), text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._message_closed(box))
        self.message = box
        box.open()

    def _message_closed(self, box: QMessageBox) -> None:
        if self.message is box:
            self.message = None


def _card_values(stats: Statistics) -> dict[str, tuple[str, bool]]:
    """Each card's big value, and whether it asks for attention (shown in red)."""
    fu = stats.follow_ups
    median = fu.median_days_to_resolve
    return {
        "coverage": (_percent(stats.coverage.rate), False),
        "talks": (str(stats.talks), False),
        "resolved": (str(fu.resolved), False),
        "on_time": (_percent(fu.on_time_rate), False),
        "median": ("–" if median is None else f"{median:g}", False),
        "overdue": (str(fu.overdue), fu.overdue > 0),
        "feedback": (_percent(stats.feedback.rate), False),
        "care": (_percent(stats.care.rate), stats.care.not_talked_again > 0),
    }


def _percent(rate: float | None) -> str:
    return "–" if rate is None else f"{100 * rate:.0f}%"


def _date(day: date) -> str:
    return date_text(day)


def _file_stem(text: str) -> str:
    """A file name from a title: no characters a file system refuses, no spaces at the ends."""
    return re.sub(r'[\\/:*?"<>|%()]+', "", text).strip().replace(" ", "_")


def _refill(combo: QComboBox, items: list[tuple[str, int]]) -> None:
    """Refill a filter whose first item is "all", keeping the choice if it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for text, value in items:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)
