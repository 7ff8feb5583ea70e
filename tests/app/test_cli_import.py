"""`talkdesk import people` as a script or an administrator uses it: report, import, refusals."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from talkdesk.app.main import main
from tests.helpers.rosters import (
    MESSY_ROWS,
    billion_laughs_xlsx,
    merged_header_xlsx,
    messy_gbk_csv,
    workbook,
    zip_bomb_xlsx,
)

PASSWORD = "Secret pass 123"


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """The command line reuses the test run's Qt application for its translator."""


@pytest.fixture
def folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    """An empty workspace, opened by the commands with TALKDESK_PASSWORD."""
    monkeypatch.setenv("TALKDESK_PASSWORD", PASSWORD)
    ws = tmp_path / "ws"
    assert main(["init", "--data-dir", str(ws), "--name", "王主任", "--unit", "示例局"]) == 0
    capsys.readouterr()
    return ws


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["import", "people", *args, "--data-dir", str(folder)])
    out = capsys.readouterr()
    return code, out.out, out.err


def people_count(folder: Path, capsys: pytest.CaptureFixture[str]) -> int:
    assert main(["check", "--data-dir", str(folder), "--lang", "en"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.strip().startswith("people:"))
    return int(line.split(":")[1])


def test_dry_run_prints_the_report_and_imports_nothing(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = messy_gbk_csv(tmp_path / "花名册.csv")
    code, out, err = run(folder, capsys, str(path), "--dry-run", "--lang", "en")
    assert code == 0, err
    lines = out.splitlines()
    assert "Roster 花名册.csv, header on row 3:" in lines
    assert "  Name ← B 姓名" in lines and "  Joined ← G 参加工作时间" in lines
    assert f"  row {MESSY_ROWS['张三']}: OK, 张三 (办公室)" in lines
    assert f"  row {MESSY_ROWS['missing']}: Error, — (财务科) — The name is missing." in lines
    duplicate = next(x for x in lines if x.startswith(f"  row {MESSY_ROWS['duplicate']}:"))
    assert "Duplicate" in duplicate and "as row 4" in duplicate
    assert lines[-3:] == [
        "Dry run: 3 person(s) would be imported.",
        "1 duplicate(s) skipped, 1 row(s) with errors.",
        "Nothing was changed.",
    ]
    assert people_count(folder, capsys) == 0


def test_import_then_again_finds_everyone_a_duplicate(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = merged_header_xlsx(tmp_path / "名单.xlsx")
    code, out, err = run(folder, capsys, str(path), "--lang", "en")
    assert code == 0, err
    assert out.splitlines()[-2:] == [
        "3 person(s) imported, 2 department(s) created.",
        "0 duplicate(s) skipped, 0 row(s) with errors.",
    ]
    assert people_count(folder, capsys) == 3
    code, out, _err = run(folder, capsys, str(path), "--lang", "en")
    assert code == 0
    assert out.splitlines()[-2].startswith("0 person(s) imported")
    assert out.count("Already in the workspace") == 3
    assert people_count(folder, capsys) == 3


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: zip_bomb_xlsx(p / "bomb.xlsx"), "zip bomb"),
        (lambda p: billion_laughs_xlsx(p / "laughs.xlsx"), "entity declarations"),
        (lambda p: workbook(p / "no-names.xlsx", [["部门"], ["办公室"]]), "No column of names"),
    ],
)
def test_a_refused_file_is_one_line_on_stderr_and_changes_nothing(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, words: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    before = snapshot(folder)
    code, out, err = run(folder, capsys, str(path), "--lang", "en")
    assert code != 0
    assert out == ""
    assert len(err.splitlines()) == 1 and words in err and "Traceback" not in err
    assert snapshot(folder) == before


def test_a_missing_file(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(folder, capsys, str(tmp_path / "nope.csv"), "--lang", "en")
    assert code != 0 and "does not exist" in err


def test_the_report_in_chinese(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = messy_gbk_csv(tmp_path / "r.csv")
    code, out, _err = run(folder, capsys, str(path), "--dry-run", "--lang", "zh_CN")
    assert code == 0
    assert "缺少姓名" in out
    code, _out, err = run(
        folder, capsys, str(zip_bomb_xlsx(tmp_path / "b.xlsx")), "--lang", "zh_CN"
    )
    assert code != 0 and "压缩炸弹" in err
