"""The Statistics page as the leader uses it: choose a period and a filter, read the figures
and charts, click a bar or slice to list its records and open one, save a chart as PNG."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCharts import QPieSeries
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from talkdesk.services.bundle import Services
from talkdesk.services.demo import generate
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.statistics_figures import (
    Indicator,
    PeriodKind,
    ReportPeriod,
    StatisticsFilter,
)
from talkdesk.storage.tables import audit_event
from talkdesk.ui.pages import reports_page
from talkdesk.ui.pages.reports_page import ReportsPage
from talkdesk.ui.pages.statistics_charts import ChartKind, StatChart, records_counted
from talkdesk.ui.tasks import TaskRunner
from tests.ui.page_helpers import idle, running

Q4 = ReportPeriod.of(PeriodKind.QUARTER, date(2026, 11, 1))


@pytest.fixture
def env(session: WorkspaceSession) -> Iterator[tuple[Services, TaskRunner]]:
    generate(session.context, people=30, years=1, seed=3)
    with running(session) as (services, runner):
        yield services, runner


def shown_page(qtbot: QtBot, services: Services, runner: TaskRunner) -> ReportsPage:
    page = ReportsPage(services, runner)
    qtbot.addWidget(page)
    page.resize(1190, 680)
    with qtbot.waitSignal(page.figures_shown, timeout=10_000):
        page.show()
    idle(qtbot, runner)  # the previous period's figures too
    return page


def chart(page: ReportsPage, kind: ChartKind) -> StatChart:
    found = page.charts[kind].chart
    assert found is not None
    return found


def click_bar(qtbot: QtBot, page: ReportsPage, kind: ChartKind, index: int) -> None:
    """Click on a bar where the user sees it."""
    box = page.charts[kind]
    page.scroll.ensureWidgetVisible(box)
    view = box.view
    at = view.mapFromScene(chart(page, kind).bar_position(index))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(at.x(), at.y()))


def test_the_figures_and_charts_show_the_service_s_numbers(
    qtbot: QtBot, env: tuple[Services, TaskRunner]
) -> None:
    services, runner = env
    page = shown_page(qtbot, services, runner)
    stats = services.statistics.compute(Q4)
    assert page.period == Q4 and page.period_chooser.period_label.text() == "Q4 2026"
    assert not page.period_chooser.next_button.isEnabled()  # nothing after the running quarter

    cards = {name: card.value_label.text() for name, card in page.cards.items()}
    assert cards["talks"] == str(stats.talks)
    assert cards["coverage"] == f"{100 * (stats.coverage.rate or 0):.0f}%"
    assert cards["resolved"] == str(stats.follow_ups.resolved)
    assert cards["overdue"] == str(stats.follow_ups.overdue)
    previous = services.statistics.compute(Q4.previous())
    assert page.cards["talks"].previous_label.text() == f"Previous period: {previous.talks}"
    assert f"with {stats.people_talked} people" in page.cards["talks"].text_shown()

    months = chart(page, ChartKind.MONTHS)
    assert months.bar_set is not None
    assert [months.bar_set.at(i) for i in range(12)] == [m.talks for m in stats.months]
    coverage = chart(page, ChartKind.COVERAGE)
    assert [p.key for p in coverage.points] == [
        d.key for d in stats.coverage.departments if d.covered
    ]
    pie = chart(page, ChartKind.FEEDBACK).plot
    assert isinstance(pie, QPieSeries)
    assert sum(s.value() for s in pie.slices()) == stats.feedback.owed
    topics = chart(page, ChartKind.TOPICS)
    assert sum(p.value for p in topics.points) == sum(t.talks for t in stats.topics)

    assert page.findChild(QPushButton, "reportButton") is not None  # the evaluation report


def test_choosing_a_period_and_a_filter(qtbot: QtBot, env: tuple[Services, TaskRunner]) -> None:
    services, runner = env
    page = shown_page(qtbot, services, runner)
    chooser = page.period_chooser

    with qtbot.waitSignal(page.figures_shown):
        qtbot.mouseClick(chooser.previous_button, Qt.MouseButton.LeftButton)
    assert page.period.code == "2026Q3" and chooser.next_button.isEnabled()
    q3 = services.statistics.compute(page.period)
    assert page.cards["talks"].value_label.text() == str(q3.talks)

    with qtbot.waitSignal(page.figures_shown):
        chooser.kind_combo.setCurrentIndex(chooser.kind_combo.findData(PeriodKind.YEAR.value))
    assert page.period.code == "2026" and chooser.period_label.text() == "2026 (year)"
    year = services.statistics.compute(page.period)
    assert page.cards["talks"].value_label.text() == str(year.talks)

    department = services.people.departments()[0]
    combo = page.department_combo
    with qtbot.waitSignal(page.figures_shown):
        combo.setCurrentIndex(combo.findData(department.id))
    assert page.stats is not None
    assert page.stats.filter == StatisticsFilter(department_id=department.id)
    narrowed = services.statistics.compute(page.period, page.stats.filter)
    assert page.cards["talks"].value_label.text() == str(narrowed.talks) != str(year.talks)

    talker = services.statistics.talkers()[0]
    with qtbot.waitSignal(page.figures_shown):
        page.talker_combo.setCurrentIndex(page.talker_combo.findData(talker.id))
    assert page.stats.filter == StatisticsFilter(department.id, talker.id)


def test_a_bar_lists_its_talks_and_a_line_opens_the_talk(
    qtbot: QtBot, env: tuple[Services, TaskRunner]
) -> None:
    services, runner = env
    page = shown_page(qtbot, services, runner)
    assert page.records_panel.isHidden()
    october = 9  # January to December
    with qtbot.waitSignal(page.records_shown):
        click_bar(qtbot, page, ChartKind.MONTHS, october)
    panel = page.records_panel
    assert panel.isVisible()
    assert panel.title_label.text() == "Talks per month: Oct"
    expected = services.statistics.records(Q4, Indicator.TALKS_PER_MONTH, "2026-10")
    assert [r.id for r in panel.talks_model.rows] == [t.id for t in expected.talks]
    assert panel.talks_model.rowCount() == chart(page, ChartKind.MONTHS).points[october].value

    table = panel.table()
    index = table.model().index(0, 0)
    with qtbot.waitSignal(page.open_page) as opened:
        table.activated.emit(index)
    assert opened.args == ["talks", f"talk:{expected.talks[0].id}"]


def test_a_slice_lists_its_follow_ups(qtbot: QtBot, env: tuple[Services, TaskRunner]) -> None:
    services, runner = env
    page = shown_page(qtbot, services, runner)
    feedback = chart(page, ChartKind.FEEDBACK)
    first = feedback.points[0]
    with qtbot.waitSignal(page.records_shown):
        feedback.slices()[0].clicked.emit()
    rows = page.records_panel.follow_ups_model.rows
    assert len(rows) == first.value > 0
    with qtbot.waitSignal(page.open_page) as opened:
        page.records_panel.table().activated.emit(page.records_panel.table().model().index(0, 0))
    assert opened.args == ["follow_ups", f"follow_up:{rows[0].id}"]


def test_a_coverage_bar_and_a_card_list_people(
    qtbot: QtBot, env: tuple[Services, TaskRunner]
) -> None:
    services, runner = env
    page = shown_page(qtbot, services, runner)
    coverage = chart(page, ChartKind.COVERAGE)
    with qtbot.waitSignal(page.records_shown):
        click_bar(qtbot, page, ChartKind.COVERAGE, 0)  # the top bar: the first department
    people = page.records_panel.covered_model.rows
    assert len(people) == coverage.points[0].count

    stats = services.statistics.compute(Q4)
    with qtbot.waitSignal(page.records_shown):
        qtbot.mouseClick(page.cards["coverage"], Qt.MouseButton.LeftButton)
    missed = page.records_panel.covered_model.rows
    assert len(missed) == stats.coverage.missed
    assert page.records_panel.title_label.text() == "People not talked with"
    if missed:
        with qtbot.waitSignal(page.open_page) as opened:
            page.records_panel.table().activated.emit(
                page.records_panel.table().model().index(0, 0)
            )
        assert opened.args == ["people", f"person:{missed[0].id}"]


def test_a_chart_is_saved_as_png_and_audited(
    qtbot: QtBot,
    env: tuple[Services, TaskRunner],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services, runner = env
    page = shown_page(qtbot, services, runner)
    asked: list[Path] = []

    def choose(_parent: object, _title: str, suggested: Path, _filter: str) -> Path:
        asked.append(suggested)
        return tmp_path / "talks"  # the user typed no suffix

    monkeypatch.setattr(reports_page, "ask_save_path", choose)
    box = page.charts[ChartKind.MONTHS]
    with qtbot.waitSignal(page.chart_saved) as saved:
        qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "talks.png"
    assert saved.args == [path]
    assert asked[0].name == "Talks_per_month_2026Q4.png"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
    assert not list(tmp_path.glob(".*.tmp"))  # written through a temporary file, renamed

    message = page.message
    assert message is not None and message.icon() == QMessageBox.Icon.Information
    assert str(path) in message.text() and "not encrypted" in message.text()
    message.accept()

    with services.session.context.db.reading() as conn:
        lines = conn.execute(
            select(audit_event.c.action, audit_event.c.entity, audit_event.c.count).where(
                audit_event.c.action == "exported"
            )
        ).all()
    assert page.stats is not None
    assert lines == [
        ("exported", "statistics_chart", records_counted(ChartKind.MONTHS, page.stats))
    ]


def test_a_chart_that_cannot_be_written_says_so(
    qtbot: QtBot,
    env: tuple[Services, TaskRunner],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services, runner = env
    page = shown_page(qtbot, services, runner)
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(
        reports_page, "ask_save_path", lambda *_a: blocker / "chart.png"
    )  # its folder is a file
    page.save_chart(ChartKind.TOPICS)
    qtbot.waitUntil(lambda: page.message is not None)
    assert page.message is not None and page.message.icon() == QMessageBox.Icon.Warning
    with services.session.context.db.reading() as conn:
        assert not conn.execute(
            select(audit_event.c.id).where(audit_event.c.action == "exported")
        ).all()


def test_locking_forgets_the_figures(qtbot: QtBot, env: tuple[Services, TaskRunner]) -> None:
    services, runner = env
    page = shown_page(qtbot, services, runner)
    with qtbot.waitSignal(page.records_shown):
        qtbot.mouseClick(page.cards["talks"], Qt.MouseButton.LeftButton)
    page.forget()
    assert page.stats is None and page.records_panel.isHidden()
    assert all(card.value_label.text() == "–" for card in page.cards.values())
    assert all(box.chart is None for box in page.charts.values())
    assert page.department_combo.count() == 1  # no department names left on screen


def test_an_empty_workspace_shows_no_charts_and_nothing_to_save(
    qtbot: QtBot, session: WorkspaceSession
) -> None:
    with running(session) as (services, runner):
        page = shown_page(qtbot, services, runner)
        assert page.cards["talks"].value_label.text() == "0"
        assert page.cards["coverage"].value_label.text() == "–"  # nobody covered: no rate
        for box in page.charts.values():
            assert box.stack.currentWidget() is box.empty_label
            assert not box.save_button.isEnabled()
