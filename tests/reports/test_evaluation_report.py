"""The evaluation report read back with python-docx: the indicators are the statistics' for the
period and the one before (and what a person counts by hand), the summary says which way they
went, the lists name the right people and items, every run names its East-Asian face, charts
are in when given, care details only when asked for, private notes never."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from PySide6.QtCore import QCoreApplication, QTranslator
from sqlalchemy import text

from talkdesk.domain.clock import FixedClock
from talkdesk.domain.values import CadenceKind, CareLevel, FeedbackHow, FollowUpStatus, Response
from talkdesk.reports.evaluation_report import (
    ChartImage,
    export_evaluation_report,
    report_file_stem,
    write_evaluation_report,
)
from talkdesk.reports.report_data import (
    ReportData,
    last_complete_period,
    load_report_data,
)
from talkdesk.reports.report_figures import percent, summary
from talkdesk.reports.report_texts import CONFIDENTIAL
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.people import PersonInput
from talkdesk.services.plans import PlanInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.statistics_figures import PeriodKind, ReportPeriod, StatisticsFilter
from talkdesk.services.talks import TalkInput

ROOT = Path(__file__).resolve().parents[2]
Q3 = ReportPeriod.parse("2026Q3")
Q2 = ReportPeriod.parse("2026Q2")
NOW = datetime(2026, 11, 24, 9, 30)
PRIVATE = "私密笔记：本人有调动想法"
CARE_REASON = "家中老人住院，压力较大"
PLAN = "科室季度谈心谈话"


def english(context: str, source: str) -> str:
    return source


@dataclass(frozen=True)
class Organ:
    office: int  # 办公室, with 文秘组 under it
    finance: int


@pytest.fixture
def services(session: WorkspaceSession) -> Services:
    return Services(session)


@pytest.fixture
def organ(services: Services, clock: FixedClock) -> Organ:
    """A quarterly plan over four people; the second quarter has one talk, the third three
    (a care flag among them) and one person missed; follow-ups overdue, owed feedback, on time.

    By hand: coverage 1 of 4 (25%) in Q2 and 3 of 4 (75%) in Q3; talks 1 and 4; follow-ups
    opened 1 and 3, resolved 1 and 1, on time 0 of 1 and 1 of 1; overdue on 30 September 1
    (the overtime item, due 1 August: 60 days); feedback given 1 of 1 and 0 of 1.
    """
    people = services.people
    office, _ = people.add_department("办公室")
    secretariat, _ = people.add_department("文秘组", office.id)
    finance, _ = people.add_department("财务科")

    def person(name: str, dep: int, leader: bool = False) -> int:
        row, _ = people.add_person(PersonInput(name, dep, "科员", is_leader=leader))
        return row.id

    zhou = person("周书记", office.id, leader=True)
    zhang = person("张三", office.id)
    zhao = person("赵六", secretariat.id)
    li = person("李四", finance.id)
    person("王五", finance.id)  # never talked with in the third quarter
    services.plans.create_plan(
        PlanInput(
            PLAN,
            zhou,
            CadenceKind.QUARTERLY,
            date(2026, 1, 1),
            department_ids=(office.id, finance.id),
        )
    )

    def talk(who: int, at: datetime, **more: Any) -> int:
        clock.set(at)
        detail, _ = services.talks.create_talk(TalkInput(zhou, who, at, **more))
        return detail.id

    def item(title: str, who: int, talk_id: int, due: date, at: datetime) -> int:
        clock.set(at)
        detail, _ = services.follow_ups.create(
            FollowUpInput(title, who, talk_id=talk_id, handler="办公室", due_on=due)
        )
        return detail.id

    def close(item_id: int, on: datetime) -> None:
        clock.set(on)
        services.follow_ups.set_status(item_id, FollowUpStatus.RESOLVED, "已办结")

    # the second quarter: one talk, one item resolved late and fed back
    t0 = talk(zhang, datetime(2026, 5, 10, 9, 0))
    late = item("更新办公电脑", zhang, t0, date(2026, 6, 1), datetime(2026, 5, 10, 10, 0))
    close(late, datetime(2026, 6, 20, 9, 0))
    services.follow_ups.record_feedback(
        late, date(2026, 6, 21), FeedbackHow.IN_PERSON, "当面告知", Response.SATISFIED
    )
    # the third quarter
    t1 = talk(zhang, datetime(2026, 7, 10, 9, 0))
    item("解决加班问题", zhang, t1, date(2026, 8, 1), datetime(2026, 7, 10, 10, 0))
    t2 = talk(
        zhao,
        datetime(2026, 8, 1, 15, 0),
        care_level=CareLevel.CARE,
        care_reason=CARE_REASON,
        private_notes=PRIVATE,
        content="谈家庭情况",
    )
    visit = item("安排慰问", zhao, t2, date(2026, 8, 20), datetime(2026, 8, 1, 16, 0))
    close(visit, datetime(2026, 8, 15, 9, 0))
    t3 = talk(li, datetime(2026, 9, 5, 9, 0))
    item("报销流程太慢", li, t3, date(2026, 10, 30), datetime(2026, 9, 5, 10, 0))
    talk(zhao, datetime(2026, 9, 20, 9, 0))  # talked with again after the care flag
    clock.set(NOW)
    return Organ(office.id, finance.id)


def png(width: int = 4, height: int = 3) -> bytes:
    """A small valid PNG (grey), as the UI's charts are."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def written(
    data: ReportData,
    charts: tuple[ChartImage, ...] = (),
    translate: Callable[[str, str], str] = english,
) -> Any:
    out = io.BytesIO()
    write_evaluation_report(out, data, charts, translate)
    out.seek(0)
    return Document(out)


