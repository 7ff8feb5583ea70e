"""The headless subcommands: init, demo, check, backup, restore, due, import, export.

Each failure a user can meet is a TalkdeskError, worded by `ui.messages` in the
user's language on one line of stderr, with a non-zero exit status; nothing on
disk is changed by a command that fails (a half-made workspace is removed again).
Nothing is logged to the terminal. A workspace is opened with
TALKDESK_PASSWORD (for scripts), else the key remembered on this computer,
else a password prompt.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import QCoreApplication

from talkdesk.app import cli_i18n, config
from talkdesk.app.logging_setup import close_logging, setup_logging
from talkdesk.domain.clock import Clock, SystemClock
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.recovery import groups
from talkdesk.domain.values import Role
from talkdesk.storage.database import Database
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths
from talkdesk.ui.messages import error_text

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
PASSWORD_ENV = "TALKDESK_PASSWORD"

OK, UNSOUND, FAILED, INTERRUPTED = 0, 1, 2, 130


class _CliError(Exception):
    """A command-line failure worded here (not one of the services' error codes)."""


def run(args: argparse.Namespace) -> int:
    # exports draw pages (PDF, charts): an application that can, without a screen
    translator = cli_i18n.install(getattr(args, "lang", None), gui=args.command == "export")
    log_file = _setup_logging(args)
    try:
        commands: dict[str, Callable[[argparse.Namespace], int]] = {
            "init": cmd_init,
            "demo": cmd_demo,
            "check": cmd_check,
            "backup": cmd_backup,
            "restore": cmd_restore,
            "due": _due,
            "import": _import,
            "export": _export,
        }
        return commands[args.command](args)
    except TalkdeskError as exc:
        log.info("command %s failed: %s", args.command, exc.code.value)
        _say(error_text(exc), sys.stderr)
    except _CliError as exc:
        _say(str(exc), sys.stderr)
    except KeyboardInterrupt:
        _say(translate("cli", "Interrupted. Nothing was changed."), sys.stderr)
        return INTERRUPTED
    except Exception as exc:  # a bug, or EOF/OSError: one line for the user, its type logged
        # The type only: a traceback or message could carry paths, names or note text.
        log.error("command %s failed unexpectedly: %s", args.command, type(exc).__name__)
        _say(_unexpected(exc), sys.stderr)
    finally:
        cli_i18n.remove(translator)
        close_logging(log_file)
    return FAILED


def _setup_logging(args: argparse.Namespace) -> logging.Handler | None:
    """Log to the workspace's log when it has one already; never to the terminal.

    Without any handler, Python's last-resort handler would print records (with
    their tracebacks) on stderr; a NullHandler on the root keeps stderr to the one
    line the command writes. The log folder is not created here: a command that
    fails must leave the workspace folder as it was.
    """
    root = logging.getLogger()
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())
    logs = _paths(args).logs
    if args.command == "restore" or not logs.is_dir():
        return None
    return setup_logging(logs)


# -- commands ---------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from talkdesk.services.session import WorkspaceSession

    paths = _paths(args)
    if paths.exists():
        raise TalkdeskError(ErrorCode.WORKSPACE_EXISTS)
    name = args.name if args.name is not None else _ask(translate("cli", "Your name: "))
    unit = args.unit if args.unit is not None else _ask(translate("cli", "Your unit: "))
    role = args.role or _ask(translate("cli", "Your role (leader/secretary) [leader]: "))
    role = role.strip().lower() or Role.LEADER.value
    if role not in {r.value for r in Role}:
        raise _CliError(translate("cli", "The role is either leader or secretary."))
    password = _new_password()
    session = WorkspaceSession(paths, SystemClock(), RememberedKeyStore(), config.kdf_params())
    code = session.create(password, name, unit, Role(role))
    session.lock()
    _say(translate("cli", "Workspace created in {folder}.").format(folder=paths.folder))
    _print_recovery_code(code)
    return OK


def cmd_demo(args: argparse.Namespace) -> int:
    from talkdesk.app.demo import make_demo_session

    paths = _paths(args)
    if paths.exists():
        raise TalkdeskError(ErrorCode.WORKSPACE_EXISTS)
    if args.people < 10 or args.years < 1:
        raise _CliError(translate("cli", "A demo needs at least 10 people and 1 year."))
    password = _new_password()
    bar = ProgressBar(sys.stderr)
    # An interruption or failure while filling removes what was created (make_demo_session).
    session, code = make_demo_session(
        paths.folder,
        SystemClock(),
        RememberedKeyStore(),
        config.kdf_params(),
        people=args.people,
        years=args.years,
        seed=args.seed,
        password=password,
        progress=bar,
    )
    bar.finish()
    try:
        from talkdesk.storage import health

        with session.context.db.reading() as conn:
            found = health.counts(conn)
    finally:
        session.lock()
    _say(translate("cli", "Demo workspace created in {folder}.").format(folder=paths.folder))
    _print_counts(found)
    _print_recovery_code(code)
    return OK


