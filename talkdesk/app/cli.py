"""The command line: GUI options, the headless subcommands, and their help in the user's language.

Importing this module costs only argparse, because the GUI's start path
parses its options here too; services, storage and Qt are imported by a
subcommand when it runs. Help texts are English sources marked for Qt's
translation tools and translated when help is actually shown.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from talkdesk import __version__

LANGUAGES = ("zh_CN", "en")


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark `source` for translation in `context`; it is translated when shown."""
    return source


class _Hint:
    """What the whole command line said, shared by the parser and its subparsers."""

    def __init__(self) -> None:
        self.argv: list[str] | None = None


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose texts are translated (through Qt) only when help is shown."""

    def __init__(self, *args: Any, hint: _Hint | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._hint = hint or _Hint()
        self._localised = False
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=QT_TRANSLATE_NOOP("cli", "show this help and exit"),
        )

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._hint.argv is None:
            self._hint.argv = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        self._localise()
        return super().format_help()

    def format_usage(self) -> str:
        self._localise()
        return super().format_usage()

    def _get_formatter(self) -> argparse.HelpFormatter:
        return _Formatter(prog=self.prog)

    def _localise(self) -> None:
        if self._localised:
            return
        self._localised = True
        from talkdesk.app.cli_i18n import install, tr

        install(requested_language(self._hint.argv or []))
        if self.description:
            self.description = tr(self.description)
        self._positionals.title = tr(QT_TRANSLATE_NOOP("cli", "arguments"))
        self._optionals.title = tr(QT_TRANSLATE_NOOP("cli", "options"))
        for action in self._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                action.help = tr(action.help)
            for choice in getattr(action, "_choices_actions", []):
                if choice.help:
                    choice.help = tr(choice.help)


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        from talkdesk.app.cli_i18n import tr

        if prefix is None:  # argparse passes "" when it builds a subcommand's prog
            prefix = tr(QT_TRANSLATE_NOOP("cli", "usage: "))
        super().add_usage(usage, actions, groups, prefix)


def requested_language(argv: Sequence[str]) -> str | None:
    """The --lang given anywhere on the command line, if any (before argparse has run)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1] if argv[i + 1] in LANGUAGES else None
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGUAGES else None
    return None


def build_parser() -> argparse.ArgumentParser:
    hint = _Hint()
    parser = _Parser(
        prog="talkdesk",
        description=QT_TRANSLATE_NOOP(
            "cli",
            "An offline, encrypted desk for one-to-one talks. "
            "Without a command, the program window opens.",
        ),
        hint=hint,
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "cli", "open a demo workspace of a fictional office (removed on exit)"
        ),
    )
    _common(parser, None)
    parser.add_argument(
        "--version",
        action="version",
        version=f"talkdesk {__version__}",
        help=QT_TRANSLATE_NOOP("cli", "show the version and exit"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(
            name, help=summary, description=summary, hint=hint
        )
        _common(p, argparse.SUPPRESS)
        return p

    init = command("init", QT_TRANSLATE_NOOP("cli", "create a new workspace"))
    init.add_argument("--name", help=QT_TRANSLATE_NOOP("cli", "your name"))
    init.add_argument("--unit", help=QT_TRANSLATE_NOOP("cli", "your unit (organisation)"))
    init.add_argument(
        "--role",
        choices=("leader", "secretary"),
        help=QT_TRANSLATE_NOOP("cli", "your role: leader or (Party branch) secretary"),
    )

    demo = command("demo", QT_TRANSLATE_NOOP("cli", "create a workspace filled with demo data"))
    demo.add_argument(
        "--people",
        type=int,
        default=60,
        metavar="N",
        help=QT_TRANSLATE_NOOP("cli", "number of people (default 60)"),
    )
    demo.add_argument(
        "--years",
        type=int,
        default=2,
        metavar="Y",
        help=QT_TRANSLATE_NOOP("cli", "years of talks (default 2)"),
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help=QT_TRANSLATE_NOOP("cli", "random seed: the same seed gives the same data"),
    )

    command(
        "check",
        QT_TRANSLATE_NOOP(
            "cli", "open the workspace and verify it; exit status 0 only if it is sound"
        ),
    )

    backup = command(
        "backup", QT_TRANSLATE_NOOP("cli", "write an encrypted, verified backup of the workspace")
    )
    backup.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help=QT_TRANSLATE_NOOP("cli", "the backup file to write (must not exist yet)"),
    )

    due = command(
        "due",
        QT_TRANSLATE_NOOP(
            "cli",
            "print what needs doing on a day: who is due, overdue or missed in each plan, "
            "triggers waiting, appointments, follow-ups due or overdue",
        ),
    )
    due.add_argument(
        "--on",
        metavar="DATE",
        help=QT_TRANSLATE_NOOP("cli", "the day, as YYYY-MM-DD (default: today)"),
    )
    due.add_argument(
        "--json",
        action="store_true",
        help=QT_TRANSLATE_NOOP("cli", "print a machine-readable JSON document"),
    )

    _import_commands(command, hint)
    _export_commands(command, hint)

    restore = command(
        "restore",
        QT_TRANSLATE_NOOP("cli", "restore a backup into a new or empty folder (--data-dir)"),
    )
    restore.add_argument(
        "file", metavar="FILE", help=QT_TRANSLATE_NOOP("cli", "the backup file to restore")
    )
    restore.add_argument(
        "--recovery-code",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "cli",
            "open the backup with its recovery code (asked for) and set a new password",
        ),
    )
    return parser