def paragraphs(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs]


def all_text(document: Any) -> str:
    """Every text of the body (paragraphs and tables), the footer's too."""
    parts = [t.text or "" for t in document.element.body.iter(qn("w:t"))]
    for section in document.sections:
        parts += [t.text or "" for t in section.footer._element.iter(qn("w:t"))]
    return "\n".join(parts)


def table_after(document: Any, heading: str) -> list[list[str]]:
    """The rows of the first table after the paragraph starting with `heading`."""
    seen = False
    for child in document.element.body:
        if child.tag == qn("w:p"):
            words = "".join(t.text or "" for t in child.iter(qn("w:t")))
            seen = seen or heading in words
        elif child.tag == qn("w:tbl") and seen:
            return [
                ["\n".join(p.text for p in cell.paragraphs) for cell in row.cells]
                for row in document.tables[_index(document, child)].rows
            ]
    raise AssertionError(f"no table after {heading}")


def _index(document: Any, element: Any) -> int:
    return next(i for i, t in enumerate(document.tables) if t._tbl is element)


def test_the_indicators_are_the_statistics_for_the_period_and_the_one_before(
    services: Services, organ: Organ
) -> None:
    data = load_report_data(services, Q3)
    stats, previous = services.statistics.compute(Q3), services.statistics.compute(Q2)
    assert data.stats == stats and data.previous == previous
    # what a person counts by hand in the fixture
    assert (stats.coverage.talked, stats.coverage.covered) == (3, 4)
    assert (previous.coverage.talked, previous.coverage.covered) == (1, 4)
    assert (stats.talks, previous.talks) == (4, 1)
    assert (stats.follow_ups.opened, stats.follow_ups.resolved, stats.follow_ups.overdue) == (
        3,
        1,
        1,
    )
    assert (stats.feedback.given, stats.feedback.owed) == (0, 1)
    assert (stats.care.people, stats.care.talked_again) == (1, 1)

    rows = table_after(written(data), "Main indicators")
    assert rows[0] == ["Indicator", "This period (Q3 2026)", "Previous period (Q2 2026)", "Change"]
    table = {r[0]: r[1:] for r in rows[1:]}
    assert table["Coverage (people due a talk who had one)"] == [
        "75% (3 of 4)",
        "25% (1 of 4)",
        "up 50 points",
    ]
    assert table["Talks held"] == [str(stats.talks), str(previous.talks), "up 3"]
    assert table["People talked with"] == ["3", "1", "up 2"]
    fu, fu0 = stats.follow_ups, previous.follow_ups
    assert table["Follow-ups opened"] == [str(fu.opened), str(fu0.opened), "up 2"]
    assert table["Follow-ups resolved"] == [str(fu.resolved), str(fu0.resolved), "no change"]
    assert table["Follow-ups overdue (at the period's end)"] == ["1", "0", "up 1"]
    assert table["Resolved on time"] == ["100% (1 of 1)", "0% (0 of 1)", "up 100 points"]
    # opened 1 August, resolved 15 August; opened 10 May, resolved 20 June
    assert fu.median_days_to_resolve == 14 and fu0.median_days_to_resolve == 41
    assert table["Median days to resolve"] == ["14 days", "41 days", "27 days shorter"]
    assert table["Feedback given"] == ["0% (0 of 1)", "100% (1 of 1)", "down 100 points"]
    assert table["Responses: satisfied"] == ["0", "1", "down 1"]
    assert table["People flagged for care talked with again"] == ["100% (1 of 1)", "—", "—"]