def cmd_check(args: argparse.Namespace) -> int:
    from talkdesk.storage import health

    paths = _paths(args)
    db = _open(paths)
    try:
        report = health.check(db)
    finally:
        db.close()
    good, bad = translate("cli", "ok"), translate("cli", "FAILED")
    lines = [
        (translate("cli", "Page authentication (HMAC)"), report.cipher_errors == 0),
        (translate("cli", "SQLite integrity"), report.integrity == ["ok"]),
        (translate("cli", "Foreign keys"), report.foreign_key_errors == 0),
    ]
    _say(translate("cli", "Workspace: {folder}").format(folder=paths.folder))
    for label, sound in lines:
        _say(f"  {label}: {good if sound else bad}")
    from talkdesk.storage.revision import HEAD

    revision_ok = report.revision == HEAD
    label = translate("cli", "Schema revision")
    _say(f"  {label}: {report.revision or '?'} ({good if revision_ok else bad})")
    _print_counts(report.counts)
    if report.sound:
        _say(translate("cli", "The workspace is sound."))
        return OK
    _say(
        translate(
            "cli",
            "The workspace is damaged. Nothing was changed. Restore it from a backup.",
        ),
        sys.stderr,
    )
    return UNSOUND


def cmd_backup(args: argparse.Namespace) -> int:
    from talkdesk.services.session import back_up

    out = Path(args.out).expanduser()
    if out.exists():
        raise _CliError(
            translate("cli", "{file} already exists. Choose a new file name.").format(file=out)
        )
    if not out.parent.is_dir():
        raise _CliError(
            translate("cli", "The folder {folder} does not exist.").format(folder=out.parent)
        )
    db = _open(_paths(args))
    try:
        found = back_up(db, out, SystemClock().now())
    finally:
        db.close()
    _say(translate("cli", "Backup written to {file} and verified.").format(file=out))
    _print_counts(found)
    return OK


def cmd_restore(args: argparse.Namespace) -> int:
    from talkdesk.storage import health
    from talkdesk.storage.backup import restore_backup

    source = Path(args.file).expanduser()
    if not source.is_file():
        raise _CliError(translate("cli", "The file {file} does not exist.").format(file=source))
    paths = _paths(args)
    if paths.exists() or (paths.folder.is_dir() and any(paths.folder.iterdir())):
        raise TalkdeskError(ErrorCode.WORKSPACE_NOT_EMPTY)
    if args.recovery_code:
        from talkdesk.domain.recovery import is_well_formed

        code = _prompt(translate("cli", "Recovery code of the backup: "))
        if not is_well_formed(code):
            raise TalkdeskError(ErrorCode.WRONG_RECOVERY_CODE)
        db = restore_backup(
            source,
            paths,
            recovery_code=code,
            new_password=_new_password(),
            kdf=config.kdf_params(),
            now=SystemClock().now(),
        )
    else:
        password = _password_given() or _prompt(translate("cli", "Password of the backup: "))
        db = restore_backup(source, paths, password, now=SystemClock().now())
    try:
        report = health.check(db)
    finally:
        db.close()
    _say(
        translate("cli", "Backup restored into {folder} and verified.").format(folder=paths.folder)
    )
    _print_counts(report.counts)
    return OK if report.sound else UNSOUND


def _due(args: argparse.Namespace) -> int:
    from talkdesk.app.cli_due import cmd_due

    return cmd_due(args)


def _import(args: argparse.Namespace) -> int:
    from talkdesk.app.cli_import import cmd_import_people

    return cmd_import_people(args)


def _export(args: argparse.Namespace) -> int:
    if args.what == "talk":
        from talkdesk.app.cli_export_talk import cmd_export_talk

        return cmd_export_talk(args)
    if args.what == "ledger":
        from talkdesk.app.cli_export_ledger import cmd_export_ledger

        return cmd_export_ledger(args)
    from talkdesk.app.cli_export_report import cmd_export_report

    return cmd_export_report(args)


# -- opening and passwords ----------------------------------------------------------