def _import_commands(command: Any, hint: _Hint) -> None:
    """`talkdesk import people FILE [--dry-run]`."""
    imports = command("import", QT_TRANSLATE_NOOP("cli", "import records from a file"))
    what = imports.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=_Parser)
    people = what.add_parser(
        "people",
        help=QT_TRANSLATE_NOOP("cli", "import a roster of people from .xlsx or .csv"),
        description=QT_TRANSLATE_NOOP(
            "cli",
            "import a roster of people from .xlsx or .csv; columns are matched by their "
            "header names (姓名, 部门, 职务, 性别, 党员, 入职时间 or Name, Department, …)",
        ),
        hint=hint,
    )
    _common(people, argparse.SUPPRESS)
    people.add_argument(
        "file", metavar="FILE", help=QT_TRANSLATE_NOOP("cli", "the .xlsx or .csv file")
    )
    people.add_argument(
        "--dry-run",
        action="store_true",
        help=QT_TRANSLATE_NOOP("cli", "check the file and print the report; import nothing"),
    )


def _export_commands(command: Any, hint: _Hint) -> None:
    """`talkdesk export talk|ledger|report … --out FILE`."""
    exports = command(
        "export",
        QT_TRANSLATE_NOOP(
            "cli", "write a talk record, the ledger or the evaluation report to a file"
        ),
    )
    what = exports.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=_Parser)

    def export(name: str, summary: str, suffixes: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = what.add_parser(
            name, help=summary, description=summary, hint=hint
        )
        _common(p, argparse.SUPPRESS)
        p.add_argument("--out", required=True, metavar="FILE", help=suffixes)
        p.add_argument(
            "--include-care",
            action="store_true",
            help=QT_TRANSLATE_NOOP(
                "cli", "include care details (the file is then marked 内部资料 注意保密)"
            ),
        )
        return p

    talk = export(
        "talk",
        QT_TRANSLATE_NOOP("cli", "one talk as the record form (谈心谈话记录表)"),
        QT_TRANSLATE_NOOP("cli", "the file to write: .docx or .pdf"),
    )
    talk.add_argument("id", metavar="ID", help=QT_TRANSLATE_NOOP("cli", "the talk's number"))
    ledger = export(
        "ledger",
        QT_TRANSLATE_NOOP("cli", "the ledger (台账) of talks and follow-ups for a period"),
        QT_TRANSLATE_NOOP("cli", "the .xlsx file to write"),
    )
    ledger.add_argument(
        "--from",
        dest="date_from",
        required=True,
        metavar="DATE",
        help=QT_TRANSLATE_NOOP("cli", "the first day, as YYYY-MM-DD"),
    )
    ledger.add_argument(
        "--to",
        dest="date_to",
        required=True,
        metavar="DATE",
        help=QT_TRANSLATE_NOOP("cli", "the last day, as YYYY-MM-DD"),
    )
    ledger.add_argument(
        "--department",
        metavar="NAME",
        help=QT_TRANSLATE_NOOP("cli", "only this department (and those under it)"),
    )
    report = export(
        "report",
        QT_TRANSLATE_NOOP("cli", "the evaluation report (评估报告) of a quarter or half-year"),
        QT_TRANSLATE_NOOP("cli", "the .docx file to write"),
    )
    report.add_argument(
        "--period",
        required=True,
        metavar="PERIOD",
        help=QT_TRANSLATE_NOOP("cli", "the period, as 2026Q3 or 2026H2"),
    )


def _common(parser: argparse.ArgumentParser, default: Any) -> None:
    """Options every command takes; a subcommand's copy never hides the top-level value."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help=QT_TRANSLATE_NOOP(
            "cli", "the workspace folder (default: TALKDESK_DATA_DIR or the user data folder)"
        ),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default,
        help=QT_TRANSLATE_NOOP(
            "cli", "language of the messages (default: TALKDESK_LANG or the system's)"
        ),
    )


def run_command(args: argparse.Namespace) -> int:
    """Run a subcommand; returns the exit status (errors: one line on stderr, no traceback)."""
    from talkdesk.app.cli_commands import run

    return run(args)
