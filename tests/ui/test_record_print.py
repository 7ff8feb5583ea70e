"""The record form as PDF and on paper, and exporting records from the GUI as a user does:
from a talk's form (Word, PDF, Print…) and from the Talks page (several talks at once)."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from talkdesk.reports.record_data import load_record_form, load_record_forms
from talkdesk.reports.record_layout import identity
from talkdesk.services.bundle import Services
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage.tables import audit_event
from talkdesk.ui.pages.talk_form import TalkForm
from talkdesk.ui.pages.talks_page import TalksPage
from talkdesk.ui.record_export import ExportRequest, RecordFormat
from talkdesk.ui.record_export_dialogs import ExportRecordsDialog, Output
from talkdesk.ui.record_print import pdf_bytes
from talkdesk.ui.tasks import TaskRunner
from tests.reports.record_helpers import CARE_REASON, PRIVATE_NOTE, Stored, store_talks
from tests.ui.page_helpers import click_ok, idle, open_dialog, running

Translate = Callable[[str, str], str]
ROOT = Path(__file__).resolve().parents[2]
Env = tuple[Services, TaskRunner, Stored]


@pytest.fixture
def env(qtbot: QtBot, session: WorkspaceSession) -> Iterator[Env]:
    with running(session) as (services, runner):
        yield services, runner, store_talks(services)


@pytest.fixture
def chinese(qapp: Any) -> Iterator[Translate]:
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "translations" / "talkdesk_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    yield QCoreApplication.translate
    QCoreApplication.removeTranslator(translator)


def pages_text(data: bytes) -> list[str]:
    """Each page's text, with the spaces and line breaks pypdf puts between glyphs removed."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return ["".join(page.extract_text().split()) for page in reader.pages]


def embedded_fonts(data: bytes) -> set[str]:
    """The base names of the fonts whose program is inside the PDF."""
    found = set()
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is None:
                    continue
                descriptor = descriptor.get_object()
                if any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    found.add(str(font["/BaseFont"]))
    return found


def audit_exports(services: Services) -> list[tuple[str, int]]:
    with services.session.context.db.reading() as conn:
        rows = conn.execute(
            select(audit_event.c.entity, audit_event.c.count).where(
                audit_event.c.action == "exported"
            )
        ).all()
    return [(r[0], r[1]) for r in rows]


# -- the PDF ----------------------------------------------------------------------------------


def test_the_pdf_holds_the_chinese_labels_and_the_talks_content_in_embedded_fonts(
    qapp: Any, session: WorkspaceSession, chinese: Translate
) -> None:
    services = Services(session)
    stored = store_talks(services)
    data = pdf_bytes([load_record_form(services, stored.flagged, False)], chinese)
    text = "".join(pages_text(data))
    for label in (
        "示例局谈心谈话记录表",
        "谈话时间",
        "谈话地点",
        "谈话人",
        "职务",
        "谈话对象",
        "部门及职务",
        "其他在场人员",
        "记录人",
        "谈话类型",
        "谈话主题",
        "谈话主要内容",
        "反映的问题",
        "意见建议",
        "跟进措施及办理情况",
        "反馈情况",
        "谈话人（签字）",
        "谈话对象（签字）",
        "记录人（签字）",
    ):
        assert label in text, label
    for value in (
        "2026年11月20日15:00",
        "二楼小会议室",
        "周书记",
        "党支部书记",
        "张三",
        "办公室科员",
        "李副主任",
        "小李",
        "常规谈话",
        "工作、成长发展",
        "手头工作进展顺利。",
        "希望参加业务培训。",
        "通勤时间长",
        "希望多组织业务培训",
        "解决通勤班车",
        "已开通班车",
        "已告知班车时间",
        "谈话地点应为三楼会议室",
    ):
        assert value in text, value
    assert PRIVATE_NOTE not in text
    assert CARE_REASON not in text and "内部资料" not in text
    fonts = embedded_fonts(data)
    assert fonts and all("CJK" in f or "Song" in f or "Hei" in f for f in fonts), fonts
    reader = pypdf.PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (
        210,
        297,
    )
    assert "张三" not in str(reader.metadata)  # the title names the unit at most


def test_care_details_are_in_the_pdf_only_when_asked_and_then_it_is_marked(
    qapp: Any, session: WorkspaceSession, chinese: Translate
) -> None:
    services = Services(session)
    stored = store_talks(services)
    form = load_record_form(services, stored.flagged, include_care=True)
    first = pages_text(pdf_bytes([form], chinese))[0]
    assert first.startswith("内部资料注意保密")
    assert f"一般关注：{CARE_REASON}" in "".join(pages_text(pdf_bytes([form], chinese)))
    assert PRIVATE_NOTE not in first


