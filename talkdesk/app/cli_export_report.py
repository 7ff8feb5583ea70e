"""`talkdesk export report --period 2026Q3|2026H2 --out FILE.docx`: the evaluation report, headless.

The charts are drawn by Qt in the command's application, which `cli_i18n` makes
offscreen (no screen needed); without an application that can draw, the report
says the charts were not included.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QGuiApplication

from talkdesk.app.cli_commands import OK, _CliError, _open, _paths, _say, new_file, services_over
from talkdesk.domain.clock import SystemClock
from talkdesk.domain.errors import TalkdeskError
from talkdesk.reports.evaluation_report import ChartImage, export_evaluation_report
from talkdesk.reports.report_data import REPORT_KINDS, load_report_data
from talkdesk.reports.report_texts import period_words
from talkdesk.services.statistics_figures import ReportPeriod, Statistics

translate = QCoreApplication.translate


def cmd_export_report(args: argparse.Namespace) -> int:
    """Check everything that can be checked before opening the workspace, then write."""
    clock = SystemClock()
    period = _period(str(args.period))
    if period.start > clock.now().date():
        raise _CliError(
            translate("cli", "{period} has not begun yet: choose a period that has.").format(
                period=period.code
            )
        )
    out = new_file(
        args.out,
        (".docx",),
        translate("cli", "The evaluation report is written as a .docx document, not {file}."),
    )
    paths = _paths(args)
    db = _open(paths)
    try:
        services = services_over(paths, db, clock)
        data = load_report_data(services, period, include_care=bool(args.include_care))
        export_evaluation_report(out, data, _charts(data.stats), services.exports, translate)
    finally:
        db.close()
    _say(
        translate("cli", "Evaluation report for {period} written to {file}.").format(
            period=period_words(period, translate), file=out
        )
    )
    if data.confidential:
        _say(translate("cli", "It holds care details and is marked 内部资料 注意保密."))
    _say(
        translate(
            "cli",
            "The file is not encrypted: keep it in a safe place and delete it when it is no "
            "longer needed.",
        )
    )
    return OK


def _period(text: str) -> ReportPeriod:
    """A quarter (2026Q3) or a half-year (2026H2); anything else is one translated line."""
    try:
        period = ReportPeriod.parse(text)
    except TalkdeskError:
        period = None
    if period is None or period.kind not in REPORT_KINDS:
        raise _CliError(
            translate(
                "cli", "{value} is not a quarter or half-year; write it as 2026Q3 or 2026H2."
            ).format(value=text)
        )
    return period


def _charts(stats: Statistics) -> Sequence[ChartImage]:
    """The Statistics page's charts as PNG, in the program's font (CJK faces first), when
    this process can draw."""
    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        return ()
    from talkdesk.ui.report_charts import report_charts
    from talkdesk.ui.style import FONT_FAMILIES, FONT_POINT_SIZE

    before = QGuiApplication.font()
    font = QFont(before)
    font.setFamilies([*FONT_FAMILIES, *before.families()])
    font.setPointSize(FONT_POINT_SIZE)
    QGuiApplication.setFont(font)
    try:
        return report_charts(stats)
    finally:
        QGuiApplication.setFont(before)
