"""Benchmarks on a big demo workspace, each beside the same work in raw SQL on the same file.

    python -m tests.benchmarks.run [--people 2000 --years 10] [--workspace DIR] [--repeat 15]

The workspace is built once and kept (default /tmp/talkdesk-bench-<people>x<years>).
Each line prints talkdesk's median time, raw SQL's (sqlcipher3 directly, same key,
same file) and their ratio. The start-up lines run the program in a subprocess
with QT_QPA_PLATFORM=offscreen and TALKDESK_BENCH_EXIT_AFTER_PAINT=1: the program
then prints `talkdesk-bench painted <epoch>` when its main window is first painted
and `talkdesk-bench data <epoch>` when its first data are shown, and quits.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "benchmark password 1"
NOW = datetime(2026, 11, 24, 9, 30)
KEYRING = "tests.benchmarks.file_keyring.FileKeyring"
SEARCH_LONG, SEARCH_SHORT = "家庭负担", "压力"
PAGE = 200  # the lists' page (services.query.Page)
HITS = 50  # search's first page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.run")
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--workspace", type=Path)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--skip-gui", action="store_true")
    parser.add_argument("--probe-memory", choices=("talkdesk", "raw"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    folder = args.workspace or Path(f"/tmp/talkdesk-bench-{args.people}x{args.years}")
    os.environ.setdefault("TALKDESK_BENCH_KEYRING", str(folder.parent / f"{folder.name}.keyring"))
    _use_file_keyring()
    if args.probe_memory:
        return _probe_memory(folder, args.probe_memory)
    _build(folder, args.people, args.years)
    bench = _Bench(folder, args.repeat)
    bench.run_all()
    if not args.skip_gui:
        _startup(folder, max(5, args.repeat // 2))
    return 0


# -- the workspace ------------------------------------------------------------------


def _use_file_keyring() -> None:
    import keyring

    from tests.benchmarks.file_keyring import FileKeyring

    keyring.set_keyring(FileKeyring())


def _session(folder: Path) -> Any:
    from talkdesk.app.config import FAST_KDF
    from talkdesk.domain.clock import FixedClock
    from talkdesk.services.session import WorkspaceSession
    from talkdesk.storage.keystore import RememberedKeyStore
    from talkdesk.storage.paths import WorkspacePaths

    return WorkspaceSession(WorkspacePaths(folder), FixedClock(NOW), RememberedKeyStore(), FAST_KDF)


def _build(folder: Path, people: int, years: int) -> None:
    from talkdesk.app.config import FAST_KDF
    from talkdesk.app.demo import make_demo_session
    from talkdesk.domain.clock import FixedClock
    from talkdesk.storage.keystore import RememberedKeyStore

    if not (folder / "keys.json").exists():
        print(f"building {people} people x {years} years in {folder} …", flush=True)
        start = time.perf_counter()
        last = [-1]

        def progress(done: int, total: int) -> None:
            percent = 100 * done // total
            if percent // 10 != last[0]:
                last[0] = percent // 10
                print(f"  {percent:3d}%  {time.perf_counter() - start:6.1f} s", flush=True)

        session, _ = make_demo_session(
            folder,
            FixedClock(NOW),
            RememberedKeyStore(),
            FAST_KDF,
            people=people,
            years=years,
            password=PASSWORD,
            progress=progress,
        )
        session.lock()
        print(f"built in {time.perf_counter() - start:.1f} s", flush=True)
    session = _session(folder)
    session.unlock_with_password(PASSWORD)
    session.set_remembered(True)  # (re)store the remembered key in this run's keyring file
    from talkdesk.storage import health

    with session.context.db.reading() as conn:
        print("workspace:", health.counts(conn))
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    print(f"files: {size / 1e6:.0f} MB")
    session.lock()


# -- timing ---------------------------------------------------------------------------


def _median_ms(work: Callable[[], object], repeat: int) -> float:
    work()  # warm: the page cache and the statement caches, as in a running program
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _line(name: str, ours: float, raw: float, note: str = "") -> None:
    ratio = ours / raw if raw else float("inf")
    print(f"{name:<38} {ours:9.2f} ms {raw:9.2f} ms {ratio:7.2f}x  {note}", flush=True)


class _Bench:
    """The list and search queries, through the services and in raw SQL."""

    def __init__(self, folder: Path, repeat: int) -> None:
        self.folder = folder
        self.repeat = repeat

    def run_all(self) -> None:
        import sqlcipher3

        from talkdesk.services.bundle import Services
        from talkdesk.services.follow_ups import FollowUpFilter
        from talkdesk.services.people import PeopleFilter
        from talkdesk.services.query import Page
        from talkdesk.services.talks import TalkFilter

        session = _session(self.folder)
        session.unlock_remembered()
        key = session.context.db.data_key()
        session.lock()
        db_file = str(self.folder / "talkdesk.db")

        def raw_connect() -> Any:
            conn = sqlcipher3.connect(db_file, check_same_thread=False)
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            return conn

        print(f"\n{'':<38} {'talkdesk':>12} {'raw SQL':>12} {'ratio':>8}")

        def open_ours() -> None:
            session.unlock_remembered()
            Services(session).people.people(PeopleFilter(), Page(0, PAGE))
            session.lock()

        def open_raw() -> None:
            conn = raw_connect()
            conn.execute(PEOPLE_SQL, (PAGE,)).fetchall()
            conn.close()

        _line("open with remembered key + first page", *self._pair(open_ours, open_raw))

        session.unlock_remembered()
        services = Services(session)
        raw = raw_connect()
        person_id = raw.execute(
            "SELECT person_id FROM talk GROUP BY person_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        today = NOW.date()

        self._compare(
            "people list, first page",
            lambda: services.people.people(PeopleFilter(), Page(0, PAGE)),
            lambda: raw.execute(PEOPLE_SQL, (PAGE,)).fetchall(),
        )
        self._compare(
            "one person's talk history",
            lambda: services.talks.list_talks(TalkFilter(person_id=person_id), page=Page(0, PAGE)),
            lambda: raw.execute(HISTORY_SQL, (person_id, PAGE)).fetchall(),
        )
        overdue = FollowUpFilter(open_only=True, overdue_on=today)
        self._compare(
            "overdue open follow-ups",
            lambda: services.follow_ups.list_follow_ups(overdue, page=Page(0, PAGE)),
            lambda: raw.execute(OVERDUE_SQL, (today.isoformat(), PAGE)).fetchall(),
            f"{services.follow_ups.count_follow_ups(overdue)} items",
        )
        for term in (SEARCH_LONG, SEARCH_SHORT):
            result = services.search.search(term, limit=HITS)
            self._compare(
                f"search {term} (first {HITS} + count)",
                lambda term=term: services.search.search(term, limit=HITS),
                lambda term=term: _raw_search(raw, term),
                f"{result.talk_count} talks, {result.follow_up_count} follow-ups; target < 50 ms",
            )
        raw.close()
        session.lock()
        mem = {mode: _memory(self.folder, mode) for mode in ("talkdesk", "raw")}
        print(
            f"{'memory (RSS) with the workspace open':<38} {mem['talkdesk']:9.1f} MB "
            f"{mem['raw']:9.1f} MB {mem['talkdesk'] / mem['raw']:7.2f}x  target < 250 MB"
        )

    def _pair(self, ours: Callable[[], object], raw: Callable[[], object]) -> tuple[float, float]:
        return _median_ms(ours, self.repeat), _median_ms(raw, self.repeat)

    def _compare(
        self, name: str, ours: Callable[[], object], raw: Callable[[], object], note: str = ""
    ) -> None:
        _line(name, *self._pair(ours, raw), note)


PEOPLE_SQL = """
SELECT p.id, p.uuid, p.name, p.department_id, coalesce(d.name, ''), p.position, p.gender,
       p.phone, p.party_member, p.joined_on, p.is_leader, p.active, p.left_on