def test_many_talks_make_one_pdf_each_talk_on_new_pages_numbered_by_talk(
    qapp: Any, session: WorkspaceSession, chinese: Translate
) -> None:
    services = Services(session)
    stored = store_talks(services)
    forms = load_record_forms(services, [stored.flagged, stored.plain], False)
    pages = pages_text(pdf_bytes(forms, chinese))
    assert len(pages) >= 2
    second = next(i for i, text in enumerate(pages) if "谈了年终总结" in text)
    assert second > 0 and "张三" not in pages[second]
    assert "第1页共1页" in pages[second]  # the plain draft fits one page, numbered on its own
    assert "草稿（未定稿）" in pages[second]
    assert all(f"共{second}页" in text for text in pages[:second])


# -- from the record form --------------------------------------------------------------------


def open_form(qtbot: QtBot, services: Services, runner: TaskRunner, talk_id: int) -> TalkForm:
    page = TalksPage(services, runner)
    qtbot.addWidget(page)
    page.show_item(f"talk:{talk_id}")
    qtbot.waitUntil(lambda: page.forms.form is not None and page.forms.form.isVisible())
    idle(qtbot, runner)
    form = page.forms.form
    assert form is not None
    return form


def message_shown(qtbot: QtBot, exporter: Any) -> QMessageBox:
    qtbot.waitUntil(lambda: exporter.message is not None and exporter.message.isVisible())
    box: QMessageBox = exporter.message
    return box


