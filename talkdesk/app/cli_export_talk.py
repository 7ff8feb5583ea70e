"""`talkdesk export talk ID --out FILE.docx|FILE.pdf`: one talk as the record form, headless."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import QCoreApplication

from talkdesk.app.cli_commands import OK, _CliError, _open, _paths, _say
from talkdesk.domain.clock import Clock, SystemClock
from talkdesk.reports.record_data import RecordFormData, load_record_form
from talkdesk.reports.record_form import write_record_forms
from talkdesk.services.bundle import Services
from talkdesk.services.context import Context
from talkdesk.services.exports import ExportKind
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage.database import Database
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths

translate = QCoreApplication.translate
SUFFIXES = (".docx", ".pdf")


def cmd_export_talk(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise _CliError(
            translate("cli", "The record form is written as .docx or .pdf, not {file}.").format(
                file=out.name
            )
        )
    talk_id = _talk_number(str(args.id))
    if out.exists():
        raise _CliError(
            translate("cli", "{file} already exists. Choose a new file name.").format(file=out)
        )
    if not out.parent.is_dir():
        raise _CliError(
            translate("cli", "The folder {folder} does not exist.").format(folder=out.parent)
        )
    clock = SystemClock()
    paths = _paths(args)
    db = _open(paths)
    try:
        services = _services(paths, db, clock)
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


def _services(paths: WorkspacePaths, db: Database, clock: Clock) -> Services:
    """The services over a database the command opened (no unlock step, nothing remembered)."""
    session = WorkspaceSession(paths, clock, RememberedKeyStore())
    session.context = Context(lambda: db, clock)
    return Services(session)


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