FROM person p LEFT JOIN department d ON d.id = p.department_id
WHERE p.active ORDER BY p.pinyin, p.id LIMIT ?"""

_TALK_COLUMNS = """
SELECT t.id, t.uuid, t.held_at, t.person_id, p.name, coalesce(d.name, ''), t.talker_id,
       k.name, t.kind, t.topics, t.care_level, t.state, t.place
FROM talk t JOIN person p ON p.id = t.person_id JOIN person k ON k.id = t.talker_id
LEFT JOIN department d ON d.id = p.department_id"""
HISTORY_SQL = _TALK_COLUMNS + " WHERE t.person_id = ? ORDER BY t.held_at DESC, t.id DESC LIMIT ?"

_ITEM_COLUMNS = """
SELECT f.id, f.uuid, f.title, f.person_id, coalesce(p.name, ''), coalesce(d.name, ''),
       f.source, f.handler, f.due_on, f.status, f.feedback_on, f.created_at
FROM follow_up f LEFT JOIN person p ON p.id = f.person_id
LEFT JOIN department d ON d.id = p.department_id"""
OVERDUE_SQL = (
    _ITEM_COLUMNS
    + " WHERE f.status IN ('open', 'in_progress') AND f.due_on < ?"
    + " ORDER BY f.due_on IS NULL, f.due_on, f.id LIMIT ?"
)


def _raw_search(conn: Any, term: str) -> object:
    """What search's first page does: newest hits inside FTS, counts, then their rows."""
    from talkdesk.domain.search_terms import match_expression

    expr = match_expression(term)
    found = []
    for table, columns in (
        ("talk_fts", _TALK_COLUMNS + " WHERE t.id IN "),
        ("follow_up_fts", _ITEM_COLUMNS + " WHERE f.id IN "),
    ):
        rowids = [
            r[0]
            for r in conn.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?",
                (expr, HITS),
            )
        ]
        count = conn.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (expr,))
        ids = [r & ((1 << 24) - 1) for r in rowids]
        marks = ",".join("?" * len(ids)) or "NULL"
        found.append((count.fetchone(), conn.execute(columns + f"({marks})", ids).fetchall()))
    return found


