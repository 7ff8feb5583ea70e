"""The Statistics page's figures for a year and a quarter on the big demo workspace.

    python -m tests.benchmarks.bench_statistics [--workspace DIR] [--repeat 9]

Reuses the workspace of `tests.benchmarks.run` (build it with that first), opened
with the benchmark's password. "statistics" is `StatisticsService.compute` with
nothing cached (as after a change): coverage per department, talks per month over
twelve months, follow-ups opened, resolved, overdue and on time, median days to
resolve, feedback and responses, topics, care follow-through. "raw SQL" reads the
same rows with `sqlcipher3` directly: the (talker, person) pairs and the month and
topic counts of the period's talks, and the follow-ups the period concerns, with
nothing computed from them. Target (issue 5): a year in under 300 ms.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from tests.benchmarks.run import NOW, PASSWORD, _line, _median_ms, _session

TALK_SQL = (
    "SELECT talker_id, person_id, count(*), max(held_at) FROM talk"
    " WHERE held_at >= ? AND held_at < ? GROUP BY talker_id, person_id",
    "SELECT substr(held_at, 1, 7), count(*) FROM talk"
    " WHERE held_at >= ? AND held_at < ? GROUP BY 1",
    "SELECT topics, count(*) FROM talk WHERE held_at >= ? AND held_at < ? GROUP BY topics",
)
FOLLOW_UP_SQL = (
    "SELECT id, status, due_on, closed_on, created_at, feedback_on, response FROM follow_up"
    " WHERE (created_at >= ? AND created_at < ?) OR (closed_on >= ? AND closed_on < ?)"
    " OR (closed_on IS NULL AND due_on < ?) OR (closed_on > ? AND due_on < ?)"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_statistics")
    parser.add_argument("--workspace", type=Path, default=Path("/tmp/talkdesk-bench-2000x10"))
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args(argv)

    import sqlcipher3

    from talkdesk.services.bundle import Services
    from talkdesk.services.statistics_figures import PeriodKind, ReportPeriod

    session = _session(args.workspace)
    session.unlock_with_password(PASSWORD)
    key = session.context.db.data_key()
    raw = sqlcipher3.connect(str(args.workspace / "talkdesk.db"))
    raw.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    stats = Services(session).statistics
    print(f"\n{'':<38} {'talkdesk':>12} {'raw SQL':>12} {'ratio':>8}")
    for name, kind in (("a year", PeriodKind.YEAR), ("a quarter", PeriodKind.QUARTER)):
        period = ReportPeriod.of(kind, date(NOW.year - 1, 6, 1))

        def ours(period: ReportPeriod = period) -> object:
            stats._cached.clear()  # as after a change: nothing kept
            return stats.compute(period)

        _line(
            f"statistics of {name} ({period.code})",
            _median_ms(ours, args.repeat),
            _median_ms(lambda period=period: _raw(raw, period), args.repeat),
            "target < 300 ms (a year)",
        )
    raw.close()
    session.lock()
    return 0


def _raw(conn: Any, period: Any) -> object:
    start, end = f"{period.start} 00:00:00", f"{period.end} 00:00:00"
    rows = [conn.execute(sql, (start, end)).fetchall() for sql in TALK_SQL]
    day, last = period.start.isoformat(), period.last_day.isoformat()
    bounds = (start, end, day, period.end.isoformat(), last, last, last)
    rows.append(conn.execute(FOLLOW_UP_SQL, bounds).fetchall())
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
