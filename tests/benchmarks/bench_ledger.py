"""The Excel ledger of 10,000 talks and their follow-ups on the big demo workspace.

    python -m tests.benchmarks.bench_ledger [--people 2000 --years 10] [--workspace DIR]
                                            [--talks 10000] [--repeat 3] [--tracemalloc]

Reuses the workspace of `tests.benchmarks.run` (built once, kept). The period
ends on the benchmark's day and starts where it holds `--talks` talks. Lines:

- "read rows": the talks and follow-ups streamed through `LedgerService` (the
  chunks only, no workbook), beside raw SQL (`sqlcipher3`, same key, same file)
  fetching the same columns with the same conditions;
- "export ledger": `reports.ledger.export_ledger` writing the whole workbook
  (summary and statistics, three sheets, atomic write, audit line); the raw SQL
  column is the same reading as above, so the ratio shows what writing costs;
- "peak memory": the peak resident size of a fresh process that opened the
  workspace and wrote the ledger once (`resource.getrusage`); with
  `--tracemalloc`, also the peak of Python allocations (slow: traced).

Targets (issue 5): the export under 5 s, memory under 300 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from tests.benchmarks.run import NOW, ROOT, _build, _line, _session, _use_file_keyring

TARGET_S = 5.0
TARGET_MB = 300.0

RAW_TALKS = """
SELECT t.id, t.held_at, p.name, coalesce(d.name, ''), p.position, k.name, t.kind, t.topics,
       t.place, t.others_present, t.recorder, n.content, n.problems, n.suggestions,
       (SELECT group_concat(a.text, char(10)) FROM talk_amendment a WHERE a.talk_id = t.id),
       (SELECT count(*) FROM follow_up f WHERE f.talk_id = t.id), t.state
FROM talk t JOIN person p ON p.id = t.person_id JOIN person k ON k.id = t.talker_id
LEFT JOIN department d ON d.id = p.department_id LEFT JOIN talk_note n ON n.talk_id = t.id
WHERE t.held_at >= ? AND t.held_at <= ? ORDER BY t.held_at, t.id
"""
RAW_FOLLOW_UPS = """
SELECT f.id, f.title, f.detail, f.source, coalesce(o.name, ''), coalesce(od.name, ''),
       f.talk_id, t.held_at, coalesce(k.name, ''), f.handler, f.created_at, f.due_on, f.status,
       f.closed_on, f.resolution, f.feedback_on, f.feedback_how, f.feedback_text, f.response
FROM follow_up f LEFT JOIN talk t ON t.id = f.talk_id LEFT JOIN person k ON k.id = t.talker_id
LEFT JOIN person o ON o.id = f.person_id LEFT JOIN department od ON od.id = o.department_id
WHERE f.id IN (SELECT f2.id FROM talk t2 JOIN follow_up f2 ON f2.talk_id = t2.id
               WHERE t2.held_at >= ?1 AND t2.held_at <= ?2
               UNION SELECT id FROM follow_up WHERE created_at >= ?1 AND created_at <= ?2)