def new_file(out: str, suffixes: tuple[str, ...], wrong_suffix: str) -> Path:
    """The file an export writes, checked before the workspace is opened: one of `suffixes`
    (else `wrong_suffix`, naming {file}), not there yet, in a folder that exists."""
    path = Path(out).expanduser()
    if path.suffix.lower() not in suffixes:
        raise _CliError(wrong_suffix.format(file=path.name))
    if path.exists():
        raise _CliError(
            translate("cli", "{file} already exists. Choose a new file name.").format(file=path)
        )
    if not path.parent.is_dir():
        raise _CliError(
            translate("cli", "The folder {folder} does not exist.").format(folder=path.parent)
        )
    return path


def services_over(paths: WorkspacePaths, db: Database, clock: Clock) -> Services:
    """The services over a database the command opened (no unlock step, nothing remembered)."""
    from talkdesk.services.bundle import Services
    from talkdesk.services.context import Context
    from talkdesk.services.session import WorkspaceSession

    session = WorkspaceSession(paths, clock, RememberedKeyStore())
    session.context = Context(lambda: db, clock)
    return Services(session)


def _paths(args: argparse.Namespace) -> WorkspacePaths:
    return WorkspacePaths(config.data_dir(getattr(args, "data_dir", None)))


def _open(paths: WorkspacePaths) -> Database:
    """Open without writing anything first: env password, remembered key, else a prompt."""
    from talkdesk.storage import workspace

    if not paths.exists():
        raise TalkdeskError(ErrorCode.WORKSPACE_MISSING)
    now = SystemClock().now()
    given = _password_given()
    if given is not None:
        return workspace.open_with_password(paths, given, now)
    if workspace.is_remembered(paths):
        try:
            return workspace.open_remembered(paths, RememberedKeyStore(), now)
        except TalkdeskError as exc:
            if exc.code is not ErrorCode.KEYRING_UNAVAILABLE:
                raise
            _say(error_text(exc), sys.stderr)
    return workspace.open_with_password(paths, _prompt(translate("cli", "Password: ")), now)


def _password_given() -> str | None:
    value = os.environ.get(PASSWORD_ENV)
    return value if value else None


def _new_password() -> str:
    given = _password_given()
    if given is not None:
        return given
    first = _prompt(translate("cli", "New password (at least 8 characters): "))
    from talkdesk.domain.password import is_acceptable

    if not is_acceptable(first):
        raise TalkdeskError(ErrorCode.PASSWORD_TOO_WEAK)
    if _prompt(translate("cli", "The same password again: ")) != first:
        raise TalkdeskError(ErrorCode.PASSWORDS_DIFFER)
    return first


def _prompt(label: str) -> str:
    return getpass.getpass(label)


def _ask(label: str) -> str:
    """A question when someone is at the keyboard; empty in a script."""
    if not sys.stdin or not sys.stdin.isatty():
        return ""
    return input(label).strip()


# -- output -------------------------------------------------------------------------


def _say(text: str, stream: TextIO | None = None) -> None:
    print(text, file=stream or sys.stdout)


def _unexpected(exc: BaseException) -> str:
    return translate(
        "cli", "The command failed unexpectedly ({error}). Nothing was changed."
    ).format(error=type(exc).__name__)


def _print_counts(found: dict[str, int]) -> None:
    labels = {
        "departments": translate("cli", "departments"),
        "people": translate("cli", "people"),
        "plans": translate("cli", "plans"),
        "appointments": translate("cli", "appointments"),
        "talks": translate("cli", "talks"),
        "follow_ups": translate("cli", "follow-ups"),
        "templates": translate("cli", "templates"),
    }
    for key, count in found.items():
        _say(f"  {labels.get(key, key)}: {count}")


def _print_recovery_code(code: str) -> None:
    parts = groups(code)
    half = len(parts) // 2
    _say("")
    _say(translate("cli", "Recovery code (shown only this once):"))
    _say("    " + "  ".join(parts[:half]))
    _say("    " + "  ".join(parts[half:]))
    _say(
        translate(
            "cli",
            "Write it down and keep it locked away. With it alone the workspace can be "
            "opened and a new password set; without it a forgotten password cannot be "
            "recovered.",
        )
    )


class ProgressBar:
    """A plain text bar on stderr: redrawn in place on a terminal, a line per tenth otherwise."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._tty = stream.isatty()
        self._shown = -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // max(1, total)
        step = percent if self._tty else percent - percent % 10
        if step == self._shown:
            return
        self._shown = step
        filled = self.WIDTH * percent // 100
        bar = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {percent:3d}%"
        self._stream.write(("\r" + bar) if self._tty else bar + "\n")
        self._stream.flush()

    def finish(self) -> None:
        if self._tty:
            self._stream.write("\n")
            self._stream.flush()
