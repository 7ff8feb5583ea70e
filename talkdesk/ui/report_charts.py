"""The Statistics page's charts drawn as PNG images for the evaluation report.

The reports layer has no Qt, so the charts are drawn here (on the GUI thread, or
in the command line's offscreen application) with the page's own chart code and
handed to the report as bytes. A chart with nothing behind it is left out.
"""

from __future__ import annotations

from PySide6.QtCore import QSize

from talkdesk.reports.evaluation_report import ChartImage
from talkdesk.services.statistics_figures import Statistics
from talkdesk.ui.pages.statistics_charts import (
    ChartKind,
    chart_png,
    chart_points,
    chart_title,
    records_counted,
)

WIDTH = 960
"""Points across (the image has twice as many pixels); the report shows it 15 cm wide."""

PIE_WIDTH = 720
FULL_CM = 15.0
"""How wide a chart of WIDTH points is shown in the report (narrower ones in proportion)."""

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
    out = []
    for kind in ORDER:
        if records_counted(kind, stats) == 0:
            continue
        size = _size(kind, stats)
        png = chart_png(kind, stats, size, title="")
        out.append(ChartImage(chart_title(kind), png, FULL_CM * size.width() / WIDTH))
    return tuple(out)


def _size(kind: ChartKind, stats: Statistics) -> QSize:
    """Bars down the side grow with their number; columns are a low shape; a pie is narrower
    (it is round: the width of a bar chart would leave blank sides)."""
    if kind in (ChartKind.COVERAGE, ChartKind.TOPICS, ChartKind.FOLLOW_UPS):
        return QSize(WIDTH, max(320, 80 + 46 * len(chart_points(kind, stats))))
    if kind in (ChartKind.FEEDBACK, ChartKind.CARE):
        return QSize(PIE_WIDTH, 400)
    return QSize(WIDTH, 400)
