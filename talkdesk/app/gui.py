"""Starting the GUI: the application, its language, the workspace folder, then the shell's loop."""

from __future__ import annotations

import atexit
import logging
import shutil
import signal
import sys
import tempfile
from importlib.resources import files
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from talkdesk.app import cli_i18n, config, startup_probe
from talkdesk.app.logging_setup import close_logging, setup_logging
from talkdesk.app.wiring import GuiShell, Opener, Prepared, Progress, Start
from talkdesk.domain.clock import Clock, SystemClock
from talkdesk.ui import style
from talkdesk.ui.preferences import Language, PreferencesFile

log = logging.getLogger(__name__)


def run_gui(args: Any) -> int:
    """`talkdesk` with no subcommand: the window, on the user's workspace or a demo one."""
    app = make_application()
    demo = bool(getattr(args, "demo", False))
    folder = (
        Path(tempfile.mkdtemp(prefix="talkdesk-demo-"))
        if demo
        else config.data_dir(getattr(args, "data_dir", None))
    )
    if demo:
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    handler = setup_logging(folder / "logs")
    preferences = PreferencesFile(None if demo else folder / "settings.json")
    language = choose_language(getattr(args, "lang", None), preferences.current.language)
    translators = install_translators(app, language)
    style.apply(app)
    clock = SystemClock()
    if demo:
        import secrets

        password = secrets.token_urlsafe(9)
        shell = GuiShell(folder, preferences, clock, demo_opener(folder, clock, password), password)
    else:
        shell = GuiShell(folder, preferences, clock, workspace_opener(folder, clock))
    shell.quit_requested.connect(app.quit)
    if startup_probe.wanted():
        probe = startup_probe.StartupProbe(shell.window, shell.runner)
        shell.opened.connect(probe.workspace_opened)
    stop_on_signals(app)
    log.info("starting the GUI (demo=%s, language=%s)", demo, language.value)
    shell.start()
    try:
        code = app.exec()
    finally:
        shell.shutdown()
        del translators
        close_logging(handler)
        if demo:
            shutil.rmtree(folder, ignore_errors=True)
    return code


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
    path = files("talkdesk.resources").joinpath("translations", "talkdesk_zh_CN.qm")
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


def workspace_opener(folder: Path, clock: Clock) -> Opener:
    """Runs on the database thread: imports the storage, tries the remembered key."""

    def open_session(_progress: Progress) -> Prepared:
        from talkdesk.domain.errors import TalkdeskError
        from talkdesk.services.session import WorkspaceSession
        from talkdesk.storage.keystore import RememberedKeyStore
        from talkdesk.storage.paths import WorkspacePaths
        from talkdesk.ui.messages import error_text

        session = WorkspaceSession(
            WorkspacePaths(folder), clock, RememberedKeyStore(), config.kdf_params()
        )
        if not session.exists():
            return Prepared(session, Start.NEW)
        if not session.is_remembered():
            return Prepared(session, Start.LOCKED)
        try:
            session.unlock_remembered()
        except TalkdeskError as exc:
            log.info("remembered key not used: %s", exc.code.value)
            return Prepared(session, Start.LOCKED, error_text(exc))
        return Prepared(session, Start.OPEN)

    return open_session


def demo_opener(folder: Path, clock: Clock, password: str) -> Opener:
    """Runs on the database thread: builds the demo workspace in the temporary folder."""

    def open_demo(progress: Progress) -> Prepared:
        from talkdesk.app.demo import make_demo_session
        from talkdesk.storage.keystore import RememberedKeyStore

        session, _code = make_demo_session(
            folder,
            clock,
            RememberedKeyStore(),
            config.FAST_KDF,  # a throwaway workspace with a throwaway password
            password=password,
            progress=progress,
        )
        return Prepared(session, Start.OPEN)

    return open_demo


def stop_on_signals(app: QApplication) -> None:
    """Ctrl+C and SIGTERM quit the loop cleanly (so the demo folder is removed)."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: app.quit())
    # Python runs signal handlers only between bytecodes: wake up now and then.
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(500)
