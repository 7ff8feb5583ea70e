"""`talkdesk export report` on a demo workspace: the Word report of a quarter or half-year with
the statistics' figures and the charts drawn without a screen; mistakes are one translated
line, a failure status and no file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import text

from talkdesk.app.main import main
from talkdesk.reports.report_texts import CONFIDENTIAL
from talkdesk.services.bundle import Services
from talkdesk.services.statistics_figures import ReportPeriod
from tests.helpers.demo import add_private_talk, small_demo

PASSWORD = "Demo pass 12345"
PRIVATE = "私密笔记：绝不写入报告"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """The command line reuses the test run's Qt application (offscreen) to draw the charts."""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Services]]:
    """A small demo workspace (20 people, a year of talks) and a Q3 talk with private notes."""
    folder = tmp_path_factory.mktemp("demo") / "ws"
    session = small_demo(folder, PASSWORD)
    services = Services(session)
    add_private_talk(services, datetime(2026, 8, 3, 9, 0), PRIVATE)
    try:
        yield folder, services
    finally:
        session.lock()


def export(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *extra: str
) -> tuple[int, str, str]:
    monkeypatch.setenv("TALKDESK_PASSWORD", PASSWORD)
    code = main(["export", "report", "--data-dir", str(folder), *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


def audits(services: Services) -> list[tuple[str, int]]:
    with services.session.context.db.reading() as conn:
        rows = conn.execute(
            text("SELECT entity, count FROM audit_event WHERE action = 'exported' ORDER BY id")
        ).all()
    return [(e, c) for e, c in rows]


def indicator(document: object, name: str) -> list[str]:
    table = document.tables[0]  # type: ignore[attr-defined]
    return next([c.text for c in row.cells] for row in table.rows if row.cells[0].text == name)


def test_the_report_of_a_quarter(
    demo: tuple[Path, Services],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, services = demo
    out = tmp_path / "report.docx"
    before = audits(services)
    code, stdout, stderr = export(
        folder, capsys, monkeypatch, "--period", "2026Q3", "--out", str(out), "--lang", "en"
    )
    assert code == 0, stderr
    assert f"Evaluation report for Q3 2026 written to {out}." in stdout
    assert "not encrypted" in stdout and "内部资料" not in stdout

    document = Document(str(out))
    lines = [p.text for p in document.paragraphs]
    assert lines[0].endswith("evaluation report on one-to-one talks, Q3 2026")
    stats = services.statistics.compute(ReportPeriod.parse("2026Q3"))
    previous = services.statistics.compute(ReportPeriod.parse("2026Q2"))
    assert indicator(document, "Talks held")[1:3] == [str(stats.talks), str(previous.talks)]
    assert indicator(document, "Follow-ups opened")[1:3] == [
        str(stats.follow_ups.opened),
        str(previous.follow_ups.opened),
    ]
    assert len(document.inline_shapes) >= 4  # the charts, drawn offscreen
    assert CONFIDENTIAL not in lines
    body = "\n".join(t.text or "" for t in document.element.body.iter())
    assert PRIVATE not in body
    after = audits(services)
    assert after[: len(before)] == before and len(after) == len(before) + 1
    assert after[-1][0] == "report"


def test_a_half_year_with_care_details_in_chinese(
    demo: tuple[Path, Services],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, _ = demo
    out = tmp_path / "半年报告.DOCX"
    code, stdout, stderr = export(
        folder,
        capsys,
        monkeypatch,
        "--period",
        "2026h1",
        "--include-care",
        "--out",
        str(out),
        "--lang",
        "zh_CN",
    )
    assert code == 0, stderr
    assert "2026年上半年评估报告已保存到" in stdout and "内部资料 注意保密" in stdout
    lines = [p.text for p in Document(str(out)).paragraphs]
    assert lines[0] == CONFIDENTIAL
    assert lines[1].endswith("2026年上半年谈心谈话工作评估报告")
    assert "一、总体情况" in lines


@pytest.mark.parametrize(
    ("period", "out", "message"),
    [
        ("2026Q5", "r.docx", "2026Q5 is not a quarter or half-year; write it as 2026Q3 or 2026H2."),
        ("2026", "r.docx", "2026 is not a quarter or half-year; write it as 2026Q3 or 2026H2."),
        (
            "2026-03",
            "r.docx",
            "2026-03 is not a quarter or half-year; write it as 2026Q3 or 2026H2.",
        ),
        ("third", "r.docx", "third is not a quarter or half-year; write it as 2026Q3 or 2026H2."),
        ("2099Q1", "r.docx", "2099Q1 has not begun yet: choose a period that has."),
        (
            "2026Q3",
            "r.pdf",
            "The evaluation report is written as a .docx document, not r.pdf.",
        ),
    ],
    ids=["quarter-5", "year", "month", "word", "future", "pdf"],
)
def test_mistakes_are_one_line_and_write_nothing(
    demo: tuple[Path, Services],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    period: str,
    out: str,
    message: str,
) -> None:
    folder, services = demo
    before = audits(services)
    code, stdout, stderr = export(
        folder, capsys, monkeypatch, "--period", period, "--out", str(tmp_path / out)
    )
    assert code != 0
    assert stderr.strip() == message
    assert stdout == ""
    assert list(tmp_path.iterdir()) == []
    assert audits(services) == before


def test_a_bad_period_is_said_in_chinese(
    demo: tuple[Path, Services],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, _ = demo
    code, _, stderr = export(
        folder,
        capsys,
        monkeypatch,
        "--period",
        "2026Q9",
        "--out",
        str(tmp_path / "r.docx"),
        "--lang",
        "zh_CN",
    )
    assert code != 0
    assert stderr.strip() == "2026Q9 不是季度或半年，请按 2026Q3 或 2026H2 的格式填写。"


def test_an_existing_file_is_kept(
    demo: tuple[Path, Services],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, _ = demo
    existing = tmp_path / "old.docx"
    existing.write_bytes(b"keep me")
    code, _, stderr = export(
        folder, capsys, monkeypatch, "--period", "2026Q3", "--out", str(existing)
    )
    assert code != 0 and "already exists" in stderr
    assert existing.read_bytes() == b"keep me"


def test_it_runs_with_no_screen(demo: tuple[Path, Services], tmp_path: Path) -> None:
    """A fresh process without DISPLAY (a server, a cron job) draws the charts offscreen."""
    folder, _ = demo
    out = tmp_path / "headless.docx"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(TALKDESK_PASSWORD=PASSWORD, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "talkdesk", "export", "report", "--data-dir", str(folder)]
    command += ["--period", "2026Q3", "--out", str(out), "--lang", "en"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(Document(str(out)).inline_shapes) >= 4
