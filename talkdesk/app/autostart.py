"""Starting talkdesk at login: a Windows Run key, an XDG autostart file, or a macOS LaunchAgent.

Each system has its own per-user place, none needs administrator rights,
and each holds only the command that starts talkdesk (no path to the
workspace, nothing personal). Enabling again rewrites the entry, so that an
updated or moved program is started from where it now is.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Any, Protocol

NAME = "talkdesk"
LAUNCH_AGENT_LABEL = "org.talkdesk.talkdesk"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def launch_command() -> list[str]:
    """How this talkdesk is started: the frozen program itself, or Python running the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "talkdesk"]


class Autostart(Protocol):
    def enable(self) -> None: ...

    def disable(self) -> None: ...

    def is_enabled(self) -> bool: ...


class XdgAutostart:
    """Linux and other XDG desktops: a .desktop file in ~/.config/autostart."""

    def __init__(self, config_home: Path, command: list[str]) -> None:
        self.path = config_home / "autostart" / f"{NAME}.desktop"
        self._command = command

    def contents(self) -> str:
        return (
            "[Desktop Entry]\n"
            "Type=Application\n"
            f"Name={NAME}\n"
            f"Exec={_desktop_exec(self._command)}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
        )

    def enable(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _write(self.path, self.contents().encode("utf-8"))

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)

    def is_enabled(self) -> bool:
        return self.path.is_file()


class LaunchAgent:
    """macOS: a property list in ~/Library/LaunchAgents, run at load (login)."""

    def __init__(self, home: Path, command: list[str]) -> None:
        self.path = home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
        self._command = command

    def contents(self) -> bytes:
        import plistlib  # macOS only; kept off the way to the first paint elsewhere

        return plistlib.dumps(
            {
                "Label": LAUNCH_AGENT_LABEL,
                "ProgramArguments": list(self._command),
                "RunAtLoad": True,
                "ProcessType": "Interactive",
            }
        )

    def enable(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _write(self.path, self.contents())

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)

    def is_enabled(self) -> bool:
        return self.path.is_file()


class Registry(Protocol):
    """The few calls on HKEY_CURRENT_USER's Run key that autostart needs (winreg, or a fake)."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class RunKey:
    """Windows: a value in HKCU\\...\\CurrentVersion\\Run holding the command line."""

    def __init__(self, registry: Registry, command: list[str]) -> None:
        self._registry = registry
        self._command = command

    def value(self) -> str:
        return _windows_command_line(self._command)

    def enable(self) -> None:
        self._registry.set(NAME, self.value())

    def disable(self) -> None:
        self._registry.delete(NAME)

    def is_enabled(self) -> bool:
        return self._registry.get(NAME) is not None


class WinregRunKey:
    """The real Run key through `winreg` (imported only on Windows)."""

    def get(self, name: str) -> str | None:
        winreg = _winreg()

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(value)

    def set(self, name: str, value: str) -> None:
        winreg = _winreg()

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        winreg = _winreg()

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass


def _winreg() -> Any:
    """The `winreg` module (Windows only; imported by name so other systems type-check)."""
    return importlib.import_module("winreg")


def for_this_system(
    platform: str = sys.platform,
    home: Path | None = None,
    command: list[str] | None = None,
    registry: Registry | None = None,
) -> Autostart:
    """The autostart entry of this system, for this user."""
    command = command or launch_command()
    home = home or Path.home()
    if platform.startswith("win"):
        return RunKey(registry or WinregRunKey(), command)
    if platform == "darwin":
        return LaunchAgent(home, command)
    config = os.environ.get("XDG_CONFIG_HOME") or ""
    return XdgAutostart(Path(config) if config else home / ".config", command)


def set_enabled(autostart: Autostart, on: bool) -> None:
    if on:
        autostart.enable()
    else:
        autostart.disable()


def _desktop_exec(command: list[str]) -> str:
    """The Exec key's quoting (Desktop Entry spec): arguments with reserved characters quoted."""
    out = []
    for arg in command:
        escaped = arg.replace("%", "%%")
        if any(c in escaped for c in " \t\n\"'\\><~|&;$*?#()`"):
            inner = escaped.replace("\\", "\\\\").replace('"', '\\"')
            inner = inner.replace("`", "\\`").replace("$", "\\$")
            escaped = f'"{inner}"'
        out.append(escaped)
    return " ".join(out)


def _windows_command_line(command: list[str]) -> str:
    """Each argument quoted for Windows when it has a space (Program Files)."""
    return " ".join(f'"{arg}"' if (" " in arg or not arg) else arg for arg in command)


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
