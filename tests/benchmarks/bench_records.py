"""Issue 4's targets on the big demo workspace: the talk record with its carry-over, the
Follow-ups page's first screen, search, and a person's timeline, each beside raw SQL.

    python -m tests.benchmarks.bench_records [--people 2000 --years 10] [--workspace DIR]
                                             [--repeat 15] [--skip-gui] [--only PARTS]
                                             [--cache-kib N]

Reuses the workspace of `tests.benchmarks.run` (build it with that first); it is
opened with the benchmark's password, and its remembered-key setting is left as
it is. The screens are built offscreen (`QT_QPA_PLATFORM=offscreen`) in the
program's font and stylesheet, with the program's task runner (one database
thread). "raw SQL" is `sqlcipher3` on the same file with the same key, fetching
the same rows (checked to be the same ids and counts) with plain statements.
Each figure is the median of `--repeat` runs after one warm-up run. `--cache-kib`
is a what-if: every connection (talkdesk's and raw SQL's) with that page cache.

- talk record (`--only form`): `TalkFormLauncher.open_talk(id)` of a draft whose
  person has many talks and open follow-ups, from the call until the form is
  painted and its carry-over filled (the task runner idle); the same for a new
  talk with that person (`new_talk_with`) and for a finalised record (no
  carry-over). "reads" is what those screens ask the services for (the
  launcher's `_read`, with the draft noted as open, and the carry-over's three
  lists) beside raw SQL reading the people for the combos, the talk with its
  note and amendments, its follow-ups, the templates, the person's open
  follow-ups and last talks, and writing the open-draft note the same way. The
  draft is noted closed again after every run. Each form is closed as its Close
  button does; one that stays open is reported once and deleted by hand.
- Follow-ups page (`--only follow_ups`): for each filter, from setting it in the
  page's filter bar (as one user action: a combo chosen, or Enter in the search
  box, so the 250 ms typing pause is not counted) to the first rows painted;
  and `list_follow_ups(flt, page=Page(0, 200))` + `count_follow_ups(flt)` beside
  raw SQL of the same page and count. Also the page shown for the first time.
- search (`--only search`): `SearchService.search(term)` (first 50 hits, counts,
  snippets) beside raw FTS of the same hits with their rows and the text the
  snippets come from (the notes, amendments, follow-up texts).
- person (`--only person`): `PersonProfileService.timeline` and `.profile` of the
  person with the most talks (plan coverage cached, as while nothing changes;
  and recomputed, as after a change), beside raw SQL of the same rows (the
  plan lines are not in the raw side), and the person view (`PersonView`)
  switching to that person until its timeline is painted.

Targets (issue 4): a talk record with its carry-over under 100 ms; the
Follow-ups page's first screen under 150 ms with any filter; search for a
4-character term under 50 ms; a person's timeline under 100 ms; each within 2x
raw SQL for the same rows.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.benchmarks.run import NOW, PASSWORD, _line, _session

PARTS = ("form", "follow_ups", "search", "person")
PAGE = 200  # the lists' page (services.query.Page, ui.models.table.PAGE_SIZE)
HITS = 50  # search's first page
SEARCH_TERMS = ("家庭负担", "工作压力", "心理健康")
ID_MASK = (1 << 24) - 1  # an index rowid's record id (storage.search_index)
OPEN = "('open', 'in_progress')"
CLOSED = "('resolved', 'unresolvable')"


@dataclass
class _Row:
    name: str
    ours: float
    raw: float | None
    target: float | None  # ms


@dataclass
class _Report:
    """Every line measured, for the summary at the end."""

    rows: list[_Row] = field(default_factory=list)

    def add(
        self, name: str, ours: float, raw: float | None, target: float | None, note: str = ""
    ) -> None:
        self.rows.append(_Row(name, ours, raw, target))
        goal = f"target < {target:.0f} ms" if target is not None else ""
        note = "; ".join(n for n in (note, goal) if n)
        if raw is None:
            print(f"{name:<44} {ours:9.2f} ms {'':>12} {'':>8}  {note}", flush=True)
        else:
            _line(f"{name:<44}", ours, raw, note)

    def summary(self) -> None:
        """Every line again, with whether it is under its target and within 2x raw SQL."""
        head = f"{'summary':<44} {'talkdesk':>12} {'raw SQL':>12} {'ratio':>8}  {'target':<9}"
        print(f"\n{head} in time  <= 2x")
        for r in self.rows:
            raw = f"{r.raw:9.2f} ms" if r.raw is not None else ""
            ratio = f"{r.ours / r.raw:7.2f}x" if r.raw else ""
            target = f"< {r.target:.0f} ms" if r.target is not None else ""
            in_time = "" if r.target is None else ("yes" if r.ours < r.target else "NO")
            within = "" if r.raw is None else ("yes" if r.ours <= 2 * r.raw else "NO")
            print(
                f"{r.name:<44} {r.ours:9.2f} ms {raw:>12} {ratio:>8}  {target:<9} "
                f"{in_time:<7} {within}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_records")
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--workspace", type=Path)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--skip-gui", action="store_true")
    parser.add_argument(
        "--only", default=",".join(PARTS), help="comma-separated: " + ",".join(PARTS)
    )
    parser.add_argument(
        "--cache-kib",
        type=int,
        help="what-if: every connection (talkdesk's and raw SQL's) with this page cache",
    )
    args = parser.parse_args(argv)
    folder = args.workspace or Path(f"/tmp/talkdesk-bench-{args.people}x{args.years}")
    if not (folder / "keys.json").exists():
        print(f"no workspace in {folder}: build it with `python -m tests.benchmarks.run` first")
        return 1
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    if args.cache_kib:
        from talkdesk.storage import engine

        engine._SET["cache_size"] = str(-args.cache_kib)  # set on each connection as it opens
    session = _session(folder)
    session.unlock_with_password(PASSWORD)  # the remembered-key setting is left as it is
    report = _Report()
    print(f"load before: {_load()}", flush=True)
    bench = _Bench(app, session, folder, args.repeat, not args.skip_gui, report, args.cache_kib)
    try:
        print(f"\n{'':<44} {'talkdesk':>12} {'raw SQL':>12} {'ratio':>8}")
        for part in parts:
            getattr(bench, part)()
            print(f"  (load now: {_load()})", flush=True)
    finally:
        bench.close()
        session.lock()
    report.summary()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nload after: {_load()}; peak RSS of this process {peak:.0f} MB")
    return 0


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} CPUs"


def _application() -> Any:
    """An offscreen application in the program's font and stylesheet."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from talkdesk.ui import style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply(app)
    previous = qInstallMessageHandler(None)

    def quiet(kind: Any, context: Any, message: str) -> None:
        if "propagateSizeHints" not in message:  # the offscreen platform says so per window
            previous(kind, context, message) if previous else print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    return app


