"""The command line's language: Qt's translator with QtCore only, so it runs with no screen."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

import talkdesk.resources as resources

# The application object and translator live as long as the command runs;
# Qt translates nothing without an application instance holding a translator.
_alive: list[object] = []


def choose(requested: str | None) -> str:
    """--lang, else TALKDESK_LANG, else the system's language (see `system_is_english`)."""
    requested = requested or os.environ.get("TALKDESK_LANG")
    if requested:
        return "zh_CN" if requested.lower().startswith("zh") else "en"
    return "en" if system_is_english() else "zh_CN"


def system_is_english() -> bool:
    """Chinese first: English only on a system set to English (a bare "C" locale gets Chinese)."""
    return QLocale.system().language() == QLocale.Language.English


def install(requested: str | None, gui: bool = False) -> QTranslator | None:
    """Install the zh_CN catalogue when that is the language; returns it for `remove`.

    With `gui`, the application made is one that can lay out text and draw pages (a PDF,
    a chart) without a screen: Qt's offscreen platform on Linux and the like.
    """
    app = QCoreApplication.instance()
    if app is None:
        app = _drawing_application() if gui else QCoreApplication(sys.argv[:1])
        _alive.append(app)
    if choose(requested) != "zh_CN":
        return None
    translator = QTranslator(app)
    path = resources.path("translations", "talkdesk_zh_CN.qm")
    if not translator.load(str(path)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def _drawing_application() -> QCoreApplication:
    from PySide6.QtWidgets import QApplication

    argv = sys.argv[:1]
    if sys.platform not in ("win32", "darwin"):  # no display needed (a server, a cron job)
        argv += ["-platform", "offscreen"]
    return QApplication(argv)


def remove(translator: QTranslator | None) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)


def tr(source: str) -> str:
    return QCoreApplication.translate("cli", source)
