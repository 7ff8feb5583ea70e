"""The evaluation report of a quarter on the big demo workspace.

    python -m tests.benchmarks.bench_report [--people 2000 --years 10] [--workspace DIR]
                                            [--period 2026Q3] [--repeat 5]

Reuses the workspace of `tests.benchmarks.run` (build it with that first); it is
opened with the benchmark's password, and its remembered-key setting is left as
it is. Charts are drawn in an offscreen Qt application, as the command line does.
Lines (median of `--repeat` runs, each with fresh services, so nothing is cached
from the run before, as for a user who opens the dialog once):

- "read figures and lists": `load_report_data` (the statistics of the period and
  the one before, the records behind the lists, the plans of the missed people);
- "draw charts": the Statistics page's charts as PNG (`ui.report_charts`);
- "write .docx": `export_evaluation_report` (the document, atomic write, audit line);
- "whole report": the three in a row; with care details too.

Target (issue 5): a quarter's evaluation report in under 3 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.benchmarks.run import PASSWORD, _session

TARGET_S = 3.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_report")
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--workspace", type=Path)
    parser.add_argument("--period", default="2026Q3")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    folder = args.workspace or Path(f"/tmp/talkdesk-bench-{args.people}x{args.years}")
    if not (folder / "keys.json").exists():
        print(f"no workspace in {folder}: build it with `python -m tests.benchmarks.run` first")
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()

    from talkdesk.services.statistics_figures import ReportPeriod

    session = _session(folder)
    session.unlock_with_password(PASSWORD)  # the remembered-key setting is left as it is
    try:
        _bench(session, ReportPeriod.parse(args.period), args.repeat)
    finally:
        session.lock()
    del app
    return 0


def _application() -> Any:
    """An offscreen application in the program's font (CJK faces first), as the CLI draws."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from talkdesk.ui.style import FONT_FAMILIES, FONT_POINT_SIZE

    app = QApplication(sys.argv[:1])
    font = QFont()
    font.setFamilies([*FONT_FAMILIES, *font.families()])
    font.setPointSize(FONT_POINT_SIZE)
    app.setFont(font)
    return app


def _bench(session: Any, period: Any, repeat: int) -> None:
    from talkdesk.reports.evaluation_report import export_evaluation_report
    from talkdesk.reports.report_data import load_report_data
    from talkdesk.services.bundle import Services
    from talkdesk.ui.report_charts import report_charts

    first = load_report_data(Services(session), period)
    stats = first.stats
    print(
        f"period {period.code}: {stats.talks} talks, {stats.coverage.covered} people covered "
        f"({stats.coverage.missed} missed), {stats.follow_ups.opened} follow-ups opened, "
        f"{first.overdue.total} overdue, {first.owed.total} owed feedback",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="talkdesk-report-") as scratch:
        out = Path(scratch) / "report.docx"

        def whole(include_care: bool) -> dict[str, float]:
            times: dict[str, float] = {}
            start = time.perf_counter()
            data = load_report_data(Services(session), period, include_care=include_care)
            times["read"] = time.perf_counter() - start
            start = time.perf_counter()
            charts = report_charts(data.stats)
            times["charts"] = time.perf_counter() - start
            start = time.perf_counter()
            out.unlink(missing_ok=True)
            exports = Services(session).exports
            export_evaluation_report(out, data, charts, exports, _english)
            times["write"] = time.perf_counter() - start
            times["total"] = times["read"] + times["charts"] + times["write"]
            times["size"] = out.stat().st_size / 1e6
            return times

        plain = _medians(lambda: whole(False), repeat)
        _show("read figures and lists", plain["read"])
        _show("draw charts (PNG)", plain["charts"])
        _show("write .docx (atomic, audited)", plain["write"], f"file {plain['size']:.2f} MB")
        _show("whole report", plain["total"], f"target < {TARGET_S:.0f} s")
        cared = _medians(lambda: whole(True), repeat)
        _show("whole report, with care details", cared["total"], f"target < {TARGET_S:.0f} s")


def _medians(work: Callable[[], dict[str, float]], repeat: int) -> dict[str, float]:
    work()  # warm: the page cache and the statement caches, as in a running program
    runs = [work() for _ in range(repeat)]
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def _show(name: str, seconds: float, note: str = "") -> None:
    print(f"{name:<38} {seconds * 1000:9.1f} ms  {note}", flush=True)


def _english(context: str, source: str) -> str:
    return source


if __name__ == "__main__":
    raise SystemExit(main())