def test_the_summary_says_which_way_the_figures_went(services: Services, organ: Organ) -> None:
    data = load_report_data(services, Q3)
    text = summary(data, english)
    assert text.startswith("In Q3 2026, 4 talk(s) were held with 3 people (up 3 on the previous")
    assert "Coverage rose from 25% to 75%" in text
    assert "the share resolved on time rose from 0% to 100%" in text
    assert "the median time to resolve fell from 41 days to 14 days" in text
    assert "the share given feedback fell from 100% to 0%" in text
    assert "3 follow-up(s) were opened and 1 resolved; on 2026-09-30, 1 were overdue." in text
    assert "1 of the 4 people due a talk under the plans had none in the period" in text
    assert "Of the 1 people flagged for care, 1 were talked with again." in text
    assert text in paragraphs(written(data))

    # the other way round: a fall is said as a fall
    turned = replace(data, stats=data.previous, previous=data.stats)
    assert "Coverage fell from 75% to 25%" in summary(turned, english)
    same = replace(data, previous=data.stats)
    assert "Coverage stayed at 75%" in summary(same, english)


def test_a_first_period_has_no_previous_figures_to_compare(
    services: Services, organ: Organ
) -> None:
    data = load_report_data(services, ReportPeriod.parse("2026Q1"))
    assert data.previous.coverage.rate is None  # the plan began in 2026
    text = summary(data, english)
    assert "No talk was recorded in Q1 2026." in text
    assert "Coverage was 0% (no figure for the previous period)" in text
    assert "rose" not in text and "fell" not in text
    rows = {r[0]: r[1:] for r in table_after(written(data), "Main indicators")[1:]}
    assert rows["Coverage (people due a talk who had one)"] == ["0% (0 of 4)", "—", "—"]


def test_the_lists_name_who_was_missed_and_what_is_overdue_or_owed_feedback(
    services: Services, organ: Organ
) -> None:
    data = load_report_data(services, Q3)
    document = written(data)
    missed = table_after(document, "People due a talk who had none")
    assert missed == [
        ["No.", "Person", "Department", "Talk plan (cadence)", "Period without a talk"],
        ["1", "王五", "财务科", f"{PLAN} (Quarterly)", "Q3 2026"],
    ]
    assert len(missed) - 1 == data.stats.coverage.missed
    overdue = table_after(document, "(1) Overdue on 2026-09-30 (1)")
    assert [r[1:4] + r[5:] for r in overdue[1:]] == [
        ["解决加班问题", "张三", "办公室", "2026-08-01", "60"]
    ]
    owed = table_after(document, "(2) Closed in the period, feedback not yet given (1)")
    assert [r[1:4] + r[6:] for r in owed[1:]] == [["安排慰问", "赵六", "文秘组", "Resolved"]]
    assert "报销流程太慢" not in all_text(document)  # due after the period: not overdue


def test_a_department_s_report_keeps_to_its_people(services: Services, organ: Organ) -> None:
    data = load_report_data(services, Q3, department_id=organ.office)
    assert data.stats == services.statistics.compute(Q3, StatisticsFilter(organ.office))
    document = written(data)
    assert "Scope: 办公室 and the departments under it" in paragraphs(document)
    assert "王五" not in all_text(document)  # 财务科
    assert "People due a talk who had none" in "".join(paragraphs(document))
    assert "Everyone due a talk under the plans was talked with in the period." in paragraphs(
        document
    )


def test_every_run_names_its_east_asian_face_and_the_page_is_a4(
    services: Services, organ: Organ
) -> None:
    data = load_report_data(services, Q3, include_care=True)
    document = written(data, (ChartImage("Coverage", png()),))
    runs = list(document.element.body.iter(qn("w:r")))
    for section in document.sections:
        runs += list(section.footer._element.iter(qn("w:r")))
    assert len(runs) > 100
    faces = set()
    for run in runs:
        fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
        faces.add(fonts.get(qn("w:eastAsia")))
        assert fonts.get(qn("w:asciiTheme")) is None
    assert faces == {"方正小标宋简体", "黑体", "仿宋", "宋体"}
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


