"""The Statistics page's charts drawn as PNG images for the evaluation report.

The reports layer has no Qt, so the charts are drawn here (on the GUI thread, or
in the command line's offscreen application) with the page's own chart code and
handed to the report as bytes. A chart with nothing behind it is left out.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QMargins, QSize

from talkdesk.reports.evaluation_report import ChartImage
from talkdesk.services.statistics_figures import Statistics
from talkdesk.ui.pages.statistics_charts import (
    ChartKind,
    Point,
    StatChart,
    chart_points,
    chart_title,
    records_counted,
    render_png,
)

WIDTH = 520
"""Points across: about the printed width (15 cm is 425 pt), so the labels print at about
the size they are drawn (the application's font, a little smaller)."""
PIE_WIDTH = 520
SCALE = 3.0
"""Pixels per point: 1560 pixels across 15 cm, over 250 dpi on paper."""
FULL_CM = 15.0
"""How wide a chart of WIDTH points is shown in the report (narrower ones in proportion)."""
ROW_PT, MARGIN_PT, MOST_ROWS = 30, 50, 16
"""A bar's height in a chart of bars down the side (Qt elides the names of thinner ones),
what its axis takes, and the most bars one image holds: forty departments are drawn as
three images of fourteen, each readable on the page."""

ROWS = (ChartKind.COVERAGE, ChartKind.TOPICS, ChartKind.FOLLOW_UPS)
PIES = (ChartKind.FEEDBACK, ChartKind.CARE)

ORDER = (
    ChartKind.COVERAGE,
    ChartKind.MONTHS,
    ChartKind.FOLLOW_UPS,
    ChartKind.FEEDBACK,
    ChartKind.CARE,
    ChartKind.TOPICS,
)


def report_charts(stats: Statistics) -> tuple[ChartImage, ...]:
    """Each chart of the period that has something to show, captioned with its title.

    The period is in the report's own title, so the images carry no title of their own.
    """
    out: list[ChartImage] = []
    for kind in ORDER:
        if records_counted(kind, stats) == 0:
            continue
        parts = _parts(kind, chart_points(kind, stats))
        title = chart_title(kind)
        for n, points in enumerate(parts, start=1):
            size = _size(kind, len(points))
            chart = StatChart(kind, points)
            chart.setMargins(QMargins(6, 6, 6, 6))
            try:
                png = render_png(chart, size, SCALE)
            finally:
                chart.deleteLater()
            if len(parts) > 1:
                caption = QCoreApplication.translate("ReportCharts", "%1 (part %2 of %3)")
                caption = caption.replace("%1", title).replace("%2", str(n))
                caption = caption.replace("%3", str(len(parts)))
            else:
                caption = title
            out.append(ChartImage(caption, png, FULL_CM * size.width() / WIDTH))
    return tuple(out)


def _parts(kind: ChartKind, points: list[Point]) -> list[list[Point]]:
    """The bars of a long chart in a few even images, in their order."""
    if kind not in ROWS or len(points) <= MOST_ROWS:
        return [points]
    count = math.ceil(len(points) / MOST_ROWS)
    each = math.ceil(len(points) / count)
    return [points[i : i + each] for i in range(0, len(points), each)]


def _size(kind: ChartKind, rows: int) -> QSize:
    """Bars down the side grow with their number; columns are a low shape; a pie is narrower
    (it is round: the width of a bar chart would leave blank sides)."""
    if kind in ROWS:
        return QSize(WIDTH, max(150, MARGIN_PT + ROW_PT * rows))
    if kind in PIES:
        return QSize(PIE_WIDTH, 280)
    return QSize(WIDTH, 240)
