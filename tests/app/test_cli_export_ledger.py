"""`talkdesk export ledger` on a demo workspace: the workbook has the database's rows for the
period and department; mistakes are one translated line, a failure status and no file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from talkdesk.app.main import main
from talkdesk.reports.ledger import CONFIDENTIAL
from talkdesk.services.bundle import Services
from talkdesk.services.ledger import LedgerFilter
from talkdesk.services.talks import TalkFilter
from tests.helpers.demo import add_private_talk, small_demo
from tests.reports.ledger_data import PRIVATE, expected

PASSWORD = "Demo pass 12345"
Q4 = ("2026-10-01", "2026-12-31")


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """The command line reuses the test run's Qt application for its translator."""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Services]]:
    """A small demo workspace (20 people, a year of talks) and one talk with private notes."""
    folder = tmp_path_factory.mktemp("demo") / "ws"
    session = small_demo(folder, PASSWORD)
    services = Services(session)
    add_private_talk(services, datetime(2026, 11, 23, 9, 0), PRIVATE)
    try:
        yield folder, services
    finally:
        session.lock()


def export(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *extra: str
) -> tuple[int, str, str]:
    monkeypatch.setenv("TALKDESK_PASSWORD", PASSWORD)
    code = main(["export", "ledger", "--data-dir", str(folder), *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


def audits(services: Services) -> int:
    with services.session.context.db.reading() as conn:
        return int(
            conn.execute(
                text("SELECT count(*) FROM audit_event WHERE action = 'exported'")
            ).scalar_one()
        )


def test_the_ledger_of_a_department_for_a_quarter(
    demo: tuple[Path, Services],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, services = demo
    in_q4 = services.talks.list_talks(TalkFilter(date_from=date(2026, 10, 1)))
    department = next(r.department_name for r in in_q4 if r.department_name)
    dep_id = next(d.id for d in services.people.departments() if d.name == department)
    out = tmp_path / "台账.xlsx"
    before = audits(services)
    code, stdout, stderr = export(
        folder,
        capsys,
        monkeypatch,
        "--from",
        Q4[0],
        "--to",
        Q4[1],
        "--department",
        department,
        "--out",
        str(out),
    )
    assert code == 0, stderr
    talk_ids, follow_up_ids = expected(
        services, LedgerFilter(date(2026, 10, 1), date(2026, 12, 31), department_id=dep_id)
    )
    assert talk_ids and follow_up_ids
    wb = openpyxl.load_workbook(out)
    talks = list(wb["Talks"].iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in talks] == talk_ids
    assert {r[0] for r in wb["Follow-ups"].iter_rows(min_row=3, values_only=True)} == follow_up_ids
    assert all(isinstance(r[1], datetime) for r in talks)
    assert f"{len(talk_ids)} talks, {len(follow_up_ids)} follow-ups" in stdout
    assert str(out) in stdout and "not encrypted" in stdout
    assert CONFIDENTIAL not in wb["Talks"]["A1"].value
    assert audits(services) == before + 1


def test_the_whole_quarter_with_care_details_and_never_private_notes(
    demo: tuple[Path, Services],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, services = demo
    out = tmp_path / "ledger.xlsx"
    code, stdout, _ = export(
        folder,
        capsys,
        monkeypatch,
        "--from",
        Q4[0],
        "--to",
        Q4[1],
        "--include-care",
        "--out",
        str(out),
    )
    assert code == 0
    assert "内部资料 注意保密" in stdout
    wb = openpyxl.load_workbook(out)
    assert wb["Talks"]["A1"].value.startswith(CONFIDENTIAL)
    talk_ids, _ = expected(services, LedgerFilter(date(2026, 10, 1), date(2026, 12, 31)))
    assert wb["Talks"].max_row == len(talk_ids) + 2
    values = "\n".join(
        str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v
    )
    assert PRIVATE not in values


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--from", "2026-13-01", "--to", Q4[1]],
            "2026-13-01 is not a date; write it as YYYY-MM-DD.",
        ),
        (
            ["--from", "yesterday", "--to", Q4[1]],
            "yesterday is not a date; write it as YYYY-MM-DD.",
        ),
        (
            ["--from", Q4[1], "--to", Q4[0]],
            "The first day (2026-12-31) is after the last day (2026-10-01).",
        ),
        (
            ["--from", Q4[0], "--to", Q4[1], "--department", "没有这个部门"],
            "No department has that name. Write it exactly as on the People page.",
        ),
    ],
    ids=["month", "word", "reversed", "department"],
)
def test_mistakes_are_one_line_and_write_nothing(
    demo: tuple[Path, Services],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    folder, services = demo
    out = tmp_path / "ledger.xlsx"
    before = audits(services)
    code, stdout, stderr = export(folder, capsys, monkeypatch, *args, "--out", str(out))
    assert code != 0
    assert stderr.strip() == message
    assert stdout == ""
    assert list(tmp_path.iterdir()) == []
    assert audits(services) == before


def test_an_existing_file_or_a_wrong_suffix_is_refused(
    demo: tuple[Path, Services],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, _ = demo
    existing = tmp_path / "old.xlsx"
    existing.write_bytes(b"keep me")
    code, _, stderr = export(
        folder, capsys, monkeypatch, "--from", Q4[0], "--to", Q4[1], "--out", str(existing)
    )
    assert code != 0 and "already exists" in stderr
    assert existing.read_bytes() == b"keep me"
    code, _, stderr = export(
        folder,
        capsys,
        monkeypatch,
        "--from",
        Q4[0],
        "--to",
        Q4[1],
        "--out",
        str(tmp_path / "x.csv"),
    )
    assert code != 0 and ".xlsx" in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.xlsx"]


def test_errors_in_chinese(
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
        "--lang",
        "zh_CN",
        "--from",
        "2026-10-01",
        "--to",
        "2026-02-30",
        "--out",
        str(tmp_path / "x.xlsx"),
    )
    assert code != 0
    assert "2026-02-30" in stderr and "YYYY-MM-DD" in stderr and "日期" in stderr