def test_charts_are_images_when_given_and_said_missing_when_not(
    services: Services, organ: Organ
) -> None:
    data = load_report_data(services, Q3)
    charts = (ChartImage("Coverage per department", png(8, 4)), ChartImage("Talks", png(), 7.5))
    document = written(data, charts)
    images = [s for s in document.inline_shapes]
    assert len(images) == 2
    assert round(images[0].width.cm, 1) == 15.0 and round(images[1].width.cm, 1) == 7.5
    assert "Figure 1: Coverage per department" in paragraphs(document)
    assert "Figure 2: Talks" in paragraphs(document)
    assert "The charts were not included in this report." not in paragraphs(document)

    bare = written(data)
    assert not bare.inline_shapes
    assert "The charts were not included in this report." in paragraphs(bare)


def test_care_details_only_when_asked_and_private_notes_never(
    services: Services, organ: Organ
) -> None:
    plain = written(load_report_data(services, Q3))
    text = all_text(plain)
    assert CONFIDENTIAL not in text and CARE_REASON not in text
    assert "People flagged for care" not in text.replace("People flagged for care talked", "")
    assert PRIVATE not in text

    data = load_report_data(services, Q3, include_care=True)
    assert data.confidential
    cared = written(data)
    assert paragraphs(cared)[0] == CONFIDENTIAL
    rows = table_after(cared, "People flagged for care")
    assert rows[1] == ["1", "赵六", "文秘组", "Needs care", "2026-08-01", CARE_REASON, "2026-09-20"]
    assert PRIVATE not in all_text(cared)
    with zipfile_text(cared) as xml:
        assert PRIVATE not in xml


class zipfile_text:
    """Every XML part of a saved document as one text (notes could hide in any part)."""

    def __init__(self, document: Any) -> None:
        out = io.BytesIO()
        document.save(out)
        self._data = out.getvalue()

    def __enter__(self) -> str:
        import zipfile

        with zipfile.ZipFile(io.BytesIO(self._data)) as z:
            return "".join(
                z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")
            )

    def __exit__(self, *exc: object) -> None:
        return None


def test_the_export_is_atomic_audited_and_named_for_its_period(
    services: Services, organ: Organ, tmp_path: Path
) -> None:
    data = load_report_data(services, Q3)
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / f"{report_file_stem(Q3, english)}.docx"
    assert path.name == "Evaluation report on one-to-one talks_2026Q3.docx"
    export_evaluation_report(path, data, (), services.exports, english)
    assert Document(str(path)).paragraphs
    assert [p.name for p in folder.iterdir()] == [path.name]  # no temporary file left
    with services.session.context.db.reading() as conn:
        audited = conn.execute(
            text("SELECT entity, count FROM audit_event WHERE action = 'exported'")
        ).all()
    assert audited == [("report", data.records)]


def test_the_report_defaults_to_the_last_complete_quarter() -> None:
    assert last_complete_period(PeriodKind.QUARTER, date(2026, 11, 24)) == Q3
    assert last_complete_period(PeriodKind.HALF_YEAR, date(2026, 11, 24)).code == "2026H1"
    assert last_complete_period(PeriodKind.QUARTER, date(2026, 1, 1)).code == "2025Q4"


@pytest.fixture
def chinese(qapp: Any) -> Iterator[Callable[[str, str], str]]:
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "translations" / "talkdesk_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    yield QCoreApplication.translate
    QCoreApplication.removeTranslator(translator)


def test_a_chinese_user_gets_a_chinese_report(
    services: Services, organ: Organ, chinese: Callable[[str, str], str]
) -> None:
    data = load_report_data(services, Q3, include_care=True)
    document = written(data, translate=chinese)
    lines = paragraphs(document)
    assert lines[:2] == [CONFIDENTIAL, "示例局 2026年第三季度谈心谈话工作评估报告"]
    assert "谈话覆盖率由25%提高到75%" in summary(data, chinese)
    assert "一、总体情况" in lines and "二、主要指标" in lines
    rows = {r[0]: r[1:] for r in table_after(document, "主要指标")[1:]}
    assert rows["谈话覆盖率（应谈人员中已谈话的比例）"] == [
        "75%（3/4）",
        "25%（1/4）",
        "提高50个百分点",
    ]
    assert "评阅意见：" in all_text(document)
    assert report_file_stem(Q3, chinese) == "谈心谈话工作评估报告_2026Q3"


def test_a_share_is_never_rounded_up_to_all_or_down_to_none() -> None:
    assert percent(1934 / 1943) == 99 and percent(1.0) == 100
    assert percent(1 / 1000) == 1 and percent(0.0) == 0
    assert percent(0.825) == 82 and percent(0.95) == 95 and percent(None) is None
