"""The statistics charts (QtCharts), built from the service's figures: the Statistics page
shows them, and the same functions render them as PNG for a file or a report."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum, StrEnum

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QPieSlice,
    QValueAxis,
)
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QIODevice,
    QLocale,
    QMargins,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QCursor, QFont, QGuiApplication, QImage, QPainter, QPen
from PySide6.QtWidgets import QToolTip

from talkdesk.domain.periods import add_months
from talkdesk.domain.values import Topic
from talkdesk.services.statistics_figures import (
    CareSlice,
    FeedbackSlice,
    FollowUpMeasure,
    Indicator,
    Statistics,
)
from talkdesk.ui.labels import label
from talkdesk.ui.pages.statistics_period import period_text

BAR = QColor("#4a7fb5")
BAR_QUIET = QColor("#b7cbe0")
WARN = QColor("#c62828")
GOOD = QColor("#3b7d23")
MIDDLE = QColor("#e0a100")
GREY = QColor("#8a94a3")
PALE = QColor("#cbd5e0")
TEXT = QColor("#2d3748")

PNG_SIZE = QSize(960, 540)
"""The size a saved chart is drawn at (in points; the image has twice as many pixels)."""


class ChartKind(StrEnum):
    COVERAGE = "coverage"
    MONTHS = "months"
    FOLLOW_UPS = "follow_ups"
    FEEDBACK = "feedback"
    TOPICS = "topics"
    CARE = "care"


class Shape(Enum):
    COLUMNS = "columns"
    ROWS = "rows"  # horizontal bars: long names read well down the side
    PIE = "pie"


@dataclass(frozen=True)
class Point:
    """One bar or slice: what it shows, and which records `records(indicator, key)` lists."""

    label: str
    value: float
    indicator: Indicator
    key: str
    count: int  # the records behind it
    colour: QColor | None = None
    highlight: bool = False  # drawn stronger (the months of the period)


# -- the points of each chart --------------------------------------------------------------


def chart_title(kind: ChartKind) -> str:
    titles = {
        ChartKind.COVERAGE: QCoreApplication.translate(
            "StatisticsCharts", "Coverage per department (%)"
        ),
        ChartKind.MONTHS: QCoreApplication.translate("StatisticsCharts", "Talks per month"),
        ChartKind.FOLLOW_UPS: QCoreApplication.translate("StatisticsCharts", "Follow-ups"),
        ChartKind.FEEDBACK: QCoreApplication.translate(
            "StatisticsCharts", "Feedback and responses"
        ),
        ChartKind.TOPICS: QCoreApplication.translate("StatisticsCharts", "Topics raised"),
        ChartKind.CARE: QCoreApplication.translate(
            "StatisticsCharts", "People flagged for care: talked with again"
        ),
    }
    return titles[kind]


def chart_points(kind: ChartKind, stats: Statistics) -> list[Point]:
    if kind is ChartKind.COVERAGE:
        return _coverage(stats)
    if kind is ChartKind.MONTHS:
        return _months(stats)
    if kind is ChartKind.FOLLOW_UPS:
        return _follow_ups(stats)
    if kind is ChartKind.FEEDBACK:
        return _feedback(stats)
    if kind is ChartKind.TOPICS:
        return _topics(stats)
    return _care(stats)


def records_counted(kind: ChartKind, stats: Statistics) -> int:
    """How many records a chart sums up (the audit line of a saved chart counts them)."""
    if kind is ChartKind.COVERAGE:
        return stats.coverage.covered
    if kind is ChartKind.MONTHS:
        return sum(m.talks for m in stats.months)
    if kind is ChartKind.TOPICS:
        return stats.talks
    if kind is ChartKind.FOLLOW_UPS:
        fu = stats.follow_ups
        return fu.opened + fu.resolved + fu.unresolvable + fu.overdue
    if kind is ChartKind.FEEDBACK:
        return stats.feedback.owed
    return stats.care.people


def _coverage(stats: Statistics) -> list[Point]:
    out = []
    for bar in stats.coverage.departments:
        if not bar.covered:
            continue  # a department nobody in it is covered: nothing to draw
        name = bar.name or QCoreApplication.translate("StatisticsCharts", "No department")
        text = QCoreApplication.translate("StatisticsCharts", "%1 (%2/%3)").replace("%1", name)
        text = text.replace("%2", str(bar.talked)).replace("%3", str(bar.covered))
        value = round(100 * (bar.rate or 0), 1)
        out.append(Point(text, value, Indicator.COVERAGE, bar.key, bar.covered))
    return out


def _months(stats: Statistics) -> list[Point]:
    locale = QLocale()
    period = stats.period
    out = []
    for m in stats.months:
        text = locale.toString(QDate(m.month.year, m.month.month, 1), "MMM")
        inside = period.start < add_months(m.month, 1) and m.month < period.end
        out.append(
            Point(text, m.talks, Indicator.TALKS_PER_MONTH, m.key, m.talks, highlight=inside)
        )
    return out


def _follow_ups(stats: Statistics) -> list[Point]:
    fu = stats.follow_ups
    rows = (
        (
            QCoreApplication.translate("StatisticsCharts", "Opened"),
            fu.opened,
            FollowUpMeasure.OPENED,
            BAR,
        ),
        (
            QCoreApplication.translate("StatisticsCharts", "Resolved"),
            fu.resolved,
            FollowUpMeasure.RESOLVED,
            GOOD,
        ),
        (
            QCoreApplication.translate("StatisticsCharts", "Resolved late"),
            fu.resolved_late,
            FollowUpMeasure.RESOLVED_LATE,
            MIDDLE,
        ),
        (
            QCoreApplication.translate("StatisticsCharts", "Cannot be resolved"),
            fu.unresolvable,
            FollowUpMeasure.UNRESOLVABLE,
            GREY,
        ),
        (
            QCoreApplication.translate("StatisticsCharts", "Overdue"),
            fu.overdue,
            FollowUpMeasure.OVERDUE,
            WARN,
        ),
    )
    return [
        Point(text, n, Indicator.FOLLOW_UPS, measure.value, n, colour)
        for text, n, measure, colour in rows
    ]


def _feedback(stats: Statistics) -> list[Point]:
    fb = stats.feedback
    rows = (
        (
            QCoreApplication.translate("StatisticsCharts", "Satisfied"),
            fb.satisfied,
            FeedbackSlice.SATISFIED,
            GOOD,
        ),
        (
            QCoreApplication.translate("StatisticsCharts", "Partly satisfied"),
            fb.partly,
            FeedbackSlice.PARTLY,
            MIDDLE,
        ),
        (
            QCoreApplication.translate("StatisticsCharts", "Not satisfied"),
            fb.not_satisfied,
            FeedbackSlice.NOT_SATISFIED,
            WARN,
        ),
        (
            QCoreApplication.translate("StatisticsCharts", "Response not recorded"),
            fb.no_response,
            FeedbackSlice.NO_RESPONSE,
            GREY,
        ),
        (
            QCoreApplication.translate("StatisticsCharts", "Feedback not yet given"),
            fb.not_given,
            FeedbackSlice.NOT_GIVEN,
            PALE,
        ),
    )
    return [
        Point(text, n, Indicator.FEEDBACK, part.value, n, colour)
        for text, n, part, colour in rows
        if n
    ]


def _topics(stats: Statistics) -> list[Point]:
    return [
        Point(label(t.topic), t.talks, Indicator.TOPICS, t.topic.value, t.talks)
        for t in stats.topics
        if isinstance(t.topic, Topic)
    ]


def _care(stats: Statistics) -> list[Point]:
    care = stats.care
    rows = (
        (
            QCoreApplication.translate("StatisticsCharts", "Talked with again"),
            care.talked_again,
            CareSlice.TALKED_AGAIN,
            GOOD,
        ),
        (
            QCoreApplication.translate("StatisticsCharts", "Not yet talked with again"),
            care.not_talked_again,
            CareSlice.NOT_TALKED_AGAIN,
            WARN,
        ),
    )
    return [
        Point(text, n, Indicator.CARE, part.value, n, colour) for text, n, part, colour in rows if n
    ]


def _shape(kind: ChartKind) -> Shape:
    if kind in (ChartKind.FEEDBACK, ChartKind.CARE):
        return Shape.PIE
    if kind in (ChartKind.COVERAGE, ChartKind.TOPICS, ChartKind.FOLLOW_UPS):
        return Shape.ROWS
    return Shape.COLUMNS


# -- the chart ---------------------------------------------------------------------------


class StatChart(QChart):
    """One chart of the figures; clicking a bar or slice reports what it stands for.

    Attributes:
        kind: which chart it is.
        points: its bars or slices, in the order drawn (rows: the first at the top).
        form: columns, rows or a pie. (Not `shape`: QGraphicsItem.shape() is a virtual
            method, and an attribute of that name makes Qt's hit test call an enum.)
        plot: its one series; bar_set: the bars' set (None for a pie).

    Signals:
        picked(object, str): an Indicator and the key of the bar or slice clicked.
    """

    picked = Signal(object, str)

    def __init__(self, kind: ChartKind, points: list[Point], title: str = "") -> None:
        super().__init__()
        self.kind = kind
        self.points = points
        self.form = _shape(kind)
        self.plot: QAbstractBarSeries | QPieSeries | None = None
        self.bar_set: QBarSet | None = None
        self.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setBackgroundRoundness(0)
        self.setMargins(QMargins(4, 4, 4, 4))
        self.setBackgroundBrush(QColor("#ffffff"))
        self.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
        self.layout().setContentsMargins(0, 0, 0, 0)
        font = _font()
        if title:
            bold = QFont(font)
            bold.setBold(True)
            self.setTitleFont(bold)
            self.setTitle(title)
        self.legend().setFont(font)
        if not points:
            self.legend().hide()
            return
        if self.form is Shape.PIE:
            self._pie(font)
        else:
            self._bars(font)

    @property
    def empty(self) -> bool:
        return not self.points or all(p.value == 0 for p in self.points)

    def _bars(self, font: QFont) -> None:
        rows = self.form is Shape.ROWS
        points = list(reversed(self.points)) if rows else self.points  # rows: first on top
        bar_set = QBarSet("")
        bar_set.append([float(p.value) for p in points])
        bar_set.setColor(BAR if self.kind is not ChartKind.MONTHS else BAR_QUIET)
        bar_set.setBorderColor(Qt.GlobalColor.transparent)
        bar_set.setLabelColor(TEXT)
        bar_set.setLabelFont(font)
        series: QAbstractBarSeries = QHorizontalBarSeries() if rows else QBarSeries()
        series.append(bar_set)
        series.setBarWidth(0.6)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        percent = self.kind is ChartKind.COVERAGE
        series.setLabelsFormat("@value%" if percent else "@value")
        series.setLabelsPrecision(4)
        self.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([p.label for p in points])
        categories.setLabelsFont(font)
        categories.setGridLineVisible(False)
        values = QValueAxis()
        values.setLabelsFont(font)
        top = max((p.value for p in points), default=0)
        if percent:
            # room after 100% for a full bar's label; the ticks stop at 100
            values.setRange(0, 112)
            values.setTickType(QValueAxis.TickType.TicksDynamic)
            values.setTickAnchor(0)
            values.setTickInterval(20)
            values.setLabelFormat("%d%%")
        else:
            values.setRange(0, _nice_top(top))
            values.setTickCount(5)
            values.setLabelFormat("%d")
        values.setGridLineColor(QColor("#e5e9ef"))
        self.addAxis(
            categories, Qt.AlignmentFlag.AlignLeft if rows else Qt.AlignmentFlag.AlignBottom
        )
        self.addAxis(values, Qt.AlignmentFlag.AlignBottom if rows else Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        self.legend().hide()
        self.plot, self.bar_set = series, bar_set
        self._points_drawn = points
        bar_set.clicked.connect(self._bar_clicked)
        bar_set.hovered.connect(self._bar_hovered)
        # Qt draws "selected" bars in another colour: the months of the period stand out
        # against the months before it, overdue items against the rest.
        if self.kind is ChartKind.MONTHS:
            bar_set.setSelectedColor(BAR)
            bar_set.selectBars([i for i, p in enumerate(points) if p.highlight])
        elif self.kind is ChartKind.FOLLOW_UPS:
            bar_set.setSelectedColor(WARN)
            bar_set.selectBars([i for i, p in enumerate(points) if p.colour == WARN])

    def _pie(self, font: QFont) -> None:
        series = QPieSeries()
        total = sum(p.value for p in self.points)
        for point in self.points:
            share = 100 * point.value / total if total else 0
            text = QCoreApplication.translate("StatisticsCharts", "%1: %2 (%3%)").replace(
                "%1", point.label
            )
            text = text.replace("%2", str(int(point.value))).replace("%3", f"{share:.0f}")
            pie_slice = series.append(text, float(point.value))
            pie_slice.setLabelFont(font)
            pie_slice.setLabelColor(TEXT)
            pie_slice.setLabelVisible(True)
            pie_slice.setBorderColor(QColor("#ffffff"))
            if point.colour is not None:
                pie_slice.setColor(point.colour)
            pie_slice.clicked.connect(lambda p=point: self.picked.emit(p.indicator, p.key))
            pie_slice.hovered.connect(lambda on, s=pie_slice: s.setExploded(on))
        series.setPieSize(0.62)
        self.addSeries(series)
        self.legend().hide()
        self.plot = series

    def slices(self) -> list[QPieSlice]:
        return self.plot.slices() if isinstance(self.plot, QPieSeries) else []

    def _bar_clicked(self, index: int) -> None:
        point = self._points_drawn[index]
        self.picked.emit(point.indicator, point.key)

    def _bar_hovered(self, on: bool, index: int) -> None:
        if on:
            point = self._points_drawn[index]
            text = QCoreApplication.translate(
                "StatisticsCharts", "%1: %2 (click to list them)"
            ).replace("%1", point.label)
            value = f"{point.value:g}%" if self.kind is ChartKind.COVERAGE else f"{point.value:g}"
            QToolTip.showText(QCursor.pos(), text.replace("%2", value))
        else:
            QToolTip.hideText()

    def bar_position(self, point_index: int) -> QPointF:
        """Where the bar of `points[point_index]` is, in the chart's scene (tests click there)."""
        assert isinstance(self.plot, QAbstractBarSeries)
        drawn = len(self.points) - 1 - point_index if self.form is Shape.ROWS else point_index
        value = max(self.points[point_index].value, 0.0) / 2
        at = QPointF(value, drawn) if self.form is Shape.ROWS else QPointF(drawn, value)
        return self.mapToPosition(at, self.plot)


def _font() -> QFont:
    """The application's font (its CJK faces first), a little smaller for chart labels."""
    font = QFont(QGuiApplication.font())
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(max(8.0, size * 0.9))
    return font


def _nice_top(top: float) -> float:
    """A round top for a value axis of four steps above `top` (room for the bars' labels)."""
    step = max(top * 1.15, 4) / 4
    magnitude = 10 ** math.floor(math.log10(step))
    for nice in (1, 2, 5, 10):
        if nice * magnitude >= step:
            return 4 * nice * magnitude
    return 4 * 10 * magnitude


def build_chart(kind: ChartKind, stats: Statistics, title: str = "") -> StatChart:
    return StatChart(kind, chart_points(kind, stats), title)


def chart_height(kind: ChartKind, stats: Statistics) -> int:
    """How tall the chart wants to be on the page: row charts grow with their rows."""
    if _shape(kind) is Shape.ROWS:
        return max(220, 60 + 30 * len(chart_points(kind, stats)))
    return 260


# -- pictures ------------------------------------------------------------------------------


def render_png(chart: StatChart, size: QSize = PNG_SIZE, scale: float = 2.0) -> bytes:
    """The chart drawn into a PNG, off screen (the chart needs no window shown)."""
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    chart.resize(QSizeF(size))
    area = QRectF(0, 0, size.width(), size.height())
    scene = view.scene()
    scene.setSceneRect(area)
    image = QImage(size * scale, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, area, area)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    view.setChart(QChart())  # the view gives the chart back before it goes
    return bytes(data.data())


def chart_png(
    kind: ChartKind, stats: Statistics, size: QSize = PNG_SIZE, title: str | None = None
) -> bytes:
    """A chart of the figures as a PNG (for a file or a report); titled with what it shows and
    the period unless a title is given."""
    if title is None:
        title = f"{chart_title(kind)} · {period_text(stats.period)}"
    chart = build_chart(kind, stats, title)
    chart.setMargins(QMargins(16, 12, 16, 12))
    try:
        return render_png(chart, size)
    finally:
        chart.deleteLater()
