"""Roster import worded for the user: fields, row statuses, row problems, refused files and undos.

Shared by the import dialog and the command line; `messages.error_text` words
IMPORT_REFUSED and UNDO_REFUSED through here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.roster import (
    Problem,
    Refusal,
    RosterField,
    RowProblem,
    RowResult,
    RowStatus,
    UndoRefusal,
)

translate = QCoreApplication.translate


def field_label(fld: RosterField) -> str:
    names = {
        RosterField.NAME: translate("roster", "Name"),
        RosterField.DEPARTMENT: translate("roster", "Department"),
        RosterField.POSITION: translate("roster", "Post"),
        RosterField.GENDER: translate("roster", "Gender"),
        RosterField.PARTY_MEMBER: translate("roster", "Party member"),
        RosterField.JOINED_ON: translate("roster", "Joined"),
        RosterField.PHONE: translate("roster", "Phone"),
        RosterField.IS_LEADER: translate("roster", "Leader"),
    }
    return names[fld]


def status_label(status: RowStatus) -> str:
    names = {
        RowStatus.OK: translate("roster", "OK"),
        RowStatus.DUPLICATE: translate("roster", "Duplicate"),
        RowStatus.ERROR: translate("roster", "Error"),
    }
    return names[status]


def problem_text(problem: RowProblem) -> str:
    fld = field_label(problem.field) if problem.field is not None else ""
    texts = {
        Problem.MISSING_NAME: translate("roster", "The name is missing."),
        Problem.TOO_LONG: translate("roster", "{field} is too long."),
        Problem.BAD_DATE: translate(
            "roster", "{field} is not a date (write it as 2019-03-01 or 2019年3月1日)."
        ),
        Problem.BAD_GENDER: translate("roster", "{field} is neither male nor female."),
        Problem.BAD_PARTY_MEMBER: translate(
            "roster", "{field} is neither yes nor no, nor a political status."
        ),
        Problem.BAD_YES_NO: translate("roster", "{field} is neither yes nor no."),
        Problem.DEPARTMENT_TOO_DEEP: translate("roster", "The department has too many levels."),
        Problem.AMBIGUOUS_DEPARTMENT: translate(
            "roster",
            "Several departments have this name; write it with its parent (Office/Archives).",
        ),
        Problem.DUPLICATE_IN_FILE: translate("roster", "Same name and department as row {row}."),
        Problem.DUPLICATE_IN_WORKSPACE: translate(
            "roster", "Already in the workspace (same name and department)."
        ),
    }
    return texts[problem.problem].format(field=fld, row=problem.other_row or "")


def problems_text(row: RowResult) -> str:
    return " ".join(problem_text(p) for p in row.problems)


def department_text(path: tuple[str, ...]) -> str:
    return "/".join(path)


def refusal_text(reason: str, row: int | None = None) -> str:
    """Why a file cannot be imported, and what to do about it."""
    texts = {
        Refusal.UNREADABLE: translate(
            "roster", "The file could not be read. Check that it exists and that you may open it."
        ),
        Refusal.UNSUPPORTED_TYPE: translate(
            "roster", "Only .xlsx and .csv files can be imported. Save the roster as one of these."
        ),
        Refusal.TOO_LARGE: translate(
            "roster", "The file is too large for a roster (more than 10 MB) and was not read."
        ),
        Refusal.NOT_A_SPREADSHEET: translate(
            "roster",
            "The file is not a readable .xlsx workbook. "
            "Open it in Excel or WPS and save it again as .xlsx.",
        ),
        Refusal.LEGACY_OR_ENCRYPTED: translate(
            "roster",
            "The file is an old .xls workbook or is protected by a password. "
            "Save it as .xlsx without a password.",
        ),
        Refusal.ZIP_BOMB: translate(
            "roster",
            "The workbook unpacks to far more data than a roster holds (a possible zip bomb) "
            "and was refused for safety. Nothing was imported.",
        ),
        Refusal.XML_ENTITIES: translate(
            "roster",
            "The workbook contains XML entity declarations, which no roster needs, "
            "and was refused for safety. Nothing was imported.",
        ),
        Refusal.ENCODING: translate(
            "roster",
            "Line {row} is neither UTF-8 nor GBK text. Save the file as “CSV UTF-8” and try again.",
        ),
        Refusal.NOT_TEXT: translate(
            "roster", "The file is not a text (CSV) file: line {row} holds binary data."
        ),
        Refusal.BAD_CSV: translate(
            "roster", "The CSV file is malformed at line {row} (an unclosed quote or a huge cell)."
        ),
        Refusal.EMPTY: translate("roster", "The file holds no rows to import."),
        Refusal.TOO_MANY_ROWS: translate(
            "roster", "The file has more than 20,000 rows. Split it into smaller files."
        ),
        Refusal.NO_NAME_COLUMN: translate(
            "roster",
            "No column of names was found. Head the column of names “Name” (姓名), "
            "or choose it in the import dialog.",
        ),
    }
    known = {r.value: r for r in Refusal}.get(reason)
    text = texts.get(known) if known is not None else None
    if text is None:
        text = translate("roster", "This file cannot be imported.")
    return text.format(row=row if row is not None else "?")


def undo_refusal_text(reason: str) -> str:
    texts = {
        UndoRefusal.NOTHING_TO_UNDO: translate("roster", "There is no import to undo."),
        UndoRefusal.PEOPLE_IN_USE: translate(
            "roster",
            "The last import cannot be undone: some of its people already have talks, "
            "plans, appointments, events or follow-ups.",
        ),
        UndoRefusal.DEPARTMENTS_IN_USE: translate(
            "roster",
            "The last import cannot be undone: other people, departments or plans now use "
            "departments it created.",
        ),
    }
    known = {r.value: r for r in UndoRefusal}.get(reason)
    return texts[known] if known is not None else texts[UndoRefusal.NOTHING_TO_UNDO]


def roster_error_text(error: TalkdeskError) -> str:
    """IMPORT_REFUSED and UNDO_REFUSED in words (for `messages.error_text`)."""
    reason = str(error.details.get("reason", ""))
    if error.code is ErrorCode.UNDO_REFUSED:
        return undo_refusal_text(reason)
    row = error.details.get("row")
    return refusal_text(reason, row if isinstance(row, int) else None)


def column_letter(index: int) -> str:
    """A 0-based column as a spreadsheet names it: A … Z, AA …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
