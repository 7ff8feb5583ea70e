"""`talkdesk export report --period 2026Q3|2026H2 --out FILE.docx`: the evaluation report, headless.

The charts are drawn by Qt in the command's application, which `cli_i18n` makes
offscreen (no screen needed); without an application that can draw, the report
says the charts were not included.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QGuiApplication

from talkdesk.app.cli_commands import OK, _CliError, _open, _paths, _say
from talkdesk.domain.clock import Clock, SystemClock
from talkdesk.domain.errors import TalkdeskError
from talkdesk.reports.evaluation_report import ChartImage, export_evaluation_report
from talkdesk.reports.report_data import REPORT_KINDS, load_report_data
from talkdesk.reports.report_texts import period_words
from talkdesk.services.bundle import Services
from talkdesk.services.context import Context
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.statistics_figures import ReportPeriod, Statistics
from talkdesk.storage.database import Database
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths

translate = QCoreApplication.translate


def cmd_export_report(args: argparse.Namespace) -> int:
    """Check everything that can be checked before opening the workspace, then write."""
    _no_screen_needed()
    clock = SystemClock()
    period = _period(str(args.period))
    if period.start > clock.now().date():
        raise _CliError(
            translate("cli", "{period} has not begun yet: choose a period that has.").format(
                period=period.code
            )
        )
    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".docx":
        raise _CliError(
            translate(
                "cli", "The evaluation report is written as a .docx document, not {file}."
            ).format(file=out.name)
        )
    if out.exists():
        raise _CliError(
            translate("cli", "{file} already exists. Choose a new file name.").format(file=out)
        )
    if not out.parent.is_dir():
        raise _CliError(
            translate("cli", "The folder {folder} does not exist.").format(folder=out.parent)
        )
    paths = _paths(args)
    db = _open(paths)
    try:
        services = _services(paths, db, clock)
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


def _no_screen_needed() -> None:
    """Charts are drawn offscreen when there is no display (a server, a cron job).

    The command's application is made before this runs (offscreen on Linux and the
    like, see `cli_i18n`); this covers an application made later by someone else.
    """
    if sys.platform in ("win32", "darwin"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _services(paths: WorkspacePaths, db: Database, clock: Clock) -> Services:
    """The services over a database the command opened (no unlock step, nothing remembered)."""
    session = WorkspaceSession(paths, clock, RememberedKeyStore())
    session.context = Context(lambda: db, clock)
    return Services(session)


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