# -- timing -----------------------------------------------------------------------------


def _median_ms(
    work: Callable[[], object], repeat: int, after: Callable[[], object] | None = None
) -> float:
    """Median of `repeat` timed runs after a warm-up run; `after` runs untimed after each."""
    times = []
    for i in range(repeat + 1):
        start = time.perf_counter()
        work()
        took = time.perf_counter() - start
        if after is not None:
            after()
        if i:
            times.append(took)
    return statistics.median(times) * 1000


class _Painted:
    """When a widget was last painted (an event filter on it)."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        paint = QEvent.Type.Paint
        watch = self

        class Filter(QObject):
            def eventFilter(self, _obj: Any, event: Any) -> bool:
                if event.type() == paint:
                    watch.at = time.perf_counter()
                return False

        self.at = 0.0
        self._filter = Filter(widget)
        widget.installEventFilter(self._filter)


# -- the benchmark ------------------------------------------------------------------------


class _Bench:
    """The four parts; each prints its lines as it goes and adds them to the report."""

    def __init__(
        self,
        app: Any,
        session: Any,
        folder: Path,
        repeat: int,
        gui: bool,
        report: _Report,
        cache_kib: int | None = None,
    ) -> None:
        import sqlcipher3
        from PySide6.QtCore import QTimer

        from talkdesk.services.bundle import Services
        from talkdesk.ui.tasks import TaskRunner

        self.app = app
        self.session = session
        self.repeat = repeat
        self.gui = gui
        self.report = report
        self.services = Services(session)
        self.runner = TaskRunner()
        self.today = NOW.date()
        key = session.context.db.data_key()
        self.raw = sqlcipher3.connect(
            str(folder / "talkdesk.db"), check_same_thread=False, isolation_level=None
        )
        self.raw.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        self.raw.execute("PRAGMA busy_timeout = 20000").fetchall()
        self.raw.execute("PRAGMA synchronous = FULL").fetchall()  # as talkdesk writes
        if cache_kib:
            self.raw.execute(f"PRAGMA cache_size = {-cache_kib}").fetchall()
        self._form_stays_open = False
        self._tick = QTimer()  # wakes the waiting loop now and then (see `_until`)
        self._tick.setInterval(10)
        self._tick.start()

    def close(self) -> None:
        self._tick.stop()
        self.runner.shutdown()
        self.raw.close()

    def q(self, sql: str, *params: Any) -> list[Any]:
        return self.raw.execute(sql, params).fetchall()

    def _until(self, done: Callable[[], bool], timeout: float = 60.0) -> None:
        """Run the event loop (as the program's would: waiting for events) until `done()`."""
        from PySide6.QtCore import QEventLoop

        flags = (
            QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
        )
        deadline = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > deadline:
                raise RuntimeError("the screen did not finish in time")
            self.app.processEvents(flags)

    def _flush_deletes(self) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    # -- the talk record ------------------------------------------------------------------

    def form(self) -> None:
        from PySide6.QtWidgets import QWidget

        from talkdesk.services.follow_ups import FollowUpFilter
        from talkdesk.services.query import Page
        from talkdesk.services.talks import TalkFilter
        from talkdesk.ui.pages.talk_form import TalkFormLauncher

        talk_id, person_id, talks, open_items = self.q(
            "SELECT t.id, t.person_id,"
            " (SELECT count(*) FROM talk x WHERE x.person_id = t.person_id),"
            " (SELECT count(*) FROM follow_up f"
            f" WHERE f.person_id = t.person_id AND f.status IN {OPEN})"
            " FROM talk t JOIN person p ON p.id = t.person_id"
            " WHERE t.state = 'draft' AND p.active ORDER BY 4 DESC, 3 DESC, t.id LIMIT 1"
        )[0]
        final_id = self.q(
            "SELECT id FROM talk WHERE person_id = ? AND state = 'final'"
            " ORDER BY held_at DESC LIMIT 1",
            person_id,
        )[0][0]
        print(
            f"talk record: draft {talk_id}, its person has {talks} talks and {open_items} open "
            f"follow-ups; finalised record {final_id}",
            flush=True,
        )
        services = self.services
        host = QWidget()
        host.resize(1280, 740)
        launcher = TalkFormLauncher(services, self.runner, host)
        follow_ups, talk_service = services.follow_ups, services.talks

        def ours() -> object:
            opened = launcher._read(talk_id)  # the draft is noted as open, as the form does
            items = follow_ups.list_follow_ups(FollowUpFilter(person_id=person_id, open_only=True))
            own = {r.id for r in follow_ups.list_follow_ups(FollowUpFilter(talk_id=talk_id))}
            recent = talk_service.list_talks(TalkFilter(person_id=person_id), page=Page(limit=2))
            return opened, [r for r in items if r.id not in own], recent

        def closed() -> None:
            talk_service.set_editing(talk_id, False)

        def raw() -> object:
            return self._raw_form(talk_id, person_id)

        def raw_closed() -> None:
            self._raw_note_open(talk_id, False)

        check_ours, check_raw = ours(), raw()
        closed()
        raw_closed()
        opened = check_ours[0]
        assert opened.detail is not None and opened.detail.id == check_raw[1][0]
        assert len(opened.choices.people) == len(check_raw[0])
        assert [r.id for r in check_ours[1]] == [r[0] for r in check_raw[5]]
        self.report.add(
            "talk record reads (draft + carry-over)",
            _median_ms(ours, self.repeat, closed),
            _median_ms(raw, self.repeat, raw_closed),
            None,
            f"{len(opened.choices.people)} people, {len(check_ours[1])} open follow-ups",
        )
        if not self.gui:
            return
        try:
            self._form_gui(launcher, host, talk_id, person_id, final_id)
        finally:
            if launcher.form is not None:
                self._close_form(launcher.form)
            self._until(lambda: self.runner.pending == 0)
            self._flush_deletes()
            closed()  # whatever happened, the draft is not left noted as open
            host.deleteLater()
            self._flush_deletes()

    def _form_gui(
        self, launcher: Any, host: Any, talk_id: int, person_id: int, final_id: int
    ) -> None:
        runner = self.runner
        state: dict[str, Any] = {}

        def opened(form: Any) -> None:
            state["form"] = form
            state["painted"] = _Painted(form)

        def busy(is_busy: bool) -> None:
            if not is_busy:
                state["idle"] = time.perf_counter()

        launcher.opened.connect(opened)
        runner.busy_changed.connect(busy)
        host.show()

        def once(start: Callable[[], None], want_items: bool) -> float:
            state.clear()
            began = time.perf_counter()
            start()
            self._until(
                lambda: (
                    "form" in state
                    and runner.pending == 0
                    and "idle" in state
                    and state["painted"].at > 0
                )
            )
            ended = max(state["painted"].at, state["idle"])
            form = state["form"]
            if want_items and not form.carry_over.item_ids():
                raise RuntimeError("the carry-over was not filled")
            self._close_form(form)
            self._until(lambda: runner.pending == 0)
            self._flush_deletes()
            return (ended - began) * 1000

        def median(start: Callable[[], None], want_items: bool) -> float:
            runs = [once(start, want_items) for _ in range(self.repeat + 1)]
            return statistics.median(runs[1:])

        self.report.add(
            "talk record shown, draft + carry-over",
            median(lambda: launcher.open_talk(talk_id), True),
            None,
            100,
        )
        self.report.add(
            "new talk with the person + carry-over",
            median(lambda: launcher.new_talk_with(person_id), True),
            None,
            100,
        )
        self.report.add(
            "finalised talk record shown (read-only)",
            median(lambda: launcher.open_talk(final_id), False),
            None,
            100,
        )
        launcher.opened.disconnect(opened)
        runner.busy_changed.disconnect(busy)

    def _close_form(self, form: Any) -> None:
        """Close the form as its Close button does; one that stays open is said once and
        deleted, so that forms do not pile up and slow the runs after it."""
        form.close()
        if form.isVisible():
            if not self._form_stays_open:
                print("  NOTE: TalkForm.close() left the form open (it is deleted by hand)")
                self._form_stays_open = True
            form.hide()
            form.deleteLater()

    def _raw_form(self, talk_id: int, person_id: int) -> tuple[Any, ...]:
        q = self.q
        people = q(PEOPLE_SQL, 5000)
        detail = q(TALK_DETAIL_SQL, talk_id)[0]
        amendments = q(
            "SELECT created_at, reason, text FROM talk_amendment WHERE talk_id = ?"
            " ORDER BY created_at, id",
            talk_id,
        )
        self._raw_note_open(talk_id, True)
        items = q(
            ITEM_COLUMNS + " WHERE f.talk_id = ? ORDER BY f.due_on IS NULL, f.due_on, f.id LIMIT ?",
            talk_id,
            PAGE,
        )
        templates = q(
            "SELECT id, uuid, name, builtin, prompts FROM template ORDER BY builtin DESC, id"
        )
        open_items = q(
            ITEM_COLUMNS
            + f" WHERE f.person_id = ? AND f.status IN {OPEN}"
            + " ORDER BY f.due_on IS NULL, f.due_on, f.id LIMIT ?",
            person_id,
            PAGE,
        )
        own = {r[0] for r in items}
        last = q(
            TALK_COLUMNS + " WHERE t.person_id = ? ORDER BY t.held_at DESC, t.id DESC LIMIT 2",
            person_id,
        )
        return (
            people,
            detail,
            amendments,
            items,
            templates,
            [r for r in open_items if r[0] not in own],
            last,
        )

    def _raw_note_open(self, talk_id: int, editing: bool) -> None:
        """What `TalksService.set_editing` writes, in one transaction."""
        raw = self.raw
        raw.execute("BEGIN")
        found = raw.execute("SELECT value FROM workspace_info WHERE key = 'open_drafts'").fetchone()
        ids = (
            {i for i in json.loads(found[0]) if isinstance(i, int)} if found and found[0] else set()
        )
        if (talk_id in ids) != editing:
            raw.execute("DELETE FROM workspace_info WHERE key = 'open_drafts'")
            raw.execute(
                "INSERT INTO workspace_info (key, value) VALUES ('open_drafts', ?)",
                (json.dumps(sorted(ids ^ {talk_id})),),
            )
        raw.execute("COMMIT")

    # -- the Follow-ups page -----------------------------------------------------------------

    def follow_ups(self) -> None:
        from talkdesk.domain.values import FollowUpSource
        from talkdesk.services.follow_ups import FollowUpFilter, ticket_text
        from talkdesk.services.query import Page
        from talkdesk.ui.pages.follow_up_filters import FollowUpFilterBar

        handler = self.q(
            "SELECT handler FROM follow_up WHERE handler != '' GROUP BY handler"
            " ORDER BY count(*) DESC LIMIT 1"
        )[0][0]
        department = self.q(
            "WITH RECURSIVE sub(root, id) AS (SELECT id, id FROM department"
            " UNION ALL SELECT sub.root, d.id FROM department d JOIN sub ON d.parent_id = sub.id)"
            " SELECT sub.root FROM sub JOIN person p ON p.department_id = sub.id"
            " JOIN follow_up f ON f.person_id = p.id"
            " GROUP BY sub.root ORDER BY count(*) DESC LIMIT 1"
        )[0][0]
        person_id, name = self.q(
            "SELECT p.id, p.name FROM follow_up f JOIN person p ON p.id = f.person_id"
            " GROUP BY p.id ORDER BY count(*) DESC LIMIT 1"
        )[0]
        ticket = self.q(
            "SELECT ticket_code FROM follow_up WHERE ticket_code IS NOT NULL ORDER BY id LIMIT 1"
        )[0][0]
        talk_source, box = FollowUpSource.TALK.value, FollowUpSource.SUGGESTION_BOX.value
        cases = [
            _Case("status: all"),
            _Case("status: not closed (the page's default)", status="not_closed"),
            _Case("status: overdue", status="overdue"),
            _Case("status: awaiting feedback", status="feedback_owed"),
            _Case("status: open", status="open"),
            _Case("status: in progress", status="in_progress"),
            _Case("status: resolved", status="resolved"),
            _Case("status: cannot be resolved", status="unresolvable"),
            _Case("handler (biggest), all statuses", handler=handler),
            _Case("handler (biggest), not closed", status="not_closed", handler=handler),
            _Case("department (biggest), all statuses", department=department),
            _Case("department (biggest), not closed", status="not_closed", department=department),
            _Case("source: suggestion box, all statuses", source=box),
            _Case("source: talk, not closed", status="not_closed", source=talk_source),
            _Case("due: overdue, all statuses", due="overdue"),
            _Case("due: within 7 days", due="week"),
            _Case("due: within 30 days", due="month"),
            _Case("due: none", due="none"),
            _Case("person's name typed, all statuses", text=name),
            _Case("person's name typed, not closed", status="not_closed", text=name),
            _Case("word typed (培训), all statuses", text="培训"),
            _Case("word typed (心理健康), not closed", status="not_closed", text="心理健康"),
            _Case("ticket code typed, all statuses", text=ticket_text(ticket)),
        ]
        bar = FollowUpFilterBar()
        bar.show_handlers(self.services.follow_ups.handlers())
        bar.show_departments(self.services.people.departments())
        filters = []
        for case in cases:
            case.apply(bar)
            filters.append((case.name, bar.filter(self.today)))
        filters.append(("a person's items (their page)", FollowUpFilter(person_id=person_id)))
        filters.append(
            (
                "a person's open items (carry-over)",
                FollowUpFilter(person_id=person_id, open_only=True),
            )
        )
        service = self.services.follow_ups
        worst: tuple[float, str] = (0.0, "")
        worst_ratio: tuple[float, str] = (0.0, "")
        for name, flt in filters:

            def ours(flt: FollowUpFilter = flt) -> tuple[list[Any], int]:
                return service.list_follow_ups(flt, page=Page(0, PAGE)), service.count_follow_ups(
                    flt
                )

            def raw(flt: FollowUpFilter = flt) -> tuple[list[Any], int]:
                return self._raw_follow_ups(flt)

            rows, total = ours()
            raw_rows, raw_total = raw()
            if [r.id for r in rows] != [r[0] for r in raw_rows] or total != raw_total:
                raise RuntimeError(f"{name}: raw SQL and the service disagree")
            mine, theirs = _median_ms(ours, self.repeat), _median_ms(raw, self.repeat)
            self.report.add("list+count " + name, mine, theirs, None, f"{total} items")
            worst = max(worst, (mine, name))
            worst_ratio = max(worst_ratio, (mine / theirs, name))
        print(
            f"  worst service time: {worst[0]:.2f} ms ({worst[1]}); "
            f"worst ratio: {worst_ratio[0]:.2f}x ({worst_ratio[1]})"
        )
        bar.deleteLater()
        if self.gui:
            self._follow_ups_gui(cases)

    def _follow_ups_gui(self, cases: list[_Case]) -> None:
        from talkdesk.ui.pages.follow_ups_page import FollowUpsPage

        runner = self.runner

        # the page shown for the first time: made, shown, its choices and first page read
        def first_show() -> float:
            began = time.perf_counter()
            page = FollowUpsPage(self.services, runner)
            page.resize(1190, 680)
            painted = _Painted(page.table.viewport())
            loaded: list[float] = []
            page.model.loaded.connect(lambda: loaded.append(time.perf_counter()))
            page.show()
            self._until(lambda: bool(loaded) and painted.at > loaded[0])
            took = painted.at - began
            self._until(lambda: runner.pending == 0)
            page.close()
            page.deleteLater()
            self._flush_deletes()
            return took * 1000

        runs = [first_show() for _ in range(max(3, self.repeat // 3) + 1)]
        self.report.add(
            "Follow-ups page first shown (default)", statistics.median(runs[1:]), None, 150
        )

        page = FollowUpsPage(self.services, runner)
        page.resize(1190, 680)
        page.show()
        self._until(lambda: page.model.total is not None and runner.pending == 0)
        painted = _Painted(page.table.viewport())
        loaded: list[float] = []
        page.model.loaded.connect(lambda: loaded.append(time.perf_counter()))
        neutral = _Case("neutral", status="in_progress", source="suggestion_box")

        def settle() -> None:
            self._until(lambda: runner.pending == 0 and not page.model.loading)
            self.app.processEvents()

        def once(case: _Case) -> float:
            neutral.choose(page)
            settle()
            loaded.clear()
            began = time.perf_counter()
            case.choose(page)
            self._until(lambda: bool(loaded) and painted.at > loaded[0])
            took = painted.at - began
            settle()
            return took * 1000

        worst: tuple[float, str] = (0.0, "")
        for case in cases:
            runs = [once(case) for _ in range(self.repeat + 1)]
            took = statistics.median(runs[1:])
            rows = page.model.rowCount()
            self.report.add("page " + case.name, took, None, 150, f"{rows} rows shown")
            worst = max(worst, (took, case.name))
        print(f"  worst first screen: {worst[0]:.1f} ms ({worst[1]})")
        page.close()
        page.deleteLater()
        self._flush_deletes()

    def _raw_follow_ups(self, flt: Any) -> tuple[list[Any], int]:
        """The page and the count, in plain SQL (no index hints, no two-step paging)."""
        from talkdesk.domain.recovery import ALPHABET
        from talkdesk.domain.search_terms import match_expression
        from talkdesk.services.follow_ups import TICKET_LEN, normalise_ticket
        from talkdesk.services.query import like_pattern

        where: list[str] = []
        params: list[Any] = []
        on_person = False
        if flt.status is not None:
            where.append("f.status = ?")
            params.append(flt.status.value)
        if flt.open_only:
            where.append(f"f.status IN {OPEN}")
        if flt.person_id is not None:
            where.append("f.person_id = ?")
            params.append(flt.person_id)
        if flt.talk_id is not None:
            where.append("f.talk_id = ?")
            params.append(flt.talk_id)
        if flt.department_id is not None:
            on_person = True
            where.append(
                "p.department_id IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL"
                " SELECT d.id FROM department d JOIN sub ON d.parent_id = sub.id)"
                " SELECT id FROM sub)"
            )
            params.append(flt.department_id)
        if flt.handler is not None:
            where.append("f.handler = ?")
            params.append(flt.handler)
        if flt.source is not None:
            where.append("f.source = ?")
            params.append(flt.source.value)
        if flt.overdue_on is not None:
            where.append(f"f.status IN {OPEN} AND f.due_on < ?")
            params.append(flt.overdue_on.isoformat())
        if flt.due_from is not None:
            where.append("f.due_on >= ?")
            params.append(flt.due_from.isoformat())
        if flt.feedback_owed:
            where.append(
                f"f.status IN {CLOSED} AND f.feedback_on IS NULL"
                " AND (f.person_id IS NOT NULL OR f.ticket_code IS NOT NULL)"
            )
        if flt.no_due:
            where.append("f.due_on IS NULL")
        text = flt.text.strip()
        if text:
            lowered = text.lower()
            anyof = [
                "f.person_id IN (SELECT id FROM person WHERE name LIKE ? ESCAPE '\\'"
                " OR pinyin LIKE ? ESCAPE '\\' OR initials LIKE ? ESCAPE '\\')"
            ]
            prefix = like_pattern(lowered.replace(" ", ""), prefix_only=True)
            params += [like_pattern(lowered), prefix, prefix]
            words = match_expression(text)
            if words is not None:
                anyof.append(
                    f"f.id IN (SELECT rowid & {ID_MASK} FROM follow_up_fts"
                    " WHERE follow_up_fts MATCH ?)"
                )
                params.append(words)
            code = normalise_ticket(text)
            if len(code) == TICKET_LEN and all(ch in ALPHABET for ch in code):
                anyof.append("(f.person_id IS NULL AND f.ticket_code = ?)")
                params.append(code)
            where.append("(" + " OR ".join(anyof) + ")")
        condition = (" WHERE " + " AND ".join(where)) if where else ""
        rows = self.q(
            ITEM_COLUMNS + condition + " ORDER BY f.due_on IS NULL, f.due_on, f.id LIMIT ?",
            *params,
            PAGE,
        )
        joined = " LEFT JOIN person p ON p.id = f.person_id" if on_person else ""
        total = self.q("SELECT count(*) FROM follow_up f" + joined + condition, *params)[0][0]
        return rows, total

    # -- search ------------------------------------------------------------------------------

    def search(self) -> None:
        search = self.services.search
        for term in SEARCH_TERMS:
            result = search.search(term, limit=HITS)
            hits, counts = self._raw_search(term)
            if [(h.kind.value, h.id) for h in result.hits] != hits or counts != (
                result.talk_count,
                result.follow_up_count,
            ):
                raise RuntimeError(f"search {term}: raw SQL and the service disagree")
            self.report.add(
                f"search {term} (first {HITS}, counts, snippets)",
                _median_ms(lambda term=term: search.search(term, limit=HITS), self.repeat),
                _median_ms(lambda term=term: self._raw_search(term), self.repeat),
                50,
                f"{result.talk_count} talks, {result.follow_up_count} follow-ups",
            )

    def _raw_search(self, term: str) -> tuple[list[tuple[str, int]], tuple[int, int]]:
        """The newest hits of both indexes inside FTS, the counts, then the hits' rows with the
        text their snippets come from."""
        from talkdesk.domain.search_terms import match_expression

        expr = match_expression(term)
        keys: list[tuple[int, str]] = []
        counts = []
        for table, kind in (("talk_fts", "talk"), ("follow_up_fts", "follow_up")):
            found = [
                r[0]
                for r in self.raw.execute(
                    f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?",
                    (expr, HITS + 1),
                )
            ]
            if len(found) > HITS:
                counts.append(
                    self.q(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", expr)[0][0]
                )
            else:
                counts.append(len(found))
            keys += [(k, kind) for k in found]
        chosen = sorted(keys, reverse=True)[:HITS]
        talk_ids = [k & ID_MASK for k, kind in chosen if kind == "talk"]
        item_ids = [k & ID_MASK for k, kind in chosen if kind == "follow_up"]
        marks = ",".join("?" * len(talk_ids)) or "NULL"
        self.q(
            TALK_COLUMNS.replace(
                "SELECT",
                "SELECT n.content, n.problems, n.suggestions, n.private_notes, n.care_reason,",
                1,
            )
            + f" LEFT JOIN talk_note n ON n.talk_id = t.id WHERE t.id IN ({marks})",
            *talk_ids,
        )
        self.q(
            f"SELECT talk_id, text FROM talk_amendment WHERE talk_id IN ({marks})"
            " ORDER BY created_at, id",
            *talk_ids,
        )
        marks = ",".join("?" * len(item_ids)) or "NULL"
        self.q(
            ITEM_COLUMNS.replace("SELECT", "SELECT f.detail, f.resolution, f.feedback_text,", 1)
            + f" WHERE f.id IN ({marks})",
            *item_ids,
        )
        return [(kind, k & ID_MASK) for k, kind in chosen], (counts[0], counts[1])

    # -- a person's timeline -------------------------------------------------------------------

    def person(self) -> None:
        person_id, talks = self.q(
            "SELECT person_id, count(*) FROM talk GROUP BY person_id ORDER BY 2 DESC LIMIT 1"
        )[0]
        items = self.q("SELECT count(*) FROM follow_up WHERE person_id = ?", person_id)[0][0]
        print(f"person {person_id}: {talks} talks, {items} follow-ups", flush=True)
        profiles, coverage = self.services.profiles, self.services.coverage
        timeline = profiles.timeline(person_id)
        raw_talks, raw_items, _, _ = self._raw_timeline(person_id)
        ours_ids = sorted((r.kind.value, r.id) for r in timeline.rows)
        raw_ids = [("talk", r[0]) for r in raw_talks] + [("follow_up", r[0]) for r in raw_items]
        if not set(ours_ids) <= set(raw_ids) or (timeline.talks, timeline.follow_ups) != (
            talks,
            items,
        ):
            raise RuntimeError("timeline: raw SQL and the service disagree")
        self.report.add(
            "person's timeline (newest 200 + counts)",
            _median_ms(lambda: profiles.timeline(person_id), self.repeat),
            _median_ms(lambda: self._raw_timeline(person_id), self.repeat),
            100,
            f"{len(timeline.rows)} of {timeline.total} lines",
        )
        profile = profiles.profile(person_id)
        raw_profile = _median_ms(lambda: self._raw_profile(person_id), self.repeat)
        self.report.add(
            "person's profile (plans cached)",
            _median_ms(lambda: profiles.profile(person_id), self.repeat),
            raw_profile,
            100,
            f"{len(profile.plans)} plan lines, {len(profile.triggers)} triggers",
        )

        def fresh() -> object:
            coverage._cached = None  # as after a change: coverage is worked out again
            return profiles.profile(person_id)

        self.report.add(
            "person's profile (plans recomputed)",
            _median_ms(fresh, max(3, self.repeat // 3)),
            None,
            None,
            f"as after a change; raw SQL of the rest: {raw_profile:.2f} ms",
        )
        if self.gui:
            other = self.q(
                "SELECT id FROM person WHERE active AND id != ? ORDER BY id LIMIT 1", person_id
            )[0][0]
            self._person_gui(person_id, other)

    def _person_gui(self, person_id: int, other: int) -> None:
        from talkdesk.ui.pages.person_view import PersonView

        runner = self.runner
        view = PersonView(self.services, runner)
        view.resize(1190, 680)
        view.show()
        painted = _Painted(view.timeline_table.viewport())
        shown: list[float] = []
        view.shown.connect(lambda: shown.append(time.perf_counter()))
        self.services.profiles.profile(person_id)  # the plans' coverage is cached, as in use

        def once() -> float:
            view.show_person(other)
            self._until(lambda: bool(shown) and runner.pending == 0)
            self.app.processEvents()
            shown.clear()
            began = time.perf_counter()
            view.show_person(person_id)
            self._until(lambda: bool(shown) and painted.at > shown[0])
            return (painted.at - began) * 1000

        runs = [once() for _ in range(self.repeat + 1)]
        rows = view.timeline_model.rowCount()
        self.report.add(
            "person view shown (switch to them)",
            statistics.median(runs[1:]),
            None,
            100,
            f"{rows} rows",
        )
        view.close()
        view.deleteLater()
        self._flush_deletes()

    def _raw_timeline(self, person_id: int) -> tuple[Any, Any, int, int]:
        q = self.q
        return (
            q(
                "SELECT t.id, t.held_at, k.name, t.kind, t.topics, t.care_level, t.state"
                " FROM talk t JOIN person k ON k.id = t.talker_id WHERE t.person_id = ?"
                " ORDER BY t.held_at DESC, t.id DESC LIMIT ?",
                person_id,
                PAGE,
            ),
            q(
                "SELECT id, created_at, handler, title, status, due_on FROM follow_up"
                " WHERE person_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                person_id,
                PAGE,
            ),
            q("SELECT count(*) FROM talk WHERE person_id = ?", person_id)[0][0],
            q("SELECT count(*) FROM follow_up WHERE person_id = ?", person_id)[0][0],
        )

    def _raw_profile(self, person_id: int) -> object:
        q = self.q
        return (
            q(PERSON_SQL, person_id),
            self._raw_timeline(person_id),
            q("SELECT max(held_at) FROM talk WHERE person_id = ?", person_id),
            q(
                f"SELECT count(*) FROM follow_up WHERE person_id = ? AND status IN {OPEN}",
                person_id,
            ),
            q(
                "SELECT g.id, g.kind, g.occurred_on, g.due_on, g.note, g.talk_id, a.held_at"
                " FROM talk_trigger g LEFT JOIN talk a ON a.id = g.talk_id WHERE g.person_id = ?",
                person_id,
            ),
        )


@dataclass
class _Case:
    """One setting of the Follow-ups page's filter bar (the values its combos hold)."""

    name: str
    status: str = "all"
    due: str = "any"
    handler: str | None = None
    department: int | None = None
    source: str | None = None
    text: str = ""

    def apply(self, bar: Any) -> None:
        """Set every filter of the bar without telling anyone."""
        values = (self.status, self.due, self.handler, self.department, self.source)
        widgets = (*bar.combos(), bar.search_edit)
        for widget in widgets:
            widget.blockSignals(True)
        for combo, value in zip(bar.combos(), values, strict=True):
            index = combo.findData(value)
            if index < 0:
                raise RuntimeError(f"{self.name}: no {value!r} to choose")
            combo.setCurrentIndex(index)
        bar.search_edit.setText(self.text)
        for widget in widgets:
            widget.blockSignals(False)

    def choose(self, page: Any) -> None:
        """As one user action: the filters set, then the bar says it changed (a combo chosen,
        or Enter pressed in the search box)."""
        self.apply(page.filters)
        page.filters.changed.emit()


# -- statements ---------------------------------------------------------------------------

PEOPLE_SQL = """
SELECT p.id, p.uuid, p.name, p.department_id, coalesce(d.name, ''), p.position, p.gender,
       p.phone, p.party_member, p.joined_on, p.is_leader, p.active, p.left_on
FROM person p LEFT JOIN department d ON d.id = p.department_id
WHERE p.active ORDER BY p.pinyin, p.id LIMIT ?"""
PERSON_SQL = PEOPLE_SQL.replace("WHERE p.active ORDER BY p.pinyin, p.id LIMIT ?", "WHERE p.id = ?")

TALK_COLUMNS = """
SELECT t.id, t.uuid, t.held_at, t.person_id, p.name, coalesce(d.name, ''), t.talker_id,
       k.name, t.kind, t.topics, t.care_level, t.state, t.place
FROM talk t JOIN person p ON p.id = t.person_id JOIN person k ON k.id = t.talker_id
LEFT JOIN department d ON d.id = p.department_id"""
TALK_DETAIL_SQL = (
    TALK_COLUMNS.replace(
        "t.place",
        "t.place, t.recorder, t.others_present, t.finalised_at, n.content, n.problems,"
        " n.suggestions, n.care_reason, n.private_notes",
    )
    + " LEFT JOIN talk_note n ON n.talk_id = t.id WHERE t.id = ?"
)

ITEM_COLUMNS = """
SELECT f.id, f.uuid, f.title, f.person_id, coalesce(p.name, ''), coalesce(d.name, ''),
       f.source, f.handler, f.due_on, f.status, f.feedback_on, f.created_at, f.ticket_code
FROM follow_up f LEFT JOIN person p ON p.id = f.person_id
LEFT JOIN department d ON d.id = p.department_id"""


if __name__ == "__main__":
    raise SystemExit(main())