ORDER BY coalesce(t.held_at, f.created_at), f.id
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_ledger")
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--workspace", type=Path)
    parser.add_argument("--talks", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    folder = args.workspace or Path(f"/tmp/talkdesk-bench-{args.people}x{args.years}")
    os.environ.setdefault("TALKDESK_BENCH_KEYRING", str(folder.parent / f"{folder.name}.keyring"))
    _use_file_keyring()
    if args.probe:
        return _probe(folder, args.talks, args.tracemalloc)
    _build(folder, args.people, args.years)

    from talkdesk.services.ledger import LedgerFilter

    session = _session(folder)
    session.unlock_remembered()
    try:
        first = _first_day(session, args.talks)
        flt = LedgerFilter(first, NOW.date())
        _bench(folder, session, flt, args.repeat)
    finally:
        session.lock()
    _memory(folder, args)
    return 0


def _first_day(session: Any, talks: int) -> date:
    """The first day of the period ending today that holds about `talks` talks."""
    from sqlalchemy import text

    with session.context.db.reading() as conn:
        held = conn.execute(
            text("SELECT held_at FROM talk ORDER BY held_at DESC LIMIT 1 OFFSET :n"),
            {"n": talks - 1},
        ).scalar_one()
    return datetime.fromisoformat(str(held)).date()


def _sources(session: Any) -> Any:
    from talkdesk.reports.ledger import LedgerSources
    from talkdesk.services.bundle import Services

    services = Services(session)
    return LedgerSources(services.ledger, services.statistics, services.exports)


def _bench(folder: Path, session: Any, flt: Any, repeat: int) -> None:
    import sqlcipher3

    from talkdesk.reports.ledger import export_ledger

    sources = _sources(session)
    counts = sources.ledger.counts(flt)
    print(
        f"period {flt.date_from} – {flt.date_to}: {counts.talks} talks, "
        f"{counts.follow_ups} follow-ups",
        flush=True,
    )
    key = session.context.db.data_key()
    raw = sqlcipher3.connect(str(folder / "talkdesk.db"))
    raw.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    start = datetime.combine(flt.date_from, clock_time.min).isoformat(sep=" ")
    end = datetime.combine(flt.date_to, clock_time.max).isoformat(sep=" ")

    def raw_read() -> int:
        talks = raw.execute(RAW_TALKS, (start, end)).fetchall()
        follow_ups = raw.execute(RAW_FOLLOW_UPS, (start, end)).fetchall()
        return len(talks) + len(follow_ups)

    def ours_read() -> int:
        rows = sum(len(c) for c in sources.ledger.talk_chunks(flt))
        return rows + sum(len(c) for c in sources.ledger.follow_up_chunks(flt))

    assert raw_read() == ours_read() == counts.total, "raw SQL and the service disagree"
    read_raw = _median_s(raw_read, repeat)
    read_ours = _median_s(ours_read, repeat)
    _line("read rows (talks + follow-ups)", read_ours * 1000, read_raw * 1000)

    with tempfile.TemporaryDirectory(prefix="talkdesk-ledger-") as scratch:
        path = Path(scratch) / "ledger.xlsx"

        def write() -> None:
            path.unlink(missing_ok=True)
            export_ledger(path, sources, flt, _english)

        cpu = time.process_time()
        wall = _median_s(write, repeat)
        cpu = (time.process_time() - cpu) / (repeat + 1)
        size = path.stat().st_size / 1e6
    note = f"cpu {cpu:.2f} s, file {size:.1f} MB; target < {TARGET_S:.0f} s"
    _line("export ledger (whole workbook)", wall * 1000, read_raw * 1000, note)
    raw.close()


def _memory(folder: Path, args: argparse.Namespace) -> None:
    """Peak memory of a fresh process writing the ledger once."""
    command = [sys.executable, "-m", "tests.benchmarks.bench_ledger", "--probe"]
    command += ["--workspace", str(folder), "--talks", str(args.talks)]
    if args.tracemalloc:
        command.append("--tracemalloc")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
    for line in out.splitlines():
        print(line, flush=True)


def _probe(folder: Path, talks: int, traced: bool) -> int:
    from talkdesk.reports.ledger import export_ledger
    from talkdesk.services.ledger import LedgerFilter

    if traced:
        import tracemalloc

        tracemalloc.start()
    session = _session(folder)
    session.unlock_remembered()
    before = _peak_mb()
    try:
        flt = LedgerFilter(_first_day(session, talks), NOW.date())
        with tempfile.TemporaryDirectory(prefix="talkdesk-ledger-") as scratch:
            start = time.perf_counter()
            export_ledger(Path(scratch) / "ledger.xlsx", _sources(session), flt, _english)
            took = time.perf_counter() - start
    finally:
        session.lock()
    peak = _peak_mb()
    print(
        f"{'peak memory (RSS, fresh process)':<38} {peak:9.1f} MB   (open: {before:.1f} MB, "
        f"export {took:.2f} s); target < {TARGET_MB:.0f} MB",
        flush=True,
    )
    if traced:
        _, traced_peak = tracemalloc.get_traced_memory()
        print(f"{'peak Python allocations (tracemalloc)':<38} {traced_peak / 1e6:9.1f} MB")
    return 0


def _median_s(work: Any, repeat: int) -> float:
    work()  # warm: the page cache and the statement caches, as in a running program
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _peak_mb() -> float:
    """Peak resident size of this process (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _english(context: str, source: str) -> str:
    return source


if __name__ == "__main__":
    raise SystemExit(main())
