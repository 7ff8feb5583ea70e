"""`talkdesk export ledger --from DATE --to DATE [--department NAME] --out FILE.xlsx`, headless."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from PySide6.QtCore import QCoreApplication

from talkdesk.app.cli_commands import OK, ProgressBar, _CliError, _open, _paths, _say, new_file
from talkdesk.domain.clock import SystemClock
from talkdesk.reports.ledger import LedgerSources, export_ledger
from talkdesk.services.context import Context
from talkdesk.services.exports import ExportsService
from talkdesk.services.follow_ups import FollowUpsService
from talkdesk.services.ledger import LedgerFilter, LedgerService
from talkdesk.services.people import PeopleService
from talkdesk.services.statistics import StatisticsService
from talkdesk.services.talks import TalksService

translate = QCoreApplication.translate


def cmd_export_ledger(args: argparse.Namespace) -> int:
    """Check everything that can be checked before opening the workspace, then write."""
    date_from, date_to = _day(args.date_from), _day(args.date_to)
    if date_to < date_from:
        raise _CliError(
            translate("cli", "The first day ({start}) is after the last day ({end}).").format(
                start=date_from.isoformat(), end=date_to.isoformat()
            )
        )
    out = new_file(
        args.out,
        (".xlsx",),
        translate("cli", "The ledger is written as an .xlsx workbook, not {file}."),
    )
    clock = SystemClock()
    db = _open(_paths(args))
    try:
        ctx = Context(lambda: db, clock)
        flt = LedgerFilter(
            date_from=date_from,
            date_to=date_to,
            department_id=_department(PeopleService(ctx), args.department),
            include_care=bool(args.include_care),
        )
        bar = ProgressBar(sys.stderr)
        follow_ups = FollowUpsService(ctx)
        sources = LedgerSources(
            LedgerService(ctx),
            StatisticsService(ctx, TalksService(ctx), follow_ups),
            ExportsService(ctx),
        )
        result = export_ledger(out, sources, flt, translate, progress=bar)
        bar.finish()
    finally:
        db.close()
    _say(
        translate(
            "cli", "Ledger written to {file}: {talks} talks, {follow_ups} follow-ups."
        ).format(file=out, talks=result.talks, follow_ups=result.follow_ups)
    )
    if flt.include_care:
        _say(translate("cli", "It holds care details and is marked 内部资料 注意保密."))
    _say(
        translate(
            "cli",
            "The file is not encrypted: keep it in a safe place and delete it when it is no "
            "longer needed.",
        )
    )
    return OK


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise _CliError(
            translate("cli", "{value} is not a date; write it as YYYY-MM-DD.").format(value=text)
        ) from None


def _department(people: PeopleService, name: str | None) -> int | None:
    """The department of that exact name; the error names none of the workspace's data."""
    if name is None:
        return None
    found = [d.id for d in people.departments() if d.name == name.strip()]
    if not found:
        raise _CliError(
            translate(
                "cli",
                "No department has that name. Write it exactly as on the People page.",
            )
        )
    if len(found) > 1:
        raise _CliError(
            translate(
                "cli",
                "Several departments have that name. Export the ledger from the Talks page, "
                "where the department can be chosen.",
            )
        )
    return found[0]
