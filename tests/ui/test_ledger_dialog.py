"""The ledger from the Talks page: the dialog takes the page's filter, writes the workbook on
the database thread with a progress bar, can be cancelled, and says the file is not encrypted."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from talkdesk.domain.clock import FixedClock
from talkdesk.domain.values import TalkState
from talkdesk.services.bundle import Services
from talkdesk.services.session import WorkspaceSession
from talkdesk.ui.ledger_dialog import LedgerDialog, period_name
from talkdesk.ui.pages.talks_page import TalksPage
from talkdesk.ui.tasks import TaskRunner
from tests.reports.ledger_data import LedgerData, build
from tests.ui.page_helpers import idle, open_dialog, running


@pytest.fixture
def env(
    qtbot: QtBot, session: WorkspaceSession, clock: FixedClock
) -> Iterator[tuple[Services, TaskRunner, LedgerData]]:
    with running(session) as (services, runner):
        yield services, runner, build(services, clock)


def talks_page(qtbot: QtBot, services: Services, runner: TaskRunner) -> TalksPage:
    page = TalksPage(services, runner)
    qtbot.addWidget(page)
    page.resize(1200, 500)
    page.show()
    qtbot.waitUntil(lambda: page.model.total is not None)
    idle(qtbot, runner)
    return page


def open_ledger_dialog(qtbot: QtBot, page: TalksPage) -> LedgerDialog:
    qtbot.mouseClick(page.ledger_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, LedgerDialog)
    qtbot.waitUntil(dialog.export_button.isEnabled)  # the choices are loaded
    return dialog


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_ledger_of_the_department_chosen_on_the_talks_page(
    qtbot: QtBot,
    env: tuple[Services, TaskRunner, LedgerData],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services, runner, data = env
    page = talks_page(qtbot, services, runner)
    page.department_combo.setCurrentIndex(page.department_combo.findData(data.finance))
    qtbot.waitUntil(lambda: page.model.total == 2)
    dialog = open_ledger_dialog(qtbot, page)

    assert dialog.department_combo.currentText().strip() == "财务科"
    assert dialog.from_edit.date().toString("yyyy-MM-dd") == "2026-10-01"  # this quarter
    assert dialog.to_edit.date().toString("yyyy-MM-dd") == "2026-12-31"
    assert dialog.path_edit.text().endswith("Talk ledger_2026Q4.xlsx")
    assert not dialog.care_check.isChecked()
    talkers = [dialog.talker_combo.itemText(i) for i in range(dialog.talker_combo.count())]
    assert talkers == ["All talkers", "吴局长", "周书记"]  # by pinyin

    chosen = tmp_path / "财务科台账"  # the suffix is added
    monkeypatch.setattr("talkdesk.ui.save_target.ask_save_path", lambda *a: chosen)
    click(qtbot, dialog.choose_button)
    assert dialog.path_edit.text() == str(chosen) + ".xlsx"
    progress: list[tuple[int, int]] = []
    dialog.progress_changed.connect(lambda d, t: progress.append((d, t)))
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: "not encrypted" in dialog.status_label.text())

    written = Path(str(chosen) + ".xlsx")
    assert str(written) in dialog.status_label.text()
    assert "1 talk(s) and 1 follow-up(s)" in dialog.status_label.text()
    assert progress[-1] == (2, 2) and dialog.progress.value() == dialog.progress.maximum()
    wb = openpyxl.load_workbook(written)
    talks = list(wb["Talks"].iter_rows(min_row=3, values_only=True))
    assert [(r[2], r[3]) for r in talks] == [("李四", "财务科")]
    follow_ups = list(wb["Follow-ups"].iter_rows(min_row=3, values_only=True))
    assert [r[1] for r in follow_ups] == ["报销流程太慢"]
    assert dialog.export_button.isEnabled() and dialog.close_button.text() == "Close"
    click(qtbot, dialog.close_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_dialog_takes_the_state_filter_and_the_chosen_filters(
    qtbot: QtBot, env: tuple[Services, TaskRunner, LedgerData], tmp_path: Path
) -> None:
    services, runner, _ = env
    page = talks_page(qtbot, services, runner)
    page.state_combo.setCurrentIndex(page.state_combo.findData(TalkState.FINAL.value))
    dialog = open_ledger_dialog(qtbot, page)
    assert dialog.state_combo.currentText() == "Finalised"
    assert dialog.department_combo.currentIndex() == 0
    dialog.care_check.setChecked(True)
    dialog.from_edit.setDate(date(2026, 7, 1))
    assert dialog.path_edit.text().endswith("Talk ledger_2026H2.xlsx")
    dialog.from_edit.setDate(date(2026, 8, 1))
    assert dialog.path_edit.text().endswith("Talk ledger_20260801-20261231.xlsx")
    flt = dialog.ledger_filter()
    assert flt.state is TalkState.FINAL and flt.include_care
    assert (flt.date_from, flt.date_to) == (date(2026, 8, 1), date(2026, 12, 31))

    dialog.path_edit.setText(str(tmp_path / "final.xlsx"))
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: "not encrypted" in dialog.status_label.text())
    wb = openpyxl.load_workbook(tmp_path / "final.xlsx")
    assert wb["Talks"]["A1"].value.startswith("内部资料 注意保密")
    assert [r[2] for r in wb["Talks"].iter_rows(min_row=3, values_only=True)] == ["张三"]


def test_cancel_stops_the_export_and_leaves_no_file(
    qtbot: QtBot, env: tuple[Services, TaskRunner, LedgerData], tmp_path: Path
) -> None:
    services, runner, _ = env
    page = talks_page(qtbot, services, runner)
    dialog = open_ledger_dialog(qtbot, page)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "ledger.xlsx"
    dialog.path_edit.setText(str(target))
    gate = threading.Event()
    runner.submit(gate.wait)  # the database thread is busy: the export waits its turn
    click(qtbot, dialog.export_button)
    assert not dialog.export_button.isEnabled() and dialog.close_button.text() == "Cancel"
    assert dialog.progress.isVisible() and not dialog.department_combo.isEnabled()
    click(qtbot, dialog.close_button)  # "Cancel"
    assert dialog.isVisible()  # stays open until the export has stopped
    gate.set()
    qtbot.waitUntil(lambda: "No file was written" in dialog.status_label.text())
    assert not target.exists() and list(out.iterdir()) == []
    assert dialog.export_button.isEnabled() and dialog.close_button.text() == "Close"


def test_closing_while_exporting_cancels_then_closes(
    qtbot: QtBot, env: tuple[Services, TaskRunner, LedgerData], tmp_path: Path
) -> None:
    services, runner, _ = env
    page = talks_page(qtbot, services, runner)
    dialog = open_ledger_dialog(qtbot, page)
    out = tmp_path / "out"
    out.mkdir()
    dialog.path_edit.setText(str(out / "ledger.xlsx"))
    gate = threading.Event()
    runner.submit(gate.wait)
    click(qtbot, dialog.export_button)
    dialog.close()
    assert dialog.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # closed and deleted
    idle(qtbot, runner)
    assert list(out.iterdir()) == []


def test_a_period_that_ends_before_it_starts_is_refused(
    qtbot: QtBot, env: tuple[Services, TaskRunner, LedgerData], tmp_path: Path
) -> None:
    services, runner, _ = env
    page = talks_page(qtbot, services, runner)
    dialog = open_ledger_dialog(qtbot, page)
    target = tmp_path / "ledger.xlsx"
    dialog.path_edit.setText(str(target))
    dialog.to_edit.setDate(date(2026, 9, 30))
    click(qtbot, dialog.export_button)
    assert dialog.error_label.isVisible()
    assert "after the last day" in dialog.error_label.text()
    idle(qtbot, runner)
    assert not target.exists()


def test_period_names_for_file_names() -> None:
    assert period_name(date(2026, 10, 1), date(2026, 12, 31)) == "2026Q4"
    assert period_name(date(2026, 1, 1), date(2026, 3, 31)) == "2026Q1"
    assert period_name(date(2026, 7, 1), date(2026, 12, 31)) == "2026H2"
    assert period_name(date(2026, 1, 1), date(2026, 12, 31)) == "2026"
    assert period_name(date(2026, 10, 1), date(2026, 11, 30)) == "20261001-20261130"
