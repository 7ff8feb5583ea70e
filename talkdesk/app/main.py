"""The `talkdesk` entry point: a subcommand runs headless, no subcommand starts the GUI."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from talkdesk.app.cli import build_parser, run_command

    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        from talkdesk.app.gui import run_gui

        return run_gui(args)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
