"""The record form as Word reads it back: every field with its stored value, Chinese faces on
every run, no private notes, care details only when asked for, many talks at once."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import _Cell
from PySide6.QtCore import QCoreApplication, QTranslator
from sqlalchemy import select

from talkdesk.reports.record_data import (
    ExportCancelled,
    RecordFormData,
    load_record_form,
    load_record_forms,
)
from talkdesk.reports.record_form import (
    FileNames,
    file_stem,
    form_stem,
    safe_file_name,
    unique_path,
    write_record_forms,
)
from talkdesk.reports.record_layout import _ENUM_LABELS, enum_label, identity
from talkdesk.services.bundle import Services
from talkdesk.services.exports import ExportKind
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage.tables import audit_event
from tests.reports.record_helpers import (
    CARE_REASON,
    CONTENT_LINES,
    PRIVATE_NOTE,
    Stored,
    store_talks,
)

Translate = Callable[[str, str], str]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def services(session: WorkspaceSession) -> Services:
    return Services(session)


@pytest.fixture
def stored(services: Services) -> Stored:
    return store_talks(services)


@pytest.fixture
def chinese(qapp: Any) -> Iterator[Translate]:
    """The program's own zh_CN catalogue, as a Chinese user has it."""
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "translations" / "talkdesk_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    yield QCoreApplication.translate
    QCoreApplication.removeTranslator(translator)


def written(forms: list[RecordFormData], translate: Translate = identity) -> bytes:
    out = io.BytesIO()
    write_record_forms(out, forms, translate)
    return out.getvalue()


def cells_text(document: Any) -> list[str]:
    """The text of every table cell, once per cell (a merged cell is one w:tc)."""
    return [
        _Cell(tc, table).text for table in document.tables for tc in table._tbl.iter(qn("w:tc"))
    ]


def field(document: Any, label: str) -> str:
    """The value beside a label in the form's table."""
    texts = cells_text(document)
    return texts[texts.index(label) + 1]


def every_run(document: Any) -> Iterator[Any]:
    """Every w:r of the body (tables too), the headers and the footers."""
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.footer._element, section.header._element]
    for part in parts:
        yield from part.iter(qn("w:r"))


def all_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "".join(package.read(name).decode("utf-8", "replace") for name in package.namelist())


def test_every_field_is_on_the_form_with_its_stored_value(
    services: Services, stored: Stored
) -> None:
    form = load_record_form(services, stored.flagged, include_care=False)
    document = docx.Document(io.BytesIO(written([form])))

    assert field(document, "Time of talk") == "2026-11-20 15:00"
    assert field(document, "Place") == "二楼小会议室"
    assert field(document, "Talker") == "周书记"
    assert field(document, "Post") == "党支部书记"
    assert field(document, "Person talked with") == "张三"
    assert field(document, "Department and post") == "办公室 科员"
    assert field(document, "Others present") == "李副主任"
    assert field(document, "Recorder") == "小李"
    assert field(document, "Kind of talk") == "Regular talk"
    assert field(document, "Topics") == "Work, Career"
    assert field(document, "What was said").splitlines() == list(CONTENT_LINES)
    assert field(document, "Problems raised") == "通勤时间长"
    assert field(document, "Opinions and suggestions") == "希望多组织业务培训"
    measures = field(document, "Follow-up measures and their state")
    assert "1. 解决通勤班车 (handled by 行政科; due 2026-12-01; Resolved)" in measures
    assert "Result: 已开通班车" in measures
    assert "2. 安排业务培训 (handled by 人事科; due 2026-12-15; Open)" in measures
    feedback = field(document, "Feedback given")
    assert feedback == (
        "1. 解决通勤班车: told In person on 2026-12-03: 已告知班车时间 (the person: Satisfied)"
    )
    amendments = field(document, "Amendments")
    assert "reason for the correction: 笔误" in amendments
    assert "谈话地点应为三楼会议室" in amendments
    signatures = cells_text(document)[-1]
    for who in ("Talker's signature:", "Signature of the person talked with:", "Recorder's"):
        assert who in signatures
    assert signatures.count("Date:") == 3
    heading = [p.text for p in document.paragraphs]
    assert "示例局: record of a one-to-one talk" in heading
    assert f"No. {stored.flagged}    Finalised on 2026-11-24" in heading


