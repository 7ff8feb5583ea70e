"""`talkdesk export talk ID --out FILE.docx|FILE.pdf`: one talk as the record form, headless."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import BinaryIO

from PySide6.QtCore import QCoreApplication

from talkdesk.app.cli_commands import OK, _CliError, _open, _paths, _say, new_file, services_over
from talkdesk.domain.clock import SystemClock
from talkdesk.reports.record_data import RecordFormData, load_record_form
from talkdesk.reports.record_form import write_record_forms
from talkdesk.services.exports import ExportKind

translate = QCoreApplication.translate
SUFFIXES = (".docx", ".pdf")


def cmd_export_talk(args: argparse.Namespace) -> int:
    out = new_file(
        args.out,
        SUFFIXES,
        translate("cli", "The record form is written as .docx or .pdf, not {file}."),
    )
    suffix = out.suffix.lower()
    talk_id = _talk_number(str(args.id))
    clock = SystemClock()
    paths = _paths(args)
    db = _open(paths)
    try:
        services = services_over(paths, db, clock)
        form = load_record_form(services, talk_id, bool(args.include_care))
        write = _docx(form) if suffix == ".docx" else _pdf(form)
        services.exports.save(out, write, ExportKind.TALK_RECORD, 1)
    finally:
        db.close()
    _say(translate("cli", "Talk {number} written to {file}.").format(number=talk_id, file=out))
    if form.confidential:
        _say(translate("cli", "It holds care details and is marked 内部资料 注意保密."))
    _say(
        translate(
            "cli",
            "The file is not encrypted: keep it in a safe place and delete it when it is no "
            "longer needed.",
        )
    )
    return OK


def _talk_number(text: str) -> int:
    if not text.strip().isdigit():
        raise _CliError(
            translate("cli", "{value} is not a talk number (a whole number, as 12).").format(
                value=text
            )
        )
    return int(text.strip())


def _docx(form: RecordFormData) -> Callable[[BinaryIO], None]:
    def write(out: BinaryIO) -> None:
        write_record_forms(out, [form], translate)

    return write


def _pdf(form: RecordFormData) -> Callable[[BinaryIO], None]:
    """Qt draws the PDF: the command runs with an offscreen application (cli_i18n)."""
    from talkdesk.ui.record_print import pdf_bytes

    data = pdf_bytes([form], translate)

    def write(out: BinaryIO) -> None:
        out.write(data)

    return write
