"""Starting the GUI: the application, its language, the workspace folder, then the shell's loop."""

from __future__ import annotations

import atexit
import logging
import shutil
import signal
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

import talkdesk.resources as resources
from talkdesk.app import cli_i18n, config, startup_probe
from talkdesk.ui import style
from talkdesk.ui.main_window import MainWindow
from talkdesk.ui.messages import unexpected_text
from talkdesk.ui.preferences import Language, PreferencesFile

if TYPE_CHECKING:
    from talkdesk.app.wiring import GuiShell

log = logging.getLogger(__name__)


def run_gui(args: Any) -> int:
    """`talkdesk` with no subcommand: the window, on the user's workspace or a demo one.

    The window is shown first (its lock screen says the workspace opens); the shell, with
    its database thread, tray, reminders and log file, is built once it has been painted.
    """
    app = make_application()
    demo = bool(getattr(args, "demo", False))
    folder = (
        Path(tempfile.mkdtemp(prefix="talkdesk-demo-"))
        if demo
        else config.data_dir(getattr(args, "data_dir", None))
    )
    if demo:
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    preferences = PreferencesFile(None if demo else folder / "settings.json")
    language = choose_language(getattr(args, "lang", None), preferences.current.language)
    translators = install_translators(app, language)
    style.apply(app)
    window = MainWindow(folder)
    window.show_on_screen()
    probe = startup_probe.StartupProbe(window) if startup_probe.wanted() else None
    starter = _ShellStarter(app, folder, preferences, window, demo, probe)
    window.first_painted.connect(starter.start, Qt.ConnectionType.QueuedConnection)
    QTimer.singleShot(300, starter.start)  # a window never painted (started hidden)
    stop_on_signals(app)
    try:
        code = app.exec()
    finally:
        starter.shutdown()
        del translators
        if demo:
            shutil.rmtree(folder, ignore_errors=True)
    return code


class _ShellStarter:
    """Builds the shell after the first paint, and takes it down when the loop ends."""

    def __init__(
        self,
        app: QApplication,
        folder: Path,
        preferences: PreferencesFile,
        window: MainWindow,
        demo: bool,
        probe: startup_probe.StartupProbe | None,
    ) -> None:
        self._app = app
        self._folder = folder
        self._preferences = preferences
        self._window = window
        self._demo = demo
        self._probe = probe
        self._started = False
        self._shell: GuiShell | None = None
        self._handler: logging.Handler | None = None

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        from talkdesk.app.logging_setup import setup_logging
        from talkdesk.app.openers import build_shell

        self._handler = setup_logging(self._folder / "logs")
        log.info("starting the GUI (demo=%s)", self._demo)
        try:
            shell = build_shell(self._folder, self._preferences, self._window, self._demo)
        except Exception as exc:  # a bug: say so rather than stay on "opening" for ever
            log.error("the shell could not be built: %s", type(exc).__name__)
            QMessageBox.critical(self._window, "talkdesk", unexpected_text())
            self._app.quit()
            return
        shell.quit_requested.connect(self._app.quit)
        if self._probe is not None:
            shell.first_data_shown.connect(self._probe.data_shown)
        self._shell = shell
        shell.start()

    def shutdown(self) -> None:
        from talkdesk.app.logging_setup import close_logging

        if self._shell is not None:
            self._shell.shutdown()
        close_logging(self._handler)


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("talkdesk")
    app.setApplicationName("talkdesk")
    app.setApplicationDisplayName("talkdesk")
    # The shell quits explicitly (window closed, or Quit in a dialog), never because the
    # setup dialog closed before the window took over.
    app.setQuitOnLastWindowClosed(False)
    return app


def choose_language(cli_value: str | None, preferred: Language) -> Language:
    """--lang, else the saved preference, else TALKDESK_LANG or the system's (Chinese first)."""
    if cli_value:
        return Language.ZH_CN if cli_value.lower().startswith("zh") else Language.EN
    if preferred is not Language.SYSTEM:
        return preferred
    return Language.ZH_CN if cli_i18n.choose(None) == "zh_CN" else Language.EN


def install_translators(app: QApplication, language: Language) -> list[QTranslator]:
    """talkdesk's zh_CN catalogue and Qt's own (standard dialogs); the caller keeps them alive."""
    if language is not Language.ZH_CN:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    installed = []
    ours = QTranslator(app)
    path = resources.path("translations", "talkdesk_zh_CN.qm")
    if ours.load(str(path)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("the zh_CN translation could not be loaded")
    qt = QTranslator(app)
    if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def stop_on_signals(app: QApplication) -> None:
    """Ctrl+C and SIGTERM quit the loop cleanly (so the demo folder is removed)."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: app.quit())
    # Python runs signal handlers only between bytecodes: wake up now and then.
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(500)
