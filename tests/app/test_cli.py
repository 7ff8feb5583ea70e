"""The command line as an administrator and a script use it: in-process, and once for real."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from keyring.errors import NoKeyringError

from talkdesk.app.config import kdf_params as real_kdf_params  # before conftest replaces it
from talkdesk.app.main import main
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage.kdf import DEFAULT_KDF
from tests.conftest import PASSWORD as CONFTEST_PASSWORD
from tests.helpers.memory_keyring import MemoryKeyring

PASSWORD = "Secret pass 123"


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """The command line reuses the test run's Qt application for its translator."""


@pytest.fixture
def password_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TALKDESK_PASSWORD", PASSWORD)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with its content hash: what "left exactly as it was" means."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def counts_in(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if line.startswith("  ")]


def make_demo(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["demo", "--data-dir", str(folder), "--people", "20", "--years", "1"])
    assert code == 0
    capsys.readouterr()


def test_init_prompts_for_the_password_twice_and_prints_the_recovery_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typed = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    folder = tmp_path / "ws"
    args = ["init", "--data-dir", str(folder), "--name", "王主任", "--unit", "示例局"]
    assert main([*args, "--role", "secretary", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Recovery code" in out and "Write it down" in out
    group_lines = [line.split() for line in out.splitlines() if line.startswith("    ")]
    assert [len(g) for g in group_lines] == [4, 4]
    assert all(len(group) == 4 for line in group_lines for group in line)
    assert (folder / "talkdesk.db").exists() and (folder / "keys.json").exists()

    monkeypatch.setenv("TALKDESK_PASSWORD", PASSWORD)
    assert main(["check", "--data-dir", str(folder)]) == 0
    assert "The workspace is sound." in capsys.readouterr().out


def test_init_refuses_two_different_passwords(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typed = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    folder = tmp_path / "ws"
    assert main(["init", "--data-dir", str(folder), "--name", "a", "--unit", "b"]) != 0
    err = capsys.readouterr().err
    assert err.strip() == "The two passwords differ. Please type them again."
    assert not folder.exists()


def test_demo_check_backup_restore_check(
    tmp_path: Path, password_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, copy, backup = tmp_path / "ws", tmp_path / "restored", tmp_path / "ws.tdbak"
    assert main(["demo", "--data-dir", str(folder), "--people", "20", "--years", "1"]) == 0
    made = capsys.readouterr()
    assert "100%" in made.err  # the progress bar

    assert main(["check", "--data-dir", str(folder)]) == 0
    checked = capsys.readouterr().out
    assert "people: 20" in checked and "The workspace is sound." in checked

    assert main(["backup", "--data-dir", str(folder), "--out", str(backup)]) == 0
    assert "verified" in capsys.readouterr().out
    assert main(["backup", "--data-dir", str(folder), "--out", str(backup)]) != 0
    assert "already exists" in capsys.readouterr().err

    assert main(["restore", str(backup), "--data-dir", str(copy)]) == 0
    capsys.readouterr()
    assert main(["check", "--data-dir", str(copy)]) == 0
    assert counts_in(capsys.readouterr().out)[4:] == counts_in(checked)[4:]


def test_wrong_password_one_line_and_files_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ws"
    monkeypatch.setenv("TALKDESK_PASSWORD", PASSWORD)
    make_demo(folder, capsys)
    before = snapshot(folder)
    monkeypatch.setenv("TALKDESK_PASSWORD", "not the password 1")
    for command in (["check"], ["backup", "--out", str(tmp_path / "b.zip")]):
        assert main([*command, "--data-dir", str(folder)]) == 2
        captured = capsys.readouterr()
        assert captured.err == "The password is not correct. Please try again.\n"
        assert captured.out == ""
    assert snapshot(folder) == before
    assert not (tmp_path / "b.zip").exists()


def test_wrong_password_typed_at_the_prompt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ws"
    monkeypatch.setenv("TALKDESK_PASSWORD", PASSWORD)
    make_demo(folder, capsys)
    monkeypatch.delenv("TALKDESK_PASSWORD")
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "typed wrongly 1")
    assert main(["check", "--data-dir", str(folder)]) == 2
    assert "password is not correct" in capsys.readouterr().err


@pytest.mark.parametrize("damage", ["truncate", "empty", "garble_header", "delete"])
def test_damaged_database_is_reported_and_left_alone(
    damage: str, tmp_path: Path, password_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ws"
    make_demo(folder, capsys)
    db = folder / "talkdesk.db"
    if damage == "truncate":
        os.truncate(db, 5000)
    elif damage == "empty":
        os.truncate(db, 0)
    elif damage == "garble_header":
        with db.open("r+b") as f:
            f.seek(16)
            f.write(os.urandom(200))
    else:
        db.unlink()
    before = snapshot(folder)
    assert main(["check", "--data-dir", str(folder)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "damaged" in err and "Traceback" not in err
    assert snapshot(folder) == before  # no new database, nothing rewritten


def test_damaged_page_fails_the_check(
    tmp_path: Path, password_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ws"
    make_demo(folder, capsys)
    with (folder / "talkdesk.db").open("r+b") as f:
        f.seek(4096 * 40 + 100)
        f.write(b"\x00" * 64)
    before = snapshot(folder)
    assert main(["check", "--data-dir", str(folder)]) == 1
    captured = capsys.readouterr()
    assert "Page authentication (HMAC): FAILED" in captured.out
    assert "damaged" in captured.err
    assert snapshot(folder) == before


def test_missing_workspace(
    tmp_path: Path, password_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "nothing-here"
    for command in (["check"], ["backup", "--out", str(tmp_path / "b.zip")]):
        assert main([*command, "--data-dir", str(folder)]) == 2
        assert "No workspace was found" in capsys.readouterr().err
    assert not folder.exists()


def test_init_and_restore_never_overwrite_a_workspace(
    tmp_path: Path, password_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, backup = tmp_path / "ws", tmp_path / "ws.zip"
    make_demo(folder, capsys)
    assert main(["backup", "--data-dir", str(folder), "--out", str(backup)]) == 0
    before = snapshot(folder)
    assert main(["init", "--data-dir", str(folder), "--name", "a", "--unit", "b"]) == 2
    assert "already holds a workspace" in capsys.readouterr().err
    assert main(["restore", str(backup), "--data-dir", str(folder)]) == 2
    assert "never overwritten" in capsys.readouterr().err
    assert snapshot(folder) == before


def test_restore_of_a_file_that_is_not_a_backup(
    tmp_path: Path, password_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a backup at all")
    target = tmp_path / "new"
    assert main(["restore", str(bogus), "--data-dir", str(target)]) == 2
    assert "not a sound talkdesk backup" in capsys.readouterr().err
    assert not target.exists() or not any(target.iterdir())


def test_keys_of_another_workspace_is_not_a_talkdesk_database(
    tmp_path: Path, password_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    make_demo(one, capsys)
    assert main(["init", "--data-dir", str(two), "--name", "a", "--unit", "b"]) == 0
    capsys.readouterr()
    (two / "talkdesk.db").write_bytes((one / "talkdesk.db").read_bytes())
    before = snapshot(two)
    assert main(["check", "--data-dir", str(two)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert snapshot(two) == before


@pytest.mark.parametrize("command", ["init", "demo", "check", "backup", "restore"])
def test_every_subcommand_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert f"talkdesk {command}" in out and "--data-dir" in out


def test_top_level_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in ("--demo", "--lang", "--version", "init", "demo", "check", "backup", "restore"):
        assert name in out


def test_messages_in_chinese(
    tmp_path: Path, password_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--data-dir", str(tmp_path / "none"), "--lang", "zh_CN"]) == 2
    err = capsys.readouterr().err
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err)


def _run(args: list[str], tmp_path: Path, password: str) -> subprocess.CompletedProcess[str]:
    """The real program, at the real key derivation cost (it has no switch to lower it)."""
    return _python(["-m", "talkdesk", *args], tmp_path, password)


def _python(args: list[str], tmp_path: Path, password: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "TALKDESK_PASSWORD": password,
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )


def test_real_process_init_check_and_wrong_password(tmp_path: Path) -> None:
    folder = str(tmp_path / "ws")
    made = _run(["init", "--data-dir", folder, "--name", "王", "--unit", "局"], tmp_path, PASSWORD)
    assert made.returncode == 0, made.stderr
    checked = _run(["check", "--data-dir", folder, "--lang", "en"], tmp_path, PASSWORD)
    assert checked.returncode == 0 and "sound" in checked.stdout
    before = snapshot(tmp_path / "ws")
    wrong = _run(["check", "--data-dir", folder, "--lang", "en"], tmp_path, "wrong password 9")
    assert wrong.returncode == 2
    assert wrong.stderr == "The password is not correct. Please try again.\n"
    assert snapshot(tmp_path / "ws") == before


def test_check_uses_the_remembered_key_and_falls_back_to_the_prompt(
    session: WorkspaceSession,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    session.set_remembered(True)
    session.lock()
    folder = str(session.paths.folder)

    def no_prompt(prompt: str = "") -> str:
        raise AssertionError("asked for the password although it is remembered")

    monkeypatch.setattr("getpass.getpass", no_prompt)
    assert main(["check", "--data-dir", folder]) == 0
    assert capsys.readouterr().err == ""

    memory_keyring.fail_with = NoKeyringError()
    monkeypatch.setattr("getpass.getpass", lambda prompt="": CONFTEST_PASSWORD)
    assert main(["check", "--data-dir", folder]) == 0
    assert "credential store" in capsys.readouterr().err


def test_real_process_unexpected_error_is_one_line_on_stderr(tmp_path: Path) -> None:
    """No logging set up would let Python's last-resort handler print the traceback."""
    script = (
        "import logging, sys\n"
        "import talkdesk.app.cli_commands as commands\n"
        "from talkdesk.app.main import main\n"
        "def boom(args):\n"
        "    logging.getLogger('talkdesk.somewhere').warning('a warning on the way')\n"
        "    raise LookupError('\u6b27\u9633\u7edd\u5bc6 must not be shown')\n"
        "commands.cmd_check = boom\n"
        "sys.exit(main(['check', '--data-dir', 'ws', '--lang', 'en']))\n"
    )
    ran = _python(["-c", script], tmp_path, PASSWORD)
    assert ran.returncode == 2
    assert ran.stderr.splitlines() == [
        "The command failed unexpectedly (LookupError). Nothing was changed."
    ]
    assert ran.stdout == ""


def test_unexpected_error_goes_to_the_workspace_log_by_type_only(
    session: WorkspaceSession,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import talkdesk.app.cli_commands as commands

    session.lock()
    session.paths.logs.mkdir()

    def boom(_args: object) -> int:
        raise LookupError("欧阳绝密")

    monkeypatch.setattr(commands, "cmd_check", boom)
    assert main(["check", "--data-dir", str(session.paths.folder)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "The command failed unexpectedly (LookupError). Nothing was changed."
    ]
    logged = (session.paths.logs / "talkdesk.log").read_text(encoding="utf-8")
    assert "LookupError" in logged and "欧阳绝密" not in logged and "Traceback" not in logged


def test_restore_with_the_recovery_code(
    session: WorkspaceSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code: str = session.recovery_code  # type: ignore[attr-defined]
    session.lock()
    backup, copy = tmp_path / "b.zip", tmp_path / "copy"
    monkeypatch.setenv("TALKDESK_PASSWORD", CONFTEST_PASSWORD)
    assert main(["backup", "--data-dir", str(session.paths.folder), "--out", str(backup)]) == 0
    monkeypatch.delenv("TALKDESK_PASSWORD")
    capsys.readouterr()

    typed = iter(["ＷＲＯＮＧ", code.lower().replace("-", " "), PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    args = ["restore", str(backup), "--data-dir", str(copy), "--recovery-code"]
    assert main(args) == 2
    assert "recovery code is not correct" in capsys.readouterr().err
    assert not copy.exists() or not any(copy.iterdir())
    assert main(args) == 0
    assert "restored" in capsys.readouterr().out

    monkeypatch.setenv("TALKDESK_PASSWORD", PASSWORD)  # the new password opens the copy
    assert main(["check", "--data-dir", str(copy)]) == 0
    monkeypatch.setenv("TALKDESK_PASSWORD", CONFTEST_PASSWORD)  # and the old one does not
    assert main(["check", "--data-dir", str(copy)]) == 2


def test_an_interrupted_demo_leaves_no_workspace(
    tmp_path: Path,
    password_env: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def interrupted(_ctx: object, _people: int, _years: int, _seed: int, progress: Any) -> None:
        progress(3, 10)
        raise KeyboardInterrupt

    folder = tmp_path / "demo"
    with monkeypatch.context() as m:
        m.setattr("talkdesk.app.demo.generate", interrupted)
        assert main(["demo", "--data-dir", str(folder), "--people", "20", "--years", "1"]) == 130
    assert "Interrupted. Nothing was changed." in capsys.readouterr().err
    assert not folder.exists()
    make_demo(folder, capsys)  # and it can be made there afterwards


def test_the_program_has_no_switch_to_weaken_the_key_derivation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TALKDESK_FAST_KDF", "1")
    assert real_kdf_params() == DEFAULT_KDF  # the program's, not the test suite's cheap one