# -- memory -----------------------------------------------------------------------------


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _memory(folder: Path, mode: str) -> float:
    """RSS of a fresh process that opened the workspace and ran the first screens' queries."""
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks.run",
            "--probe-memory",
            mode,
            "--workspace",
            str(folder),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(),
        check=True,
    ).stdout
    return float(out.split()[-1])


def _probe_memory(folder: Path, mode: str) -> int:
    from tests.benchmarks.file_keyring import FileKeyring  # noqa: F401 (set above)

    if mode == "raw":
        import sqlcipher3

        session = _session(folder)
        session.unlock_remembered()
        key = session.context.db.data_key()
        session.lock()
        conn = sqlcipher3.connect(str(folder / "talkdesk.db"))
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute(PEOPLE_SQL, (PAGE,)).fetchall()
        conn.execute(OVERDUE_SQL, (NOW.date().isoformat(), PAGE)).fetchall()
        _raw_search(conn, SEARCH_SHORT)
    else:
        from talkdesk.services.bundle import Services
        from talkdesk.services.follow_ups import FollowUpFilter
        from talkdesk.services.talks import TalkFilter

        session = _session(folder)
        session.unlock_remembered()
        services = Services(session)
        services.people.people()
        services.talks.list_talks(TalkFilter())
        services.follow_ups.list_follow_ups(FollowUpFilter(open_only=True, overdue_on=NOW.date()))
        services.search.search(SEARCH_SHORT)
    print(f"rss {_rss_mb():.1f}")
    return 0


# -- start-up ---------------------------------------------------------------------------


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": KEYRING,
        "TALKDESK_BENCH_EXIT_AFTER_PAINT": "1",
        "PYTHONPATH": str(ROOT),
    }


def _timestamps(cmd: list[str]) -> dict[str, float]:
    """Seconds from launching `cmd` to each `talkdesk-bench <event> <epoch>` it prints."""
    start = time.time()
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, cwd=ROOT, env=_env(), timeout=30, check=False
        )
    except subprocess.TimeoutExpired:
        return {}
    marks = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "talkdesk-bench":
            marks[parts[1]] = float(parts[2]) - start
    return marks


def _startup(folder: Path, runs: int) -> None:
    # As installed: pip compiles the modules; PYTHONDONTWRITEBYTECODE would otherwise make
    # every run compile talkdesk from source (~100 ms that no user waits for).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "talkdesk")], check=True)
    bare_cmd = [sys.executable, "-m", "tests.benchmarks.bare_window"]
    app_cmd = [sys.executable, "-m", "talkdesk", "--data-dir", str(folder), "--lang", "zh_CN"]
    bare, ours = [_timestamps(bare_cmd)], [_timestamps(app_cmd)]
    if ours[0]:  # the program prints its timestamps (else it ran until the timeout)
        # in turns, so that a slower moment of a shared machine weighs on both sides alike
        for _ in range(runs - 1):
            bare.append(_timestamps(bare_cmd))
            ours.append(_timestamps(app_cmd))
    floor = statistics.median(m.get("painted", float("nan")) for m in bare) * 1000
    for event, label, note in (
        ("painted", "start to main window painted", "target < 2x bare window"),
        ("data", "start to first data shown", "target < 800 ms"),
    ):
        values = [m[event] for m in ours if event in m]
        if not values:
            print(
                f"{label:<38} (no `talkdesk-bench {event}` line: "
                "TALKDESK_BENCH_EXIT_AFTER_PAINT not wired)"
            )
            continue
        _line(label + " (vs bare PySide6)", statistics.median(values) * 1000, floor, note)


if __name__ == "__main__":
    sys.exit(main())
