"""The evaluation report from the Statistics page: the dialog offers the last complete quarter,
writes the Word report with the page's charts off the GUI thread, audits it, and says the file
is not encrypted."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from talkdesk.reports.report_texts import CONFIDENTIAL
from talkdesk.services.bundle import Services
from talkdesk.services.demo import generate
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.statistics_figures import (
    DepartmentCoverage,
    PeriodKind,
    ReportPeriod,
    StatisticsFilter,
)
from talkdesk.storage.tables import audit_event
from talkdesk.ui.pages.reports_page import ReportsPage
from talkdesk.ui.report_charts import report_charts
from talkdesk.ui.report_dialog import ReportDialog
from talkdesk.ui.tasks import TaskRunner
from tests.ui.page_helpers import idle, open_dialog, running


@pytest.fixture
def env(session: WorkspaceSession) -> Iterator[tuple[Services, TaskRunner]]:
    generate(session.context, people=30, years=1, seed=3)
    with running(session) as (services, runner):
        yield services, runner


def reports_page(qtbot: QtBot, services: Services, runner: TaskRunner) -> ReportsPage:
    page = ReportsPage(services, runner)
    qtbot.addWidget(page)
    page.resize(1190, 680)
    with qtbot.waitSignal(page.figures_shown, timeout=10_000):
        page.show()
    idle(qtbot, runner)
    return page


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_report_dialog(qtbot: QtBot, page: ReportsPage) -> ReportDialog:
    button = page.findChild(QPushButton, "reportButton")
    assert button is not None and button.isEnabled()
    click(qtbot, button)
    dialog = open_dialog(qtbot, page, ReportDialog)
    qtbot.waitUntil(dialog.write_button.isEnabled)  # the departments are loaded
    return dialog


def write(qtbot: QtBot, dialog: ReportDialog, runner: TaskRunner) -> Path:
    with qtbot.waitSignal(dialog.report_written, timeout=20_000) as signal:
        click(qtbot, dialog.write_button)
    idle(qtbot, runner)
    path = signal.args[0]
    assert isinstance(path, Path)
    return path


def exported(services: Services) -> list[tuple[str | None, int | None]]:
    with services.session.context.db.reading() as conn:
        stmt = select(audit_event.c.entity, audit_event.c.count).where(
            audit_event.c.action == "exported"
        )
        return [(e, c) for e, c in conn.execute(stmt).all()]


def test_the_report_of_the_last_quarter_from_the_statistics_page(
    qtbot: QtBot, env: tuple[Services, TaskRunner], tmp_path: Path
) -> None:
    services, runner = env
    page = reports_page(qtbot, services, runner)
    dialog = open_report_dialog(qtbot, page)
    assert dialog.period.code == "2026Q3"  # today is 24 November: the last complete quarter
    assert dialog.period_combo.currentText() == "Q3 2026"
    assert dialog.period_combo.itemText(0) == "Q4 2026 (in progress)"
    assert Path(dialog.path_edit.text()).name == (
        "Evaluation report on one-to-one talks_2026Q3.docx"
    )
    assert not dialog.care_check.isChecked()
    target = tmp_path / "out" / "评估报告.docx"
    target.parent.mkdir()
    dialog.path_edit.setText(str(target))

    path = write(qtbot, dialog, runner)
    assert path == target and target.exists()
    status = dialog.status_label.text()
    assert f"The evaluation report for Q3 2026 was written to {target}." in status
    assert "not encrypted" in status
    assert dialog.write_button.isEnabled() and dialog.close_button.isEnabled()

    document = Document(str(target))
    lines = [p.text for p in document.paragraphs]
    assert lines[0] == "示例局 evaluation report on one-to-one talks, Q3 2026"
    assert CONFIDENTIAL not in lines
    assert len(document.inline_shapes) >= 4  # the page's charts, drawn as images
    stats = services.statistics.compute(dialog.period)
    talks_row = next(
        [c.text for c in row.cells]
        for row in document.tables[0].rows
        if row.cells[0].text == "Talks held"
    )
    assert talks_row[1] == str(stats.talks)
    assert exported(services)[-1][0] == "report"
    assert [p.name for p in target.parent.iterdir()] == [target.name]

    click(qtbot, dialog.close_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_half_year_of_one_department_with_care_details(
    qtbot: QtBot, env: tuple[Services, TaskRunner], tmp_path: Path
) -> None:
    services, runner = env
    page = reports_page(qtbot, services, runner)
    department = services.people.departments()[0]
    dialog = open_report_dialog(qtbot, page)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(PeriodKind.HALF_YEAR.value))
    assert dialog.period.code == "2026H1"
    assert Path(dialog.path_edit.text()).name.endswith("_2026H1.docx")
    dialog.department_combo.setCurrentIndex(dialog.department_combo.findData(department.id))
    click(qtbot, dialog.care_check)
    dialog.path_edit.setText(str(tmp_path / "half"))  # .docx is added

    path = write(qtbot, dialog, runner)
    assert path == tmp_path / "half.docx"
    assert "marked 内部资料 注意保密" in dialog.status_label.text()
    document = Document(str(path))
    lines = [p.text for p in document.paragraphs]
    assert lines[0] == CONFIDENTIAL
    assert f"Scope: {department.name} and the departments under it" in lines
    stats = services.statistics.compute(dialog.period, StatisticsFilter(department.id))
    talks_row = next(
        [c.text for c in row.cells]
        for row in document.tables[0].rows
        if row.cells[0].text == "Talks held"
    )
    assert talks_row[1] == str(stats.talks)
    assert exported(services)[-1][0] == "report"


def test_the_page_s_department_is_the_dialog_s_and_an_existing_file_is_kept_if_asked(
    qtbot: QtBot,
    env: tuple[Services, TaskRunner],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services, runner = env
    page = reports_page(qtbot, services, runner)
    department = services.people.departments()[1]
    with qtbot.waitSignal(page.figures_shown):
        page.department_combo.setCurrentIndex(page.department_combo.findData(department.id))
    idle(qtbot, runner)
    dialog = open_report_dialog(qtbot, page)
    assert dialog.department_combo.currentData() == department.id

    existing = tmp_path / "old.docx"
    existing.write_bytes(b"keep me")
    dialog.path_edit.setText(str(existing))
    asked: list[str] = []

    def decline(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", decline)
    before = exported(services)
    click(qtbot, dialog.write_button)
    idle(qtbot, runner)
    assert asked and str(existing) in asked[0]
    assert existing.read_bytes() == b"keep me" and exported(services) == before

    dialog.path_edit.setText(str(tmp_path / "missing" / "r.docx"))
    click(qtbot, dialog.write_button)
    assert "does not exist" in dialog.error_label.text()


def test_a_long_coverage_chart_is_drawn_in_even_parts(
    qapp: object, env: tuple[Services, TaskRunner]
) -> None:
    """Forty departments do not fit one readable chart: three images of about fourteen."""
    services, _ = env
    stats = services.statistics.compute(ReportPeriod.parse("2026Q3"))
    many = tuple(DepartmentCoverage(1000 + n, f"业务{n}科", 10, n % 10) for n in range(40))
    wide = replace(stats, coverage=replace(stats.coverage, departments=many))
    charts = report_charts(wide)
    coverage = [c for c in charts if c.title.startswith("Coverage per department")]
    assert [c.title for c in coverage] == [
        f"Coverage per department (%) (part {n} of 3)" for n in (1, 2, 3)
    ]
    assert all(c.png.startswith(b"\x89PNG") for c in charts)
    assert len(charts) == len(report_charts(stats)) + 2
