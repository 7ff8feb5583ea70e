"""`talkdesk --demo` as the command line starts it: the window on a demo, folder removed at exit."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from talkdesk.app import gui, openers
from talkdesk.app.wiring import GuiShell
from talkdesk.domain.clock import FixedClock
from talkdesk.ui.navigation import PageId
from talkdesk.ui.preferences import Language
from tests.ui.shell_helpers import make_workspace


def test_demo_opens_the_main_window_without_a_password_and_cleans_up(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    seen: dict[str, object] = {}
    started = GuiShell.start

    def start(shell: GuiShell) -> None:
        def opened() -> None:
            seen["title"] = shell.window.windowTitle()
            seen["locked"] = shell.window.is_locked
            seen["folder"] = shell.folder
            seen["asked"] = shell.unlock_dialog is not None or shell.setup_dialog is not None
            QTimer.singleShot(0, shell.window.close)

        shell.opened.connect(opened)
        started(shell)

    monkeypatch.setattr(GuiShell, "start", start)
    monkeypatch.setattr(gui, "stop_on_signals", lambda app: None)  # keep pytest's Ctrl+C
    default = QLocale()
    code = gui.run_gui(argparse.Namespace(demo=True, data_dir=None, lang="en"))
    QLocale.setDefault(default)
    qapp.setQuitOnLastWindowClosed(True)
    assert code == 0
    assert seen["title"] == "talkdesk — 示例市某某局"
    assert seen["locked"] is False and seen["asked"] is False
    assert not Path(str(seen["folder"])).exists()  # the demo folder is gone


def test_a_remembered_workspace_shows_its_figures_before_the_services_load(
    qapp: QApplication, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window first, then the glance's figures, then the opened workspace."""
    folder = tmp_path / "ws"
    make_workspace(folder, clock, remember=True)
    events: list[str] = []
    started = GuiShell.start

    def start(shell: GuiShell) -> None:
        events.append("painted" if shell.window.painted else "not painted")

        def glanced() -> None:
            today = shell.window.page(PageId.TODAY)
            events.append(f"figures {type(today).__name__}, services {shell.services is not None}")

        def opened() -> None:
            events.append("opened")
            QTimer.singleShot(0, shell.window.close)

        shell.first_data_shown.connect(glanced)
        shell.opened.connect(opened)
        started(shell)

    monkeypatch.setattr(GuiShell, "start", start)
    monkeypatch.setattr(gui, "stop_on_signals", lambda app: None)
    default = QLocale()
    code = gui.run_gui(argparse.Namespace(demo=False, data_dir=str(folder), lang="en"))
    QLocale.setDefault(default)
    qapp.setQuitOnLastWindowClosed(True)
    assert code == 0
    assert events == ["painted", "figures GlancePage, services False", "opened"]
    assert "starting the GUI" in (folder / "logs" / "talkdesk.log").read_text()


def test_a_failure_to_build_the_shell_is_said_and_quits(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []

    def broken(*_args: object) -> GuiShell:
        raise RuntimeError("a bug")

    monkeypatch.setattr(openers, "build_shell", broken)
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: said.append(text))
    monkeypatch.setattr(gui, "stop_on_signals", lambda app: None)
    default = QLocale()
    code = gui.run_gui(argparse.Namespace(demo=False, data_dir=str(tmp_path / "ws"), lang="en"))
    QLocale.setDefault(default)
    qapp.setQuitOnLastWindowClosed(True)
    assert code == 0
    assert said and "Something unexpected went wrong" in said[0]
    log = (tmp_path / "ws" / "logs" / "talkdesk.log").read_text()
    assert "the shell could not be built: RuntimeError" in log


def test_language_follows_the_option_then_the_preference() -> None:
    assert gui.choose_language("zh_CN", Language.EN) is Language.ZH_CN
    assert gui.choose_language("en", Language.ZH_CN) is Language.EN
    assert gui.choose_language(None, Language.ZH_CN) is Language.ZH_CN


def test_chinese_first_unless_the_system_is_english(monkeypatch: pytest.MonkeyPatch) -> None:
    assert gui.choose_language(None, Language.SYSTEM) is Language.EN  # conftest: TALKDESK_LANG
    monkeypatch.delenv("TALKDESK_LANG")
    monkeypatch.setattr(gui.cli_i18n, "system_is_english", lambda: False)  # "C", zh, others
    assert gui.choose_language(None, Language.SYSTEM) is Language.ZH_CN
    monkeypatch.setattr(gui.cli_i18n, "system_is_english", lambda: True)
    assert gui.choose_language(None, Language.SYSTEM) is Language.EN


def test_chinese_translation_is_installed(qapp: QApplication) -> None:
    default = QLocale()
    translators = gui.install_translators(qapp, Language.ZH_CN)
    try:
        assert translators
        assert QApplication.translate("MainWindow", "Lock") == "锁定"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(default)
