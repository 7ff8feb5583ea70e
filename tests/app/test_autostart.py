"""Start at login: the XDG autostart file, the macOS LaunchAgent and the Windows Run key value."""

from __future__ import annotations

import configparser
import plistlib
import sys
from pathlib import Path

import pytest

from talkdesk.app import autostart
from talkdesk.app.autostart import LaunchAgent, RunKey, XdgAutostart


class FakeRegistry:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def test_linux_writes_and_removes_an_xdg_autostart_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    entry = autostart.for_this_system(
        "linux", home, ["/opt/talk desk/bin/python", "-m", "talkdesk"]
    )
    assert isinstance(entry, XdgAutostart)
    path = home / ".config" / "autostart" / "talkdesk.desktop"  # conftest's XDG_CONFIG_HOME
    assert not entry.is_enabled()
    entry.enable()
    assert entry.is_enabled() and path.is_file()
    parsed = configparser.ConfigParser(interpolation=None)
    parsed.read(path, encoding="utf-8")
    section = parsed["Desktop Entry"]
    assert section["Type"] == "Application" and section["Name"] == "talkdesk"
    assert section["Exec"] == '"/opt/talk desk/bin/python" -m talkdesk'
    entry.enable()  # again: rewritten, still one file
    assert sorted(p.name for p in path.parent.iterdir()) == ["talkdesk.desktop"]
    entry.disable()
    assert not entry.is_enabled() and not path.exists()
    entry.disable()  # nothing to remove: fine


def test_xdg_config_home_is_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    entry = autostart.for_this_system("linux", tmp_path / "home", ["talkdesk"])
    autostart.set_enabled(entry, True)
    assert (tmp_path / "cfg" / "autostart" / "talkdesk.desktop").is_file()
    autostart.set_enabled(entry, False)
    assert not entry.is_enabled()


def test_macos_launch_agent_runs_the_command_at_load(tmp_path: Path) -> None:
    command = ["/Applications/talkdesk.app/Contents/MacOS/talkdesk"]
    entry = autostart.for_this_system("darwin", tmp_path, command)
    assert isinstance(entry, LaunchAgent)
    entry.enable()
    path = tmp_path / "Library" / "LaunchAgents" / "org.talkdesk.talkdesk.plist"
    data = plistlib.loads(path.read_bytes())
    assert data["Label"] == "org.talkdesk.talkdesk"
    assert data["ProgramArguments"] == command and data["RunAtLoad"] is True
    assert entry.is_enabled()
    entry.disable()
    assert not path.exists() and not entry.is_enabled()


def test_windows_run_key_holds_the_quoted_command_line(tmp_path: Path) -> None:
    registry = FakeRegistry()
    command = [r"C:\Program Files\talkdesk\talkdesk.exe"]
    entry = autostart.for_this_system("win32", tmp_path, command, registry)
    assert isinstance(entry, RunKey)
    assert not entry.is_enabled()
    entry.enable()
    assert registry.values == {"talkdesk": r'"C:\Program Files\talkdesk\talkdesk.exe"'}
    assert entry.is_enabled()
    entry.disable()
    assert registry.values == {} and not entry.is_enabled()
    assert not any(tmp_path.iterdir())  # nothing written to the disk on Windows


def test_the_command_starts_this_talkdesk() -> None:
    assert autostart.launch_command() == [sys.executable, "-m", "talkdesk"]