def test_a_draft_says_so_and_leaves_empty_fields_blank(services: Services, stored: Stored) -> None:
    form = load_record_form(services, stored.plain, include_care=True)
    document = docx.Document(io.BytesIO(written([form])))
    assert f"No. {stored.plain}    Draft, not finalised" in [p.text for p in document.paragraphs]
    assert field(document, "Problems raised") == ""
    assert field(document, "Follow-up measures and their state") == "None"
    assert "Amendments" not in cells_text(document)
    assert "Care and concern" not in cells_text(document)  # no flag: nothing to include
    assert not form.confidential


def test_the_form_is_a4_with_office_margins_and_a_fixed_bordered_table(
    services: Services, stored: Stored
) -> None:
    form = load_record_form(services, stored.flagged, include_care=False)
    document = docx.Document(io.BytesIO(written([form])))
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01)  # stored in twips
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    assert abs(section.left_margin - Cm(2.8)) < Cm(0.01)
    assert abs(section.top_margin - Cm(2.5)) < Cm(0.01)
    table = document.tables[0]
    assert table.style.name == "Table Grid"
    layout = table._tbl.tblPr.find(qn("w:tblLayout"))
    assert layout is not None and layout.get(qn("w:type")) == "fixed"
    usable = section.page_width - section.left_margin - section.right_margin
    assert abs(sum(c.width for c in table.columns) - usable) < Cm(0.05)


def test_every_run_names_its_east_asian_font(services: Services, stored: Stored) -> None:
    form = load_record_form(services, stored.flagged, include_care=True)
    document = docx.Document(io.BytesIO(written([form])))
    faces = set()
    runs = list(every_run(document))
    assert len(runs) > 40
    for run in runs:
        fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts is not None and fonts.get(qn("w:eastAsia"))
        assert fonts.get(qn("w:eastAsiaTheme")) is None
        faces.add(fonts.get(qn("w:eastAsia")))
    assert faces == {"方正小标宋简体", "黑体", "仿宋", "宋体"}
    title = next(p for p in document.paragraphs if "record of a one-to-one talk" in p.text)
    assert title.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    # the defaults too, so Word never falls back to the template's Japanese theme face
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    default_fonts = defaults.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert default_fonts.get(qn("w:eastAsia")) == "仿宋"
    assert default_fonts.get(qn("w:eastAsiaTheme")) is None
    # and each face has a fallback in the font table
    fonts_xml = next(
        r.target_part.blob.decode()
        for r in document.part.rels.values()
        if r.reltype.endswith("/fontTable")
    )
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="黑体"/>' in fonts_xml


def test_private_notes_never_appear_even_with_care_details(
    services: Services, stored: Stored
) -> None:
    forms = load_record_forms(services, [stored.flagged, stored.plain], include_care=True)
    assert all(not hasattr(f, "private_notes") for f in forms)
    xml = all_xml(written(forms))
    assert PRIVATE_NOTE not in xml and "另一条私下记录" not in xml
    assert "张三" in xml  # the check looks at the right text


def test_care_details_only_when_asked_and_then_marked_confidential(
    services: Services, stored: Stored, chinese: Translate
) -> None:
    left_out = written([load_record_form(services, stored.flagged, include_care=False)], chinese)
    xml = all_xml(left_out)
    assert CARE_REASON not in xml and "一般关注" not in xml
    assert "内部资料" not in xml and "注意保密" not in xml
    assert "关心关爱情况" not in xml

    included = written([load_record_form(services, stored.flagged, include_care=True)], chinese)
    document = docx.Document(io.BytesIO(included))
    assert document.paragraphs[0].text == "内部资料 注意保密"  # at the top
    assert field(document, "关心关爱情况") == f"一般关注：{CARE_REASON}"


def test_a_chinese_user_gets_the_chinese_form(
    services: Services, stored: Stored, chinese: Translate
) -> None:
    form = load_record_form(services, stored.flagged, include_care=False)
    document = docx.Document(io.BytesIO(written([form], chinese)))
    paragraphs = [p.text for p in document.paragraphs]
    assert "示例局谈心谈话记录表" in paragraphs
    assert f"编号：{stored.flagged}　　2026年11月24日定稿" in paragraphs
    assert field(document, "谈话时间") == "2026年11月20日 15:00"
    assert field(document, "谈话类型") == "常规谈话"
    assert field(document, "谈话主题") == "工作、成长发展"
    assert "1. 解决通勤班车（承办：行政科；期限：2026年12月1日；已解决）" in field(
        document, "跟进措施及办理情况"
    )
    assert field(document, "反馈情况").startswith("1. 解决通勤班车：2026年12月3日当面反馈")
    signatures = cells_text(document)[-1]
    assert "谈话人（签字）：" in signatures and "谈话对象（签字）：" in signatures
    assert "记录人（签字）：" in signatures and "日期：" in signatures
    footer = "".join(t.text or "" for t in document.sections[0].footer._element.iter(qn("w:t")))
    assert footer.startswith("第 ") and "页 共 " in footer