def test_export_a_flagged_talk_to_word_from_its_form_with_care_details(
    qtbot: QtBot, env: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services, runner, stored = env
    asked: list[Path] = []

    def choose(parent: Any, title: str, suggested: Path, file_filter: str) -> Path:
        asked.append(suggested)
        return tmp_path / "out" / "record"  # typed without the suffix

    monkeypatch.setattr("talkdesk.ui.record_export.ask_save_path", choose)
    form = open_form(qtbot, services, runner, stored.flagged)
    button = form.export_button
    assert button.isEnabled() and button.isVisible()
    assert [a.text() for a in button.menu().actions()] == ["Word (.docx)…", "PDF…", "Print…"]

    button.word_action.trigger()
    qtbot.waitUntil(lambda: button.question is not None and button.question.isVisible())
    question = button.question
    assert question is not None and "内部资料 注意保密" in question.text()
    include = next(b for b in question.buttons() if b.text() == "Include them")
    qtbot.mouseClick(include, Qt.MouseButton.LeftButton)

    box = message_shown(qtbot, button.exporter)
    out = tmp_path / "out" / "record.docx"
    assert asked == [Path.home() / "Documents" / f"Talk record_2026-11-20_{stored.flagged}.docx"]
    assert str(out) in box.text() and "The file is not encrypted" in box.text()
    assert any(b.text() == "Open folder" for b in box.buttons())
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "Internal material — keep confidential"
    assert any(CARE_REASON in c.text for t in document.tables for r in t.rows for c in r.cells)
    assert audit_exports(services) == [("talk_record", 1)]
    box.close()


def test_export_pdf_from_the_form_leaving_care_details_out(
    qtbot: QtBot, env: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services, runner, stored = env
    monkeypatch.setattr(
        "talkdesk.ui.record_export.ask_save_path", lambda *a: tmp_path / "record.pdf"
    )
    form = open_form(qtbot, services, runner, stored.flagged)
    form.export_button.pdf_action.trigger()
    question = form.export_button.question
    assert question is not None
    leave = next(b for b in question.buttons() if b.text() == "Leave them out")
    qtbot.mouseClick(leave, Qt.MouseButton.LeftButton)
    message_shown(qtbot, form.export_button.exporter)
    text = "".join(pages_text((tmp_path / "record.pdf").read_bytes()))
    assert "张三" in text and "二楼小会议室" in text
    assert CARE_REASON not in text and PRIVATE_NOTE not in text
    assert audit_exports(services) == [("talk_record", 1)]


def test_a_new_record_is_exported_once_saved_with_its_latest_edits(
    qtbot: QtBot, env: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services, runner, stored = env
    monkeypatch.setattr(
        "talkdesk.ui.record_export.ask_save_path", lambda *a: tmp_path / "plain.docx"
    )
    form = open_form(qtbot, services, runner, stored.plain)  # a draft without a care flag
    form.problems_edit.setPlainText("办公用品不足")  # typed, not yet saved
    assert form.is_dirty
    form.export_button.word_action.trigger()
    assert form.export_button.question is None  # no care flag: nothing to ask
    message_shown(qtbot, form.export_button.exporter)
    document = docx.Document(str(tmp_path / "plain.docx"))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "办公用品不足" in cells  # saved first, then exported


def test_print_shows_a_preview_of_the_form_and_printing_is_audited(qtbot: QtBot, env: Env) -> None:
    services, runner, stored = env
    form = open_form(qtbot, services, runner, stored.plain)
    exporter = form.export_button.exporter
    form.export_button.print_action.trigger()
    qtbot.waitUntil(lambda: exporter.preview is not None and exporter.preview.isVisible())
    preview = exporter.preview
    assert preview is not None
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() >= 1)
    assert audit_exports(services) == []
    preview.accept()  # what its Print button does after printing
    idle(qtbot, runner)
    assert audit_exports(services) == [("talk_record", 1)]


# -- many talks, from the Talks page -------------------------------------------------------------


def open_talks(qtbot: QtBot, services: Services, runner: TaskRunner) -> TalksPage:
    page = TalksPage(services, runner)
    qtbot.addWidget(page)
    page.resize(1200, 500)
    page.show()
    qtbot.waitUntil(lambda: page.model.total == 2)
    idle(qtbot, runner)
    return page


def test_export_the_selected_talks_into_a_folder_a_file_each(
    qtbot: QtBot, env: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services, runner, stored = env
    folder = tmp_path / "records"
    folder.mkdir()
    monkeypatch.setattr("talkdesk.ui.record_export.ask_folder", lambda *a: folder)
    page = open_talks(qtbot, services, runner)
    page.table.selectAll()
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, ExportRecordsDialog)
    assert dialog.selected_radio.isChecked() and dialog.selected_radio.text() == (
        "The 2 selected talk(s)"
    )
    assert not dialog.names_check.isEnabled()
    dialog.per_talk_radio.setChecked(True)
    assert dialog.names_check.isEnabled()
    dialog.names_check.setChecked(True)
    click_ok(qtbot, dialog.buttons)

    box = message_shown(qtbot, page.export_button.exporter)
    assert "2 file(s) were written to the folder" in box.text()
    assert "The files are not encrypted" in box.text()
    assert sorted(p.name for p in folder.iterdir()) == [
        f"Talk record_2026-11-20_{stored.flagged}_张三.docx",
        f"Talk record_2026-11-22_{stored.plain}_李四.docx",
    ]
    assert audit_exports(services) == [("talk_record", 1), ("talk_record", 1)]


def test_export_the_filtered_list_into_one_pdf(
    qtbot: QtBot, env: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services, runner, _stored = env
    asked: list[Path] = []

    def choose(parent: Any, title: str, suggested: Path, file_filter: str) -> Path:
        asked.append(suggested)
        return tmp_path / "all.pdf"

    monkeypatch.setattr("talkdesk.ui.record_export.ask_save_path", choose)
    page = open_talks(qtbot, services, runner)
    page.table.selectRow(0)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, ExportRecordsDialog)
    assert dialog.all_radio.isChecked() and dialog.all_radio.text() == "All 2 talk(s) in the list"
    dialog.output_combo.setCurrentIndex(dialog.output_combo.findData(Output.PDF))
    click_ok(qtbot, dialog.buttons)

    box = message_shown(qtbot, page.export_button.exporter)
    assert str(tmp_path / "all.pdf") in box.text()
    assert asked == [Path.home() / "Documents" / "2 talk records 2026-11-24.pdf"]
    pages = pages_text((tmp_path / "all.pdf").read_bytes())
    text = "".join(pages)
    assert "张三" in text and "李四" in text and PRIVATE_NOTE not in text
    assert text.index("张三") < text.index("李四")  # oldest first
    assert audit_exports(services) == [("talk_record", 2)]


def test_stopping_a_long_export_writes_nothing(qtbot: QtBot, env: Env, tmp_path: Path) -> None:
    services, runner, stored = env
    page = open_talks(qtbot, services, runner)
    exporter = page.export_button.exporter
    held = threading.Event()
    runner.submit(held.wait)  # the database thread is busy with something else
    out = tmp_path / "records.docx"
    try:
        exporter.export(
            ExportRequest((stored.flagged, stored.plain), RecordFormat.DOCX, False, out)
        )
        progress = exporter.progress
        assert progress is not None
        qtbot.waitUntil(progress.isVisible)
        stop = progress.findChild(QPushButton)
        assert stop is not None and stop.text() == "Stop"
        qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    finally:
        held.set()
    box = message_shown(qtbot, exporter)
    assert box.text() == "Stopped. Nothing was written."
    assert not out.exists() and list(tmp_path.glob("*.tmp")) == []
    assert audit_exports(services) == []
    assert exporter.progress is None


def test_the_export_dialog_offers_the_printer_without_file_choices(qtbot: QtBot, env: Env) -> None:
    services, runner, _stored = env
    page = open_talks(qtbot, services, runner)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, ExportRecordsDialog)
    dialog.output_combo.setCurrentIndex(dialog.output_combo.findData(Output.PRINTER))
    assert not dialog.one_radio.isEnabled() and not dialog.per_talk_radio.isEnabled()
    assert dialog.choice().output is Output.PRINTER and not dialog.choice().per_talk
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert identity("x", "y") == "y"
