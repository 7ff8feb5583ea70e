"""`talkdesk due` on a demo workspace: the JSON agrees with the Today page, the text is readable."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from talkdesk.app.demo import make_demo_session
from talkdesk.app.main import main
from talkdesk.domain.clock import FixedClock
from talkdesk.services.bundle import Services
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage.kdf import FAST_KDF
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.ui.navigation import PageId
from talkdesk.ui.pages.today_page import LINES_SHOWN, PLANS_SHOWN, TodayPage
from talkdesk.ui.tasks import TaskRunner

PASSWORD = "Demo pass 12345"
DAY = "2026-11-24"  # the test clock's day


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """The command line reuses the test run's Qt application for its translator."""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, WorkspaceSession]]:
    """A small demo workspace (20 people, a year of talks), open for the page."""
    folder = tmp_path_factory.mktemp("demo") / "ws"
    clock = FixedClock(datetime(2026, 11, 24, 9, 30))
    session, _code = make_demo_session(
        folder, clock, RememberedKeyStore(), FAST_KDF, people=20, years=1, password=PASSWORD
    )
    try:
        yield folder, session
    finally:
        session.lock()


def due(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *extra: str
) -> tuple[int, str, str]:
    monkeypatch.setenv("TALKDESK_PASSWORD", PASSWORD)
    code = main(["due", "--data-dir", str(folder), *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_due_json_agrees_with_the_today_page(
    qtbot: QtBot,
    demo: tuple[Path, WorkspaceSession],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, session = demo
    code, out, err = due(folder, capsys, monkeypatch, "--on", DAY, "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["on"] == DAY and doc["week_end"] == "2026-11-29"
    totals = doc["totals"]
    assert totals["due"] + totals["overdue"] > 0  # the demo has work to do

    runner = TaskRunner()
    try:
        page = TodayPage(Services(session), runner)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.agenda is not None)
        idle_lines = page.lines()
    finally:
        runner.shutdown()
    assert idle_lines

    # the appointments: all of them, in the same order
    appointments = doc["appointments"]["today"] + doc["appointments"]["later_this_week"]
    assert _targets(page.appointments_section) == [f"appointment:{a['id']}" for a in appointments]
    assert page.appointments_section.title_label.text().endswith(f" · {len(appointments)}")

    # who is due or overdue: per plan, the first lines, with the state's colour
    expected = []
    waiting = [plan for plan in doc["plans"] if plan["to_talk"]]
    overdue = [sum(m["state"] == "overdue" for m in plan["to_talk"]) for plan in waiting]
    order = sorted(range(len(waiting)), key=lambda i: (-overdue[i], -len(waiting[i]["to_talk"])))
    for plan in [waiting[i] for i in order][:PLANS_SHOWN]:
        for member in plan["to_talk"][:LINES_SHOWN]:
            expected.append((f"plan:{plan['id']}:person:{member['person_id']}", member["state"]))
    shown = [(line.target, line.state.value) for line in page.plans_section.lines()]
    assert shown == expected
    assert page.plans_section.title_label.text().endswith(f" · {totals['due'] + totals['overdue']}")
    for line in page.plans_section.lines():
        assert line.tag_label.objectName() == f"tag_{line.state.value}"

    # missed periods, triggers, follow-ups
    missed = [
        f"plan:{plan['id']}:person:{m['person_id']}"
        for plan in doc["plans"]
        for m in plan["missed"]
    ]
    assert _targets(page.missed_section) == missed[:LINES_SHOWN]
    assert len(missed) == totals["missed"]
    triggers = [f"person:{t['person_id']}" for t in doc["triggers"]]
    assert _targets(page.triggers_section) == triggers[:LINES_SHOWN]
    follow_ups = doc["follow_ups"]
    assert _targets(page.follow_ups_section) == [
        f"follow_up:{f['id']}"
        for f in follow_ups["overdue"][:LINES_SHOWN] + follow_ups["due"][:LINES_SHOWN]
    ]
    assert page.overdue_card.number_label.text() == str(totals["follow_ups_overdue"])

    # the navigation's count beside Today
    late_triggers = sum(1 for t in doc["triggers"] if t["state"] == "overdue")
    assert page.nav_counts[PageId.TODAY] == (
        totals["due"] + totals["overdue"] + late_triggers + totals["follow_ups_overdue"]
    )
    assert page.nav_counts[PageId.PLANS] == totals["due"] + totals["overdue"]


def _targets(section: Any) -> list[str]:
    return [line.target for line in section.lines()]


def test_due_text_in_english_and_chinese(
    demo: tuple[Path, WorkspaceSession],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, _session = demo
    code, out, _err = due(folder, capsys, monkeypatch, "--on", DAY, "--lang", "en")
    assert code == 0
    assert out.startswith(f"What needs doing on {DAY}")
    assert "Appointments today:" in out and "Triggers waiting:" in out
    assert "Follow-ups overdue:" in out
    assert "Due: " in out and "working day(s))" in out

    code, out, _err = due(folder, capsys, monkeypatch, "--on", DAY, "--lang", "zh_CN")
    assert code == 0
    assert "Appointments" not in out and "Triggers" not in out
    assert "今日预约" in out and "工作日" in out


def test_due_refuses_a_date_it_cannot_read(
    demo: tuple[Path, WorkspaceSession],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, _session = demo
    code, out, err = due(folder, capsys, monkeypatch, "--on", "24.11.2026", "--lang", "en")
    assert code != 0 and out == ""
    assert err.strip() == "24.11.2026 is not a date; write it as YYYY-MM-DD."


def test_due_on_a_missing_workspace_and_its_help(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = due(tmp_path / "none", capsys, monkeypatch, "--lang", "en")
    assert code != 0 and out == "" and len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit):
        main(["due", "--help", "--lang", "en"])
    help_text = capsys.readouterr().out
    assert "--on DATE" in help_text and "--json" in help_text