def test_the_form_labels_read_as_on_screen(chinese: Translate) -> None:
    from talkdesk.ui.labels import label

    for value in _ENUM_LABELS:
        assert enum_label(value, chinese) == label(value)  # type: ignore[arg-type]


def test_many_talks_make_one_document_with_a_section_and_page_numbers_per_talk(
    services: Services, stored: Stored
) -> None:
    forms = load_record_forms(services, [stored.flagged, stored.plain, stored.flagged], False)
    document = docx.Document(io.BytesIO(written(forms)))
    sections = document.sections
    assert len(sections) == 3
    assert all(s.start_type == WD_SECTION.NEW_PAGE for s in sections)
    for s in sections:  # each talk's pages are numbered from 1
        numbering = s._sectPr.find(qn("w:pgNumType"))
        assert numbering is not None and numbering.get(qn("w:start")) == "1"
    assert len(document.tables) == 3
    titles = [p.text for p in document.paragraphs if "record of a one-to-one talk" in p.text]
    assert len(titles) == 3
    footer = sections[0].footer._element
    instructions = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "SECTIONPAGES"]
    assert all(s.footer.is_linked_to_previous for s in sections[1:])


def test_reading_many_reports_progress_and_can_be_stopped(
    services: Services, stored: Stored
) -> None:
    steps: list[tuple[int, int]] = []
    ids = [stored.flagged, stored.plain]
    forms = load_record_forms(services, ids, False, progress=lambda d, t: steps.append((d, t)))
    assert [f.number for f in forms] == ids
    assert steps == [(1, 2), (2, 2)]
    with pytest.raises(ExportCancelled):
        load_record_forms(services, ids, False, cancelled=lambda: True)
    with pytest.raises(ExportCancelled):
        write_record_forms(io.BytesIO(), forms, identity, cancelled=lambda: True)


def test_file_names_carry_date_and_number_and_the_name_only_when_chosen(
    services: Services, stored: Stored, tmp_path: Path
) -> None:
    form = load_record_form(services, stored.flagged, False)
    number = stored.flagged
    assert form_stem(form, identity, FileNames.DATE_NUMBER) == f"Talk record_2026-11-20_{number}"
    assert (
        form_stem(form, identity, FileNames.DATE_NUMBER_NAME)
        == f"Talk record_2026-11-20_{number}_张三"
    )
    at = datetime(2026, 1, 5, 9, 0)
    assert file_stem(at, 7, identity, 'a/b:c*?"<>|', FileNames.DATE_NUMBER_NAME) == (
        "Talk record_2026-01-05_7_a_b_c_"
    )
    assert safe_file_name(" ..") == "_"
    (tmp_path / "x.docx").write_bytes(b"")
    assert unique_path(tmp_path, "x", ".docx") == tmp_path / "x (2).docx"
    assert unique_path(tmp_path, "y", ".docx") == tmp_path / "y.docx"


def test_saved_through_the_exports_service_atomically_and_audited_without_content(
    services: Services, stored: Stored, tmp_path: Path
) -> None:
    forms = load_record_forms(services, [stored.flagged, stored.plain], include_care=True)
    folder = tmp_path / "out"
    out = folder / "records.docx"
    services.exports.save(
        out, lambda f: write_record_forms(f, forms, identity), ExportKind.TALK_RECORD, 2
    )
    assert docx.Document(str(out)).tables
    assert [p.name for p in folder.iterdir()] == ["records.docx"]  # no temporary left
    with services.session.context.db.reading() as conn:
        rows = conn.execute(
            select(audit_event.c.action, audit_event.c.entity, audit_event.c.count).where(
                audit_event.c.action == "exported"
            )
        ).all()
    assert [tuple(r) for r in rows] == [("exported", "talk_record", 2)]

    def fails(f: Any) -> None:
        write_record_forms(f, forms, identity, cancelled=lambda: True)

    with pytest.raises(ExportCancelled):
        services.exports.save(folder / "stopped.docx", fails, ExportKind.TALK_RECORD, 2)
    assert [p.name for p in folder.iterdir()] == ["records.docx"]
