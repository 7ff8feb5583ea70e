"""The Excel ledger read back with openpyxl: counts as in the database, real dates, text kept
text, frozen header and filter, care details only when asked, private notes never."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet._writer import ALL_TEMP_FILES
from sqlalchemy import text

from talkdesk.domain.clock import FixedClock
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import FollowUpStatus, TalkKind, TalkState, Topic
from talkdesk.reports.ledger import CONFIDENTIAL, LedgerCancelled, LedgerSources, export_ledger
from talkdesk.services.bundle import Services
from talkdesk.services.ledger import LedgerFilter
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.statistics_figures import PeriodKind, ReportPeriod, StatisticsFilter
from tests.reports.ledger_data import (
    CARE_REASON,
    FORMULA,
    PRIVATE,
    Q4,
    LedgerData,
    build,
    expected,
)

TALK_HEADERS = (
    "Record no.",
    "Date",
    "Person",
    "Department",
    "Position",
    "Talker",
    "Kind of talk",
    "Topics",
    "Place",
    "Others present",
    "Recorder",
    "What was said",
    "Problems raised",
    "Opinions and suggestions",
    "Corrections",
    "Number of follow-ups",
    "State",
)


def english(context: str, source: str) -> str:
    return source


@pytest.fixture
def services(session: WorkspaceSession) -> Services:
    return Services(session)


@pytest.fixture
def data(services: Services, clock: FixedClock) -> LedgerData:
    return build(services, clock)


def export(
    services: Services,
    flt: LedgerFilter,
    path: Path,
    translate: Callable[[str, str], str] = english,
    **kw: Any,
) -> openpyxl.Workbook:
    export_ledger(path, sources(services), flt, translate, **kw)
    return openpyxl.load_workbook(path)


def sources(services: Services) -> LedgerSources:
    return LedgerSources(services.ledger, services.statistics, services.exports)


def rows(ws: Any) -> list[tuple[Any, ...]]:
    """The data rows under the title and the header."""
    return list(ws.iter_rows(min_row=3, values_only=True))


def column(ws: Any, header: str) -> list[Any]:
    """The data cells under a header."""
    index = [c.value for c in ws[2]].index(header)
    return [row[index] for row in ws.iter_rows(min_row=3)]


def every_text(wb: Any) -> str:
    """Every value of a workbook, or of one sheet, as one text."""
    sheets = wb.worksheets if isinstance(wb, openpyxl.Workbook) else [wb]
    return "\n".join(
        str(v) for ws in sheets for row in ws.iter_rows(values_only=True) for v in row if v
    )


# -- what a user opens --------------------------------------------------------------------------


def test_the_ledger_has_the_talks_and_follow_ups_of_the_period(
    services: Services, data: LedgerData, tmp_path: Path
) -> None:
    flt = LedgerFilter(*Q4)
    wb = export(services, flt, tmp_path / "ledger.xlsx")
    assert wb.sheetnames == ["Talks", "Follow-ups", "Summary"]
    talks, follow_ups = wb["Talks"], wb["Follow-ups"]
    talk_ids, follow_up_ids = expected(services, flt)
    assert [r[0] for r in rows(talks)] == talk_ids
    assert {r[0] for r in rows(follow_ups)} == follow_up_ids
    assert len(talk_ids) == 3 and len(follow_up_ids) == 5  # the data are what the test means

    title = talks["A1"].value
    assert "示例局" in title and "2026-10-01" in title and "2026-12-31" in title
    assert CONFIDENTIAL not in title
    assert tuple(c.value for c in talks[2]) == TALK_HEADERS
    first = dict(zip(TALK_HEADERS, rows(talks)[0], strict=True))
    assert first["Person"] == "张三" and first["Department"] == "办公室"
    assert first["Position"] == "科员" and first["Talker"] == "周书记"
    assert first["Kind of talk"] == "Regular talk" and first["Topics"] == "Work, Thinking"
    assert first["Place"] == "党支部办公室" and first["Recorder"] == "王记录"
    assert first["Number of follow-ups"] == 1 and first["State"] == "Finalised"
    by_person = {r[2]: r for r in rows(talks)}
    assert by_person["赵六"][3] == "文秘组" and by_person["李四"][5] == "吴局长"


def test_dates_are_dates_and_formulas_are_text(
    services: Services, data: LedgerData, tmp_path: Path
) -> None:
    path = tmp_path / "ledger.xlsx"
    wb = export(services, LedgerFilter(*Q4), path)
    talks, follow_ups = wb["Talks"], wb["Follow-ups"]
    day = talks["B3"]
    assert day.is_date and day.number_format == "yyyy-mm-dd"
    assert day.value.date() == date(2026, 10, 10)
    for header in ("Talk date", "Recorded on", "Due", "Closed on", "Feedback on"):
        cells = [c for c in column(follow_ups, header) if c.value is not None]
        assert cells and all(c.is_date and c.number_format == "yyyy-mm-dd" for c in cells)

    content, problems, suggestions = talks["L3"], talks["M3"], talks["N3"]
    assert content.value == FORMULA and content.data_type == "s"
    assert problems.value.startswith("+") and problems.data_type == "s"
    assert suggestions.value.startswith("@") and suggestions.data_type == "s"
    minus = next(r[11] for r in talks.iter_rows(min_row=3) if r[2].value == "赵六")
    assert minus.value.startswith("-") and minus.data_type == "s"
    for cell in (content, problems, suggestions, minus):
        assert cell.quotePrefix  # stays text when edited in Excel
        assert cell.alignment.wrap_text
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any(b"<f>" in sheet or b"<f " in sheet for sheet in sheets)


def test_header_frozen_filtered_and_columns_sized(
    services: Services, data: LedgerData, tmp_path: Path
) -> None:
    wb = export(services, LedgerFilter(*Q4), tmp_path / "ledger.xlsx")
    for name, last in (("Talks", "Q"), ("Follow-ups", "T")):
        ws = wb[name]
        assert ws.freeze_panes == "A3"
        assert ws.auto_filter.ref == f"A2:{last}{ws.max_row}"
        assert "A1" in {str(r).split(":")[0] for r in ws.merged_cells.ranges}
        assert ws.print_title_rows == "$1:$2"
        assert ws.page_setup.orientation == "landscape"
    talks = wb["Talks"]
    assert talks.column_dimensions["L"].width == 50  # what was said
    assert talks.column_dimensions["A"].width < 10
    assert talks["L2"].font.b  # the header is bold
    assert "\n" in next(r[11] for r in rows(talks) if r[2] == "赵六")  # line breaks kept


def test_private_notes_never_and_care_details_only_when_asked(
    services: Services, data: LedgerData, tmp_path: Path
) -> None:
    plain = export(services, LedgerFilter(*Q4), tmp_path / "plain.xlsx")
    assert PRIVATE not in every_text(plain)
    assert CARE_REASON not in every_text(plain)
    assert "Care" not in [c.value for c in plain["Talks"][2]]
    assert "Needs care" not in every_text(plain)

    cared = export(services, LedgerFilter(*Q4, include_care=True), tmp_path / "care.xlsx")
    assert PRIVATE not in every_text(cared)
    for ws in cared.worksheets:
        assert ws["A1"].value.startswith(CONFIDENTIAL)
    talks = cared["Talks"]
    headers = [c.value for c in talks[2]]
    assert headers[-2:] == ["Care", "Reason for care"]
    first = rows(talks)[0]
    assert first[-2:] == ("Keep an eye on", CARE_REASON)
    assert talks.oddHeader.center.text == CONFIDENTIAL
    summary = every_text(cared["Summary"])
    assert "Needs care" in summary and "Keep an eye on" in summary


FILTERS: dict[str, Callable[[LedgerData], LedgerFilter]] = {
    "office": lambda d: LedgerFilter(*Q4, department_id=d.office),  # with 文秘组 under it
    "finance": lambda d: LedgerFilter(*Q4, department_id=d.finance),
    "talker": lambda d: LedgerFilter(*Q4, talker_id=d.wu),
    "kind": lambda d: LedgerFilter(*Q4, kind=TalkKind.CARING),
    "topic": lambda d: LedgerFilter(*Q4, topic=Topic.WORK),
    "status": lambda d: LedgerFilter(*Q4, status=FollowUpStatus.RESOLVED),
    "state": lambda d: LedgerFilter(*Q4, state=TalkState.FINAL, department_id=d.office),
    "september": lambda d: LedgerFilter(date(2026, 9, 1), date(2026, 9, 30)),
    "empty": lambda d: LedgerFilter(date(2025, 1, 1), date(2025, 12, 31)),
}


def test_filters_give_the_database_counts(
    services: Services, data: LedgerData, tmp_path: Path
) -> None:
    sizes = {}
    for name, make in FILTERS.items():
        flt = make(data)
        wb = export(services, flt, tmp_path / f"{name}.xlsx")
        talk_ids, follow_up_ids = expected(services, flt)
        assert [r[0] for r in rows(wb["Talks"])] == talk_ids, name
        assert {r[0] for r in rows(wb["Follow-ups"])} == follow_up_ids, name
        counts = services.ledger.counts(flt)
        assert (counts.talks, counts.follow_ups) == (len(talk_ids), len(follow_up_ids)), name
        sizes[name] = (len(talk_ids), len(follow_up_ids))
    # the cases mean what they say
    assert sizes == {
        "office": (2, 3),
        "finance": (1, 1),
        "talker": (1, 1),
        "kind": (1, 1),
        "topic": (2, 2),
        "status": (3, 1),
        "state": (1, 1),
        "september": (1, 2),
        "empty": (0, 0),
    }


def test_a_department_filter_leaves_out_other_departments_and_anonymous_items(
    services: Services, data: LedgerData, tmp_path: Path
) -> None:
    wb = export(services, LedgerFilter(*Q4, department_id=data.office), tmp_path / "o.xlsx")
    assert {r[2] for r in rows(wb["Talks"])} == {"张三", "赵六"}
    titles = {r[1] for r in rows(wb["Follow-ups"])}
    assert titles == {"解决加班问题", "安排慰问", "上季度事项，本季度登记"}
    summary = list(wb["Summary"].iter_rows(values_only=True))
    assert next(r[1] for r in summary if r[0] == "Department") == "办公室"  # the filter


def summary_pairs(wb: openpyxl.Workbook) -> tuple[list[tuple[Any, ...]], set[tuple[Any, Any]]]:
    lines = [r for r in wb["Summary"].iter_rows(values_only=True) if any(v is not None for v in r)]
    return lines, {(r[0], r[1]) for r in lines}


def test_summary_counts_the_rows_and_shows_the_statistics_figures(
    services: Services, data: LedgerData, tmp_path: Path
) -> None:
    wb = export(services, LedgerFilter(*Q4), tmp_path / "ledger.xlsx")
    lines, pairs = summary_pairs(wb)
    # the rows of the sheets, divided
    assert ("Number of talks", 3) in pairs and ("Number of follow-ups", 5) in pairs
    assert {("办公室", 1), ("文秘组", 1), ("财务科", 1)} <= pairs
    assert {("周书记", 2), ("吴局长", 1)} <= pairs
    assert {("Regular talk", 2), ("Caring talk", 1)} <= pairs
    assert {("Open", 3), ("In progress", 1), ("Resolved", 1)} <= pairs
    assert next(r[1] for r in lines if r[0] == "Exported on").date() == date(2026, 11, 24)
    # the period's indicators: the Statistics page's numbers
    stats = services.statistics.compute(ReportPeriod.of(PeriodKind.QUARTER, Q4[0]))
    assert stats.talks == 3 and stats.follow_ups.opened == 5
    assert stats.feedback.given == 1 and stats.follow_ups.overdue == 1
    assert {
        ("Talks held", stats.talks),
        ("People talked with", stats.people_talked),
        ("Follow-ups opened", stats.follow_ups.opened),
        ("Follow-ups resolved", stats.follow_ups.resolved),
        ("Follow-ups overdue on 2026-11-24", stats.follow_ups.overdue),
        ("Closed follow-ups with someone to tell", stats.feedback.owed),
        ("Of them, feedback given", stats.feedback.given),
        ("The person's response: Satisfied", 1),
    } <= pairs
    assert next(r[1] for r in lines if r[0] == "Feedback given (share)") == 1
    assert "People flagged for care" not in {r[0] for r in lines}  # care details left out


def test_the_indicators_take_the_department_and_talker_filters_only(
    services: Services, data: LedgerData, tmp_path: Path
) -> None:
    flt = LedgerFilter(*Q4, department_id=data.office, kind=TalkKind.CARING, include_care=True)
    wb = export(services, flt, tmp_path / "ledger.xlsx")
    lines, pairs = summary_pairs(wb)
    assert ("Number of talks", 1) in pairs  # the caring talk with 赵六
    stats = services.statistics.compute(
        ReportPeriod.of(PeriodKind.QUARTER, Q4[0]), StatisticsFilter(department_id=data.office)
    )
    assert stats.talks == 2
    assert ("Talks held", 2) in pairs
    assert ("People flagged for care", stats.care.people) in pairs
    assert any(str(r[0]).startswith("As on the Statistics page") for r in lines)


def test_progress_is_reported_and_the_export_audited(
    services: Services, data: LedgerData, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    export(
        services,
        LedgerFilter(*Q4),
        tmp_path / "ledger.xlsx",
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen[0] == (0, 8) and seen[-1] == (8, 8)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    with services.session.context.db.reading() as conn:
        audit = conn.execute(
            text("SELECT action, entity, entity_uuid, count FROM audit_event ORDER BY id DESC")
        ).first()
    assert tuple(audit) == ("exported", "ledger", None, 8)


def test_a_cancelled_export_leaves_no_file(
    services: Services, data: LedgerData, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1  # after the first chunk of talks

    with services.session.context.db.reading() as conn:
        audits = conn.execute(text("SELECT count(*) FROM audit_event")).scalar_one()
    with pytest.raises(LedgerCancelled):
        export_ledger(
            folder / "ledger.xlsx",
            sources(services),
            LedgerFilter(*Q4),
            english,
            cancelled=cancelled,
        )
    assert list(folder.iterdir()) == []
    assert not [p for p in ALL_TEMP_FILES if Path(p).exists()]  # openpyxl's sheet files too
    with services.session.context.db.reading() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_event")).scalar_one() == audits


def test_rows_are_read_in_chunks(services: Services, data: LedgerData) -> None:
    flt = LedgerFilter(*Q4)
    assert [len(c) for c in services.ledger.talk_chunks(flt, size=2)] == [2, 1]
    assert [len(c) for c in services.ledger.follow_up_chunks(flt, size=2)] == [2, 2, 1]


def test_a_period_that_ends_before_it_starts_is_refused(
    services: Services, data: LedgerData, tmp_path: Path
) -> None:
    with pytest.raises(TalkdeskError) as caught:
        export(services, LedgerFilter(date(2026, 12, 31), date(2026, 10, 1)), tmp_path / "x.xlsx")
    assert caught.value.code is ErrorCode.INVALID_VALUE
    assert not (tmp_path / "x.xlsx").exists()


def test_labels_come_from_the_translation(
    services: Services, data: LedgerData, tmp_path: Path
) -> None:
    def shout(context: str, source: str) -> str:
        return (
            source.upper()
            if context in ("LedgerWorkbook", "labels") and "{" not in source
            else source
        )

    wb = export(services, LedgerFilter(*Q4), tmp_path / "ledger.xlsx", translate=shout)
    assert wb.sheetnames == ["TALKS", "FOLLOW-UPS", "SUMMARY"]
    assert wb["TALKS"]["A2"].value == "RECORD NO."
    assert rows(wb["TALKS"])[0][6] == "REGULAR TALK"


def test_control_characters_and_overlong_text_are_written_safely(
    services: Services, data: LedgerData, tmp_path: Path
) -> None:
    detail = services.talks.get_talk(expected(services, LedgerFilter(*Q4))[0][-1])
    services.talks.update_draft(
        detail.id, replace(detail.data, content="响铃\x07字符" + "长" * 40_000)
    )
    wb = export(services, LedgerFilter(*Q4), tmp_path / "ledger.xlsx")
    content = rows(wb["Talks"])[-1][11]
    assert content.startswith("响铃字符") and len(content) == 32_767 and content.endswith("…")
