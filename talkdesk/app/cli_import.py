"""`talkdesk import people FILE [--dry-run]`: a roster, its columns matched by their header names.

The file is read and checked before the workspace is opened, so a refused file
(unreadable, a zip bomb, no column of names) costs no password, changes nothing
and ends with one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from talkdesk.app.cli_commands import OK, _CliError, _open, _paths, _say
from talkdesk.domain.clock import SystemClock
from talkdesk.domain.roster import Refusal, RosterReport, RowResult, RowStatus
from talkdesk.services.context import Context
from talkdesk.services.roster_files import refused
from talkdesk.services.roster_import import RosterFile, RosterService, read_roster
from talkdesk.ui.roster_texts import (
    column_letter,
    department_text,
    field_label,
    problems_text,
    status_label,
)

translate = QCoreApplication.translate


def cmd_import_people(args: argparse.Namespace) -> int:
    source = Path(args.file).expanduser()
    if not source.is_file():
        raise _CliError(translate("cli", "The file {file} does not exist.").format(file=source))
    found = read_roster(source)  # before the workspace: a refused file costs no password
    mapping = found.layout.mapping
    if not mapping.has_name:
        raise refused(Refusal.NO_NAME_COLUMN)
    db = _open(_paths(args))
    try:
        roster = RosterService(Context(lambda: db, SystemClock()))
        if args.dry_run:
            report, people, departments = roster.check(found, mapping), 0, 0
        else:
            summary, _changes = roster.import_roster(found, mapping)
            report, people, departments = summary.report, summary.people, summary.departments
    finally:
        db.close()
    for line in report_lines(found, report):
        _say(line)
    for line in summary_lines(report, people, departments, args.dry_run):
        _say(line)
    return OK


def report_lines(found: RosterFile, report: RosterReport) -> list[str]:
    """The columns used, then one line per row: its number, status, who, and what is wrong."""
    layout = found.layout
    header_row = (
        found.sheet.rows[layout.header_index].number if layout.header_index is not None else None
    )
    out = [
        translate("cli", "Roster {file}, header on row {row}:").format(
            file=found.file_name, row=header_row if header_row is not None else "-"
        )
    ]
    for fld, column in layout.mapping.pairs:
        header = layout.headers[column] if column < len(layout.headers) else ""
        out.append(f"  {field_label(fld)} ← {column_letter(column)} {header}".rstrip())
    out.append("")
    out += [_row_line(row) for row in report.rows]
    return out


def _row_line(row: RowResult) -> str:
    who = row.person.name or "—"
    if row.person.department:
        who += f" ({department_text(row.person.department)})"
    line = "  " + translate("cli", "row {row}: {status}, {who}").format(
        row=row.number, status=status_label(row.status), who=who
    )
    problems = problems_text(row)
    return f"{line} — {problems}" if problems else line


def summary_lines(report: RosterReport, people: int, departments: int, dry_run: bool) -> list[str]:
    """What was (or would be) imported, what was skipped, each on its own line."""
    ok = report.count(RowStatus.OK)
    duplicates = report.count(RowStatus.DUPLICATE)
    errors = report.count(RowStatus.ERROR)
    if dry_run:
        done = translate("cli", "Dry run: %n person(s) would be imported.", "", ok)
    else:
        done = translate("cli", "%n person(s) imported", "", people) + translate(
            "cli", ", %n department(s) created.", "", departments
        )
    skipped = translate("cli", "%n duplicate(s) skipped", "", duplicates) + translate(
        "cli", ", %n row(s) with errors.", "", errors
    )
    return [done, skipped] + ([translate("cli", "Nothing was changed.")] if dry_run else [])
