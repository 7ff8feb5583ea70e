"""The few non-secret preferences (language, idle-lock minutes, tray, login), read before unlock.

They live in a small JSON file beside the workspace (`settings.json`), never
inside the encrypted database, because the language must be known before the
password dialog is shown. Nothing personal is ever written here.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_IDLE_MINUTES = 10


class Language(StrEnum):
    SYSTEM = "system"
    ZH_CN = "zh_CN"
    EN = "en"


@dataclass(frozen=True)
class Preferences:
    language: Language = Language.SYSTEM
    idle_minutes: int = DEFAULT_IDLE_MINUTES
    close_to_tray: bool = True  # closing the window keeps talkdesk in the tray (reminders go on)
    told_about_tray: bool = False  # the one-time message about it was shown
    start_at_login: bool = False

    def with_changes(self, **values: object) -> Preferences:
        return replace(self, **values)  # type: ignore[arg-type]


class PreferencesFile:
    """Loads and saves `Preferences`; a missing or garbled file gives the defaults."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._current = self._read()

    @property
    def current(self) -> Preferences:
        return self._current

    def save(self, prefs: Preferences) -> None:
        self._current = prefs
        if self.path is None:
            return
        data = asdict(prefs)
        data["language"] = prefs.language.value
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(self.path.name + ".tmp")
            tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as exc:
            log.warning("preferences not saved: %s", type(exc).__name__)

    def _read(self) -> Preferences:
        if self.path is None or not self.path.exists():
            return Preferences()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            minutes = int(data.get("idle_minutes", DEFAULT_IDLE_MINUTES))
            return Preferences(
                language=Language(data.get("language", Language.SYSTEM.value)),
                idle_minutes=minutes if 1 <= minutes <= 240 else DEFAULT_IDLE_MINUTES,
                close_to_tray=_flag(data, "close_to_tray", True),
                told_about_tray=_flag(data, "told_about_tray", False),
                start_at_login=_flag(data, "start_at_login", False),
            )
        except (OSError, ValueError, TypeError, AttributeError):
            log.warning("preferences file unreadable; defaults used")
            return Preferences()


def _flag(data: dict[str, object], name: str, default: bool) -> bool:
    value = data.get(name, default)
    return value if isinstance(value, bool) else default
